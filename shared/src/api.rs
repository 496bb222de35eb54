//! The JSON documents of the `/api/v1` endpoints, exactly as they travel.

use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::lang::Lang;
use crate::query::{Panel, Per, Period};

/// Everything a client needs to build its pickers: `GET /api/v1/catalog`.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Catalog {
    /// Identifies the published figures; changes whenever `data/` changes.
    pub data_version: String,
    pub sources: Vec<Source>,
    pub indicators: Vec<Indicator>,
    pub regions: Vec<Region>,
}

impl Catalog {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Whether `code` is `ancestor` or lies under it in the hierarchy.
    pub fn is_within(&self, code: &str, ancestor: &str) -> bool {
        let mut current = Some(code);
        // The hierarchy is a few levels deep; the bound guards against a cycle.
        for _ in 0..16 {
            match current {
                Some(c) if c == ancestor => return true,
                Some(c) => current = self.region(c).and_then(|r| r.parent.as_deref()),
                None => return false,
            }
        }
        false
    }

    /// The region's name, or its code when the catalog does not know it.
    pub fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.region_name_in(code, Lang::En)
    }

    /// A place's name in `lang`; its code when the catalog has no such place.
    pub fn region_name_in<'a>(&'a self, code: &'a str, lang: Lang) -> &'a str {
        self.region(code).map_or(code, |r| r.name_in(lang))
    }
}

/// A publisher's dataset, and how to cite it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Source {
    pub id: String,
    pub name: String,
    pub publisher: String,
    pub citation: String,
    pub url: String,
    pub terms: String,
}

/// One measured quantity of one source, e.g. detected trafficking victims.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// The id of the [`Source`] that publishes it.
    pub source: String,
    pub description: String,
    /// What the figures are not: read before quoting them.
    pub caveats: Vec<String>,
    pub first_year: i32,
    pub last_year: i32,
    /// The breakdown dimensions the source publishes besides the total.
    pub breakdowns: Vec<String>,
    /// How the publisher counts time.
    pub frequency: Frequency,
    /// The level the publisher reports at (country, state, world…): a larger
    /// region's figure is the sum of its parts at this level.
    pub grain: RegionLevel,
    /// The largest region the figures cover (the world for UNODC, the USA
    /// for a US source): series are only served for it and what lies under it.
    pub scope: String,
    /// What `reporting_units` counts for this indicator: "countries",
    /// "states", "agencies"…
    pub reporters: String,
    /// Whether figures of several places can be summed. A tier placement
    /// cannot: it is served only for places at the grain.
    pub additive: bool,
    /// Whether `series` serves rates per 100,000 inhabitants (`per=100k`):
    /// the publisher's own (SESNSP's, for Mexico and its states, never
    /// summed), or computed from the population (`rates_computed`).
    #[serde(default)]
    pub per_100k: bool,
    /// Rates computed as figure ÷ population × 100,000 for every place with
    /// a population: a region's from the places that reported that year.
    #[serde(default)]
    pub rates_computed: bool,
    /// The same words in Spanish: name, unit, description, caveats and
    /// breakdowns (those two in the same order as here). Absent for an
    /// indicator not translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<IndicatorWords>,
}

/// An indicator's words in a second language (see [`Indicator::es`]).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorWords {
    pub name: String,
    pub unit: String,
    pub description: String,
    pub caveats: Vec<String>,
    /// The breakdowns' names, in the same order.
    #[serde(default)]
    pub breakdowns: Vec<String>,
}

impl Indicator {
    /// The words in `lang`, when there are any besides English.
    fn words(&self, lang: Lang) -> Option<&IndicatorWords> {
        match lang {
            Lang::En => None,
            Lang::Es => self.es.as_ref(),
        }
    }

    pub fn name_in(&self, lang: Lang) -> &str {
        self.words(lang).map_or(&self.name, |w| &w.name)
    }

    pub fn unit_in(&self, lang: Lang) -> &str {
        self.words(lang).map_or(&self.unit, |w| &w.unit)
    }

    pub fn description_in(&self, lang: Lang) -> &str {
        self.words(lang)
            .map_or(&self.description, |w| &w.description)
    }

