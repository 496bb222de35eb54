//! The parameters of every view of the figures, written once: their names
//! and typed values ([`Panel`], [`Period`], [`Per`], [`ChartKind`]), their
//! limits and the rules between them. The server parses a query string
//! with [`SeriesQuery::parse`] and refuses with a [`BadParameter`] naming
//! the parameter; OpenAPI documents [`SeriesParams`], the very struct the
//! parser fills; the dashboard reads and writes the same values and limits;
//! the fuzz target links this module.

use std::fmt;

use crate::choice::{Choice, choice};
use crate::lang::Lang;
use crate::{Catalog, Frequency, Indicator, MapName, RegionLevel};

/// The most regions one `series` request may ask for.
pub const MAX_REGIONS: usize = 12;
/// Years outside this range cannot be in any source.
pub const YEAR_BOUNDS: (i32, i32) = (1900, 2100);

choice! {
    /// Which reporters count: all, or those present in every year of the range.
    #[derive(Default)]
    Panel {
        #[default]
        All = "all",
        /// Only the reporters (countries, states…) with a total in every
        /// year of the range, so that units entering or leaving cannot fake
        /// a trend.
        Consistent = "consistent",
    }
}

choice! {
    /// One row per year, or per month for monthly sources.
    #[derive(Default)]
    Period {
        #[default]
        Year = "year",
        Month = "month",
    }
}

choice! {
    /// Rates instead of counts: the publisher's per 100,000 inhabitants.
    Per {
        HundredThousand = "100k",
    }
}

choice! {
    /// Lines, bars side by side, bars stacked (a breakdown's categories),
    /// bars of each series' share of the year's total (100 % stacked), or a
    /// map of one year's figures by place.
    #[derive(Default)]
    ChartKind {
        #[default]
        Line = "line",
        Bar = "bar",
        Stacked = "stacked",
        Share = "share",
        Map = "map",
    }
}

choice! {
    /// Each line as change since its first figure instead of the figures:
    /// an index (the first figure = 100) or a percentage.
    Relative {
        Index = "index",
        Percent = "percent",
    }
}

choice! {
    /// The value axis: even steps, or each power of ten as far from the
    /// next (lines only, figures above zero).
    #[derive(Default)]
    Scale {
        #[default]
        Linear = "linear",
        Log = "log",
    }
}

/// Relative change is drawn as lines or bars: a stack of indices sums
/// nothing, and a map shows one year.
pub fn relative_allows(kind: ChartKind) -> bool {
    matches!(kind, ChartKind::Line | ChartKind::Bar)
}

/// A log scale is for lines (a bar's length from zero means nothing on
/// it) of figures above zero (a percentage change falls below).
pub fn log_scale_allows(kind: ChartKind, relative: Option<Relative>) -> bool {
    kind == ChartKind::Line && relative != Some(Relative::Percent)
}

choice! {
    /// The page a figure outside the dashboard is drawn for.
    ColorScheme {
        Light = "light",
        Dark = "dark",
    }
}

choice! {
    /// The size of a chart image: its own, or a social card's.
    ImageSize {
        /// 800 × 500.
        Chart = "chart",
        /// 1200 × 630, as social networks show a link's image.
        Social = "social",
    }
}

choice! {
    /// The dashboard's tabs: which side of a view is shown.
    #[derive(Default)]
    Tab {
        #[default]
        Chart = "chart",
        Table = "table",
        Sources = "sources",
        Share = "share",
    }
}

/// The values of a choice, for a message: `"a", "b" or "c"`.
fn expected(words: impl Iterator<Item = &'static str>) -> String {
    let quoted: Vec<String> = words.map(|w| format!("{w:?}")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// What was wrong with a request, naming the parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadParameter {
    pub parameter: String,
    pub detail: String,
}

impl BadParameter {
    pub fn new(parameter: impl Into<String>, detail: impl Into<String>) -> Self {
        BadParameter {
            parameter: parameter.into(),
            detail: detail.into(),
        }
    }
}

impl fmt::Display for BadParameter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "parameter `{}`: {}", self.parameter, self.detail)
    }
}

impl std::error::Error for BadParameter {}

/// The parameters of every view of the figures as given, each checked on
/// its own (a known name, given once, a value of its kind); the rules
/// between them are [`SeriesQuery`]'s.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SeriesParams {
    /// An indicator id from the catalog.
    #[cfg_attr(
        feature = "openapi",
        param(required = true, example = "glotip.victims")
    )]
    pub indicator: Option<String>,
    /// Region codes, comma-separated, at most 12: UN M49 for the world and
    /// its regions (`001`, `019`), ISO 3166-1 alpha-3 for countries, ISO
    /// 3166-2 for states, `BP-*` for Border Patrol sectors. Default: the
    /// indicator's scope.
    #[cfg_attr(feature = "openapi", param(example = "019,150"))]
    pub region: Option<String>,
    /// First year (default: the indicator's first).
    #[cfg_attr(
        feature = "openapi",
        param(minimum = 1900, maximum = 2100, example = 2010)
    )]
    pub from: Option<i32>,
    /// Last year (default: the indicator's last).
    #[cfg_attr(
        feature = "openapi",
        param(minimum = 1900, maximum = 2100, example = 2022)
    )]
    pub to: Option<i32>,
    /// A breakdown from the indicator's `breakdowns`: one row per category.
    pub by: Option<String>,
    /// `consistent`: only the reporters with a figure in every year of the
    /// range; `all` (the default) counts whoever reported each year.
    pub panel: Option<Panel>,
    /// `month` for one row per month, for monthly sources; `year` (the
    /// default) otherwise.
    pub period: Option<Period>,
    /// `100k`: the publisher's rates per 100,000 inhabitants, where the
    /// catalog says `per_100k`.
    pub per: Option<Per>,
}

/// A query string's decoded name–value pairs, in order.
pub type Pairs = Vec<(String, String)>;

