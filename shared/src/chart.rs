//! The trend chart, drawn by plotters on any backend: the browser draws it
//! into an SVG string, the server into SVG or PNG, tests into a string.
//!
//! Each series gets one colour of the Okabe–Ito palette (safe for colour-blind
//! readers) and a direct label at its last point, so colour is never the only
//! cue. Where suppressed cells make a figure uncertain the chart shades the
//! band between its lower and upper bound.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::figure::Figure;
use crate::format::axis_tick;
use crate::lang::Lang;
use crate::query::ChartKind;
use crate::{Catalog, SeriesResponse, SeriesRow};

/// The one typeface. Named by its enum, not by the string "sans-serif":
/// plotters lower-cases a string name first, and that pulls the whole
/// Unicode case table into the browser's bundle.
const SANS: FontFamily<'static> = FontFamily::SansSerif;

/// Okabe & Ito (2008), ordered so the first colours contrast most on white.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x00, 0x00),
];

/// Everything the chart shows, already in plotting terms.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub title: String,
    pub y_label: String,
    pub years: (i32, i32),
    pub series: Vec<Series>,
    pub kind: ChartKind,
    /// Years with a note of their own (a partial year, a series break, a
    /// reporter entering or leaving), each with the numbers of its notes.
    pub markers: Vec<Marker>,
    /// How the axis writes numbers.
    pub lang: Lang,
}

/// A marker at a year, labelled with the numbers of its notes.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub year: i32,
    pub label: String,
    /// A partial year or a series break: the figures of that year are not
    /// like the others, so the marker crosses the whole plot. Other notes
    /// (reporters entering or leaving, coverage) get a tick at the top.
    pub crosses: bool,
}

impl Marker {
    /// The label as drawn: at most three numbers, then "+".
    fn shown(&self) -> String {
        let numbers: Vec<&str> = self.label.split(',').collect();
        if numbers.len() > 3 {
            format!("{}+", numbers[..2].join(","))
        } else {
            self.label.clone()
        }
    }
}

