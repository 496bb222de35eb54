//! CBP's Southwest land border encounters, FY2022 – August FY2025: the US
//! Border Patrol between ports of entry and the Office of Field Operations at
//! them, by month, with the demographic group, citizenship group, legal
//! authority and kind of encounter as breakdowns.
//!
//! Migration-enforcement counts, not trafficking counts; fiscal years.

use std::path::Path;

use duckdb::{Connection, params};
use tipstats_shared::Frequency;

use super::breakdowns::{CITIZENSHIP, COMPONENT, DEMOGRAPHIC, ENCOUNTER_TYPE, TITLE_OF_AUTHORITY};
use super::raw::{RawFile, RowCheck};
use super::{IndicatorRow, IngestError, Source, Words, words};

pub const FOLDER: &str = "us_border_encounters";
pub const FILE: &str = "cbp_southwest_border_encounters_fy22_fy25aug.csv";
pub const SOURCE_ID: &str = "us-cbp-swb";

const SOURCE: Source = Source {
    id: SOURCE_ID,
    name: "CBP Southwest land border encounters",
    publisher: "US Customs and Border Protection (CBP)",
    citation: "US Customs and Border Protection, Southwest Land Border Encounters, FY2022 – FY2025 (year to date, August)",
    url: "https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters",
    terms: "A US federal government work, in the public domain in the US.",
    retrieved: "2025-10-21",
};

const COLUMNS: [&str; 9] = [
    "fiscal_year",
    "month_grouping",
    "month_abbv",
    "component",
    "demographic",
    "citizenship_group",
    "title_of_authority",
    "encounter_type",
    "encounters",
];

/// Each breakdown's column and name.
const BREAKDOWNS: [(&str, Words); 5] = [
    ("component", COMPONENT),
    ("demographic", DEMOGRAPHIC),
    ("citizenship_group", CITIZENSHIP),
    ("title_of_authority", TITLE_OF_AUTHORITY),
    ("encounter_type", ENCOUNTER_TYPE),
];

const MONTHS: &str = "['JAN','FEB','MAR','APR','MAY','JUN','JUL','AUG','SEP','OCT','NOV','DEC']";

const CAVEATS: &[Words] = &[
    words(
        "Migration-enforcement counts, not trafficking or smuggling counts: context for the border, never a measure of trafficking.",
        "Conteos de control migratorio, no de trata ni de tráfico de personas: contexto de la frontera, nunca una medida de la trata.",
    ),
    words(
        "Encounters are events, not people: someone encountered again is counted again.",
        "Los encuentros son eventos, no personas: quien es encontrado de nuevo se cuenta de nuevo.",
    ),
    words(
        "Years are US federal fiscal years (October to September); FY2025 runs to August 2025 only.",
        "Los años son años fiscales federales de EE. UU. (de octubre a septiembre); el AF2025 llega solo hasta agosto de 2025.",
    ),
    words(
        "Both CBP components are counted: the Border Patrol between ports of entry and the Office of Field Operations at them (inadmissibles).",
        "Se cuentan los dos componentes de la CBP: la Patrulla Fronteriza entre los puertos de entrada y la Oficina de Operaciones de Campo en ellos (inadmisibles).",
    ),
    words(
        "Title 42 expulsions (to May 2023) are in the figures; see the title-of-authority breakdown.",
        "Las expulsiones bajo el Título 42 (hasta mayo de 2023) están en las cifras; vea el desglose por fundamento legal.",
    ),
];

