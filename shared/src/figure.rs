//! The words around a chart wherever it travels (an embed, an image, a
//! social card, a citation): its title, what and where it shows, the source
//! line and the notes, in English or Spanish. The figures' own names
//! (indicators, places, caveats) come from the catalog in either language
//! (`Indicator::es`, `Region::es`, written by the ingest).

use crate::lang::Lang;
use crate::words::words;

use crate::format::thousands_in;
use crate::query::{Panel, Period};
use crate::{Catalog, MapResponse, NoteKind, SeriesResponse};

/// The text of a chart, ready to lay out.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub title: String,
    /// Places, years and how the figures are cut.
    pub subtitle: String,
    /// "Source: …" with the publisher's citation and the data version.
    pub source: String,
    /// Caveats, annotations and coverage warnings, most important first.
    pub notes: Vec<String>,
    /// One sentence on the trend, for screen readers and card descriptions.
    pub summary: String,
    /// The label of the link back to the full view.
    pub view_full: &'static str,
    /// Ends "+ 3 …" when an image has no room for every note.
    pub more_notes: &'static str,
}

impl Figure {
    pub fn from_series(response: &SeriesResponse, catalog: &Catalog, lang: Lang) -> Figure {
        let words = words(lang);
        let indicator = catalog.indicator(&response.indicator);
        let title =
            indicator.map_or_else(|| response.indicator.clone(), |i| i.name_in(lang).into());
        let places: Vec<&str> = response
            .regions
            .iter()
            .map(|code| catalog.region_name_in(code, lang))
            .collect();
        let mut subtitle = vec![places.join(", "), years(response.from, response.to)];
        if let Some(by) = &response.by {
            let by = indicator.map_or(by.as_str(), |i| i.breakdown_in(by, lang));
            subtitle.push(format!("{} {by}", words.by()));
        }
        if response.per.is_some() {
            subtitle.push(words.per_100k_inline().to_string());
        }
        if response.period == Period::Month {
            subtitle.push(words.monthly().to_string());
        }
        if response.panel == Panel::Consistent {
            subtitle.push(words.consistent_panel().to_string());
        }
        let citations: Vec<&str> = response
            .sources
            .iter()
            .map(|s| s.citation.as_str())
            .collect();
        let short_version: String = response.data_version.chars().take(12).collect();
        let source = format!(
            "{}: {}. tipstats {} {short_version}.",
            words.source(),
            citations.join("; "),
            words.data_version()
        );
        // The indicator's first caveat says what the figures are not
        // ("detected victims are not prevalence") and always comes first;
        // then what is particular to these figures (annotations, coverage);
        // then the other standing caveats.
        // A note about one year carries the number of its marker on the chart.
        let (numbers, _) = crate::chart::numbered_notes(&response.notes);
        let text = |(index, n): (usize, &crate::Note)| {
            let number = numbers
                .iter()
                .find(|(i, _)| *i == index)
                .map(|(_, number)| format!("({number}) "))
                .unwrap_or_default();
            let words = match (n.kind, indicator, lang, &n.es) {
                (NoteKind::Caveat, Some(indicator), _, _) => indicator.caveat_in(&n.text, lang),
                (_, _, Lang::Es, Some(es)) => es,
                _ => &n.text,
            };
            match n.year {
                Some(year) if !words.contains(&year.to_string()) => {
                    format!("{number}{year}: {words}")
                }
                _ => format!("{number}{words}"),
            }
        };
        let indexed = || response.notes.iter().enumerate();
        let caveats = indexed().filter(|(_, n)| n.kind == NoteKind::Caveat);
        let mut notes: Vec<String> = caveats
            .clone()
            .take(1)
            .chain(indexed().filter(|(_, n)| n.kind != NoteKind::Caveat))
            .chain(caveats.skip(1))
            .map(text)
            .collect();
        notes.dedup();
        Figure {
            summary: summary(response, catalog, &title, lang),
            title,
            subtitle: subtitle.join(" · "),
            source,
            notes,
            view_full: words.view_full(),
            more_notes: words.more_notes(),
        }
    }

