//! UNODC's Global Report on Trafficking in Persons (GLOTIP) country data,
//! read from the tidy CSV copy of the 14 April 2025 workbook.
//!
//! The file holds one row per country × indicator × breakdown × year. Cells
//! UNODC published as "<5" stay suppressed (no value), never zero.

use std::path::Path;

use duckdb::{Connection, params};
use tipstats_shared::Frequency;

use super::breakdowns::{AGE, CITIZENSHIP, COUNTRY_OF_REPATRIATION, FORM_OF_EXPLOITATION, SEX};
use super::raw::{RawFile, RowCheck};
use super::{IndicatorRow, IngestError, Source, Words, geography, place_names, words};

pub const FOLDER: &str = "unodc_glotip";
pub const FILE: &str = "glotip_2025-04_tidy.csv";
pub const SOURCE_ID: &str = "unodc-glotip";

const SOURCE: Source = Source {
    id: SOURCE_ID,
    name: "UNODC Global Report on Trafficking in Persons: country data",
    publisher: "United Nations Office on Drugs and Crime (UNODC)",
    citation: "UNODC, UNODC Research – Data Portal – Trafficking in Persons, release of 14 April 2025 (data to 2022), https://dataunodc.un.org/dp-trafficking-persons",
    url: "https://dataunodc.un.org/dp-trafficking-persons",
    terms: "Subject to the UNODC data portal's terms of use; cite UNODC as the source. No open licence is stated in the workbook.",
    retrieved: "2025-04-14",
};

const COLUMNS: [&str; 15] = [
    "iso3",
    "country",
    "region",
    "subregion",
    "indicator",
    "dimension",
    "category",
    "sex",
    "age",
    "year",
    "value",
    "value_suppressed",
    "value_text",
    "unit",
    "source",
];

/// (indicator id, name as published, description)
const INDICATORS: [(&str, Words, Words); 5] = [
    (
        "glotip.victims",
        words(
            "Detected trafficking victims",
            "Víctimas de trata detectadas",
        ),
        words(
            "Victims of trafficking in persons detected or identified by national authorities in the year.",
            "Víctimas de trata de personas detectadas o identificadas por las autoridades nacionales en el año.",
        ),
    ),
    (
        "glotip.prosecuted",
        words("Persons prosecuted", "Personas procesadas"),
        words(
            "Persons prosecuted for trafficking in persons in the year.",
            "Personas procesadas por trata de personas en el año.",
        ),
    ),
    (
        "glotip.convicted",
        words("Persons convicted", "Personas condenadas"),
        words(
            "Persons convicted of trafficking in persons in the year.",
            "Personas condenadas por trata de personas en el año.",
        ),
    ),
    (
        "glotip.contact",
        words(
            "Persons brought into formal contact",
            "Personas en contacto formal con la justicia",
        ),
        words(
            "Persons suspected, arrested or cautioned for trafficking in persons (brought into formal contact with the police or criminal justice system).",
            "Personas sospechosas, detenidas o amonestadas por trata de personas (en contacto formal con la policía o el sistema de justicia penal).",
        ),
    ),
    (
        "glotip.offences",
        words(
            "Offences of trafficking in persons",
            "Delitos de trata de personas",
        ),
        words(
            "Offences of trafficking in persons recorded by the authorities in the year.",
            "Delitos de trata de personas registrados por las autoridades en el año.",
        ),
    ),
];

const CAVEATS: &[Words] = &[
    words(
        "Detected victims are not prevalence: the figures count people identified by national authorities and reflect detection capacity, not the size of the crime.",
        "Las víctimas detectadas no son la prevalencia: las cifras cuentan a las personas identificadas por las autoridades nacionales y reflejan su capacidad de detección, no el tamaño del delito.",
    ),
    words(
        "Regional figures are sums of the countries that reported that year; coverage changes from year to year, so compare the number of reporting countries before reading a trend.",
        "Las cifras regionales son sumas de los países que reportaron ese año; la cobertura cambia de un año a otro: compare el número de países que reportan antes de leer una tendencia.",
    ),
    words(
        "Cells published as \"<5\" are suppressed: they count between 0 and 4 here, never as zero, and widen the range of any total that contains them.",
        "Las celdas publicadas como \"<5\" están suprimidas: aquí valen entre 0 y 4, nunca cero, y amplían el rango de todo total que las contenga.",
    ),
    words(
        "Breakdowns (sex, age, form of exploitation, citizenship) do not always add up to the total.",
        "Los desgloses (sexo, edad, forma de explotación, nacionalidad) no siempre suman el total.",
    ),
];

