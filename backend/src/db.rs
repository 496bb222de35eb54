//! Every SQL statement tipstats runs, in one place.
//!
//! Values from outside are always bound as parameters. The one exception is
//! file paths given to DuckDB's readers and writers, which cannot be bound;
//! they come from the command line, never from HTTP, and are quoted by
//! [`path_literal`].

use std::path::Path;

use duckdb::{Connection, params};

use tipstats_shared::{Indicator, IndicatorWords, Note, Region, SeriesRow, Source};

use tipstats_shared::choice::Choice;
use tipstats_shared::query::{Panel, Period, SeriesQuery};

/// The tables of the served database. `region_members` is derived at build
/// time: every (ancestor, country) pair, including each country with itself,
/// so that any region's figure is one join and one `GROUP BY` away.
const SCHEMA: &str = r#"
CREATE TABLE sources (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, publisher VARCHAR NOT NULL,
    citation VARCHAR NOT NULL, url VARCHAR NOT NULL, terms VARCHAR NOT NULL,
    retrieved DATE NOT NULL
);
CREATE TABLE indicators (
    id VARCHAR PRIMARY KEY, source_id VARCHAR NOT NULL REFERENCES sources (id),
    name VARCHAR NOT NULL, unit VARCHAR NOT NULL, description VARCHAR NOT NULL,
    caveats VARCHAR NOT NULL, frequency VARCHAR NOT NULL,
    -- ';'-separated; empty (NULL in the CSV files) when there are none
    breakdowns VARCHAR,
    -- the region level the publisher reports at; every observation of the
    -- indicator is at a region of this level (checked by check_normalized)
    grain VARCHAR NOT NULL,
    -- the largest region the figures cover: nothing is served above it
    scope VARCHAR NOT NULL,
    -- what a figure's units are: countries, states, agencies…
    reporters VARCHAR NOT NULL,
    -- the largest count a suppressed cell can hide: 4 for UNODC's "<5",
    -- 10 for CTDC's threshold of 11, 0 where nothing is suppressed
    suppressed_max INTEGER NOT NULL CHECK (suppressed_max >= 0),
    -- false for figures that cannot be summed (a tier placement): they are
    -- served only for places at the grain
    additive BOOLEAN NOT NULL,
    -- the words above in Spanish, written by the ingest beside the English
    -- (caveats one a line and breakdowns ';'-separated, in the same order)
    name_es VARCHAR NOT NULL, unit_es VARCHAR NOT NULL, description_es VARCHAR NOT NULL,
    caveats_es VARCHAR NOT NULL, breakdowns_es VARCHAR,
    -- whether a rate per 100,000 inhabitants means something (places with
    -- inhabitants, each counted whole): computed from `population` where
    -- the publisher prints none
    per_capita BOOLEAN NOT NULL
);
CREATE TABLE regions (
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, level VARCHAR NOT NULL,
    -- checked by check_normalized: every chain of parents reaches the world
    parent VARCHAR,
    -- the Spanish name where it differs from `name` (UN M49's, Spanish
    -- exonyms of US states, sectors); NULL where the two are the same
    name_es VARCHAR
);
CREATE TABLE observations (
    indicator_id VARCHAR NOT NULL REFERENCES indicators (id),
    region_code VARCHAR NOT NULL REFERENCES regions (code),
    year INTEGER NOT NULL,
    -- 1–12 for monthly figures, 0 for a figure of the whole year
    month INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
    dimension VARCHAR NOT NULL, category VARCHAR NOT NULL,
    sex VARCHAR NOT NULL, age VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    value BIGINT CHECK (value >= 0),
    suppressed BOOLEAN NOT NULL,
    value_text VARCHAR NOT NULL,
    -- how many reporters (countries, agencies…) the figure sums
    units INTEGER NOT NULL CHECK (units >= 1),
    CHECK (suppressed = (value IS NULL))
);
-- Facts about the figures that a reader needs beside them: a partial year, a
-- series break, a large reporter entering or leaving. Empty indicator, place
-- or year means "all of them".
-- Rates per 100,000 inhabitants as the publisher prints them, beside the
-- count each was computed from. Never summed: served only for the places
-- they are published for (SESNSP: Mexico and each state).
CREATE TABLE rates (
    indicator_id VARCHAR NOT NULL REFERENCES indicators (id),
    region_code VARCHAR NOT NULL REFERENCES regions (code),
    year INTEGER NOT NULL,
    -- 'Total', or 'Female'/'Male': the victims of that sex per 100,000
    -- inhabitants of either sex, so that the parts add up to the total
    sex VARCHAR NOT NULL,
    value BIGINT NOT NULL CHECK (value >= 0),
    per_100k DOUBLE NOT NULL CHECK (per_100k >= 0),
    PRIMARY KEY (indicator_id, region_code, year, sex)
);
-- Inhabitants at mid-year (1 July), the denominator of every computed rate:
-- one source per place (UN WPP 2022 for countries, CONAPO for Mexico and its
-- states, the US Census Bureau for US states).
CREATE TABLE population (
    region_code VARCHAR NOT NULL REFERENCES regions (code),
    year INTEGER NOT NULL,
    population BIGINT NOT NULL CHECK (population > 0),
    source_id VARCHAR NOT NULL REFERENCES sources (id),
    -- a projection (WPP's medium variant from 2022, CONAPO's from 2020),
    -- not an estimate
    projected BOOLEAN NOT NULL,
    PRIMARY KEY (region_code, year)
);
CREATE TABLE annotations (
    source_id VARCHAR NOT NULL REFERENCES sources (id),
    indicator_id VARCHAR REFERENCES indicators (id),
    region_code VARCHAR REFERENCES regions (code),
    year INTEGER,
    kind VARCHAR NOT NULL CHECK (kind IN ('partial-year', 'series-break', 'reporter-enters', 'reporter-leaves', 'left-out')),
    text VARCHAR NOT NULL,
    -- the same in Spanish
    text_es VARCHAR NOT NULL
);
"#;

