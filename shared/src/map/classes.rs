//! How a map's figures fall into classes of colour: breaks chosen once for
//! every year of the range (so that a colour means the same in each year),
//! a class of its own for zero, and the honest gaps apart from every
//! figure: a place with no figure, and a place whose figure was published
//! only as "<5".

use crate::SeriesRow;
use crate::format::thousands_in;
use crate::lang::Lang;

/// The most classes of positive figures; with zero, the legend has at most
/// six colours, then "<5" and "no data".
const MAX_CLASSES: usize = 5;

/// What a place is filled with in one year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fill {
    /// No figure for that place and year.
    NoData,
    /// Published only as "<5" (or "<11"): below a threshold, never zero.
    Suppressed,
    /// A figure of zero.
    Zero,
    /// A positive figure in class `i` (0 the lowest).
    Class(usize),
}

/// The breaks between classes: class `i` holds figures from `lower[i]`
/// (inclusive) up to `lower[i + 1]`; `lower[0]` is above zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    pub lower: Vec<f64>,
    /// Whether any figure of the range is zero.
    pub zero: bool,
    /// Whether any figure of the range is suppressed only.
    pub suppressed: bool,
    /// Whether the figures are rates (decimals) rather than counts.
    pub rates: bool,
    /// Whether each class is one figure: counts with so few distinct
    /// figures (codes such as the TIP Report's tiers 1–4) that each gets
    /// its own colour rather than a range.
    pub exact: bool,
}

impl Classes {
    /// Quantile breaks of every figure of the range, rounded to two
    /// significant digits so that the legend reads "1,200–4,500", not
    /// "1,187–4,512"; fewer classes when there are fewer distinct figures.
    pub fn of(rows: &[SeriesRow]) -> Classes {
        let rates = rows.iter().any(|r| r.rate.is_some());
        let mut positive: Vec<f64> = rows
            .iter()
            .filter_map(figure)
            .filter(|v| *v > 0.0)
            .collect();
        positive.sort_by(f64::total_cmp);
        let mut distinct = positive.clone();
        distinct.dedup();
        let exact = !rates && !distinct.is_empty() && distinct.len() <= MAX_CLASSES + 1;
        let mut lower: Vec<f64> = Vec::new();
        if exact {
            lower = distinct;
        } else if let Some(&smallest) = positive.first() {
            lower.push(if rates { smallest } else { smallest.max(1.0) });
            for i in 1..MAX_CLASSES {
                let at = positive[i * positive.len() / MAX_CLASSES];
                let rounded = two_digits(at);
                if lower.last().is_some_and(|last| rounded > *last) {
                    lower.push(rounded);
                }
            }
        }
        Classes {
            lower,
            zero: rows.iter().filter_map(figure).any(|v| v == 0.0),
            suppressed: rows
                .iter()
                .any(|r| figure(r).is_none() && r.suppressed_cells > 0),
            rates,
            exact,
        }
    }

    /// The class of one place's row in one year (`None`: no row).
    pub fn fill(&self, row: Option<&SeriesRow>) -> Fill {
        let Some(row) = row else {
            return Fill::NoData;
        };
        match figure(row) {
            None if row.suppressed_cells > 0 => Fill::Suppressed,
            None => Fill::NoData,
            Some(v) if v <= 0.0 => Fill::Zero,
            Some(v) => Fill::Class(
                self.lower
                    .iter()
                    .rposition(|lower| v >= *lower)
                    .unwrap_or(0),
            ),
        }
    }

    /// How many colours the legend has: zero's, then each class's.
    pub fn colours(&self) -> usize {
        usize::from(self.zero) + self.lower.len()
    }

    /// The colour index (0 the lightest) of a fill with a figure.
    pub fn colour_of(&self, fill: Fill) -> Option<usize> {
        match fill {
            Fill::Zero => Some(0),
            Fill::Class(i) => Some(i + usize::from(self.zero)),
            Fill::NoData | Fill::Suppressed => None,
        }
    }

    /// The legend's label of each colour, in order: "0", "1–9", "10–49",
    /// …, "1,200 or more".
    pub fn labels(&self, lang: Lang, or_more: &str) -> Vec<String> {
        let mut labels = Vec::new();
        if self.zero {
            labels.push("0".to_string());
        }
        for (i, lower) in self.lower.iter().enumerate() {
            labels.push(match self.lower.get(i + 1) {
                _ if self.exact => self.number(*lower, lang),
                Some(next) if self.rates => {
                    format!("{}–{}", self.number(*lower, lang), self.number(*next, lang))
                }
                Some(next) if next - lower <= 1.0 => self.number(*lower, lang),
                Some(next) => format!(
                    "{}–{}",
                    self.number(*lower, lang),
                    self.number(next - 1.0, lang)
                ),
                None => format!("{} {or_more}", self.number(*lower, lang)),
            });
        }
        labels
    }

