//! One function per chart kind: lines (with the band of uncertain values),
//! bars side by side and stacked bars. Each returns where its series end,
//! for the direct labels.
//!
//! Bars are placed in pixels from the years' positions: plotters' segmented
//! coordinates give one bar per year, not a group of one per series.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::plot::{Coord, Pixels};
use super::{Chart, Point, Series, Theme};

/// Where a series' direct label wants to go.
pub(super) struct LabelAnchor {
    pub series: usize,
    /// Pixels: the end of the series (x) and its last value (y).
    pub at: (i32, i32),
}

type Drawn<DB> = Result<Vec<LabelAnchor>, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A line per series through its points, broken where a year is missing,
/// over the shaded band of its uncertain values.
pub(super) fn draw_lines<DB: DrawingBackend>(
    ctx: &mut ChartContext<'_, DB, Coord>,
    chart: &Chart,
    theme: Theme,
    pixels: &Pixels,
) -> Drawn<DB> {
    let mut ends = Vec::new();
    // A place in focus is drawn last, on top, and wider.
    let width = if chart.muted.is_empty() { 2 } else { 3 };
    for index in chart.paint_order() {
        let series = &chart.series[index];
        let colour = chart.colour(theme, index);
        draw_band(ctx, series, colour)?;
        let width = if chart.muted.contains(&index) {
            2
        } else {
            width
        };
        for run in contiguous_runs(&series.points) {
            ctx.draw_series(LineSeries::new(
                run.iter().map(|p| (p.year, p.value)),
                colour.stroke_width(width),
            ))?;
        }
        ctx.draw_series(
            series
                .points
                .iter()
                .map(|p| Circle::new((p.year, p.value), 3, colour.filled())),
        )?;
        if let Some(last) = series.points.last() {
            ends.push(LabelAnchor {
                series: index,
                at: pixels.at(last.year, last.value),
            });
        }
    }
    Ok(ends)
}

/// A group of bars per year, one per series side by side; an uncertain
/// value gets a whisker from its lower to its upper bound.
pub(super) fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    theme: Theme,
    pixels: &Pixels,
) -> Drawn<DB> {
    let count = chart.series.len().max(1) as i32;
    let group = (pixels.year_width(chart.years.0) * 8 / 10).max(count);
    let bar = (group / count).max(1);
    let mut ends = Vec::new();
    for (index, series) in chart.series.iter().enumerate() {
        let colour = chart.colour(theme, index);
        let left_of = |year: i32| pixels.at(year, 0.0).0 - group / 2 + index as i32 * bar;
        for point in &series.points {
            let x0 = left_of(point.year);
            let (_, y_value) = pixels.at(point.year, point.value);
            let (_, y_zero) = pixels.at(point.year, 0.0);
            root.draw(&Rectangle::new(
                [(x0, y_value), (x0 + bar - 1, y_zero)],
                colour.filled(),
            ))?;
            if let Some((lower, upper)) = point.band {
                let x = x0 + bar / 2;
                root.draw(&PathElement::new(
                    vec![
                        (x, pixels.at(point.year, lower).1),
                        (x, pixels.at(point.year, upper).1),
                    ],
                    theme.text.stroke_width(2),
                ))?;
            }
        }
        if let Some(last) = series.points.last() {
            let (_, y) = pixels.at(last.year, last.value);
            ends.push(LabelAnchor {
                series: index,
                at: (left_of(last.year) + bar, y),
            });
        }
    }
    Ok(ends)
}

/// A bar per year with the series' values on top of each other, in order.
pub(super) fn draw_stacked<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    theme: Theme,
    pixels: &Pixels,
) -> Drawn<DB> {
    let bar = (pixels.year_width(chart.years.0) * 6 / 10).max(2);
    // The top of each year's stack so far.
    let mut bases: Vec<(i32, f64)> = Vec::new();
    let mut ends = Vec::new();
    for (index, series) in chart.series.iter().enumerate() {
        let colour = chart.colour(theme, index);
        for point in &series.points {
            let at = bases
                .iter()
                .position(|(y, _)| *y == point.year)
                .unwrap_or_else(|| {
                    bases.push((point.year, 0.0));
                    bases.len() - 1
                });
            let base = bases[at].1;
            let (centre, y_top) = pixels.at(point.year, base + point.value);
            let (_, y_base) = pixels.at(point.year, base);
            let corners = [(centre - bar / 2, y_top), (centre + bar / 2, y_base)];
            root.draw(&Rectangle::new(corners, colour.filled()))?;
            // A thin edge in the background colour keeps adjacent
            // segments apart, whatever their colours.
            root.draw(&Rectangle::new(corners, theme.background.stroke_width(1)))?;
            if series.points.last().is_some_and(|l| l.year == point.year) {
                ends.push(LabelAnchor {
                    series: index,
                    at: (centre + bar / 2, (y_top + y_base) / 2),
                });
            }
            bases[at].1 += point.value;
        }
    }
    Ok(ends)
}

/// Shades the lower–upper band of the points whose value is uncertain.
fn draw_band<DB: DrawingBackend>(
    ctx: &mut ChartContext<'_, DB, Coord>,
    series: &Series,
    colour: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for run in contiguous_runs(&series.points) {
        let banded: Vec<_> = run
            .iter()
            .filter_map(|p| p.band.map(|b| (p.year, b)))
            .collect();
        if banded.is_empty() {
            continue;
        }
        // A lone uncertain year gets an error bar instead of an area.
        if banded.len() == 1 {
            let (year, (lower, upper)) = banded[0];
            ctx.draw_series(std::iter::once(PathElement::new(
                vec![(year, lower), (year, upper)],
                colour.mix(0.5).stroke_width(6),
            )))?;
            continue;
        }
        let mut outline: Vec<(i32, f64)> =
            banded.iter().map(|&(y, (_, upper))| (y, upper)).collect();
        outline.extend(banded.iter().rev().map(|&(y, (lower, _))| (y, lower)));
        ctx.draw_series(std::iter::once(Polygon::new(
            outline,
            colour.mix(0.2).filled(),
        )))?;
    }
    Ok(())
}

/// Splits points into runs of consecutive years, so a missing year shows as a
/// gap rather than a line drawn across it.
pub(super) fn contiguous_runs(points: &[Point]) -> Vec<&[Point]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=points.len() {
        if i == points.len() || points[i].year != points[i - 1].year + 1 {
            if start < i {
                runs.push(&points[start..i]);
            }
            start = i;
        }
    }
    runs
}
