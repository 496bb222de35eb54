//! What the dashboard shows, as plain data: which indicator, places and
//! years, how the figures are cut (breakdown, panel, rates), how they are
//! drawn (chart kind), and in which language and theme. It round-trips
//! through the page's URL, so a reload, a shared link or the back button
//! shows the same view. No browser APIs here: tested natively.

use crate::lang::Lang;
use crate::query::{
    ChartKind, MAX_REGIONS, Panel, Per, Period, Relative, Scale, Tab, log_scale_allows,
    rates_allow, rates_come_by, relative_allows,
};
use crate::{Catalog, Indicator, RegionLevel};

/// The regions shown when the URL names none: the five UN regions.
pub const DEFAULT_REGIONS: [&str; 5] = ["002", "019", "142", "150", "009"];
pub const DEFAULT_INDICATOR: &str = "glotip.victims";

/// Light or dark, when the reader chose; otherwise the system's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    Light,
    Dark,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    pub indicator: String,
    pub regions: Vec<String>,
    pub from: i32,
    pub to: i32,
    /// The publisher's rates per 100,000 inhabitants instead of counts,
    /// where the indicator has them.
    pub per_100k: bool,
    /// A breakdown of the indicator's: one place, one series per category.
    pub by: Option<String>,
    /// Only the reporters present in every year of the range.
    pub consistent_panel: bool,
    pub chart: ChartKind,
    /// Each line as change since its first figure.
    pub relative: Option<Relative>,
    pub scale: Scale,
    /// The year a map shows; `None` shows the range's last year with a
    /// figure.
    pub map_year: Option<i32>,
    /// On the border's map: the indicator filling the states under the
    /// sectors (`areas=`, see `MapQuery`).
    pub map_areas: Option<String>,
    /// The language asked for in the URL; `None` follows the browser's.
    pub lang: Option<Lang>,
    /// The theme asked for in the URL; `None` follows the system's.
    pub theme: Option<ThemeChoice>,
    /// The curated Mexico–USA border page instead of the explorer.
    pub border: bool,
    /// The explorer's tab: chart, table, sources and notes, or sharing.
    pub tab: Tab,
}

impl ViewState {
    pub fn default_for(catalog: &Catalog) -> ViewState {
        let indicator = catalog
            .indicator(DEFAULT_INDICATOR)
            .or_else(|| catalog.indicators.first());
        let regions = DEFAULT_REGIONS
            .iter()
            .filter(|code| catalog.region(code).is_some())
            .map(|code| code.to_string())
            .collect();
        ViewState {
            indicator: indicator.map(|i| i.id.clone()).unwrap_or_default(),
            regions,
            from: indicator.map_or(2003, |i| i.first_year),
            to: indicator.map_or(2022, |i| i.last_year),
            per_100k: false,
            by: None,
            consistent_panel: false,
            chart: ChartKind::Line,
            relative: None,
            scale: Scale::Linear,
            map_year: None,
            map_areas: None,
            lang: None,
            theme: None,
            border: false,
            tab: Tab::Chart,
        }
    }

    /// The view a URL query string asks for. Anything unknown or malformed
    /// falls back to the default, so an old or mangled link still opens.
    pub fn from_query(query: &str, catalog: &Catalog) -> ViewState {
        let mut state = ViewState::default_for(catalog);
        let pairs = parse_query(query);
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        if let Some(indicator) = get("indicator").and_then(|id| catalog.indicator(id)) {
            state.indicator = indicator.id.clone();
            state.from = indicator.first_year;
            state.to = indicator.last_year;
        }
        if let Some(list) = get("region") {
            let regions: Vec<String> = list
                .split(',')
                .filter(|code| catalog.region(code).is_some())
                .take(MAX_REGIONS)
                .map(String::from)
                .collect();
            if !regions.is_empty() {
                state.regions = regions;
            }
        }
        let year = |name| get(name).and_then(|v| v.parse::<i32>().ok());
        if let Some(from) = year("from") {
            state.from = from;
        }
        if let Some(to) = year("to") {
            state.to = to;
        }
        state.per_100k = get("per").and_then(Per::parse).is_some();
        state.by = get("by").map(String::from);
        state.consistent_panel = get("panel").and_then(Panel::parse) == Some(Panel::Consistent);
        // A breakdown is drawn as stacked bars unless the link says otherwise.
        state.chart = get("chart")
            .and_then(ChartKind::parse)
            .unwrap_or(if state.by.is_some() {
                ChartKind::Stacked
            } else {
                ChartKind::Line
            });
        state.relative = get("relative").and_then(Relative::parse);
        state.scale = get("scale").and_then(Scale::parse).unwrap_or_default();
        state.map_year = year("year");
        state.map_areas = get("areas").map(String::from);
        state.lang = get("lang").and_then(Lang::parse);
        state.theme = match get("theme") {
            Some("light") => Some(ThemeChoice::Light),
            Some("dark") => Some(ThemeChoice::Dark),
            _ => None,
        };
        state.border = get("view") == Some("border");
        state.tab = get("tab").and_then(Tab::parse).unwrap_or_default();
        state.normalize(catalog);
        state
    }

