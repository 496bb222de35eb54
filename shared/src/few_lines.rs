//! A breakdown with many categories, drawn as its largest few and the rest
//! summed. UNODC publishes the United States' detected victims by 94
//! citizenships and the United Kingdom's by 246: a line or a band each would
//! be a tangle no reader can follow. The chart, its summary and its readout
//! show each place's [`MAX_LINES`]` - 1` largest categories over the years
//! asked and one "Others (n)" line for the rest; the table and every data
//! file keep each category as published.

use std::borrow::Cow;

use crate::lang::Lang;
use crate::words::words;
use crate::{SeriesResponse, SeriesRow};

/// The most lines one place's breakdown draws: the palette's colours.
pub const MAX_LINES: usize = crate::chart::PALETTE.len();

/// `response`'s rows with each place's smallest categories summed into
/// one, when it has more than [`MAX_LINES`]; as they are otherwise. Rates
/// are never summed, so rows of rates are left whole.
pub fn drawn_lines(response: &SeriesResponse, lang: Lang) -> Cow<'_, [SeriesRow]> {
    let folds = response.by.is_some()
        && response.rows.iter().all(|row| row.rate.is_none())
        && response
            .regions
            .iter()
            .any(|code| categories_of(response, code).len() > MAX_LINES);
    if !folds {
        return Cow::Borrowed(&response.rows);
    }
    let mut rows = Vec::with_capacity(response.rows.len());
    for code in &response.regions {
        let categories = categories_of(response, code);
        let kept = largest(&categories);
        let label = format!(
            "{} ({})",
            words(lang).others(),
            categories.len() - kept.len()
        );
        let mut folded = Vec::new();
        for row in response.rows.iter().filter(|row| &row.region == code) {
            match row.category.as_deref() {
                Some(c) if !kept.contains(&c) => folded.push(row),
                _ => rows.push(row.clone()),
            }
        }
        rows.extend(summed_by_period(&folded, &label));
    }
    Cow::Owned(rows)
}

/// The [`MAX_LINES`]` - 1` largest categories, ties in the rows' order, or
/// all of them when they are no more than [`MAX_LINES`]. Picked one by
/// one, not sorted: a sort costs the browser's bundle kilobytes.
fn largest<'a>(categories: &[(&'a str, f64)]) -> Vec<&'a str> {
    if categories.len() <= MAX_LINES {
        return categories.iter().map(|c| c.0).collect();
    }
    let mut kept: Vec<&str> = Vec::with_capacity(MAX_LINES - 1);
    for _ in 1..MAX_LINES {
        let rest = categories.iter().filter(|c| !kept.contains(&c.0));
        let next = rest.fold(None, |best: Option<&(&str, f64)>, c| match best {
            Some(b) if b.1 >= c.1 => Some(b),
            _ => Some(c),
        });
        kept.extend(next.map(|c| c.0));
    }
    kept
}

/// A place's categories in the rows' order, each with its plotted total.
fn categories_of<'a>(response: &'a SeriesResponse, code: &str) -> Vec<(&'a str, f64)> {
    let mut categories: Vec<(&str, f64)> = Vec::new();
    for row in response.rows.iter().filter(|row| row.region == code) {
        let Some(category) = row.category.as_deref() else {
            continue;
        };
        let plotted = row.plotted().unwrap_or(0.0);
        match categories.iter_mut().find(|c| c.0 == category) {
            Some(c) => c.1 += plotted,
            None => categories.push((category, plotted)),
        }
    }
    categories
}

/// One row per period (year, or year and month) of `rows`: their sum,
/// with the bounds of the sum where a "<5" cell is inside it. The rows
/// come in the periods' order, as the series query sorts them.
fn summed_by_period(rows: &[&SeriesRow], label: &str) -> Vec<SeriesRow> {
    let mut sums: Vec<SeriesRow> = Vec::new();
    for row in rows {
        let sum = match sums.last_mut() {
            Some(sum) if sum.year == row.year && sum.month == row.month => sum,
            _ => {
                let category = Some(label.to_string());
                sums.push(SeriesRow {
                    category,
                    ..(*row).clone()
                });
                continue;
            }
        };
        let bound = |b: Option<i64>, v: Option<i64>| b.or(v).unwrap_or(0);
        if sum.lower.is_some() || row.lower.is_some() {
            sum.lower = Some(bound(sum.lower, sum.value) + bound(row.lower, row.value));
            sum.upper = Some(bound(sum.upper, sum.value) + bound(row.upper, row.value));
        }
        if row.value.is_some() {
            sum.value = Some(sum.value.unwrap_or(0) + row.value.unwrap_or(0));
        }
        sum.suppressed_cells += row.suppressed_cells;
        sum.reporting_units = sum.reporting_units.max(row.reporting_units);
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(category: &str, year: i32, value: Option<i64>, bounds: Option<(i64, i64)>) -> SeriesRow {
        SeriesRow {
            region: "USA".into(),
            year,
            month: None,
            category: Some(category.into()),
            value,
            reporting_units: 1,
            suppressed_cells: u32::from(bounds.is_some() && value.is_none()),
            lower: bounds.map(|b| b.0),
            upper: bounds.map(|b| b.1),
            rate: None,
            rate_lower: None,
            rate_upper: None,
        }
    }

    fn response(rows: Vec<SeriesRow>) -> SeriesResponse {
        SeriesResponse {
            data_version: "test".into(),
            indicator: "glotip.victims".into(),
            regions: vec!["USA".into()],
            from: 2020,
            to: 2021,
            by: Some("citizenship".into()),
            panel: Default::default(),
            period: Default::default(),
            per: None,
            rows,
            sources: Vec::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn a_few_categories_are_drawn_as_they_are() {
        let few = response(
            (0..MAX_LINES as i64)
                .map(|i| row(&format!("c{i}"), 2020, Some(i), None))
                .collect(),
        );
        assert!(matches!(drawn_lines(&few, Lang::En), Cow::Borrowed(_)));
    }

    #[test]
    fn the_smallest_are_summed_with_their_bounds() {
        // Ten categories valued 10, 20, … 100 in 2020; the three smallest
        // (10, 20, 30) and a "<5" cell in 2021 are summed.
        let mut rows: Vec<SeriesRow> = (1..=10)
            .map(|i| row(&format!("c{i}"), 2020, Some(i * 10), None))
            .collect();
        rows.push(row("c1", 2021, None, Some((0, 4))));
        rows.push(row("c2", 2021, Some(7), None));
        let asked = response(rows);
        let drawn = drawn_lines(&asked, Lang::En);
        let others: Vec<&SeriesRow> = drawn
            .iter()
            .filter(|r| r.category.as_deref() == Some("Others (4)"))
            .collect();
        assert_eq!(others.len(), 2, "{others:?}");
        assert_eq!(
            (others[0].year, others[0].value, others[0].lower),
            (2020, Some(100), None)
        );
        assert_eq!(
            (
                others[1].year,
                others[1].value,
                others[1].lower,
                others[1].upper
            ),
            (2021, Some(7), Some(7), Some(11))
        );
        assert_eq!(others[1].suppressed_cells, 1);
        let kept = drawn
            .iter()
            .filter(|r| r.category.as_deref() != Some("Others (4)"));
        assert_eq!(kept.count(), MAX_LINES - 1);
    }
}
