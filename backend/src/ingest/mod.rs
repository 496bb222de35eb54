//! `tipstats ingest`: reads each publisher's file as found in the shared data
//! folder, validates it, normalizes it into the schema of [`crate::db`] in an
//! in-memory DuckDB, and writes the normalized tables to `data/` as CSV.
//!
//! Nothing in `data/` changes unless every source was read and checked: the
//! tables are written to a scratch folder inside `data/` first and moved into
//! place only at the end.

mod border;
mod breakdowns;
mod cbp;
mod ctdc;
mod fbi;
mod geography;
mod glotip;
mod hotline;
mod place_names;
mod population;
mod raw;
mod sesnsp;
mod sesnsp_context;
mod tip;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use duckdb::Connection;
use indicatif::{ProgressBar, ProgressStyle};
use tipstats_shared::Frequency;

use crate::{db, releases, store};

/// What was wrong with an input file, and where.
#[derive(Debug)]
pub struct IngestError {
    pub file: PathBuf,
    /// 1-based data row (the header is row 0).
    pub row: Option<u64>,
    pub column: Option<String>,
    pub reason: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column `{column}`")?;
        }
        write!(f, ": {}", self.reason)
    }
}

impl std::error::Error for IngestError {}

impl IngestError {
    pub(crate) fn file(file: &Path, reason: impl Into<String>) -> Self {
        IngestError {
            file: file.to_path_buf(),
            row: None,
            column: None,
            reason: reason.into(),
        }
    }

    /// A failure of the database itself while reading `file`, not a fault
    /// of the input.
    pub(crate) fn internal(file: &Path, error: duckdb::Error) -> Self {
        IngestError::file(file, format!("internal database error: {error}"))
    }

    /// A fault of a column as a whole, in no one row.
    pub(crate) fn in_column(file: &Path, column: &str, reason: impl Into<String>) -> Self {
        IngestError {
            column: Some(column.to_string()),
            ..IngestError::file(file, reason)
        }
    }

    pub(crate) fn at(file: &Path, row: u64, column: &str, reason: impl Into<String>) -> Self {
        IngestError {
            file: file.to_path_buf(),
            row: Some(row),
            column: Some(column.to_string()),
            reason: reason.into(),
        }
    }
}

/// A publisher's dataset as each source module describes it.
pub(crate) struct Source {
    pub id: &'static str,
    pub name: &'static str,
    pub publisher: &'static str,
    pub citation: &'static str,
    pub url: &'static str,
    pub terms: &'static str,
    /// The date of the copy read (ISO 8601).
    pub retrieved: &'static str,
}

/// A text of the catalog in English and in Spanish, written together by
/// whoever writes the English, so that neither goes out without the other.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Words<'a> {
    pub en: &'a str,
    pub es: &'a str,
}

pub(crate) const fn words<'a>(en: &'a str, es: &'a str) -> Words<'a> {
    Words { en, es }
}

/// One row of `indicators` (see `db::SCHEMA` for what each field means).
pub(crate) struct IndicatorRow<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub name: Words<'a>,
    pub unit: Words<'a>,
    pub description: Words<'a>,
    pub caveats: &'a [Words<'a>],
    pub frequency: Frequency,
    /// Empty when there are none.
    pub breakdowns: &'a [Words<'a>],
    pub grain: &'a str,
    pub scope: &'a str,
    pub reporters: &'a str,
    pub suppressed_max: i64,
    pub additive: bool,
    /// Whether a rate per 100,000 inhabitants means something: figures of
    /// places with inhabitants, counted whole for each place (not
    /// encounters at a border, not a state's few reporting agencies).
    pub per_capita: bool,
}

/// Adds an indicator with its words in both languages: caveats one a line,
/// breakdowns separated by ';'. A text empty in either language is refused,
/// naming the indicator and the field.
pub(crate) fn add_indicator(
    conn: &Connection,
    row: &IndicatorRow<'_>,
) -> Result<(), duckdb::Error> {
    let texts = [
        ("name", row.name),
        ("unit", row.unit),
        ("description", row.description),
    ];
    let listed = row.caveats.iter().map(|c| ("caveats", *c));
    let named = row.breakdowns.iter().map(|b| ("breakdowns", *b));
    if let Some((field, half)) = texts
        .into_iter()
        .chain(listed)
        .chain(named)
        .find(|(_, words)| words.es.trim().is_empty() || words.en.trim().is_empty())
    {
        return Err(duckdb::Error::ToSqlConversionFailure(
            format!(
                "indicator {}: a text of its {field} ({:?} / {:?}) is not written in both English and Spanish",
                row.id, half.en, half.es
            )
            .into(),
        ));
    }
    let join = |list: &[Words], separator: &str, spanish: bool| {
        let texts: Vec<&str> = list
            .iter()
            .map(|w| if spanish { w.es } else { w.en })
            .collect();
        texts.join(separator)
    };
    conn.execute(
        "INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        duckdb::params![
            row.id,
            row.source,
            row.name.en,
            row.unit.en,
            row.description.en,
            join(row.caveats, "\n", false),
            row.frequency.as_str(),
            join(row.breakdowns, ";", false),
            row.grain,
            row.scope,
            row.reporters,
            row.suppressed_max,
            row.additive,
            row.name.es,
            row.unit.es,
            row.description.es,
            join(row.caveats, "\n", true),
            join(row.breakdowns, ";", true),
            row.per_capita,
        ],
    )?;
    Ok(())
}

