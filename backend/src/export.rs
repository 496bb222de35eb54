//! Exports for analysts: one view's figures as CSV, JSON, XLSX, Parquet or
//! a Frictionless Data Package, and the whole dataset as a ZIP (a Data
//! Package too); each carries its citation, terms, caveats, the
//! suppression legend, the data version and the query.
//!
//! CSV and Parquet are written by DuckDB (`COPY … TO`) from an in-memory
//! database, XLSX by rust_xlsxwriter, the ZIP by the zip crate. Text cells
//! that a spreadsheet would run as a formula are neutralized.

use std::io::{Cursor, Write};
use std::path::Path;

use duckdb::{Connection, params};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Serialize;
use tipstats_shared::format::value_cell;
use tipstats_shared::{Catalog, SeriesResponse};

use crate::db;

/// The export formats of a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Json,
    Xlsx,
    Parquet,
    /// A ZIP of the view's CSV and its `datapackage.json`.
    Datapackage,
}

impl tipstats_shared::choice::Choice for ExportFormat {
    const ALL: &'static [ExportFormat] = &ExportFormat::ALL;

    fn word(self) -> &'static str {
        ExportFormat::word(self)
    }
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Csv,
        ExportFormat::Json,
        ExportFormat::Xlsx,
        ExportFormat::Parquet,
        ExportFormat::Datapackage,
    ];

    /// The word that names it in `format=`.
    pub fn word(self) -> &'static str {
        match self {
            ExportFormat::Datapackage => "datapackage",
            other => other.extension(),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Parquet => "parquet",
            ExportFormat::Datapackage => "zip",
        }
    }

    pub fn parse(text: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.word() == text)
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Json => "application/json",
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            ExportFormat::Parquet => "application/vnd.apache.parquet",
            ExportFormat::Datapackage => "application/zip",
        }
    }
}

/// How to read the figures: the same words in every export.
pub const SUPPRESSION_LEGEND: &str = "`value` is the sum of the published figures. A cell the publisher \
suppressed (UNODC's \"<5\", below CTDC's threshold of 11) adds nothing to `value`, 0 to `lower` and \
its largest possible count (4, or 10) to `upper`; `suppressed_cells` counts such cells. An empty \
`value` means every cell was suppressed: it is not zero. `value_shown` writes the figure as the \
dashboard does: \"<5\" for suppressed cells only, \"≥ 1,234\" for a sum with suppressed cells inside. \
`reporting_units` counts the reporters (countries, states, agencies…) behind each figure. `rate`, \
when asked for with per=100k, is the publisher's rate per 100,000 inhabitants.";

/// What travels with every export.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub citation: Vec<String>,
    pub terms: Vec<String>,
    pub source_urls: Vec<String>,
    pub notes: Vec<String>,
    pub suppression_legend: &'static str,
    pub data_version: String,
    pub query: String,
    pub url: String,
}

impl Metadata {
    pub fn new(response: &SeriesResponse, catalog: &Catalog, query: String, url: String) -> Self {
        let title = catalog
            .indicator(&response.indicator)
            .map_or_else(|| response.indicator.clone(), |i| i.name.clone());
        Metadata {
            title,
            citation: response
                .sources
                .iter()
                .map(|s| s.citation.clone())
                .collect(),
            terms: response.sources.iter().map(|s| s.terms.clone()).collect(),
            source_urls: response.sources.iter().map(|s| s.url.clone()).collect(),
            notes: response.notes.iter().map(|n| n.text.clone()).collect(),
            suppression_legend: SUPPRESSION_LEGEND,
            data_version: response.data_version.clone(),
            query,
            url,
        }
    }

    /// (name, value) pairs, lists joined by newlines: the XLSX "about"
    /// sheet, the CSV's comment lines and the Parquet file's metadata.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("title", self.title.clone()),
            ("citation", self.citation.join("\n")),
            ("terms", self.terms.join("\n")),
            ("source_urls", self.source_urls.join("\n")),
            ("notes", self.notes.join("\n")),
            ("suppression_legend", self.suppression_legend.to_string()),
            ("data_version", self.data_version.clone()),
            ("query", self.query.clone()),
            ("url", self.url.clone()),
        ]
    }
}