/// The notes that get a marker: those about one year, numbered from 1 in
/// the order given. Returns (note index, number) pairs and the markers.
pub fn numbered_notes(notes: &[crate::Note]) -> (Vec<(usize, usize)>, Vec<Marker>) {
    let mut numbers = Vec::new();
    let mut markers: Vec<Marker> = Vec::new();
    for (index, note) in notes.iter().enumerate() {
        let Some(year) = note.year.filter(|_| note.kind != "caveat") else {
            continue;
        };
        let number = numbers.len() + 1;
        numbers.push((index, number));
        let crosses = matches!(note.kind.as_str(), "partial-year" | "series-break");
        match markers.iter_mut().find(|m| m.year == year) {
            Some(marker) => {
                marker.label.push_str(&format!(",{number}"));
                marker.crosses |= crosses;
            }
            None => markers.push(Marker {
                year,
                label: number.to_string(),
                crosses,
            }),
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

impl LineChart {
    /// The chart of a yearly `series` answer: one line per requested region,
    /// in the order the regions were asked for, or with a breakdown one line
    /// per region and category.
    pub fn from_series(response: &SeriesResponse, catalog: &Catalog, lang: Lang) -> LineChart {
        let indicator = catalog.indicator(&response.indicator);
        let mut series = Vec::new();
        for code in &response.regions {
            let rows: Vec<&SeriesRow> =
                response.rows.iter().filter(|r| &r.region == code).collect();
            let mut categories: Vec<Option<&str>> = Vec::new();
            for row in &rows {
                if !categories.contains(&row.category.as_deref()) {
                    categories.push(row.category.as_deref());
                }
            }
            if categories.is_empty() {
                categories.push(None);
            }
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
                        let band = row.lower.zip(row.upper).map(|(l, u)| (l as f64, u as f64));
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
        LineChart {
            title: indicator.map_or_else(|| response.indicator.clone(), |i| i.name_in(lang).into()),
            y_label: if response.per.is_some() {
                format!("{unit} {}", crate::figure::per_100k_words(lang))
            } else {
                unit
            },
            years: (response.from, response.to),
            series,
            kind: ChartKind::Line,
            markers: numbered_notes(&response.notes).1,
            lang,
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

/// Colours of the chart's frame, so a dark page gets a dark chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
}

impl Theme {
    /// The dark theme when `dark`, else the light one.
    pub fn of(dark: bool) -> Theme {
        if dark { Theme::DARK } else { Theme::LIGHT }
    }

    pub const LIGHT: Theme = Theme {
        background: RGBColor(0xFF, 0xFF, 0xFF),
        text: RGBColor(0x1A, 0x1A, 0x1A),
        grid: RGBColor(0xDD, 0xDD, 0xDD),
    };
    pub const DARK: Theme = Theme {
        background: RGBColor(0x12, 0x12, 0x12),
        text: RGBColor(0xEE, 0xEE, 0xEE),
        grid: RGBColor(0x44, 0x44, 0x44),
    };

    /// The colour of the `index`th series: the palette, with its black
    /// turned to the text colour on a dark background.
    pub fn colour(&self, index: usize) -> RGBColor {
        match PALETTE[index % PALETTE.len()] {
            RGBColor(0, 0, 0) => self.text,
            colour => colour,
        }
    }
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
pub fn draw_line_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_lines(root, chart, theme)?;
    root.present()
}

/// Draws `chart` onto `root`, which may be part of a larger drawing: the
/// caller presents.
fn draw_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let (from, to) = chart.years;
    let bars = chart.kind != ChartKind::Line;
    // Bars need half a year of room at each end; a single year still needs
    // a visible x range.
    let x_range = if bars || from >= to {
        from - 1..to + 1
    } else {
        from..to
    };
    let (width, _) = root.dim_in_pixel();
    // A narrow chart (a phone's) is shown unscaled: smaller words, and less
    // of its width for the direct labels, leave the plot its room.
    let (font_size, most_label_room) = if width < NARROW {
        (12, width / 3)
    } else {
        (14, width * 2 / 5)
    };
    let text = TextStyle::from((SANS, font_size).into_font()).color(&theme.text);
    let y_top = match chart.kind {
        ChartKind::Stacked => chart.stacked_max(),
        _ => chart.y_max(),
    };
    let lang = chart.lang;
    let mut builder = ChartBuilder::on(root);
    // A figure sets its title above the chart; a bare chart carries its own,
    // shortened if it would run out of the drawing, and centred by the SVG
    // itself (plotters' own caption centres by its estimate of the width,
    // and a long title then starts left of the drawing).
    let title_room = if chart.title.is_empty() {
        0
    } else {
        root.draw(&Text::new(
            shortened(&chart.title, 18, width.saturating_sub(24)),
            (width as i32 / 2, 10),
            (SANS, 18)
                .into_font()
                .color(&theme.text)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        30
    };
    // The right margin holds the direct labels: as wide as the longest
    // needs, up to two fifths of the drawing (a third when narrow); a
    // longer label is shortened.
    let label_room = chart
        .series
        .iter()
        .map(|s| text_width(&s.label, font_size))
        .max()
        .unwrap_or(0)
        .clamp(40, most_label_room);
    let margin_right = label_room + LABEL_INDENT + 8;
    let plot_width = width.saturating_sub(12 + Y_LABEL_AREA + margin_right);
    let mut ctx = builder
        .margin(12)
        .margin_top(12 + title_room)
        .margin_right(margin_right)
        .x_label_area_size(32)
        .y_label_area_size(Y_LABEL_AREA)
        .build_cartesian_2d(x_range.clone(), 0.0..y_top)?;
    ctx.configure_mesh()
        .light_line_style(theme.grid.mix(0.4))
        .x_max_light_lines(1)
        .y_max_light_lines(1)
        .bold_line_style(theme.grid)
        .axis_style(theme.text)
        // A year label needs about three font sizes of room: a narrow
        // plot labels fewer years.
        .x_labels(
            ((x_range.end - x_range.start) as usize + 1)
                .min(12)
                .min((plot_width / (3 * font_size)).max(2) as usize),
        )
        .x_label_formatter(&|year| {
            if (from..=to).contains(year) {
                year.to_string()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v| axis_tick(*v, y_top, lang))
        .y_desc(chart.y_label.as_str())
        .label_style(text.clone())
        .axis_desc_style(text.clone())
        .draw()?;

    // Pixel positions from `backend_coord` are the whole drawing's; `root`
    // may be a part of it.
    let (left, top) = root.get_base_pixel();
    let coord = ctx.as_coord_spec().clone();
    let px = |year: i32, value: f64| {
        let (x, y) = coord.translate(&(year, value));
        (x - left, y - top)
    };
    let year_width = (px(from + 1, 0.0).0 - px(from, 0.0).0).max(2);
    // Where each series' direct label wants to go: (series, pixel).
    let mut ends: Vec<(usize, (i32, i32))> = Vec::new();
    match chart.kind {
        ChartKind::Line => {
            for (index, series) in chart.series.iter().enumerate() {
                let colour = theme.colour(index);
                draw_band(&mut ctx, series, colour)?;
                for run in contiguous_runs(&series.points) {
                    ctx.draw_series(LineSeries::new(
                        run.iter().map(|p| (p.year, p.value)),
                        colour.stroke_width(2),
                    ))?;
                }
                ctx.draw_series(
                    series
                        .points
                        .iter()
                        .map(|p| Circle::new((p.year, p.value), 3, colour.filled())),
                )?;
                if let Some(last) = series.points.last() {
                    ends.push((index, px(last.year, last.value)));
                }
            }
        }
        ChartKind::Bar => {
            let count = chart.series.len().max(1) as i32;
            let group = (year_width * 8 / 10).max(count);
            let bar = (group / count).max(1);
            for (index, series) in chart.series.iter().enumerate() {
                let colour = theme.colour(index);
                for point in &series.points {
                    let (centre, y_value) = px(point.year, point.value);
                    let (_, y_zero) = px(point.year, 0.0);
                    let x0 = centre - group / 2 + index as i32 * bar;
                    root.draw(&Rectangle::new(
                        [(x0, y_value), (x0 + bar - 1, y_zero)],
                        colour.filled(),
                    ))?;
                    // An uncertain value gets a whisker from its lower to
                    // its upper bound.
                    if let Some((lower, upper)) = point.band {
                        let x = x0 + bar / 2;
                        root.draw(&PathElement::new(
                            vec![(x, px(point.year, lower).1), (x, px(point.year, upper).1)],
                            theme.text.stroke_width(2),
                        ))?;
                    }
                }
                if let Some(last) = series.points.last() {
                    let (centre, y) = px(last.year, last.value);
                    ends.push((index, (centre - group / 2 + (index as i32 + 1) * bar, y)));
                }
            }
        }
        ChartKind::Stacked => {
            let bar = (year_width * 6 / 10).max(2);
            let mut bases: Vec<(i32, f64)> = Vec::new();
            for (index, series) in chart.series.iter().enumerate() {
                let colour = theme.colour(index);
                for point in &series.points {
                    let base = match bases.iter_mut().find(|(y, _)| *y == point.year) {
                        Some((_, base)) => base,
                        None => {
                            bases.push((point.year, 0.0));
                            let last = bases.len() - 1;
                            &mut bases[last].1
                        }
                    };
                    let (centre, y_top_px) = px(point.year, *base + point.value);
                    let (_, y_base_px) = px(point.year, *base);
                    let corners = [(centre - bar / 2, y_top_px), (centre + bar / 2, y_base_px)];
                    root.draw(&Rectangle::new(corners, colour.filled()))?;
                    // A thin edge in the background colour keeps adjacent
                    // segments apart, whatever their colours.
                    root.draw(&Rectangle::new(corners, theme.background.stroke_width(1)))?;
                    if series.points.last().is_some_and(|l| l.year == point.year) {
                        ends.push((index, (centre + bar / 2, (y_top_px + y_base_px) / 2)));
                    }
                    *base += point.value;
                }
            }
        }
    }
    let (plot_top, plot_bottom) = {
        let (_, y_pixels) = ctx.plotting_area().get_pixel_range();
        (y_pixels.start - top, y_pixels.end - top)
    };
    for marker in &chart.markers {
        if !(from..=to).contains(&marker.year) {
            continue;
        }
        let (x, _) = px(marker.year, 0.0);
        let bottom = if marker.crosses {
            plot_bottom
        } else {
            plot_top + 8
        };
        root.draw(&PathElement::new(
            vec![(x, plot_top), (x, bottom)],
            theme
                .text
                .mix(0.6)
                .stroke_width(if marker.crosses { 1 } else { 2 }),
        ))?;
        root.draw(&Text::new(
            marker.shown(),
            (x + 3, plot_top + 2),
            (SANS, 11).into_font().color(&theme.text),
        ))?;
    }
    // Direct labels, moved apart where series end close together so that no
    // label hides another.
    let wanted: Vec<i32> = ends.iter().map(|(_, (_, y))| *y).collect();
    let placed = spread_labels(&wanted, LABEL_GAP, plot_top, plot_bottom);
    for ((index, (x, _)), y) in ends.iter().zip(placed) {
        root.draw(&Text::new(
            shortened(&chart.series[*index].label, font_size, label_room),
            (x + LABEL_INDENT as i32, y - 7),
            text.clone().color(&theme.colour(*index)),
        ))?;
    }
    Ok(())
}

/// The vertical room one direct label needs, in pixels.
const LABEL_GAP: i32 = 16;
/// The room left of the plot for the values and the axis' name.
const Y_LABEL_AREA: u32 = 72;
/// A direct label's distance from its series' end.
const LABEL_INDENT: u32 = 8;
/// Charts narrower than this are drawn with smaller words.
const NARROW: u32 = 500;

/// Moves label positions (pixel rows) apart so that neighbours are at least
/// `gap` apart, each as close to where it wants to be as the others allow,
/// and all inside `top..=bottom` when there is room. Returns the positions in
/// the order given.
pub fn spread_labels(wanted: &[i32], gap: i32, top: i32, bottom: i32) -> Vec<i32> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by_key(|&i| wanted[i]);
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

/// Shades the lower–upper band of the points whose value is uncertain.
fn draw_band<DB: DrawingBackend>(
    ctx: &mut ChartContext<
        '_,
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordi32, plotters::coord::types::RangedCoordf64>,
    >,
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
fn contiguous_runs(points: &[Point]) -> Vec<&[Point]> {
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

/// Renders the chart to an SVG document of the given size.
pub fn line_chart_svg(chart: &LineChart, size: (u32, u32), theme: Theme) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_line_chart(&root, chart, theme).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// Draws a whole figure: title and subtitle above the chart; the source
/// line and as many notes as fit below it, wrapped to the width.
pub fn draw_figure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    chart: &LineChart,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let (width, height) = root.dim_in_pixel();
    let small = (SANS, 13).into_font();
    let line_height = 17;
    let line_width = width.saturating_sub(24);
    let mut footer: Vec<String> = wrap(&figure.source, 13, line_width);
    // Notes get at most a third of the height; the rest would crowd the chart.
    let room = (height / 3) as usize / line_height as usize;
    for (shown, note) in figure.notes.iter().enumerate() {
        let lines = wrap(&format!("• {note}"), 13, line_width);
        if footer.len() + lines.len() + 1 > room {
            let left = figure.notes.len() - shown;
            footer.push(format!("+ {left} {}", figure.more_notes));
            break;
        }
        footer.extend(lines);
    }
    let header_height = 58;
    let footer_height = footer.len() as u32 * line_height as u32 + 12;
    let (header, rest) = root.split_vertically(header_height);
    let (body, bottom) =
        rest.split_vertically(height.saturating_sub(header_height + footer_height));
    // Title and subtitle keep to one line each, shortened if they must be.
    header.draw(&Text::new(
        shortened(&figure.title, 20, line_width),
        (12, 10),
        (SANS, 20)
            .into_font()
            .style(FontStyle::Bold)
            .color(&theme.text),
    ))?;
    header.draw(&Text::new(
        shortened(&figure.subtitle, 14, line_width),
        (12, 36),
        (SANS, 14).into_font().color(&theme.text),
    ))?;
    let bare = LineChart {
        title: String::new(),
        ..chart.clone()
    };
    draw_lines(&body, &bare, theme)?;
    for (i, line) in footer.iter().enumerate() {
        bottom.draw(&Text::new(
            line.clone(),
            (12, 4 + i as i32 * line_height),
            small.clone().color(&theme.text),
        ))?;
    }
    root.present()
}

/// A glyph's estimated width as a share of plotters' font size, which the
/// SVG writes as 1/1.24 of itself: an average glyph of DejaVu Sans (0.57 em)
/// or of a slightly wider sans-serif, so that shortened text fits. The SVG
/// is measured by the browser that shows it, not here.
const GLYPH_WIDTH: f64 = 0.52;

/// The estimated width of `text` in pixels at `font_size`.
fn text_width(text: &str, font_size: u32) -> u32 {
    (text.chars().count() as f64 * font_size as f64 * GLYPH_WIDTH).ceil() as u32
}

/// How many glyphs fit in `width` pixels at `font_size`.
fn glyphs_in(width: u32, font_size: u32) -> usize {
    (width as f64 / (font_size as f64 * GLYPH_WIDTH)) as usize
}

/// `text` cut to fit `width` pixels at `font_size`, with an ellipsis where
/// it was cut; the full name stays in the summary and the table.
fn shortened(text: &str, font_size: u32, width: u32) -> String {
    let fits = glyphs_in(width, font_size);
    if text.chars().count() <= fits {
        return text.to_string();
    }
    let kept: String = text.chars().take(fits.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// Breaks `text` into lines of at most `width` pixels at `font_size`.
fn wrap(text: &str, font_size: u32, width: u32) -> Vec<String> {
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

/// Renders a whole figure to an SVG document of the given size.
pub fn figure_svg(
    figure: &Figure,
    chart: &LineChart,
    size: (u32, u32),
    theme: Theme,
) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_figure(&root, figure, chart, theme).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(year: i32, value: f64) -> Point {
        Point {
            year,
            value,
            band: None,
        }
    }

    fn chart(series: Vec<Series>) -> LineChart {
        LineChart {
            title: "Detected victims".into(),
            y_label: "Counts".into(),
            years: (2010, 2015),
            series,
            kind: ChartKind::Line,
            markers: vec![],
            lang: Lang::En,
        }
    }

    #[test]
    fn runs_break_at_missing_years() {
        let points = [point(2010, 1.0), point(2011, 2.0), point(2013, 3.0)];
        let runs = contiguous_runs(&points);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].len(), 2);
        assert_eq!(runs[1][0].year, 2013);
        assert!(contiguous_runs(&[]).is_empty());
    }

    #[test]
    fn svg_has_one_stroke_colour_per_series_and_direct_labels() {
        let series = vec![
            Series {
                label: "Americas".into(),
                points: vec![point(2010, 5.0), point(2011, 8.0), point(2013, 9.0)],
            },
            Series {
                label: "Europe".into(),
                points: vec![point(2010, 50.0), point(2011, 40.0)],
            },
        ];
        let svg = line_chart_svg(&chart(series), (640, 360), Theme::LIGHT).expect("draws");
        assert!(svg.starts_with("<svg"), "{svg:.80}");
        assert!(svg.contains("Detected victims"));
        assert!(svg.contains("\nAmericas\n") && svg.contains("\nEurope\n"));
        let stroke = |c: RGBColor| format!("stroke=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        let polylines: Vec<&str> = svg.split("<polyline").skip(1).collect();
        // Americas has a gap in 2012, so two segments; Europe one.
        assert_eq!(
            polylines
                .iter()
                .filter(|p| p.contains(&stroke(PALETTE[0])))
                .count(),
            2
        );
        assert_eq!(
            polylines
                .iter()
                .filter(|p| p.contains(&stroke(PALETTE[1])))
                .count(),
            1
        );
    }

    #[test]
    fn uncertain_values_draw_a_band_that_reaches_the_upper_bound() {
        let mut points = vec![point(2010, 10.0), point(2011, 12.0)];
        points[0].band = Some((10.0, 30.0));
        points[1].band = Some((12.0, 40.0));
        let c = chart(vec![Series {
            label: "Africa".into(),
            points,
        }]);
        assert!((c.y_max() - 40.0 * 1.08).abs() < 1e-9);
        let svg = line_chart_svg(&c, (640, 360), Theme::LIGHT).expect("draws");
        assert!(svg.contains("<polygon"), "band drawn as a polygon");
    }

    #[test]
    fn labels_that_would_overlap_are_spread_apart_within_the_plot() {
        // Two lines ending on the same pixel row, one far away.
        let placed = spread_labels(&[100, 100, 300], 16, 0, 400);
        assert_eq!(placed, vec![100, 116, 300]);
        // Crowded at the bottom: pushed back up inside the plot.
        let placed = spread_labels(&[395, 398, 399], 16, 0, 400);
        assert_eq!(placed, vec![368, 384, 400]);
        // Already apart: left where they are, in the given order.
        assert_eq!(spread_labels(&[50, 10], 16, 0, 400), vec![50, 10]);
    }

    #[test]
    fn a_long_direct_label_is_shortened_inside_the_drawing() {
        assert_eq!(shortened("Americas", 14, 200), "Americas");
        let long = "Rio Grande Valley sector (Border Patrol)";
        let cut = shortened(long, 14, 160);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')));
        assert!(text_width(&cut, 14) <= 160, "{cut}");

        // In a chart: the margin grows for a long label, up to two fifths
        // of the width, and every label's text ends inside the drawing.
        let series = vec![
            Series {
                label: long.into(),
                points: vec![point(2010, 5.0), point(2011, 8.0)],
            },
            Series {
                label: "El Paso".into(),
                points: vec![point(2010, 3.0), point(2011, 4.0)],
            },
        ];
        let width = 600;
        let svg = line_chart_svg(&chart(series), (width, 400), Theme::LIGHT).expect("draws");
        let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
        let labels: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter(|n| {
                n.text()
                    .map(str::trim)
                    .is_some_and(|t| t.starts_with("Rio") || t == "El Paso")
            })
            .collect();
        assert_eq!(labels.len(), 2, "{svg}");
        for label in labels {
            let text = label.text().unwrap_or_default().trim();
            let x: f64 = label
                .attribute("x")
                .and_then(|x| x.parse().ok())
                .unwrap_or(f64::MAX);
            assert!(
                x + f64::from(text_width(text, 14)) <= f64::from(width),
                "{text} at x {x} runs past {width}"
            );
        }
    }

    #[test]
    fn a_parenthesis_every_label_shares_is_dropped() {
        let labelled = |labels: &[&str]| -> Vec<String> {
            let mut series: Vec<Series> = labels
                .iter()
                .map(|l| Series {
                    label: l.to_string(),
                    points: vec![],
                })
                .collect();
            drop_shared_suffix(&mut series);
            series.into_iter().map(|s| s.label).collect()
        };
        assert_eq!(
            labelled(&[
                "San Diego sector (Border Patrol)",
                "El Paso sector (Border Patrol)"
            ]),
            ["San Diego sector", "El Paso sector"]
        );
        // Kept when it tells the lines apart, or names the only line.
        assert_eq!(
            labelled(&["Americas (UNODC)", "Europe (Eurostat)"]),
            ["Americas (UNODC)", "Europe (Eurostat)"]
        );
        assert_eq!(
            labelled(&["Americas and Oceania (pooled by CTDC)"]),
            ["Americas and Oceania (pooled by CTDC)"]
        );
        assert_eq!(labelled(&["Mexico", "Chihuahua"]), ["Mexico", "Chihuahua"]);
    }

    #[test]
    fn lines_wrap_at_the_width() {
        let lines = wrap("one two three four five six seven", 10, 80);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 14), "{lines:?}");
        assert_eq!(lines.join(" "), "one two three four five six seven");
    }

    #[test]
    fn a_figures_long_subtitle_stays_inside_the_card() {
        let places = "Rio Grande Valley sector (Border Patrol), ".repeat(6);
        let figure = Figure {
            title: "US Border Patrol encounters".into(),
            subtitle: format!("{places}· 2000–2025"),
            source: "Source: OHSS.".into(),
            notes: vec![],
            summary: String::new(),
            view_full: "",
            more_notes: "more notes",
        };
        let series = vec![Series {
            label: "Rio Grande Valley sector (Border Patrol)".into(),
            points: vec![point(2010, 5.0), point(2011, 8.0)],
        }];
        let svg = figure_svg(&figure, &chart(series), (800, 500), Theme::LIGHT).expect("draws");
        let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
        let subtitle = doc
            .descendants()
            .filter_map(|n| n.text())
            .map(str::trim)
            .find(|t| t.starts_with("Rio Grande Valley sector (Border Patrol), Rio"))
            .expect("the subtitle is drawn");
        assert!(subtitle.ends_with('…'), "{subtitle}");
        assert!(12 + text_width(subtitle, 14) <= 800, "{subtitle}");
    }

    #[test]
    fn figure_sets_title_source_and_notes_around_the_chart() {
        let figure = Figure {
            title: "Detected victims".into(),
            subtitle: "Americas · 2010–2015".into(),
            source: "Source: UNODC.".into(),
            notes: vec!["Detected victims are not prevalence.".into(); 40],
            summary: String::new(),
            view_full: "",
            more_notes: "more notes",
        };
        let series = vec![Series {
            label: "Americas".into(),
            points: vec![point(2010, 5.0), point(2011, 8.0)],
        }];
        let svg = figure_svg(&figure, &chart(series), (800, 450), Theme::DARK).expect("draws");
        assert!(svg.contains("Detected victims") && svg.contains("Source: UNODC."));
        let notes = svg.matches("not prevalence").count();
        // As many notes as fit in a third of the height, and no more.
        assert!((1..10).contains(&notes), "{notes} notes drawn");
        assert!(svg.contains(&format!("+ {} more notes", 40 - notes)));
        assert!(svg.contains("#121212"), "dark background");
        assert_eq!(svg.matches("</svg>").count(), 1, "one document");
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn bars_and_stacks_draw_a_rectangle_per_value_and_label_each_series() {
        let series = vec![
            Series {
                label: "Female".into(),
                points: vec![point(2010, 5.0), point(2011, 8.0)],
            },
            Series {
                label: "Male".into(),
                points: vec![point(2010, 3.0), point(2011, 4.0)],
            },
        ];
        for kind in [ChartKind::Bar, ChartKind::Stacked] {
            let mut c = chart(series.clone());
            c.kind = kind;
            let svg = line_chart_svg(&c, (640, 360), Theme::LIGHT).expect("draws");
            let fill = |colour: RGBColor| {
                format!("fill=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2)
            };
            for colour in [PALETTE[0], PALETTE[1]] {
                let bars = svg
                    .split("<rect")
                    .skip(1)
                    .filter(|r| {
                        r.split('>')
                            .next()
                            .is_some_and(|tag| tag.contains(&fill(colour)))
                    })
                    .count();
                assert_eq!(bars, 2, "{kind:?}: two bars of each series");
            }
            assert!(
                svg.contains("\nFemale\n") && svg.contains("\nMale\n"),
                "{kind:?}"
            );
        }
        let mut stacked = chart(series);
        stacked.kind = ChartKind::Stacked;
        assert!((stacked.stacked_max() - 12.0 * 1.08).abs() < 1e-9);
    }

    #[test]
    fn notes_about_a_year_get_numbered_markers() {
        let note = |kind: &str, year: Option<i32>| crate::Note {
            kind: kind.into(),
            text: String::new(),
            region: None,
            year,
            es: None,
        };
        let notes = [
            note("caveat", None),
            note("partial-year", Some(2025)),
            note("caveat", Some(2020)),
            note("reporter-enters", Some(2019)),
            note("coverage", Some(2025)),
        ];
        let (numbers, markers) = numbered_notes(&notes);
        assert_eq!(numbers, vec![(1, 1), (3, 2), (4, 3)]);
        let labels: Vec<(i32, &str, bool)> = markers
            .iter()
            .map(|m| (m.year, m.label.as_str(), m.crosses))
            .collect();
        assert_eq!(labels, vec![(2025, "1,3", true), (2019, "2", false)]);
        let crowded = Marker {
            year: 2020,
            label: "4,5,6,7".into(),
            crosses: false,
        };
        assert_eq!(crowded.shown(), "4,5+");
        let mut c = chart(vec![]);
        c.years = (2015, 2025);
        c.markers = markers;
        let svg = line_chart_svg(&c, (640, 360), Theme::LIGHT).expect("draws");
        assert!(svg.contains("\n1,3\n") && svg.contains("\n2\n"));
    }

    #[test]
    fn empty_chart_still_draws() {
        let svg = line_chart_svg(&chart(vec![]), (320, 200), Theme::LIGHT).expect("draws");
        assert!(svg.contains("</svg>"));
    }
}
