//! Frictionless Data Package descriptors (`datapackage.json`, Data Package
//! and Table Schema v1): a view's export as a package of one CSV, and the
//! whole dataset's tables. Each field has its type and what it means (the
//! bounds and suppressed cells among them), the package its sources with
//! their terms as licences, the citation and the data version, so that any
//! tool that reads Data Packages (frictionless, R's `frictionless`,
//! Open Data Editor) loads and checks the files without reading a README.

use serde_json::{Value, json};
use tipstats_shared::Catalog;

use crate::db;
use crate::export::{COLUMNS, Metadata, SUPPRESSION_LEGEND};

/// The name of the view's CSV inside its package.
pub const VIEW_CSV: &str = "figures.csv";

/// Empty cells are missing values: DuckDB writes a NULL so. (An empty
/// `value` is a suppressed figure, not zero: `suppressed_cells` says so.)
const MISSING: [&str; 1] = [""];

/// What a view's columns mean, by name: (type, description).
fn view_field(name: &str, unit: &str) -> (&'static str, String) {
    let (kind, text) = match name {
        "region" => (
            "string",
            "The place's code: ISO 3166-1 alpha-3 for a country, ISO 3166-2 for a Mexican or US state, UN M49 for a region, BP-* for a Border Patrol sector.",
        ),
        "region_name" => ("string", "The place's name in English."),
        "year" => (
            "integer",
            "The publisher's year: a calendar year, the US fiscal year (October to September, named by the year it ends in) or the TIP Report's year, as the indicator's frequency says.",
        ),
        "month" => (
            "integer",
            "The calendar month (1-12) of a monthly figure; empty for a yearly one.",
        ),
        "category" => (
            "string",
            "The category of the breakdown asked for (sex, age, citizenship…); empty without a breakdown.",
        ),
        "value" => (
            "integer",
            "The sum of the published figures. Empty when every cell inside was suppressed: that is not zero.",
        ),
        "value_shown" => (
            "string",
            "The figure as the dashboard writes it: \"<5\" for suppressed cells only, \"≥ n\" for a sum with suppressed cells inside.",
        ),
        "lower" => (
            "integer",
            "The least the true sum can be when suppressed cells are inside it (each adds 0); empty otherwise.",
        ),
        "upper" => (
            "integer",
            "The most the true sum can be when suppressed cells are inside it (each adds its largest possible count: 4 for \"<5\", 10 below CTDC's threshold of 11); empty otherwise.",
        ),
        "suppressed_cells" => (
            "integer",
            "How many of the cells inside the figure the publisher suppressed.",
        ),
        "reporting_units" => (
            "integer",
            "How many reporters (countries, states, agencies…) stand behind the figure: a total is only as good as the units that reported.",
        ),
        "rate" => (
            "number",
            "With per=100k: the figure per 100,000 inhabitants (the publisher's, or computed from the population of the places that reported).",
        ),
        _ => ("string", ""),
    };
    let text = match name {
        "value" | "lower" | "upper" if !unit.is_empty() => format!("{text} Unit: {unit}."),
        _ => text.to_string(),
    };
    (kind, text)
}

/// The descriptor of a view's package: one resource, the view's figures.
pub fn view_package(metadata: &Metadata, name: &str, unit: &str) -> Value {
    let fields: Vec<Value> = COLUMNS
        .iter()
        .map(|column| {
            let (kind, description) = view_field(column, unit);
            let mut field = json!({ "name": column, "type": kind, "description": description });
            match *column {
                "value" | "lower" | "upper" if !unit.is_empty() => field["unit"] = json!(unit),
                "rate" => field["unit"] = json!("per 100,000 inhabitants"),
                _ => {}
            }
            field
        })
        .collect();
    json!({
        "profile": "tabular-data-package",
        "name": package_name(name),
        "title": metadata.title,
        "description": format!("{}\n\n{}", metadata.notes.join("\n"), SUPPRESSION_LEGEND),
        "homepage": metadata.url,
        "version": metadata.data_version,
        "sources": sources(&metadata.citation, &metadata.source_urls),
        "licenses": licences(&metadata.terms, &metadata.source_urls),
        "citation": metadata.citation,
        "tipstats": { "query": metadata.query, "data_version": metadata.data_version },
        "resources": [{
            "profile": "tabular-data-resource",
            "name": "figures",
            "path": VIEW_CSV,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": { "fields": fields, "missingValues": MISSING },
        }],
    })
}