    fn number(&self, value: f64, lang: Lang) -> String {
        // Rates under 1 need a second decimal: "0.04–0.22", not "0.0–0.2".
        if self.rates && value < 1.0 {
            format!("{value:.2}")
        } else if self.rates {
            format!("{value:.1}")
        } else {
            thousands_in(value.round() as i64, lang)
        }
    }
}

/// A row's figure: the rate when there is one, else the count; `None` when
/// only suppressed cells (or nothing) stand behind it. A count with
/// suppressed cells inside counts by its known part.
pub fn figure(row: &SeriesRow) -> Option<f64> {
    row.rate.or(row.value.map(|v| v as f64))
}

/// `value` rounded to two significant digits (1,187 → 1,200; 7.34 → 7.3).
fn two_digits(value: f64) -> f64 {
    if value <= 0.0 {
        return value;
    }
    let magnitude = 10f64.powi(value.log10().floor() as i32 - 1);
    (value / magnitude).round() * magnitude
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: Option<i64>, suppressed_cells: u32) -> SeriesRow {
        SeriesRow {
            region: "X".into(),
            year: 2020,
            month: None,
            category: None,
            value,
            reporting_units: 1,
            suppressed_cells,
            lower: value.or(Some(0)),
            upper: value.map(|v| v + 4 * i64::from(suppressed_cells)),
            rate: None,
            rate_lower: None,
            rate_upper: None,
        }
    }

    #[test]
    fn breaks_are_rounded_quantiles_with_zero_and_gaps_apart() {
        let mut rows: Vec<SeriesRow> = (1..=100).map(|v| row(Some(v * 13), 0)).collect();
        rows.push(row(Some(0), 0));
        rows.push(row(None, 1));
        let classes = Classes::of(&rows);
        assert_eq!(classes.lower, vec![13.0, 270.0, 530.0, 790.0, 1100.0]);
        assert!(classes.zero && classes.suppressed);
        assert_eq!(classes.fill(Some(&row(Some(0), 0))), Fill::Zero);
        assert_eq!(classes.fill(Some(&row(None, 1))), Fill::Suppressed);
        assert_eq!(classes.fill(None), Fill::NoData);
        assert_eq!(classes.fill(Some(&row(Some(13), 0))), Fill::Class(0));
        assert_eq!(classes.fill(Some(&row(Some(269), 0))), Fill::Class(0));
        assert_eq!(classes.fill(Some(&row(Some(270), 0))), Fill::Class(1));
        assert_eq!(classes.fill(Some(&row(Some(1300), 0))), Fill::Class(4));
        assert_eq!(classes.colours(), 6);
        assert_eq!(
            classes.labels(Lang::En, "or more"),
            [
                "0",
                "13–269",
                "270–529",
                "530–789",
                "790–1,099",
                "1,100 or more"
            ]
        );
    }

    #[test]
    fn few_distinct_figures_make_few_classes() {
        let rows = [row(Some(5), 0), row(Some(5), 0), row(Some(5), 0)];
        let classes = Classes::of(&rows);
        assert_eq!(classes.lower, vec![5.0]);
        assert!(!classes.zero && !classes.suppressed);
        assert_eq!(classes.labels(Lang::Es, "o más"), ["5"]);
    }

    #[test]
    fn small_rates_keep_two_decimals() {
        let rows: Vec<SeriesRow> = [0.04, 0.2, 0.6, 1.0, 2.2, 5.0, 9.0, 0.1]
            .into_iter()
            .map(|rate| SeriesRow {
                rate: Some(rate),
                ..row(Some(1), 0)
            })
            .collect();
        let labels = Classes::of(&rows).labels(Lang::En, "or more");
        assert_eq!(
            labels,
            [
                "0.04–0.10",
                "0.10–0.60",
                "0.60–1.0",
                "1.0–5.0",
                "5.0 or more"
            ]
        );
    }

    #[test]
    fn codes_get_a_colour_each() {
        // The TIP Report's tiers, coded 1–4: Tier 2 Watch List (3) and
        // Tier 3 (4) are never one class.
        let rows: Vec<SeriesRow> = [1, 2, 2, 3, 4, 4, 1, 2]
            .into_iter()
            .map(|tier| row(Some(tier), 0))
            .collect();
        let classes = Classes::of(&rows);
        assert!(classes.exact);
        assert_eq!(classes.labels(Lang::En, "or more"), ["1", "2", "3", "4"]);
        assert_eq!(classes.fill(Some(&row(Some(3), 0))), Fill::Class(2));
        assert_eq!(classes.fill(Some(&row(Some(4), 0))), Fill::Class(3));
        // Seven distinct counts are ranges again.
        let rows: Vec<SeriesRow> = (1..=7).map(|v| row(Some(v), 0)).collect();
        assert!(!Classes::of(&rows).exact);
    }
}