/// Files under `data/`, the table each fills, and its column types.
pub const DATA_FILES: &[(&str, &str, &str)] = &[
    (
        "sources.csv",
        "sources",
        "{'id':'VARCHAR','name':'VARCHAR','publisher':'VARCHAR','citation':'VARCHAR','url':'VARCHAR','terms':'VARCHAR','retrieved':'DATE'}",
    ),
    (
        "indicators.csv",
        "indicators",
        "{'id':'VARCHAR','source_id':'VARCHAR','name':'VARCHAR','unit':'VARCHAR','description':'VARCHAR','caveats':'VARCHAR','frequency':'VARCHAR','breakdowns':'VARCHAR','grain':'VARCHAR','scope':'VARCHAR','reporters':'VARCHAR','suppressed_max':'INTEGER','additive':'BOOLEAN','name_es':'VARCHAR','unit_es':'VARCHAR','description_es':'VARCHAR','caveats_es':'VARCHAR','breakdowns_es':'VARCHAR','per_capita':'BOOLEAN'}",
    ),
    (
        "regions.csv",
        "regions",
        "{'code':'VARCHAR','name':'VARCHAR','level':'VARCHAR','parent':'VARCHAR','name_es':'VARCHAR'}",
    ),
    (
        "observations.csv",
        "observations",
        "{'indicator_id':'VARCHAR','region_code':'VARCHAR','year':'INTEGER','month':'INTEGER','dimension':'VARCHAR','category':'VARCHAR','sex':'VARCHAR','age':'VARCHAR','seq':'INTEGER','value':'BIGINT','suppressed':'BOOLEAN','value_text':'VARCHAR','units':'INTEGER'}",
    ),
    (
        "rates.csv",
        "rates",
        "{'indicator_id':'VARCHAR','region_code':'VARCHAR','year':'INTEGER','sex':'VARCHAR','value':'BIGINT','per_100k':'DOUBLE'}",
    ),
    (
        "population.csv",
        "population",
        "{'region_code':'VARCHAR','year':'INTEGER','population':'BIGINT','source_id':'VARCHAR','projected':'BOOLEAN'}",
    ),
    (
        "annotations.csv",
        "annotations",
        "{'source_id':'VARCHAR','indicator_id':'VARCHAR','region_code':'VARCHAR','year':'INTEGER','kind':'VARCHAR','text':'VARCHAR','text_es':'VARCHAR'}",
    ),
];

/// Creates the normalized tables in an empty database.
pub fn create_schema(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(SCHEMA)
}

/// Creates the schema in an empty database and loads every file of `data/`.
pub fn build(conn: &Connection, data_dir: &Path) -> Result<(), duckdb::Error> {
    create_schema(conn)?;
    for (file, table, columns) in DATA_FILES {
        load_csv(conn, &data_dir.join(file), table, columns)?;
    }
    derive_region_members(conn)?;
    derive_region_totals(conn)?;
    conn.execute_batch("CHECKPOINT;")
}

/// Bumped whenever the served database's tables change without `data/`
/// changing, so that a database file of the old layout is not reused.
pub const SCHEMA_VERSION: u32 = 3;

