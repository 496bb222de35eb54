//! How figures are written for people: thousands separators, suppressed
//! cells and bounds, in English or Spanish. Plain functions, used by the
//! table, the chart's axis and the server's exports alike.
//!
//! English groups thousands with commas (16,390). Spanish follows Mexico's
//! NOM-008-SCFI and the RAE: groups of three set apart by a (no-break)
//! space, and a decimal point (16 390; 0.72).

use crate::SeriesRow;
use crate::lang::Lang;

/// `16390` → `"16,390"`.
pub fn thousands(value: i64) -> String {
    thousands_in(value, Lang::En)
}

/// `16390` → `"16,390"` in English, `"16 390"` (no-break space) in Spanish.
pub fn thousands_in(value: i64, lang: Lang) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Es => '\u{a0}',
    };
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

/// An axis tick on an axis that reaches `top`: every tick of one axis gets
/// the same number of decimals, enough for its scale (rates per 100,000
/// are often below one); counts are whole numbers with separators.
pub fn axis_tick(value: f64, top: f64, lang: Lang) -> String {
    let decimals = if top < 5.0 {
        2
    } else if top < 50.0 {
        1
    } else {
        0
    };
    if decimals == 0 || (value == 0.0) {
        thousands_in(value.round() as i64, lang)
    } else {
        format!("{value:.decimals$}")
    }
}

/// A rate per 100,000, two decimals.
pub fn rate_cell(rate: f64) -> String {
    format!("{rate:.2}")
}

/// A row's rate as a table writes it: "4.85", or its range "0.10–0.31"
/// where suppressed cells stand behind the count; empty without a rate.
pub fn row_rate_cell(row: &SeriesRow) -> String {
    match (row.rate_lower, row.rate_upper) {
        (Some(lower), Some(upper)) if upper > lower => {
            format!("{}–{}", rate_cell(lower), rate_cell(upper))
        }
        _ => row
            .rate
            .or(row.rate_lower)
            .map(rate_cell)
            .unwrap_or_default(),
    }
}

/// A table cell for one row, in English: see [`value_cell_in`].
pub fn value_cell(row: &SeriesRow) -> String {
    value_cell_in(row, Lang::En)
}

/// A table cell for one row: `"16,390"`; `"≥ 1,234"` when suppressed cells
/// are inside the sum (the true figure lies between the bounds); `"<5"` when
/// only suppressed cells contributed: never zero.
pub fn value_cell_in(row: &SeriesRow, lang: Lang) -> String {
    match (row.value, row.suppressed_cells) {
        (Some(v), 0) => thousands_in(v, lang),
        (Some(v), _) => format!("≥ {}", thousands_in(v, lang)),
        // Only suppressed cells: below the upper bound plus one ("<5" for
        // one of UNODC's cells, "<11" for one of CTDC's).
        (None, n) if n > 0 => row.upper.map_or_else(
            || "—".to_string(),
            |upper| format!("<{}", thousands_in(upper + 1, lang)),
        ),
        (None, _) => "—".to_string(),
    }
}

/// The range the true figure lies in, when suppressed cells make it uncertain.
pub fn bounds_cell(row: &SeriesRow, lang: Lang) -> String {
    match (row.lower, row.upper) {
        (Some(lower), Some(upper)) => format!(
            "{}–{}",
            thousands_in(lower, lang),
            thousands_in(upper, lang)
        ),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: Option<i64>, suppressed_cells: u32) -> SeriesRow {
        let lower = (suppressed_cells > 0).then(|| value.unwrap_or(0));
        SeriesRow {
            month: None,
            category: None,
            region: "USA".into(),
            year: 2022,
            value,
            reporting_units: 1,
            suppressed_cells,
            lower,
            upper: lower.map(|l| l + 4 * i64::from(suppressed_cells)),
            rate: None,
            rate_lower: None,
            rate_upper: None,
        }
    }

    #[test]
    fn thousands_separates_groups_of_three() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (16390, "16,390"),
            (1234567, "1,234,567"),
            (-1234, "-1,234"),
        ];
        for (input, expected) in cases {
            assert_eq!(thousands(input), expected, "{input}");
        }
    }

    #[test]
    fn ticks_of_one_axis_share_their_decimals() {
        assert_eq!(axis_tick(20000.0, 21000.0, Lang::En), "20,000");
        assert_eq!(axis_tick(20000.0, 21000.0, Lang::Es), "20\u{a0}000");
        assert_eq!(axis_tick(0.8, 1.8, Lang::En), "0.80");
        assert_eq!(axis_tick(1.2, 1.8, Lang::Es), "1.20");
        assert_eq!(axis_tick(0.0, 1.8, Lang::En), "0");
        assert_eq!(axis_tick(12.5, 20.0, Lang::En), "12.5");
    }

    #[test]
    fn suppressed_cells_are_never_written_as_zero() {
        assert_eq!(value_cell(&row(Some(16390), 0)), "16,390");
        assert_eq!(value_cell(&row(Some(1234), 2)), "≥ 1,234");
        assert_eq!(value_cell(&row(None, 1)), "<5");
        assert_eq!(value_cell(&row(None, 3)), "<13");
        assert_eq!(bounds_cell(&row(Some(1234), 2), Lang::En), "1,234–1,242");
        assert_eq!(bounds_cell(&row(Some(10), 0), Lang::En), "");
        assert_eq!(value_cell_in(&row(Some(16390), 0), Lang::Es), "16\u{a0}390");
        assert_eq!(value_cell_in(&row(Some(1234), 2), Lang::Es), "≥ 1\u{a0}234");
    }
}