    /// A caveat of this indicator, given in English as the API's notes give
    /// it, in `lang`; another text is returned as it is.
    pub fn caveat_in<'a>(&'a self, caveat: &'a str, lang: Lang) -> &'a str {
        let translated = self.words(lang).map(|w| w.caveats.as_slice());
        same_place(&self.caveats, translated, caveat)
    }

    /// One of this indicator's breakdowns (`sex`), named in `lang`.
    pub fn breakdown_in<'a>(&'a self, breakdown: &'a str, lang: Lang) -> &'a str {
        let translated = self.words(lang).map(|w| w.breakdowns.as_slice());
        same_place(&self.breakdowns, translated, breakdown)
    }
}

/// The text of `translated` at the place `text` has in `english`; `text`
/// itself when it is not there or has no translation.
fn same_place<'a>(english: &[String], translated: Option<&'a [String]>, text: &'a str) -> &'a str {
    let found = translated.and_then(|t| t.get(english.iter().position(|e| e == text)?));
    found.map_or(text, String::as_str)
}

/// A place in the geography hierarchy: world → UN region → subregion → country.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Region {
    /// UN M49 three-digit code for the world and UN (sub)regions, ISO 3166-1
    /// alpha-3 for countries, ISO 3166-2 for states.
    pub code: String,
    pub name: String,
    pub level: RegionLevel,
    pub parent: Option<String>,
    /// The name in Spanish, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<String>,
}

impl Region {
    /// The name in `lang`: the Spanish one where it differs.
    pub fn name_in(&self, lang: Lang) -> &str {
        match (lang, &self.es) {
            (Lang::Es, Some(es)) => es,
            _ => &self.name,
        }
    }
}

choice! {
    /// A level of the geography hierarchy, from the top down.
    #[derive(PartialOrd, Ord)]
    RegionLevel {
        World = "world",
        Region = "region",
        Subregion = "subregion",
        Country = "country",
        State = "state",
        /// A US Border Patrol sector, under the state it is named for.
        Sector = "sector",
    }
}

choice! {
    /// The drawing a map's places are on (`GET /api/v1/maps/{map}`).
    MapName {
        /// Countries (Natural Earth, Equal Earth projection).
        World = "world",
        /// Mexico's 32 states.
        Mexico = "mexico",
        /// The US's states, DC and territories, Alaska, Hawaii and the
        /// islands in insets.
        Us = "us",
        /// Mexico's and the US's border states, the Southwest Border
        /// Patrol sectors as points at their headquarters.
        Border = "border",
    }
}

/// `GET /api/v1/map`: every place a map of the indicator shows, every year
/// of the range, with the same figures, bounds and notes as a series.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapResponse {
    /// The drawing the places are on.
    pub map: MapName,
    /// The level of the places (the indicator's grain).
    pub level: RegionLevel,
    /// The figures: `regions` lists every place of the map, `rows` has a
    /// row for each place and year with a figure or a suppressed cell; a
    /// place and year without a row has no figure.
    pub figures: SeriesResponse,
}

impl RegionLevel {
    /// The level's places in English, as `reporting_units` counts them.
    pub fn plural(self) -> &'static str {
        match self {
            RegionLevel::World => "world",
            RegionLevel::Region => "regions",
            RegionLevel::Subregion => "subregions",
            RegionLevel::Country => "countries",
            RegionLevel::State => "states",
            RegionLevel::Sector => "sectors",
        }
    }
}

/// `GET /api/v1/series`: one row per region and year.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeriesResponse {
    pub data_version: String,
    pub indicator: String,
    pub regions: Vec<String>,
    pub from: i32,
    pub to: i32,
    /// The breakdown asked for, if any: each row then has a `category`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// `all` reporters, or the `consistent` panel of those that report in
    /// every year of the range.
    #[serde(default)]
    pub panel: Panel,
    /// `year`, or `month` for one row per month.
    #[serde(default)]
    pub period: Period,
    /// `100k` when the rows carry the publisher's rates per 100,000
    /// inhabitants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<Per>,
    pub rows: Vec<SeriesRow>,
    pub sources: Vec<Source>,
    pub notes: Vec<Note>,
}

impl SeriesResponse {
    /// Whether saying how many reported adds anything: not when every
    /// figure is one reporter's own (a country's, a state's), where it
    /// would only repeat "1".
    pub fn reporters_vary(&self) -> bool {
        self.rows.iter().any(|row| row.reporting_units != 1)
    }
}

