//! What every view of the figures goes through, whichever handler shows
//! it (the API, charts, embeds, exports): the series answer with its
//! sources and notes, and the address the world reaches this server at.

use std::sync::Arc;

use axum::http::{HeaderMap, header};
use tipstats_shared::Catalog;
use tipstats_shared::chart::{MapDrawing, Theme, map_figure_svg};
use tipstats_shared::figure::{Figure, reporters_in};
use tipstats_shared::format::{thousands, thousands_in};
use tipstats_shared::lang::Lang;
use tipstats_shared::query::{MapQuery, Period, SeriesQuery};
use tipstats_shared::{MapResponse, Note, NoteKind, RegionLevel, SeriesResponse, SeriesRow};

use super::AppState;
use super::error::ApiError;
use crate::db;
use crate::maps::Maps;

/// The figures of a validated query with their sources and every note that
/// applies: what the API sends and what charts, embeds and exports show.
pub async fn series_response(
    state: &AppState,
    query: SeriesQuery,
) -> Result<SeriesResponse, ApiError> {
    let catalog = Arc::clone(&state.catalog);
    let indicator = catalog.indicator(&query.indicator);
    let computed = query.per.is_some() && indicator.is_some_and(|i| i.rates_computed);
    let (rows, gaps, annotations) = {
        let query = query.clone();
        let rates_catalog = Arc::clone(&catalog);
        state
            .db
            .run(move |conn| {
                let (rows, gaps) = if computed {
                    computed_rates(db::series_computed_rates(conn, &query)?, &rates_catalog)
                } else if query.per.is_some() {
                    (db::series_rates(conn, &query)?, Vec::new())
                } else {
                    (db::series(conn, &query)?, Vec::new())
                };
                Ok((rows, gaps, db::annotations(conn, &query)?))
            })
            .await?
    };
    let sources = indicator
        .and_then(|i| catalog.source(&i.source))
        .into_iter()
        .cloned()
        .collect();
    let mut notes: Vec<Note> = indicator
        .map(|i| {
            i.caveats
                .iter()
                .map(|text| Note {
                    es: Some(i.caveat_in(text, Lang::Es).to_string()),
                    ..note(NoteKind::Caveat, text.clone())
                })
                .collect()
        })
        .unwrap_or_default();
    notes.extend(annotations);
    if computed {
        notes.push(rates_note(&catalog, &query));
    }
    notes.extend(gaps);
    notes.extend(coverage_notes(&query, &rows, &catalog));
    Ok(SeriesResponse {
        data_version: catalog.data_version.clone(),
        indicator: query.indicator,
        regions: query.regions,
        from: query.from,
        to: query.to,
        by: query.by,
        panel: query.panel,
        period: query.period,
        per: query.per,
        rows,
        sources,
        notes,
    })
}

/// Every place of a map with its figures: the series answer of every
/// place at the indicator's grain.
pub async fn map_response(state: &AppState, query: MapQuery) -> Result<MapResponse, ApiError> {
    let level = state
        .catalog
        .indicator(&query.series.indicator)
        .map_or(RegionLevel::Country, |i| i.grain);
    Ok(MapResponse {
        map: query.map,
        level,
        figures: series_response(state, query.series).await?,
    })
}

/// A map as a figure: its answer, the year it shows and the places it
/// outlines, drawn by the shared crate at any size.
pub struct MapFigure {
    pub answer: MapResponse,
    /// The figures filling the border map's states (`areas=`), those
    /// states only.
    pub areas: Option<SeriesResponse>,
    pub year: i32,
    pub highlighted: Vec<String>,
    pub lang: Lang,
    pub dark: bool,
    maps: Arc<Maps>,
    catalog: Arc<Catalog>,
}

impl MapFigure {
    /// The map of a query; `year` defaults to the range's last year with
    /// a figure.
    pub async fn new(
        state: &AppState,
        query: MapQuery,
        year: Option<i32>,
        lang: Lang,
        dark: bool,
    ) -> Result<MapFigure, ApiError> {
        let highlighted = query.highlighted.clone();
        let areas = match query.areas.clone() {
            Some(areas) => Some(series_response(state, areas).await?),
            None => None,
        };
        let answer = map_response(state, query).await?;
        // Only the states the map draws fill it, and choose its classes.
        let areas = areas.map(|mut areas| {
            let drawn = |code: &str| {
                state
                    .maps
                    .geometry(answer.map)
                    .is_some_and(|g| g.shapes.iter().any(|s| s.code == code))
            };
            areas.regions.retain(|code| drawn(code));
            areas.rows.retain(|row| drawn(&row.region));
            areas
        });
        Ok(MapFigure {
            year: year.unwrap_or_else(|| MapDrawing::last_year(&answer.figures)),
            answer,
            areas,
            highlighted,
            lang,
            dark,
            maps: Arc::clone(&state.maps),
            catalog: Arc::clone(&state.catalog),
        })
    }

