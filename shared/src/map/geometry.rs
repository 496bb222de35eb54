//! The shapes a map is drawn from, as `cargo xtask maps` writes them into
//! `data/maps/`: already projected and simplified, in a box of `width` by
//! `height` units with y pointing down (SVG's), each shape an SVG path keyed
//! by the project's region code.

use serde::{Deserialize, Serialize};

/// One map's drawing: the places with a shape, the places drawn as a point
/// (Border Patrol sectors at their headquarters, islands too small to see),
/// and land that belongs to no place in the data (drawn, never filled).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapGeometry {
    pub name: String,
    pub width: u32,
    pub height: u32,
    /// Who drew the shapes, shown under every map.
    pub attribution: String,
    pub shapes: Vec<Shape>,
    #[serde(default)]
    pub points: Vec<Point>,
    /// Outlines of land that is no place of the data's.
    #[serde(default)]
    pub land: Vec<String>,
    /// Frames around the parts drawn apart (Alaska, Hawaii, islands).
    #[serde(default)]
    pub insets: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Shape {
    pub code: String,
    /// An SVG path in the map's units.
    pub d: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Point {
    pub code: String,
    pub x: f32,
    pub y: f32,
}

impl MapGeometry {
    /// Every region code this map can show, shapes and points.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.shapes
            .iter()
            .map(|s| s.code.as_str())
            .chain(self.points.iter().map(|p| p.code.as_str()))
    }
}
