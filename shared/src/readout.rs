//! What a chart's readout says for each year: the figures of every place
//! (value or range, reporting units, suppressed cells) and the notes about
//! that year, with where the year is drawn. Written as JSON into the chart's
//! `data-readout` attribute; `readout.js` shows it under the pointer or as
//! the arrow keys step along the years. The dashboard and the server write
//! it from here alike.

use crate::figure::{category_in, reporters_of};
use crate::format::{thousands_in, value_cell_in};
use crate::lang::Lang;
use crate::words::words;
use crate::{Catalog, NoteKind, SeriesResponse};

/// `[[year, x, [line, …]], …]` for the years drawn at `columns` ((year,
/// pixels from the drawing's left edge), as `chart_svg_with_years` gives
/// them), on a drawing `width` pixels wide: `{"width": …, "years": …}`.
pub fn readout_json(
    catalog: &Catalog,
    response: &SeriesResponse,
    columns: &[(i32, i32)],
    width: u32,
    lang: Lang,
) -> String {
    let years: Vec<String> = columns
        .iter()
        .map(|(year, x)| {
            let lines: Vec<String> = year_lines(catalog, response, *year, lang)
                .iter()
                .map(|line| json_string(line))
                .collect();
            format!("[{year},{x},[{}]]", lines.join(","))
        })
        .collect();
    format!("{{\"width\":{width},\"years\":[{}]}}", years.join(","))
}

/// A year's figures, a line per place (and category, as the chart draws
/// them), then its notes.
pub fn year_lines(
    catalog: &Catalog,
    response: &SeriesResponse,
    year: i32,
    lang: Lang,
) -> Vec<String> {
    let drawn = crate::few_lines::drawn_lines(response, lang);
    let reporters = reporters_of(catalog, &response.indicator, lang);
    let suppressed = words(lang).suppressed_cells();
    let reporters_vary = response.reporters_vary();
    let rows = response
        .regions
        .iter()
        .flat_map(|code| drawn.iter().filter(move |r| &r.region == code))
        .filter(|row| row.year == year);
    let mut lines: Vec<String> = rows
        .map(|row| {
            let mut line = catalog.region_name_in(&row.region, lang).to_string();
            if let Some(category) = &row.category {
                line.push_str(" · ");
                line.push_str(category_in(category, lang));
            }
            line.push_str(": ");
            line.push_str(&value_cell_in(row, lang));
            if row.reporting_units > 0 && reporters_vary {
                let units = thousands_in(i64::from(row.reporting_units), lang);
                line.push_str(&format!(" · {units} {reporters}"));
            }
            if row.suppressed_cells > 0 {
                let cells = thousands_in(i64::from(row.suppressed_cells), lang);
                line.push_str(&format!(" · {cells} {suppressed}"));
            }
            line
        })
        .collect();
    let notes = response
        .notes
        .iter()
        .filter(|n| n.year == Some(year) && n.kind != NoteKind::Caveat);
    lines.extend(notes.map(|n| match (lang, &n.es) {
        (Lang::Es, Some(es)) => es.clone(),
        _ => n.text.clone(),
    }));
    lines
}

/// A JSON string literal. Written here rather than with serde_json, which
/// the browser's bundle does not carry (it reads JSON with the browser's
/// own parser).
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_json() {
        assert_eq!(json_string("a \"b\" \\ c\n"), r#""a \"b\" \\ c\u000a""#);
        let parsed: String =
            serde_json::from_str(&json_string("Tom & \"Jerry\"\t<")).expect("JSON");
        assert_eq!(parsed, "Tom & \"Jerry\"\t<");
    }
}
