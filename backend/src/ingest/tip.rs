//! The US State Department's Trafficking in Persons (TIP) Report: the
//! worldwide law-enforcement totals of 2003–2015, as transcribed from the
//! reports by Kelley and Heiss (Scorecard Diplomacy, 2017).

use std::path::Path;

use duckdb::{Connection, params};
use tipstats_shared::Frequency;

use super::breakdowns::FORM_OF_EXPLOITATION;
use super::raw::{RawFile, RowCheck};
use super::{IndicatorRow, IngestError, Source, Words, words};

pub const FOLDER: &str = "us_tip_report";
pub const FILE: &str = "tip_global_law_enforcement_2003_2015.csv";
pub const TIER_FILE: &str = "tip_tier_by_country_year_1999_2015.csv";
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
type IndicatorColumns = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Words<'static>,
    Words<'static>,
    Words<'static>,
);

const INDICATORS: [IndicatorColumns; 4] = [
    (
        "tip.prosecutions",
        "Prosecutions",
        Some("Prosecutions (Labor)"),
        words(
            "Trafficking prosecutions worldwide",
            "Procesamientos por trata en el mundo",
        ),
        words("Prosecutions", "Procesamientos"),
        words(
            "Trafficking prosecutions reported worldwide in the year (TIP Report, Global Law Enforcement Data).",
            "Procesamientos por trata reportados en el mundo en el año (Informe TIP, datos mundiales de aplicación de la ley).",
        ),
    ),
    (
        "tip.convictions",
        "Convictions",
        Some("Convictions (Labor)"),
        words(
            "Trafficking convictions worldwide",
            "Condenas por trata en el mundo",
        ),
        words("Convictions", "Condenas"),
        words(
            "Trafficking convictions reported worldwide in the year (TIP Report, Global Law Enforcement Data).",
            "Condenas por trata reportadas en el mundo en el año (Informe TIP, datos mundiales de aplicación de la ley).",
        ),
    ),
    (
        "tip.victims",
        "Victims identified",
        Some("Victims (Labor)"),
        words(
            "Victims identified worldwide",
            "Víctimas identificadas en el mundo",
        ),
        words("Victims", "Víctimas"),
        words(
            "Trafficking victims identified worldwide in the year, as reported to the State Department.",
            "Víctimas de trata identificadas en el mundo en el año, según lo reportado al Departamento de Estado.",
        ),
    ),
    (
        "tip.laws",
        "New or amended legislation",
        None,
        words(
            "New or amended anti-trafficking laws",
            "Leyes contra la trata nuevas o reformadas",
        ),
        words("Laws", "Leyes"),
        words(
            "New or amended anti-trafficking laws passed worldwide in the year.",
            "Leyes contra la trata nuevas o reformadas aprobadas en el mundo en el año.",
        ),
    ),
];

const CAVEATS: &[Words] = &[
    words(
        "Worldwide totals estimated by the State Department from government reports and other sources; national reporting is not uniform.",
        "Totales mundiales estimados por el Departamento de Estado a partir de informes de gobiernos y otras fuentes; los reportes nacionales no son uniformes.",
    ),
    words(
        "Identified victims are not prevalence: they count people identified by authorities and others.",
        "Las víctimas identificadas no son la prevalencia: cuentan a las personas identificadas por las autoridades y otros actores.",
    ),
    words(
        "Only worldwide totals: the report's regional tables and years after 2015 are not in this data.",
        "Solo totales mundiales: las tablas regionales del informe y los años posteriores a 2015 no están en estos datos.",
    ),
    words(
        "A blank year was not reported (labour figures start in 2007, victims in 2008; 2015 has prosecutions and convictions only).",
        "Un año en blanco no se reportó (las cifras de trabajo forzoso empiezan en 2007, las de víctimas en 2008; 2015 solo tiene procesamientos y condenas).",
    ),
];

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

const TIER_COLUMNS: [&str; 5] = ["countryname", "iso", "year", "ccode", "tier"];

/// Countries the TIP Report ranks that GLOTIP has no row for: (code in the
/// file, tipstats code, UN M49 subregion). Kosovo has no ISO 3166-1 code;
/// `XKX` is the user-assigned code in common use.
const TIER_ONLY_COUNTRIES: [(&str, &str, &str); 7] = [
    ("ERI", "ERI", "202"),
    ("KOS", "XKX", "039"),
    ("PRK", "PRK", "030"),
    ("SOM", "SOM", "202"),
    ("STP", "STP", "202"),
    ("SXM", "SXM", "419"),
    ("TWN", "TWN", "030"),
];

const TIER_CAVEATS: &[Words] = &[
    words(
        "Tier placements are the State Department's diplomatic assessment of a government's efforts against trafficking, not a measure of how much trafficking occurs.",
        "Los niveles son la evaluación diplomática del Departamento de Estado sobre los esfuerzos de un gobierno contra la trata, no una medida de cuánta trata ocurre.",
    ),
    words(
        "Coded 1 to 4 by Kelley and Heiss: 1 = Tier 1, 2 = Tier 2, 3 = Tier 2 Watch List, 4 = Tier 3. A year without a value was not ranked (first report 2001, special cases, not in the report).",
        "Codificados de 1 a 4 por Kelley y Heiss: 1 = Nivel 1, 2 = Nivel 2, 3 = Lista de vigilancia del Nivel 2, 4 = Nivel 3. Un año sin valor no fue clasificado (primer informe de 2001, casos especiales, ausente del informe).",
    ),
    words(
        "A placement cannot be summed or averaged over a region: it is given for countries only.",
        "Un nivel no se puede sumar ni promediar en una región: se da solo para países.",
    ),
];