/// UN M49 regions and subregions as named in the file: (code, name, level, parent).
const M49: [(&str, &str, &str, Option<&str>); 23] = [
    ("001", "World", "world", None),
    ("002", "Africa", "region", Some("001")),
    ("019", "Americas", "region", Some("001")),
    ("142", "Asia", "region", Some("001")),
    ("150", "Europe", "region", Some("001")),
    ("009", "Oceania", "region", Some("001")),
    ("015", "Northern Africa", "subregion", Some("002")),
    ("202", "Sub-Saharan Africa", "subregion", Some("002")),
    (
        "419",
        "Latin America and the Caribbean",
        "subregion",
        Some("019"),
    ),
    ("021", "Northern America", "subregion", Some("019")),
    ("143", "Central Asia", "subregion", Some("142")),
    ("030", "Eastern Asia", "subregion", Some("142")),
    ("035", "South-eastern Asia", "subregion", Some("142")),
    ("034", "Southern Asia", "subregion", Some("142")),
    ("145", "Western Asia", "subregion", Some("142")),
    ("151", "Eastern Europe", "subregion", Some("150")),
    ("154", "Northern Europe", "subregion", Some("150")),
    ("039", "Southern Europe", "subregion", Some("150")),
    ("155", "Western Europe", "subregion", Some("150")),
    ("053", "Australia and New Zealand", "subregion", Some("009")),
    ("054", "Melanesia", "subregion", Some("009")),
    ("057", "Micronesia", "subregion", Some("009")),
    ("061", "Polynesia", "subregion", Some("009")),
];

/// Sark is in the file without an ISO 3166-1 code (it has none); tipstats
/// gives it a code from ISO's user-assigned range.
pub const SARK_CODE: &str = "XSK";

/// The breakdowns GLOTIP publishes besides the total.
const BREAKDOWNS: &[Words] = &[
    SEX,
    AGE,
    FORM_OF_EXPLOITATION,
    CITIZENSHIP,
    COUNTRY_OF_REPATRIATION,
];

/// Category labels in which the publisher's workbook itself has U+FFFD, the
/// replacement character, where an accented letter or a curly quote was lost
/// before publication, each with the label restored. Each word is
/// unambiguous; the restored label is the one stored and shown.
pub const RESTORED_LABELS: [(&str, &str); 23] = [
    ("(especifique el pa\u{fffd}s)", "(especifique el país)"),
    (
        "3 nig\u{fffd}riens et 1 tunisien",
        "3 nigériens et 1 tunisien",
    ),
    ("BELICE\u{fffd}A", "BELICEÑA"),
    ("Ciudadanos de su pa\u{fffd}s", "Ciudadanos de su país"),
    ("C\u{fffd}TE D'IVOIRE", "CÔTE D'IVOIRE"),
    ("C\u{fffd}te d\u{fffd}Ivoire", "Côte d’Ivoire"),
    ("ESPA\u{fffd}A", "ESPAÑA"),
    ("Espa\u{fffd}a", "España"),
    ("HONDURE\u{fffd}A", "HONDUREÑA"),
    ("Hait\u{fffd}", "Haití"),
    ("M\u{fffd}XICO", "MÉXICO"),
    ("PANAM\u{fffd}", "PANAMÁ"),
    ("PER\u{fffd}", "PERÚ"),
    ("Panam\u{fffd}", "Panamá"),
    (
        "Personnes de nationalit\u{fffd} \u{fffd}trang\u{fffd}re",
        "Personnes de nationalité étrangère",
    ),
    ("Per\u{fffd}", "Perú"),
    ("REP\u{fffd}BLICA DOMINICANA", "REPÚBLICA DOMINICANA"),
    ("Rep\u{fffd}blica Dominicana", "República Dominicana"),
    ("SALVADORE\u{fffd}A", "SALVADOREÑA"),
    ("Salvadore\u{fffd}as", "Salvadoreñas"),
    ("Salvadore\u{fffd}os", "Salvadoreños"),
    ("Turqu\u{fffd}a", "Turquía"),
    ("T\u{fffd}rkiye", "Türkiye"),
];