    /// The query string of the figures, for the API: what is shown, not how.
    pub fn to_query(&self) -> String {
        let mut query = format!(
            "indicator={}&region={}&from={}&to={}",
            encode_component(&self.indicator),
            self.regions
                .iter()
                .map(|r| encode_component(r))
                .collect::<Vec<_>>()
                .join(","),
            self.from,
            self.to
        );
        if let Some(by) = &self.by {
            query.push_str("&by=");
            query.push_str(&encode_component(by));
        }
        if self.consistent_panel {
            query.push_str("&panel=");
            query.push_str(Panel::Consistent.as_str());
        }
        if self.per_100k {
            query.push_str("&per=");
            query.push_str(Per::HundredThousand.as_str());
        }
        query
    }

    /// How it is drawn, for embeds and images: chart kind, language, theme.
    pub fn presentation_query(&self) -> String {
        let mut query = String::new();
        if self.chart != ChartKind::Line {
            query.push_str("&chart=");
            query.push_str(self.chart.as_str());
        }
        if let Some(relative) = self.relative {
            query.push_str("&relative=");
            query.push_str(relative.as_str());
        }
        if self.scale == Scale::Log {
            query.push_str("&scale=log");
        }
        if let Some(year) = self.map_year.filter(|_| self.chart == ChartKind::Map) {
            query.push_str(&format!("&year={year}"));
        }
        if let Some(areas) = &self.map_areas {
            query.push_str("&areas=");
            query.push_str(&encode_component(areas));
        }
        if let Some(lang) = self.lang {
            query.push_str("&lang=");
            query.push_str(lang.as_str());
        }
        match self.theme {
            Some(ThemeChoice::Light) => query.push_str("&theme=light"),
            Some(ThemeChoice::Dark) => query.push_str("&theme=dark"),
            None => {}
        }
        query
    }

    /// The page's query string: the figures, how they are drawn and which
    /// page.
    pub fn to_page_query(&self) -> String {
        let mut query = self.to_query();
        query.push_str(&self.presentation_query());
        if self.border {
            query.push_str("&view=border");
        } else if self.tab != Tab::Chart {
            query.push_str("&tab=");
            query.push_str(self.tab.as_str());
        }
        query
    }

    /// The list of places' pages, in the view's language and theme.
    pub fn places_link(&self) -> String {
        let mut settings = Vec::new();
        if let Some(lang) = self.lang {
            settings.push(format!("lang={}", lang.as_str()));
        }
        match self.theme {
            Some(ThemeChoice::Light) => settings.push("theme=light".into()),
            Some(ThemeChoice::Dark) => settings.push("theme=dark".into()),
            None => {}
        }
        match settings.is_empty() {
            true => "/place".into(),
            false => format!("/place?{}", settings.join("&")),
        }
    }

    pub fn series_path(&self) -> String {
        format!("/api/v1/series?{}", self.to_query())
    }

    /// The language to show: the URL's, else the browser's (`navigator.language`,
    /// e.g. "es-MX"), else English.
    pub fn effective_lang(&self, browser_language: &str) -> Lang {
        ViewState::effective_lang_of(self.lang, browser_language)
    }

    /// `chosen`, else the browser's language, else English.
    pub fn effective_lang_of(chosen: Option<Lang>, browser_language: &str) -> Lang {
        chosen.unwrap_or_else(|| {
            if browser_language.to_ascii_lowercase().starts_with("es") {
                Lang::Es
            } else {
                Lang::En
            }
        })
    }

