//! Mexico's SESNSP (Secretariado Ejecutivo del Sistema Nacional de Seguridad
//! Pública): victims and crimes of *trata de personas* (human trafficking)
//! and *tráfico de menores* (trafficking of minors) recorded by the 32 state
//! prosecutors' offices, from the tidy copy of SESNSP's open data.
//!
//! Victims come by state × month × sex × age band; crimes by state × year.
//! The crimes file's national rows are checked against the sum of the
//! states and then left out: the national figure is that sum.
//!
//! Rates per 100,000 inhabitants are kept as published (for each state and
//! for Mexico), beside the count each was computed from, after checking that
//! count against the monthly cells.

use std::path::Path;

use duckdb::{Connection, params};
use tipstats_shared::Frequency;

use super::breakdowns::{AGE, SEX};
use super::raw::{RawFile, RowCheck};
use super::{IndicatorRow, IngestError, Source, Words, words};

pub const FOLDER: &str = "mexico_sesnsp";
pub const VICTIMS_FILE: &str = "sesnsp_victims_trafficking_monthly_state.csv";
pub const CRIMES_FILE: &str = "sesnsp_crimes_trafficking_state_year.csv";
pub const RATES_FILE: &str = "sesnsp_victims_trafficking_state_year_by_sex_rates.csv";
pub const SOURCE_ID: &str = "mx-sesnsp";

const SOURCE: Source = Source {
    id: SOURCE_ID,
    name: "SESNSP: crime incidence and victims (fuero común): trafficking, and violence and coercion as context",
    publisher: "Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública (SESNSP), Government of Mexico",
    citation: "SESNSP, Datos Abiertos de Incidencia Delictiva (2015 methodology), victims and crimes, January 2015 – June 2025; tidy processing by I. Arroyo (datos_facil_acceso)",
    url: "https://www.gob.mx/sesnsp/acciones-y-programas/datos-abiertos-de-incidencia-delictiva",
    terms: "Mexican government open data, free to reuse with attribution (Libre Uso MX is the usual licence; confirm on SESNSP's page). Cite SESNSP.",
    retrieved: "2025-07-20",
};

/// The victims' sex and age band as the observations name them, from the
/// columns of SESNSP's victims files (this one's and the complete table's).
pub(super) const SEX_OF_GENERO: &str =
    "CASE genero WHEN 'Mujer' THEN 'Female' WHEN 'Hombre' THEN 'Male' ELSE 'Unknown' END";
pub(super) const AGE_OF_RANGO: &str =
    "CASE rango_de_edad WHEN 'Menores de edad (0-17)' THEN '0 to 17 years'
     WHEN 'Adultos (18 y más)' THEN '18 years or over' ELSE 'Unknown' END";

pub(super) const VICTIM_COLUMNS: [&str; 12] = [
    "date_year_month",
    "n_year",
    "n_month",
    "cve_ent",
    "nombre_estado",
    "bien_juridico_afectado",
    "tipo_de_delito",
    "subtipo_de_delito",
    "modalidad",
    "genero",
    "rango_de_edad",
    "n_victimas",
];

const CRIME_COLUMNS: [&str; 10] = [
    "n_year",
    "cve_ent",
    "nombre_estado",
    "bien_juridico_afectado",
    "tipo_de_delito",
    "subtipo_de_delito",
    "modalidad",
    "n_delitos",
    "n_delitos_x100khab",
    "n_delitos_x100kmujeres",
];

const RATE_COLUMNS: [&str; 11] = [
    "n_year",
    "cve_ent",
    "nombre_estado",
    "bien_juridico_afectado",
    "tipo_de_delito",
    "subtipo_de_delito",
    "modalidad",
    "genero",
    "n_victimas",
    "n_victimas_x100khab",
    "n_victimas_x100kmujeres",
];