/// A text cell that a spreadsheet would take for a formula (it starts with
/// = + - @, a tab or a carriage return) gets a leading apostrophe.
pub fn neutralize(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One exported row, cells already as written.
struct Row {
    region: String,
    region_name: String,
    year: i32,
    month: Option<u8>,
    category: Option<String>,
    value: Option<i64>,
    value_shown: String,
    lower: Option<i64>,
    upper: Option<i64>,
    suppressed_cells: u32,
    reporting_units: u32,
    rate: Option<f64>,
}

/// The columns of a view's rows, in every tabular export.
pub const COLUMNS: [&str; 12] = [
    "region",
    "region_name",
    "year",
    "month",
    "category",
    "value",
    "value_shown",
    "lower",
    "upper",
    "suppressed_cells",
    "reporting_units",
    "rate",
];

fn rows(response: &SeriesResponse, catalog: &Catalog) -> Vec<Row> {
    response
        .rows
        .iter()
        .map(|r| Row {
            region: neutralize(&r.region),
            region_name: neutralize(catalog.region_name(&r.region)),
            year: r.year,
            month: r.month,
            category: r.category.as_deref().map(neutralize),
            value: r.value,
            value_shown: neutralize(&value_cell(r)),
            lower: r.lower,
            upper: r.upper,
            suppressed_cells: r.suppressed_cells,
            reporting_units: r.reporting_units,
            rate: r.rate,
        })
        .collect()
}

/// The view's figures in `format`.
pub fn view(
    format: ExportFormat,
    response: &SeriesResponse,
    catalog: &Catalog,
    metadata: &Metadata,
) -> Result<Vec<u8>, String> {
    match format {
        ExportFormat::Json => {
            #[derive(Serialize)]
            struct Document<'a> {
                metadata: &'a Metadata,
                series: &'a SeriesResponse,
            }
            serde_json::to_vec_pretty(&Document {
                metadata,
                series: response,
            })
            .map_err(|e| e.to_string())
        }
        ExportFormat::Xlsx => xlsx(&rows(response, catalog), metadata).map_err(|e| e.to_string()),
        ExportFormat::Csv => {
            let csv = duckdb_file(format, &rows(response, catalog), metadata)
                .map_err(|e| e.to_string())?;
            let mut out = csv_comments(metadata).into_bytes();
            out.extend(csv);
            Ok(out)
        }
        ExportFormat::Parquet => {
            duckdb_file(format, &rows(response, catalog), metadata).map_err(|e| e.to_string())
        }
        ExportFormat::Datapackage => {
            // The CSV without its comment lines: the descriptor carries them.
            let csv = duckdb_file(ExportFormat::Csv, &rows(response, catalog), metadata)
                .map_err(|e| e.to_string())?;
            let unit = catalog
                .indicator(&response.indicator)
                .map_or("", |i| i.unit.as_str());
            let name = format!(
                "tipstats-{}-{}-{}",
                response.indicator, response.from, response.to
            );
            let descriptor = crate::datapackage::view_package(metadata, &name, unit);
            zipped(&[
                (crate::datapackage::VIEW_CSV, csv),
                ("datapackage.json", pretty_json(&descriptor)?),
            ])
        }
    }
}

fn pretty_json(value: &serde_json::Value) -> Result<Vec<u8>, String> {
    serde_json::to_vec_pretty(value).map_err(|e| e.to_string())
}

/// A ZIP of `files` (name, bytes), deflated.
fn zipped<N: AsRef<str>>(files: &[(N, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_ref(), options)
            .map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())?;
    }
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

/// Writes the rows with DuckDB's own CSV or Parquet writer. The metadata
/// goes into the Parquet file's key–value metadata (a CSV's comment lines
/// are [`csv_comments`]).
fn duckdb_file(
    format: ExportFormat,
    rows: &[Row],
    metadata: &Metadata,
) -> Result<Vec<u8>, duckdb::Error> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(
        "CREATE TABLE export (region VARCHAR, region_name VARCHAR, year INTEGER, month INTEGER,
             category VARCHAR, value BIGINT, value_shown VARCHAR, lower BIGINT, upper BIGINT,
             suppressed_cells INTEGER, reporting_units INTEGER, rate DOUBLE)",
    )?;
    {
        let mut appender = conn.appender("export")?;
        for r in rows {
            appender.append_row(params![
                r.region,
                r.region_name,
                r.year,
                r.month,
                r.category,
                r.value,
                r.value_shown,
                r.lower,
                r.upper,
                r.suppressed_cells,
                r.reporting_units,
                r.rate
            ])?;
        }
    }
    let dir =
        tempfile::tempdir().map_err(|e| duckdb::Error::ToSqlConversionFailure(Box::new(e)))?;
    let path = dir.path().join(format!("export.{}", format.extension()));
    let options = match format {
        ExportFormat::Parquet => {
            let pairs: Vec<String> = metadata
                .pairs()
                .iter()
                .map(|(name, value)| format!("{name}: {}", db::sql_literal(value)))
                .collect();
            format!("FORMAT parquet, KV_METADATA {{{}}}", pairs.join(", "))
        }
        _ => "FORMAT csv, HEADER".to_string(),
    };
    db::copy_to(&conn, "SELECT * FROM export", &path, &options)?;
    std::fs::read(&path).map_err(|e| duckdb::Error::ToSqlConversionFailure(Box::new(e)))
}

/// The metadata as `# name: value` lines, one line per list item. Double
/// quotes become single ones: CSV readers that sniff the dialect (DuckDB's)
/// would otherwise take a comment's quotes for the file's quoting.
fn csv_comments(metadata: &Metadata) -> String {
    let mut out = String::new();
    for (name, value) in metadata.pairs() {
        for line in value.lines() {
            out.push_str(&format!("# {name}: {}\n", line.replace('"', "'")));
        }
    }
    out
}

