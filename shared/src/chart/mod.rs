//! The trend chart, drawn by plotters on any backend: the browser draws it
//! into an SVG string, the server into SVG or PNG, tests into a string.
//!
//! Each series gets one colour of the Okabe–Ito palette (safe for colour-blind
//! readers) and a direct label at its last point, so colour is never the only
//! cue. Where suppressed cells make a figure uncertain the chart shades the
//! band between its lower and upper bound.

mod coverage;
mod figure;
mod kinds;
mod map;
mod plot;
mod scale;
mod text;
mod theme;

use plotters::coord::Shift;
use plotters::prelude::*;

pub use coverage::{Coverage, CoverageRow};
pub use figure::{draw_figure, figure_svg, map_figure_svg};
pub use map::{MapDrawing, PlaceState};
pub use text::spread_labels;
pub use theme::{PALETTE, Theme};

use crate::lang::Lang;
use crate::query::ChartKind;
use crate::{Catalog, NoteKind, SeriesResponse, SeriesRow};

/// Everything the chart shows, already in plotting terms.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub title: String,
    pub y_label: String,
    pub years: (i32, i32),
    pub series: Vec<Series>,
    pub kind: ChartKind,
    /// Values up in powers of ten ([`Chart::drawn_as`]).
    pub log_scale: bool,
    /// Years with a note of their own (a partial year, a series break, a
    /// reporter entering or leaving), each with the numbers of its notes.
    pub markers: Vec<Marker>,
    /// How many reported each place's figure each year, drawn under the
    /// years; none where that would only repeat one reporter.
    pub coverage: Option<Coverage>,
    /// How the axis writes numbers.
    pub lang: Lang,
    /// The series drawn muted, under the others: every place's but the
    /// one in focus ([`Chart::focus_on`]); none without a focus.
    pub muted: Vec<usize>,
}

/// A marker at a year with notes of its own, labelled with how many; the
/// notes themselves are listed, numbered, under the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub year: i32,
    /// How many notes are about this year.
    pub count: usize,
    /// A partial year or a series break: the figures of that year are not
    /// like the others, so the marker crosses the whole plot. Other notes
    /// (reporters entering or leaving) get a tick at the top.
    pub crosses: bool,
}

/// The notes that get a marker: those about one year, numbered from 1 in
/// the order given. Returns (note index, number) pairs and one marker per
/// year.
pub fn numbered_notes(notes: &[crate::Note]) -> (Vec<(usize, usize)>, Vec<Marker>) {
    let mut numbers = Vec::new();
    let mut markers: Vec<Marker> = Vec::new();
    for (index, note) in notes.iter().enumerate() {
        let Some(year) = note.year.filter(|_| note.kind != NoteKind::Caveat) else {
            continue;
        };
        numbers.push((index, numbers.len() + 1));
        let crosses = note.kind.breaks_the_series();
        match markers.iter_mut().find(|m| m.year == year) {
            Some(marker) => {
                marker.count += 1;
                marker.crosses |= crosses;
            }
            // In year order, as they are drawn left to right.
            None => {
                let later = markers.iter().position(|m| m.year > year);
                let marker = Marker {
                    year,
                    count: 1,
                    crosses,
                };
                markers.insert(later.unwrap_or(markers.len()), marker);
            }
        }
    }
    (numbers, markers)
}

/// One line: a region's values by year.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<Point>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    /// Lower and upper bound, when suppressed cells are inside the value.
    pub band: Option<(f64, f64)>,
}

impl Chart {
    /// The chart of a yearly `series` answer: one line per requested region,
    /// in the order the regions were asked for, or with a breakdown one line
    /// per region and category (the largest few and the rest summed, by
    /// [`crate::few_lines`]).
    pub fn from_series(response: &SeriesResponse, catalog: &Catalog, lang: Lang) -> Chart {
        let drawn = crate::few_lines::drawn_lines(response, lang);
        let indicator = catalog.indicator(&response.indicator);
        let mut series = Vec::new();
        for code in &response.regions {
            let rows: Vec<&SeriesRow> = drawn.iter().filter(|r| &r.region == code).collect();
            let categories = lines_of(rows.iter().copied());
            for category in categories {
                let place = catalog.region_name_in(code, lang);
                let label = match category.map(|c| crate::figure::category_in(c, lang)) {
                    None => place.to_string(),
                    Some(c) if response.regions.len() == 1 => c.to_string(),
                    Some(c) => format!("{place}: {c}"),
                };
                let points = rows
                    .iter()
                    .filter(|row| row.category.as_deref() == category)
                    .filter_map(|row| {
                        let value = row.plotted()?;
                        // A rate's range is its own, on the rate's scale.
                        let band = match row.rate {
                            Some(_) => row.rate_lower.zip(row.rate_upper),
                            None => row.lower.zip(row.upper).map(|(l, u)| (l as f64, u as f64)),
                        };
                        Some(Point {
                            year: row.year,
                            value,
                            band,
                        })
                    })
                    .collect();
                series.push(Series { label, points });
            }
        }
        drop_shared_suffix(&mut series);
        let unit = indicator.map_or_else(String::new, |i| i.unit_in(lang).into());
        Chart {
            title: indicator.map_or_else(|| response.indicator.clone(), |i| i.name_in(lang).into()),
            y_label: if response.per.is_some() {
                format!("{unit} {}", crate::words::words(lang).per_100k_inline())
            } else {
                unit
            },
            years: (response.from, response.to),
            series,
            kind: ChartKind::Line,
            log_scale: false,
            markers: numbered_notes(&response.notes).1,
            coverage: Coverage::of(response, catalog, lang),
            lang,
            muted: Vec::new(),
        }
    }