/// (crime as SESNSP names it, id stem, name)
const CRIMES: [(&str, &str, Words); 2] = [
    (
        "Trata de personas",
        "trata",
        words("human trafficking (trata de personas)", "trata de personas"),
    ),
    (
        "Tráfico de menores",
        "trafico_menores",
        words(
            "trafficking of minors (tráfico de menores)",
            "tráfico de menores",
        ),
    ),
];

const CAVEATS: &[Words] = &[
    words(
        "Victims and crimes recorded by Mexico's state prosecutors in investigation files (fuero común): not prevalence, and much crime in Mexico is never reported.",
        "Víctimas y delitos registrados por las fiscalías estatales de México en carpetas de investigación (fuero común): no son la prevalencia, y gran parte de los delitos en México nunca se denuncia.",
    ),
    words(
        "2025 covers January to June only: do not compare it with whole years.",
        "2025 abarca solo de enero a junio: no lo compare con años completos.",
    ),
    words(
        "SESNSP revises past months; these are the figures as published in July 2025.",
        "El SESNSP revisa meses pasados; estas son las cifras tal como se publicaron en julio de 2025.",
    ),
    words(
        "Mexico's figure is the sum of its 32 states.",
        "La cifra de México es la suma de sus 32 estados.",
    ),
    words(
        "Rates (per=100k) are per 100,000 inhabitants as printed in the tidy copy, from CONAPO's population projections; a rate by sex is that sex's victims per 100,000 inhabitants of both sexes.",
        "Las tasas (per=100k) son por cada 100 000 habitantes, tal como aparecen en la copia ordenada, con las proyecciones de población del CONAPO; una tasa por sexo son las víctimas de ese sexo por cada 100 000 habitantes de ambos sexos.",
    ),
];

/// Checks of the monthly victims file.
const VICTIM_CHECKS: &[RowCheck] = &[
    (
        "n_year",
        "TRY_CAST(n_year AS INTEGER) NOT BETWEEN 2015 AND 2100 OR n_year IS NULL",
        "not a year from 2015 on",
    ),
    (
        "n_month",
        "TRY_CAST(n_month AS INTEGER) NOT BETWEEN 1 AND 12 OR n_month IS NULL",
        "not a month (01–12)",
    ),
    (
        "cve_ent",
        "cve_ent IS NULL OR cve_ent NOT IN (SELECT inegi FROM mx_states)",
        "not an INEGI state code (01–32)",
    ),
    (
        "tipo_de_delito",
        "tipo_de_delito IS NULL OR tipo_de_delito NOT IN ('Trata de personas', 'Tráfico de menores')",
        "not a trafficking crime",
    ),
    (
        "genero",
        "genero IS NULL OR genero NOT IN ('Mujer', 'Hombre', 'No identificado')",
        "unknown sex",
    ),
    (
        "rango_de_edad",
        "rango_de_edad IS NULL OR rango_de_edad NOT IN ('Menores de edad (0-17)', 'Adultos (18 y más)', 'No especificado', 'No identificado')",
        "unknown age band",
    ),
    (
        "n_victimas",
        "TRY_CAST(n_victimas AS BIGINT) IS NULL",
        "not a whole number",
    ),
    (
        "n_victimas",
        "TRY_CAST(n_victimas AS BIGINT) < 0",
        "negative count",
    ),
];

const VICTIM_KEYS: &[RowCheck] = &[(
    "rango_de_edad",
    "SELECT max(row), concat_ws(' ', cve_ent, n_year, n_month, tipo_de_delito, genero, rango_de_edad)
     FROM sesnsp_victims_raw
     GROUP BY cve_ent, n_year, n_month, tipo_de_delito, genero, rango_de_edad
     HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
    "more than one row for this state, month, crime, sex and age band",
)];