/// A set of parameters read from decoded name–value pairs.
pub trait Params: Default {
    /// The names it reads.
    const NAMES: &'static [&'static str];

    /// Sets the parameter `name` (one of [`Params::NAMES`]) from its text.
    fn set(&mut self, name: &'static str, value: &str) -> Result<(), BadParameter>;

    /// Reads the pairs: an unknown or repeated name, or a value not of its
    /// parameter's kind, is refused.
    fn from_pairs(pairs: &[(String, String)]) -> Result<Self, BadParameter> {
        let mut params = Self::default();
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in pairs {
            if name.is_empty() {
                return Err(BadParameter::new(
                    "query",
                    "a value without a parameter name (\"=…\")",
                ));
            }
            let Some(known) = Self::NAMES.iter().find(|p| **p == name) else {
                return Err(BadParameter::new(
                    name.as_str(),
                    format!(
                        "unknown parameter; expected one of: {}",
                        Self::NAMES.join(", ")
                    ),
                ));
            };
            if seen.contains(known) {
                return Err(BadParameter::new(name.as_str(), "given more than once"));
            }
            seen.push(known);
            params.set(known, value)?;
        }
        Ok(params)
    }

    /// Splits pairs into those this set reads and the rest.
    fn split(pairs: Pairs) -> (Pairs, Pairs) {
        pairs
            .into_iter()
            .partition(|(name, _)| Self::NAMES.contains(&name.as_str()))
    }
}

impl Params for SeriesParams {
    const NAMES: &'static [&'static str] = &[
        "indicator",
        "region",
        "from",
        "to",
        "by",
        "panel",
        "period",
        "per",
    ];

    fn set(&mut self, name: &'static str, value: &str) -> Result<(), BadParameter> {
        match name {
            "indicator" => self.indicator = Some(value.to_string()),
            "region" => self.region = Some(value.to_string()),
            "from" => self.from = Some(parse_year(name, value)?),
            "to" => self.to = Some(parse_year(name, value)?),
            "by" => self.by = Some(value.to_string()),
            "panel" => self.panel = Some(choice_param::<Panel>(name, value)?),
            "period" => self.period = Some(choice_param::<Period>(name, value)?),
            _ => {
                self.per = Some(Per::parse(value).ok_or_else(|| {
                    BadParameter::new(
                        name,
                        format!("{value:?} is not \"100k\" (rates per 100,000 inhabitants)"),
                    )
                })?)
            }
        }
        Ok(())
    }
}

/// How a figure outside the dashboard is presented, as given.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ViewParams {
    /// `light` (default) or `dark`.
    pub theme: Option<ColorScheme>,
    /// `en` (default) or `es`: the words around the figures.
    pub lang: Option<Lang>,
    /// `chart` (800 × 500, default) or `social` (1200 × 630).
    pub size: Option<ImageSize>,
    /// `line` (default), `bar` (side by side), `stacked` (a breakdown's
    /// categories on top of each other), `share` (each series' share of the
    /// year's total, stacked to 100 %) or `map` (one year by place).
    pub chart: Option<ChartKind>,
    /// The year a map shows (with `chart=map`); the last year of the range
    /// when left out.
    pub year: Option<i32>,
    /// On the border's map (`chart=map` of Border Patrol sectors): the
    /// indicator whose figures fill Mexico's or the US's border states under
    /// the sectors' circles, e.g. `sesnsp.trata.victims`.
    pub areas: Option<String>,
    /// `index` (each line's first figure = 100) or `percent` (change since
    /// it): lines or bars of relative change.
    pub relative: Option<Relative>,
    /// `log` for a logarithmic value axis (lines only), `linear` (default).
    pub scale: Option<Scale>,
    /// The embedding site's own title (at most 120 characters), drawn in
    /// place of the indicator's name; the source line says whose words
    /// it is.
    pub title: Option<String>,
    /// The embedding site's own subtitle (at most 200 characters).
    pub subtitle: Option<String>,
    /// The embedding site's own text alternative for the figure (at most
    /// 1,000 characters), in place of the generated summary.
    pub alt: Option<String>,
    /// One of the view's places, drawn strong over the others, muted.
    pub focus: Option<String>,
    /// `transparent` for no background (the page's shows through), or
    /// `opaque` (default).
    pub background: Option<Background>,
}

choice! {
    /// Whether a drawing has its own background.
    Background {
        Opaque = "opaque",
        Transparent = "transparent",
    }
}

/// The most characters of each text a reporter may write into a view.
pub const MAX_TITLE: usize = 120;
pub const MAX_SUBTITLE: usize = 200;
pub const MAX_ALT: usize = 1000;

/// How a newsroom tailored a view for its page: its own title, subtitle
/// and text alternative, a place in focus, a transparent background. The
/// source line, the caveats and the link back stay whatever is tailored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tailored {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub alt: Option<String>,
    pub focus: Option<String>,
    pub transparent: bool,
}

impl Tailored {
    /// Whether the title or subtitle is the embedding site's.
    pub fn rewords(&self) -> bool {
        self.title.is_some() || self.subtitle.is_some()
    }

    /// Its parameters in canonical order, `&name=value` each, encoded.
    fn to_query_string(&self) -> String {
        let texts = [
            ("title", &self.title),
            ("subtitle", &self.subtitle),
            ("alt", &self.alt),
            ("focus", &self.focus),
        ];
        let mut pairs: Vec<(&str, &str)> = texts
            .iter()
            .filter_map(|(name, value)| value.as_deref().map(|v| (*name, v)))
            .collect();
        if self.transparent {
            pairs.push(("background", "transparent"));
        }
        match serde_urlencoded::to_string(&pairs) {
            Ok(encoded) if !encoded.is_empty() => format!("&{encoded}"),
            _ => String::new(),
        }
    }
}

/// A reporter's text for parameter `name`: at most `max` characters, no
/// control characters and no bidirectional overrides or isolates (which
/// could make the figures read backwards); spaces around it trimmed, and
/// nothing left is no text. It is escaped wherever it is drawn.
fn reporters_text(name: &str, value: &str, max: usize) -> Result<Option<String>, BadParameter> {
    let text = value.trim();
    let count = text.chars().count();
    if count > max {
        return Err(BadParameter::new(
            name,
            format!("at most {max} characters; this has {count}"),
        ));
    }
    let direction = |c: char| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if let Some(c) = text.chars().find(|c| c.is_control() || direction(*c)) {
        return Err(BadParameter::new(
            name,
            format!(
                "holds the character U+{:04X}: no control characters or direction overrides",
                u32::from(c)
            ),
        ));
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}

impl Params for ViewParams {
    const NAMES: &'static [&'static str] = &[
        "theme",
        "lang",
        "size",
        "chart",
        "year",
        "areas",
        "relative",
        "scale",
        "title",
        "subtitle",
        "alt",
        "focus",
        "background",
    ];

    fn set(&mut self, name: &'static str, value: &str) -> Result<(), BadParameter> {
        match name {
            "theme" => self.theme = Some(choice_param::<ColorScheme>(name, value)?),
            "lang" => self.lang = Some(choice_param::<Lang>(name, value)?),
            "size" => self.size = Some(choice_param::<ImageSize>(name, value)?),
            "year" => self.year = Some(parse_year(name, value)?),
            "areas" => self.areas = Some(value.to_string()),
            "relative" => self.relative = Some(choice_param::<Relative>(name, value)?),
            "scale" => self.scale = Some(choice_param::<Scale>(name, value)?),
            "title" => self.title = reporters_text(name, value, MAX_TITLE)?,
            "subtitle" => self.subtitle = reporters_text(name, value, MAX_SUBTITLE)?,
            "alt" => self.alt = reporters_text(name, value, MAX_ALT)?,
            "focus" => self.focus = Some(value.to_string()),
            "background" => self.background = Some(choice_param::<Background>(name, value)?),
            _ => self.chart = Some(choice_param::<ChartKind>(name, value)?),
        }
        Ok(())
    }
}

