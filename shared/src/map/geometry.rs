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

impl MapGeometry {
    /// Where a place is, roughly: the middle of the box around its largest
    /// outline (a country's mainland, not its islands), or its point.
    pub fn centre(&self, code: &str) -> Option<(f32, f32)> {
        if let Some(point) = self.points.iter().find(|p| p.code == code) {
            return Some((point.x, point.y));
        }
        let shape = self.shapes.iter().find(|s| s.code == code)?;
        let ring_box = |ring: &[(f32, f32)]| {
            ring.iter()
                .fold((f32::MAX, f32::MAX, f32::MIN, f32::MIN), |b, &(x, y)| {
                    (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y))
                })
        };
        let area = |b: &(f32, f32, f32, f32)| (b.2 - b.0) * (b.3 - b.1);
        let largest = rings(&shape.d)
            .iter()
            .map(|ring| ring_box(ring))
            .max_by(|a, b| area(a).total_cmp(&area(b)))?;
        Some(((largest.0 + largest.2) / 2.0, (largest.1 + largest.3) / 2.0))
    }

    /// The `count` places among `candidates` nearest to `code`, nearest
    /// first; none when `code` is not on the map.
    pub fn nearest<'a>(&self, code: &str, candidates: &[&'a str], count: usize) -> Vec<&'a str> {
        let Some((x, y)) = self.centre(code) else {
            return Vec::new();
        };
        let mut found: Vec<(f32, &str)> = candidates
            .iter()
            .filter(|c| **c != code)
            .filter_map(|c| {
                let (cx, cy) = self.centre(c)?;
                Some(((cx - x).powi(2) + (cy - y).powi(2), *c))
            })
            .collect();
        found.sort_by(|a, b| a.0.total_cmp(&b.0));
        found.into_iter().take(count).map(|(_, c)| c).collect()
    }
}

/// The outlines of a path as `cargo xtask maps` writes it (`M x y`, then
/// `l dx dy…` relative steps, `z`), as absolute points.
fn rings(d: &str) -> Vec<Vec<(f32, f32)>> {
    let mut rings = Vec::new();
    for part in d.split('M').filter(|p| !p.trim().is_empty()) {
        let numbers: Vec<f32> = part
            .replace(['l', 'z'], " ")
            .replace('-', " -")
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        let mut ring = Vec::new();
        let mut at = (0.0, 0.0);
        for (i, pair) in numbers.chunks_exact(2).enumerate() {
            at = if i == 0 {
                (pair[0], pair[1])
            } else {
                (at.0 + pair[0], at.1 + pair[1])
            };
            ring.push(at);
        }
        rings.push(ring);
    }
    rings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(code: &str, x: f32, y: f32, side: f32) -> Shape {
        Shape {
            code: code.into(),
            d: format!("M{x} {y}l{side} 0 0 {side}-{side} 0z"),
        }
    }

    #[test]
    fn a_place_is_at_the_middle_of_its_largest_outline_and_neighbours_are_nearest() {
        let mut island = square("A", 0.0, 0.0, 10.0);
        // A small island far off does not move the mainland's middle.
        island.d.push_str("M500 500l1 0 0 1-1 0z");
        let map = MapGeometry {
            shapes: vec![
                island,
                square("B", 20.0, 0.0, 10.0),
                square("C", 0.0, 40.0, 10.0),
            ],
            points: vec![Point {
                code: "P".into(),
                x: 6.0,
                y: 90.0,
            }],
            ..MapGeometry::default()
        };
        assert_eq!(map.centre("A"), Some((5.0, 5.0)));
        assert_eq!(map.centre("P"), Some((6.0, 90.0)));
        assert_eq!(map.centre("Z"), None);
        assert_eq!(map.nearest("A", &["P", "C", "B", "A"], 2), ["B", "C"]);
        assert!(map.nearest("Z", &["A"], 2).is_empty());
    }
}
