//! The chart's frame: title, axes and grid, the markers of noted years and
//! the direct labels; the series themselves are drawn by `kinds`.

use plotters::coord::Shift;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::coverage::draw_coverage;
use super::kinds::{self, LabelAnchor};
use super::text::{LABEL_GAP, SANS, shortened, spread_labels, text_width};
use super::{Chart, Theme};
use crate::query::ChartKind;

/// The room left of the plot for the values and the axis' name.
const Y_LABEL_AREA: u32 = 72;
/// The room under the plot for the years.
const X_LABEL_AREA: u32 = 32;
/// A direct label's distance from its series' end.
const LABEL_INDENT: u32 = 8;
/// Charts narrower than this are drawn with smaller words.
const NARROW: u32 = 500;

/// Years across, values up.
pub(super) type Coord = Cartesian2d<RangedCoordi32, RangedCoordf64>;

/// Where a year and a value are, in pixels of the area drawn on (which may
/// be part of a larger drawing: plotters' own positions are the whole
/// drawing's).
pub(super) struct Pixels {
    coord: Coord,
    origin: (i32, i32),
}

impl Pixels {
    pub(super) fn at(&self, year: i32, value: f64) -> (i32, i32) {
        let (x, y) = self.coord.translate(&(year, value));
        (x - self.origin.0, y - self.origin.1)
    }

    /// The width of one year, at least 2 pixels.
    pub(super) fn year_width(&self, year: i32) -> i32 {
        (self.at(year + 1, 0.0).0 - self.at(year, 0.0).0).max(2)
    }
}

/// The sizes of the words at the drawing's width.
struct Words {
    font_size: u32,
    /// The right margin's room for the direct labels.
    label_room: u32,
}

impl Words {
    /// A narrow chart (a phone's) is shown unscaled: smaller words, and
    /// less of its width for the direct labels, leave the plot its room.
    /// The labels get as much as the longest needs, up to two fifths of
    /// the drawing (a third when narrow); a longer label is shortened.
    fn at(width: u32, chart: &Chart) -> Words {
        let (font_size, most_label_room) = if width < NARROW {
            (12, width / 3)
        } else {
            (14, width * 2 / 5)
        };
        let label_room = chart
            .series
            .iter()
            .map(|s| text_width(&s.label, font_size))
            .max()
            .unwrap_or(0)
            .clamp(40, most_label_room);
        Words {
            font_size,
            label_room,
        }
    }
}

/// Draws `chart` onto `root`, which may be part of a larger drawing: the
/// caller presents. Returns where each year of the range is, in pixels
/// across `root`, for whatever reads values off the chart.
pub(super) fn draw_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    theme: Theme,
) -> Result<Vec<(i32, i32)>, DrawingAreaErrorKind<DB::ErrorType>> {
    theme.fill(root)?;
    // The range is the figures' own: on a log scale, powers of ten.
    let y_range = chart.y_range();
    let logged;
    let chart = if chart.log_scale {
        logged = chart.logged();
        &logged
    } else {
        chart
    };
    let (width, _) = root.dim_in_pixel();
    let words = Words::at(width, chart);
    let title_room = draw_title(root, chart, theme)?;
    let mut ctx = draw_axes(root, chart, theme, &words, (title_room, y_range))?;
    let pixels = Pixels {
        coord: ctx.as_coord_spec().clone(),
        origin: root.get_base_pixel(),
    };
    let ends = match chart.kind {
        // A map is drawn by `chart::map` from the map's answer; a chart
        // model asked for one draws its lines.
        ChartKind::Line | ChartKind::Map => kinds::draw_lines(&mut ctx, chart, theme, &pixels)?,
        ChartKind::Bar => kinds::draw_bars(root, chart, theme, &pixels)?,
        ChartKind::Stacked | ChartKind::Share => kinds::draw_stacked(root, chart, theme, &pixels)?,
    };
    let (columns, rows) = ctx.plotting_area().get_pixel_range();
    let (left, top) = pixels.origin;
    let plot_rows = (rows.start - top, rows.end - top);
    draw_markers(root, chart, theme, &pixels, plot_rows)?;
    draw_direct_labels(root, chart, theme, &words, &ends, plot_rows)?;
    if let Some(coverage) = &chart.coverage {
        let plot_columns = (columns.start - left, columns.end - left);
        let under_years = plot_rows.1 + X_LABEL_AREA as i32;
        draw_coverage(
            root,
            chart,
            coverage,
            theme,
            &pixels,
            under_years,
            plot_columns,
        )?;
    }
    let (from, to) = chart.years;
    Ok((from..=to)
        .map(|year| (year, pixels.at(year, 0.0).0))
        .collect())
}

