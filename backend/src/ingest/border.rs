//! US Border Patrol encounters by month and sector, from DHS's Office of
//! Homeland Security Statistics (OHSS), fiscal years 2000–2025.
//!
//! These are migration-enforcement counts, not trafficking or smuggling
//! counts: they are context for the Mexico–USA border, and say so wherever
//! they appear. Years are US federal fiscal years (October–September) and
//! stay fiscal years.

use std::path::Path;

use duckdb::{Connection, params};
use tipstats_shared::Frequency;

use super::breakdowns::{BORDER_REGION, CITIZENSHIP, FAMILY_STATUS};
use super::raw::{RawFile, RowCheck};
use super::{IndicatorRow, IngestError, Source, Words, words};

pub const FOLDER: &str = "us_border_encounters";
pub const SECTOR_FILE: &str = "usbp_encounters_monthly_region_sector.csv";
pub const ANNUAL_FILE: &str = "usbp_encounters_annual_region.csv";
/// The Southwest land border's encounters by one breakdown: (file, its
/// breakdown column, the breakdown's name in tipstats).
pub const BREAKDOWN_FILES: [(&str, &str, &str); 2] = [
    (
        "usbp_encounters_monthly_region_citizenship.csv",
        "citizenship",
        "citizenship",
    ),
    (
        "usbp_encounters_monthly_region_family_status.csv",
        "family_status",
        "family status",
    ),
];
const SOUTHWEST: &str = "Southwest Land Border";
pub const SOURCE_ID: &str = "us-ohss-usbp";

const SOURCE: Source = Source {
    id: SOURCE_ID,
    name: "US Border Patrol encounters by sector (OHSS Known Historical Statistical Measures)",
    publisher: "US Department of Homeland Security, Office of Homeland Security Statistics (OHSS)",
    citation: "DHS Office of Homeland Security Statistics, Known Historical Statistical Measures: CBP Encounters, U.S. Border Patrol, monthly by region and sector, FY2000 – November 2024 (workbook fy25m11)",
    url: "https://ohss.dhs.gov/khsm/cbp-encounters",
    terms: "A US federal government work, in the public domain in the US.",
    retrieved: "2025-10-21",
};

const COLUMNS: [&str; 8] = [
    "fiscal_year",
    "fy_month_index",
    "month_name",
    "calendar_year",
    "calendar_month",
    "border_region",
    "sector",
    "encounters",
];

/// (sector as OHSS names it, tipstats code from CBP's sector abbreviation,
/// state, border region)
pub const SECTORS: [(&str, &str, &str, &str); 21] = [
    ("Big Bend, TX", "BP-BBT", "US-TX", "Southwest Land Border"),
    ("Del Rio, TX", "BP-DRT", "US-TX", "Southwest Land Border"),
    ("El Centro, CA", "BP-ELC", "US-CA", "Southwest Land Border"),
    ("El Paso, TX", "BP-EPT", "US-TX", "Southwest Land Border"),
    ("Laredo, TX", "BP-LRT", "US-TX", "Southwest Land Border"),
    (
        "Rio Grande Valley, TX",
        "BP-RGV",
        "US-TX",
        "Southwest Land Border",
    ),
    ("San Diego, CA", "BP-SDC", "US-CA", "Southwest Land Border"),
    ("Tucson, AZ", "BP-TCA", "US-AZ", "Southwest Land Border"),
    ("Yuma, AZ", "BP-YUM", "US-AZ", "Southwest Land Border"),
    ("Blaine, WA", "BP-BLW", "US-WA", "Northern Land Border"),
    ("Buffalo, NY", "BP-BUN", "US-NY", "Northern Land Border"),
    ("Detroit, MI", "BP-DTM", "US-MI", "Northern Land Border"),
    ("Grand Forks, ND", "BP-GFN", "US-ND", "Northern Land Border"),
    ("Havre, MT", "BP-HVM", "US-MT", "Northern Land Border"),
    ("Houlton, ME", "BP-HTM", "US-ME", "Northern Land Border"),
    ("Livermore, CA", "BP-LIV", "US-CA", "Northern Land Border"),
    ("Spokane, WA", "BP-SPW", "US-WA", "Northern Land Border"),
    ("Swanton, VT", "BP-SWB", "US-VT", "Northern Land Border"),
    ("Miami, FL", "BP-MIP", "US-FL", "Coastal Border"),
    ("New Orleans, LA", "BP-NLL", "US-LA", "Coastal Border"),
    ("Ramey, PR", "BP-RMY", "US-PR", "Coastal Border"),
];

