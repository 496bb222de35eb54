//! `/ranking`: every place of one level (countries, Mexican states, US
//! states, sectors) ranked for one year: its figure, its rate per 100,000
//! where the indicator has rates, its change since the range's first year
//! and whether it reported. Drawn by the server, sorted by links (each
//! column header is one), so it works without script. A "<5" sorts as the
//! range it is (at most 4, at least 0), never as zero; a place with no
//! figure comes last.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use axum::extract::{RawQuery, State};
use axum::response::Response;
use maud::{DOCTYPE, Markup, html};
use tipstats_shared::SeriesRow;
use tipstats_shared::format::{row_rate_cell, value_cell_in};
use tipstats_shared::lang::Lang;
use tipstats_shared::query::{BadParameter, MapQuery, ViewQuery, query_pairs};
use tipstats_shared::view::encode_component;
use tipstats_shared::words::words;

use super::AppState;
use super::error::ApiError;
use super::figures::MapFigure;

/// What a ranking is sorted by.
#[derive(Clone, Copy, PartialEq)]
enum Sort {
    Value,
    Rate,
    Change,
    Name,
}

impl Sort {
    const ALL: [(Sort, &'static str); 4] = [
        (Sort::Value, "value"),
        (Sort::Rate, "rate"),
        (Sort::Change, "change"),
        (Sort::Name, "name"),
    ];

    fn word(self) -> &'static str {
        Sort::ALL
            .iter()
            .find(|(sort, _)| *sort == self)
            .map_or("value", |(_, word)| word)
    }
}

/// One place's line.
struct Line<'a> {
    code: &'a str,
    name: &'a str,
    count: Option<&'a SeriesRow>,
    rate: Option<&'a SeriesRow>,
    /// Percentage change of the count since the range's first year with one.
    change: Option<f64>,
}

impl Line<'_> {
    /// A figure's place in the order: its value, or a "<5"'s upper bound
    /// (so it sorts below every figure of 5 or more and above 4); none
    /// without a figure.
    fn figure(row: Option<&SeriesRow>, rate: bool) -> Option<f64> {
        let row = row?;
        if rate {
            return row.rate.or(row.rate_upper);
        }
        row.value
            .filter(|_| row.suppressed_cells == 0)
            .map(|v| v as f64)
            .or(row.upper.map(|u| u as f64))
    }

    fn key(&self, sort: Sort) -> Option<f64> {
        match sort {
            Sort::Value | Sort::Name => Line::figure(self.count, false),
            Sort::Rate => Line::figure(self.rate, true),
            Sort::Change => self.change,
        }
    }
}

/// A ranking's address: `sort` and `lang` taken out of the query, the
/// rest (indicator, years, `year`, `per`…) left for [`ViewQuery`] and for
/// the page's links.
struct Address {
    sort: Option<Sort>,
    lang: Option<String>,
    rest: String,
}

impl Address {
    fn parse(query: &str) -> Result<Address, BadParameter> {
        let mut address = Address {
            sort: None,
            lang: None,
            rest: String::new(),
        };
        let mut rest = Vec::new();
        for (name, value) in query_pairs(query)? {
            match name.as_str() {
                "sort" => {
                    let found = Sort::ALL.iter().find(|(_, word)| *word == value);
                    address.sort = Some(found.map(|(sort, _)| *sort).ok_or_else(|| {
                        BadParameter::new(
                            "sort",
                            format!("{value:?} is not value, rate, change or name"),
                        )
                    })?);
                }
                "lang" => address.lang = Some(value),
                // A ranking is always of the map's places.
                "chart" => {}
                _ => rest.push((name, value)),
            }
        }
        let pairs: Vec<String> = rest
            .iter()
            .map(|(name, value)| format!("{}={}", encode_component(name), encode_component(value)))
            .collect();
        // Commas separate region codes; left as they are, links stay readable.
        address.rest = pairs.join("&").replace("%2C", ",");
        Ok(address)
    }

    /// This ranking sorted by `sort`, in `lang`.
    fn link(&self, sort: Sort, lang: Lang) -> String {
        format!(
            "/ranking?{}&sort={}&lang={}",
            self.rest,
            sort.word(),
            lang.as_str()
        )
    }
}