    /// The drawing, its pattern ids prefixed by `id`.
    pub fn drawing<'a>(&'a self, id: &'a str) -> Result<MapDrawing<'a>, String> {
        self.drawing_at(id, self.year)
    }

    /// The drawing of another year of the range.
    pub fn drawing_at<'a>(&'a self, id: &'a str, year: i32) -> Result<MapDrawing<'a>, String> {
        self.drawing_in(id, year, self.dark)
    }

    /// The drawing of a year on a light or a dark page.
    pub fn drawing_in<'a>(
        &'a self,
        id: &'a str,
        year: i32,
        dark: bool,
    ) -> Result<MapDrawing<'a>, String> {
        let geometry = self
            .maps
            .geometry(self.answer.map)
            .ok_or_else(|| format!("no geometry for the {} map", self.answer.map.as_str()))?;
        Ok(MapDrawing {
            geometry,
            figures: &self.answer.figures,
            catalog: &self.catalog,
            lang: self.lang,
            year,
            highlighted: &self.highlighted,
            theme: Theme::of(dark),
            id,
            areas: self.areas.as_ref(),
        })
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Who drew the map's shapes.
    pub fn attribution(&self) -> &str {
        self.maps
            .geometry(self.answer.map)
            .map_or("", |g| g.attribution.as_str())
    }

    /// An indicator's name in the map's language.
    pub fn name_of_indicator(&self, id: &str) -> String {
        self.catalog
            .indicator(id)
            .map_or_else(|| id.to_string(), |i| i.name_in(self.lang).to_string())
    }

    /// A place's name in the map's language.
    pub fn name_of<'a>(&'a self, code: &'a str) -> &'a str {
        self.catalog.region_name_in(code, self.lang)
    }

    /// The words around the map: title, source, the year's notes, summary.
    pub fn figure(&self) -> Figure {
        let summary = self.drawing("m").map(|d| d.summary()).unwrap_or_default();
        Figure::from_map(
            &self.answer,
            self.areas.as_ref(),
            &self.catalog,
            self.lang,
            self.year,
            summary,
        )
    }

    /// The whole figure at `size`.
    pub fn svg(&self, figure: &Figure, size: (u32, u32)) -> Result<String, String> {
        let id = format!(
            "map{}x{}{}",
            size.0,
            size.1,
            if self.dark { "d" } else { "" }
        );
        map_figure_svg(figure, &self.drawing(&id)?, size)
    }
}

/// A computed rate's rows, and a note for each place and year left without
/// one, or with reporting places left out of it, saying why.
fn computed_rates(rates: Vec<db::ComputedRate>, catalog: &Catalog) -> (Vec<SeriesRow>, Vec<Note>) {
    let names = |codes: &str, lang: Lang| {
        let names: Vec<&str> = codes
            .split(',')
            .map(|code| catalog.region_name_in(code, lang))
            .collect();
        names.join(", ")
    };
    let mut rows = Vec::new();
    let mut found: Vec<Gap> = Vec::new();
    for rate in rates {
        let (region, year, en, es) = match rate {
            db::ComputedRate::Row(row, None) => {
                rows.push(row);
                continue;
            }
            db::ComputedRate::Row(row, Some(missing)) => {
                let found = (
                    row.region.clone(),
                    row.year,
                    format!(
                        "the rate leaves out {}, with no population figure",
                        names(&missing, Lang::En)
                    ),
                    format!(
                        "la tasa deja fuera a {}, sin cifra de población",
                        names(&missing, Lang::Es)
                    ),
                );
                rows.push(row);
                found
            }
            db::ComputedRate::TooSmall {
                region,
                year,
                population,
            } => (
                region,
                year,
                format!(
                    "no rate: {} inhabitants, under {}, where the population's rounding outweighs the figure",
                    thousands(population),
                    thousands(db::SMALLEST_POPULATION)
                ),
                format!(
                    "sin tasa: {} habitantes, menos de {}, donde el redondeo de la población pesa más que la cifra",
                    thousands_in(population, Lang::Es),
                    thousands_in(db::SMALLEST_POPULATION, Lang::Es)
                ),
            ),
            db::ComputedRate::NoPopulation {
                region,
                year,
                missing,
            } => (
                region,
                year,
                format!(
                    "no rate: no population figure for {} in that year",
                    names(&missing, Lang::En)
                ),
                format!(
                    "sin tasa: no hay cifra de población de {} en ese año",
                    names(&missing, Lang::Es)
                ),
            ),
        };
        // One note per place and reason, whatever the years.
        match found.iter_mut().find(|g| g.0 == region && g.1 == en) {
            Some(gap) => gap.3.push(year),
            None => found.push((region, en, es, vec![year])),
        }
    }
    (rows, gap_notes(found, catalog))
}

