//! `/api/v1/cite`: a view's citation as plain text, BibTeX, RIS or
//! CSL-JSON, the formats reference managers (Zotero, Mendeley, EndNote) and
//! LaTeX read. Each names the publishers as authors, tipstats as the
//! publisher of the compilation, the view's address, the data version with
//! its release (and the release's address) and the day it was accessed.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use tipstats_shared::SeriesResponse;
use tipstats_shared::figure::Figure;
use tipstats_shared::lang::Lang;
use tipstats_shared::query::{BadParameter, Params, ViewQuery, choice_param, query_pairs};
use tipstats_shared::words::words;
use utoipa::IntoParams;

use super::AppState;
use super::error::ApiError;
use super::exports::attachment;
use super::figures::{base_url, series_response};
use super::releases::release_link;

/// A citation's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CiteFormat {
    Text,
    Bibtex,
    Ris,
    Csl,
}

impl tipstats_shared::choice::Choice for CiteFormat {
    const ALL: &'static [CiteFormat] = &[
        CiteFormat::Text,
        CiteFormat::Bibtex,
        CiteFormat::Ris,
        CiteFormat::Csl,
    ];

    fn word(self) -> &'static str {
        match self {
            CiteFormat::Text => "text",
            CiteFormat::Bibtex => "bibtex",
            CiteFormat::Ris => "ris",
            CiteFormat::Csl => "csl",
        }
    }
}

impl CiteFormat {
    fn content_type(self) -> &'static str {
        match self {
            CiteFormat::Text => "text/plain; charset=utf-8",
            CiteFormat::Bibtex => "application/x-bibtex; charset=utf-8",
            CiteFormat::Ris => "application/x-research-info-systems; charset=utf-8",
            CiteFormat::Csl => "application/vnd.citationstyles.csl+json",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            CiteFormat::Text => "txt",
            CiteFormat::Bibtex => "bib",
            CiteFormat::Ris => "ris",
            CiteFormat::Csl => "json",
        }
    }
}

/// The format of a citation.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CiteParams {
    /// `text` (default), `bibtex`, `ris` or `csl` (CSL-JSON).
    pub format: Option<CiteFormat>,
}

impl Params for CiteParams {
    const NAMES: &'static [&'static str] = &["format"];

    fn set(&mut self, _: &'static str, value: &str) -> Result<(), BadParameter> {
        self.format = Some(choice_param::<CiteFormat>("format", value)?);
        Ok(())
    }
}

/// What a citation says, whatever its format.
pub(super) struct Citation {
    /// The view's title and subtitle.
    title: String,
    /// The publishers of the figures: the authors.
    publishers: Vec<String>,
    /// The publishers' own citations of their datasets.
    sources: Vec<String>,
    /// The view's address.
    url: String,
    data_version: String,
    /// The day its release was recorded (`YYYY-MM-DD`), and its address.
    release: Option<(String, String)>,
    /// The day of access, `YYYY-MM-DD`.
    accessed: String,
    /// The key a `.bib` file knows it by.
    key: String,
    lang: Lang,
}

/// A view's citation, as a file to save.
///
/// Takes the parameters of a view (as `/embed` does) and the format. The
/// citation names the publishers, tipstats, the view's address, the data
/// version and its release, and today as the day of access.
#[utoipa::path(get, path = "/api/v1/cite", tag = "exports",
    params(tipstats_shared::query::SeriesParams, tipstats_shared::query::ViewParams, CiteParams),
    responses(
        (status = 200, description = "The citation, as an attachment"),
        (status = 400, description = "A parameter is wrong", body = tipstats_shared::Problem,
         content_type = "application/problem+json")))]
pub(super) async fn cite(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let (cite, view) = CiteParams::split(query_pairs(query.as_deref().unwrap_or(""))?);
    let format = CiteParams::from_pairs(&cite)?
        .format
        .unwrap_or(CiteFormat::Text);
    let view = ViewQuery::from_pairs(view, &state.catalog)?;
    let base = base_url(&state, &headers);
    let response = series_response(&state, view.series.clone()).await?;
    let url = format!("{base}/?{}", view.to_query_string());
    let citation = Citation::of(&state, &response, url, &base, view.lang);
    let body = match format {
        CiteFormat::Text => citation.text(),
        CiteFormat::Bibtex => citation.bibtex(),
        CiteFormat::Ris => citation.ris(),
        CiteFormat::Csl => citation.csl_json(),
    };
    let filename = format!("{}.{}", citation.key, format.extension());
    Ok(attachment(format.content_type(), &filename, body))
}

impl Citation {
    /// The citation of the figures in `response`, as shown at `url` on the
    /// site at `base`, in `lang`.
    pub(super) fn of(
        state: &AppState,
        response: &SeriesResponse,
        url: String,
        base: &str,
        lang: Lang,
    ) -> Citation {
        let figure = Figure::from_series(response, &state.catalog, lang);
        let version = state.catalog.data_version.clone();
        let release = state
            .releases
            .iter()
            .find(|r| r.data_version == version)
            .map(|r| (r.date.clone(), release_link(base, &version)));
        Citation {
            title: format!("{} ({})", figure.title, figure.subtitle),
            publishers: response
                .sources
                .iter()
                .map(|s| s.publisher.clone())
                .collect(),
            sources: response
                .sources
                .iter()
                .map(|s| s.citation.clone())
                .collect(),
            url,
            key: format!(
                "tipstats-{}-{version}",
                response.indicator.replace('.', "-")
            ),
            data_version: version,
            release,
            accessed: crate::releases::today(),
            lang,
        }
    }

