//! The whole figure as it travels (an embed, an image, a social card): the
//! title and subtitle above the chart, the source line and as many notes as
//! fit below it.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::map::MapDrawing;
use super::plot::draw_chart;
use super::text::{SANS, shortened, wrap};
use super::{Chart, Theme};
use crate::figure::Figure;

/// Draws a whole figure: title and subtitle above the chart; the source
/// line and as many notes as fit below it, wrapped to the width.
pub fn draw_figure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    chart: &Chart,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let body = draw_frame(root, figure, theme)?;
    let bare = Chart {
        title: String::new(),
        ..chart.clone()
    };
    draw_chart(&body, &bare, theme)?;
    root.present()
}

/// The figure's frame: the title and subtitle above, the source line and as
/// many notes as fit below; returns the area left for the chart or map.
fn draw_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    theme: Theme,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    theme.fill(root)?;
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
    for (i, line) in footer.iter().enumerate() {
        bottom.draw(&Text::new(
            line.clone(),
            (12, 4 + i as i32 * line_height),
            small.clone().color(&theme.text),
        ))?;
    }
    Ok(body)
}

/// Renders a whole figure to an SVG document of the given size.
pub fn figure_svg(
    figure: &Figure,
    chart: &Chart,
    size: (u32, u32),
    theme: Theme,
) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_figure(&root, figure, chart, theme).map_err(super::not_drawn)?;
    }
    Ok(svg)
}

/// Renders a whole figure around a map: the frame drawn by plotters, the
/// map's elements written into the frame's body (see `chart::map`).
pub fn map_figure_svg(
    figure: &Figure,
    map: &MapDrawing,
    size: (u32, u32),
) -> Result<String, String> {
    let mut svg = String::new();
    let body = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let body = draw_frame(&root, figure, map.theme).map_err(super::not_drawn)?;
        let (x, y) = body.get_base_pixel();
        let (width, height) = body.dim_in_pixel();
        root.present().map_err(super::not_drawn)?;
        (x + 12, y, width.saturating_sub(24), height)
    };
    let end = svg.rfind("</svg>").ok_or("the frame has no end")?;
    svg.insert_str(end, &map.elements(body));
    Ok(svg)
}