    /// Adds the region if absent (up to [`MAX_REGIONS`]), removes it if
    /// present. A breakdown shows one place: choosing another replaces it.
    pub fn toggle_region(&mut self, code: &str) {
        if let Some(index) = self.regions.iter().position(|r| r == code) {
            if self.regions.len() > 1 || self.by.is_none() {
                self.regions.remove(index);
            }
        } else if self.by.is_some() {
            self.regions = vec![code.to_string()];
        } else if self.regions.len() < MAX_REGIONS {
            self.regions.push(code.to_string());
        }
    }

    /// Switches indicator, keeping the years where the new one has data,
    /// the places it covers and the breakdown if it has it.
    pub fn set_indicator(&mut self, id: &str, catalog: &Catalog) {
        if catalog.indicator(id).is_some() {
            self.indicator = id.to_string();
            self.normalize(catalog);
        }
    }

    /// Shows rates per 100,000 or counts; rates only where the indicator
    /// has them.
    pub fn set_per_100k(&mut self, on: bool, catalog: &Catalog) {
        self.per_100k = on;
        self.normalize(catalog);
    }

    /// Cuts the figures by a breakdown (stacked bars of its categories, for
    /// the first place chosen), or shows the totals again.
    pub fn set_by(&mut self, by: Option<String>, catalog: &Catalog) {
        let had = self.by.is_some();
        self.by = by;
        match (had, self.by.is_some()) {
            (false, true) => self.chart = ChartKind::Stacked,
            (true, false) if self.chart == ChartKind::Stacked => self.chart = ChartKind::Line,
            _ => {}
        }
        self.normalize(catalog);
    }

