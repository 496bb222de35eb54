//! A place's page, as plain data: which places have one (every country,
//! Mexican and US state and Border Patrol sector), the map a place is on,
//! and the places it is compared with: its curated peers first, then its
//! nearest on its map at its own level. The server draws the page
//! (`backend`'s `http/place.rs`).

use crate::curated::PEERS;
use crate::map::geometry::MapGeometry;
use crate::{Catalog, MapName, Region, RegionLevel};

/// How many places a place's page may compare it with, besides its parent.
pub const COMPARED: usize = 6;

/// Whether a place has a page: a country, a state or a sector. The world
/// and its regions are sums, read in the dashboard.
pub fn has_page(region: &Region) -> bool {
    matches!(
        region.level,
        RegionLevel::Country | RegionLevel::State | RegionLevel::Sector
    )
}

/// The map a place is drawn on: a country on the world's, a state on its
/// country's, a sector on the border's.
pub fn map_of(region: &Region) -> Option<MapName> {
    match (region.level, region.parent.as_deref()) {
        (RegionLevel::Country, _) => Some(MapName::World),
        (RegionLevel::State, Some("MEX")) => Some(MapName::Mexico),
        (RegionLevel::State, Some("USA")) => Some(MapName::Us),
        (RegionLevel::Sector, _) => Some(MapName::Border),
        _ => None,
    }
}

/// The places a page compares `code` with, best first: its curated peers,
/// then the places of its level (of its own country, for a state) nearest
/// on `map`, then the rest of its siblings in the catalog's order (a
/// sector away from the Southwest border has no point on the map).
pub fn compared_with(catalog: &Catalog, map: Option<&MapGeometry>, code: &str) -> Vec<String> {
    let Some(place) = catalog.region(code) else {
        return Vec::new();
    };
    let peers = PEERS
        .iter()
        .find(|(of, _)| *of == code)
        .map_or(&[][..], |(_, peers)| &peers[..]);
    let same_level: Vec<&str> = catalog
        .regions
        .iter()
        .filter(|r| r.level == place.level && r.code != code)
        .filter(|r| place.level != RegionLevel::State || r.parent == place.parent)
        .map(|r| r.code.as_str())
        .collect();
    let nearest = map.map_or_else(Vec::new, |m| m.nearest(code, &same_level, COMPARED));
    let siblings = same_level
        .iter()
        .filter(|c| catalog.region(c).is_some_and(|r| r.parent == place.parent));
    let mut compared: Vec<String> = Vec::new();
    for candidate in peers.iter().chain(&nearest).chain(siblings) {
        if catalog.region(candidate).is_some() && !compared.iter().any(|c| c == candidate) {
            compared.push(candidate.to_string());
        }
    }
    compared.truncate(COMPARED);
    compared
}

/// Across the Mexico–USA border from `code`, a border state: the states
/// facing it and the Border Patrol sectors along its stretch (none for any
/// other place).
pub fn across_the_border(code: &str) -> &'static [&'static str] {
    crate::curated::ACROSS_THE_BORDER
        .iter()
        .find(|(state, _)| *state == code)
        .map_or(&[], |(_, across)| across)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::geometry::Shape;

    fn region(code: &str, level: RegionLevel, parent: &str) -> Region {
        Region {
            code: code.into(),
            name: code.into(),
            level,
            parent: Some(parent.into()),
            es: None,
        }
    }

    #[test]
    fn a_place_is_compared_with_its_peers_then_its_nearest_then_its_siblings() {
        let catalog = Catalog {
            regions: vec![
                region("MEX", RegionLevel::Country, "013"),
                region("USA", RegionLevel::Country, "021"),
                region("GTM", RegionLevel::Country, "013"),
                region("MX-A", RegionLevel::State, "MEX"),
                region("MX-B", RegionLevel::State, "MEX"),
                region("MX-C", RegionLevel::State, "MEX"),
                region("US-A", RegionLevel::State, "USA"),
            ],
            ..Catalog::default()
        };
        let square = |code: &str, x: u32| Shape {
            code: code.into(),
            d: format!("M{x} 0l10 0 0 10-10 0z"),
        };
        let map = MapGeometry {
            shapes: vec![
                square("MX-A", 0),
                square("MX-B", 200),
                square("MX-C", 20),
                square("US-A", 10),
            ],
            ..MapGeometry::default()
        };
        // A state: only its own country's, nearest first (US-A is nearer
        // but in another country).
        assert_eq!(
            compared_with(&catalog, Some(&map), "MX-A"),
            ["MX-C", "MX-B"]
        );
        // Mexico: its curated peers, then the rest of its level.
        let mexico = compared_with(&catalog, None, "MEX");
        assert_eq!(mexico[..2], ["USA".to_string(), "GTM".to_string()]);
        assert!(compared_with(&catalog, None, "nowhere").is_empty());
        assert!(has_page(&catalog.regions[3]));
        assert_eq!(map_of(&catalog.regions[6]), Some(MapName::Us));
        assert!(across_the_border("MX-CHH").contains(&"US-TX"));
        assert!(across_the_border("MEX").is_empty());
    }
}