/// The value of parameter `name`, one of a [`Choice`]'s words, or a
/// message naming the words it may be.
pub fn choice_param<T: Choice>(name: &str, text: &str) -> Result<T, BadParameter> {
    let found = T::ALL.iter().copied().find(|value| value.word() == text);
    found.ok_or_else(|| {
        let words = T::ALL.iter().map(|v| v.word());
        BadParameter::new(name, format!("{text:?} is not {}", expected(words)))
    })
}

/// The rules between an indicator and the other parameters, written once:
/// the server refuses a request that breaks one, naming the parameter
/// ([`SeriesQuery::from_params`]); the dashboard repairs its state with
/// the same functions, without the messages.
impl Indicator {
    /// Whether `code` is a place at the indicator's grain (a country, a
    /// state): the only places a figure that cannot be summed exists for.
    pub fn is_at_grain(&self, code: &str, catalog: &Catalog) -> bool {
        catalog.region(code).map(|r| r.level) == Some(self.grain)
    }

    /// Whether the indicator has figures for `code`: a place within its
    /// scope, and at its grain unless the figures can be summed.
    pub fn has_figures_for(&self, code: &str, catalog: &Catalog) -> bool {
        catalog.is_within(code, &self.scope) && (self.additive || self.is_at_grain(code, catalog))
    }

    /// Whether rates per 100,000 are published for `code`: the scope and
    /// each place at the grain, never a sum.
    pub fn has_rates_for(&self, code: &str, catalog: &Catalog) -> bool {
        if self.rates_computed {
            return self.per_100k && self.has_figures_for(code, catalog);
        }
        self.per_100k && (code == self.scope || self.is_at_grain(code, catalog))
    }

    /// Whether the publisher counts by month (or fiscal year, by month).
    pub fn has_months(&self) -> bool {
        matches!(self.frequency, Frequency::Month | Frequency::FiscalYear)
    }

    /// Whether the indicator's figures are by place, on a map: countries,
    /// states or Border Patrol sectors, more than one of them in its scope
    /// (a US-only figure by country is one place, nothing to map).
    pub fn has_map(&self, catalog: &Catalog) -> bool {
        self.grain >= RegionLevel::Country && !self.is_at_grain(&self.scope, catalog)
    }

    /// The map the indicator's places are drawn on: countries on the
    /// world's, states on Mexico's or the US's, Border Patrol sectors on the
    /// border's; none when it has no map ([`Indicator::has_map`]).
    pub fn map(&self, catalog: &Catalog) -> Option<MapName> {
        if !self.has_map(catalog) {
            return None;
        }
        Some(match self.grain {
            RegionLevel::Sector => MapName::Border,
            RegionLevel::State if self.scope == "MEX" => MapName::Mexico,
            RegionLevel::State => MapName::Us,
            _ => MapName::World,
        })
    }

    /// Every place a map of the indicator shows: the places at its grain
    /// within its scope, in the catalog's order.
    pub fn map_places(&self, catalog: &Catalog) -> Vec<String> {
        catalog
            .regions
            .iter()
            .filter(|r| r.level == self.grain && catalog.is_within(&r.code, &self.scope))
            .map(|r| r.code.clone())
            .collect()
    }
}

/// Rates per 100,000 are published by sex at most.
pub fn rates_come_by(breakdown: &str) -> bool {
    breakdown == "sex"
}

/// Rates are published per year, place by place: never by month, never
/// summed over a consistent panel.
pub fn rates_allow(period: Period, panel: Panel) -> bool {
    period == Period::Year && panel == Panel::All
}

/// A validated `series` request.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SeriesQuery {
    pub indicator: String,
    pub regions: Vec<String>,
    pub from: i32,
    pub to: i32,
    /// A breakdown the indicator publishes ("sex", "age", "form of
    /// exploitation"…): one row per category instead of the total.
    pub by: Option<String>,
    pub panel: Panel,
    pub period: Period,
    /// The publisher's rates per 100,000 inhabitants instead of sums of
    /// counts: only for the places the rates are published for.
    pub per: Option<Per>,
}

impl SeriesQuery {
    /// Parses `indicator=ID&region=CODE,CODE&from=YYYY&to=YYYY…`. `region`
    /// defaults to the indicator's scope, `from`/`to` to its first/last year.
    pub fn parse(query_string: &str, catalog: &Catalog) -> Result<SeriesQuery, BadParameter> {
        SeriesQuery::from_pairs(&query_pairs(query_string)?, catalog)
    }

    /// As [`SeriesQuery::parse`], from a query string already split into
    /// decoded name–value pairs.
    pub fn from_pairs(
        pairs: &[(String, String)],
        catalog: &Catalog,
    ) -> Result<SeriesQuery, BadParameter> {
        SeriesQuery::from_params(SeriesParams::from_pairs(pairs)?, catalog)
    }