/// A figure sets its title above the chart; a bare chart carries its own,
/// shortened if it would run out of the drawing, and centred by the SVG
/// itself (plotters' own caption centres by its estimate of the width, and
/// a long title then starts left of the drawing). Returns the room taken.
fn draw_title<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    theme: Theme,
) -> Result<u32, DrawingAreaErrorKind<DB::ErrorType>> {
    if chart.title.is_empty() {
        return Ok(0);
    }
    let (width, _) = root.dim_in_pixel();
    root.draw(&Text::new(
        shortened(&chart.title, 18, width.saturating_sub(24)),
        (width as i32 / 2, 10),
        (SANS, 18)
            .into_font()
            .color(&theme.text)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    Ok(30)
}

/// The axes, their labels and the grid; returns the plot to draw into.
fn draw_axes<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    chart: &Chart,
    theme: Theme,
    words: &Words,
    (title_room, y_range): (u32, (f64, f64)),
) -> Result<ChartContext<'a, DB, Coord>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (from, to) = chart.years;
    // Bars need half a year of room at each end; a single year still needs
    // a visible x range.
    let x_range = if chart.kind != ChartKind::Line || from >= to {
        from - 1..to + 1
    } else {
        from..to
    };
    let (width, _) = root.dim_in_pixel();
    let margin_right = words.label_room + LABEL_INDENT + 8;
    let plot_width = width.saturating_sub(12 + Y_LABEL_AREA + margin_right);
    let text = TextStyle::from((SANS, words.font_size).into_font()).color(&theme.text);
    let mut ctx = ChartBuilder::on(root)
        .margin(12)
        .margin_top(12 + title_room)
        .margin_right(margin_right)
        .margin_bottom(12 + chart.coverage.as_ref().map_or(0, |c| c.height()))
        .x_label_area_size(X_LABEL_AREA)
        .y_label_area_size(Y_LABEL_AREA)
        .build_cartesian_2d(x_range.clone(), y_range.0..y_range.1)?;
    // A year label needs about three font sizes of room: a narrow plot
    // labels fewer years.
    let year_labels = ((x_range.end - x_range.start) as usize + 1)
        .min(12)
        .min((plot_width / (3 * words.font_size)).max(2) as usize);
    ctx.configure_mesh()
        .light_line_style(theme.grid.mix(0.4))
        .x_max_light_lines(1)
        .y_max_light_lines(1)
        .bold_line_style(theme.grid)
        .axis_style(theme.text)
        .x_labels(year_labels)
        .x_label_formatter(&|year| {
            if (from..=to).contains(year) {
                year.to_string()
            } else {
                String::new()
            }
        })
        .y_labels(chart.tick_count(y_range))
        .y_label_formatter(&|v| chart.tick(*v, y_range))
        .y_desc(chart.y_label.as_str())
        .label_style(text.clone())
        .axis_desc_style(text)
        .draw()?;
    Ok(ctx)
}

/// A line at each noted year with a badge of how many notes it has: across
/// the whole plot for a partial year or a series break, a tick at the top
/// for the others. Badges that would touch go down a row
/// ([`badge_rows`]), so that none covers another.
fn draw_markers<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    theme: Theme,
    pixels: &Pixels,
    (plot_top, plot_bottom): (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (from, to) = chart.years;
    let shown: Vec<_> = chart
        .markers
        .iter()
        .filter(|m| (from..=to).contains(&m.year))
        .map(|m| (m, m.count.to_string(), pixels.at(m.year, 0.0).0))
        .collect();
    let spans: Vec<(i32, i32)> = shown
        .iter()
        .map(|(_, label, x)| {
            (
                *x - 1,
                *x + BADGE_PAD * 2 + text_width(label, BADGE_FONT) as i32,
            )
        })
        .collect();
    let line = theme.text.mix(0.6);
    for ((marker, label, x), row) in shown.iter().zip(badge_rows(&spans)) {
        let bottom = if marker.crosses {
            plot_bottom
        } else {
            plot_top + 8
        };
        let width = if marker.crosses { 1 } else { 2 };
        root.draw(&PathElement::new(
            vec![(*x, plot_top), (*x, bottom)],
            line.stroke_width(width),
        ))?;
        let top = plot_top + row as i32 * BADGE_ROW;
        let right = *x + BADGE_PAD * 2 + text_width(label, BADGE_FONT) as i32;
        let corners = [(*x, top), (right, top + BADGE_ROW - 2)];
        root.draw(&Rectangle::new(corners, theme.background.filled()))?;
        root.draw(&Rectangle::new(corners, line.stroke_width(1)))?;
        root.draw(&Text::new(
            label.clone(),
            (*x + BADGE_PAD, top + 1),
            (SANS, BADGE_FONT).into_font().color(&theme.text),
        ))?;
    }
    Ok(())
}

/// A marker badge's font size, inner margin and row height, in pixels.
const BADGE_FONT: u32 = 13;
const BADGE_PAD: i32 = 3;
const BADGE_ROW: i32 = 16;

/// The row of each badge, given their horizontal spans left to right: the
/// first row where it does not touch the badge before it.
pub(super) fn badge_rows(spans: &[(i32, i32)]) -> Vec<usize> {
    let mut row_ends: Vec<i32> = Vec::new();
    spans
        .iter()
        .map(|&(left, right)| {
            let row = row_ends
                .iter()
                .position(|end| *end < left)
                .unwrap_or(row_ends.len());
            if row == row_ends.len() {
                row_ends.push(right);
            } else {
                row_ends[row] = right;
            }
            row
        })
        .collect()
}

/// Each series' name beside its end, moved apart where series end close
/// together so that no label hides another.
fn draw_direct_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    theme: Theme,
    words: &Words,
    ends: &[LabelAnchor],
    (plot_top, plot_bottom): (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let wanted: Vec<i32> = ends.iter().map(|end| end.at.1).collect();
    let placed = spread_labels(&wanted, LABEL_GAP, plot_top, plot_bottom);
    let text = TextStyle::from((SANS, words.font_size).into_font());
    for (end, y) in ends.iter().zip(placed) {
        root.draw(&Text::new(
            shortened(
                &chart.series[end.series].label,
                words.font_size,
                words.label_room,
            ),
            (end.at.0 + LABEL_INDENT as i32, y - 7),
            // A muted line's label keeps the text's colour: readable, and
            // still not the focus's.
            text.clone()
                .color(&match chart.muted.contains(&end.series) {
                    true => theme.text,
                    false => theme.colour(end.series),
                }),
        ))?;
    }
    Ok(())
}