/// Checks each row must pass: (column, condition that marks a bad row, reason).
/// The conditions are constants; no input reaches the SQL text.
const ROW_CHECKS: &[RowCheck] = &[
    ("country", "country IS NULL", "country name is empty"),
    (
        "iso3",
        "NOT regexp_full_match(coalesce(iso3, ''), '[A-Z]{3}') AND country <> 'Sark'",
        "not an ISO 3166-1 alpha-3 code",
    ),
    (
        "region",
        "region NOT IN (SELECT name FROM m49 WHERE level = 'region')",
        "not a UN M49 region name",
    ),
    (
        "subregion",
        "subregion NOT IN (SELECT name FROM m49 WHERE level = 'subregion')",
        "not a UN M49 subregion name",
    ),
    (
        "subregion",
        "(SELECT p.name FROM m49 s JOIN m49 p ON p.code = s.parent WHERE s.name = subregion) IS DISTINCT FROM region",
        "subregion does not belong to the row's region",
    ),
    (
        "indicator",
        "indicator NOT IN (SELECT name FROM indicator_names)",
        "unknown indicator",
    ),
    (
        "dimension",
        "dimension NOT IN ('Total', 'by form of exploitation', 'by citizenship', 'by country of repatriation')",
        "unknown dimension",
    ),
    (
        "category",
        // A breakdown row may have no category (the publisher left it blank):
        // it is kept as "(not stated)".
        "(dimension = 'Total') <> (coalesce(category, '') = 'Total')",
        "category must be Total exactly when dimension is Total",
    ),
    (
        "sex",
        "sex NOT IN ('Total', 'Female', 'Male', 'Other', 'Unknown')",
        "unknown sex category",
    ),
    (
        "age",
        "age NOT IN ('Total', '0 to 17 years', '18 years or over', 'Unknown')",
        "unknown age group",
    ),
    (
        "year",
        "TRY_CAST(year AS INTEGER) IS NULL",
        "not a whole number",
    ),
    (
        "year",
        "TRY_CAST(year AS INTEGER) NOT BETWEEN 1990 AND 2100",
        "year outside 1990–2100",
    ),
    (
        "value_suppressed",
        "value_suppressed IS NULL OR value_suppressed NOT IN ('True', 'False')",
        "must be True or False",
    ),
    (
        "value",
        "value_suppressed = 'False' AND TRY_CAST(value AS BIGINT) IS NULL",
        "not a whole number",
    ),
    ("value", "TRY_CAST(value AS BIGINT) < 0", "negative count"),
    (
        "value",
        "value_suppressed = 'True' AND value IS NOT NULL",
        "a suppressed cell has a value",
    ),
    (
        "value_text",
        "value_suppressed = 'True' AND value_text IS DISTINCT FROM '<5'",
        "a suppressed cell must read \"<5\"",
    ),
    (
        "value_text",
        "value_suppressed = 'False' AND replace(value_text, ',', '') IS DISTINCT FROM value",
        "does not match `value`",
    ),
    (
        "unit",
        "unit IS DISTINCT FROM 'Counts'",
        "unit must be Counts",
    ),
    (
        "source",
        "source IS DISTINCT FROM 'GLOTIP'",
        "source must be GLOTIP",
    ),
];

/// A country has one name and one subregion, and a total has one row per
/// country, indicator and year. (Breakdown cells do repeat in the file,
/// where the tidy copy merged sub-categories; they are kept, numbered by
/// `seq`.)
const KEY_CHECKS: &[RowCheck] = &[
    (
        "iso3",
        "SELECT max(row), iso3 FROM glotip_raw WHERE iso3 IS NOT NULL GROUP BY iso3
         HAVING count(DISTINCT country) > 1 OR count(DISTINCT subregion) > 1 ORDER BY 1 LIMIT 1",
        "the same code is used with different country names or subregions",
    ),
    (
        "year",
        "SELECT max(row), concat_ws(' ', coalesce(iso3, country), indicator, year) FROM glotip_raw
         WHERE dimension = 'Total' AND sex = 'Total' AND age = 'Total'
         GROUP BY coalesce(iso3, country), indicator, year HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
        "duplicate total for this country, indicator and year",
    ),
];

