//! Maps: the projections, the geometry's format, and drawing a year's
//! figures by place as a choropleth (or as symbols, for places drawn as
//! points), generic SVG written directly so that every place carries its
//! name, its figure and keyboard focus.

pub mod classes;
pub mod geometry;
pub mod projection;

pub use classes::{Classes, Fill};
pub use geometry::{MapGeometry, Point, Shape};
