//! `cargo xtask maps`: turns the TopoJSON boundaries in
//! `../shared/data/boundaries` into the compact drawings the server keeps
//! (`data/maps/*.json`, the format of `tipstats_shared::map::MapGeometry`):
//! projected with the shared crate's projections, fitted to a box, each arc
//! simplified once (so two neighbours keep the same border), and keyed by the
//! project's region codes (`data/regions.csv`).
//!
//! Simplification is Douglas–Peucker on each TopoJSON arc, endpoints kept.
//! The `geo` crate has the same algorithm for a line; it would be the one
//! dependency of this step that the project does not already build, for
//! twenty lines.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::Value;
use tipstats_shared::map::projection::{Albers, equal_earth};
use tipstats_shared::map::{MapGeometry, Point, Shape};

const ATTRIBUTION: &str =
    "Boundaries: Natural Earth; US Census Bureau. Places: GeoNames (CC BY 4.0).";

/// A TopoJSON file: its arcs decoded to longitude and latitude, and the
/// features of one object, each with the project's code when it has one.
struct Topology {
    /// Tells this file's arcs from another's in a panel that draws both.
    key: usize,
    arcs: Vec<Vec<(f64, f64)>>,
    features: Vec<Feature>,
}

struct Feature {
    code: Option<String>,
    /// Polygons, each a list of rings, each a list of arc indexes (`!i`
    /// for arc `i` reversed).
    polygons: Vec<Vec<Vec<i64>>>,
}

/// A part of a map drawn with one projection into one box of the map:
/// the whole map, or an inset (Alaska, Hawaii, the islands).
struct Panel<'a> {
    features: Vec<(&'a Topology, &'a Feature)>,
    project: Box<dyn Fn(f64, f64) -> (f64, f64)>,
    /// Left, top, right, bottom in the map's units.
    rect: [f64; 4],
    framed: bool,
}

/// A panel's arcs in the map's units, by topology and arc index.
type Arcs = HashMap<(usize, usize), Vec<(f64, f64)>>;

/// Where shapes are drawn after fitting: x' = x·scale + dx and
/// y' = −y·scale + dy (the projections' y points north, SVG's south), and
/// the right and bottom edges of what was drawn.
#[derive(Clone, Copy)]
struct Fit {
    scale: f64,
    dx: f64,
    dy: f64,
    right: f64,
    bottom: f64,
}

pub fn run(boundaries: &Path, regions_csv: &Path, out: &Path) -> Result<()> {
    let known = known_places(regions_csv)?;
    fs::create_dir_all(out)?;
    let iso = numeric_to_alpha3()?;
    let world = read_topology(
        0,
        &boundaries.join("countries-50m.json"),
        "countries",
        |id, name| match (id, name) {
            (_, Some("Kosovo")) => Some("XKX".into()),
            (Some(id), _) => iso.get(id).cloned(),
            _ => None,
        },
    )?;
    let world = wrap_east_of_antimeridian(world, &["RUS", "FJI"]);
    let states = read_topology(
        1,
        &boundaries.join("us-states-10m.json"),
        "states",
        |id, _| id.and_then(us_state),
    )?;
    let mexico = read_topology(2, &boundaries.join("mex.topo.json"), "mex", |id, _| {
        id.and_then(mexican_state)
    })?;
    let sectors = sector_headquarters(&boundaries.join("usbp_southwest_sector_headquarters.csv"))?;

    let maps = [
        world_map(&world, &known),
        us_map(&states, &known),
        mexico_map(&mexico, &known),
        border_map(&states, &mexico, &sectors, &known),
    ];
    for geometry in maps {
        let geometry = geometry?;
        let json = serde_json::to_string(&geometry)?;
        let path = out.join(format!("{}.json", geometry.name));
        fs::write(&path, &json).with_context(|| format!("writing {}", path.display()))?;
        println!(
            "{:<12} {:>4} shapes {:>2} points {:>8} bytes, gzip {:>7}, brotli {:>7}",
            geometry.name,
            geometry.shapes.len(),
            geometry.points.len(),
            json.len(),
            crate::compress_gzip(json.as_bytes())?.len(),
            crate::compress_brotli(json.as_bytes())?.len()
        );
    }
    Ok(())
}