    /// Holds the parameters to the catalog and to each other.
    pub fn from_params(
        params: SeriesParams,
        catalog: &Catalog,
    ) -> Result<SeriesQuery, BadParameter> {
        let indicator_id = params
            .indicator
            .as_deref()
            .ok_or_else(|| BadParameter::new("indicator", "required"))?;
        let indicator = catalog.indicator(indicator_id).ok_or_else(|| {
            BadParameter::new(
                "indicator",
                format!("unknown indicator {indicator_id:?}; see /api/v1/catalog"),
            )
        })?;
        let regions = checked_regions(indicator, params.region.as_deref(), catalog)?;
        let from = params.from.unwrap_or(indicator.first_year);
        let to = params.to.unwrap_or(indicator.last_year);
        if from > to {
            return Err(BadParameter::new(
                "from",
                format!("from ({from}) is after to ({to})"),
            ));
        }
        let by = match params.by {
            None => None,
            Some(name) => Some(checked_breakdown(indicator, &name)?),
        };
        let period = params.period.unwrap_or_default();
        if period == Period::Month && !indicator.has_months() {
            return Err(BadParameter::new(
                "period",
                format!(
                    "{} is published by {}, not by month",
                    indicator.id,
                    indicator.frequency.as_str()
                ),
            ));
        }
        if params.per.is_some() && !indicator.per_100k {
            return Err(BadParameter::new(
                "per",
                format!(
                    "{} has no rates per 100,000 inhabitants: its figures are not counted among a place's inhabitants (encounters at a border, a state's few reporting agencies, regional case records)",
                    indicator.id
                ),
            ));
        }
        let query = SeriesQuery {
            indicator: indicator.id.clone(),
            regions,
            from,
            to,
            by,
            panel: params.panel.unwrap_or_default(),
            period,
            per: params.per,
        };
        if query.per.is_some() {
            check_rate_query(indicator, &query, catalog)?;
        }
        Ok(query)
    }
}

/// The regions asked for (the indicator's scope when none), each known,
/// within the scope and, for a figure that cannot be summed, at its grain.
fn checked_regions(
    indicator: &Indicator,
    asked: Option<&str>,
    catalog: &Catalog,
) -> Result<Vec<String>, BadParameter> {
    let regions = parse_regions(asked.unwrap_or(&indicator.scope), catalog)?;
    if let Some(outside) = regions
        .iter()
        .find(|code| !catalog.is_within(code, &indicator.scope))
    {
        return Err(BadParameter::new(
            "region",
            format!(
                "{} has no figures for {outside:?}: it covers {} ({}) and the places in it",
                indicator.id,
                catalog.region_name(&indicator.scope),
                indicator.scope
            ),
        ));
    }
    if !indicator.additive && asked.is_none() {
        return Err(BadParameter::new(
            "region",
            format!(
                "required for {}: it cannot be summed, so name {} (e.g. MEX,USA)",
                indicator.id, indicator.reporters
            ),
        ));
    }
    if let Some(aggregate) = regions
        .iter()
        .find(|code| !indicator.has_figures_for(code, catalog))
    {
        return Err(BadParameter::new(
            "region",
            format!(
                "{} cannot be summed over places; ask for {} such as USA, not {aggregate:?}",
                indicator.id, indicator.reporters
            ),
        ));
    }
    Ok(regions)
}

/// A breakdown the indicator publishes.
fn checked_breakdown(indicator: &Indicator, name: &str) -> Result<String, BadParameter> {
    indicator
        .breakdowns
        .iter()
        .find(|b| b.as_str() == name)
        .cloned()
        .ok_or_else(|| {
            BadParameter::new(
                "by",
                format!(
                    "{} has no breakdown {name:?}; it has: {}",
                    indicator.id,
                    if indicator.breakdowns.is_empty() {
                        "none".to_string()
                    } else {
                        indicator.breakdowns.join(", ")
                    }
                ),
            )
        })
}

/// Rates are per year. Published rates are served as published: by sex at
/// most, for the indicator's scope and the places at its grain, never
/// summed. Computed rates are of totals, for every place with figures.
fn check_rate_query(
    indicator: &Indicator,
    query: &SeriesQuery,
    catalog: &Catalog,
) -> Result<(), BadParameter> {
    if !rates_allow(query.period, query.panel) {
        return Err(if query.period == Period::Month {
            BadParameter::new(
                "period",
                "rates per 100,000 are published per year, not per month",
            )
        } else {
            BadParameter::new(
                "panel",
                "rates are published place by place and never summed, so there is no panel to choose",
            )
        });
    }
    if let Some(breakdown) = query.by.as_deref().filter(|_| indicator.rates_computed) {
        return Err(BadParameter::new(
            "by",
            format!(
                "rates are computed for totals only: there is no population by {breakdown} to divide by"
            ),
        ));
    }
    if let Some(breakdown) = query.by.as_deref().filter(|b| !rates_come_by(b)) {
        return Err(BadParameter::new(
            "by",
            format!("rates per 100,000 are published by sex only, not by {breakdown}"),
        ));
    }
    if let Some(other) = query
        .regions
        .iter()
        .find(|code| !indicator.has_rates_for(code, catalog))
    {
        return Err(BadParameter::new(
            "region",
            format!(
                "rates are published for {} and each {} in it, never summed; {other:?} is neither",
                catalog.region_name(&indicator.scope),
                indicator.grain.as_str()
            ),
        ));
    }
    Ok(())
}

/// A validated map request: every place at the indicator's grain (every
/// country, every state of its country, every sector), every year of the
/// range, so that a map can move through the years without asking again.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MapQuery {
    /// The figures: every place of the map.
    pub series: SeriesQuery,
    pub map: MapName,
    /// The places a view compares, outlined on its map.
    pub highlighted: Vec<String>,
    /// Another indicator's figures filling the border map's states under
    /// the sectors (`areas=`): every state of its own, every year of the
    /// range.
    pub areas: Option<SeriesQuery>,
}

impl MapQuery {
    /// `indicator=ID&from=YYYY&to=YYYY&per=100k&panel=…`: a series query
    /// without `region` (a map has every place), `by` or `period=month`.
    pub fn parse(query_string: &str, catalog: &Catalog) -> Result<MapQuery, BadParameter> {
        let mut pairs = query_pairs(query_string)?;
        if pairs.iter().any(|(name, _)| name == "region") {
            return Err(BadParameter::new(
                "region",
                "a map has every place at the indicator's level; leave region out",
            ));
        }
        with_a_map_place(&mut pairs, catalog);
        // Here the indicator, not a chart kind, is what cannot be mapped.
        MapQuery::of(SeriesQuery::from_pairs(&pairs, catalog)?, catalog).map_err(|bad| {
            match bad.parameter.as_str() {
                "chart" => BadParameter::new("indicator", bad.detail),
                _ => bad,
            }
        })
    }