const CAVEATS: &[Words] = &[
    words(
        "Migration-enforcement counts, not trafficking or smuggling counts: context for the border, never a measure of trafficking.",
        "Conteos de control migratorio, no de trata ni de tráfico de personas: contexto de la frontera, nunca una medida de la trata.",
    ),
    words(
        "Encounters are events, not people: someone who crosses again is counted again.",
        "Los encuentros son eventos, no personas: quien cruza de nuevo se cuenta de nuevo.",
    ),
    words(
        "Years are US federal fiscal years (October to September): FY2022 is October 2021 to September 2022.",
        "Los años son años fiscales federales de EE. UU. (de octubre a septiembre): el AF2022 va de octubre de 2021 a septiembre de 2022.",
    ),
    words(
        "OHSS rounds every monthly sector figure to the nearest 10, so sums can differ from published totals.",
        "La OHSS redondea cada cifra mensual por sector a la decena más cercana, así que las sumas pueden diferir de los totales publicados.",
    ),
    words(
        "From March 2020 to May 2023 encounters include Title 42 expulsions, which changes what the series counts in those years.",
        "De marzo de 2020 a mayo de 2023 los encuentros incluyen las expulsiones bajo el Título 42, lo que cambia lo que la serie cuenta en esos años.",
    ),
];

