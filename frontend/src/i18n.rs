//! The interface's words in the reader's language: `tipstats_shared::words`,
//! where each word is written beside its translation and the server reads
//! the same words.

pub use tipstats_shared::figure::reporters_in;
use tipstats_shared::lang::Lang;
pub use tipstats_shared::words::Text;

/// The interface's words in `lang`.
pub fn text(lang: Lang) -> &'static Text {
    tipstats_shared::words::words(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporters_are_named_in_the_language() {
        assert_eq!(reporters_in("states", Lang::Es), "estados");
        assert_eq!(reporters_in("states", Lang::En), "states");
        assert_eq!(reporters_in("clinics", Lang::Es), "clinics");
        assert_eq!(text(Lang::Es).nav_explore(), "Explorar");
    }
}