    /// The figure of a map: the series' title, source and notes (those of
    /// the map's year and those of no year), the place level and the year
    /// as the subtitle, and the map's own summary. With `areas` (the
    /// border map's states filled by another indicator, which the legend
    /// and the summary name), its source joins the source line and its
    /// caveat comes second.
    pub fn from_map(
        map: &MapResponse,
        areas: Option<&SeriesResponse>,
        catalog: &Catalog,
        lang: Lang,
        year: i32,
        summary: String,
    ) -> Figure {
        let of_year = |figures: &SeriesResponse| {
            let mut figures = figures.clone();
            figures.notes.retain(|n| n.year.is_none_or(|y| y == year));
            figures.regions.clear();
            Figure::from_series(&figures, catalog, lang)
        };
        // One source line names both publishers.
        let mut figures = map.figures.clone();
        figures
            .sources
            .extend(areas.iter().flat_map(|a| a.sources.iter().cloned()));
        let mut figure = of_year(&figures);
        let t = words(lang);
        let level = reporters_in(map.level.plural(), lang);
        let scope = catalog
            .indicator(&map.figures.indicator)
            .map_or("", |i| catalog.region_name_in(&i.scope, lang));
        let mut subtitle = format!("{scope}, {level} · {year}");
        if map.figures.per.is_some() {
            subtitle = format!("{subtitle} · {}", t.per_100k_inline());
        }
        if let Some(caveat) = areas.and_then(|a| of_year(a).notes.into_iter().next()) {
            figure.notes.insert(figure.notes.len().min(1), caveat);
        }
        figure.subtitle = subtitle;
        figure.summary = summary;
        figure
    }

    /// The figure with the embedding site's title and subtitle, the source
    /// line saying whose words they are; the source, notes and summary
    /// stay as they are.
    pub fn tailored(mut self, tailored: &crate::query::Tailored, lang: Lang) -> Figure {
        if let Some(title) = &tailored.title {
            self.title = title.clone();
        }
        if let Some(subtitle) = &tailored.subtitle {
            self.subtitle = subtitle.clone();
        }
        if tailored.rewords() {
            self.source = format!("{} {}", self.source, words(lang).tailored_wording());
        }
        self
    }

    /// Citation text for the figure as found at `url`.
    pub fn citation(&self, url: &str, lang: Lang) -> String {
        format!(
            "{} ({}). {} {}: {url}",
            self.title,
            self.subtitle,
            self.source,
            words(lang).retrieved_from()
        )
    }
}

/// The HTML a newsroom pastes to embed a view: the iframe, and a listener
/// that sets its height from the height the embed posts. `origin` is the
/// tipstats site's, so that no other frame can resize it.
pub fn embed_snippet(embed_url: &str, origin: &str) -> String {
    format!(
        r#"<iframe src="{embed_url}" width="100%" height="520" style="border:0" title="tipstats chart" loading="lazy" data-tipstats></iframe>
<script>
window.addEventListener("message", function (e) {{
  if (e.origin !== "{origin}" || !e.data || e.data.type !== "tipstats:height") return;
  document.querySelectorAll("iframe[data-tipstats]").forEach(function (f) {{
    if (f.contentWindow === e.source) f.height = e.data.height;
  }});
}});
</script>"#
    )
}

fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// First and last figure of each place (of each category of each place
/// when the figures are broken down), in one sentence.
fn summary(response: &SeriesResponse, catalog: &Catalog, title: &str, lang: Lang) -> String {
    let drawn = crate::few_lines::drawn_lines(response, lang);
    // The chart's lines: each place's total, or each of its categories
    // (in the rows' order) when the figures are broken down.
    let mut lines: Vec<(&str, Option<&str>)> = Vec::new();
    for code in &response.regions {
        for row in drawn.iter() {
            let line = (code.as_str(), row.category.as_deref());
            if &row.region == code
                && row.category.is_some() == response.by.is_some()
                && !lines.contains(&line)
            {
                lines.push(line);
            }
        }
    }
    let parts: Vec<String> = lines
        .into_iter()
        .filter_map(|(code, category)| {
            let mut rows = drawn.iter().filter(|r| {
                r.region == code && r.category.as_deref() == category && r.plotted().is_some()
            });
            let first = rows.next()?;
            let last = rows.next_back().unwrap_or(first);
            let shown = |r: &crate::SeriesRow| match (r.rate, r.value) {
                (Some(rate), _) => format!("{rate:.2}"),
                (None, Some(v)) => thousands_in(v, lang),
                (None, None) => crate::format::value_cell_in(r, lang),
            };
            let name = catalog.region_name_in(code, lang);
            let line = category.map_or_else(
                || name.to_string(),
                |c| format!("{name}, {}", category_in(c, lang)),
            );
            Some(format!(
                "{line} {} ({}) → {} ({})",
                shown(first),
                first.year,
                shown(last),
                last.year
            ))
        })
        .collect();
    if parts.is_empty() {
        format!("{title}: {}.", words(lang).no_figures())
    } else {
        format!("{title}: {}.", parts.join("; "))
    }
}