fn world_map(world: &Topology, known: &BTreeSet<String>) -> Result<MapGeometry> {
    // Antarctica has no figures and would take a fifth of the height.
    let features = world
        .features
        .iter()
        .filter(|f| f.code.as_deref() != Some("ATA") && !f.polygons.is_empty())
        .map(|f| (world, f))
        .collect();
    let panel = Panel {
        features,
        project: Box::new(equal_earth),
        rect: [0.0, 0.0, 1000.0, 460.0],
        framed: false,
    };
    // The two countries of the data that Natural Earth's 1:50m file lacks,
    // as points: Funafuti for Tuvalu, the island's centre for Sark.
    let points = [("TUV", 179.19, -8.52), ("XSK", -2.36, 49.43)]
        .map(|(code, lon, lat)| (code.to_string(), equal_earth(lon, lat)));
    draw("world", vec![panel], &points, known, 0.35)
}

fn us_map(states: &Topology, known: &BTreeSet<String>) -> Result<MapGeometry> {
    let pick = |codes: &[&str]| -> Vec<(&Topology, &Feature)> {
        states
            .features
            .iter()
            .filter(|f| f.code.as_deref().is_some_and(|c| codes.contains(&c)))
            .map(|f| (states, f))
            .collect()
    };
    let insets = [
        "US-AK", "US-HI", "US-PR", "US-VI", "US-GU", "US-MP", "US-AS",
    ];
    let lower48 = states
        .features
        .iter()
        .filter(|f| f.code.as_deref().is_some_and(|c| !insets.contains(&c)))
        .map(|f| (states, f))
        .collect();
    let albers = |lat1, lat2, lon0, lat0| {
        let projection = Albers::new(lat1, lat2, lon0, lat0);
        Box::new(move |lon, lat| projection.project(lon, lat))
            as Box<dyn Fn(f64, f64) -> (f64, f64)>
    };
    let inset = |codes: &[&str], project, rect| Panel {
        features: pick(codes),
        project,
        rect,
        framed: true,
    };
    let panels = vec![
        Panel {
            features: lower48,
            project: albers(29.5, 45.5, -96.0, 37.5),
            rect: [0.0, 0.0, 1000.0, 560.0],
            framed: false,
        },
        inset(
            &["US-AK"],
            albers(55.0, 65.0, -154.0, 50.0),
            [0.0, 440.0, 240.0, 625.0],
        ),
        inset(
            &["US-HI"],
            albers(8.0, 18.0, -157.0, 20.0),
            [245.0, 530.0, 365.0, 625.0],
        ),
        inset(
            &["US-PR", "US-VI"],
            albers(17.0, 19.0, -66.0, 18.0),
            [560.0, 565.0, 700.0, 625.0],
        ),
        inset(
            &["US-GU"],
            albers(12.0, 15.0, 145.0, 13.5),
            [705.0, 565.0, 765.0, 625.0],
        ),
        inset(
            &["US-MP"],
            albers(14.0, 20.0, 145.5, 16.0),
            [770.0, 565.0, 830.0, 625.0],
        ),
        inset(
            &["US-AS"],
            albers(-15.0, -14.0, -170.0, -14.3),
            [835.0, 565.0, 895.0, 625.0],
        ),
    ];
    draw("us", panels, &[], known, 0.25)
}

fn mexico_map(mexico: &Topology, known: &BTreeSet<String>) -> Result<MapGeometry> {
    let projection = Albers::new(17.5, 29.5, -102.0, 23.0);
    let panel = Panel {
        features: mexico
            .features
            .iter()
            .filter(|f| f.code.is_some())
            .map(|f| (mexico, f))
            .collect(),
        project: Box::new(move |lon, lat| projection.project(lon, lat)),
        rect: [0.0, 0.0, 1000.0, 680.0],
        framed: false,
    };
    draw("mexico", vec![panel], &[], known, 0.25)
}