/// The ranking page of a view's indicator and year.
pub(super) async fn ranking_page(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let address = Address::parse(query.as_deref().unwrap_or(""))?;
    let mut shown = format!("{}&chart=map", address.rest);
    if let Some(lang) = &address.lang {
        shown.push_str(&format!("&lang={}", encode_component(lang)));
    }
    let view = ViewQuery::parse(&shown, &state.catalog)?;
    let Some((counts, year)) = view.map.clone() else {
        return Err(BadParameter::new("indicator", "nothing to rank").into());
    };
    let sort_word = address.sort.map_or("", Sort::word);
    let key = format!("/ranking?{}&sort={sort_word}", view.to_query_string());
    state
        .answers
        .get_or_make(key, "text/html; charset=utf-8", async {
            let (map, rates) = figures(&state, counts, year, view.lang).await?;
            let sort = address.sort.unwrap_or(if rates.is_some() {
                Sort::Rate
            } else {
                Sort::Value
            });
            let series = view.series.to_query_string();
            let page = page(&map, rates.as_ref(), sort, &address, &series, view.dark);
            Ok::<_, ApiError>(axum::body::Bytes::from(page.into_string()))
        })
        .await
}

/// Every place's figures for the ranked year, and their rates where the
/// indicator has rates and the counts were asked for.
async fn figures(
    state: &AppState,
    counts: MapQuery,
    year: Option<i32>,
    lang: Lang,
) -> Result<(MapFigure, Option<MapFigure>), ApiError> {
    let indicator = state.catalog.indicator(&counts.series.indicator);
    let has_rates = indicator.is_some_and(|i| i.per_100k) && counts.series.per.is_none();
    let mut rated = counts.clone();
    rated.series.per = Some(tipstats_shared::query::Per::HundredThousand);
    let rates = match has_rates {
        true => Some(MapFigure::new(state, rated, year, lang, false).await?),
        false => None,
    };
    let map = MapFigure::new(state, counts, year, lang, false).await?;
    Ok((map, rates))
}

/// Where a place stands among the places of its level with a figure in the
/// ranking's year: by rate where the indicator has rates, else by count.
pub(super) struct Rank {
    /// 1 for the highest.
    pub position: usize,
    /// How many places of the level have a figure that year.
    pub of: usize,
    pub year: i32,
    pub by_rate: bool,
}

/// `code`'s rank for `indicator` in its map's year (the last counted
/// whole); none when the indicator has no map of places at `code`'s level,
/// its figures cannot be ranked (tiers) or `code` has no figure that year.
pub(super) async fn rank_of(
    state: &AppState,
    indicator: &str,
    code: &str,
) -> Result<Option<Rank>, ApiError> {
    let Some(found) = state.catalog.indicator(indicator) else {
        return Ok(None);
    };
    if !found.additive || !found.is_at_grain(code, &state.catalog) || !found.has_map(&state.catalog)
    {
        return Ok(None);
    }
    let view = ViewQuery::parse(&format!("indicator={indicator}&chart=map"), &state.catalog)?;
    let Some((counts, year)) = view.map else {
        return Ok(None);
    };
    let (map, rates) = figures(state, counts, year, Lang::En).await?;
    let sort = if rates.is_some() {
        Sort::Rate
    } else {
        Sort::Value
    };
    let lines = lines(&map, rates.as_ref(), sort);
    let ranked: Vec<&Line> = lines.iter().filter(|l| l.key(sort).is_some()).collect();
    Ok(ranked.iter().position(|l| l.code == code).map(|at| Rank {
        position: at + 1,
        of: ranked.len(),
        year: map.year,
        by_rate: rates.is_some(),
    }))
}

fn lines<'a>(map: &'a MapFigure, rates: Option<&'a MapFigure>, sort: Sort) -> Vec<Line<'a>> {
    let figures = &map.answer.figures;
    let at = |rows: &'a [SeriesRow], code: &str, year: i32| {
        rows.iter().find(|r| r.region == code && r.year == year)
    };
    let mut lines: Vec<Line> = figures
        .regions
        .iter()
        .map(|code| {
            let count = at(&figures.rows, code, map.year);
            let first = figures
                .rows
                .iter()
                .filter(|r| &r.region == code && r.suppressed_cells == 0 && r.year < map.year)
                .min_by_key(|r| r.year)
                .and_then(|r| r.value);
            let now = count
                .filter(|r| r.suppressed_cells == 0)
                .and_then(|r| r.value);
            Line {
                code,
                name: map.name_of(code),
                count,
                rate: rates.and_then(|r| at(&r.answer.figures.rows, code, map.year)),
                change: first
                    .zip(now)
                    .filter(|(first, _)| *first > 0)
                    .map(|(first, now)| (now - first) as f64 / first as f64 * 100.0),
            }
        })
        .collect();
    lines.sort_by(|a, b| match sort {
        Sort::Name => name_order(a.name, b.name),
        _ => match (a.key(sort), b.key(sort)) {
            (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| name_order(a.name, b.name)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => name_order(a.name, b.name),
        },
    });
    lines
}