/// Checks shared by the two yearly files (crimes, and victims with rates),
/// which carry national rows beside the states'.
const YEARLY_CHECKS: &[RowCheck] = &[
    (
        "n_year",
        "TRY_CAST(n_year AS INTEGER) NOT BETWEEN 2015 AND 2100 OR n_year IS NULL",
        "not a year from 2015 on",
    ),
    (
        "cve_ent",
        "cve_ent IS NULL OR (cve_ent <> '00' AND cve_ent NOT IN (SELECT inegi FROM mx_states))",
        "not an INEGI state code (00 national, 01–32)",
    ),
    (
        "tipo_de_delito",
        "tipo_de_delito IS NULL OR tipo_de_delito NOT IN ('Trata de personas', 'Tráfico de menores')",
        "not a trafficking crime",
    ),
];

const CRIME_CHECKS: &[RowCheck] = &[
    (
        "n_delitos",
        "TRY_CAST(n_delitos AS BIGINT) IS NULL",
        "not a whole number",
    ),
    (
        "n_delitos",
        "TRY_CAST(n_delitos AS BIGINT) < 0",
        "negative count",
    ),
    (
        "n_delitos_x100khab",
        "TRY_CAST(n_delitos_x100khab AS DOUBLE) IS NULL OR NOT isfinite(TRY_CAST(n_delitos_x100khab AS DOUBLE))
         OR TRY_CAST(n_delitos_x100khab AS DOUBLE) < 0",
        "not a rate (a number from 0 up)",
    ),
    (
        "n_delitos_x100khab",
        "(TRY_CAST(n_delitos AS BIGINT) = 0) <> (TRY_CAST(n_delitos_x100khab AS DOUBLE) = 0)",
        "the rate and the count disagree on whether there were any crimes",
    ),
];

const RATE_CHECKS: &[RowCheck] = &[
    (
        "genero",
        "genero IS NULL OR genero NOT IN ('Total', 'Hombre', 'Mujer')",
        "not Total, Hombre or Mujer",
    ),
    (
        "n_victimas",
        "TRY_CAST(n_victimas AS BIGINT) IS NULL OR TRY_CAST(n_victimas AS BIGINT) < 0",
        "not a whole number of victims",
    ),
    (
        "n_victimas_x100khab",
        "TRY_CAST(n_victimas_x100khab AS DOUBLE) IS NULL OR NOT isfinite(TRY_CAST(n_victimas_x100khab AS DOUBLE))
         OR TRY_CAST(n_victimas_x100khab AS DOUBLE) < 0",
        "not a rate (a number from 0 up)",
    ),
    (
        "n_victimas_x100khab",
        "(CAST(n_victimas AS BIGINT) = 0) <> (CAST(n_victimas_x100khab AS DOUBLE) = 0)",
        "the rate and the count disagree on whether there were any victims",
    ),
];