    /// The dashboard's one choice of how the figures are shown, as a word:
    /// as they are (`""`), on a log scale (`log`), as an index (`index`)
    /// or a percentage change (`percent`) since each line's first figure.
    pub fn shown_as(&self) -> &'static str {
        match (self.relative, self.scale) {
            (Some(relative), _) => relative.as_str(),
            (None, Scale::Log) => "log",
            (None, Scale::Linear) => "",
        }
    }

    /// Whether the chart kind allows showing the figures as `word`.
    pub fn may_show_as(&self, word: &str) -> bool {
        match Relative::parse(word) {
            Some(_) => relative_allows(self.chart),
            None => word != "log" || log_scale_allows(self.chart, None),
        }
    }

    /// Shows the figures as `word` (see [`ViewState::shown_as`]).
    pub fn set_shown_as(&mut self, word: &str, catalog: &Catalog) {
        self.relative = Relative::parse(word);
        self.scale = if word == "log" {
            Scale::Log
        } else {
            Scale::Linear
        };
        self.normalize(catalog);
    }

    pub fn set_from(&mut self, year: i32, catalog: &Catalog) {
        self.from = year;
        if self.to < year {
            self.to = year;
        }
        self.normalize(catalog);
    }

    pub fn set_to(&mut self, year: i32, catalog: &Catalog) {
        self.to = year;
        if self.from > year {
            self.from = year;
        }
        self.normalize(catalog);
    }

    /// Makes every part agree with the indicator and with each other, so the
    /// API accepts the view: years inside the indicator's, places it covers,
    /// a breakdown it has, rates only where published.
    pub fn normalize(&mut self, catalog: &Catalog) {
        self.clamp_years(catalog);
        let Some(indicator) = catalog.indicator(&self.indicator) else {
            return;
        };
        self.per_100k &= indicator.per_100k;
        if self
            .by
            .as_ref()
            .is_some_and(|b| !indicator.breakdowns.contains(b))
        {
            self.by = None;
        }
        if self.per_100k {
            if self
                .by
                .as_deref()
                .is_some_and(|b| indicator.rates_computed || !rates_come_by(b))
            {
                self.by = None;
            }
            // The dashboard shows years; a panel is a sum, which rates never are.
            self.consistent_panel &= rates_allow(Period::Year, Panel::Consistent);
        }
        if self.by.is_none() && self.chart == ChartKind::Stacked {
            self.chart = ChartKind::Bar;
        }
        // Shares of one series alone are all 100 %.
        if self.chart == ChartKind::Share && self.by.is_none() && self.regions.len() < 2 {
            self.chart = ChartKind::Bar;
        }
        // A map shows every place's total: not for figures that are not by
        // place, and never with a breakdown.
        if self.chart == ChartKind::Map {
            if !indicator.has_map(catalog) {
                self.chart = ChartKind::Line;
            } else {
                self.by = None;
            }
        }
        if !relative_allows(self.chart) {
            self.relative = None;
        }
        if !log_scale_allows(self.chart, self.relative) {
            self.scale = Scale::Linear;
        }
        if self
            .map_year
            .is_some_and(|y| !(self.from..=self.to).contains(&y))
        {
            self.map_year = None;
        }
        // Only the sectors' map has states to fill, with figures by state.
        let fills = |id: &String| {
            catalog
                .indicator(id)
                .is_some_and(|i| i.grain == RegionLevel::State)
        };
        if self.chart != ChartKind::Map
            || indicator.grain != RegionLevel::Sector
            || !self.map_areas.as_ref().is_some_and(fills)
        {
            self.map_areas = None;
        }
        self.keep_regions_in_scope(indicator, catalog);
        if self.by.is_some() {
            self.regions.truncate(1);
        }
    }

    /// Drops the regions the indicator has no figures (or rates) for: a US
    /// source has none for the world. With none left, shows the indicator's
    /// whole scope, or Mexico and the USA for figures that cannot be summed.
    fn keep_regions_in_scope(&mut self, indicator: &Indicator, catalog: &Catalog) {
        let per_100k = self.per_100k;
        let shown = |code: &str| {
            indicator.has_figures_for(code, catalog)
                && (!per_100k || indicator.has_rates_for(code, catalog))
        };
        self.regions.retain(|code| shown(code));
        if self.regions.is_empty() {
            self.regions = if indicator.additive {
                vec![indicator.scope.clone()]
            } else {
                ["MEX", "USA"]
                    .into_iter()
                    .filter(|code| shown(code))
                    .map(String::from)
                    .collect()
            };
        }
    }

    /// Keeps the range inside the indicator's years and in order.
    fn clamp_years(&mut self, catalog: &Catalog) {
        if let Some(indicator) = catalog.indicator(&self.indicator) {
            let (first, last) = (indicator.first_year, indicator.last_year);
            self.from = self.from.clamp(first, last);
            self.to = self.to.clamp(first, last);
        }
        if self.from > self.to {
            std::mem::swap(&mut self.from, &mut self.to);
        }
    }

    /// The view's address on the site at `origin`. A shared link opens on
    /// the chart, whichever tab it was copied from.
    pub fn permalink(&self, origin: &str) -> String {
        let chart = ViewState {
            tab: Tab::Chart,
            ..self.clone()
        };
        format!("{origin}/?{}", chart.to_page_query())
    }

    /// The addresses that take this view elsewhere, on the site at `origin`
    /// (`https://stats.example.org`).
    pub fn share_links(&self, origin: &str) -> ShareLinks {
        let query = self.to_query();
        let drawn = format!("{query}{}", self.presentation_query());
        let embed = format!("{origin}/embed?{drawn}");
        ShareLinks {
            permalink: self.permalink(origin),
            embed_snippet: crate::figure::embed_snippet(&embed, origin),
            embed,
            images: vec![
                ("SVG", format!("{origin}/chart.svg?{drawn}")),
                ("PNG", format!("{origin}/chart.png?{drawn}")),
                (
                    "PNG 1200 × 630",
                    format!("{origin}/chart.png?{drawn}&size=social"),
                ),
            ],
            downloads: [
                ("CSV", "csv"),
                ("XLSX", "xlsx"),
                ("JSON", "json"),
                ("Parquet", "parquet"),
                ("Data Package", "datapackage"),
            ]
            .into_iter()
            .map(|(label, format)| {
                (
                    label,
                    format!("{origin}/api/v1/export?{query}&format={format}"),
                )
            })
            .collect(),
        }
    }
}

/// Where a view can go: [`ViewState::share_links`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareLinks {
    pub permalink: String,
    pub embed_snippet: String,
    /// The embed's address, which the snippet frames.
    pub embed: String,
    /// (label, address) of the chart as images.
    pub images: Vec<(&'static str, String)>,
    /// (label, address) of the view's figures as files.
    pub downloads: Vec<(&'static str, String)>,
}

/// The curated Mexico–USA border page's views, in order (see
/// `crate::curated`).
pub fn border_views(catalog: &Catalog) -> [ViewState; 4] {
    crate::curated::BORDER_VIEWS.map(|(_, query)| ViewState::from_query(query, catalog))
}

/// Where a chart sits on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartPlace {
    /// The explorer's one chart, across the page's content.
    Page,
    /// One of the border page's panels, half the content on a wide screen.
    Panel,
}