/// Names in the order readers look them up: letters without their accents
/// and case first (Ángel with the A's), then the names as written.
fn name_order(a: &str, b: &str) -> Ordering {
    let key = |name: &str| -> String {
        name.nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect()
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// The page; `series` is the series query of the ranked figures, for the
/// links to the dashboard and to the file.
fn page(
    map: &MapFigure,
    rates: Option<&MapFigure>,
    sort: Sort,
    address: &Address,
    series: &str,
    dark: bool,
) -> Markup {
    let t = words(map.lang);
    let lang = map.lang;
    let figure = map.figure();
    let lines = lines(map, rates, sort);
    let sorted = |by: Sort| address.link(by, lang);
    let aria = |by: Sort| {
        (by == sort).then_some(if by == Sort::Name {
            "ascending"
        } else {
            "descending"
        })
    };
    let from = map.answer.figures.from;
    html! {
        (DOCTYPE)
        html lang=(lang.as_str()) data-theme=[dark.then_some("dark")] {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (figure.title) " · " (t.ranking_title()) " · tipstats" }
                link rel="icon" href="/favicon.svg" type="image/svg+xml";
                link rel="stylesheet" href="/style.css";
            }
            body {
                header class="top" {
                    div class="brand" { p class="site" { a href="/" { "tipstats" } } }
                    nav aria-label="tipstats" {
                        a href={ "/?" (series) "&lang=" (lang.as_str()) } { (t.nav_explore()) }
                        @for (other, name) in [(Lang::En, "English"), (Lang::Es, "Español")] {
                            @if other != lang {
                                a href=(address.link(sort, other)) lang=(other.as_str()) { (name) }
                            }
                        }
                    }
                }
                main id="main" {
                    h1 class="figure-title" { (figure.title) }
                    p class="figure-subtitle" { (t.ranking_title()) " · " (figure.subtitle) }
                    @if let Some(caveat) = figure.notes.first() {
                        p class="caveat" role="note" { (caveat) }
                    }
                    div class="table-wrap" tabindex="0" role="region" aria-labelledby="ranking-caption" {
                        table class="ranking" {
                            caption id="ranking-caption" { (t.ranking_caption()) }
                            thead { tr {
                                th scope="col" aria-sort=[aria(Sort::Name)] { a href=(sorted(Sort::Name)) { (t.col_place()) } }
                                th scope="col" aria-sort=[aria(Sort::Value)] { a href=(sorted(Sort::Value)) { (map.year) } }
                                @if rates.is_some() {
                                    th scope="col" aria-sort=[aria(Sort::Rate)] { a href=(sorted(Sort::Rate)) { (t.per_100k_inline()) } }
                                }
                                th scope="col" aria-sort=[aria(Sort::Change)] { a href=(sorted(Sort::Change)) { (t.ranking_change()) " " (from) } }
                            } }
                            tbody {
                                @for (i, line) in lines.iter().enumerate() {
                                    tr data-place=(line.code) {
                                        th scope="row" { (i + 1) ". " a href={ "/place/" (line.code) "?lang=" (lang.as_str()) } { (line.name) } }
                                        td class="value" { (line.count.map_or_else(|| t.map_no_data().to_string(), |r| value_cell_in(r, lang))) }
                                        @if rates.is_some() {
                                            td class="value rate" { (line.rate.map(row_rate_cell).unwrap_or_default()) }
                                        }
                                        td class="value" { (line.change.map(|c| format!("{c:+.0} %")).unwrap_or_default()) }
                                    }
                                }
                            }
                        }
                    }
                    p class="source" { (figure.source) }
                    p { a href={ "/api/v1/export?" (series) "&chart=map&year=" (map.year) "&format=csv" } { (t.map_download()) " CSV" } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_without_their_accents_and_case() {
        let mut names = vec![
            "Zacatecas",
            "Ángel",
            "angola",
            "Aguascalientes",
            "Ñuble",
            "Nuevo León",
        ];
        names.sort_by(|a, b| name_order(a, b));
        assert_eq!(
            names,
            [
                "Aguascalientes",
                "Ángel",
                "angola",
                "Ñuble",
                "Nuevo León",
                "Zacatecas"
            ]
        );
    }
}
