//! The FBI's Uniform Crime Reporting (UCR) human trafficking collection,
//! 2013–2020: offenses reported by law-enforcement agencies, summed here to
//! state × year, with the number of reporting agencies as the coverage.

use std::path::Path;

use duckdb::{Connection, params};
use tipstats_shared::Frequency;

use super::breakdowns::FORM_OF_EXPLOITATION;
use super::raw::{RawFile, RowCheck};
use super::{IndicatorRow, IngestError, Source, Words, words};

pub const FOLDER: &str = "us_fbi_ucr_trafficking";
pub const FILE: &str = "fbi_ucr_human_trafficking_by_agency_2013_2020.csv";
pub const SOURCE_ID: &str = "us-fbi-ucr";

const SOURCE: Source = Source {
    id: SOURCE_ID,
    name: "FBI Uniform Crime Reporting: human trafficking offenses",
    publisher: "Federal Bureau of Investigation (FBI), Uniform Crime Reporting Program",
    citation: "FBI, Uniform Crime Reporting Program, Human Trafficking data collection, 2013–2020 (agency-level file via the Crime Data Explorer), summed by state",
    url: "https://cde.ucr.cjis.gov/",
    terms: "A US federal government work, in the public domain in the US.",
    retrieved: "2022-02-23",
};

const COLUMNS: [&str; 19] = [
    "DATA_YEAR",
    "ORI",
    "PUB_AGENCY_NAME",
    "PUB_AGENCY_UNIT",
    "AGENCY_TYPE_NAME",
    "STATE_ABBR",
    "STATE_NAME",
    "DIVISION_NAME",
    "COUNTY_NAME",
    "REGION_NAME",
    "POPULATION_GROUP_CODE",
    "POPULATION_GROUP_DESC",
    "OFFENSE_SUBCAT_ID",
    "OFFENSE_NAME",
    "OFFENSE_SUBCAT_NAME",
    "ACTUAL_COUNT",
    "UNFOUNDED_COUNT",
    "CLEARED_COUNT",
    "JUVENILE_CLEARED_COUNT",
];

/// (indicator id, count column, name, unit, description)
const INDICATORS: [(&str, &str, Words, Words, Words); 2] = [
    (
        "fbi.offenses",
        "ACTUAL_COUNT",
        words(
            "Human trafficking offenses known to police (FBI UCR)",
            "Delitos de trata de personas conocidos por la policía (UCR del FBI)",
        ),
        words("Offenses", "Delitos"),
        words(
            "Human trafficking offenses reported by US law-enforcement agencies to the FBI's UCR program, after unfounded reports are removed, summed by state.",
            "Delitos de trata de personas reportados por las agencias policiales de EE. UU. al programa UCR del FBI, descontadas las denuncias infundadas, sumados por estado.",
        ),
    ),
    (
        "fbi.cleared",
        "CLEARED_COUNT",
        words(
            "Human trafficking offenses cleared (FBI UCR)",
            "Delitos de trata de personas esclarecidos (UCR del FBI)",
        ),
        words("Offenses cleared", "Delitos esclarecidos"),
        words(
            "Human trafficking offenses cleared by arrest or by exceptional means, as reported by US law-enforcement agencies, summed by state.",
            "Delitos de trata de personas esclarecidos por arresto o por medios excepcionales, según los reportan las agencias policiales de EE. UU., sumados por estado.",
        ),
    ),
];

const CAVEATS: &[Words] = &[
    words(
        "Agencies report voluntarily and more joined every year: the rising totals mostly reflect more agencies reporting, not more trafficking. Read the number of reporting agencies beside every figure.",
        "Las agencias reportan de forma voluntaria y cada año se sumaron más: el aumento de los totales refleja sobre todo que más agencias reportan, no más trata. Lea el número de agencias que reportan junto a cada cifra.",
    ),
    words(
        "Only agencies with a record appear; an agency that reported no offense is not counted as reporting.",
        "Solo aparecen las agencias con algún registro; una agencia que no reportó ningún delito no cuenta como agencia que reporta.",
    ),
    words(
        "Offenses known to police, not prevalence.",
        "Delitos conocidos por la policía, no la prevalencia.",
    ),
    words(
        "The series ends in 2020: the FBI's move to NIBRS-only reporting in 2021 breaks it.",
        "La serie termina en 2020: el paso del FBI a reportar solo por NIBRS en 2021 la interrumpe.",
    ),
];

/// The FBI writes Nebraska as NB; ISO 3166-2 says NE.
const STATE_CODE: &str = "'US-' || CASE \"STATE_ABBR\" WHEN 'NB' THEN 'NE' ELSE \"STATE_ABBR\" END";