    /// Where the release of the cited data version is described, if recorded.
    pub(super) fn release_url(&self) -> Option<&str> {
        self.release.as_ref().map(|(_, url)| url.as_str())
    }

    /// "Data version X, released D (address)" in the citation's language.
    fn version_note(&self) -> String {
        let t = words(self.lang);
        match &self.release {
            Some((date, url)) => format!(
                "{} {}, {} {date} ({url})",
                t.cite_version(),
                self.data_version,
                t.cite_released()
            ),
            None => format!("{} {}", t.cite_version(), self.data_version),
        }
    }

    /// The citation to paste: publishers. Title [data set]. Compiled by
    /// tipstats from the sources. Data version, release. Address.
    /// Accessed day.
    pub(super) fn text(&self) -> String {
        let t = words(self.lang);
        format!(
            "{}. {} {}. {} {}. {}. {}. {} {}.\n",
            self.publishers.join("; "),
            self.title,
            t.cite_dataset(),
            t.cite_compiled(),
            self.sources.join("; "),
            self.version_note(),
            self.url,
            t.cite_accessed(),
            self.accessed
        )
    }

    /// A BibTeX `@misc` entry (the type biblatex and BibTeX both know),
    /// publishers as corporate authors in double braces.
    fn bibtex(&self) -> String {
        let authors: Vec<String> = self
            .publishers
            .iter()
            .map(|p| format!("{{{}}}", bibtex_escaped(p)))
            .collect();
        let note = format!(
            "{} {}. {}",
            words(self.lang).cite_compiled(),
            self.sources.join("; "),
            self.version_note()
        );
        let year = self.release.as_ref().map_or(&self.accessed, |r| &r.0);
        let fields = [
            ("author", format!("{{{}}}", authors.join(" and "))),
            ("title", format!("{{{{{}}}}}", bibtex_escaped(&self.title))),
            ("howpublished", "{tipstats}".to_string()),
            ("year", format!("{{{}}}", &year[..4.min(year.len())])),
            ("version", format!("{{{}}}", self.data_version)),
            ("url", format!("{{{}}}", self.url.replace(['{', '}'], ""))),
            ("urldate", format!("{{{}}}", self.accessed)),
            ("note", format!("{{{}}}", bibtex_escaped(&note))),
        ];
        let body: Vec<String> = fields
            .iter()
            .map(|(name, value)| format!("  {name:<12} = {value}"))
            .collect();
        format!("@misc{{{},\n{}\n}}\n", self.key, body.join(",\n"))
    }

    /// A RIS record of type DATA: tag, two spaces, hyphen, space, value;
    /// one line a value.
    fn ris(&self) -> String {
        let slashed = |date: &str| date.replace('-', "/");
        let mut lines = vec![("TY", "DATA".to_string())];
        lines.extend(self.publishers.iter().map(|p| ("AU", p.clone())));
        lines.push(("TI", self.title.clone()));
        lines.push(("PB", "tipstats".to_string()));
        if let Some((date, _)) = &self.release {
            lines.push(("PY", date[..4.min(date.len())].to_string()));
            lines.push(("DA", slashed(date)));
        }
        lines.push(("ET", self.data_version.clone()));
        lines.push(("UR", self.url.clone()));
        lines.push(("Y2", slashed(&self.accessed)));
        for source in &self.sources {
            lines.push(("N1", source.clone()));
        }
        lines.push(("N1", self.version_note()));
        lines.push(("ER", String::new()));
        let lines: Vec<String> = lines
            .into_iter()
            .map(|(tag, value)| format!("{tag}  - {}", value.replace(['\r', '\n'], " ")))
            .collect();
        lines.join("\r\n") + "\r\n"
    }

    /// A CSL-JSON list of one `dataset` item, as citeproc and Zotero read.
    fn csl_json(&self) -> String {
        let parts = |date: &str| -> serde_json::Value {
            let numbers: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
            serde_json::json!({ "date-parts": [numbers] })
        };
        let mut item = serde_json::json!({
            "id": self.key,
            "type": "dataset",
            "title": self.title,
            "author": self.publishers.iter().map(|p| serde_json::json!({ "literal": p })).collect::<Vec<_>>(),
            "publisher": "tipstats",
            "URL": self.url,
            "version": self.data_version,
            "accessed": parts(&self.accessed),
            "source": self.sources.join("; "),
            "note": self.version_note(),
            "language": self.lang.as_str(),
        });
        if let Some((date, _)) = &self.release {
            item["issued"] = parts(date);
        }
        serde_json::to_string_pretty(&[item]).unwrap_or_default() + "\n"
    }
}

/// Text for a BibTeX field in braces: LaTeX's special characters
/// escaped, so that a title or a publisher's name cannot break the entry
/// or set markup.
fn bibtex_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_specials_cannot_break_a_field() {
        assert_eq!(
            bibtex_escaped(r"50% & {more} \ #1 _x ~y ^z"),
            r"50\% \& \{more\} \textbackslash{} \#1 \_x \textasciitilde{}y \textasciicircum{}z"
        );
    }
}