/// Checks every OHSS monthly table passes: its fiscal and calendar dates
/// agree, and its counts are whole and not negative.
const MONTH_CHECKS: &[RowCheck] = &[
    (
        "fiscal_year",
        "TRY_CAST(fiscal_year AS INTEGER) NOT BETWEEN 2000 AND 2100 OR fiscal_year IS NULL",
        "not a fiscal year from 2000 on",
    ),
    (
        "fy_month_index",
        "TRY_CAST(fy_month_index AS INTEGER) NOT BETWEEN 1 AND 12 OR fy_month_index IS NULL",
        "not a fiscal month (1 = October … 12 = September)",
    ),
    (
        "calendar_month",
        "TRY_CAST(calendar_month AS INTEGER) IS DISTINCT FROM (TRY_CAST(fy_month_index AS INTEGER) + 8) % 12 + 1",
        "does not match fy_month_index",
    ),
    (
        "calendar_year",
        "TRY_CAST(calendar_year AS INTEGER) IS DISTINCT FROM TRY_CAST(fiscal_year AS INTEGER) - CASE WHEN TRY_CAST(fy_month_index AS INTEGER) <= 3 THEN 1 ELSE 0 END",
        "does not match the fiscal year and month",
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

const SECTOR_CHECKS: &[RowCheck] = &[
    (
        "sector",
        "sector IS NULL OR sector NOT IN (SELECT name FROM usbp_sectors)",
        "not a known Border Patrol sector",
    ),
    (
        "border_region",
        "border_region IS DISTINCT FROM (SELECT border FROM usbp_sectors WHERE name = sector)",
        "not the border region of this sector",
    ),
];

const KEY_CHECKS: &[RowCheck] = &[(
    "sector",
    "SELECT max(row), concat_ws(' ', fiscal_year, fy_month_index, sector) FROM usbp_raw
     GROUP BY fiscal_year, fy_month_index, sector HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
    "more than one row for this fiscal month and sector",
)];

pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(SECTOR_FILE);
    let internal = |e: duckdb::Error| IngestError::file(&path, e.to_string());
    add_sectors(conn).map_err(internal)?;
    let raw = RawFile::load_checked(conn, &path, "usbp_raw", &COLUMNS, MONTH_CHECKS, KEY_CHECKS)?;
    raw.check_rows(conn, SECTOR_CHECKS)?;
    normalize(conn).map_err(|e| raw.error(e))?;
    add_southwest_total(conn).map_err(|e| raw.error(e))?;
    add_annual_regions(conn, &folder.join(ANNUAL_FILE))?;
    raw.drop(conn)?;
    conn.execute_batch("DROP TABLE usbp_sectors")
        .map_err(internal)?;
    for (file, column, breakdown) in BREAKDOWN_FILES {
        add_southwest_breakdown(conn, &folder.join(file), column, breakdown)?;
    }
    Ok(())
}

/// The Southwest land border as one figure for the USA, by month: the sum
/// of its nine sectors' cells.
fn add_southwest_total(conn: &Connection) -> Result<(), duckdb::Error> {
    super::add_indicator(
        conn,
        &IndicatorRow {
            id: "usbp.southwest",
            source: SOURCE_ID,
            name: words("US Border Patrol encounters at the Southwest land border (migration enforcement, not trafficking)", "Encuentros de la Patrulla Fronteriza de EE. UU. en la frontera terrestre del suroeste (control migratorio, no trata)"),
            unit: words("Encounters", "Encuentros"),
            description: words("Border Patrol encounters along the land border with Mexico, by month, counted in US fiscal years; the total is the sum of the nine Southwest sectors, the breakdowns come from OHSS's tables by citizenship and by family status.", "Encuentros de la Patrulla Fronteriza a lo largo de la frontera terrestre con México, por mes, contados en años fiscales de EE. UU.; el total es la suma de los nueve sectores del suroeste, y los desgloses vienen de las tablas de la OHSS por nacionalidad y por situación familiar."),
            caveats: &[
                CAVEATS,
                &[words(
                    "Each breakdown is rounded cell by cell, so its categories add up to the total only within a few hundred.",
                    "Cada desglose se redondea celda por celda, así que sus categorías suman el total solo con unos cientos de diferencia.",
                )],
            ]
            .concat(),
            frequency: Frequency::FiscalYear,
            breakdowns: &[CITIZENSHIP, FAMILY_STATUS],
            grain: "country",
            scope: "USA",
            reporters: "borders",
            suppressed_max: 0,
            additive: true,
            per_capita: false,
        },
    )?;
    conn.execute(
        "INSERT INTO observations
         SELECT 'usbp.southwest', 'USA', CAST(r.fiscal_year AS INTEGER), CAST(r.calendar_month AS INTEGER),
                'Total', 'Total', 'Total', 'Total', 1,
                sum(CAST(r.encounters AS BIGINT)), false, CAST(sum(CAST(r.encounters AS BIGINT)) AS VARCHAR), 1
         FROM usbp_raw r WHERE r.border_region = ? GROUP BY ALL",
        params![SOUTHWEST],
    )?;
    Ok(())
}

const ANNUAL_CHECKS: &[RowCheck] = &[
    (
        "fiscal_year",
        "TRY_CAST(fiscal_year AS INTEGER) NOT BETWEEN 2000 AND 2100 OR fiscal_year IS NULL",
        "not a fiscal year from 2000 on",
    ),
    (
        "border_region",
        "border_region IS NULL OR border_region NOT IN (SELECT DISTINCT border FROM usbp_sectors)",
        "not a border region (Southwest Land Border, Northern Land Border, Coastal Border)",
    ),
    (
        "encounters",
        "TRY_CAST(encounters AS BIGINT) IS NULL OR TRY_CAST(encounters AS BIGINT) < 0",
        "not a whole number from 0 up",
    ),
];

/// OHSS rounds the annual figure of the true total and each monthly sector
/// cell on its own, to the nearest 10: the two can differ by 5 per rounding.
const ANNUAL_KEYS: &[RowCheck] = &[
    (
        "border_region",
        "SELECT max(row), concat_ws(' ', fiscal_year, border_region) FROM usbp_annual_raw
         GROUP BY fiscal_year, border_region HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
        "more than one row for this fiscal year and border region",
    ),
    (
        "encounters",
        "SELECT a.row, concat_ws(' ', a.fiscal_year, a.border_region, 'annual', a.encounters,
                                 'monthly sectors', coalesce(m.encounters, 0))
         FROM usbp_annual_raw a LEFT JOIN (
             SELECT fiscal_year, border_region, sum(CAST(encounters AS BIGINT)) AS encounters,
                    count(*) AS cells
             FROM usbp_raw GROUP BY ALL) m
           ON m.fiscal_year = a.fiscal_year AND m.border_region = a.border_region
         WHERE abs(CAST(a.encounters AS BIGINT) - coalesce(m.encounters, 0)) > 5 * (coalesce(m.cells, 0) + 1)
         ORDER BY a.row LIMIT 1",
        "further from the sum of the monthly sector file than rounding explains",
    ),
];

