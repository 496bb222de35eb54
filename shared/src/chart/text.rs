//! Text fitting, apart from drawing: how wide words are estimated to be,
//! shortening and wrapping them to a width, and spreading labels apart.

use plotters::style::FontFamily;

/// The one typeface. Named by its enum, not by the string "sans-serif":
/// plotters lower-cases a string name first, and that pulls the whole
/// Unicode case table into the browser's bundle.
pub(super) const SANS: FontFamily<'static> = FontFamily::SansSerif;

/// The vertical room one direct label needs, in pixels.
pub(super) const LABEL_GAP: i32 = 16;
/// A glyph's estimated width as a share of plotters' font size, which the
/// SVG writes as 1/1.24 of itself: an average glyph of DejaVu Sans (0.57 em)
/// or of a slightly wider sans-serif, so that shortened text fits. The SVG
/// is measured by the browser that shows it, not here.
const GLYPH_WIDTH: f64 = 0.52;

/// The estimated width of `text` in pixels at `font_size`.
pub(super) fn text_width(text: &str, font_size: u32) -> u32 {
    (text.chars().count() as f64 * font_size as f64 * GLYPH_WIDTH).ceil() as u32
}

/// How many glyphs fit in `width` pixels at `font_size`.
fn glyphs_in(width: u32, font_size: u32) -> usize {
    (width as f64 / (font_size as f64 * GLYPH_WIDTH)) as usize
}

/// `text` cut to fit `width` pixels at `font_size`, with an ellipsis where
/// it was cut; the full name stays in the summary and the table.
pub(super) fn shortened(text: &str, font_size: u32, width: u32) -> String {
    let fits = glyphs_in(width, font_size);
    if text.chars().count() <= fits {
        return text.to_string();
    }
    let kept: String = text.chars().take(fits.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// Breaks `text` into lines of at most `width` pixels at `font_size`.
pub(super) fn wrap(text: &str, font_size: u32, width: u32) -> Vec<String> {
    let per_line = glyphs_in(width, font_size).max(10);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > per_line {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Moves label positions (pixel rows) apart so that neighbours are at least
/// `gap` apart, each as close to where it wants to be as the others allow,
/// and all inside `top..=bottom` when there is room. Returns the positions in
/// the order given.
pub fn spread_labels(wanted: &[i32], gap: i32, top: i32, bottom: i32) -> Vec<i32> {
    // The labels top to bottom, equal ones in the order given. Inserted one
    // by one: there are a dozen at most, and std's sort costs the browser's
    // bundle about 4 KB (twiggy).
    let mut order: Vec<usize> = Vec::with_capacity(wanted.len());
    for i in 0..wanted.len() {
        let below = order.iter().position(|&j| wanted[j] > wanted[i]);
        order.insert(below.unwrap_or(order.len()), i);
    }
    let mut placed = vec![0; wanted.len()];
    // Top to bottom: push each label down below the one above it.
    let mut floor = top;
    for &i in &order {
        placed[i] = wanted[i].max(floor);
        floor = placed[i] + gap;
    }
    // Bottom to top: pull back up whatever was pushed past the bottom.
    let mut ceiling = bottom;
    for &i in order.iter().rev() {
        placed[i] = placed[i].min(ceiling);
        ceiling = placed[i] - gap;
    }
    placed
}