/// The yearly totals of every indicator for every region, summed once when
/// the database is built: a query of totals then reads its answer's rows
/// only, however many observations there are. Built as [`series`] sums
/// (per place and year first, then over the places under each region).
pub fn derive_region_totals(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(
        "CREATE OR REPLACE TABLE region_totals AS
         WITH places AS (
             SELECT indicator_id, region_code, year,
                    sum(value) FILTER (WHERE NOT suppressed) AS known,
                    max(units) AS units,
                    count(*) FILTER (WHERE suppressed) AS suppressed_cells
             FROM observations
             WHERE dimension = 'Total' AND category = 'Total' AND sex = 'Total' AND age = 'Total'
             GROUP BY ALL
         )
         SELECT p.indicator_id, m.ancestor AS region_code, p.year,
                sum(p.known) AS known, sum(p.units) AS units,
                sum(p.suppressed_cells) AS suppressed_cells
         FROM places p JOIN region_members m ON m.member = p.region_code
         GROUP BY ALL
         ORDER BY 1, 2, 3;",
    )
}

/// Derives `region_members` from the region hierarchy.
pub fn derive_region_members(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(
        r#"
        CREATE OR REPLACE TABLE region_members AS
        WITH RECURSIVE up (ancestor, member) AS (
            SELECT code, code FROM regions
            UNION ALL
            SELECT r.parent, up.member FROM up JOIN regions r ON r.code = up.ancestor
            WHERE r.parent IS NOT NULL
        )
        SELECT ancestor, member FROM up ORDER BY ancestor, member;
        "#,
    )
}

/// Appends a CSV file to `table` with DuckDB's own reader: strict types and
/// quoting, so a malformed file fails with DuckDB's line-precise message.
fn load_csv(
    conn: &Connection,
    path: &Path,
    table: &str,
    columns: &str,
) -> Result<(), duckdb::Error> {
    // Observations are stored by indicator, breakdown cell and year, so
    // that DuckDB's zone maps let a query of a few years skip the rest.
    let order = if table == "observations" {
        " ORDER BY indicator_id, dimension, category, sex, age, year, region_code, month, seq"
    } else {
        ""
    };
    // Table names and column specs are constants of this module.
    let sql = format!(
        "INSERT INTO {table} SELECT * FROM read_csv({}, header = true, strict_mode = true, \
         nullstr = '', columns = {columns}){order}",
        path_literal(path)
    );
    conn.execute(&sql, [])?;
    Ok(())
}

/// A file path as an SQL string literal. DuckDB cannot bind the file of
/// `read_csv` or `COPY ... TO` as a parameter, so paths (which come from the
/// command line or from this program, never from HTTP) are quoted here, the
/// one place that does it: quotes doubled, so no path can end the literal.
pub fn path_literal(path: &Path) -> String {
    sql_literal(&path.to_string_lossy())
}

