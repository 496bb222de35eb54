//! The interface languages: at the bottom of the crate, so that the wire
//! types, the query vocabulary, numbers and figures all name it without
//! importing one another.

use serde::{Deserialize, Serialize};

/// The interface languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.as_str() == text)
    }
}

impl crate::choice::Choice for Lang {
    const ALL: &'static [Lang] = &Lang::ALL;

    fn word(self) -> &'static str {
        self.as_str()
    }
}
