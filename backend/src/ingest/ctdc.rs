//! CTDC's (IOM's) victim–perpetrator synthetic records, aggregated here to
//! UN region of exploitation × registration-year band × breakdown, with
//! CTDC's own minimum cell size of 11 applied before anything is stored.
//!
//! Record-level data must never reveal a small group of people: a count
//! below 11 is suppressed ("<11"), and within each group of cells that
//! share a region, band and breakdown, more cells are suppressed (smallest
//! first) until the suppressed ones together hold at least 11 records, so
//! that no difference of published figures comes out below 11.

use std::path::Path;

use duckdb::{Connection, params};
use tipstats_shared::Frequency;

use super::breakdowns::{AGE, FORM_OF_EXPLOITATION, PERPETRATOR_RELATION, PERPETRATOR_ROLE, SEX};
use super::raw::{RawFile, RowCheck};
use super::{IndicatorRow, IngestError, Source, Words, words};

pub const FOLDER: &str = "ctdc_vp_synthetic";
pub const FILE: &str = "ctdc_vp_synthetic_condensed.csv";
pub const SOURCE_ID: &str = "ctdc-vp-synthetic";

const SOURCE: Source = Source {
    id: SOURCE_ID,
    name: "CTDC global victim–perpetrator synthetic dataset (condensed)",
    publisher: "Counter Trafficking Data Collaborative (CTDC), International Organization for Migration (IOM)",
    citation: "Counter Trafficking Data Collaborative (IOM), Global Victim-Perpetrator Synthetic Dataset, condensed file; aggregated by tipstats with a minimum cell size of 11",
    url: "https://www.ctdatacollaborative.org/",
    terms: "Subject to CTDC's terms of use; attribute to CTDC/IOM. Only aggregates with at least 11 records per cell are republished.",
    retrieved: "2025-01-06",
};
/// CTDC's minimum cell size.
pub const K: i64 = 11;
/// CTDC pools the Americas with Oceania; so must tipstats.
pub const AMERICAS_OCEANIA: &str = "X19";

const COLUMNS: [&str; 16] = [
    "yearRegister",
    "gender",
    "majorityStatus",
    "isForcedLabour",
    "isSexualExploit",
    "UN_COO_Region",
    "UN_COE_Region",
    "IP_Exploiter",
    "IP_Gender",
    "IP_ageBroad",
    "IP_citizen_UNRegion",
    "IP_Relation",
    "IP_PayMoney",
    "IP_RecruiterBroker",
    "IP_TransactionProcess",
    "IP_ControlAbuseKidnap",
];

const CAVEATS: &[Words] = &[
    words(
        "Synthetic records generated from the case records of organisations that assist victims: they describe assisted and identified cases, mostly in Europe, Asia and Africa, and are not a sample of all victims.",
        "Registros sintéticos generados a partir de los expedientes de organizaciones que asisten a víctimas: describen casos asistidos e identificados, sobre todo en Europa, Asia y África, y no son una muestra de todas las víctimas.",
    ),
    words(
        "Registration years come in bands (2005–2013, 2014–2018, 2019, 2020, 2021–2022); each band is shown at its last year, and records of unknown year or region are in no figure.",
        "Los años de registro vienen en tramos (2005–2013, 2014–2018, 2019, 2020, 2021–2022); cada tramo se muestra en su último año, y los registros de año o región desconocidos no están en ninguna cifra.",
    ),
    words(
        "Counts below 11 are suppressed (\"<11\"), and further cells are suppressed where the difference of published figures would reveal fewer than 11 records.",
        "Los conteos menores de 11 están suprimidos (\"<11\"), y se suprimen otras celdas donde la diferencia entre cifras publicadas revelaría menos de 11 registros.",
    ),
    words(
        "The Americas and Oceania are one region in this source, and thin: it cannot speak for the Mexico–USA border.",
        "Las Américas y Oceanía son una sola región en esta fuente, y escasa: no puede hablar por la frontera México–Estados Unidos.",
    ),
    words(
        "Flags are recorded or not recorded: a record without the flag is \"not recorded\", not \"no\"; a record can carry several.",
        "Las marcas están registradas o no registradas: un registro sin la marca es \"no registrado\", no \"no\"; un registro puede llevar varias.",
    ),
];