/// Text as an SQL string literal, quotes doubled: for what DuckDB cannot
/// bind as a parameter (file paths, a Parquet file's key–value metadata).
pub fn sql_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Writes the result of `select` (a query of this program's) to `path`
/// with DuckDB's writer for the `options` given (`FORMAT parquet`…).
pub fn copy_to(
    conn: &Connection,
    select: &str,
    path: &Path,
    options: &str,
) -> Result<u64, duckdb::Error> {
    let sql = format!("COPY ({select}) TO {} ({options})", path_literal(path));
    Ok(conn.execute(&sql, [])? as u64)
}

/// Writes a table to CSV with DuckDB's writer, rows in key order so that the
/// committed files diff cleanly. Returns the number of rows written.
pub fn export_csv(conn: &Connection, table: &str, path: &Path) -> Result<u64, duckdb::Error> {
    let order = match table {
        "observations" => {
            "indicator_id, region_code, year, month, dimension, category, sex, age, seq"
        }
        "regions" => "level, code",
        "rates" => "indicator_id, region_code, year, sex",
        "population" => "region_code, year",
        "annotations" => {
            "source_id, indicator_id NULLS FIRST, region_code NULLS FIRST, year, kind, text"
        }
        _ => "id",
    };
    copy_to(
        conn,
        &format!("SELECT * FROM {table} ORDER BY {order}"),
        path,
        "HEADER, DELIMITER ','",
    )
}

/// Checks what the table constraints cannot: every figure of an indicator is
/// at the level the indicator is published at (so sums never count a place
/// twice), and every region's parent chain reaches the world.
pub fn check_normalized(conn: &Connection) -> Result<(), String> {
    let count = |sql: &str| -> Result<i64, String> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| e.to_string())
    };
    let misplaced = count(
        "SELECT count(*) FROM observations o
         JOIN indicators i ON i.id = o.indicator_id
         JOIN regions r ON r.code = o.region_code
         WHERE r.level <> i.grain",
    )?;
    if misplaced > 0 {
        return Err(format!(
            "{misplaced} observations are at a region level other than their indicator's grain"
        ));
    }
    let misplaced_rates = count(
        "SELECT count(*) FROM rates t
         JOIN indicators i ON i.id = t.indicator_id
         JOIN regions r ON r.code = t.region_code
         WHERE r.code <> i.scope AND r.level <> i.grain",
    )?;
    if misplaced_rates > 0 {
        return Err(format!(
            "{misplaced_rates} rates are for a place other than their indicator's scope or a place at its grain"
        ));
    }
    let unscoped = count(
        "SELECT count(*) FROM indicators i
         WHERE i.scope NOT IN (SELECT code FROM regions)
            OR EXISTS (SELECT 1 FROM observations o
                       WHERE o.indicator_id = i.id AND o.region_code NOT IN
                             (SELECT member FROM region_members WHERE ancestor = i.scope))",
    )?;
    if unscoped > 0 {
        return Err(format!(
            "{unscoped} indicators have an unknown scope or figures outside it"
        ));
    }
    let orphans = count(
        "WITH RECURSIVE up (code, ancestor, depth) AS (
             SELECT code, parent, 0 FROM regions
             UNION ALL
             SELECT up.code, r.parent, up.depth + 1 FROM up JOIN regions r ON r.code = up.ancestor
             WHERE up.ancestor IS NOT NULL AND up.depth < 10
         )
         SELECT count(*) FROM regions r
         WHERE r.code <> '001' AND NOT EXISTS (SELECT 1 FROM up WHERE up.code = r.code AND up.ancestor = '001')",
    )?;
    if orphans > 0 {
        return Err(format!(
            "{orphans} regions do not reach the world (001) through their parents"
        ));
    }
    Ok(())
}

pub fn sources(conn: &Connection) -> Result<Vec<Source>, duckdb::Error> {
    let mut stmt =
        conn.prepare("SELECT id, name, publisher, citation, url, terms FROM sources ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Source {
            id: r.get(0)?,
            name: r.get(1)?,
            publisher: r.get(2)?,
            citation: r.get(3)?,
            url: r.get(4)?,
            terms: r.get(5)?,
        })
    })?;
    rows.collect()
}

/// A place's mid-year population, as its one source gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Population {
    pub year: i32,
    pub population: i64,
    pub source_id: String,
    /// A projection (WPP's medium variant), not an estimate.
    pub projected: bool,
}

/// `code`'s population in the latest year up to `year` that has one.
pub fn population_of(
    conn: &Connection,
    code: &str,
    year: i32,
) -> Result<Option<Population>, duckdb::Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT year, population, source_id, projected FROM population
         WHERE region_code = ? AND year <= ? ORDER BY year DESC LIMIT 1",
    )?;
    let mut rows = stmt.query_map(params![code, year], |r| {
        Ok(Population {
            year: r.get(0)?,
            population: r.get(1)?,
            source_id: r.get(2)?,
            projected: r.get(3)?,
        })
    })?;
    rows.next().transpose()
}

/// Indicators with the years their totals span, computed from the data
/// (breakdown rows may reach further back than any total).
pub fn indicators(conn: &Connection) -> Result<Vec<Indicator>, duckdb::Error> {
    let mut stmt = conn.prepare(
        "SELECT i.id, i.name, i.unit, i.source_id, i.description, i.caveats, coalesce(i.breakdowns, ''),
                min(o.year), max(o.year), i.frequency, i.grain, i.scope, i.reporters, i.additive,
                EXISTS (SELECT 1 FROM rates r WHERE r.indicator_id = i.id),
                i.name_es, i.unit_es, i.description_es, i.caveats_es, coalesce(i.breakdowns_es, ''),
                i.per_capita
         FROM indicators i JOIN observations o ON o.indicator_id = i.id
         WHERE o.dimension = 'Total' AND o.category = 'Total'
           AND o.sex = 'Total' AND o.age = 'Total'
         GROUP BY ALL ORDER BY i.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let caveats: String = r.get(5)?;
        let breakdowns: String = r.get(6)?;
        let caveats_es: String = r.get(18)?;
        let breakdowns_es: String = r.get(19)?;
        Ok(Indicator {
            id: r.get(0)?,
            name: r.get(1)?,
            unit: r.get(2)?,
            source: r.get(3)?,
            description: r.get(4)?,
            caveats: split_list(&caveats, '\n'),
            first_year: r.get(7)?,
            last_year: r.get(8)?,
            breakdowns: split_list(&breakdowns, ';'),
            frequency: choice_column(r, 9)?,
            grain: choice_column(r, 10)?,
            scope: r.get(11)?,
            reporters: r.get(12)?,
            additive: r.get(13)?,
            // Published rates where the publisher prints them; else
            // computed from the population, where they mean something.
            per_100k: r.get::<_, bool>(14)? || r.get::<_, bool>(20)?,
            rates_computed: !r.get::<_, bool>(14)? && r.get::<_, bool>(20)?,
            es: Some(IndicatorWords {
                name: r.get(15)?,
                unit: r.get(16)?,
                description: r.get(17)?,
                caveats: split_list(&caveats_es, '\n'),
                breakdowns: split_list(&breakdowns_es, ';'),
            }),
        })
    })?;
    rows.collect()
}