/// Mexico's and the US's border states on one map, with the Southwest
/// Border Patrol sectors as points at their headquarters (no public copy of
/// the sectors' areas exists, so none is drawn).
fn border_map(
    states: &Topology,
    mexico: &Topology,
    sectors: &[(String, f64, f64)],
    known: &BTreeSet<String>,
) -> Result<MapGeometry> {
    const US: [&str; 4] = ["US-CA", "US-AZ", "US-NM", "US-TX"];
    const MX: [&str; 6] = ["MX-BCN", "MX-SON", "MX-CHH", "MX-COA", "MX-NLE", "MX-TAM"];
    let mut features: Vec<(&Topology, &Feature)> = Vec::new();
    for (topology, codes) in [(states, &US[..]), (mexico, &MX[..])] {
        features.extend(
            topology
                .features
                .iter()
                .filter(|f| f.code.as_deref().is_some_and(|c| codes.contains(&c)))
                .map(|f| (topology, f)),
        );
    }
    let projection = Albers::new(25.0, 35.0, -106.0, 30.0);
    let panel = Panel {
        features,
        project: Box::new(move |lon, lat| projection.project(lon, lat)),
        rect: [0.0, 0.0, 1000.0, 720.0],
        framed: false,
    };
    let points: Vec<(String, (f64, f64))> = sectors
        .iter()
        .map(|(code, lat, lon)| (code.clone(), projection.project(*lon, *lat)))
        .collect();
    draw("border", vec![panel], &points, known, 0.25)
}

/// Projects, fits and simplifies each panel and writes its shapes as SVG
/// paths; `points` are projected with the first panel's projection.
fn draw(
    name: &str,
    panels: Vec<Panel>,
    points: &[(String, (f64, f64))],
    known: &BTreeSet<String>,
    tolerance: f64,
) -> Result<MapGeometry> {
    let mut geometry = MapGeometry {
        name: name.into(),
        width: 0,
        height: 0,
        attribution: ATTRIBUTION.into(),
        ..MapGeometry::default()
    };
    let (mut width, mut height) = (0f64, 0f64);
    for (index, panel) in panels.iter().enumerate() {
        let (arcs, fit) = projected_arcs(panel, tolerance);
        for (topology, feature) in &panel.features {
            let d = path(topology, feature, &arcs);
            if d.is_empty() {
                continue;
            }
            match &feature.code {
                Some(code) if known.contains(code) => geometry.shapes.push(Shape {
                    code: code.clone(),
                    d,
                }),
                Some(code) if !name.eq("world") => bail!("{name}: {code} is not in regions.csv"),
                _ => geometry.land.push(d),
            }
        }
        if index == 0 {
            for (code, (x, y)) in points {
                if !known.contains(code) {
                    bail!("{name}: the point {code} is not in regions.csv");
                }
                geometry.points.push(Point {
                    code: code.clone(),
                    x: (x * fit.scale + fit.dx) as f32,
                    y: (-y * fit.scale + fit.dy) as f32,
                });
            }
        }
        let [left, top, right, bottom] = panel.rect;
        if panel.framed {
            geometry
                .insets
                .push(format!("M{left} {top}H{right}V{bottom}H{left}Z"));
            width = width.max(right);
            height = height.max(bottom);
        } else {
            width = width.max(fit.right);
            height = height.max(fit.bottom);
        }
    }
    // The box actually used: the fit keeps each panel's proportions, so the
    // first panel may be narrower or shorter than its rectangle.
    geometry.width = width.ceil() as u32;
    geometry.height = height.ceil() as u32;
    geometry.shapes.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(geometry)
}