/// The descriptor of the whole dataset: one resource a table of `data/`,
/// its fields typed as the database loads them.
pub fn dataset_package(catalog: &Catalog) -> Value {
    let resources: Vec<Value> = db::DATA_FILES
        .iter()
        .map(|(file, table, columns)| {
            let fields: Vec<Value> = column_types(columns)
                .into_iter()
                .map(|(name, kind)| {
                    let mut field = json!({ "name": name, "type": kind });
                    if let Some(text) = dataset_field(table, name) {
                        field["description"] = json!(text);
                    }
                    field
                })
                .collect();
            let mut schema = json!({ "fields": fields, "missingValues": MISSING });
            if let Some(key) = primary_key(table) {
                schema["primaryKey"] = json!(key);
            }
            json!({
                "profile": "tabular-data-resource",
                "name": table,
                "path": file,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            })
        })
        .collect();
    let citations: Vec<String> = catalog.sources.iter().map(|s| s.citation.clone()).collect();
    let urls: Vec<String> = catalog.sources.iter().map(|s| s.url.clone()).collect();
    let terms: Vec<String> = catalog.sources.iter().map(|s| s.terms.clone()).collect();
    json!({
        "profile": "tabular-data-package",
        "name": package_name(&format!("tipstats-dataset-{}", catalog.data_version)),
        "title": "tipstats: public statistics on human trafficking, with their sources and limits",
        "description": format!(
            "Detected or recorded victims are not prevalence; border encounters are migration-enforcement counts, not trafficking counts. {SUPPRESSION_LEGEND}"
        ),
        "version": catalog.data_version,
        "sources": sources(&citations, &urls),
        "licenses": licences(&terms, &urls),
        "citation": citations,
        "resources": resources,
    })
}

/// A package name as the spec allows: lower case, digits, `-`, `_`, `.`.
fn package_name(name: &str) -> String {
    name.chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-' | '_' | '.') => c,
            _ => '-',
        })
        .collect()
}

fn sources(citations: &[String], urls: &[String]) -> Vec<Value> {
    citations
        .iter()
        .zip(urls)
        .map(|(title, path)| json!({ "title": title, "path": path }))
        .collect()
}

/// Each source's terms, as a licence whose page is the source's: the
/// publishers' terms are not named licences, so each is its own words.
fn licences(terms: &[String], urls: &[String]) -> Vec<Value> {
    terms
        .iter()
        .zip(urls)
        .map(|(title, path)| json!({ "title": title, "path": path }))
        .collect()
}

/// (column, Table Schema type) of a `db::DATA_FILES` column spec
/// (`{'id':'VARCHAR', …}`).
fn column_types(spec: &str) -> Vec<(&str, &'static str)> {
    spec.trim_matches(|c| c == '{' || c == '}')
        .split(',')
        .filter_map(|pair| {
            let (name, kind) = pair.split_once(':')?;
            let kind = match kind.trim_matches('\'') {
                "INTEGER" | "BIGINT" | "SMALLINT" => "integer",
                "DOUBLE" | "FLOAT" => "number",
                "BOOLEAN" => "boolean",
                "DATE" => "date",
                _ => "string",
            };
            Some((name.trim_matches('\''), kind))
        })
        .collect()
}

fn primary_key(table: &str) -> Option<&'static str> {
    match table {
        "sources" | "indicators" => Some("id"),
        "regions" => Some("code"),
        _ => None,
    }
}

/// What the dataset's less obvious columns mean.
fn dataset_field(table: &str, column: &str) -> Option<&'static str> {
    Some(match (table, column) {
        ("observations", "value") => {
            "The published figure; empty when the publisher suppressed the cell (see suppressed): not zero."
        }
        ("observations", "value_text") => "The figure as published, \"<5\" for a suppressed cell.",
        ("observations", "suppressed") => {
            "Whether the publisher suppressed the cell (UNODC's \"<5\", CTDC's cells under 11)."
        }
        ("observations", "units") => "How many reporters stand behind the figure.",
        ("observations", "dimension") => "The breakdown the row belongs to (\"Total\" for none).",
        ("observations", "seq") => "Tells apart rows a publisher gives for the same cell.",
        ("observations", "month") => "The calendar month of a monthly figure; 0 for a yearly one.",
        ("indicators", "caveats") => {
            "What the figures are not, one caveat a line: read before quoting them."
        }
        ("indicators", "per_capita") => {
            "Whether the figures count a place's inhabitants, so that rates per 100,000 can be computed from population."
        }
        ("rates", "per_100k") => "The publisher's rate per 100,000 inhabitants.",
        ("population", "projected") => {
            "Whether the figure is a projection rather than an estimate."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_specs_become_typed_fields() {
        assert_eq!(
            column_types(
                "{'id':'VARCHAR','year':'INTEGER','rate':'DOUBLE','ok':'BOOLEAN','day':'DATE'}"
            ),
            [
                ("id", "string"),
                ("year", "integer"),
                ("rate", "number"),
                ("ok", "boolean"),
                ("day", "date")
            ]
        );
        assert_eq!(
            package_name("tipstats-glotip.victims-MEX 2020"),
            "tipstats-glotip.victims-mex-2020"
        );
    }
}