const ROW_CHECKS: &[RowCheck] = &[
    (
        "DATA_YEAR",
        "TRY_CAST(\"DATA_YEAR\" AS INTEGER) NOT BETWEEN 2013 AND 2100 OR \"DATA_YEAR\" IS NULL",
        "not a year from 2013 on",
    ),
    (
        "ORI",
        "\"ORI\" IS NULL OR NOT regexp_full_match(\"ORI\", '[A-Z0-9]{9}')",
        "not a nine-character agency identifier",
    ),
    (
        "STATE_ABBR",
        "\"STATE_ABBR\" IS NULL OR ('US-' || CASE \"STATE_ABBR\" WHEN 'NB' THEN 'NE' ELSE \"STATE_ABBR\" END) NOT IN (SELECT code FROM us_states)",
        "not a US state abbreviation",
    ),
    (
        "OFFENSE_SUBCAT_ID",
        "\"OFFENSE_SUBCAT_ID\" IS NULL OR \"OFFENSE_SUBCAT_ID\" NOT IN ('81', '82')",
        "not 81 (commercial sex acts) or 82 (involuntary servitude)",
    ),
    (
        "OFFENSE_SUBCAT_NAME",
        "(\"OFFENSE_SUBCAT_ID\" = '81') <> (\"OFFENSE_SUBCAT_NAME\" = 'Commercial Sex Acts') OR \"OFFENSE_SUBCAT_NAME\" IS NULL",
        "does not match OFFENSE_SUBCAT_ID",
    ),
    (
        "ACTUAL_COUNT",
        "TRY_CAST(\"ACTUAL_COUNT\" AS BIGINT) IS NULL",
        "not a whole number",
    ),
    // The FBI's later adjustments can leave a -1 on an agency's row.
    (
        "ACTUAL_COUNT",
        "TRY_CAST(\"ACTUAL_COUNT\" AS BIGINT) < -10",
        "implausibly negative",
    ),
    (
        "CLEARED_COUNT",
        "TRY_CAST(\"CLEARED_COUNT\" AS BIGINT) IS NULL",
        "not a whole number",
    ),
    (
        "CLEARED_COUNT",
        "TRY_CAST(\"CLEARED_COUNT\" AS BIGINT) < -10",
        "implausibly negative",
    ),
];

const KEY_CHECKS: &[RowCheck] = &[
    (
        "STATE_ABBR",
        "SELECT max(row), \"ORI\" FROM fbi_raw GROUP BY \"ORI\"
         HAVING count(DISTINCT \"STATE_ABBR\") > 1 ORDER BY 1 LIMIT 1",
        "the same agency is in more than one state",
    ),
    (
        "ACTUAL_COUNT",
        "SELECT max(row), concat_ws(' ', \"STATE_ABBR\", \"DATA_YEAR\", sum(CAST(\"ACTUAL_COUNT\" AS BIGINT)))
         FROM fbi_raw GROUP BY \"STATE_ABBR\", \"DATA_YEAR\", \"OFFENSE_SUBCAT_ID\"
         HAVING sum(CAST(\"ACTUAL_COUNT\" AS BIGINT)) < 0 OR sum(CAST(\"CLEARED_COUNT\" AS BIGINT)) < 0
         ORDER BY 1 LIMIT 1",
        "a state's offenses for the year sum to less than zero",
    ),
];

pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(FILE);
    let raw = RawFile::load_checked(conn, &path, "fbi_raw", &COLUMNS, ROW_CHECKS, KEY_CHECKS)?;
    normalize(conn).map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

fn normalize(conn: &Connection) -> Result<(), duckdb::Error> {
    super::add_source(conn, &SOURCE)?;
    for (id, column, name, unit, description) in INDICATORS {
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
                breakdowns: &[FORM_OF_EXPLOITATION],
                grain: "state",
                scope: "USA",
                reporters: "agencies",
                suppressed_max: 0,
                additive: true,
                per_capita: false,
            },
        )?;
        // Column and expression are this module's constants. The total row
        // counts every agency with a record; each exploitation row counts
        // the agencies with a record of that kind.
        let total = "'Total', 'Total'";
        let by_exploitation = "'by form of exploitation', CASE \"OFFENSE_SUBCAT_ID\" \
             WHEN '81' THEN 'Commercial sex acts' ELSE 'Involuntary servitude' END";
        for breakdown in [total, by_exploitation] {
            conn.execute(
                &format!(
                    "INSERT INTO observations
                     SELECT ?, {STATE_CODE}, CAST(\"DATA_YEAR\" AS INTEGER), 0, {breakdown},
                            'Total', 'Total', 1,
                            sum(CAST(\"{column}\" AS BIGINT)), false,
                            CAST(sum(CAST(\"{column}\" AS BIGINT)) AS VARCHAR), count(DISTINCT \"ORI\")
                     FROM fbi_raw GROUP BY ALL"
                ),
                params![id],
            )?;
        }
    }
    Ok(())
}
