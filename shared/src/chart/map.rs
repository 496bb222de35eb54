//! A map of one year's figures by place: each place filled by its class
//! (breaks chosen once for the whole range, `map::Classes`), no figure and
//! "<5" drawn apart from every figure, places drawn as points sized by
//! their figure (Border Patrol sectors at their headquarters), the places a
//! view compares outlined, and the legend under the map.
//!
//! Plotters cannot give a shape a name, a title or keyboard focus, so the
//! map's elements are SVG written directly: each place carries its code,
//! its figure in words (`aria-label`, `<title>`) and `tabindex`, which the
//! dashboard's script and a screen reader read. The frame around it (title,
//! source, notes) is the figure's, drawn by plotters (`figure::draw_frame`).

use std::collections::HashMap;
use std::fmt::Write;

use super::Theme;
use super::text::{shortened, text_width, wrap};
use crate::figure::reporters_in;
use crate::format::{row_rate_cell, thousands_in, value_cell_in};
use crate::lang::Lang;
use crate::map::classes::figure;
use crate::map::{Classes, Fill, MapGeometry};
use crate::words::words;
use crate::{Catalog, NoteKind, SeriesResponse, SeriesRow};

/// Viridis (van der Walt and Smith), six steps: readable for colour-blind
/// readers and in greyscale. Light pages fill low figures light; dark pages
/// fill them dark, so that more is always more visible.
const VIRIDIS: [&str; 6] = [
    "#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154",
];

/// The room under the map for the legend, per row of entries.
const LEGEND_ROW: u32 = 20;
const LEGEND_FONT: u32 = 12;

/// One map as drawn: the geometry, a map answer's figures and the year.
pub struct MapDrawing<'a> {
    pub geometry: &'a MapGeometry,
    /// Every place of the map, every year of the range.
    pub figures: &'a SeriesResponse,
    pub catalog: &'a Catalog,
    pub lang: Lang,
    pub year: i32,
    /// The places a view compares, outlined.
    pub highlighted: &'a [String],
    pub theme: Theme,
    /// Unique on its page: the prefix of the drawing's pattern ids (a page
    /// may carry the same map drawn twice).
    pub id: &'a str,
    /// On the border's map: another indicator's figures filling the states
    /// under the sectors (`areas=`). The sectors' circles are then one
    /// plain colour, sized by their figure, so that the colours belong to
    /// the states alone and the two measures are never read as one.
    pub areas: Option<&'a SeriesResponse>,
}

impl<'a> MapDrawing<'a> {
    /// The year a map opens on: the range's last year with any figure that
    /// was counted whole (a year only partly counted, such as SESNSP's
    /// January–June 2025, would look like a fall everywhere), or the last
    /// year with a figure when every year is partial.
    pub fn last_year(figures: &SeriesResponse) -> i32 {
        let partial = |year: i32| {
            figures.notes.iter().any(|n| {
                n.kind == NoteKind::PartialYear && n.year == Some(year) && n.region.is_none()
            })
        };
        let years = figures.rows.iter().map(|r| r.year);
        years
            .clone()
            .filter(|y| !partial(*y))
            .max()
            .or_else(|| years.max())
            .unwrap_or(figures.to)
    }

    fn classes(&self) -> Classes {
        Classes::of(&self.figures.rows)
    }

