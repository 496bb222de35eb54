//! Map projections as plain math, so that the geometry step (`cargo xtask
//! maps`) and anything else that places a point on a map agree. Both are
//! equal-area, as a choropleth should be: a country's share of the picture
//! is its share of the land, so large places do not look larger than they
//! are. Results are on the unit sphere with y pointing north.

use std::f64::consts::PI;

const RADIANS: f64 = PI / 180.0;

/// Equal Earth (Šavrič, Patterson and Jenny, 2018) for the world.
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * (lat * RADIANS).sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x =
        lon * RADIANS * theta.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Albers' conic equal-area projection with two standard parallels, for a
/// country or a region of one (Mexico, the United States, the border).
#[derive(Clone, Copy, Debug)]
pub struct Albers {
    n: f64,
    c: f64,
    rho0: f64,
    lon0: f64,
}

impl Albers {
    /// Standard parallels `lat1` and `lat2`, centred on `lon0`, `lat0`.
    pub fn new(lat1: f64, lat2: f64, lon0: f64, lat0: f64) -> Albers {
        let (s1, s2) = ((lat1 * RADIANS).sin(), (lat2 * RADIANS).sin());
        let n = (s1 + s2) / 2.0;
        let c = (lat1 * RADIANS).cos().powi(2) + 2.0 * n * s1;
        let rho0 = (c - 2.0 * n * (lat0 * RADIANS).sin()).sqrt() / n;
        Albers { n, c, rho0, lon0 }
    }

    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        // Longitudes across the antimeridian (the Aleutians) stay beside
        // their neighbours rather than jumping to the other side.
        let mut dlon = lon - self.lon0;
        if dlon > 180.0 {
            dlon -= 360.0;
        } else if dlon < -180.0 {
            dlon += 360.0;
        }
        let rho = (self.c - 2.0 * self.n * (lat * RADIANS).sin())
            .max(0.0)
            .sqrt()
            / self.n;
        let theta = self.n * dlon * RADIANS;
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6
    }

    #[test]
    fn equal_earth_matches_published_values() {
        // d3-geo's geoEqualEarth at scale 1, no translation: [0, 0] and
        // [180, 0], and the pole at y = 1.3173627 (north up here).
        assert!(close(equal_earth(0.0, 0.0), (0.0, 0.0)));
        assert!(close(equal_earth(180.0, 0.0), (2.7066297, 0.0)));
        assert!((equal_earth(0.0, 90.0).1 - 1.3173627).abs() < 1e-6);
        assert!(close(
            equal_earth(-90.0, 45.0),
            (-equal_earth(90.0, 45.0).0, equal_earth(90.0, 45.0).1)
        ));
    }

    #[test]
    fn albers_keeps_its_centre_and_its_areas() {
        let mexico = Albers::new(17.5, 29.5, -102.0, 23.0);
        assert!(close(mexico.project(-102.0, 23.0), (0.0, 0.0)));
        // Equal area: two cells of one degree at the same latitude but
        // different longitudes cover the same area on the map.
        let cell = |lon: f64| {
            let (a, b, c) = (
                mexico.project(lon, 20.0),
                mexico.project(lon + 1.0, 20.0),
                mexico.project(lon, 21.0),
            );
            ((b.0 - a.0) * (c.1 - a.1) - (c.0 - a.0) * (b.1 - a.1)).abs()
        };
        assert!((cell(-115.0) / cell(-90.0) - 1.0).abs() < 1e-3);
        // The Aleutians past 180° land west of Alaska, not east of Maine.
        let alaska = Albers::new(55.0, 65.0, -154.0, 50.0);
        assert!(alaska.project(179.0, 52.0).0 < alaska.project(-170.0, 52.0).0);
    }
}
