//! How figures are written for people: thousands separators, suppressed
//! cells and bounds. Plain functions, used by the table, the chart's axis and
//! the server's exports alike.

use crate::{Catalog, SeriesResponse, SeriesRow};

/// `16390` → `"16,390"`.
pub fn thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// An axis tick: whole numbers with separators; a fraction only when the
/// axis is so short that its ticks fall between whole numbers.
pub fn axis_tick(value: f64) -> String {
    if (value - value.round()).abs() < 1e-6 {
        thousands(value.round() as i64)
    } else {
        format!("{value:.1}")
    }
}

/// A table cell for one row: `"16,390"`; `"≥ 1,234"` when suppressed cells
/// are inside the sum (the true figure lies between the bounds); `"<5"` for a
/// single suppressed cell; `"1–4 × 3 cells"` style text is left to the bounds
/// column.
pub fn value_cell(row: &SeriesRow) -> String {
    match (row.value, row.suppressed_cells) {
        (Some(v), 0) => thousands(v),
        (Some(v), _) => format!("≥ {}", thousands(v)),
        // Only suppressed cells: below the upper bound plus one ("<5" for
        // one of UNODC's cells, "<11" for one of CTDC's).
        (None, n) if n > 0 => row.upper.map_or_else(
            || "—".to_string(),
            |upper| format!("<{}", thousands(upper + 1)),
        ),
        (None, _) => "—".to_string(),
    }
}

/// The range the true figure lies in, when suppressed cells make it uncertain.
pub fn bounds_cell(row: &SeriesRow) -> String {
    match (row.lower, row.upper) {
        (Some(lower), Some(upper)) => format!("{}–{}", thousands(lower), thousands(upper)),
        _ => String::new(),
    }
}

/// One sentence on each region's trend over the range, for everyone and for
/// screen readers.
pub fn trend_summary(response: &SeriesResponse, catalog: &Catalog) -> String {
    let name = catalog
        .indicator(&response.indicator)
        .map_or(response.indicator.as_str(), |i| i.name.as_str());
    let parts: Vec<String> = response
        .regions
        .iter()
        .filter_map(|code| {
            let mut rows = response
                .rows
                .iter()
                .filter(|r| &r.region == code && r.value.is_some());
            let first = rows.next()?;
            let last = rows.last().unwrap_or(first);
            Some(format!(
                "{} {} in {} to {} in {}",
                catalog.region_name(code),
                thousands(first.value.unwrap_or(0)),
                first.year,
                thousands(last.value.unwrap_or(0)),
                last.year
            ))
        })
        .collect();
    if parts.is_empty() {
        format!("{name}: no figures for the chosen regions and years.")
    } else {
        format!(
            "{name}, {}–{}: {}.",
            response.from,
            response.to,
            parts.join("; ")
        )
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
    fn suppressed_cells_are_never_written_as_zero() {
        assert_eq!(value_cell(&row(Some(16390), 0)), "16,390");
        assert_eq!(value_cell(&row(Some(1234), 2)), "≥ 1,234");
        assert_eq!(value_cell(&row(None, 1)), "<5");
        assert_eq!(value_cell(&row(None, 3)), "<13");
        assert_eq!(bounds_cell(&row(Some(1234), 2)), "1,234–1,242");
        assert_eq!(bounds_cell(&row(Some(10), 0)), "");
    }

    #[test]
    fn summary_names_each_region_first_and_last_year() {
        let catalog = Catalog {
            data_version: "v".into(),
            sources: vec![],
            indicators: vec![],
            regions: vec![],
        };
        let mut rows = vec![row(Some(100), 0), row(None, 1), row(Some(16390), 0)];
        rows[0].year = 2010;
        rows[1].year = 2011;
        let response = SeriesResponse {
            data_version: "v".into(),
            indicator: "victims".into(),
            regions: vec!["USA".into(), "MEX".into()],
            from: 2010,
            to: 2022,
            by: None,
            panel: "all".into(),
            period: "year".into(),
            per: None,
            rows,
            sources: vec![],
            notes: vec![],
        };
        assert_eq!(
            trend_summary(&response, &catalog),
            "victims, 2010–2022: USA 100 in 2010 to 16,390 in 2022."
        );
        let empty = SeriesResponse {
            rows: vec![],
            ..response
        };
        assert_eq!(
            trend_summary(&empty, &catalog),
            "victims: no figures for the chosen regions and years."
        );
    }
}