const RATE_KEYS: &[RowCheck] = &[
    (
        "genero",
        "SELECT max(row), concat_ws(' ', cve_ent, n_year, tipo_de_delito, genero) FROM sesnsp_rates_raw
         GROUP BY cve_ent, n_year, tipo_de_delito, genero HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
        "more than one row for this state, year, crime and sex",
    ),
    (
        "n_victimas",
        "SELECT max(r.row), concat_ws(' ', r.cve_ent, r.n_year, r.tipo_de_delito, r.genero,
                                     'here', r.n_victimas, 'monthly file', coalesce(m.victims, 0))
         FROM sesnsp_rates_raw r LEFT JOIN (
             SELECT n_year, cve_ent, tipo_de_delito, sex, sum(CAST(n_victimas AS BIGINT)) AS victims
             FROM (SELECT *, 'Total' AS sex FROM sesnsp_victims_raw
                   UNION ALL SELECT *, genero AS sex FROM sesnsp_victims_raw)
             GROUP BY ALL) m
           ON m.n_year = r.n_year AND m.cve_ent = r.cve_ent
          AND m.tipo_de_delito = r.tipo_de_delito AND m.sex = r.genero
         WHERE r.cve_ent <> '00' AND CAST(r.n_victimas AS BIGINT) <> coalesce(m.victims, 0)
         GROUP BY ALL ORDER BY 1 LIMIT 1",
        "not the sum of the monthly file's victims for this state, year, crime and sex",
    ),
    (
        "n_victimas",
        "SELECT max(n.row), concat_ws(' ', n.n_year, n.tipo_de_delito, n.genero, 'national', n.n_victimas, 'states', sum(CAST(s.n_victimas AS BIGINT)))
         FROM sesnsp_rates_raw n JOIN sesnsp_rates_raw s
           ON s.n_year = n.n_year AND s.tipo_de_delito = n.tipo_de_delito AND s.genero = n.genero AND s.cve_ent <> '00'
         WHERE n.cve_ent = '00'
         GROUP BY n.n_year, n.tipo_de_delito, n.genero, n.n_victimas
         HAVING sum(CAST(s.n_victimas AS BIGINT)) <> CAST(n.n_victimas AS BIGINT) ORDER BY 1 LIMIT 1",
        "the national row is not the sum of the states",
    ),
    // The tidy copy's notes say a sex's rate is per 100,000 people of that
    // sex; the figures say per 100,000 inhabitants (the population behind
    // every row of a place and year is the same). This holds them to it.
    (
        "n_victimas_x100khab",
        "SELECT max(r.row), concat_ws(' ', r.cve_ent, r.n_year, r.genero, 'population', round(r.n_victimas::DOUBLE / r.n_victimas_x100khab::DOUBLE * 1e5),
                                     'Total row', round(t.n_victimas::DOUBLE / t.n_victimas_x100khab::DOUBLE * 1e5))
         FROM sesnsp_rates_raw r JOIN sesnsp_rates_raw t
           ON t.cve_ent = r.cve_ent AND t.n_year = r.n_year AND t.tipo_de_delito = r.tipo_de_delito AND t.genero = 'Total'
         WHERE r.genero <> 'Total' AND CAST(r.n_victimas AS BIGINT) > 0
           AND abs(r.n_victimas::DOUBLE / r.n_victimas_x100khab::DOUBLE
                   / (t.n_victimas::DOUBLE / t.n_victimas_x100khab::DOUBLE) - 1) > 1e-6
         GROUP BY ALL ORDER BY 1 LIMIT 1",
        "not per 100,000 inhabitants: the population it implies differs from the Total row's",
    ),
];

const CRIME_KEYS: &[RowCheck] = &[
    (
        "n_year",
        "SELECT max(row), concat_ws(' ', cve_ent, n_year, tipo_de_delito) FROM sesnsp_crimes_raw
         GROUP BY cve_ent, n_year, tipo_de_delito HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
        "more than one row for this state, year and crime",
    ),
    (
        "n_delitos",
        "SELECT max(n.row), concat_ws(' ', n.n_year, n.tipo_de_delito, 'national', n.n_delitos, 'states', sum(CAST(s.n_delitos AS BIGINT)))
         FROM sesnsp_crimes_raw n JOIN sesnsp_crimes_raw s
           ON s.n_year = n.n_year AND s.tipo_de_delito = n.tipo_de_delito AND s.cve_ent <> '00'
         WHERE n.cve_ent = '00'
         GROUP BY n.n_year, n.tipo_de_delito, n.n_delitos
         HAVING sum(CAST(s.n_delitos AS BIGINT)) <> CAST(n.n_delitos AS BIGINT) ORDER BY 1 LIMIT 1",
        "the national row is not the sum of the states",
    ),
];

pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let victims_path = folder.join(VICTIMS_FILE);
    let crimes_path = folder.join(CRIMES_FILE);
    let rates_path = folder.join(RATES_FILE);
    let victims = RawFile::load(conn, &victims_path, "sesnsp_victims_raw", &VICTIM_COLUMNS)?;
    victims.check_rows(conn, VICTIM_CHECKS)?;
    victims.check_keys(conn, VICTIM_KEYS)?;
    let crimes = RawFile::load(conn, &crimes_path, "sesnsp_crimes_raw", &CRIME_COLUMNS)?;
    crimes.check_rows(conn, YEARLY_CHECKS)?;
    crimes.check_rows(conn, CRIME_CHECKS)?;
    crimes.check_keys(conn, CRIME_KEYS)?;
    let rates = RawFile::load(conn, &rates_path, "sesnsp_rates_raw", &RATE_COLUMNS)?;
    rates.check_rows(conn, YEARLY_CHECKS)?;
    rates.check_rows(conn, RATE_CHECKS)?;
    rates.check_keys(conn, RATE_KEYS)?;
    add_source(conn).map_err(|e| victims.error(e))?;
    add_victims(conn).map_err(|e| victims.error(e))?;
    add_crimes(conn).map_err(|e| crimes.error(e))?;
    add_rates(conn).map_err(|e| rates.error(e))?;
    conn.execute(
        "INSERT INTO annotations VALUES (?, NULL, NULL, 2025, 'partial-year', ?, ?)",
        params![
            SOURCE_ID,
            "2025 covers January to June only (SESNSP's release of July 2025): it is not comparable with whole years.",
            "2025 abarca solo de enero a junio (publicación del SESNSP de julio de 2025): no es comparable con años completos."
        ],
    )
    .map_err(|e| crimes.error(e))?;
    victims.drop(conn)?;
    crimes.drop(conn)?;
    rates.drop(conn)
}

fn add_source(conn: &Connection) -> Result<(), duckdb::Error> {
    super::add_source(conn, &SOURCE)?;
    for (_, stem, crime) in CRIMES {
        let (en, es) = (crime.en, crime.es);
        // What both of a crime's indicators share.
        let per_state = IndicatorRow {
            id: "",
            source: SOURCE_ID,
            name: words("", ""),
            unit: words("", ""),
            description: words("", ""),
            caveats: CAVEATS,
            frequency: Frequency::Month,
            breakdowns: &[],
            grain: "state",
            scope: "MEX",
            reporters: "states",
            suppressed_max: 0,
            additive: true,
            per_capita: true,
        };
        let victims = [
            format!("Victims of {en}, Mexico"),
            format!("Víctimas de {es}, México"),
            format!(
                "Victims of {en} in investigation files opened by Mexico's state prosecutors, by month."
            ),
            format!(
                "Víctimas de {es} en las carpetas de investigación abiertas por las fiscalías estatales de México, por mes."
            ),
        ];
        super::add_indicator(
            conn,
            &IndicatorRow {
                id: &format!("sesnsp.{stem}.victims"),
                name: words(&victims[0], &victims[1]),
                unit: words("Victims", "Víctimas"),
                description: words(&victims[2], &victims[3]),
                frequency: Frequency::Month,
                breakdowns: &[SEX, AGE],
                ..per_state
            },
        )?;
        let crimes = [
            format!("Crimes of {en}, Mexico"),
            format!("Delitos de {es}, México"),
            format!(
                "Crimes of {en} recorded in investigation files by Mexico's state prosecutors, by year."
            ),
            format!(
                "Delitos de {es} registrados en carpetas de investigación por las fiscalías estatales de México, por año."
            ),
        ];
        super::add_indicator(
            conn,
            &IndicatorRow {
                id: &format!("sesnsp.{stem}.crimes"),
                name: words(&crimes[0], &crimes[1]),
                unit: words("Crimes", "Delitos"),
                description: words(&crimes[2], &crimes[3]),
                frequency: Frequency::CalendarYear,
                ..per_state
            },
        )?;
    }
    conn.execute_batch("CREATE TEMP TABLE sesnsp_crimes (name VARCHAR, stem VARCHAR);")?;
    for (crime, stem, _) in CRIMES {
        conn.execute(
            "INSERT INTO sesnsp_crimes VALUES (?, ?)",
            params![crime, stem],
        )?;
    }
    Ok(())
}