    /// The map of a series query's indicator and years, the query's places
    /// (those at the indicator's grain) outlined.
    pub fn of(series: SeriesQuery, catalog: &Catalog) -> Result<MapQuery, BadParameter> {
        let indicator = catalog.indicator(&series.indicator).ok_or_else(|| {
            BadParameter::new(
                "indicator",
                format!("unknown indicator {:?}", series.indicator),
            )
        })?;
        let map = indicator.map(catalog).ok_or_else(|| {
            BadParameter::new(
                "chart",
                format!(
                    "{} has figures for {} as a whole, not place by place: there is nothing to map",
                    indicator.id,
                    catalog.region_name(&indicator.scope)
                ),
            )
        })?;
        if series.by.is_some() {
            return Err(BadParameter::new(
                "by",
                "a map shows each place's total; a breakdown is drawn as a chart",
            ));
        }
        if series.period == Period::Month {
            return Err(BadParameter::new("period", "maps are drawn by year"));
        }
        let highlighted = series
            .regions
            .iter()
            .filter(|code| indicator.is_at_grain(code, catalog))
            .cloned()
            .collect();
        Ok(MapQuery {
            series: SeriesQuery {
                regions: indicator.map_places(catalog),
                ..series
            },
            map,
            highlighted,
            areas: None,
        })
    }
    /// The map a view's `chart=map&year=Y` asks for, and its year (the
    /// range's last year with a figure when `None`); none for any other
    /// chart, where `year` is refused.
    pub fn of_view(
        series: &SeriesQuery,
        view: &ViewParams,
        catalog: &Catalog,
    ) -> Result<Option<(MapQuery, Option<i32>)>, BadParameter> {
        if view.chart != Some(ChartKind::Map) {
            return match (view.year, &view.areas) {
                (None, None) => Ok(None),
                (Some(_), _) => Err(BadParameter::new(
                    "year",
                    "the year a map shows: add chart=map",
                )),
                (_, Some(_)) => Err(BadParameter::new(
                    "areas",
                    "what fills the border map's states: add chart=map",
                )),
            };
        }
        if let Some(year) = view.year.filter(|y| !(series.from..=series.to).contains(y)) {
            return Err(BadParameter::new(
                "year",
                format!("{year} is outside the range {}–{}", series.from, series.to),
            ));
        }
        let mut map = MapQuery::of(series.clone(), catalog)?;
        if let Some(areas) = &view.areas {
            map.areas = Some(map.areas_of(areas, catalog)?);
        }
        Ok(Some((map, view.year)))
    }

    /// The figures of `indicator` for the states of the border map, over
    /// this map's years: only the sectors' map has states to fill, and only
    /// an indicator by Mexican or US state can fill them.
    fn areas_of(&self, indicator: &str, catalog: &Catalog) -> Result<SeriesQuery, BadParameter> {
        if self.map != MapName::Border {
            return Err(BadParameter::new(
                "areas",
                "only the border's map (Border Patrol sectors) has states to fill",
            ));
        }
        let found = catalog.indicator(indicator).ok_or_else(|| {
            BadParameter::new(
                "areas",
                format!("unknown indicator {indicator:?}; see /api/v1/catalog"),
            )
        })?;
        if found.grain != RegionLevel::State || !found.has_map(catalog) {
            return Err(BadParameter::new(
                "areas",
                format!(
                    "{indicator} has no figures by Mexican or US state to fill the states with"
                ),
            ));
        }
        Ok(SeriesQuery {
            indicator: found.id.clone(),
            regions: found.map_places(catalog),
            from: self.series.from,
            to: self.series.to,
            by: None,
            panel: Panel::All,
            period: Period::Year,
            per: None,
        })
    }
}

/// A map needs no `region`: when a series query of figures that cannot be
/// summed (the TIP Report's tiers) has none, places of the map stand in,
/// since the default, the scope, has no figure to check the series' rules
/// for: Mexico and the USA where the map has them, as the
/// dashboard compares by default, else its first place. `MapQuery::of`
/// then puts every place in, and outlines those.
pub fn with_a_map_place(pairs: &mut Vec<(String, String)>, catalog: &Catalog) {
    if pairs.iter().any(|(name, _)| name == "region") {
        return;
    }
    let indicator = pairs.iter().find(|(name, _)| name == "indicator");
    let Some(places) = indicator
        .and_then(|(_, id)| catalog.indicator(id))
        .filter(|i| !i.additive)
        .map(|i| i.map_places(catalog))
    else {
        return;
    };
    let defaults: Vec<&str> = ["MEX", "USA"]
        .into_iter()
        .filter(|code| places.iter().any(|p| p == code))
        .collect();
    let stand_in = match (defaults.is_empty(), places.first()) {
        (false, _) => defaults.join(","),
        (true, Some(first)) => first.clone(),
        (true, None) => return,
    };
    pairs.push(("region".into(), stand_in));
}

/// How a view is presented outside the dashboard: on a light or dark page,
/// in which language, at which size.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ViewQuery {
    pub series: SeriesQuery,
    pub dark: bool,
    pub lang: Lang,
    /// Social-card size (1200 × 630) instead of the chart's own (800 × 500).
    pub social: bool,
    pub kind: ChartKind,
    /// Lines or bars of change since each line's first figure.
    pub relative: Option<Relative>,
    pub scale: Scale,
    /// With `chart=map`: the map's figures, and the year it shows (the
    /// range's last year with a figure when `None`).
    pub map: Option<(MapQuery, Option<i32>)>,
    /// The embedding site's title, subtitle, alt text, focus, background.
    pub tailored: Tailored,
}

impl ViewQuery {
    /// A series query plus `theme=light|dark`, `lang=en|es` and
    /// `size=chart|social` and `chart=line|bar|stacked`. Charts are drawn by
    /// year.
    pub fn parse(query_string: &str, catalog: &Catalog) -> Result<ViewQuery, BadParameter> {
        ViewQuery::from_pairs(query_pairs(query_string)?, catalog)
    }