/// OHSS's annual table by border region: the rounded true totals, served
/// as `usbp.border_regions` with a breakdown by border region. Needs
/// `usbp_raw` (the monthly sector file) to check it against.
fn add_annual_regions(conn: &Connection, path: &Path) -> Result<(), IngestError> {
    let raw = RawFile::load_checked(
        conn,
        path,
        "usbp_annual_raw",
        &["fiscal_year", "border_region", "encounters"],
        ANNUAL_CHECKS,
        ANNUAL_KEYS,
    )?;
    super::add_indicator(
        conn,
        &IndicatorRow {
            id: "usbp.border_regions",
            source: SOURCE_ID,
            name: words("US Border Patrol encounters by border region, yearly (migration enforcement, not trafficking)", "Encuentros de la Patrulla Fronteriza de EE. UU. por región fronteriza, por año (control migratorio, no trata)"),
            unit: words("Encounters", "Encuentros"),
            description: words("Border Patrol encounters per US fiscal year at the Southwest land border, the Northern land border and the coasts, from OHSS's annual table; the total is the sum of the three.", "Encuentros de la Patrulla Fronteriza por año fiscal de EE. UU. en la frontera terrestre del suroeste, la frontera terrestre del norte y las costas, de la tabla anual de la OHSS; el total es la suma de las tres."),
            caveats: &[
                CAVEATS,
                &[words(
                    "OHSS rounds each yearly figure from the true total, so these differ by a few tens from the sums of the monthly sector figures, whose roundings add up.",
                    "La OHSS redondea cada cifra anual a partir del total real, así que difieren en unas decenas de las sumas de las cifras mensuales por sector, cuyos redondeos se acumulan.",
                )],
            ]
            .concat(),
            frequency: Frequency::FiscalYear,
            breakdowns: &[BORDER_REGION],
            grain: "country",
            scope: "USA",
            reporters: "borders",
            suppressed_max: 0,
            additive: true,
            per_capita: false,
        },
    )
    .map_err(|e| raw.error(e))?;
    conn.execute_batch(
        "INSERT INTO observations
         SELECT 'usbp.border_regions', 'USA', CAST(fiscal_year AS INTEGER), 0,
                'by border region', border_region, 'Total', 'Total', 1,
                CAST(encounters AS BIGINT), false, encounters, 1
         FROM usbp_annual_raw;
         INSERT INTO observations
         SELECT 'usbp.border_regions', 'USA', CAST(fiscal_year AS INTEGER), 0,
                'Total', 'Total', 'Total', 'Total', 1,
                sum(CAST(encounters AS BIGINT)), false, CAST(sum(CAST(encounters AS BIGINT)) AS VARCHAR), 1
         FROM usbp_annual_raw GROUP BY ALL;",
    )
    .map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

/// One of OHSS's Southwest tables by citizenship or family status, as a
/// breakdown of `usbp.southwest`. `column` is one of [`BREAKDOWN_FILES`].
fn add_southwest_breakdown(
    conn: &Connection,
    path: &Path,
    column: &'static str,
    breakdown: &str,
) -> Result<(), IngestError> {
    let columns = [
        "fiscal_year",
        "fy_month_index",
        "month_name",
        "calendar_year",
        "calendar_month",
        "border_region",
        column,
        "encounters",
    ];
    let raw = RawFile::load_checked(
        conn,
        path,
        "usbp_breakdown_raw",
        &columns,
        MONTH_CHECKS,
        &[],
    )?;
    let key_sql = format!(
        "SELECT max(row), concat_ws(' ', fiscal_year, fy_month_index, border_region, \"{column}\")
         FROM usbp_breakdown_raw GROUP BY fiscal_year, fy_month_index, border_region, \"{column}\"
         HAVING count(*) > 1 ORDER BY 1 LIMIT 1"
    );
    let empty_sql = format!(
        "SELECT row, CAST(NULL AS VARCHAR) FROM usbp_breakdown_raw WHERE \"{column}\" IS NULL ORDER BY row LIMIT 1"
    );
    raw.check_keys(
        conn,
        &[
            (column, empty_sql.as_str(), "empty category"),
            (
                column,
                key_sql.as_str(),
                "more than one row for this fiscal month, border region and category",
            ),
        ],
    )?;
    conn.execute(
        &format!(
            "INSERT INTO observations
             SELECT 'usbp.southwest', 'USA', CAST(fiscal_year AS INTEGER), CAST(calendar_month AS INTEGER),
                    'by ' || ?, \"{column}\", 'Total', 'Total', 1,
                    CAST(encounters AS BIGINT), false, encounters, 1
             FROM usbp_breakdown_raw WHERE border_region = ?"
        ),
        params![breakdown, SOUTHWEST],
    )
    .map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

fn add_sectors(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(
        "CREATE TEMP TABLE usbp_sectors (name VARCHAR, code VARCHAR, state VARCHAR, border VARCHAR);",
    )?;
    for (name, code, state, border) in SECTORS {
        let sector_name = name.split(',').next().unwrap_or(name);
        conn.execute(
            "INSERT INTO regions (code, name, level, parent) VALUES (?, ?, 'sector', ?)",
            params![code, format!("{sector_name} sector (Border Patrol)"), state],
        )?;
        conn.execute(
            "INSERT INTO usbp_sectors VALUES (?, ?, ?, ?)",
            params![name, code, state, border],
        )?;
    }
    Ok(())
}

fn normalize(conn: &Connection) -> Result<(), duckdb::Error> {
    super::add_source(conn, &SOURCE)?;
    super::add_indicator(
        conn,
        &IndicatorRow {
            id: "usbp.encounters",
            source: SOURCE_ID,
            name: words(
                "US Border Patrol encounters (migration enforcement, not trafficking)",
                "Encuentros de la Patrulla Fronteriza de EE. UU. (control migratorio, no trata)",
            ),
            unit: words("Encounters", "Encuentros"),
            description: words(
                "Apprehensions and, in 2020–2023, Title 42 expulsions by the US Border Patrol between ports of entry, by sector and month, counted in US fiscal years.",
                "Aprehensiones y, en 2020–2023, expulsiones bajo el Título 42 de la Patrulla Fronteriza de EE. UU. entre puertos de entrada, por sector y mes, contadas en años fiscales de EE. UU.",
            ),
            caveats: CAVEATS,
            frequency: Frequency::FiscalYear,
            breakdowns: &[],
            grain: "sector",
            scope: "USA",
            reporters: "sectors",
            suppressed_max: 0,
            additive: true,
            per_capita: false,
        },
    )?;
    // `year` is the fiscal year, `month` the calendar month inside it.
    conn.execute_batch(
        "INSERT INTO observations
         SELECT 'usbp.encounters', s.code, CAST(r.fiscal_year AS INTEGER), CAST(r.calendar_month AS INTEGER),
                'Total', 'Total', 'Total', 'Total', 1,
                CAST(r.encounters AS BIGINT), false, r.encounters, 1
         FROM usbp_raw r JOIN usbp_sectors s ON s.name = r.sector;",
    )?;
    for (year, kind, text, text_es) in [
        (
            2020,
            "series-break",
            "From March 2020 (FY2020) to May 2023 (FY2023) encounters include Title 42 expulsions: the series counts something different in those years.",
            "De marzo de 2020 (AF2020) a mayo de 2023 (AF2023) los encuentros incluyen las expulsiones bajo el Título 42: la serie cuenta algo distinto en esos años.",
        ),
        (
            2025,
            "partial-year",
            "FY2025 covers October and November 2024 only.",
            "El AF2025 abarca solo octubre y noviembre de 2024.",
        ),
    ] {
        conn.execute(
            "INSERT INTO annotations VALUES (?, NULL, NULL, ?, ?, ?, ?)",
            params![SOURCE_ID, year, kind, text, text_es],
        )?;
    }
    Ok(())
}
