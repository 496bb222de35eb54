//! What every source module does first: load the publisher's CSV as text
//! with its row numbers, check the header, run the row checks, and report
//! the first bad row by file, row, column and reason.
//!
//! Table names, column names and check conditions are constants of the
//! source modules; no input reaches SQL text except the file path, quoted by
//! [`crate::db::path_literal`].

use std::path::Path;

use duckdb::Connection;

use super::IngestError;

/// A check every row must pass: the column it is about, an SQL condition
/// that is true for a bad row, and the reason given when it is.
pub type RowCheck = (&'static str, &'static str, &'static str);

/// A publisher's file loaded as text into a temporary table named `table`,
/// with a `row` column counting data rows from 1 (the header is row 0).
pub struct RawFile<'a> {
    pub path: &'a Path,
    pub table: &'static str,
}

impl<'a> RawFile<'a> {
    /// Loads `path` into `table` and checks that its header holds exactly
    /// `columns`.
    pub fn load(
        conn: &Connection,
        path: &'a Path,
        table: &'static str,
        columns: &[&str],
    ) -> Result<RawFile<'a>, IngestError> {
        RawFile::load_with(conn, path, table, columns, "")
    }

    /// As [`RawFile::load`], for a file laid out otherwise: `layout` is
    /// more of `read_csv`'s options (a module's constant, e.g. `skip = 16,
    /// encoding = 'latin-1'`). Rows are counted from the header, as 0.
    pub fn load_with(
        conn: &Connection,
        path: &'a Path,
        table: &'static str,
        columns: &[&str],
        layout: &str,
    ) -> Result<RawFile<'a>, IngestError> {
        let separator = if layout.is_empty() { "" } else { ", " };
        RawFile::load_as(conn, path, table, columns, "*", |file| {
            format!(
                "read_csv({file}, header = true, all_varchar = true, strict_mode = true,
                              delim = ',', quote = '\"', escape = '\"'{separator}{layout})"
            )
        })
    }

    /// A publisher's Parquet file, read by DuckDB's reader with every value
    /// as text, so that the same checks as a CSV's apply; rows are counted
    /// from 1 in the file's order.
    pub fn load_parquet(
        conn: &Connection,
        path: &'a Path,
        table: &'static str,
        columns: &[&str],
    ) -> Result<RawFile<'a>, IngestError> {
        RawFile::load_as(conn, path, table, columns, "COLUMNS(*)::VARCHAR", |file| {
            format!("read_parquet({file})")
        })
    }

    /// Loads `path` into `table`, each row numbered: `select` of what
    /// `reader` gives for the quoted path (a DuckDB table function); then
    /// checks that its columns are exactly `columns`.
    fn load_as(
        conn: &Connection,
        path: &'a Path,
        table: &'static str,
        columns: &[&str],
        select: &str,
        reader: impl FnOnce(&str) -> String,
    ) -> Result<RawFile<'a>, IngestError> {
        if !path.is_file() {
            return Err(IngestError::file(path, "file not found"));
        }
        let raw = RawFile { path, table };
        // One thread (set by the caller) keeps the scan order, so that
        // row_number() is the row of the file.
        let sql = format!(
            "CREATE TEMP TABLE {table} AS SELECT row_number() OVER () AS row, {select} FROM {}",
            reader(&crate::db::path_literal(path))
        );
        conn.execute_batch(&sql).map_err(|e| raw.error(e))?;
        raw.check_columns(conn, columns)?;
        Ok(raw)
    }

    /// Loads `path` as [`RawFile::load`] does, then runs the row checks and
    /// the key checks: what a source module does before normalizing.
    pub fn load_checked(
        conn: &Connection,
        path: &'a Path,
        table: &'static str,
        columns: &[&str],
        row_checks: &[RowCheck],
        key_checks: &[RowCheck],
    ) -> Result<RawFile<'a>, IngestError> {
        let raw = RawFile::load(conn, path, table, columns)?;
        raw.check_rows(conn, row_checks)?;
        raw.check_keys(conn, key_checks)?;
        Ok(raw)
    }

    /// An error about the whole file.
    pub fn error(&self, e: impl ToString) -> IngestError {
        IngestError::file(self.path, e.to_string())
    }

    fn check_columns(&self, conn: &Connection, columns: &[&str]) -> Result<(), IngestError> {
        let sql = format!(
            "SELECT column_name FROM (DESCRIBE {}) WHERE column_name <> 'row'",
            self.table
        );
        let mut stmt = conn.prepare(&sql).map_err(|e| self.error(e))?;
        let found: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.error(e))?;
        if let Some(missing) = columns.iter().find(|c| !found.iter().any(|f| f == *c)) {
            return Err(IngestError::at(
                self.path,
                0,
                missing,
                format!("missing column; the header has: {}", found.join(", ")),
            ));
        }
        if let Some(extra) = found.iter().find(|f| !columns.contains(&f.as_str())) {
            return Err(IngestError::at(
                self.path,
                0,
                extra,
                "unexpected column; has the publisher changed the format?",
            ));
        }
        Ok(())
    }

    /// Runs each check in order and reports the first row that fails one,
    /// with the offending value.
    pub fn check_rows(&self, conn: &Connection, checks: &[RowCheck]) -> Result<(), IngestError> {
        for (column, condition, reason) in checks {
            self.check_condition(conn, column, condition, reason)?;
        }
        Ok(())
    }

    /// One row check, its condition written by the module from its own
    /// constants (one per column of many alike).
    pub fn check_condition(
        &self,
        conn: &Connection,
        column: &str,
        condition: &str,
        reason: &str,
    ) -> Result<(), IngestError> {
        let sql = format!(
            "SELECT row, CAST(\"{column}\" AS VARCHAR) FROM {} WHERE {condition} ORDER BY row LIMIT 1",
            self.table
        );
        if let Some((row, value)) = first_row(conn, &sql).map_err(|e| self.error(e))? {
            let shown = value.map_or_else(|| "empty".to_string(), |v| format!("{v:?}"));
            return Err(IngestError::at(
                self.path,
                row,
                column,
                format!("{reason} ({shown})"),
            ));
        }
        Ok(())
    }

    /// Runs key checks: each query returns (row, key text) of the first row
    /// that breaks a key, or nothing.
    pub fn check_keys(
        &self,
        conn: &Connection,
        checks: &[(&str, &str, &str)],
    ) -> Result<(), IngestError> {
        for (column, sql, reason) in checks {
            if let Some((row, key)) = first_row(conn, sql).map_err(|e| self.error(e))? {
                return Err(IngestError::at(
                    self.path,
                    row,
                    column,
                    format!("{reason} ({})", key.unwrap_or_default()),
                ));
            }
        }
        Ok(())
    }

    pub fn drop(self, conn: &Connection) -> Result<(), IngestError> {
        conn.execute_batch(&format!("DROP TABLE {}", self.table))
            .map_err(|e| self.error(e))
    }
}

fn first_row(conn: &Connection, sql: &str) -> Result<Option<(u64, Option<String>)>, duckdb::Error> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    match rows.next()? {
        Some(row) => {
            let number: i64 = row.get(0)?;
            Ok(Some((u64::try_from(number).unwrap_or(0), row.get(1)?)))
        }
        None => Ok(None),
    }
}