fn split_list(text: &str, separator: char) -> Vec<String> {
    text.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// A column that holds one of a [`Choice`]'s words (a region level, a
/// frequency, a note's kind).
fn choice_column<T: Choice>(row: &duckdb::Row<'_>, column: usize) -> Result<T, duckdb::Error> {
    let word: String = row.get(column)?;
    T::ALL
        .iter()
        .copied()
        .find(|value| value.word() == word)
        .ok_or_else(|| {
            let words: Vec<&str> = T::ALL.iter().map(|v| v.word()).collect();
            duckdb::Error::FromSqlConversionFailure(
                column,
                duckdb::types::Type::Text,
                format!("{word:?} is not one of {}", words.join(", ")).into(),
            )
        })
}

/// Regions from the top of the hierarchy down, each level sorted by name.
pub fn regions(conn: &Connection) -> Result<Vec<Region>, duckdb::Error> {
    let mut stmt = conn.prepare(
        "SELECT code, name, level, parent, name_es FROM regions
         ORDER BY CASE level WHEN 'world' THEN 0 WHEN 'region' THEN 1 WHEN 'subregion' THEN 2
                             WHEN 'country' THEN 3 WHEN 'state' THEN 4 ELSE 5 END, name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Region {
            code: r.get(0)?,
            name: r.get(1)?,
            level: choice_column(r, 2)?,
            parent: r.get(3)?,
            es: r.get(4)?,
        })
    })?;
    rows.collect()
}

/// The region × year figures of one indicator, summed from the rows at the
/// indicator's grain (countries, states…) under each asked-for region: the
/// totals, or with `by` one figure per category of that breakdown.
///
/// A breakdown by X is the rows where X is not "Total" and every other
/// dimension is. A suppressed cell ("<5") contributes nothing to `value`, 0
/// to `lower` and the indicator's `suppressed_max` (4 for "<5") to `upper`.
/// `reporting_units` sums the reporters (countries, agencies…) behind each
/// place's figure for the year, monthly rows counting once. With the consistent panel, only places with a total in
/// every year of the range count. By month, one row per month: `year`
/// stays the publisher's year (a fiscal year for fiscal-year sources) and
/// `month` is the calendar month.
pub fn series(conn: &Connection, query: &SeriesQuery) -> Result<Vec<SeriesRow>, duckdb::Error> {
    // Yearly totals of all reporters are summed already.
    let consistent = query.panel == Panel::Consistent;
    let monthly = query.period == Period::Month;
    if query.by.is_none() && !monthly && !consistent {
        return region_totals(conn, query);
    }
    series_from_observations(conn, query)
}