fn xlsx(rows: &[Row], metadata: &Metadata) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name("figures")?;
    for (column, name) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *name, &bold)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, &r.region)?;
        sheet.write_string(row, 1, &r.region_name)?;
        sheet.write_number(row, 2, r.year)?;
        if let Some(month) = r.month {
            sheet.write_number(row, 3, month)?;
        }
        if let Some(category) = &r.category {
            sheet.write_string(row, 4, category)?;
        }
        let numbers = [
            (5, r.value.map(|v| v as f64)),
            (7, r.lower.map(|v| v as f64)),
            (8, r.upper.map(|v| v as f64)),
            (9, Some(f64::from(r.suppressed_cells))),
            (10, Some(f64::from(r.reporting_units))),
            (11, r.rate),
        ];
        for (column, number) in numbers {
            if let Some(number) = number {
                sheet.write_number(row, column, number)?;
            }
        }
        sheet.write_string(row, 6, &r.value_shown)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let about = workbook.add_worksheet();
    about.set_name("about")?;
    about.set_column_width(1, 120)?;
    for (i, (name, value)) in metadata.pairs().into_iter().enumerate() {
        about.write_string_with_format(i as u32, 0, name, &bold)?;
        about.write_string(i as u32, 1, neutralize(&value))?;
    }
    workbook.save_to_buffer()
}

/// The whole dataset: every normalized table as CSV (and the observations
/// also as Parquet), written by DuckDB from the served database, with a
/// README that says what each holds and how to cite it.
pub fn dataset_zip(conn: &Connection, catalog: &Catalog) -> Result<Vec<u8>, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (file, table, _) in db::DATA_FILES {
        let path = dir.path().join(file);
        db::export_csv(conn, table, &path).map_err(|e| e.to_string())?;
        files.push((file.to_string(), read(&path)?));
    }
    let parquet = dir.path().join("observations.parquet");
    db::copy_to(
        conn,
        "SELECT * FROM observations ORDER BY indicator_id, region_code, year, month, dimension, category, sex, age, seq",
        &parquet,
        "FORMAT parquet, COMPRESSION zstd",
    )
    .map_err(|e| e.to_string())?;
    files.push(("observations.parquet".into(), read(&parquet)?));

    files.insert(
        0,
        ("README.md".into(), dataset_readme(catalog).into_bytes()),
    );
    let descriptor = crate::datapackage::dataset_package(catalog);
    files.insert(1, ("datapackage.json".into(), pretty_json(&descriptor)?));
    zipped(&files)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn dataset_readme(catalog: &Catalog) -> String {
    let mut out = format!(
        "# tipstats: the whole dataset\n\nData version {}.\n\n\
         Public statistics on human trafficking and its context, normalized by tipstats from the \
         publishers' own files. Detected or recorded victims are not prevalence; border encounters \
         are migration-enforcement counts, not trafficking counts.\n\n\
         ## Files\n\n\
         - `datapackage.json`: a Frictionless Data Package descriptor of the CSV files: each column's type and meaning, the sources, their terms and how to cite them (read it with frictionless, R's `frictionless` or Open Data Editor).\n\
         - `sources.csv`: the publishers, how to cite them, their terms.\n\
         - `indicators.csv`: what each series measures, its unit, caveats (one per line), grain and scope.\n\
         - `regions.csv`: the geography (UN M49, ISO 3166-1 alpha-3, ISO 3166-2, Border Patrol sectors `BP-*`), each with its parent.\n\
         - `observations.csv` (and `observations.parquet`): one published cell each, at the indicator's grain; `value` is empty when the publisher suppressed the cell, and `value_text` is the figure as published.\n\
         - `rates.csv`: rates per 100,000 inhabitants as published, beside their counts.\n\
         - `population.csv`: inhabitants at mid-year by place and year, the denominators of rates, each place from one source (`source_id`: UN WPP 2022, CONAPO, US Census Bureau); `projected` marks a projection.\n\
         - `annotations.csv`: partial years, series breaks, large reporters entering or leaving, cells left out because they are not counts; `text` in English, `text_es` in Spanish.\n\n\
         Record-level sources (CTDC) are aggregated with a minimum cell of 11 and complementary \
         suppression before anything is stored: no file here holds a smaller group.\n\n\
         ## Reading the figures\n\n{SUPPRESSION_LEGEND}\n\n## Sources and how to cite them\n\n",
        catalog.data_version
    );
    for source in &catalog.sources {
        out.push_str(&format!(
            "### {}\n\n- Publisher: {}\n- Cite as: {}\n- Address: {}\n- Terms: {}\n- Indicators: {}\n\n",
            source.name,
            source.publisher,
            source.citation,
            source.url,
            source.terms,
            catalog
                .indicators
                .iter()
                .filter(|i| i.source == source.id)
                .map(|i| format!("`{}`", i.id))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralized_and_others_kept() {
        for (input, expected) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Mexico", "Mexico"),
            ("<5", "<5"),
            ("≥ 1,234", "≥ 1,234"),
            ("", ""),
        ] {
            assert_eq!(neutralize(input), expected, "{input:?}");
        }
    }

    #[test]
    fn formats_round_trip_through_their_names() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::parse(format.word()), Some(format));
        }
        assert_eq!(ExportFormat::parse("xls"), None);
    }
}
