//! The maps' geometry: `data/maps/*.json`, made once from the boundaries by
//! `cargo xtask maps` and compiled into the server (the files change with
//! the code, not with the data, and `build.rs` hashes them into the build's
//! identity, so a new drawing changes every ETag).

use axum::body::Bytes;
use tipstats_shared::MapName;
use tipstats_shared::map::MapGeometry;

/// Each map's geometry, read once, and its JSON as `/api/v1/maps/{map}`
/// sends it.
pub struct Maps {
    maps: Vec<(MapName, MapGeometry, Bytes)>,
}

const FILES: [(MapName, &str); 4] = [
    (MapName::World, include_str!("../../data/maps/world.json")),
    (MapName::Mexico, include_str!("../../data/maps/mexico.json")),
    (MapName::Us, include_str!("../../data/maps/us.json")),
    (MapName::Border, include_str!("../../data/maps/border.json")),
];

impl Maps {
    pub fn load() -> Result<Maps, serde_json::Error> {
        let maps = FILES
            .iter()
            .map(|(name, json)| {
                let geometry: MapGeometry = serde_json::from_str(json)?;
                Ok((*name, geometry, Bytes::from_static(json.as_bytes())))
            })
            .collect::<Result<_, serde_json::Error>>()?;
        Ok(Maps { maps })
    }

    pub fn geometry(&self, name: MapName) -> Option<&MapGeometry> {
        self.maps
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, g, _)| g)
    }

    pub fn json(&self, name: MapName) -> Option<Bytes> {
        self.maps
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, _, j)| j.clone())
    }
}