    /// [`ViewQuery::parse`] of a query's pairs.
    pub fn from_pairs(pairs: Pairs, catalog: &Catalog) -> Result<ViewQuery, BadParameter> {
        let (view, mut series) = ViewParams::split(pairs);
        if view
            .iter()
            .any(|(name, value)| name == "chart" && value == "map")
        {
            with_a_map_place(&mut series, catalog);
        }
        let series = SeriesQuery::from_pairs(&series, catalog)?;
        if series.period == Period::Month {
            return Err(BadParameter::new(
                "period",
                "charts are drawn by year; the monthly figures are at /api/v1/series",
            ));
        }
        let view = ViewParams::from_pairs(&view)?;
        let kind = view.chart.unwrap_or_default();
        let scale = view.scale.unwrap_or_default();
        check_look(kind, view.relative, scale)?;
        let map = MapQuery::of_view(&series, &view, catalog)?;
        if map.is_some() && view.focus.is_some() {
            return Err(BadParameter::new(
                "focus",
                "is for a chart of places; a map shows every place alike",
            ));
        }
        if let Some(focus) = view.focus.as_ref().filter(|f| !series.regions.contains(f)) {
            return Err(BadParameter::new(
                "focus",
                format!(
                    "{focus:?} is not one of the view's places: {}",
                    series.regions.join(", ")
                ),
            ));
        }
        let tailored = Tailored {
            title: view.title,
            subtitle: view.subtitle,
            alt: view.alt,
            focus: view.focus,
            transparent: view.background == Some(Background::Transparent),
        };
        Ok(ViewQuery {
            series,
            dark: view.theme == Some(ColorScheme::Dark),
            lang: view.lang.unwrap_or_default(),
            social: view.size == Some(ImageSize::Social),
            kind,
            relative: view.relative,
            scale,
            map,
            tailored,
        })
    }

    /// The canonical query string, presentation included when not the default.
    pub fn to_query_string(&self) -> String {
        let mut query = self.series.to_query_string();
        if self.dark {
            query.push_str("&theme=dark");
        }
        if self.lang != Lang::En {
            query.push_str("&lang=");
            query.push_str(self.lang.as_str());
        }
        if self.social {
            query.push_str("&size=social");
        }
        if self.kind != ChartKind::Line {
            query.push_str("&chart=");
            query.push_str(self.kind.as_str());
        }
        if let Some(relative) = self.relative {
            query.push_str("&relative=");
            query.push_str(relative.as_str());
        }
        if self.scale == Scale::Log {
            query.push_str("&scale=log");
        }
        if let Some((map, year)) = &self.map {
            if let Some(year) = year {
                query.push_str(&format!("&year={year}"));
            }
            if let Some(areas) = &map.areas {
                query.push_str("&areas=");
                query.push_str(&areas.indicator);
            }
        }
        query.push_str(&self.tailored.to_query_string());
        query
    }

    /// Width and height in pixels.
    pub fn size(&self) -> (u32, u32) {
        if self.social { (1200, 630) } else { (800, 500) }
    }
}

/// Relative change and a log scale only on the charts they suit
/// ([`relative_allows`], [`log_scale_allows`]), naming the parameter.
fn check_look(
    kind: ChartKind,
    relative: Option<Relative>,
    scale: Scale,
) -> Result<(), BadParameter> {
    if relative.is_some() && !relative_allows(kind) {
        return Err(BadParameter::new(
            "relative",
            format!(
                "change since the first figure is drawn as lines or bars, not as a {} chart",
                kind.as_str()
            ),
        ));
    }
    if scale == Scale::Log && !log_scale_allows(kind, relative) {
        return Err(BadParameter::new(
            "scale",
            if kind == ChartKind::Line {
                "a log scale has no place for the negative figures of a percentage change; use relative=index"
            } else {
                "a log scale is for lines: a bar's length from zero means nothing on it"
            },
        ));
    }
    Ok(())
}