/// (place, reason in English and Spanish, years).
type Gap = (String, String, String, Vec<i32>);

/// One note per place and reason, naming its years ("2015–2024"); a note of
/// one year is marked on the chart at that year.
fn gap_notes(found: Vec<Gap>, catalog: &Catalog) -> Vec<Note> {
    found
        .into_iter()
        .map(|(region, en, es, years)| {
            let (first, last) = (years[0], years[years.len() - 1]);
            let contiguous = usize::try_from(last - first).is_ok_and(|d| d + 1 == years.len());
            let when = match years.len() {
                1 => first.to_string(),
                _ if contiguous => format!("{first}–{last}"),
                _ => years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            Note {
                kind: NoteKind::LeftOut,
                text: format!("{} {when}: {en}.", catalog.region_name(&region)),
                es: Some(format!(
                    "{} {when}: {es}.",
                    catalog.region_name_in(&region, Lang::Es)
                )),
                region: Some(region),
                year: (years.len() == 1).then_some(first),
            }
        })
        .collect()
}

/// What a computed rate is, and what it divides by.
fn rates_note(catalog: &Catalog, query: &SeriesQuery) -> Note {
    let level = catalog
        .indicator(&query.indicator)
        .map_or("places", |i| i.grain.plural());
    Note {
        es: Some(format!(
            "Tasas por 100 000 habitantes calculadas por tipstats: la cifra entre la población a mitad de año (ONU WPP 2022 para países, CONAPO para México y sus estados, Oficina del Censo de EE. UU. para sus estados). La tasa de una región divide entre la población de los {} que reportaron ese año.",
            reporters_in(level, Lang::Es)
        )),
        ..note(
            NoteKind::Caveat,
            format!(
                "Rates per 100,000 inhabitants computed by tipstats: the figure over the mid-year population (UN WPP 2022 for countries, CONAPO for Mexico and its states, the US Census Bureau for US states). A region's rate divides by the population of the {level} that reported that year."
            ),
        )
    }
}

fn note(kind: NoteKind, text: String) -> Note {
    Note {
        kind,
        text,
        region: None,
        year: None,
        es: None,
    }
}

/// Says when a region's number of reporting units changes sharply between
/// consecutive years: its total then moves because of who reported, not
/// necessarily because of what happened.
fn coverage_notes(
    query: &SeriesQuery,
    rows: &[tipstats_shared::SeriesRow],
    catalog: &tipstats_shared::Catalog,
) -> Vec<Note> {
    let mut notes = Vec::new();
    // A breakdown's rows repeat each year once per category; its coverage is
    // the total's, which the same query without `by` reports.
    if query.by.is_some() || query.period == Period::Month || query.per.is_some() {
        return notes;
    }
    let reporters = catalog
        .indicator(&query.indicator)
        .map_or("reporters", |i| i.reporters.as_str());
    // The rows come by region, then year: each region's run, found once
    // (a map has every place: a search per place took 90 ms of 130 for
    // every country in 201 years, bench/scale).
    let runs: std::collections::HashMap<&str, &[tipstats_shared::SeriesRow]> = rows
        .chunk_by(|a, b| a.region == b.region)
        .map(|run| (run[0].region.as_str(), run))
        .collect();
    for region in &query.regions {
        let run = runs.get(region.as_str()).copied().unwrap_or_default();
        for pair in run.windows(2) {
            let (previous_year, before) = (pair[0].year, pair[0].reporting_units);
            let (year, after) = (pair[1].year, pair[1].reporting_units);
            let change = f64::from(after.abs_diff(before)) / f64::from(before.max(after).max(1));
            if after.abs_diff(before) >= 3 && change >= 0.25 {
                notes.push(Note {
                    kind: NoteKind::Coverage,
                    text: format!(
                        "{}: {before} reporting {reporters} in {previous_year}, {after} in {year}; part of the change comes from who reported.",
                        catalog.region_name(region),
                    ),
                    region: Some(region.clone()),
                    year: Some(year),
                    es: Some(format!(
                        "{}: {before} {} reportaron en {previous_year}, {after} en {year}; parte del cambio se debe a quién reportó.",
                        catalog.region_name_in(region, Lang::Es),
                        reporters_in(reporters, Lang::Es),
                    )),
                });
            }
        }
    }
    notes
}

/// The address the world reaches this server at: `--public-url` when set,
/// else the request's own host.
pub fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}
