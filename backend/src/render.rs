//! PNG images of the server's SVG figures, drawn by resvg with the font the
//! project ships (DejaVu Sans, `backend/fonts/`), so that text looks the same
//! on every machine whatever fonts it has installed.

use std::sync::Arc;

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

const FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const FAMILY: &str = "DejaVu Sans";

/// The fonts of every image: loaded once at start and shared.
pub fn fonts() -> fontdb::Database {
    let mut fonts = fontdb::Database::new();
    fonts.load_font_data(FONT.to_vec());
    fonts.set_sans_serif_family(FAMILY);
    fonts
}

/// Rasterizes an SVG document at its own size.
pub fn png(svg: &str, fonts: Arc<fontdb::Database>) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: fonts,
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("SVG not readable: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| "an image of no size".to_string())?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_drawn_with_the_shipped_font() {
        let fonts = Arc::new(fonts());
        let blank = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#FFFFFF"/></svg>"##;
        let with_text = blank.replace(
            "</svg>",
            r##"<text x="4" y="28" font-family="sans-serif" font-size="20" fill="#000000">tipstats</text></svg>"##,
        );
        let decode = |png: Vec<u8>| {
            let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
            assert_eq!((pixmap.width(), pixmap.height()), (120, 40));
            pixmap.pixels().iter().filter(|p| p.red() < 128).count()
        };
        let dark_without = decode(png(blank, Arc::clone(&fonts)).expect("renders"));
        let dark_with = decode(png(&with_text, fonts).expect("renders"));
        assert_eq!(dark_without, 0);
        assert!(
            dark_with > 50,
            "{dark_with} dark pixels: the text was not drawn"
        );
    }
}