    /// The states under the sectors, drawn as a map of their own figures.
    fn areas_layer(&self) -> Option<MapDrawing<'a>> {
        Some(MapDrawing {
            figures: self.areas?,
            highlighted: &[],
            areas: None,
            ..*self
        })
    }

    /// The indicator's name in the map's language.
    fn name(&self) -> &'a str {
        self.catalog
            .indicator(&self.figures.indicator)
            .map_or("", |i| i.name_in(self.lang))
    }

    /// Each place's row in the drawn year.
    fn rows(&self) -> HashMap<&str, &SeriesRow> {
        self.figures
            .rows
            .iter()
            .filter(|r| r.year == self.year)
            .map(|r| (r.region.as_str(), r))
            .collect()
    }

    /// A place's figure in words, as its title and label say it: "Chihuahua:
    /// 65 (2022)", "Tuvalu: <5 (2022)", "Chad: no data (2022)".
    pub fn place_label(&self, code: &str, row: Option<&SeriesRow>) -> String {
        let name = self.catalog.region_name_in(code, self.lang);
        format!("{name}: {} ({})", self.figure_text(row), self.year)
    }

    /// A place's figure as the table writes it: "65", "12.30" (a rate),
    /// "<5", "no data".
    fn figure_text(&self, row: Option<&SeriesRow>) -> String {
        match row {
            Some(row) if row.rate.is_some() || row.rate_lower.is_some() => row_rate_cell(row),
            Some(row) if row.value.is_some() || row.suppressed_cells > 0 => {
                value_cell_in(row, self.lang)
            }
            _ => words(self.lang).map_no_data().to_string(),
        }
    }

    /// One sentence for screen readers and the page: the three highest
    /// places, how many of the map's places have a figure, and which places
    /// have no location on the map.
    pub fn summary(&self) -> String {
        let t = words(self.lang);
        let rows = self.rows();
        let mut ranked: Vec<(&str, f64)> = rows
            .iter()
            .filter_map(|(code, row)| Some((*code, figure(row)?)))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = ranked
            .iter()
            .take(3)
            .map(|(code, _)| {
                let label = self.place_label(code, rows.get(code).copied());
                label
                    .trim_end_matches(&format!(" ({})", self.year))
                    .replace(": ", " ")
            })
            .collect();
        let places = self.figures.regions.len();
        let level = self
            .figures
            .regions
            .first()
            .and_then(|c| self.catalog.region(c));
        let level = reporters_in(level.map_or("states", |r| r.level.plural()), self.lang);
        let mut summary = format!("{}", self.year);
        if !top.is_empty() {
            let _ = write!(summary, ": {} {}", t.map_highest(), top.join(", "));
        }
        let _ = write!(
            summary,
            ". {} {} {places} {level} {}.",
            rows.values().filter(|r| figure(r).is_some()).count(),
            t.map_of(),
            t.map_with_figure()
        );
        let missing: Vec<&str> = self
            .figures
            .regions
            .iter()
            .filter(|code| !self.geometry.codes().any(|c| c == code.as_str()))
            .map(|code| self.catalog.region_name_in(code, self.lang))
            .collect();
        if !missing.is_empty() {
            let _ = write!(
                summary,
                " {} {}: {}.",
                missing.len(),
                t.map_not_on_map(),
                missing.join(", ")
            );
        }
        if let Some(layer) = self.areas_layer() {
            let _ = write!(
                summary,
                " {} ({}): {}",
                t.map_states_by(),
                layer.name(),
                layer.summary()
            );
        }
        summary
    }

    /// The map and its legend as SVG elements inside the box at `x`, `y` of
    /// `width` × `height` pixels.
    pub fn elements(&self, (x, y, width, height): (i32, i32, u32, u32)) -> String {
        let classes = self.classes();
        let legend = self.legend(&classes, width);
        let (map_width, map_height) = (
            f64::from(self.geometry.width.max(1)),
            f64::from(self.geometry.height.max(1)),
        );
        let scale = self.scale_in(width, height);
        let left = f64::from(x) + (f64::from(width) - map_width * scale) / 2.0;
        let top = f64::from(y);
        // What the map shows, in words, for whoever cannot see it.
        let mut svg = format!("<desc>{}</desc>", escape(&self.summary()));
        self.defs(&mut svg);
        let _ = write!(
            svg,
            r#"<g class="map" transform="translate({left:.1} {top:.1}) scale({scale:.4})" stroke="{}" stroke-width="{:.2}" stroke-linejoin="round">"#,
            hex(self.theme.background),
            0.6 / scale
        );
        self.places(&mut svg, &classes, scale);
        svg.push_str("</g>");
        let legend_top = top + map_height * scale + 6.0;
        self.draw_legend(&mut svg, &legend, x, legend_top as i32);
        svg
    }

    /// The patterns that mark no figure (grey, hatched) and "<5" (the
    /// lowest colour, dotted), apart from every figure's plain colour.
    fn defs(&self, svg: &mut String) {
        let dark = self.theme.background.0 < 0x80;
        let (none_fill, none_line) = if dark {
            ("#2b2b2b", "#5a5a5a")
        } else {
            ("#e4e4e4", "#a8a8a8")
        };
        let _ = write!(
            svg,
            r#"<defs><pattern id="{id}-none" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{none_fill}"/><path d="M0 0V6" stroke="{none_line}" stroke-width="2"/></pattern><pattern id="{id}-low" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="{low}"/><circle cx="2.5" cy="2.5" r="1.1" fill="{dot}"/></pattern></defs>"#,
            id = self.id,
            low = self.colour(0, 1),
            dot = hex(self.theme.text),
        );
    }

    /// The colour of step `index` of `count`, spread over the palette.
    fn colour(&self, index: usize, count: usize) -> &'static str {
        let step = if count <= 1 {
            0
        } else {
            index * (VIRIDIS.len() - 1) / (count - 1)
        };
        let dark = self.theme.background.0 < 0x80;
        VIRIDIS[if dark { VIRIDIS.len() - 1 - step } else { step }]
    }

    fn paint(&self, classes: &Classes, fill: Fill) -> String {
        match (fill, classes.colour_of(fill)) {
            (_, Some(i)) => self.colour(i, classes.colours()).to_string(),
            (Fill::Suppressed, _) => format!("url(#{}-low)", self.id),
            _ => format!("url(#{}-none)", self.id),
        }
    }

    /// A point's paint: its class, or over the states of another
    /// indicator one plain colour (no figure and "<5" keep their marks).
    fn point_paint(&self, classes: &Classes, fill: Fill) -> String {
        match fill {
            Fill::Class(_) | Fill::Zero if self.areas.is_some() => hex(self.theme.text),
            _ => self.paint(classes, fill),
        }
    }

    /// The shapes and points: land that is no place of the figures plain,
    /// each place filled by its class, points sized by their figure, then
    /// the outlines of the places compared.
    fn places(&self, svg: &mut String, classes: &Classes, scale: f64) {
        let rows = self.rows();
        let land = hex(self.theme.grid);
        let is_place = |code: &str| self.figures.regions.iter().any(|r| r == code);
        let areas = self.areas_layer();
        let (area_classes, area_rows) = match &areas {
            Some(layer) => (Some(layer.classes()), layer.rows()),
            None => (None, HashMap::new()),
        };
        for d in &self.geometry.land {
            let _ = write!(svg, r#"<path d="{d}" fill="{land}"/>"#);
        }
        for shape in &self.geometry.shapes {
            if is_place(&shape.code) {
                let row = rows.get(shape.code.as_str()).copied();
                self.place_path(svg, &shape.code, &shape.d, classes, row, "");
                continue;
            }
            match (&areas, &area_classes) {
                (Some(layer), Some(classes)) if layer.figures.regions.contains(&shape.code) => {
                    let row = area_rows.get(shape.code.as_str()).copied();
                    // A state names its own indicator: choosing it opens
                    // that indicator's chart, not the sectors'.
                    let indicator =
                        format!(r#" data-indicator="{}""#, escape(&layer.figures.indicator));
                    layer.place_path(svg, &shape.code, &shape.d, classes, row, &indicator);
                }
                _ => {
                    let _ = write!(svg, r#"<path d="{}" fill="{land}"/>"#, shape.d);
                }
            }
        }
        for d in &self.geometry.insets {
            let _ = write!(svg, r#"<path d="{d}" fill="none" stroke="{land}"/>"#);
        }
        self.points(svg, classes, scale, &rows);
        let outline = hex(self.theme.text);
        for shape in &self.geometry.shapes {
            if self.highlighted.contains(&shape.code) {
                let _ = write!(
                    svg,
                    r#"<path d="{}" fill="none" stroke="{outline}" stroke-width="{:.2}" pointer-events="none"/>"#,
                    shape.d,
                    1.5 / scale
                );
            }
        }
    }

    /// One place's shape, filled by its class, named and focusable;
    /// `extra` is more attributes, already written.
    fn place_path(
        &self,
        svg: &mut String,
        code: &str,
        d: &str,
        classes: &Classes,
        row: Option<&SeriesRow>,
        extra: &str,
    ) {
        let fill = classes.fill(row);
        let label = escape(&self.place_label(code, row));
        let _ = write!(
            svg,
            r#"<path d="{d}" fill="{}" data-place="{code}" data-fill="{}"{extra} tabindex="0" role="img" aria-label="{label}"><title>{label}</title></path>"#,
            self.paint(classes, fill),
            fill_name(fill),
        );
    }

    /// Places drawn as points: a circle whose area is proportional to the
    /// figure (the largest of the range at most a twelfth of the map's
    /// width across), filled by class; no figure and "<5" as small circles
    /// with their marks. When every place is a point (the sectors), each
    /// is named beside it, the names spread apart with a line to their
    /// point where they had to move.
    fn points(
        &self,
        svg: &mut String,
        classes: &Classes,
        scale: f64,
        rows: &HashMap<&str, &SeriesRow>,
    ) {
        let mut named: Vec<(f64, f64, f64, &str)> = Vec::new();
        for point in &self.geometry.points {
            if !self.figures.regions.contains(&point.code) {
                continue;
            }
            let row = rows.get(point.code.as_str()).copied();
            let fill = classes.fill(row);
            let radius = self.radius(row, scale);
            let label = escape(&self.place_label(&point.code, row));
            let _ = write!(
                svg,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{radius:.1}" fill="{}" fill-opacity="{}" stroke="{}" data-place="{}" data-fill="{}" tabindex="0" role="img" aria-label="{label}"><title>{label}</title></circle>"#,
                point.x,
                point.y,
                self.point_paint(classes, fill),
                if self.areas.is_some() { "0.45" } else { "0.85" },
                hex(self.theme.text),
                point.code,
                fill_name(fill),
            );
            named.push((f64::from(point.x), f64::from(point.y), radius, &point.code));
        }
        if self
            .geometry
            .shapes
            .iter()
            .any(|s| self.figures.regions.contains(&s.code))
        {
            return;
        }
        let font = 11.0 / scale;
        let wanted: Vec<i32> = named
            .iter()
            .map(|(_, y, _, _)| (y * scale) as i32)
            .collect();
        let placed = super::text::spread_labels(
            &wanted,
            14,
            0,
            (f64::from(self.geometry.height) * scale) as i32,
        );
        let text = hex(self.theme.text);
        let halo = hex(self.theme.background);
        for ((x, y, radius, code), at) in named.iter().zip(placed) {
            let name = short_name(self.catalog.region_name_in(code, self.lang));
            // A name that would run off the map's right edge goes on the
            // point's left.
            let room = f64::from(text_width(&name, 11)) / scale;
            let left = x + radius + 5.0 / scale + room > f64::from(self.geometry.width);
            let side = if left { -1.0 } else { 1.0 };
            let (label_x, label_y) = (x + side * (radius + 4.0 / scale), f64::from(at) / scale);
            if (label_y - y).abs() > 2.0 / scale {
                let _ = write!(
                    svg,
                    r#"<path d="M{:.1} {y:.1}L{label_x:.1} {label_y:.1}" stroke="{text}" stroke-width="{:.2}" fill="none"/>"#,
                    x + side * radius,
                    0.6 / scale
                );
            }
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" font-size="{font:.1}" fill="{text}" stroke="{halo}" stroke-width="{:.1}" paint-order="stroke" font-family="sans-serif" pointer-events="none"{}>{}</text>"#,
                label_x + side / scale,
                label_y + font * 0.35,
                3.0 / scale,
                if left { r#" text-anchor="end""# } else { "" },
                escape(&name)
            );
        }
    }

    /// A point's radius in map units: its area in proportion to its figure,
    /// the range's largest a twelfth of the map's width across; at least 3
    /// pixels, and 4 for no figure or "<5".
    fn radius(&self, row: Option<&SeriesRow>, scale: f64) -> f64 {
        let largest = self.largest();
        let most = f64::from(self.geometry.width) / 24.0;
        match row.and_then(figure) {
            Some(v) if largest > 0.0 => (most * (v / largest).sqrt()).max(3.0 / scale),
            _ => 4.0 / scale,
        }
    }

    /// The range's largest figure, the points' scale.
    fn largest(&self) -> f64 {
        self.figures
            .rows
            .iter()
            .filter_map(figure)
            .fold(0.0, f64::max)
    }

    /// How each place of the map looks in the drawn year: its fill's name
    /// and paint, its label, and its radius when it is a point. What the
    /// dashboard's script swaps in when the year changes.
    pub fn place_states(&self, scale: f64) -> Vec<PlaceState> {
        let classes = self.classes();
        let rows = self.rows();
        let points: Vec<&str> = self
            .geometry
            .points
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        let mut states: Vec<PlaceState> = self
            .figures
            .regions
            .iter()
            .filter(|code| self.geometry.codes().any(|c| c == code.as_str()))
            .map(|code| {
                let row = rows.get(code.as_str()).copied();
                let fill = classes.fill(row);
                let point = points.contains(&code.as_str());
                PlaceState {
                    code: code.clone(),
                    fill: fill_name(fill),
                    paint: if point {
                        self.point_paint(&classes, fill)
                    } else {
                        self.paint(&classes, fill)
                    },
                    label: self.place_label(code, row),
                    figure: self.figure_text(row),
                    radius: point.then(|| self.radius(row, scale)),
                }
            })
            .collect();
        if let Some(layer) = self.areas_layer() {
            states.extend(layer.place_states(scale));
        }
        states
    }

    /// The scale the map is drawn at in a box of `width` × `height` pixels
    /// (the legend's rows taken off the height).
    pub fn scale_in(&self, width: u32, height: u32) -> f64 {
        let room = height.saturating_sub(self.legend_height(width)).max(1) as f64;
        (f64::from(width) / f64::from(self.geometry.width.max(1)))
            .min(room / f64::from(self.geometry.height.max(1)))
    }

    /// The legend's entries laid out in rows that fit `width`: the unit,
    /// each colour's range, then "<5" and "no data" when the range has them.
    fn legend(&self, classes: &Classes, width: u32) -> Vec<LegendEntry> {
        let t = words(self.lang);
        let entries = match self.areas_layer() {
            Some(layer) => {
                let title = |what: &str, name: &str| {
                    let title = format!("{what}: {name}");
                    (Swatch::Title, shortened(&title, LEGEND_FONT, width))
                };
                let mut entries = vec![title(t.map_states_by(), layer.name())];
                entries.extend(layer.class_entries(&layer.classes()));
                entries.push(title(t.map_circles(), self.name()));
                let largest = self.largest();
                entries.push((
                    Swatch::Circle(hex(self.theme.text)),
                    format!(
                        "{} {}",
                        t.map_largest(),
                        thousands_in(largest.round() as i64, self.lang)
                    ),
                ));
                entries
            }
            None => {
                // Codes (the TIP Report's tiers) say what each number means
                // in their unit: written above the colours.
                let mut entries: Vec<(Swatch, String)> = self
                    .catalog
                    .indicator(&self.figures.indicator)
                    .filter(|i| !i.additive)
                    .map(|i| wrap(i.unit_in(self.lang), LEGEND_FONT, width))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|line| (Swatch::Title, line))
                    .collect();
                entries.extend(self.class_entries(classes));
                entries
            }
        };
        let (mut row, mut x) = (0, 0);
        let mut laid = Vec::new();
        for (swatch, label) in entries {
            let room =
                text_width(&label, LEGEND_FONT) + if swatch == Swatch::Title { 12 } else { 30 };
            if x > 0 && (x + room > width || swatch == Swatch::Title) {
                (row, x) = (row + 1, 0);
            }
            laid.push(LegendEntry {
                swatch,
                label,
                row,
                x,
            });
            x += room;
        }
        laid
    }

    /// Each colour's range, then "<5" and "no data" when the range has them.
    fn class_entries(&self, classes: &Classes) -> Vec<(Swatch, String)> {
        let t = words(self.lang);
        let mut entries: Vec<(Swatch, String)> = classes
            .labels(self.lang, t.map_or_more())
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let colour = self.colour(i, classes.colours()).to_string();
                (Swatch::Box(colour), label)
            })
            .collect();
        // "<5" as the table writes a suppressed cell (value_cell_in).
        let suppressed = self
            .figures
            .rows
            .iter()
            .find(|r| classes.fill(Some(r)) == Fill::Suppressed);
        if let Some(row) = suppressed {
            entries.push((
                Swatch::Box(format!("url(#{}-low)", self.id)),
                value_cell_in(row, self.lang),
            ));
        }
        entries.push((
            Swatch::Box(format!("url(#{}-none)", self.id)),
            t.map_no_data().to_string(),
        ));
        entries
    }

    fn draw_legend(&self, svg: &mut String, legend: &[LegendEntry], left: i32, top: i32) {
        let text = hex(self.theme.text);
        svg.push_str(r#"<g class="legend" font-family="sans-serif">"#);
        for entry in legend {
            let (x, y) = (left + entry.x as i32, top + (entry.row * LEGEND_ROW) as i32);
            let label_x = match &entry.swatch {
                Swatch::Box(fill) => {
                    let _ = write!(
                        svg,
                        r#"<rect x="{x}" y="{}" width="14" height="11" fill="{fill}" stroke="{text}" stroke-width="0.5"/>"#,
                        y + 2
                    );
                    x + 18
                }
                Swatch::Circle(fill) => {
                    let _ = write!(
                        svg,
                        r#"<circle cx="{}" cy="{}" r="6" fill="{fill}" fill-opacity="0.45" stroke="{text}"/>"#,
                        x + 7,
                        y + 8
                    );
                    x + 18
                }
                Swatch::Title => x,
            };
            let weight = if entry.swatch == Swatch::Title {
                r#" font-weight="bold""#
            } else {
                ""
            };
            let _ = write!(
                svg,
                r#"<text x="{label_x}" y="{}" font-size="{LEGEND_FONT}" fill="{text}"{weight}>{}</text>"#,
                y + 12,
                escape(&entry.label)
            );
        }
        svg.push_str("</g>");
    }

    /// The height the legend takes under the map at `width`.
    pub fn legend_height(&self, width: u32) -> u32 {
        let legend = self.legend(&self.classes(), width);
        legend.iter().map(|e| e.row + 1).max().unwrap_or(0) * LEGEND_ROW + 6
    }
}

/// One place as drawn in one year (see [`MapDrawing::place_states`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceState {
    pub code: String,
    /// `none`, `suppressed`, `zero` or `class-N`.
    pub fill: String,
    /// The SVG paint: a colour, or a pattern for no figure and "<5".
    pub paint: String,
    /// "Chihuahua: 65 (2022)".
    pub label: String,
    /// The figure as the table writes it: "65", "<5", "no data".
    pub figure: String,
    /// A point's radius in map units.
    pub radius: Option<f64>,
}