pub(crate) fn add_source(conn: &Connection, source: &Source) -> Result<(), duckdb::Error> {
    conn.execute(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
        duckdb::params![
            source.id,
            source.name,
            source.publisher,
            source.citation,
            source.url,
            source.terms,
            source.retrieved
        ],
    )?;
    Ok(())
}

/// How many rows each normalized table got.
#[derive(Debug, Default)]
pub struct Summary {
    pub tables: Vec<(String, u64)>,
}

/// The sources read after GLOTIP: (name for the progress bar, folder under
/// the source directory, ingest function).
type SourceStep = (
    &'static str,
    &'static str,
    fn(&Connection, &Path) -> Result<(), IngestError>,
);
const SOURCES: [SourceStep; 11] = [
    (
        "US National Human Trafficking Hotline",
        hotline::FOLDER,
        hotline::ingest,
    ),
    (
        "US Border Patrol encounters",
        border::FOLDER,
        border::ingest,
    ),
    ("CBP Southwest border encounters", cbp::FOLDER, cbp::ingest),
    ("CTDC (k = 11)", ctdc::FOLDER, ctdc::ingest),
    ("FBI UCR", fbi::FOLDER, fbi::ingest),
    ("Mexico SESNSP", sesnsp::FOLDER, sesnsp::ingest),
    (
        "Mexico SESNSP, context",
        sesnsp_context::FOLDER,
        sesnsp_context::ingest,
    ),
    ("US TIP Report", tip::FOLDER, tip::ingest),
    (
        "UN World Population Prospects",
        population::WPP_FOLDER,
        population::wpp,
    ),
    (
        "CONAPO population",
        population::CONAPO_FOLDER,
        population::conapo,
    ),
    (
        "US Census population",
        population::CENSUS_FOLDER,
        population::census,
    ),
];

/// Opens the in-memory database an ingest builds in: the schema, one thread
/// (which keeps the scan order, so row numbers match the file's rows).
fn open_scratch(source_dir: &Path) -> Result<Connection, IngestError> {
    let internal = |e| IngestError::internal(source_dir, e);
    let conn = Connection::open_in_memory().map_err(internal)?;
    conn.execute_batch("SET threads = 1;").map_err(internal)?;
    db::create_schema(&conn).map_err(internal)?;
    Ok(conn)
}

/// Reads GLOTIP first: it brings the countries the states and sectors hang
/// under.
fn ingest_glotip(conn: &Connection, source_dir: &Path) -> Result<(), IngestError> {
    glotip::ingest(conn, &source_dir.join(glotip::FOLDER))?;
    geography::add_states(conn).map_err(|e| IngestError::internal(source_dir, e))
}

/// Names the places in Spanish and checks that what the sources made holds
/// together as a whole.
fn check_whole(conn: &Connection, at: &Path) -> Result<(), IngestError> {
    place_names::write(conn)?;
    db::derive_region_members(conn).map_err(|e| IngestError::internal(at, e))?;
    db::check_normalized(conn)
        .map_err(|e| IngestError::file(at, format!("{WHOLE_CHECK_FAILED}: {e}")))
}

/// How the error of [`check_whole`] begins: the sources' own checks passed
/// what the whole refuses.
pub const WHOLE_CHECK_FAILED: &str = "normalized data inconsistent";

/// Reads one source folder at a time as [`run`] does, writing nothing: what
/// the ingest fuzz target drives, one replaced file after another.
///
/// GLOTIP's countries are read once; each later check of another folder runs
/// in a transaction that is rolled back, so every check starts from the same
/// database.
pub struct FolderChecker {
    conn: Connection,
    source_dir: PathBuf,
}

impl FolderChecker {
    /// Reads GLOTIP from `source_dir`, which must hold every source folder.
    pub fn new(source_dir: &Path) -> Result<Self, IngestError> {
        let conn = open_scratch(source_dir)?;
        ingest_glotip(&conn, source_dir)?;
        Ok(FolderChecker {
            conn,
            source_dir: source_dir.to_path_buf(),
        })
    }