/// The size to draw a chart at on a page `viewport` CSS pixels wide: the
/// width it is shown at, so that the browser does not shrink its words on a
/// phone, but at most 860 (560 in a panel), which a wider screen scales up.
/// The widths follow style.css: `main` is at most 72rem wide with
/// `clamp(0.75rem, 3vw, 2rem)` of padding on each side, and `.border-grid`
/// puts panels of at least 30rem side by side with a 1.5rem gap. Widths are
/// rounded down to 10 pixels, so that resizing redraws only now and then.
pub fn chart_size(viewport: u32, place: ChartPlace) -> (u32, u32) {
    let padding = (viewport * 3 / 100).clamp(12, 32);
    let content = viewport.min(1152).saturating_sub(2 * padding);
    let (shown, widest, height) = match place {
        ChartPlace::Page => (content, 860, 420),
        ChartPlace::Panel if content >= 2 * 480 + 24 => ((content - 24) / 2, 560, 400),
        ChartPlace::Panel => (content, 560, 400),
    };
    let width = shown.clamp(280, widest) / 10 * 10;
    // A narrow chart gets a taller shape, so that its lines keep room.
    let height = if width < widest {
        (width * 11 / 10).clamp(280, height)
    } else {
        height
    };
    (width, height)
}

/// The regions offered as checkboxes: the world, the UN regions and subregions.
pub fn aggregate_regions(catalog: &Catalog) -> impl Iterator<Item = &crate::Region> {
    catalog.regions.iter().filter(|r| {
        matches!(
            r.level,
            RegionLevel::World | RegionLevel::Region | RegionLevel::Subregion
        )
    })
}