/// Each published cell by sex and age band, the subtotals by sex and by age
/// band, and the state-month total (sums of the cells: nothing is
/// suppressed in this source). A breakdown by sex is then, as for every
/// source, the rows where sex is not "Total" and age is.
fn add_victims(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE sesnsp_cells AS
         SELECT 'sesnsp.' || c.stem || '.victims' AS indicator_id, s.code AS region_code,
                CAST(r.n_year AS INTEGER) AS year, CAST(r.n_month AS INTEGER) AS month,
                {SEX_OF_GENERO} AS sex, {AGE_OF_RANGO} AS age,
                CAST(r.n_victimas AS BIGINT) AS value, r.n_victimas AS value_text
         FROM sesnsp_victims_raw r
         JOIN mx_states s ON s.inegi = r.cve_ent
         JOIN sesnsp_crimes c ON c.name = r.tipo_de_delito;
         INSERT INTO observations
         SELECT indicator_id, region_code, year, month, 'Total', 'Total', sex, age, 1,
                value, false, value_text, 1
         FROM sesnsp_cells;
         {}
         DROP TABLE sesnsp_cells;",
        subtotals("sesnsp_cells")
    ))
}

/// The subtotals of a table of victims' cells (`indicator_id`,
/// `region_code`, `year`, `month`, `sex`, `age`, `value`) into
/// `observations`: by sex, by age band, and the place-month's total, as
/// every SESNSP victims indicator has them.
pub(super) fn subtotals(cells: &str) -> String {
    let place_month = "indicator_id, region_code, year, month";
    let sum = "sum(value), false, CAST(sum(value) AS VARCHAR), 1";
    format!(
        "INSERT INTO observations
         SELECT {place_month}, 'Total', 'Total', sex, 'Total', 1, {sum}
         FROM {cells} GROUP BY {place_month}, sex;
         INSERT INTO observations
         SELECT {place_month}, 'Total', 'Total', 'Total', age, 1, {sum}
         FROM {cells} GROUP BY {place_month}, age;
         INSERT INTO observations
         SELECT {place_month}, 'Total', 'Total', 'Total', 'Total', 1, {sum}
         FROM {cells} GROUP BY {place_month};"
    )
}

fn add_crimes(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(
        "INSERT INTO observations
         SELECT 'sesnsp.' || c.stem || '.crimes', s.code, CAST(r.n_year AS INTEGER), 0,
                'Total', 'Total', 'Total', 'Total', 1,
                CAST(r.n_delitos AS BIGINT), false, r.n_delitos, 1
         FROM sesnsp_crimes_raw r
         JOIN mx_states s ON s.inegi = r.cve_ent
         JOIN sesnsp_crimes c ON c.name = r.tipo_de_delito;",
    )
}

/// The published rates of victims (by sex) and of crimes, for each state
/// and for Mexico (`cve_ent` 00).
fn add_rates(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(
        "CREATE TEMP TABLE sesnsp_places AS
         SELECT inegi, code FROM mx_states UNION ALL SELECT '00', 'MEX';
         INSERT INTO rates
         SELECT 'sesnsp.' || c.stem || '.victims', p.code, CAST(r.n_year AS INTEGER),
                CASE r.genero WHEN 'Mujer' THEN 'Female' WHEN 'Hombre' THEN 'Male' ELSE 'Total' END,
                CAST(r.n_victimas AS BIGINT), CAST(r.n_victimas_x100khab AS DOUBLE)
         FROM sesnsp_rates_raw r
         JOIN sesnsp_places p ON p.inegi = r.cve_ent
         JOIN sesnsp_crimes c ON c.name = r.tipo_de_delito;
         INSERT INTO rates
         SELECT 'sesnsp.' || c.stem || '.crimes', p.code, CAST(r.n_year AS INTEGER), 'Total',
                CAST(r.n_delitos AS BIGINT), CAST(r.n_delitos_x100khab AS DOUBLE)
         FROM sesnsp_crimes_raw r
         JOIN sesnsp_places p ON p.inegi = r.cve_ent
         JOIN sesnsp_crimes c ON c.name = r.tipo_de_delito;
         DROP TABLE sesnsp_places;
         DROP TABLE sesnsp_crimes;",
    )
}
