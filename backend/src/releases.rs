//! The record of data releases, `data/releases.json`: each ingest that
//! changes `data/` adds one release (its data version, the day, and per
//! source the indicators added or removed, the figures added, removed or
//! revised, with a few examples), and the file moves in with the other
//! files in the same swap. The server reads it once at start; it is not
//! part of the data version, which it names.

use std::fs;
use std::path::Path;

use duckdb::Connection;
use tipstats_shared::{Release, SourceChanges};

use crate::{db, store};

/// The record's name in `data/`.
pub const RELEASES_FILE: &str = "releases.json";

/// The releases recorded in `data_dir`, the newest first; none when the
/// record does not exist yet.
pub fn load(data_dir: &Path) -> anyhow::Result<Vec<Release>> {
    let path = data_dir.join(RELEASES_FILE);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => anyhow::bail!("cannot read {}: {e}", path.display()),
    };
    serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{} is not a list of releases: line {}, column {}: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })
}

/// Writes `scratch`'s record: `data_dir`'s, with a release in front when
/// the files written to `scratch` (from the tables in `conn`) are a new
/// data version, or when nothing was recorded yet. `today` is
/// `YYYY-MM-DD`.
pub fn record(
    conn: &Connection,
    data_dir: &Path,
    scratch: &Path,
    today: &str,
) -> anyhow::Result<()> {
    let mut releases = load(data_dir)?;
    let version = store::data_version(scratch)?;
    let before = store::data_version(data_dir).ok();
    let recorded = releases.first().map(|r| r.data_version.as_str());
    if recorded != Some(version.as_str()) {
        // Against the files in place, unless they are this very version
        // (the first record of the release already in place): then
        // everything in it is new to the record.
        let previous = before.filter(|b| *b != version);
        let sources = changes(conn, previous.as_ref().map(|_| data_dir))?;
        releases.insert(
            0,
            Release {
                data_version: version,
                date: today.to_string(),
                previous,
                sources,
            },
        );
    }
    let path = scratch.join(RELEASES_FILE);
    let mut text = serde_json::to_string_pretty(&releases)?;
    text.push('\n');
    fs::write(&path, text).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
}

/// The day in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

/// How many examples a source's changes carry, of each kind.
const EXAMPLES: i64 = 2;

/// Per source, what the tables in `conn` change from the files in
/// `before` (or from nothing).
fn changes(conn: &Connection, before: Option<&Path>) -> anyhow::Result<Vec<SourceChanges>> {
    load_before(conn, before)?;
    let mut by_source: Vec<SourceChanges> = Vec::new();
    let mut statement = conn.prepare(CHANGED_INDICATORS)?;
    let indicators = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
        ))
    })?;
    for row in indicators {
        let (source, indicator, added) = row?;
        let changes = of_source(&mut by_source, source);
        match added {
            true => changes.indicators_added.push(indicator),
            false => changes.indicators_removed.push(indicator),
        }
    }
    let mut statement = conn.prepare(CHANGED_FIGURES)?;
    let figures = statement.query_map([EXAMPLES], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in figures {
        let (source, change, count, examples) = row?;
        let changes = of_source(&mut by_source, source);
        let count = u64::try_from(count).unwrap_or(0);
        match change.as_str() {
            "added" => changes.rows_added = count,
            "removed" => changes.rows_removed = count,
            _ => changes.figures_revised = count,
        }
        let examples = examples.lines().filter(|l| !l.is_empty()).map(String::from);
        changes.examples.extend(examples);
    }
    by_source.sort_by(|a, b| a.source.cmp(&b.source));
    Ok(by_source)
}

/// `old_observations` and `old_indicators`: the files in `before`, or
/// empty tables.
fn load_before(conn: &Connection, before: Option<&Path>) -> anyhow::Result<()> {
    for (file, table, columns) in db::DATA_FILES {
        if !matches!(*table, "observations" | "indicators") {
            continue;
        }
        // Table names and column specs are constants of this program.
        let select = match before {
            Some(dir) => format!(
                "SELECT * FROM read_csv({}, header = true, nullstr = '', columns = {columns})",
                db::path_literal(&dir.join(file))
            ),
            None => format!("SELECT * FROM {table} LIMIT 0"),
        };
        conn.execute_batch(&format!(
            "CREATE OR REPLACE TEMP TABLE old_{table} AS {select};"
        ))?;
    }
    Ok(())
}