const ROW_CHECKS: &[RowCheck] = &[
    (
        "yearRegister",
        "\"yearRegister\" NOT IN ('2005-2013', '2014-2018', '2019', '2020', '2021-2022')",
        "not a CTDC registration-year band",
    ),
    (
        "gender",
        "gender NOT IN ('Female', 'Male')",
        "not Female or Male",
    ),
    (
        "majorityStatus",
        "\"majorityStatus\" NOT IN ('Adult', 'Minor')",
        "not Adult or Minor",
    ),
    (
        "isForcedLabour",
        "\"isForcedLabour\" <> '1'",
        "a flag is 1 or blank",
    ),
    (
        "isSexualExploit",
        "\"isSexualExploit\" <> '1'",
        "a flag is 1 or blank",
    ),
    (
        "IP_RecruiterBroker",
        "\"IP_RecruiterBroker\" <> '1'",
        "a flag is 1 or blank",
    ),
    (
        "IP_ControlAbuseKidnap",
        "\"IP_ControlAbuseKidnap\" <> '1'",
        "a flag is 1 or blank",
    ),
    (
        "UN_COE_Region",
        "\"UN_COE_Region\" NOT IN ('Africa', 'Asia', 'Europe', 'Americas/Oceania')",
        "not a CTDC region",
    ),
    (
        "IP_Relation",
        "EXISTS (SELECT 1 FROM unnest(string_split(\"IP_Relation\", ';')) t(r) WHERE r NOT IN ('StrangerUnknownOther', 'FriendAcquaintance', 'FamilyIntimatePartner'))",
        "not a CTDC relation",
    ),
];

pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(FILE);
    let raw = RawFile::load_checked(conn, &path, "ctdc_raw", &COLUMNS, ROW_CHECKS, &[])?;
    normalize(conn).map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

