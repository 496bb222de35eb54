//! Coverage as a picture: how many units (countries, states, agencies)
//! reported each place's figure each year, as a strip of small bars under
//! the chart's years, so that a reader sees a rise that comes from more
//! reporters where it happens.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::plot::Pixels;
use super::text::{SANS, shortened};
use super::{Chart, Theme};
use crate::lang::Lang;
use crate::{Catalog, SeriesResponse};

/// The strip: its heading and one row per place.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// "Reporting each year (countries; the most at right)", in the
    /// reader's language.
    pub heading: String,
    pub rows: Vec<CoverageRow>,
}

/// How many units reported one place's figure, year by year.
#[derive(Clone, Debug, PartialEq)]
pub struct CoverageRow {
    pub place: String,
    /// The series whose colour the row takes: the place's first line.
    pub series: usize,
    /// (year, reporting units), for the years with a figure.
    pub units: Vec<(i32, u32)>,
}

impl CoverageRow {
    /// The most units of any year: a full bar.
    fn most(&self) -> u32 {
        self.units.iter().map(|(_, n)| *n).max().unwrap_or(0)
    }
}

impl Coverage {
    /// The strip of a yearly answer, one row per requested place; none
    /// when every figure is one reporter's own
    /// ([`SeriesResponse::reporters_vary`]). Its places' first series are
    /// counted among the lines the chart draws
    /// ([`crate::few_lines::drawn_lines`]).
    pub fn of(response: &SeriesResponse, catalog: &Catalog, lang: Lang) -> Option<Coverage> {
        let drawn = crate::few_lines::drawn_lines(response, lang);
        let mut rows = Vec::new();
        let mut series = 0;
        for code in &response.regions {
            let mut units: Vec<(i32, u32)> = Vec::new();
            let place_rows = || drawn.iter().filter(|r| &r.region == code);
            for row in place_rows() {
                // A breakdown's categories are reported by the same units:
                // the year's coverage is the most any category had.
                match units.iter_mut().find(|(year, _)| *year == row.year) {
                    Some((_, n)) => *n = (*n).max(row.reporting_units),
                    None => units.push((row.year, row.reporting_units)),
                }
            }
            let place = catalog.region_name_in(code, lang).to_string();
            rows.push(CoverageRow {
                place,
                series,
                units,
            });
            series += super::lines_of(place_rows()).len();
        }
        let reporters = crate::figure::reporters_of(catalog, &response.indicator, lang);
        response.reporters_vary().then(|| Coverage {
            heading: heading(reporters, numbered(row_step(rows.len())), lang),
            rows,
        })
    }

    /// The pixels the strip takes under the chart's years.
    pub(super) fn height(&self) -> u32 {
        HEADING + row_step(self.rows.len()) as u32 * self.rows.len() as u32
    }
}

/// A row's height with the gap under it, for `rows` rows: they share at
/// most [`ROWS_ROOM`] pixels, and each gets at least 3.
fn row_step(rows: usize) -> i32 {
    (ROWS_ROOM / rows.max(1) as i32).clamp(3, ROW_MOST)
}

/// Whether rows `step` pixels apart are tall enough to carry their number.
fn numbered(step: i32) -> bool {
    step >= NUMBERED_STEP
}

/// The room of the strip's heading, and at most that of its rows.
const HEADING: u32 = 18;
const ROWS_ROOM: i32 = 40;
/// The tallest row, gap included, the shortest that carries its number,
/// and the font of the numbers and the heading.
const ROW_MOST: i32 = 14;
const NUMBERED_STEP: i32 = 10;
const NUMBER_FONT: u32 = 11;

/// "Reporting each year (countries; the most at right)", from the
/// catalog's word for who reports; without the last part when the rows are
/// too thin for their numbers. Not "Countries reporting…": upper-casing a
/// word would pull Unicode's case tables into the browser's bundle (7 KB,
/// measured).
fn heading(reporters: &str, numbered: bool, lang: Lang) -> String {
    let words = crate::words::words(lang);
    if numbered {
        format!(
            "{} ({reporters}; {})",
            words.reporting_each_year(),
            words.most_at_right()
        )
    } else {
        format!("{} ({reporters})", words.reporting_each_year())
    }
}

/// Draws the strip with its top at `top` (pixels of `root`): the heading,
/// then per place a bar each year as tall as its share of the place's
/// most, under that year of the chart, and the most written at the right
/// when the rows are tall enough to read it.
pub(super) fn draw_coverage<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    coverage: &Coverage,
    theme: Theme,
    pixels: &Pixels,
    top: i32,
    (left, right): (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let muted = theme.text.mix(0.75);
    // The heading runs under the whole drawing: on a phone the plot alone
    // is too narrow for it.
    let width = root.dim_in_pixel().0 as i32;
    root.draw(&Text::new(
        shortened(&coverage.heading, NUMBER_FONT, (width - 24).max(0) as u32),
        (12, top + 2),
        (SANS, NUMBER_FONT)
            .into_font()
            .color(&muted)
            .pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    let step = row_step(coverage.rows.len());
    let bar_width = (pixels.year_width(chart.years.0) * 6 / 10).clamp(1, 24);
    for (index, row) in coverage.rows.iter().enumerate() {
        let row_top = top + HEADING as i32 + index as i32 * step;
        let bottom = row_top + step - 1;
        let most = row.most().max(1);
        let colour = theme.colour(row.series);
        root.draw(&PathElement::new(
            vec![(left, bottom), (right, bottom)],
            theme.grid.stroke_width(1),
        ))?;
        for &(year, units) in &row.units {
            if !(chart.years.0..=chart.years.1).contains(&year) || units == 0 {
                continue;
            }
            let x = pixels.at(year, 0.0).0;
            let tall = ((step - 1) as u32 * units).div_ceil(most) as i32;
            root.draw(&Rectangle::new(
                [
                    (x - bar_width / 2, bottom - tall),
                    (x + bar_width / 2, bottom),
                ],
                colour.filled(),
            ))?;
        }
        if numbered(step) {
            let label = format!("{} {}", row.most(), row.place);
            let font = NUMBER_FONT.min(step as u32);
            // Clear of the last year's bar, which reaches past the plot.
            let at = right + bar_width / 2 + 4;
            root.draw(&Text::new(
                shortened(&label, font, (width - at - 4).max(0) as u32),
                (at, bottom),
                (SANS, font)
                    .into_font()
                    .color(&muted)
                    .pos(Pos::new(HPos::Left, VPos::Bottom)),
            ))?;
        }
    }
    Ok(())
}