/// The changes of `source` in `list`, added empty when not there yet.
fn of_source(list: &mut Vec<SourceChanges>, source: String) -> &mut SourceChanges {
    let index = match list.iter().position(|s| s.source == source) {
        Some(index) => index,
        None => {
            list.push(SourceChanges {
                source,
                indicators_added: Vec::new(),
                indicators_removed: Vec::new(),
                rows_added: 0,
                rows_removed: 0,
                figures_revised: 0,
                examples: Vec::new(),
            });
            list.len() - 1
        }
    };
    &mut list[index]
}

/// (source, indicator, added) for each indicator new to the tables or
/// gone from them.
const CHANGED_INDICATORS: &str = "
    SELECT source_id, id, true FROM indicators WHERE id NOT IN (SELECT id FROM old_indicators)
    UNION ALL
    SELECT source_id, id, false FROM old_indicators WHERE id NOT IN (SELECT id FROM indicators)
    ORDER BY 1, 3 DESC, 2";

/// (source, change, count, examples one a line) for the figures added,
/// removed or revised (revisions first): a figure is its indicator,
/// place, period and breakdown cell; revised when its published text (a
/// number or "<5") differs. `$1` examples of each change.
const CHANGED_FIGURES: &str = "
    WITH changed AS (
        SELECT coalesce(n.indicator_id, o.indicator_id) AS indicator_id,
               concat_ws(' · ',
                   coalesce(n.indicator_id, o.indicator_id),
                   coalesce(n.region_code, o.region_code),
                   coalesce(n.year, o.year)::VARCHAR
                       || coalesce('-' || lpad(nullif(coalesce(n.month, o.month), 0)::VARCHAR, 2, '0'), ''),
                   nullif(concat_ws(', ',
                       nullif(coalesce(n.category, o.category), 'Total'),
                       nullif(coalesce(n.sex, o.sex), 'Total'),
                       nullif(coalesce(n.age, o.age), 'Total')), ''))
               || ': ' || coalesce(o.value_text, '—') || ' → ' || coalesce(n.value_text, '—')
                   AS example,
               CASE WHEN o.indicator_id IS NULL THEN 'added'
                    WHEN n.indicator_id IS NULL THEN 'removed'
                    ELSE 'revised' END AS change
        FROM observations n FULL OUTER JOIN old_observations o
          ON n.indicator_id = o.indicator_id AND n.region_code = o.region_code
         AND n.year = o.year AND n.month IS NOT DISTINCT FROM o.month
         AND n.dimension IS NOT DISTINCT FROM o.dimension
         AND n.category IS NOT DISTINCT FROM o.category
         AND n.sex IS NOT DISTINCT FROM o.sex AND n.age IS NOT DISTINCT FROM o.age
         AND n.seq IS NOT DISTINCT FROM o.seq
        WHERE o.indicator_id IS NULL OR n.indicator_id IS NULL
           OR n.value_text IS DISTINCT FROM o.value_text
    ),
    sourced AS (
        SELECT coalesce(i.source_id, oi.source_id) AS source_id, change, example,
               row_number() OVER (
                   PARTITION BY coalesce(i.source_id, oi.source_id), change
                   ORDER BY example) AS nth
        FROM changed c
        LEFT JOIN indicators i ON i.id = c.indicator_id
        LEFT JOIN old_indicators oi ON oi.id = c.indicator_id
    )
    SELECT source_id, change, count(*) AS figures,
           coalesce(string_agg(example, chr(10) ORDER BY example) FILTER (WHERE nth <= $1), '')
    FROM sourced
    GROUP BY source_id, change
    ORDER BY 1, CASE change WHEN 'revised' THEN 0 WHEN 'added' THEN 1 ELSE 2 END, 2";