/// What stands before a legend entry's words.
#[derive(Clone, Debug, PartialEq)]
enum Swatch {
    /// A box of a class's paint.
    Box(String),
    /// A circle of the points' paint.
    Circle(String),
    /// None: the entry names the layer the next entries are of.
    Title,
}

struct LegendEntry {
    swatch: Swatch,
    label: String,
    row: u32,
    x: u32,
}

/// The fill's name on a place's element (`data-fill`): what a test or a
/// script reads to tell no figure and "<5" from every figure.
fn fill_name(fill: Fill) -> String {
    match fill {
        Fill::NoData => "none".into(),
        Fill::Suppressed => "suppressed".into(),
        Fill::Zero => "zero".into(),
        Fill::Class(i) => format!("class-{i}"),
    }
}

/// A sector's name without what the legend already says: "El Paso" for
/// "El Paso sector (Border Patrol)" and for "Sector El Paso (Patrulla
/// Fronteriza)".
fn short_name(name: &str) -> String {
    let name = name.split(" (").next().unwrap_or(name);
    let name = name.strip_suffix(" sector").unwrap_or(name);
    name.strip_prefix("Sector ").unwrap_or(name).to_string()
}

fn hex(colour: plotters::style::RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2)
}

/// Text and attribute values as XML writes them.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