/// The query string of a view's address, as oEmbed's `url` names it
/// (`https://host/?indicator=…`, or the same at `/embed`, `/chart.svg`,
/// `/chart.png`), checked to be one of this server's view paths. The host
/// is not checked: the answer links to this server whatever it was.
pub fn view_query_of_url(url: &str) -> Result<&str, BadParameter> {
    let scheme_end = ["https://", "http://"]
        .iter()
        .find(|scheme| {
            url.get(..scheme.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
        })
        .map(|scheme| scheme.len())
        .ok_or_else(|| BadParameter::new("url", "not an http(s) address"))?;
    let rest = &url[scheme_end..];
    // The host ends at the first '/', '?' or '#'; an empty path is "/".
    let after_host = rest.find(['/', '?', '#']).map_or("", |i| &rest[i..]);
    let before_fragment = after_host.split('#').next().unwrap_or_default();
    let (path, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    match path {
        "" | "/" | "/embed" | "/chart.svg" | "/chart.png" => Ok(query),
        other => Err(BadParameter::new(
            "url",
            format!("{other:?} is not a tipstats view (/, /embed, /chart.svg or /chart.png)"),
        )),
    }
}

/// Splits and decodes a query string (`a=1&b=x%20y`) into pairs.
pub fn query_pairs(query_string: &str) -> Result<Pairs, BadParameter> {
    serde_urlencoded::from_str(query_string)
        .map_err(|e| BadParameter::new("query", format!("not a valid query string: {e}")))
}

/// The query string of a validated query, parameters in a fixed order and
/// defaults left out: the canonical form links and caches use.
impl SeriesQuery {
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = vec![
            ("indicator", self.indicator.clone()),
            ("region", self.regions.join(",")),
            ("from", self.from.to_string()),
            ("to", self.to.to_string()),
        ];
        if let Some(by) = &self.by {
            pairs.push(("by", by.clone()));
        }
        if self.panel != Panel::default() {
            pairs.push(("panel", self.panel.as_str().into()));
        }
        if self.period != Period::default() {
            pairs.push(("period", self.period.as_str().into()));
        }
        if let Some(per) = self.per {
            pairs.push(("per", per.as_str().into()));
        }
        // Commas separate region codes; left as they are, links stay readable.
        serde_urlencoded::to_string(&pairs)
            .unwrap_or_default()
            .replace("%2C", ",")
    }
}

fn parse_regions(list: &str, catalog: &Catalog) -> Result<Vec<String>, BadParameter> {
    let mut regions: Vec<String> = Vec::new();
    for code in list.split(',') {
        let code = code.trim();
        if code.is_empty() {
            return Err(BadParameter::new("region", "empty region code in the list"));
        }
        if catalog.region(code).is_none() {
            return Err(BadParameter::new(
                "region",
                format!("unknown region code {code:?}; see /api/v1/catalog"),
            ));
        }
        if !regions.iter().any(|r| r == code) {
            regions.push(code.to_string());
        }
        if regions.len() > MAX_REGIONS {
            return Err(BadParameter::new(
                "region",
                format!("at most {MAX_REGIONS} regions per request"),
            ));
        }
    }
    Ok(regions)
}

/// A year as a parameter gives it: four digits, named in the error.
pub fn parse_year(parameter: &str, text: &str) -> Result<i32, BadParameter> {
    let (min, max) = YEAR_BOUNDS;
    let year: i32 = text
        .trim()
        .parse()
        .map_err(|_| BadParameter::new(parameter, format!("{text:?} is not a year (YYYY)")))?;
    if !(min..=max).contains(&year) {
        return Err(BadParameter::new(
            parameter,
            format!("{year} is outside {min}–{max}"),
        ));
    }
    Ok(year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Indicator, Region, RegionLevel};

    fn catalog() -> Catalog {
        let region = |code: &str, level, parent: Option<&str>| Region {
            code: code.into(),
            name: code.into(),
            level,
            parent: parent.map(String::from),
            es: None,
        };
        let indicator = |id: &str, grain, scope: &str, breakdowns: &[&str]| Indicator {
            id: id.into(),
            name: id.into(),
            unit: "Counts".into(),
            source: "test".into(),
            description: String::new(),
            caveats: vec![],
            first_year: 2003,
            last_year: 2022,
            breakdowns: breakdowns.iter().map(|b| b.to_string()).collect(),
            frequency: Frequency::CalendarYear,
            grain,
            scope: scope.into(),
            reporters: "countries".into(),
            additive: true,
            per_100k: false,
            rates_computed: false,
            es: None,
        };
        Catalog {
            data_version: "test".into(),
            sources: vec![],
            indicators: vec![
                indicator(
                    "glotip.victims",
                    RegionLevel::Country,
                    "001",
                    &["sex", "age", "form of exploitation"],
                ),
                indicator("hotline.cases", RegionLevel::State, "USA", &[]),
                Indicator {
                    per_100k: true,
                    frequency: Frequency::Month,
                    ..indicator("sesnsp.victims", RegionLevel::State, "MEX", &["sex", "age"])
                },
            ],
            regions: vec![
                region("001", RegionLevel::World, None),
                region("019", RegionLevel::Region, Some("001")),
                region("USA", RegionLevel::Country, Some("019")),
                region("MEX", RegionLevel::Country, Some("019")),
                region("US-TX", RegionLevel::State, Some("USA")),
                region("MX-CHH", RegionLevel::State, Some("MEX")),
            ],
        }
    }

    fn parse(q: &str) -> Result<SeriesQuery, BadParameter> {
        SeriesQuery::parse(q, &catalog())
    }

    #[test]
    fn rates_are_asked_for_the_scope_and_places_at_the_grain() {
        let q = parse("indicator=sesnsp.victims&region=MEX,MX-CHH&per=100k&by=sex").expect("valid");
        assert_eq!(q.per, Some(Per::HundredThousand));
        assert_eq!(q.regions, vec!["MEX", "MX-CHH"]);
        assert_eq!(q.by.as_deref(), Some("sex"));
        assert_eq!(parse("indicator=sesnsp.victims").expect("valid").per, None);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Values near the valid ones, and hostile ones.
        fn value() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("glotip.victims".to_string()),
                Just("sesnsp.victims".to_string()),
                Just("USA,MEX".to_string()),
                Just("019".to_string()),
                Just("100k".to_string()),
                Just("sex".to_string()),
                Just("month".to_string()),
                Just("consistent".to_string()),
                (1800i32..2200).prop_map(|y| y.to_string()),
                "[a-zA-Z0-9,.%&=+ '\"-]{0,40}",
                any::<String>(),
            ]
        }

        fn name() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("indicator".to_string()),
                Just("region".to_string()),
                Just("from".to_string()),
                Just("to".to_string()),
                Just("by".to_string()),
                Just("panel".to_string()),
                Just("period".to_string()),
                Just("per".to_string()),
                Just("theme".to_string()),
                Just("lang".to_string()),
                Just("chart".to_string()),
                "[a-z]{1,8}",
            ]
        }

        proptest! {
            // A fixed seed keeps CI repeatable; change it to explore further.
            #![proptest_config(ProptestConfig {
                cases: 2000,
                rng_seed: proptest::test_runner::RngSeed::Fixed(20261125),
                ..ProptestConfig::default()
            })]

            /// Any query string gets a query or an error naming a parameter;
            /// never a panic, never a query outside the catalog.
            #[test]
            fn any_query_string_is_parsed_or_named(
                pairs in proptest::collection::vec((name(), value()), 0..8),
                raw in any::<String>(),
            ) {
                let catalog = catalog();
                let text = serde_urlencoded::to_string(&pairs).unwrap_or_default();
                for input in [text.as_str(), raw.as_str()] {
                    match SeriesQuery::parse(input, &catalog) {
                        Ok(query) => {
                            prop_assert!(catalog.indicator(&query.indicator).is_some());
                            prop_assert!(!query.regions.is_empty() && query.regions.len() <= MAX_REGIONS);
                            prop_assert!(query.regions.iter().all(|r| catalog.region(r).is_some()));
                            prop_assert!(query.from <= query.to);
                            // The canonical form means the same query.
                            let again = SeriesQuery::parse(&query.to_query_string(), &catalog);
                            prop_assert_eq!(again, Ok(query));
                        }
                        Err(error) => prop_assert!(!error.parameter.is_empty()),
                    }
                    if let Err(error) = ViewQuery::parse(input, &catalog) {
                        prop_assert!(!error.parameter.is_empty());
                    }
                }
            }

            /// A view's address gives back exactly the query it was made
            /// with; any other text is a view query taken from within it, or
            /// refused as `url`.
            #[test]
            fn a_view_address_gives_back_its_query(
                host in "[a-z0-9.-]{1,20}(:[0-9]{1,5})?",
                path in prop_oneof![Just(""), Just("/"), Just("/embed"), Just("/chart.svg"), Just("/chart.png")],
                query in "[a-zA-Z0-9=&%,._+-]{0,40}",
                fragment in proptest::option::of("[a-z]{0,8}"),
                raw in any::<String>(),
            ) {
                let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
                let url = format!("https://{host}{path}?{query}{fragment}");
                prop_assert_eq!(view_query_of_url(&url), Ok(query.as_str()));
                match view_query_of_url(&raw) {
                    Ok(found) => {
                        prop_assert!(raw.contains(found));
                        prop_assert!(!found.contains('#'));
                    }
                    Err(error) => prop_assert_eq!(error.parameter, "url"),
                }
            }
        }
    }

    #[test]
    fn only_view_addresses_are_embedded() {
        for (url, query) in [
            (
                "https://tipstats.example/?indicator=glotip.victims#x",
                "indicator=glotip.victims",
            ),
            ("http://127.0.0.1:8080/embed?region=USA", "region=USA"),
            ("HTTPS://tipstats.example/chart.svg?from=2010", "from=2010"),
            // No path before the query: still the dashboard's view.
            (
                "https://tipstats.example?indicator=tip.victims",
                "indicator=tip.victims",
            ),
            ("https://tipstats.example#top", ""),
            ("https://tipstats.example", ""),
        ] {
            assert_eq!(view_query_of_url(url), Ok(query), "{url}");
        }
        for bad in [
            "ftp://x/?a",
            "https://x/api/v1/series?a",
            "javascript:alert(1)",
            "https://x/embed/../api?a",
            "",
        ] {
            assert_eq!(
                view_query_of_url(bad).map_err(|e| e.parameter),
                Err("url".into()),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_canonical_query_string_parses_back_to_the_same_query() {
        for q in [
            "indicator=glotip.victims",
            "indicator=glotip.victims&region=USA,MEX&from=2010&to=2012&by=form+of+exploitation&panel=consistent",
            "per=100k&indicator=sesnsp.victims&region=MX-CHH&by=sex",
            "indicator=sesnsp.victims&period=month&from=2020",
        ] {
            let query = parse(q).expect(q);
            let canonical = query.to_query_string();
            assert_eq!(
                parse(&canonical).expect(&canonical),
                query,
                "{q} → {canonical}"
            );
        }
    }

    #[test]
    fn a_view_is_a_series_query_plus_its_presentation() {
        let catalog = catalog();
        let view = ViewQuery::parse(
            "indicator=glotip.victims&region=USA&theme=dark&lang=es&size=social&chart=bar",
            &catalog,
        )
        .expect("valid");
        assert!(view.dark && view.social);
        assert_eq!(view.lang, Lang::Es);
        let changed = ViewQuery::parse(
            "indicator=glotip.victims&region=USA&relative=index&scale=log",
            &catalog,
        )
        .expect("valid");
        assert_eq!(
            (changed.relative, changed.scale),
            (Some(Relative::Index), Scale::Log)
        );
        assert_eq!(
            ViewQuery::parse(&changed.to_query_string(), &catalog).expect("canonical"),
            changed
        );
        assert_eq!(view.series.regions, vec!["USA"]);
        assert_eq!(
            ViewQuery::parse(&view.to_query_string(), &catalog).expect("canonical"),
            view
        );
        for (q, parameter) in [
            ("indicator=glotip.victims&theme=blue", "theme"),
            ("indicator=glotip.victims&lang=fr", "lang"),
            ("indicator=glotip.victims&size=huge", "size"),
            ("indicator=glotip.victims&chart=pie", "chart"),
            ("indicator=sesnsp.victims&period=month", "period"),
            ("indicator=nope", "indicator"),
            ("indicator=glotip.victims&relative=ratio", "relative"),
            (
                "indicator=glotip.victims&relative=index&chart=stacked",
                "relative",
            ),
            ("indicator=glotip.victims&scale=ln", "scale"),
            ("indicator=glotip.victims&scale=log&chart=bar", "scale"),
            (
                "indicator=glotip.victims&scale=log&relative=percent",
                "scale",
            ),
        ] {
            let err = ViewQuery::parse(q, &catalog).expect_err(q);
            assert_eq!(err.parameter, parameter, "{q}: {err}");
        }
    }

    #[test]
    fn defaults_fill_region_and_years() {
        let q = parse("indicator=glotip.victims").expect("valid");
        assert_eq!(q.regions, vec!["001"]);
        assert_eq!((q.from, q.to), (2003, 2022));
    }

    #[test]
    fn regions_are_deduplicated_in_order() {
        let q =
            parse("indicator=glotip.victims&region=USA,MEX,USA&from=2010&to=2012").expect("valid");
        assert_eq!(q.regions, vec!["USA", "MEX"]);
        assert_eq!((q.from, q.to), (2010, 2012));
    }

    #[test]
    fn each_bad_parameter_is_named() {
        let cases = [
            ("", "indicator"),
            ("indicator=nope", "indicator"),
            ("indicator=glotip.victims&region=XXX", "region"),
            ("indicator=glotip.victims&region=USA,,MEX", "region"),
            ("indicator=glotip.victims&from=2015&to=2010", "from"),
            ("indicator=glotip.victims&from=20x0", "from"),
            ("indicator=glotip.victims&to=99999999999", "to"),
            ("indicator=glotip.victims&to=1066", "to"),
            ("indicator=glotip.victims&regions=USA", "regions"),
            ("indicator=glotip.victims&from=2010&from=2011", "from"),
            // A US-only source has no figure for Mexico or the world.
            ("indicator=hotline.cases&region=US-TX,MEX", "region"),
            ("indicator=hotline.cases&region=001", "region"),
            ("indicator=glotip.victims&by=colour", "by"),
            ("indicator=hotline.cases&by=sex", "by"),
            ("indicator=glotip.victims&panel=some", "panel"),
            ("indicator=glotip.victims&period=month", "period"),
            ("indicator=glotip.victims&period=week", "period"),
            // Rates only where published, as published.
            ("indicator=glotip.victims&per=100k", "per"),
            ("indicator=sesnsp.victims&per=1m", "per"),
            ("indicator=sesnsp.victims&region=019&per=100k", "region"),
            ("indicator=sesnsp.victims&per=100k&by=age", "by"),
            ("indicator=sesnsp.victims&per=100k&period=month", "period"),
            (
                "indicator=sesnsp.victims&per=100k&panel=consistent",
                "panel",
            ),
        ];
        for (query, parameter) in cases {
            let err = parse(query).expect_err(query);
            assert_eq!(err.parameter, parameter, "{query}: {err}");
        }
        let too_many = format!("indicator=glotip.victims&region={}", ["USA"; 13].join(","));
        // Duplicates collapse, so 13 × USA is one region and fine.
        assert!(parse(&too_many).is_ok());
    }

    #[test]
    fn breakdown_and_panel_are_read() {
        let q = parse("indicator=glotip.victims&by=sex&panel=consistent").expect("valid");
        assert_eq!((q.by.as_deref(), q.panel), (Some("sex"), Panel::Consistent));
        let q = parse("indicator=glotip.victims&by=form+of+exploitation&panel=all").expect("valid");
        assert_eq!(
            (q.by.as_deref(), q.panel),
            (Some("form of exploitation"), Panel::All)
        );
    }

    #[test]
    fn the_default_region_is_the_indicators_scope() {
        let q = parse("indicator=hotline.cases").expect("valid");
        assert_eq!(q.regions, vec!["USA"]);
        assert!(parse("indicator=hotline.cases&region=US-TX").is_ok());
    }
}