/// [`series`] of yearly totals, read from `region_totals` as Arrow
/// columns and sorted here: a map's 41,406 figures (every country in 201
/// years) took 44 ms read row by row and sorted by DuckDB (bench/scale).
fn region_totals(conn: &Connection, query: &SeriesQuery) -> Result<Vec<SeriesRow>, duckdb::Error> {
    use duckdb::arrow::array::{Array, Int32Array, Int64Array, StringArray};
    let mut stmt = conn.prepare_cached(
        "SELECT t.region_code, t.year, CAST(t.known AS BIGINT), CAST(t.units AS BIGINT),
                CAST(t.suppressed_cells AS BIGINT), CAST(i.suppressed_max AS BIGINT)
         FROM region_totals t JOIN indicators i ON i.id = t.indicator_id
         WHERE t.indicator_id = ? AND t.year BETWEEN ? AND ?
           AND list_contains(string_split(?, ','), t.region_code)",
    )?;
    let batches = stmt.query_arrow(params![
        query.indicator,
        query.from,
        query.to,
        query.regions.join(",")
    ])?;
    let unexpected = |column: usize| {
        duckdb::Error::InvalidColumnType(column, "region_totals".into(), duckdb::types::Type::Any)
    };
    let mut rows = Vec::new();
    for batch in batches {
        let column = |i: usize| batch.column(i).as_any();
        let regions = column(0)
            .downcast_ref::<StringArray>()
            .ok_or_else(|| unexpected(0))?;
        let years = column(1)
            .downcast_ref::<Int32Array>()
            .ok_or_else(|| unexpected(1))?;
        let numbers = |i: usize| {
            column(i)
                .downcast_ref::<Int64Array>()
                .ok_or_else(|| unexpected(i))
        };
        let (known, units, suppressed, most) = (numbers(2)?, numbers(3)?, numbers(4)?, numbers(5)?);
        for at in 0..batch.num_rows() {
            rows.push(series_row_of(
                (regions.value(at).to_string(), years.value(at), None, None),
                (!known.is_null(at)).then(|| known.value(at)),
                (units.value(at), suppressed.value(at), most.value(at)),
            ));
        }
    }
    rows.sort_unstable_by(|a, b| (&a.region, a.year).cmp(&(&b.region, b.year)));
    Ok(rows)
}

/// [`series`] summed from the observations themselves: every breakdown,
/// period and panel.
pub fn series_from_observations(
    conn: &Connection,
    query: &SeriesQuery,
) -> Result<Vec<SeriesRow>, duckdb::Error> {
    // The breakdown picks one of four constant filters, so that the scan
    // sees plain comparisons it can push down to DuckDB's zone maps (the
    // table is stored by indicator, cell and year). No request text enters
    // the SQL: `$7` (bound only for a breakdown of a named dimension) is a
    // value like every other.
    let (category, cells) = match query.by.as_deref() {
        // Typed: duckdb-rs cannot read an untyped NULL column.
        None => (
            "CAST(NULL AS VARCHAR)",
            "o.dimension = 'Total' AND o.category = 'Total' AND o.sex = 'Total' AND o.age = 'Total'",
        ),
        Some("sex") => (
            "o.sex",
            "o.dimension = 'Total' AND o.category = 'Total' AND o.sex <> 'Total' AND o.age = 'Total'",
        ),
        Some("age") => (
            "o.age",
            "o.dimension = 'Total' AND o.category = 'Total' AND o.sex = 'Total' AND o.age <> 'Total'",
        ),
        Some(_) => (
            "o.category",
            "o.dimension = 'by ' || $7 AND o.sex = 'Total' AND o.age = 'Total'",
        ),
    };
    let sql = format!(
        "WITH wanted AS (
             SELECT DISTINCT member FROM region_members
             WHERE list_contains(string_split($6, ','), ancestor)
         ),
         panel AS (
             SELECT o.region_code FROM observations o
             WHERE $4 AND o.indicator_id = $1 AND o.year BETWEEN $2 AND $3
               AND o.dimension = 'Total' AND o.category = 'Total'
               AND o.sex = 'Total' AND o.age = 'Total'
             GROUP BY o.region_code
             HAVING count(DISTINCT o.year) = $3 - $2 + 1
         ),
         places AS (
             SELECT o.region_code, o.year, CASE WHEN $5 THEN o.month END AS month,
                    -- a fiscal year runs October to September
                    CASE WHEN $5 THEN o.month - CASE WHEN o.month >= 10
                         AND i.frequency = 'fiscal year' THEN 12 ELSE 0 END END AS month_order,
                    {category} AS category,
                    sum(o.value) FILTER (WHERE NOT o.suppressed) AS known,
                    max(o.units) AS units,
                    count(*) FILTER (WHERE o.suppressed) AS suppressed_cells
             FROM observations o JOIN indicators i ON i.id = o.indicator_id
             WHERE o.indicator_id = $1 AND o.year BETWEEN $2 AND $3
               AND {cells}
               AND o.region_code IN (SELECT member FROM wanted)
               AND (NOT $4 OR o.region_code IN (SELECT region_code FROM panel))
             GROUP BY ALL
         )
         SELECT m.ancestor, p.year, p.month, p.category,
                sum(p.known), sum(p.units), sum(p.suppressed_cells),
                (SELECT suppressed_max FROM indicators WHERE id = $1)
         FROM places p
         JOIN region_members m ON m.member = p.region_code
         WHERE list_contains(string_split($6, ','), m.ancestor)
         GROUP BY ALL
         ORDER BY m.ancestor, p.year, min(p.month_order), p.category"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let regions = query.regions.join(",");
    let consistent = query.panel == Panel::Consistent;
    let monthly = query.period == Period::Month;
    let mut values: Vec<&dyn duckdb::ToSql> = vec![
        &query.indicator,
        &query.from,
        &query.to,
        &consistent,
        &monthly,
        &regions,
    ];
    if let Some(by) = query
        .by
        .as_ref()
        .filter(|b| !matches!(b.as_str(), "sex" | "age"))
    {
        values.push(by);
    }
    let rows = stmt.query_map(duckdb::params_from_iter(values), series_row)?;
    rows.collect()
}