/// The panel's arcs projected, fitted into its rectangle (a framed inset
/// centred in it, the main panel at its top left) and simplified, in the
/// map's units; arcs no feature of the panel uses stay empty.
fn projected_arcs(panel: &Panel, tolerance: f64) -> (Arcs, Fit) {
    let mut arcs = HashMap::new();
    for (topology, feature) in &panel.features {
        let id = topology.key;
        for index in feature.polygons.iter().flatten().flatten() {
            let index = arc_index(*index);
            arcs.entry((id, index)).or_insert_with(|| {
                topology.arcs[index]
                    .iter()
                    .map(|(lon, lat)| (panel.project)(*lon, *lat))
                    .collect::<Vec<_>>()
            });
        }
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in arcs.values().flatten() {
        (x0, x1, y0, y1) = (x0.min(*x), x1.max(*x), y0.min(*y), y1.max(*y));
    }
    let [left, top, right, bottom] = panel.rect;
    let scale = ((right - left) / (x1 - x0)).min((bottom - top) / (y1 - y0));
    let (pad_x, pad_y) = if panel.framed {
        (
            (right - left - (x1 - x0) * scale) / 2.0,
            (bottom - top - (y1 - y0) * scale) / 2.0,
        )
    } else {
        (0.0, 0.0)
    };
    let fit = Fit {
        scale,
        dx: left + pad_x - x0 * scale,
        dy: top + pad_y + y1 * scale,
        right: left + pad_x + (x1 - x0) * scale,
        bottom: top + pad_y + (y1 - y0) * scale,
    };
    for points in arcs.values_mut() {
        let fitted: Vec<(f64, f64)> = points
            .iter()
            .map(|(x, y)| (x * fit.scale + fit.dx, -y * fit.scale + fit.dy))
            .collect();
        *points = simplify(&fitted, tolerance);
    }
    (arcs, fit)
}

/// Russia's Chukotka and Fiji's eastern islands lie across the
/// antimeridian: their arcs jump from +180° to −180°, which a flat
/// projection would draw as a line across the whole map. Their western
/// longitudes move 360° east, so each stays in one piece at the map's
/// eastern edge (these two countries have no other land west of 0°).
fn wrap_east_of_antimeridian(mut topology: Topology, codes: &[&str]) -> Topology {
    let arcs: BTreeSet<usize> = topology
        .features
        .iter()
        .filter(|f| f.code.as_deref().is_some_and(|c| codes.contains(&c)))
        .flat_map(|f| f.polygons.iter().flatten().flatten().map(|i| arc_index(*i)))
        .collect();
    for index in arcs {
        for (lon, _) in &mut topology.arcs[index] {
            if *lon < 0.0 {
                *lon += 360.0;
            }
        }
    }
    topology
}

fn arc_index(index: i64) -> usize {
    if index < 0 {
        !index as usize
    } else {
        index as usize
    }
}

/// A feature's rings as one SVG path: absolute start, then relative steps
/// between coordinates rounded to whole units (rounded first, so the steps
/// add up exactly). A ring that simplification shrank to nothing is left
/// out, except the feature's largest, so that every place keeps a shape.
fn path(topology: &Topology, feature: &Feature, arcs: &Arcs) -> String {
    let id = topology.key;
    let mut rings: Vec<Vec<(i64, i64)>> = Vec::new();
    for ring in feature.polygons.iter().flatten() {
        let mut points: Vec<(i64, i64)> = Vec::new();
        for index in ring {
            let Some(arc) = arcs.get(&(id, arc_index(*index))) else {
                continue;
            };
            let mut arc: Vec<(f64, f64)> = arc.clone();
            if *index < 0 {
                arc.reverse();
            }
            for (x, y) in arc {
                let point = (x.round() as i64, y.round() as i64);
                if points.last() != Some(&point) {
                    points.push(point);
                }
            }
        }
        if points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        rings.push(points);
    }
    let largest = rings
        .iter()
        .enumerate()
        .max_by(|a, b| area(a.1).total_cmp(&area(b.1)))
        .map(|(i, _)| i);
    let mut d = String::new();
    for (i, ring) in rings.iter().enumerate() {
        if (ring.len() < 3 || area(ring) < 2.0) && Some(i) != largest {
            continue;
        }
        let Some(&(x, y)) = ring.first() else {
            continue;
        };
        d.push_str(&format!("M{x} {y}l"));
        let mut last = (x, y);
        for (step, &(px, py)) in ring[1..].iter().enumerate() {
            // A minus sign separates numbers by itself; the first number
            // after the command letter needs nothing.
            for (i, n) in [px - last.0, py - last.1].into_iter().enumerate() {
                if (step > 0 || i > 0) && n >= 0 {
                    d.push(' ');
                }
                d.push_str(&n.to_string());
            }
            last = (px, py);
        }
        d.push('z');
    }
    d
}

fn area(ring: &[(i64, i64)]) -> f64 {
    let mut sum = 0i64;
    for (i, (x0, y0)) in ring.iter().enumerate() {
        let (x1, y1) = ring[(i + 1) % ring.len()];
        sum += x0 * y1 - x1 * y0;
    }
    (sum as f64 / 2.0).abs()
}

/// Douglas–Peucker: keeps the endpoints and every point farther than
/// `tolerance` from the line that would replace it.
fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (points[first], points[last]);
        let (mut far, mut far_distance) = (first, 0.0);
        for (i, p) in points.iter().enumerate().take(last).skip(first + 1) {
            let distance = distance_to_segment(*p, a, b);
            if distance > far_distance {
                (far, far_distance) = (i, distance);
            }
        }
        if far_distance > tolerance {
            keep[far] = true;
            stack.push((first, far));
            stack.push((far, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

/// Reads a TopoJSON file's arcs (delta-encoded and quantized, or not) and
/// one object's features; `code` names each feature by its `id` and name.
fn read_topology(
    key: usize,
    path: &Path,
    object: &str,
    code: impl Fn(Option<&str>, Option<&str>) -> Option<String>,
) -> Result<Topology> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let json: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let number = |v: &Value| v.as_f64().unwrap_or(0.0);
    let (scale, translate) = match json.get("transform") {
        Some(t) => (
            (number(&t["scale"][0]), number(&t["scale"][1])),
            (number(&t["translate"][0]), number(&t["translate"][1])),
        ),
        None => ((1.0, 1.0), (0.0, 0.0)),
    };
    let quantized = json.get("transform").is_some();
    let Some(raw_arcs) = json["arcs"].as_array() else {
        bail!("{}: no arcs", path.display());
    };
    let arcs = raw_arcs
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.as_array()
                .map(|points| {
                    points
                        .iter()
                        .map(|p| {
                            if quantized {
                                (x, y) = (x + number(&p[0]), y + number(&p[1]));
                            } else {
                                (x, y) = (number(&p[0]), number(&p[1]));
                            }
                            (x * scale.0 + translate.0, y * scale.1 + translate.1)
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let Some(geometries) = json["objects"][object]["geometries"].as_array() else {
        bail!("{}: no object {object}", path.display());
    };
    let features = geometries
        .iter()
        .map(|g| {
            let id = g["id"].as_str();
            let name = g["properties"]["name"].as_str();
            let rings = |v: &Value| -> Vec<Vec<i64>> {
                v.as_array()
                    .map(|rings| {
                        rings
                            .iter()
                            .map(|r| {
                                r.as_array()
                                    .map(|r| r.iter().filter_map(Value::as_i64).collect())
                                    .unwrap_or_default()
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let polygons = match g["type"].as_str() {
                Some("Polygon") => vec![rings(&g["arcs"])],
                Some("MultiPolygon") => g["arcs"]
                    .as_array()
                    .map(|ps| ps.iter().map(&rings).collect())
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            Feature {
                code: code(id, name),
                polygons,
            }
        })
        .collect();
    Ok(Topology {
        key,
        arcs,
        features,
    })
}

fn known_places(regions_csv: &Path) -> Result<BTreeSet<String>> {
    let mut reader = csv::Reader::from_path(regions_csv)
        .with_context(|| format!("reading {}", regions_csv.display()))?;
    let mut codes = BTreeSet::new();
    for row in reader.records() {
        let row = row.with_context(|| format!("reading {}", regions_csv.display()))?;
        if let Some(code) = row.get(0) {
            codes.insert(code.to_string());
        }
    }
    Ok(codes)
}

/// ISO 3166-1 numeric → alpha-3, from Debian's `iso-codes`.
fn numeric_to_alpha3() -> Result<HashMap<String, String>> {
    let path = "/usr/share/iso-codes/json/iso_3166-1.json";
    let text = fs::read_to_string(path)
        .with_context(|| format!("reading {path} (Debian's iso-codes package)"))?;
    let json: Value = serde_json::from_str(&text).with_context(|| format!("parsing {path}"))?;
    Ok(json["3166-1"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some((
                c["numeric"].as_str()?.to_string(),
                c["alpha_3"].as_str()?.to_string(),
            ))
        })
        .collect())
}

/// A US state's FIPS code → its ISO 3166-2 code.
fn us_state(fips: &str) -> Option<String> {
    const STATES: [(&str, &str); 56] = [
        ("01", "AL"),
        ("02", "AK"),
        ("04", "AZ"),
        ("05", "AR"),
        ("06", "CA"),
        ("08", "CO"),
        ("09", "CT"),
        ("10", "DE"),
        ("11", "DC"),
        ("12", "FL"),
        ("13", "GA"),
        ("15", "HI"),
        ("16", "ID"),
        ("17", "IL"),
        ("18", "IN"),
        ("19", "IA"),
        ("20", "KS"),
        ("21", "KY"),
        ("22", "LA"),
        ("23", "ME"),
        ("24", "MD"),
        ("25", "MA"),
        ("26", "MI"),
        ("27", "MN"),
        ("28", "MS"),
        ("29", "MO"),
        ("30", "MT"),
        ("31", "NE"),
        ("32", "NV"),
        ("33", "NH"),
        ("34", "NJ"),
        ("35", "NM"),
        ("36", "NY"),
        ("37", "NC"),
        ("38", "ND"),
        ("39", "OH"),
        ("40", "OK"),
        ("41", "OR"),
        ("42", "PA"),
        ("44", "RI"),
        ("45", "SC"),
        ("46", "SD"),
        ("47", "TN"),
        ("48", "TX"),
        ("49", "UT"),
        ("50", "VT"),
        ("51", "VA"),
        ("53", "WA"),
        ("54", "WV"),
        ("55", "WI"),
        ("56", "WY"),
        ("60", "AS"),
        ("66", "GU"),
        ("69", "MP"),
        ("72", "PR"),
        ("78", "VI"),
    ];
    STATES
        .iter()
        .find(|(f, _)| *f == fips)
        .map(|(_, code)| format!("US-{code}"))
}

/// A Mexican state's HASC code as `mex.topo.json` writes it (`MX.BN`) → its
/// ISO 3166-2 code (the table in the boundaries' PROVENANCE.md).
fn mexican_state(hasc: &str) -> Option<String> {
    const STATES: [(&str, &str); 32] = [
        ("AG", "AGU"),
        ("BN", "BCN"),
        ("BS", "BCS"),
        ("CM", "CAM"),
        ("CP", "CHP"),
        ("CH", "CHH"),
        ("CA", "COA"),
        ("CL", "COL"),
        ("DF", "CMX"),
        ("DU", "DUR"),
        ("GJ", "GUA"),
        ("GR", "GRO"),
        ("HI", "HID"),
        ("JA", "JAL"),
        ("MX", "MEX"),
        ("MC", "MIC"),
        ("MR", "MOR"),
        ("NA", "NAY"),
        ("NL", "NLE"),
        ("OA", "OAX"),
        ("PU", "PUE"),
        ("QE", "QUE"),
        ("QR", "ROO"),
        ("SL", "SLP"),
        ("SI", "SIN"),
        ("SO", "SON"),
        ("TB", "TAB"),
        ("TM", "TAM"),
        ("TL", "TLA"),
        ("VE", "VER"),
        ("YU", "YUC"),
        ("ZA", "ZAC"),
    ];
    let hasc = hasc.strip_prefix("MX.")?;
    STATES
        .iter()
        .find(|(h, _)| *h == hasc)
        .map(|(_, code)| format!("MX-{code}"))
}

/// The sector headquarters: code, latitude, longitude.
fn sector_headquarters(path: &Path) -> Result<Vec<(String, f64, f64)>> {
    let mut reader =
        csv::Reader::from_path(path).with_context(|| format!("reading {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("{}: no column {name}", path.display()))
    };
    let (code, lat, lon) = (
        column("sector_code")?,
        column("latitude")?,
        column("longitude")?,
    );
    let mut sectors = Vec::new();
    for (row_number, row) in reader.records().enumerate() {
        let row = row?;
        let field = |i: usize, name: &str| -> Result<f64> {
            row.get(i).and_then(|v| v.parse().ok()).with_context(|| {
                format!(
                    "{}: row {}, column {name}: not a number",
                    path.display(),
                    row_number + 2
                )
            })
        };
        sectors.push((
            row.get(code).unwrap_or_default().to_string(),
            field(lat, "latitude")?,
            field(lon, "longitude")?,
        ));
    }
    Ok(sectors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplify_keeps_ends_and_corners() {
        let line = [(0.0, 0.0), (1.0, 0.1), (2.0, 0.0), (2.0, 5.0)];
        assert_eq!(
            simplify(&line, 0.5),
            vec![(0.0, 0.0), (2.0, 0.0), (2.0, 5.0)]
        );
        assert_eq!(simplify(&line, 0.05), line.to_vec());
    }

    #[test]
    fn codes_follow_the_provenance_tables() {
        assert_eq!(us_state("48").as_deref(), Some("US-TX"));
        assert_eq!(mexican_state("MX.CH").as_deref(), Some("MX-CHH"));
        assert_eq!(mexican_state("-99"), None);
    }
}