/// Reads, checks and normalizes the GLOTIP file into the schema's tables.
pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(FILE);
    let raw = RawFile::load(conn, &path, "glotip_raw", &COLUMNS)?;
    create_lookups(conn).map_err(|e| raw.error(e))?;
    raw.check_rows(conn, ROW_CHECKS)?;
    raw.check_keys(conn, KEY_CHECKS)?;
    // GLOTIP brings every country: the file must have those that the
    // national sources' states hang under.
    for (code, name) in geography::COUNTRIES_WITH_STATES {
        let present: bool = conn
            .query_row(
                "SELECT count(*) > 0 FROM glotip_raw WHERE iso3 = ?",
                [code],
                |r| r.get(0),
            )
            .map_err(|e| raw.error(e))?;
        if !present {
            return Err(IngestError::in_column(
                &path,
                "iso3",
                format!(
                    "no rows for {code} ({name}): the states and Border Patrol sectors of the national sources are placed under it"
                ),
            ));
        }
    }
    leave_out_what_is_not_a_count(conn).map_err(|e| raw.error(e))?;
    normalize(conn).map_err(|e| raw.error(e))?;
    annotate(conn).map_err(|e| raw.error(e))
}

/// The largest count GLOTIP could hold: no country has detected,
/// prosecuted or convicted a million people in a year (the largest total in
/// the release is Pakistan's 32,022 detected victims in 2019).
const NOT_A_COUNT: i64 = 1_000_000;