/// Who reports `indicator`'s figures, in the reader's language (empty for
/// an indicator the catalog lacks).
pub fn reporters_of<'a>(catalog: &'a Catalog, indicator: &str, lang: Lang) -> &'a str {
    catalog
        .indicator(indicator)
        .map_or("", |i| reporters_in(&i.reporters, lang))
}

/// The catalog's word for who reports an indicator's figures (`countries`,
/// `states`, …) in the reader's language (see `words::published_in`).
pub fn reporters_in(unit: &str, lang: Lang) -> &str {
    crate::words::published_in(unit, lang)
}

/// A breakdown category (`Female`, `Forced labour`…) in `lang` (see
/// `words::published_in`).
pub fn category_in(category: &str, lang: Lang) -> &str {
    crate::words::published_in(category, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Note, SeriesRow, Source};

    fn response() -> SeriesResponse {
        let row = |region: &str, year, value| SeriesRow {
            region: region.into(),
            year,
            month: None,
            category: None,
            value: Some(value),
            reporting_units: 1,
            suppressed_cells: 0,
            lower: None,
            upper: None,
            rate: None,
            rate_lower: None,
            rate_upper: None,
        };
        SeriesResponse {
            data_version: "0123456789abcdef".into(),
            indicator: "glotip.victims".into(),
            regions: vec!["USA".into()],
            from: 2010,
            to: 2022,
            by: None,
            panel: Panel::All,
            period: Period::Year,
            per: None,
            rows: vec![row("USA", 2010, 100), row("USA", 2022, 16390)],
            sources: vec![Source {
                id: "unodc".into(),
                name: "GLOTIP".into(),
                publisher: "UNODC".into(),
                citation: "UNODC, Global Report on Trafficking in Persons".into(),
                url: "https://www.unodc.org".into(),
                terms: "cite".into(),
            }],
            notes: vec![
                Note {
                    kind: NoteKind::Caveat,
                    text: "Detected victims are not prevalence.".into(),
                    region: None,
                    year: None,
                    es: None,
                },
                Note {
                    kind: NoteKind::ReporterLeaves,
                    text: "The United Kingdom has no total.".into(),
                    region: None,
                    year: Some(2022),
                    es: None,
                },
            ],
        }
    }

    #[test]
    fn figure_names_source_version_and_puts_the_first_caveat_first() {
        let figure = Figure::from_series(&response(), &Catalog::default(), Lang::En);
        assert_eq!(figure.title, "glotip.victims");
        assert_eq!(figure.subtitle, "USA · 2010–2022");
        assert_eq!(
            figure.source,
            "Source: UNODC, Global Report on Trafficking in Persons. tipstats data version 0123456789ab."
        );
        assert_eq!(
            figure.notes,
            vec![
                "Detected victims are not prevalence.",
                "(1) 2022: The United Kingdom has no total."
            ]
        );
        assert_eq!(
            figure.summary,
            "glotip.victims: USA 100 (2010) → 16,390 (2022)."
        );
    }

    #[test]
    fn a_breakdown_is_summed_up_category_by_category() {
        let mut response = response();
        response.by = Some("sex".into());
        for (row, category) in response.rows.iter_mut().zip(["Female", "Female"]) {
            row.category = Some(category.into());
        }
        let mut male = response.rows[1].clone();
        male.category = Some("Male".into());
        male.value = Some(7000);
        response.rows.push(male);
        let figure = Figure::from_series(&response, &Catalog::default(), Lang::En);
        assert_eq!(
            figure.summary,
            "glotip.victims: USA, Female 100 (2010) → 16,390 (2022); USA, Male 7,000 (2022) → 7,000 (2022)."
        );
    }

    #[test]
    fn spanish_frames_the_same_figures() {
        let mut response = response();
        response.per = Some(crate::query::Per::HundredThousand);
        response.rows.clear();
        let figure = Figure::from_series(&response, &Catalog::default(), Lang::Es);
        assert!(figure.source.starts_with("Fuente: UNODC"));
        assert!(figure.subtitle.ends_with("por cada 100 000 habitantes"));
        assert!(figure.summary.contains("no hay cifras"));
        assert_eq!(Lang::parse("es"), Some(Lang::Es));
        assert_eq!(Lang::parse("fr"), None);
    }
}