const TIER_CHECKS: &[RowCheck] = &[
    (
        "iso",
        "iso IS NULL OR NOT regexp_full_match(iso, '[A-Z]{3}')",
        "not a three-letter country code",
    ),
    (
        "iso",
        "coalesce((SELECT code FROM tip_tier_countries WHERE file_code = iso), iso) NOT IN (SELECT code FROM regions WHERE level = 'country')",
        "not a country tipstats knows",
    ),
    (
        "year",
        "TRY_CAST(year AS INTEGER) NOT BETWEEN 1999 AND 2100 OR year IS NULL",
        "not a report year",
    ),
    (
        "tier",
        "tier IS NULL OR tier NOT IN ('1', '2', '3', '4', 'NA')",
        "not a coded tier (1–4) or NA",
    ),
];

const TIER_KEYS: &[RowCheck] = &[(
    "year",
    "SELECT max(row), concat_ws(' ', iso, year) FROM tip_tier_raw
     GROUP BY iso, year HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
    "more than one row for this country and year",
)];

pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    ingest_law_enforcement(conn, folder)?;
    ingest_tiers(conn, folder)
}

fn ingest_tiers(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(TIER_FILE);
    let internal = |e: duckdb::Error| IngestError::file(&path, e.to_string());
    conn.execute_batch(
        "CREATE TEMP TABLE tip_tier_countries (file_code VARCHAR, code VARCHAR, parent VARCHAR);",
    )
    .map_err(internal)?;
    for (file_code, code, parent) in TIER_ONLY_COUNTRIES {
        conn.execute(
            "INSERT INTO tip_tier_countries VALUES (?, ?, ?)",
            params![file_code, code, parent],
        )
        .map_err(internal)?;
    }
    let raw = RawFile::load(conn, &path, "tip_tier_raw", &TIER_COLUMNS)?;
    // The countries only the TIP Report has, named as the file names them.
    conn.execute_batch(
        "INSERT INTO regions (code, name, level, parent)
         SELECT DISTINCT c.code, r.countryname, 'country', c.parent
         FROM tip_tier_countries c JOIN tip_tier_raw r ON r.iso = c.file_code;",
    )
    .map_err(|e| raw.error(e))?;
    raw.check_rows(conn, TIER_CHECKS)?;
    raw.check_keys(conn, TIER_KEYS)?;
    super::add_indicator(
        conn,
        &IndicatorRow {
            id: "tip.tier",
            source: SOURCE_ID,
            name: words("TIP Report tier placement", "Nivel asignado en el Informe TIP"),
            unit: words("Tier (1 = Tier 1, 2 = Tier 2, 3 = Tier 2 Watch List, 4 = Tier 3)", "Nivel (1 = Nivel 1, 2 = Nivel 2, 3 = Lista de vigilancia del Nivel 2, 4 = Nivel 3)"),
            description: words("The tier the State Department's annual Trafficking in Persons Report placed a country in, by report year.", "El nivel en que el Informe anual sobre la Trata de Personas del Departamento de Estado colocó a un país, por año del informe."),
            caveats: TIER_CAVEATS,
            frequency: Frequency::ReportYear,
            breakdowns: &[],
            grain: "country",
            scope: "001",
            reporters: "countries",
            suppressed_max: 0,
            additive: false,
            per_capita: false,
        },
    )
    .map_err(|e| raw.error(e))?;
    conn.execute_batch(
        "INSERT INTO observations
         SELECT 'tip.tier', coalesce(c.code, r.iso), CAST(r.year AS INTEGER), 0,
                'Total', 'Total', 'Total', 'Total', 1, CAST(r.tier AS BIGINT), false,
                CASE r.tier WHEN '1' THEN 'Tier 1' WHEN '2' THEN 'Tier 2'
                            WHEN '3' THEN 'Tier 2 Watch List' ELSE 'Tier 3' END, 1
         FROM tip_tier_raw r LEFT JOIN tip_tier_countries c ON c.file_code = r.iso
         WHERE r.tier <> 'NA';
         DROP TABLE tip_tier_countries;",
    )
    .map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

fn ingest_law_enforcement(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(FILE);
    let raw = RawFile::load_checked(conn, &path, "tip_raw", &COLUMNS, ROW_CHECKS, KEY_CHECKS)?;
    normalize(conn).map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

fn normalize(conn: &Connection) -> Result<(), duckdb::Error> {
    super::add_source(conn, &SOURCE)?;
    for (id, total, labour, name, unit, description) in INDICATORS {
        let breakdowns: &[Words] = if labour.is_some() {
            &[FORM_OF_EXPLOITATION]
        } else {
            &[]
        };
        super::add_indicator(
            conn,
            &IndicatorRow {
                id,
                source: SOURCE_ID,
                name,
                unit,
                description,
                caveats: CAVEATS,
                frequency: Frequency::CalendarYear,
                breakdowns,
                grain: "world",
                scope: "001",
                reporters: "reports",
                suppressed_max: 0,
                additive: true,
                per_capita: false,
            },
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