/// Some cells of the workbook hold something else than a count, and are left
/// out of the figures, with an annotation on each country-year that says so,
/// how many cells and an example (kept in `left_out` until [`annotate`]
/// stores it beside the indicators):
/// - the questionnaire's item codes: a category such as `Q6.1_21s_2020` with
///   the value 61,212,020, or a real category with 6,112,019 (item 6.1_1,
///   2019): Pakistan's and Sierra Leone's persons convicted by citizenship in
///   2019–2021, Andorra's in 2022 and El Salvador's in 2021;
/// - the year itself: a breakdown cell whose value is its own year and more
///   than the country's total (the Dominican Republic's victims of other
///   forms of exploitation, 2019–2022: 2,019 of a total of 195, and so on).
fn leave_out_what_is_not_a_count(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE not_counts AS
         SELECT row, codes FROM (
             SELECT r.row,
                    regexp_matches(coalesce(r.category, ''), '^Q[0-9]')
                        OR TRY_CAST(r.value AS DOUBLE) >= {NOT_A_COUNT} AS codes,
                    r.dimension <> 'Total' AND r.value = r.year AND EXISTS (
                        SELECT 1 FROM glotip_raw t
                        WHERE t.iso3 = r.iso3 AND t.indicator = r.indicator AND t.year = r.year
                          AND t.dimension = 'Total' AND t.sex = 'Total' AND t.age = 'Total'
                          AND TRY_CAST(t.value AS DOUBLE) < TRY_CAST(r.value AS DOUBLE)) AS year_as_value
             FROM glotip_raw r)
         WHERE codes OR year_as_value"
    ))?;
    conn.execute(
        &format!(
            "CREATE TEMP TABLE left_out AS
             SELECT ? AS source_id, n.id, coalesce(r.iso3, '{SARK_CODE}'), CAST(r.year AS INTEGER), 'left-out',
                    'The publisher''s workbook gives ' || r.country || '''s ' || lower(r.indicator)
                    || ' ' || r.dimension || ' in ' || r.year
                    || CASE WHEN c.codes THEN ' as questionnaire item codes, not counts ('
                            ELSE ' as the year itself, not a count (' END
                    || CASE WHEN count(*) = 1
                            THEN '1 cell: ' || max(r.value_text) || '): tipstats leaves it out.'
                            ELSE count(*) || ' cells, such as ' || max(r.value_text)
                                 || '): tipstats leaves them out.' END,
                    'El libro de trabajo del editor da ' || lower(n.name_es) || ' '
                    || coalesce(d.es, r.dimension) || ' de ' || coalesce(p.es, r.country) || ' en ' || r.year
                    || CASE WHEN c.codes THEN ' como códigos de ítems del cuestionario, no conteos ('
                            ELSE ' con el propio año en lugar de un conteo (' END
                    || CASE WHEN count(*) = 1
                            THEN '1 celda: ' || replace(max(r.value_text), ',', chr(160))
                                 || '): tipstats la deja fuera.'
                            ELSE count(*) || ' celdas, como ' || replace(max(r.value_text), ',', chr(160))
                                 || '): tipstats las deja fuera.' END
             FROM glotip_raw r JOIN not_counts c USING (row)
                  JOIN indicator_names n ON n.name = r.indicator
                  LEFT JOIN spanish_places p ON p.code = r.iso3
                  LEFT JOIN spanish_dimensions d ON d.dimension = r.dimension
             GROUP BY n.id, n.name_es, r.iso3, r.country, p.es, r.indicator, r.dimension, d.es, r.year, c.codes"
        ),
        params![SOURCE_ID],
    )?;
    conn.execute_batch(
        "DELETE FROM glotip_raw WHERE row IN (SELECT row FROM not_counts);
         DROP TABLE not_counts;",
    )
}

/// A country whose total is at least this large moves its regions' sums
/// visibly when it starts or stops reporting.
const LARGE_REPORTER: i64 = 1_000;

/// Marks the years where a large reporter enters or leaves a series, so that
/// a regional jump is read as a change in who reported (Pakistan's 2019
/// entry, the United Kingdom's missing 2022 total), not only in what happened.
fn annotate(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch("INSERT INTO annotations SELECT * FROM left_out; DROP TABLE left_out;")?;
    conn.execute(
        "INSERT INTO annotations
         WITH totals AS (
             SELECT indicator_id, region_code, year, value FROM observations
             WHERE indicator_id LIKE 'glotip.%' AND dimension = 'Total' AND category = 'Total'
               AND sex = 'Total' AND age = 'Total'
         ),
         spans AS (SELECT indicator_id, min(year) AS first, max(year) AS last FROM totals GROUP BY ALL)
         SELECT ?, t.indicator_id, t.region_code, t.year, 'reporter-enters',
                r.name || ' reports ' || format('{:,}', t.value) || ' in ' || t.year
                || ' and had no total in ' || (t.year - 1) || ': every region that contains it rises with its entry.',
                coalesce(p.es, r.name) || ' reporta ' || replace(format('{:,}', t.value), ',', chr(160))
                || ' en ' || t.year || ' y no tuvo total en ' || (t.year - 1)
                || ': toda región que lo contiene sube con su entrada.'
         FROM totals t JOIN spans s USING (indicator_id) JOIN regions r ON r.code = t.region_code
              LEFT JOIN spanish_places p ON p.code = t.region_code
         WHERE t.value >= ? AND t.year > s.first
           AND NOT EXISTS (SELECT 1 FROM totals p WHERE p.indicator_id = t.indicator_id
                           AND p.region_code = t.region_code AND p.year = t.year - 1)
         UNION ALL
         SELECT ?, t.indicator_id, t.region_code, t.year + 1, 'reporter-leaves',
                r.name || ' reported ' || format('{:,}', t.value) || ' in ' || t.year
                || ' and has no total for ' || (t.year + 1) || ': every region that contains it falls without it.',
                coalesce(p.es, r.name) || ' reportó ' || replace(format('{:,}', t.value), ',', chr(160))
                || ' en ' || t.year || ' y no tiene total para ' || (t.year + 1)
                || ': toda región que lo contiene baja sin él.'
         FROM totals t JOIN spans s USING (indicator_id) JOIN regions r ON r.code = t.region_code
              LEFT JOIN spanish_places p ON p.code = t.region_code
         WHERE t.value >= ? AND t.year < s.last
           AND NOT EXISTS (SELECT 1 FROM totals n WHERE n.indicator_id = t.indicator_id
                           AND n.region_code = t.region_code AND n.year = t.year + 1)",
        params![SOURCE_ID, LARGE_REPORTER, SOURCE_ID, LARGE_REPORTER],
    )?;
    conn.execute_batch("DROP TABLE spanish_places; DROP TABLE spanish_dimensions;")
}

fn create_lookups(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(
        "CREATE TEMP TABLE m49 (code VARCHAR, name VARCHAR, level VARCHAR, parent VARCHAR);
         CREATE TEMP TABLE indicator_names (id VARCHAR, name VARCHAR, name_es VARCHAR);
         CREATE TEMP TABLE restored_labels (garbled VARCHAR, restored VARCHAR);
         CREATE TEMP TABLE spanish_places (code VARCHAR, es VARCHAR);
         CREATE TEMP TABLE spanish_dimensions (dimension VARCHAR, es VARCHAR);",
    )?;
    // The Spanish of the annotations this ingest writes.
    for (code, es) in place_names::SPANISH {
        conn.execute(
            "INSERT INTO spanish_places VALUES (?, ?)",
            params![code, es],
        )?;
    }
    for breakdown in BREAKDOWNS {
        conn.execute(
            "INSERT INTO spanish_dimensions VALUES (?, ?)",
            params![
                format!("by {}", breakdown.en),
                format!("por {}", breakdown.es)
            ],
        )?;
    }
    for (garbled, restored) in RESTORED_LABELS {
        conn.execute(
            "INSERT INTO restored_labels VALUES (?, ?)",
            params![garbled, restored],
        )?;
    }
    for (code, name, level, parent) in M49 {
        conn.execute(
            "INSERT INTO m49 VALUES (?, ?, ?, ?)",
            params![code, name, level, parent],
        )?;
    }
    for (id, name, _) in INDICATORS {
        conn.execute(
            "INSERT INTO indicator_names VALUES (?, ?, ?)",
            params![id, name.en, name.es],
        )?;
    }
    Ok(())
}

fn normalize(conn: &Connection) -> Result<(), duckdb::Error> {
    super::add_source(conn, &SOURCE)?;
    for (id, name, description) in INDICATORS {
        super::add_indicator(
            conn,
            &IndicatorRow {
                id,
                source: SOURCE_ID,
                name,
                unit: words("Counts", "Conteos"),
                description,
                caveats: CAVEATS,
                frequency: Frequency::CalendarYear,
                breakdowns: BREAKDOWNS,
                grain: "country",
                scope: "001",
                reporters: "countries",
                suppressed_max: 4,
                additive: true,
                per_capita: true,
            },
        )?;
    }
    conn.execute_batch(&format!(
        "INSERT INTO regions (code, name, level, parent) SELECT code, name, level, parent FROM m49;
         INSERT INTO regions (code, name, level, parent)
         SELECT DISTINCT coalesce(r.iso3, '{SARK_CODE}'), r.country, 'country', m.code
         FROM glotip_raw r JOIN m49 m ON m.name = r.subregion AND m.level = 'subregion';
         INSERT INTO observations
         WITH labelled AS (
             SELECT r.*, coalesce(l.restored, r.category, '(not stated)') AS label
             FROM glotip_raw r LEFT JOIN restored_labels l ON l.garbled = r.category
         )
         SELECT n.id, coalesce(r.iso3, '{SARK_CODE}'), CAST(r.year AS INTEGER), 0,
                r.dimension, r.label, r.sex, r.age,
                row_number() OVER (PARTITION BY n.id, coalesce(r.iso3, '{SARK_CODE}'), r.year,
                                   r.dimension, r.label, r.sex, r.age ORDER BY r.row),
                CASE WHEN r.value_suppressed = 'True' THEN NULL ELSE CAST(r.value AS BIGINT) END,
                r.value_suppressed = 'True',
                r.value_text,
                1
         FROM labelled r JOIN indicator_names n ON n.name = r.indicator;
         DROP TABLE glotip_raw; DROP TABLE m49; DROP TABLE indicator_names; DROP TABLE restored_labels;"
    ))
}