/// Splits `a=1&b=x%20y` into decoded pairs. A leading `?` is ignored.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(name), decode_component(value))
        })
        .collect()
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reverses [`encode_component`] (and `+` for space); malformed escapes are
/// kept as they are.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Indicator, Region};

    fn catalog() -> Catalog {
        let region = |code: &str, level| Region {
            code: code.into(),
            name: code.into(),
            level,
            parent: match level {
                RegionLevel::World => None,
                RegionLevel::Region => Some("001".into()),
                RegionLevel::Country => Some("019".into()),
                _ => Some("USA".into()),
            },
            es: None,
        };
        let indicator = |id: &str, first_year, last_year| Indicator {
            id: id.into(),
            name: id.into(),
            unit: "Counts".into(),
            source: "s".into(),
            description: String::new(),
            caveats: vec![],
            first_year,
            last_year,
            breakdowns: vec![],
            frequency: crate::Frequency::CalendarYear,
            grain: RegionLevel::Country,
            scope: "001".into(),
            reporters: "countries".into(),
            additive: true,
            per_100k: false,
            rates_computed: false,
            es: None,
        };
        Catalog {
            data_version: "v".into(),
            sources: vec![],
            indicators: vec![
                indicator("glotip.victims", 2003, 2022),
                indicator("glotip.offences", 2010, 2022),
                Indicator {
                    scope: "USA".into(),
                    grain: RegionLevel::State,
                    ..indicator("hotline.cases", 2015, 2024)
                },
                Indicator {
                    additive: false,
                    ..indicator("tip.tier", 2001, 2015)
                },
                Indicator {
                    scope: "MEX".into(),
                    grain: RegionLevel::State,
                    per_100k: true,
                    breakdowns: vec!["sex".into(), "age".into()],
                    ..indicator("sesnsp.victims", 2015, 2025)
                },
                Indicator {
                    breakdowns: vec!["sex".into(), "form of exploitation".into()],
                    ..indicator("glotip.convicted", 2003, 2022)
                },
                Indicator {
                    scope: "USA".into(),
                    grain: RegionLevel::Sector,
                    ..indicator("usbp.encounters", 2000, 2024)
                },
            ],
            regions: vec![
                region("001", RegionLevel::World),
                region("002", RegionLevel::Region),
                region("019", RegionLevel::Region),
                region("142", RegionLevel::Region),
                region("150", RegionLevel::Region),
                region("009", RegionLevel::Region),
                region("USA", RegionLevel::Country),
                region("MEX", RegionLevel::Country),
                region("US-TX", RegionLevel::State),
                Region {
                    parent: Some("MEX".into()),
                    ..region("MX-CHH", RegionLevel::State)
                },
            ],
        }
    }

    #[test]
    fn a_chart_is_drawn_at_the_width_it_is_shown() {
        // A 360-pixel phone: 12 pixels of padding each side, one column.
        assert_eq!(chart_size(360, ChartPlace::Page), (330, 363));
        assert_eq!(chart_size(360, ChartPlace::Panel), (330, 363));
        // A laptop: the content is 72rem less 2rem each side; the page's
        // chart is drawn at its widest and scaled up, panels side by side.
        assert_eq!(chart_size(1280, ChartPlace::Page), (860, 420));
        assert_eq!(chart_size(1280, ChartPlace::Panel), (530, 400));
        assert_eq!(chart_size(3840, ChartPlace::Page), (860, 420));
        // Panels go one per row below 30rem + 30rem + the gap.
        assert_eq!(chart_size(1000, ChartPlace::Panel).0, 560);
        // Never narrower than 280, whatever the screen.
        assert_eq!(chart_size(200, ChartPlace::Page), (280, 308));
        // Resizing by a few pixels draws the same chart.
        assert_eq!(
            chart_size(801, ChartPlace::Page),
            chart_size(803, ChartPlace::Page)
        );
    }

    #[test]
    fn shares_need_more_than_one_series() {
        let c = catalog();
        let one = ViewState::from_query("indicator=glotip.victims&region=019&chart=share", &c);
        assert_eq!(one.chart, ChartKind::Bar);
        let two = ViewState::from_query("indicator=glotip.victims&region=019,150&chart=share", &c);
        assert_eq!(two.chart, ChartKind::Share);
        assert!(two.to_page_query().contains("chart=share"));
    }

    #[test]
    fn the_whole_page_state_round_trips_through_the_url() {
        let c = catalog();
        let query = "indicator=glotip.convicted&region=019&from=2010&to=2020&by=form%20of%20exploitation&panel=consistent&chart=bar&lang=es&theme=dark&view=border";
        let state = ViewState::from_query(query, &c);
        assert_eq!(state.by.as_deref(), Some("form of exploitation"));
        assert!(state.consistent_panel && state.border);
        assert_eq!(state.chart, ChartKind::Bar);
        assert_eq!(state.lang, Some(Lang::Es));
        assert_eq!(state.theme, Some(ThemeChoice::Dark));
        assert_eq!(state.to_page_query(), query);
        assert_eq!(ViewState::from_query(&state.to_page_query(), &c), state);
        // The API gets the figures' part only.
        assert_eq!(
            state.to_query(),
            "indicator=glotip.convicted&region=019&from=2010&to=2020&by=form%20of%20exploitation&panel=consistent"
        );
    }

    #[test]
    fn a_map_keeps_its_year_and_is_only_for_figures_by_place() {
        let c = catalog();
        let query = "indicator=sesnsp.victims&region=MX-CHH&from=2015&to=2025&chart=map&year=2022";
        let state = ViewState::from_query(query, &c);
        assert_eq!((state.chart, state.map_year), (ChartKind::Map, Some(2022)));
        assert_eq!(state.to_page_query(), query);
        // A map shows totals: a breakdown in the link is dropped.
        let state = ViewState::from_query(&format!("{query}&by=sex"), &c);
        assert_eq!((state.chart, state.by), (ChartKind::Map, None));
        // A year outside the range shows the range's last.
        let state = ViewState::from_query("indicator=sesnsp.victims&chart=map&year=1990", &c);
        assert_eq!(state.map_year, None);
        // Figures by country whose scope is one country (a US source's)
        // have nothing to map: the chart goes back to lines.
        let mut catalog = c.clone();
        catalog.indicators[0].scope = "USA".into();
        let state =
            ViewState::from_query("indicator=glotip.victims&region=USA&chart=map", &catalog);
        assert_eq!(state.chart, ChartKind::Line);
    }

    #[test]
    fn only_the_sectors_map_has_states_filled_by_another_indicator() {
        let c = catalog();
        let query = "indicator=usbp.encounters&region=USA&from=2000&to=2024&chart=map&year=2022&areas=sesnsp.victims";
        let state = ViewState::from_query(query, &c);
        assert_eq!(state.map_areas.as_deref(), Some("sesnsp.victims"));
        assert_eq!(state.to_page_query(), query);
        // Not without the map, not on another map, not by country.
        for query in [
            "indicator=usbp.encounters&areas=sesnsp.victims",
            "indicator=hotline.cases&chart=map&areas=sesnsp.victims",
            "indicator=usbp.encounters&chart=map&areas=glotip.victims",
            "indicator=usbp.encounters&chart=map&areas=nothing",
        ] {
            assert_eq!(ViewState::from_query(query, &c).map_areas, None, "{query}");
        }
    }

    #[test]
    fn a_breakdown_shows_one_place_as_stacked_bars() {
        let c = catalog();
        let mut state = ViewState::from_query("indicator=glotip.convicted&region=019,150", &c);
        state.set_by(Some("sex".into()), &c);
        assert_eq!(state.regions, vec!["019"]);
        assert_eq!(state.chart, ChartKind::Stacked);
        // Choosing another place replaces it; the only place stays.
        state.toggle_region("150");
        assert_eq!(state.regions, vec!["150"]);
        state.toggle_region("150");
        assert_eq!(state.regions, vec!["150"]);
        // An indicator without that breakdown drops it, and its stack.
        state.set_indicator("glotip.victims", &c);
        assert_eq!((state.by.as_deref(), state.chart), (None, ChartKind::Bar));
        state.set_indicator("glotip.convicted", &c);
        state.set_by(Some("sex".into()), &c);
        state.set_by(None, &c);
        assert_eq!(state.chart, ChartKind::Line);
        // A breakdown the indicator lacks never reaches the API.
        let bad = ViewState::from_query("indicator=glotip.convicted&by=colour", &c);
        assert_eq!(bad.by, None);
    }

    #[test]
    fn the_language_is_the_urls_or_the_browsers() {
        let c = catalog();
        let state = ViewState::default_for(&c);
        assert_eq!(state.effective_lang("es-MX"), Lang::Es);
        assert_eq!(state.effective_lang("en-US"), Lang::En);
        assert_eq!(state.effective_lang(""), Lang::En);
        let chosen = ViewState::from_query("lang=en", &c);
        assert_eq!(chosen.effective_lang("es-MX"), Lang::En);
        assert_eq!(ViewState::from_query("lang=fr", &c).lang, None);
    }

    #[test]
    fn rates_are_kept_only_where_published() {
        let c = catalog();
        let state =
            ViewState::from_query("?indicator=sesnsp.victims&region=MEX,MX-CHH&per=100k", &c);
        assert!(state.per_100k);
        assert_eq!(
            state.to_query(),
            "indicator=sesnsp.victims&region=MEX,MX-CHH&from=2015&to=2025&per=100k"
        );
        assert_eq!(ViewState::from_query(&state.to_query(), &c), state);
        let mut moved = state.clone();
        moved.set_indicator("glotip.victims", &c);
        assert!(!moved.per_100k, "GLOTIP publishes no rates");
        assert!(!ViewState::from_query("?indicator=glotip.victims&per=100k", &c).per_100k);
        // Rates come by sex at most and never over a consistent panel.
        let rates = ViewState::from_query(
            "indicator=sesnsp.victims&region=MX-CHH&per=100k&by=age&panel=consistent",
            &c,
        );
        assert_eq!((rates.by.as_deref(), rates.consistent_panel), (None, false));
    }

    #[test]
    fn share_links_carry_the_view_to_every_format() {
        let c = catalog();
        let mut state = ViewState::default_for(&c);
        state.regions = vec!["USA".into()];
        let links = state.share_links("https://stats.example");
        let query = "indicator=glotip.victims&region=USA&from=2003&to=2022";
        assert_eq!(links.permalink, format!("https://stats.example/?{query}"));
        assert!(links.embed_snippet.starts_with(&format!(
            "<iframe src=\"https://stats.example/embed?{query}\""
        )));
        assert!(
            links
                .embed_snippet
                .contains("e.origin !== \"https://stats.example\"")
        );
        assert_eq!(
            links.images[2].1,
            format!("https://stats.example/chart.png?{query}&size=social")
        );
        let labels: Vec<&str> = links.downloads.iter().map(|(l, _)| *l).collect();
        assert_eq!(labels, ["CSV", "XLSX", "JSON", "Parquet", "Data Package"]);
        for (label, url) in &links.downloads {
            let format = label.to_ascii_lowercase().replace(' ', "");
            assert_eq!(
                url,
                &format!("https://stats.example/api/v1/export?{query}&format={format}")
            );
        }
    }

    #[test]
    fn default_view_is_the_five_regions_over_all_years() {
        let state = ViewState::default_for(&catalog());
        assert_eq!(state.indicator, "glotip.victims");
        assert_eq!(state.regions, DEFAULT_REGIONS.map(String::from).to_vec());
        assert_eq!((state.from, state.to), (2003, 2022));
    }

    #[test]
    fn a_us_source_shows_only_us_places() {
        let c = catalog();
        let mut state = ViewState::default_for(&c);
        state.set_indicator("hotline.cases", &c);
        assert_eq!(state.regions, vec!["USA"]);
        state.toggle_region("US-TX");
        state.set_indicator("glotip.victims", &c);
        state.set_indicator("hotline.cases", &c);
        assert_eq!(state.regions, vec!["USA", "US-TX"]);
        let shared = ViewState::from_query("?indicator=hotline.cases&region=MEX,US-TX", &c);
        assert_eq!(shared.regions, vec!["US-TX"]);
    }

    #[test]
    fn a_figure_that_cannot_be_summed_shows_countries_only() {
        let c = catalog();
        let mut state = ViewState::default_for(&c);
        state.set_indicator("tip.tier", &c);
        assert_eq!(state.regions, vec!["MEX", "USA"]);
        let shared = ViewState::from_query("?indicator=tip.tier&region=019,USA", &c);
        assert_eq!(shared.regions, vec!["USA"]);
    }

    #[test]
    fn url_round_trip_keeps_the_view() {
        let c = catalog();
        let mut state = ViewState::default_for(&c);
        state.set_indicator("glotip.offences", &c);
        state.regions = vec!["USA".into(), "MEX".into()];
        state.set_from(2012, &c);
        state.set_to(2020, &c);
        let query = state.to_query();
        assert_eq!(
            query,
            "indicator=glotip.offences&region=USA,MEX&from=2012&to=2020"
        );
        assert_eq!(ViewState::from_query(&format!("?{query}"), &c), state);
    }

    #[test]
    fn mangled_links_fall_back_to_defaults_field_by_field() {
        let c = catalog();
        let state = ViewState::from_query("indicator=nope&region=XXX,USA&from=abc&to=1990", &c);
        assert_eq!(state.indicator, "glotip.victims");
        assert_eq!(state.regions, vec!["USA"]);
        // `to` clamps to the first year, and `from` keeps its default order.
        assert_eq!((state.from, state.to), (2003, 2003));
    }

    #[test]
    fn toggling_adds_and_removes_regions_up_to_the_limit() {
        let c = catalog();
        let mut state = ViewState::default_for(&c);
        state.toggle_region("USA");
        assert!(state.regions.contains(&"USA".to_string()));
        state.toggle_region("USA");
        assert!(!state.regions.contains(&"USA".to_string()));
        for i in 0..20 {
            state.toggle_region(&format!("R{i}"));
        }
        assert_eq!(state.regions.len(), MAX_REGIONS);
    }

    #[test]
    fn year_setters_keep_the_range_ordered_and_inside_the_indicator() {
        let c = catalog();
        let mut state = ViewState::default_for(&c);
        state.set_from(2015, &c);
        state.set_to(2010, &c);
        assert_eq!((state.from, state.to), (2010, 2010));
        state.set_to(2100, &c);
        assert_eq!(state.to, 2022);
        state.set_indicator("glotip.offences", &c);
        assert_eq!((state.from, state.to), (2010, 2022));
    }

    #[test]
    fn components_encode_and_decode() {
        assert_eq!(encode_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(decode_component("a%20b%26c%3Dd%2F%C3%A9"), "a b&c=d/é");
        assert_eq!(decode_component("x+y%zz%4"), "x y%zz%4");
        assert_eq!(
            parse_query("?a=1&&b&c=%41"),
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "".into()),
                ("c".into(), "A".into())
            ]
        );
    }
}