/// A row of a series query: region, year, month, category, the known sum,
/// reporting units, suppressed cells and the largest count a suppressed
/// cell hides, which gives the bounds.
fn series_row(r: &duckdb::Row<'_>) -> Result<SeriesRow, duckdb::Error> {
    let month: Option<i32> = r.get(2)?;
    let known: Option<i128> = r.get(4)?;
    let wide = |n: i128| i64::try_from(n).unwrap_or(i64::MAX);
    let (units, suppressed): (i128, i128) = (r.get(5)?, r.get(6)?);
    Ok(series_row_of(
        (
            r.get(0)?,
            r.get(1)?,
            month.and_then(|m| u8::try_from(m).ok()),
            r.get(3)?,
        ),
        known.map(wide),
        (wide(units), wide(suppressed), r.get(7)?),
    ))
}

/// A series row from its place, year, month and category, its known sum,
/// and its reporting units, suppressed cells and the largest count a
/// suppressed cell hides (which give the bounds).
fn series_row_of(
    (region, year, month, category): (String, i32, Option<u8>, Option<String>),
    known: Option<i64>,
    (units, suppressed_cells, suppressed_max): (i64, i64, i64),
) -> SeriesRow {
    let (lower, upper) = if suppressed_cells > 0 {
        let lower = known.unwrap_or(0);
        (
            Some(lower),
            Some(lower.saturating_add(suppressed_cells.saturating_mul(suppressed_max))),
        )
    } else {
        (None, None)
    };
    SeriesRow {
        region,
        year,
        month,
        category,
        value: known,
        reporting_units: u32::try_from(units).unwrap_or(u32::MAX),
        suppressed_cells: u32::try_from(suppressed_cells).unwrap_or(u32::MAX),
        lower,
        upper,
        rate: None,
        rate_lower: None,
        rate_upper: None,
    }
}

/// The publisher's rates per 100,000 inhabitants for a query with
/// `per_100k`, each with the count it was computed from: the totals, or with
/// `by` ("sex", the one breakdown rates come in) one row per sex.
/// `reporting_units` counts the places at the grain a rate covers (32
/// states for Mexico).
pub fn series_rates(
    conn: &Connection,
    query: &SeriesQuery,
) -> Result<Vec<SeriesRow>, duckdb::Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.region_code, t.year, CASE WHEN ? THEN t.sex END, t.value, t.per_100k,
                -- the places at the grain the published figure covers
                (SELECT count(*) FROM region_members m JOIN regions r ON r.code = m.member
                 WHERE m.ancestor = t.region_code AND r.level = i.grain)
         FROM rates t JOIN indicators i ON i.id = t.indicator_id
         WHERE t.indicator_id = ? AND t.year BETWEEN ? AND ?
           AND list_contains(string_split(?, ','), t.region_code)
           AND CASE WHEN ? THEN t.sex <> 'Total' ELSE t.sex = 'Total' END
         ORDER BY t.region_code, t.year, t.sex",
    )?;
    let by_sex = query.by.is_some();
    let rows = stmt.query_map(
        params![
            by_sex,
            query.indicator,
            query.from,
            query.to,
            query.regions.join(","),
            by_sex
        ],
        |r| {
            Ok(SeriesRow {
                region: r.get(0)?,
                year: r.get(1)?,
                month: None,
                category: r.get(2)?,
                value: r.get(3)?,
                reporting_units: r.get(5)?,
                suppressed_cells: 0,
                lower: None,
                upper: None,
                rate: r.get(4)?,
                rate_lower: None,
                rate_upper: None,
            })
        },
    )?;
    rows.collect()
}

/// Places with fewer inhabitants than this get no rate: WPP's figures are
/// rounded to the thousand in each of 21 age groups.
pub const SMALLEST_POPULATION: i64 = 100_000;

/// A computed rate's row, or why a place has none in a year.
pub enum ComputedRate {
    /// The rate, and the places left out of it (reporting, with no
    /// population figure that year: a territory), whose counts are not in
    /// its `value` either.
    Row(SeriesRow, Option<String>),
    /// The places that reported with no population figure that year.
    NoPopulation {
        region: String,
        year: i32,
        missing: String,
    },
    /// The population is under [`SMALLEST_POPULATION`].
    TooSmall {
        region: String,
        year: i32,
        population: i64,
    },
}