/// The figure for one region in one year, with what it rests on.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeriesRow {
    pub region: String,
    pub year: i32,
    /// The calendar month (1–12) when the request asked for `period=month`.
    /// For a fiscal-year source, October–December belong to the calendar
    /// year before `year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The breakdown category ("Female", "0 to 17 years"…) when the request
    /// asked for a breakdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The sum of the published values; `None` when every contributing cell
    /// was suppressed (published as "<5"), which is not the same as zero.
    pub value: Option<i64>,
    /// How many countries (or states) contributed a figure or a suppressed cell.
    pub reporting_units: u32,
    /// How many contributing cells were published as "<5".
    pub suppressed_cells: u32,
    /// Bounds of the true sum when suppressed cells are inside it: each "<5"
    /// cell adds 0 to the lower and 4 to the upper bound.
    pub lower: Option<i64>,
    pub upper: Option<i64>,
    /// With `per=100k`: the publisher's rate per 100,000 inhabitants, and
    /// `value` is the count it was computed from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
    /// A computed rate's range where suppressed cells ("<5") stand behind
    /// its count: `lower`/`upper` divided by the same population (`rate`
    /// is then the known part's, as `value` is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_lower: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_upper: Option<f64>,
}

impl SeriesRow {
    /// The value to plot: the rate when there is one, else the known sum,
    /// or the lower bound when only suppressed cells contributed.
    pub fn plotted(&self) -> Option<f64> {
        self.rate.or(self.value.or(self.lower).map(|v| v as f64))
    }
}

choice! {
    /// How a publisher counts time.
    Frequency {
        CalendarYear = "calendar year",
        /// The US federal fiscal year, October to September, named by the
        /// year it ends in.
        FiscalYear = "fiscal year",
        /// The US TIP Report's year, which covers the year before it.
        ReportYear = "report year",
        /// CTDC's bands of registration years.
        RegistrationYearBand = "registration-year band",
        Month = "month",
    }
}

choice! {
    /// What a note says.
    NoteKind {
        /// Always true of the indicator.
        Caveat = "caveat",
        /// The number of reporters changes sharply inside the range.
        Coverage = "coverage",
        /// An annotation of the data: a year only partly counted.
        PartialYear = "partial-year",
        /// The publisher changed how it counts.
        SeriesBreak = "series-break",
        ReporterEnters = "reporter-enters",
        ReporterLeaves = "reporter-leaves",
        /// Cells of the publisher's file that are not figures.
        LeftOut = "left-out",
    }
}

impl NoteKind {
    /// An annotation whose year's figures are not like the others'.
    pub fn breaks_the_series(self) -> bool {
        matches!(self, NoteKind::PartialYear | NoteKind::SeriesBreak)
    }
}

/// A caveat or annotation that applies to a query's figures.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
    pub region: Option<String>,
    pub year: Option<i32>,
    /// The text in Spanish (a caveat's is its indicator's,
    /// `Indicator::caveat_in`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<String>,
}

/// An RFC 9457 problem document, sent with `application/problem+json`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The query parameter that was wrong, when one was.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub parameter: Option<String>,
}

/// One data release: a data version as the ingest that made it recorded
/// it, with what changed since the one before, per source.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Release {
    pub data_version: String,
    /// The day the ingest recorded it (UTC), `YYYY-MM-DD`.
    pub date: String,
    /// The data version it replaced; none for the first one recorded,
    /// whose changes are everything it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// The sources whose figures or indicators changed, by id.
    pub sources: Vec<SourceChanges>,
}

/// What changed in one source's figures from one release to the next.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceChanges {
    pub source: String,
    pub indicators_added: Vec<String>,
    pub indicators_removed: Vec<String>,
    /// Figures (rows of `observations`) that are new, by indicator, place,
    /// period and breakdown cell.
    pub rows_added: u64,
    pub rows_removed: u64,
    /// Figures whose published value changed.
    pub figures_revised: u64,
    /// A few of the changes, "indicator · place · period · cell: before →
    /// after" (a figure published as "<5" reads so).
    pub examples: Vec<String>,
}

/// `/api/v1/releases`: the data version served and every release
/// recorded, the newest first.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReleasesResponse {
    pub data_version: String,
    pub releases: Vec<Release>,
}
