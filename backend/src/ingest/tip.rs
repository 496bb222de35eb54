//! The US State Department's Trafficking in Persons (TIP) Report: the
//! worldwide law-enforcement totals of 2003–2015, as transcribed from the
//! reports by Kelley and Heiss (Scorecard Diplomacy, 2017).

use std::path::Path;

use duckdb::{Connection, params};

use super::raw::{RawFile, RowCheck};
use super::{IngestError, Source};

pub const FOLDER: &str = "us_tip_report";
pub const FILE: &str = "tip_global_law_enforcement_2003_2015.csv";
pub const SOURCE_ID: &str = "us-tip-report";

const SOURCE: Source = Source {
    id: SOURCE_ID,
    name: "US Trafficking in Persons Report: global law enforcement data",
    publisher: "US Department of State, Office to Monitor and Combat Trafficking in Persons",
    citation: "US Department of State, Trafficking in Persons Report (2004–2016 editions), Global Law Enforcement Data; compiled by J. G. Kelley and A. Heiss, Scorecard Diplomacy (Cambridge University Press, 2017)",
    url: "https://www.state.gov/trafficking-in-persons-report/",
    terms: "TIP Report content is a US government work (public domain in the US); the compilation is MIT-licensed. Credit the State Department and Kelley & Heiss (2017).",
    retrieved: "2017-01-03",
};

const COLUMNS: [&str; 8] = [
    "Year",
    "Prosecutions",
    "Prosecutions (Labor)",
    "Convictions",
    "Convictions (Labor)",
    "Victims identified",
    "Victims (Labor)",
    "New or amended legislation",
];

/// (indicator id, total column, labour column, name, unit, description)
const INDICATORS: [(&str, &str, Option<&str>, &str, &str, &str); 4] = [
    (
        "tip.prosecutions",
        "Prosecutions",
        Some("Prosecutions (Labor)"),
        "Trafficking prosecutions worldwide",
        "Prosecutions",
        "Trafficking prosecutions reported worldwide in the year (TIP Report, Global Law Enforcement Data).",
    ),
    (
        "tip.convictions",
        "Convictions",
        Some("Convictions (Labor)"),
        "Trafficking convictions worldwide",
        "Convictions",
        "Trafficking convictions reported worldwide in the year (TIP Report, Global Law Enforcement Data).",
    ),
    (
        "tip.victims",
        "Victims identified",
        Some("Victims (Labor)"),
        "Victims identified worldwide",
        "Victims",
        "Trafficking victims identified worldwide in the year, as reported to the State Department.",
    ),
    (
        "tip.laws",
        "New or amended legislation",
        None,
        "New or amended anti-trafficking laws",
        "Laws",
        "New or amended anti-trafficking laws passed worldwide in the year.",
    ),
];

const CAVEATS: &str = "Worldwide totals estimated by the State Department from government reports and other sources; national reporting is not uniform.\n\
Identified victims are not prevalence: they count people identified by authorities and others.\n\
Only worldwide totals: the report's regional tables and years after 2015 are not in this data.\n\
A blank year was not reported (labour figures start in 2007, victims in 2008; 2015 has prosecutions and convictions only).";

/// Every figure column must be blank or a whole number ≥ 0.
const ROW_CHECKS: &[RowCheck] = &[
    (
        "Year",
        "TRY_CAST(\"Year\" AS INTEGER) NOT BETWEEN 2000 AND 2100 OR \"Year\" IS NULL",
        "not a year",
    ),
    (
        "Prosecutions",
        "\"Prosecutions\" IS NOT NULL AND coalesce(TRY_CAST(\"Prosecutions\" AS BIGINT), -1) < 0",
        "not a count",
    ),
    (
        "Prosecutions (Labor)",
        "\"Prosecutions (Labor)\" IS NOT NULL AND coalesce(TRY_CAST(\"Prosecutions (Labor)\" AS BIGINT), -1) < 0",
        "not a count",
    ),
    (
        "Convictions",
        "\"Convictions\" IS NOT NULL AND coalesce(TRY_CAST(\"Convictions\" AS BIGINT), -1) < 0",
        "not a count",
    ),
    (
        "Convictions (Labor)",
        "\"Convictions (Labor)\" IS NOT NULL AND coalesce(TRY_CAST(\"Convictions (Labor)\" AS BIGINT), -1) < 0",
        "not a count",
    ),
    (
        "Victims identified",
        "\"Victims identified\" IS NOT NULL AND coalesce(TRY_CAST(\"Victims identified\" AS BIGINT), -1) < 0",
        "not a count",
    ),
    (
        "Victims (Labor)",
        "\"Victims (Labor)\" IS NOT NULL AND coalesce(TRY_CAST(\"Victims (Labor)\" AS BIGINT), -1) < 0",
        "not a count",
    ),
    (
        "New or amended legislation",
        "\"New or amended legislation\" IS NOT NULL AND coalesce(TRY_CAST(\"New or amended legislation\" AS BIGINT), -1) < 0",
        "not a count",
    ),
    (
        "Prosecutions (Labor)",
        "TRY_CAST(\"Prosecutions (Labor)\" AS BIGINT) > TRY_CAST(\"Prosecutions\" AS BIGINT)",
        "labour prosecutions exceed all prosecutions",
    ),
    (
        "Convictions (Labor)",
        "TRY_CAST(\"Convictions (Labor)\" AS BIGINT) > TRY_CAST(\"Convictions\" AS BIGINT)",
        "labour convictions exceed all convictions",
    ),
    (
        "Victims (Labor)",
        "TRY_CAST(\"Victims (Labor)\" AS BIGINT) > TRY_CAST(\"Victims identified\" AS BIGINT)",
        "labour victims exceed all victims",
    ),
];

const KEY_CHECKS: &[RowCheck] = &[(
    "Year",
    "SELECT max(row), \"Year\" FROM tip_raw GROUP BY \"Year\" HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
    "more than one row for this year",
)];

pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(FILE);
    let raw = RawFile::load_checked(conn, &path, "tip_raw", &COLUMNS, ROW_CHECKS, KEY_CHECKS)?;
    normalize(conn).map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

fn normalize(conn: &Connection) -> Result<(), duckdb::Error> {
    super::add_source(conn, &SOURCE)?;
    for (id, total, labour, name, unit, description) in INDICATORS {
        let breakdowns = if labour.is_some() {
            "form of exploitation"
        } else {
            ""
        };
        conn.execute(
            "INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, 'calendar year', ?, 'world', '001', 'reports', 0)",
            params![id, SOURCE_ID, name, unit, description, CAVEATS, breakdowns],
        )?;
        // Column names are this module's constants.
        let mut parts = vec![(total, "Total", "Total")];
        if let Some(labour) = labour {
            parts.push((labour, "by form of exploitation", "Forced labour"));
        }
        for (column, dimension, category) in parts {
            conn.execute(
                &format!(
                    "INSERT INTO observations
                     SELECT ?, '001', CAST(\"Year\" AS INTEGER), 0, ?, ?, 'Total', 'Total', 1,
                            CAST(\"{column}\" AS BIGINT), false, \"{column}\", 1
                     FROM tip_raw WHERE \"{column}\" IS NOT NULL"
                ),
                params![id, dimension, category],
            )?;
        }
    }
    Ok(())
}
