//! The US National Human Trafficking Hotline (operated by Polaris): signals
//! received and cases identified, by state and calendar year, as published
//! on the hotline's state statistics pages (copied by a third party).

use std::path::Path;

use duckdb::{Connection, params};
use tipstats_shared::Frequency;

use super::raw::{RawFile, RowCheck};
use super::{IndicatorRow, IngestError, Source, Words, words};

pub const FOLDER: &str = "us_trafficking_hotline";
pub const FILE: &str = "hotline_signals_cases_by_state_year.csv";
pub const SOURCE_ID: &str = "polaris-hotline";

const SOURCE: Source = Source {
    id: SOURCE_ID,
    name: "US National Human Trafficking Hotline: state statistics",
    publisher: "Polaris (operator of the US National Human Trafficking Hotline)",
    citation: "Polaris, National Human Trafficking Hotline, state statistics 2015–2024, humantraffickinghotline.org; figures as collected by the Dartmouth QSS 20 project qss-20-final",
    url: "https://humantraffickinghotline.org/en/statistics",
    terms: "Published by Polaris for public information; no open licence is stated. Attribute to Polaris, National Human Trafficking Hotline.",
    retrieved: "2026-03-17",
};

const COLUMNS: [&str; 6] = [
    "State",
    "Signals received",
    "% of total signals",
    "Cases identified",
    "% of total cases",
    "Year",
];

/// (indicator id, column, name, unit, description)
const INDICATORS: [(&str, &str, Words, Words, Words); 2] = [
    (
        "hotline.signals",
        "Signals received",
        words(
            "Hotline signals received",
            "Señales recibidas por la línea de ayuda",
        ),
        words("Signals", "Señales"),
        words(
            "Calls, texts, chats, emails and web forms to the US National Human Trafficking Hotline about a state in the year.",
            "Llamadas, mensajes de texto, chats, correos y formularios web a la Línea Nacional contra la Trata de Personas de EE. UU. sobre un estado en el año.",
        ),
    ),
    (
        "hotline.cases",
        "Cases identified",
        words(
            "Hotline cases identified",
            "Casos identificados por la línea de ayuda",
        ),
        words("Cases", "Casos"),
        words(
            "Situations of potential human trafficking the hotline identified from the signals about a state in the year.",
            "Situaciones de posible trata de personas que la línea de ayuda identificó a partir de las señales sobre un estado en el año.",
        ),
    ),
];

const CAVEATS: &[Words] = &[
    words(
        "Hotline signals and cases count contacts to one hotline, not prevalence or confirmed trafficking: they rise and fall with awareness campaigns and outreach.",
        "Las señales y los casos de la línea de ayuda cuentan contactos con una sola línea, no la prevalencia ni trata confirmada: suben y bajan con las campañas de sensibilización y difusión.",
    ),
    words(
        "State figures add up to less than Polaris's national totals, because contacts without a known state are in no state.",
        "Las cifras de los estados suman menos que los totales nacionales de Polaris, porque los contactos sin estado conocido no están en ningún estado.",
    ),
    words(
        "The figures were copied from the hotline's web pages by a third party; check a figure against Polaris's pages before publishing it.",
        "Un tercero copió las cifras de las páginas web de la línea de ayuda; verifique cada cifra en las páginas de Polaris antes de publicarla.",
    ),
];

const ROW_CHECKS: &[RowCheck] = &[
    (
        "State",
        "\"State\" IS NULL OR \"State\" NOT IN (SELECT name FROM us_states)",
        "not a US state, district or territory",
    ),
    (
        "Year",
        "TRY_CAST(\"Year\" AS INTEGER) IS NULL",
        "not a whole number",
    ),
    (
        "Year",
        "TRY_CAST(\"Year\" AS INTEGER) NOT BETWEEN 2007 AND 2100",
        "the hotline's statistics start in 2007",
    ),
    (
        "Signals received",
        "TRY_CAST(replace(\"Signals received\", ',', '') AS BIGINT) IS NULL",
        "not a whole number",
    ),
    (
        "Signals received",
        "TRY_CAST(replace(\"Signals received\", ',', '') AS BIGINT) < 0",
        "negative count",
    ),
    (
        "Cases identified",
        "TRY_CAST(replace(\"Cases identified\", ',', '') AS BIGINT) IS NULL",
        "not a whole number",
    ),
    (
        "Cases identified",
        "TRY_CAST(replace(\"Cases identified\", ',', '') AS BIGINT) < 0",
        "negative count",
    ),
];

const KEY_CHECKS: &[RowCheck] = &[(
    "Year",
    "SELECT max(row), concat_ws(' ', \"State\", \"Year\") FROM hotline_raw
     GROUP BY \"State\", \"Year\" HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
    "more than one row for this state and year",
)];

pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(FILE);
    let raw = RawFile::load_checked(conn, &path, "hotline_raw", &COLUMNS, ROW_CHECKS, KEY_CHECKS)?;
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
                breakdowns: &[],
                grain: "state",
                scope: "USA",
                reporters: "states",
                suppressed_max: 0,
                additive: true,
                per_capita: true,
            },
        )?;
        // The column name is one of this module's constants.
        conn.execute(
            &format!(
                "INSERT INTO observations
                 SELECT ?, s.code, CAST(r.\"Year\" AS INTEGER), 0,
                        'Total', 'Total', 'Total', 'Total', 1,
                        CAST(replace(r.\"{column}\", ',', '') AS BIGINT), false, r.\"{column}\", 1
                 FROM hotline_raw r JOIN us_states s ON s.name = r.\"State\""
            ),
            params![id],
        )?;
    }
    Ok(())
}