const ROW_CHECKS: &[RowCheck] = &[
    (
        "fiscal_year",
        "fiscal_year IS NULL OR NOT regexp_full_match(fiscal_year, '20[0-9]{2}( \\(FYTD\\))?')",
        "not a fiscal year (YYYY, or YYYY (FYTD))",
    ),
    (
        "month_abbv",
        "month_abbv IS NULL OR NOT list_contains(['JAN','FEB','MAR','APR','MAY','JUN','JUL','AUG','SEP','OCT','NOV','DEC'], month_abbv)",
        "not a month abbreviation (JAN … DEC)",
    ),
    (
        "component",
        "component IS NULL OR component NOT IN ('U.S. Border Patrol', 'Office of Field Operations')",
        "not a CBP component",
    ),
    (
        "demographic",
        "demographic IS NULL OR demographic NOT IN ('Single Adults', 'FMUA', 'UAC', 'Accompanied Minors')",
        "unknown demographic group",
    ),
    (
        "citizenship_group",
        "citizenship_group IS NULL",
        "empty citizenship group",
    ),
    (
        "title_of_authority",
        "title_of_authority IS NULL OR title_of_authority NOT IN ('Title 8', 'Title 42')",
        "not Title 8 or Title 42",
    ),
    (
        "encounter_type",
        "encounter_type IS NULL OR encounter_type NOT IN ('Apprehensions', 'Inadmissibles', 'Expulsions')",
        "unknown encounter type",
    ),
    (
        "encounters",
        "TRY_CAST(encounters AS BIGINT) IS NULL",
        "not a whole number",
    ),
    (
        "encounters",
        "TRY_CAST(encounters AS BIGINT) < 0",
        "negative count",
    ),
];

const KEY_CHECKS: &[RowCheck] = &[(
    "encounters",
    "SELECT max(row), concat_ws(' ', fiscal_year, month_abbv, component, demographic, citizenship_group, title_of_authority, encounter_type)
     FROM cbp_raw GROUP BY ALL HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
    "more than one row for this month and combination",
)];

pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(FILE);
    let raw = RawFile::load_checked(conn, &path, "cbp_raw", &COLUMNS, ROW_CHECKS, KEY_CHECKS)?;
    normalize(conn).map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

fn normalize(conn: &Connection) -> Result<(), duckdb::Error> {
    super::add_source(conn, &SOURCE)?;
    super::add_indicator(
        conn,
        &IndicatorRow {
            id: "cbp.southwest",
            source: SOURCE_ID,
            name: words(
                "CBP encounters at the Southwest land border (migration enforcement, not trafficking)",
                "Encuentros de la CBP en la frontera terrestre del suroeste (control migratorio, no trata)",
            ),
            unit: words("Encounters", "Encuentros"),
            description: words(
                "Encounters at the land border with Mexico by both CBP components, by month, counted in US fiscal years.",
                "Encuentros en la frontera terrestre con México de los dos componentes de la CBP, por mes, contados en años fiscales de EE. UU.",
            ),
            caveats: CAVEATS,
            frequency: Frequency::FiscalYear,
            breakdowns: &BREAKDOWNS.map(|(_, name)| name),
            grain: "country",
            scope: "USA",
            reporters: "borders",
            suppressed_max: 0,
            additive: true,
            per_capita: false,
        },
    )?;
    // `year` is the fiscal year, `month` the calendar month.
    let cell = format!(
        "'cbp.southwest', 'USA', CAST(left(fiscal_year, 4) AS INTEGER),
         list_position({MONTHS}, month_abbv)"
    );
    conn.execute_batch(&format!(
        "INSERT INTO observations
         SELECT {cell}, 'Total', 'Total', 'Total', 'Total', 1,
                sum(CAST(encounters AS BIGINT)), false, CAST(sum(CAST(encounters AS BIGINT)) AS VARCHAR), 1
         FROM cbp_raw GROUP BY ALL;"
    ))?;
    for (column, name) in BREAKDOWNS.map(|(column, name)| (column, name.en)) {
        // Column and name are this module's constants.
        conn.execute_batch(&format!(
            "INSERT INTO observations
             SELECT {cell}, 'by {name}', \"{column}\", 'Total', 'Total', 1,
                    sum(CAST(encounters AS BIGINT)), false, CAST(sum(CAST(encounters AS BIGINT)) AS VARCHAR), 1
             FROM cbp_raw GROUP BY ALL;"
        ))?;
    }
    conn.execute(
        "INSERT INTO annotations VALUES (?, NULL, NULL, 2025, 'partial-year', ?, ?)",
        params![
            SOURCE_ID,
            "FY2025 covers October 2024 to August 2025 only.",
            "El AF2025 abarca solo de octubre de 2024 a agosto de 2025."
        ],
    )?;
    Ok(())
}