/// Rates per 100,000 inhabitants computed from `population`: each place's
/// total of the year over its population; a region's over the population
/// of the places that reported that year (a region's rate does not fall
/// because a country did not report). A reporting place without a
/// population figure is left out of both sides and named. Suppressed cells
/// carry through as a range (`rate_lower`, `rate_upper`).
pub fn series_computed_rates(
    conn: &Connection,
    query: &SeriesQuery,
) -> Result<Vec<ComputedRate>, duckdb::Error> {
    let mut stmt = conn.prepare_cached(
        "WITH places AS (
             SELECT o.region_code, o.year,
                    sum(o.value) FILTER (WHERE NOT o.suppressed) AS known,
                    max(o.units) AS units,
                    count(*) FILTER (WHERE o.suppressed) AS suppressed_cells
             FROM observations o
             WHERE o.indicator_id = $1 AND o.year BETWEEN $2 AND $3
               AND o.dimension = 'Total' AND o.category = 'Total'
               AND o.sex = 'Total' AND o.age = 'Total'
             GROUP BY o.region_code, o.year
         )
         SELECT m.ancestor, p.year, CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR),
                -- the counts of the places with a population: those divided
                sum(p.known) FILTER (WHERE n.population IS NOT NULL),
                coalesce(sum(p.units) FILTER (WHERE n.population IS NOT NULL), 0),
                coalesce(sum(p.suppressed_cells) FILTER (WHERE n.population IS NOT NULL), 0),
                (SELECT suppressed_max FROM indicators WHERE id = $1),
                sum(n.population),
                string_agg(p.region_code, ',' ORDER BY p.region_code)
                    FILTER (WHERE n.population IS NULL)
         FROM places p
         JOIN region_members m ON m.member = p.region_code
         LEFT JOIN population n ON n.region_code = p.region_code AND n.year = p.year
         WHERE list_contains(string_split($4, ','), m.ancestor)
         GROUP BY m.ancestor, p.year
         ORDER BY m.ancestor, p.year",
    )?;
    let regions = query.regions.join(",");
    let rows = stmt.query_map(
        params![query.indicator, query.from, query.to, regions],
        |r| {
            let row = series_row(r)?;
            let population: Option<i128> = r.get(8)?;
            let missing: Option<String> = r.get(9)?;
            let population = population.map(|p| i64::try_from(p).unwrap_or(i64::MAX));
            Ok(match population {
                None => ComputedRate::NoPopulation {
                    missing: missing.unwrap_or_else(|| row.region.clone()),
                    region: row.region,
                    year: row.year,
                },
                Some(population) if population < SMALLEST_POPULATION => ComputedRate::TooSmall {
                    region: row.region,
                    year: row.year,
                    population,
                },
                Some(population) => {
                    let per = |count: i64| count as f64 / population as f64 * 100_000.0;
                    let row = SeriesRow {
                        rate: row.value.or(row.lower).map(per),
                        rate_lower: row.lower.map(per),
                        rate_upper: row.upper.map(per),
                        ..row
                    };
                    ComputedRate::Row(row, missing)
                }
            })
        },
    )?;
    rows.collect()
}

/// The annotations that touch a query: of its indicator (or its whole
/// source), in its years (or of no particular year), about a place inside
/// one of its regions (or about no particular place).
pub fn annotations(conn: &Connection, query: &SeriesQuery) -> Result<Vec<Note>, duckdb::Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.kind, a.text, a.region_code, a.year, a.text_es
         FROM annotations a JOIN indicators i ON i.source_id = a.source_id
         WHERE i.id = ?
           AND (a.indicator_id IS NULL OR a.indicator_id = i.id)
           AND (a.year IS NULL OR a.year BETWEEN ? AND ?)
           AND (a.region_code IS NULL OR EXISTS (
                   SELECT 1 FROM region_members m
                   WHERE m.member = a.region_code
                     AND list_contains(string_split(?, ','), m.ancestor)))
         ORDER BY a.year NULLS FIRST, a.region_code NULLS FIRST, a.kind",
    )?;
    let regions = query.regions.join(",");
    let rows = stmt.query_map(
        params![query.indicator, query.from, query.to, regions],
        |r| {
            Ok(Note {
                kind: choice_column(r, 0)?,
                text: r.get(1)?,
                region: r.get(2)?,
                year: r.get(3)?,
                es: r.get(4)?,
            })
        },
    )?;
    rows.collect()
}