    /// The chart of `response` with `place`'s lines in focus: the other
    /// places' lines muted and drawn under it.
    pub fn focus_on(mut self, response: &SeriesResponse, place: &str, lang: Lang) -> Chart {
        let drawn = crate::few_lines::drawn_lines(response, lang);
        let mut first = 0;
        for code in &response.regions {
            let lines = lines_of(drawn.iter().filter(|r| &r.region == code)).len();
            if code != place {
                self.muted.extend(first..first + lines);
            }
            first += lines;
        }
        self
    }

    /// The order series are drawn in: the muted first, under the others.
    fn paint_order(&self) -> impl Iterator<Item = usize> + '_ {
        let muted = self.muted.iter().copied();
        muted.chain((0..self.series.len()).filter(|i| !self.muted.contains(i)))
    }

    /// The colour of the `index`th series in `theme`: the theme's muted
    /// grey for a series out of focus.
    fn colour(&self, theme: Theme, index: usize) -> RGBColor {
        match self.muted.contains(&index) {
            true => theme.muted,
            false => theme.colour(index),
        }
    }

    /// The top of the value axis: a little above the highest value, bound
    /// or stack.
    fn y_top(&self) -> f64 {
        match self.kind {
            ChartKind::Stacked => self.stacked_max(),
            ChartKind::Share => 100.0,
            _ => self.y_max(),
        }
    }

    /// The tallest stack of a stacked bar chart.
    fn stacked_max(&self) -> f64 {
        let mut totals: Vec<(i32, f64)> = Vec::new();
        for point in self.series.iter().flat_map(|s| &s.points) {
            match totals.iter_mut().find(|(year, _)| *year == point.year) {
                Some((_, total)) => *total += point.value,
                None => totals.push((point.year, point.value)),
            }
        }
        let top = totals.iter().map(|(_, t)| *t).fold(0.0, f64::max);
        if top <= 0.0 { 1.0 } else { top * 1.08 }
    }

    fn y_max(&self) -> f64 {
        let top = self
            .series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| p.band.map_or(p.value, |(_, upper)| upper.max(p.value)))
            .fold(0.0, f64::max);
        if top <= 0.0 { 1.0 } else { top * 1.08 }
    }
}

/// The categories one place's rows draw a line each for, in the order they
/// come; a single `None` without a breakdown, or without rows.
fn lines_of<'a>(rows: impl Iterator<Item = &'a SeriesRow>) -> Vec<Option<&'a str>> {
    let mut categories: Vec<Option<&str>> = Vec::new();
    for row in rows {
        if !categories.contains(&row.category.as_deref()) {
            categories.push(row.category.as_deref());
        }
    }
    if categories.is_empty() {
        categories.push(None);
    }
    categories
}

/// Takes a parenthesis that every label ends with ("San Diego sector
/// (Border Patrol)", "El Paso sector (Border Patrol)") off the direct
/// labels: it says nothing that tells the lines apart and leaves the labels
/// room beside the plot. The table and the summary keep the full names.
fn drop_shared_suffix(series: &mut [Series]) {
    let Some(first) = series.first() else {
        return;
    };
    let Some(open) = first.label.rfind(" (") else {
        return;
    };
    let suffix = first.label[open..].to_string();
    let shared = suffix.ends_with(')')
        && series.len() > 1
        && series
            .iter()
            .all(|s| s.label.ends_with(&suffix) && s.label.len() > suffix.len());
    if shared {
        for s in series {
            s.label.truncate(s.label.len() - suffix.len());
        }
    }
}

/// Draws `chart` onto `root` and presents it.
pub fn draw_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    plot::draw_chart(root, chart, theme)?;
    root.present()
}

/// Renders the chart to an SVG document of the given size.
pub fn chart_svg(chart: &Chart, size: (u32, u32), theme: Theme) -> Result<String, String> {
    chart_svg_with_years(chart, size, theme).map(|(svg, _)| svg)
}

/// [`chart_svg`], and where each year of the range is drawn: (year, pixels
/// from the drawing's left edge), for reading values off the chart.
pub fn chart_svg_with_years(
    chart: &Chart,
    size: (u32, u32),
    theme: Theme,
) -> Result<(String, Vec<(i32, i32)>), String> {
    let mut svg = String::new();
    let years = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let years = plot::draw_chart(&root, chart, theme).map_err(not_drawn)?;
        root.present().map_err(not_drawn)?;
        years
    };
    Ok((svg, years))
}

/// A drawing's failure, in words. The SVG backend writes into a string, so
/// no input or output can fail; writing out its `std::io::Error` (every
/// error kind's words) would cost the browser's bundle a kilobyte for
/// nothing a reader could act on.
fn not_drawn<E: std::error::Error + Send + Sync>(error: DrawingAreaErrorKind<E>) -> String {
    match error {
        DrawingAreaErrorKind::LayoutError => "the chart's layout failed",
        DrawingAreaErrorKind::SharingError => "the chart's drawing area was shared",
        DrawingAreaErrorKind::BackendError(_) => "the chart could not be written",
    }
    .to_string()
}

#[cfg(test)]
mod tests;