fn normalize(conn: &Connection) -> Result<(), duckdb::Error> {
    super::add_source(conn, &SOURCE)?;
    conn.execute(
        "INSERT INTO regions (code, name, level, parent) VALUES (?, 'Americas and Oceania (pooled by CTDC)', 'region', '001')",
        params![AMERICAS_OCEANIA],
    )?;
    super::add_indicator(
        conn,
        &IndicatorRow {
            id: "ctdc.victims",
            source: SOURCE_ID,
            name: words(
                "Assisted victims in CTDC records (synthetic)",
                "Víctimas asistidas en los registros del CTDC (sintéticos)",
            ),
            unit: words("Victims", "Víctimas"),
            description: words(
                "Victims in CTDC's synthetic victim–perpetrator records, by UN region of exploitation and the band of years their case was registered in.",
                "Víctimas en los registros sintéticos de víctimas y perpetradores del CTDC, por región de explotación de la ONU y por el tramo de años en que se registró su caso.",
            ),
            caveats: CAVEATS,
            frequency: Frequency::RegistrationYearBand,
            breakdowns: &[
                SEX,
                AGE,
                FORM_OF_EXPLOITATION,
                PERPETRATOR_RELATION,
                PERPETRATOR_ROLE,
            ],
            grain: "region",
            scope: "001",
            reporters: "regions",
            suppressed_max: K - 1,
            additive: true,
            per_capita: false,
        },
    )?;
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE ctdc_records AS
         SELECT CASE \"UN_COE_Region\" WHEN 'Africa' THEN '002' WHEN 'Asia' THEN '142'
                     WHEN 'Europe' THEN '150' ELSE '{AMERICAS_OCEANIA}' END AS region_code,
                CAST(right(\"yearRegister\", 4) AS INTEGER) AS year,
                coalesce(gender, 'Unknown') AS sex,
                CASE \"majorityStatus\" WHEN 'Adult' THEN '18 years or over'
                     WHEN 'Minor' THEN '0 to 17 years' ELSE 'Unknown' END AS age,
                \"isForcedLabour\" = '1' AS forced_labour,
                \"isSexualExploit\" = '1' AS sexual,
                coalesce(string_split(\"IP_Relation\", ';'), []) AS relations,
                \"IP_RecruiterBroker\" = '1' AS recruiter,
                \"IP_ControlAbuseKidnap\" = '1' AS control
         FROM ctdc_raw
         WHERE \"UN_COE_Region\" IS NOT NULL AND \"yearRegister\" IS NOT NULL;

         -- (region, year, dimension, category, sex, age, count): every cell
         -- before suppression. `grp` names the cells a total is split into.
         CREATE TEMP TABLE ctdc_cells AS
         SELECT region_code, year, 'total' AS grp, 'Total' AS dimension, 'Total' AS category,
                'Total' AS sex, 'Total' AS age, count(*) AS n FROM ctdc_records GROUP BY ALL
         UNION ALL
         SELECT region_code, year, 'sex', 'Total', 'Total', sex, 'Total', count(*)
         FROM ctdc_records GROUP BY ALL
         UNION ALL
         SELECT region_code, year, 'age', 'Total', 'Total', 'Total', age, count(*)
         FROM ctdc_records GROUP BY ALL
         UNION ALL
         SELECT region_code, year, 'exploitation', 'by form of exploitation', category, 'Total', 'Total', count(*)
         FROM (SELECT region_code, year, 'Forced labour' AS category FROM ctdc_records WHERE forced_labour
               UNION ALL
               SELECT region_code, year, 'Sexual exploitation' FROM ctdc_records WHERE sexual
               UNION ALL
               SELECT region_code, year, 'Not recorded' FROM ctdc_records WHERE NOT coalesce(forced_labour, false) AND NOT coalesce(sexual, false))
         GROUP BY ALL
         UNION ALL
         SELECT region_code, year, 'relation', 'by perpetrator relation',
                CASE relation WHEN 'StrangerUnknownOther' THEN 'Stranger, unknown or other'
                              WHEN 'FriendAcquaintance' THEN 'Friend or acquaintance'
                              WHEN 'FamilyIntimatePartner' THEN 'Family or intimate partner'
                              ELSE 'Not recorded' END,
                'Total', 'Total', count(*)
         FROM (SELECT region_code, year, unnest(CASE WHEN len(relations) = 0 THEN ['none'] ELSE relations END) AS relation
               FROM ctdc_records)
         GROUP BY ALL
         UNION ALL
         SELECT region_code, year, 'role', 'by perpetrator role', category, 'Total', 'Total', count(*)
         FROM (SELECT region_code, year, 'Recruiter or broker' AS category FROM ctdc_records WHERE recruiter
               UNION ALL
               SELECT region_code, year, 'Control, abuse or kidnapping' FROM ctdc_records WHERE control)
         GROUP BY ALL;

         -- Primary suppression (n < k) and complementary suppression: in a
         -- group with any small cell, the smallest cells are suppressed
         -- until together they hold at least k records.
         CREATE TEMP TABLE ctdc_published AS
         SELECT *, n < {K} OR (
                    bool_or(n < {K}) OVER g
                    AND sum(n) OVER (g ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) IS DISTINCT FROM NULL
                    AND sum(n) OVER (g ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) < {K}
                ) AS suppressed
         FROM ctdc_cells
         WINDOW g AS (PARTITION BY region_code, year, grp ORDER BY n, category, sex, age);

         INSERT INTO observations
         SELECT 'ctdc.victims', region_code, year, 0, dimension, category, sex, age, 1,
                CASE WHEN suppressed THEN NULL ELSE n END, suppressed,
                CASE WHEN suppressed THEN '<{K}' ELSE CAST(n AS VARCHAR) END, 1
         FROM ctdc_published;
         DROP TABLE ctdc_published; DROP TABLE ctdc_cells; DROP TABLE ctdc_records;"
    ))?;
    conn.execute(
        "INSERT INTO annotations VALUES (?, 'ctdc.victims', NULL, NULL, 'series-break', ?, ?)",
        params![
            SOURCE_ID,
            "Each point pools a band of registration years (2005–2013 at 2013, 2014–2018 at 2018, 2021–2022 at 2022): points are not single years and the line between them is not a yearly trend.",
            "Cada punto agrupa un tramo de años de registro (2005–2013 en 2013, 2014–2018 en 2018, 2021–2022 en 2022): los puntos no son años sueltos y la línea entre ellos no es una tendencia anual."
        ],
    )?;
    Ok(())
}