    /// Reads `folder` (under the source directory) again, with every step
    /// that reads it, and checks the whole as [`run`] does.
    pub fn check(&self, folder: &str) -> Result<(), IngestError> {
        let at = self.source_dir.join(folder);
        if folder == glotip::FOLDER {
            // GLOTIP cannot be read twice into one database: a fresh one.
            let conn = open_scratch(&self.source_dir)?;
            ingest_glotip(&conn, &self.source_dir)?;
            return check_whole(&conn, &at);
        }
        let internal = |e| IngestError::internal(&at, e);
        self.conn
            .execute_batch("BEGIN TRANSACTION;")
            .map_err(internal)?;
        let checked = SOURCES
            .iter()
            .filter(|(_, step_folder, _)| *step_folder == folder)
            .try_for_each(|(_, _, ingest)| ingest(&self.conn, &at))
            .and_then(|()| check_whole(&self.conn, &at));
        self.conn.execute_batch("ROLLBACK;").map_err(internal)?;
        checked
    }
}

/// Reads every source under `source_dir` and replaces the normalized files in
/// `data_dir`.
pub fn run(
    source_dir: &Path,
    data_dir: &Path,
    show_progress: bool,
) -> Result<Summary, IngestError> {
    let progress = if show_progress {
        // GLOTIP, the other sources, the whole check, the writing.
        ProgressBar::new(SOURCES.len() as u64 + 3)
    } else {
        ProgressBar::hidden()
    };
    progress.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let conn = open_scratch(source_dir)?;
    progress.set_message("UNODC GLOTIP");
    ingest_glotip(&conn, source_dir)?;
    progress.inc(1);
    for (name, folder, ingest) in SOURCES {
        progress.set_message(name);
        ingest(&conn, &source_dir.join(folder))?;
        progress.inc(1);
    }

    progress.set_message("checking the whole");
    check_whole(&conn, data_dir)?;
    progress.inc(1);

    progress.set_message("writing data/");
    let summary = write_tables(&conn, data_dir)?;
    progress.inc(1);
    progress.finish_with_message("done");
    Ok(summary)
}

/// Writes every table to a scratch folder inside `data_dir`, then swaps the
/// whole set in (see [`crate::store::swap_in`]): a failure or a kill at any
/// point leaves `data/` with either the old set or the new one, never a mix.
fn write_tables(conn: &Connection, data_dir: &Path) -> Result<Summary, IngestError> {
    let io = |path: &Path, e: std::io::Error| IngestError::file(path, e.to_string());
    fs::create_dir_all(data_dir).map_err(|e| io(data_dir, e))?;
    let scratch = tempfile::Builder::new()
        .prefix(store::SCRATCH_PREFIX)
        .tempdir_in(data_dir)
        .map_err(|e| io(data_dir, e))?;
    let mut summary = Summary::default();
    for (file, table, _) in db::DATA_FILES {
        let path = scratch.path().join(file);
        let rows = db::export_csv(conn, table, &path)
            .map_err(|e| IngestError::file(&path, e.to_string()))?;
        summary.tables.push((table.to_string(), rows));
    }
    releases::record(conn, data_dir, scratch.path(), &releases::today()).map_err(|e| {
        IngestError::file(&scratch.path().join(releases::RELEASES_FILE), e.to_string())
    })?;
    store::swap_in(data_dir, scratch.path())
        .map_err(|e| IngestError::file(data_dir, e.to_string()))?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(caveats: &'a [Words<'a>]) -> IndicatorRow<'a> {
        IndicatorRow {
            id: "test.figures",
            source: "test",
            name: words("Figures", "Cifras"),
            unit: words("Counts", "Conteos"),
            description: words("Some figures.", "Unas cifras."),
            caveats,
            frequency: Frequency::CalendarYear,
            breakdowns: &[breakdowns::SEX],
            grain: "country",
            scope: "001",
            reporters: "countries",
            suppressed_max: 0,
            additive: true,
            per_capita: true,
        }
    }

    #[test]
    fn an_indicator_is_written_in_both_languages_or_refused_by_name() {
        let conn = Connection::open_in_memory().expect("database");
        db::create_schema(&conn).expect("schema");
        conn.execute_batch(
            "INSERT INTO sources VALUES ('test', 'Test', 'T', 'T', 'https://t.example', 'T', '2025-01-01')",
        )
        .expect("source");
        let both = [words("Not prevalence.", "No es la prevalencia.")];
        add_indicator(&conn, &row(&both)).expect("written in both");
        let (caveats_es, breakdowns_es): (String, String) = conn
            .query_row(
                "SELECT caveats_es, breakdowns_es FROM indicators",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("read back");
        assert_eq!(
            (caveats_es.as_str(), breakdowns_es.as_str()),
            ("No es la prevalencia.", "sexo")
        );
        let english_only = [words("Not prevalence.", " ")];
        let refused = add_indicator(&conn, &row(&english_only)).expect_err("half written");
        let message = refused.to_string();
        assert!(
            message.contains("test.figures") && message.contains("caveats"),
            "{message}"
        );
    }
}
