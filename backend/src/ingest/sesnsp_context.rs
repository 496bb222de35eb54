//! Context from SESNSP's complete victims table (every victim-level crime
//! by state × month × sex × age band, a Parquet file): kidnapping (with its
//! published modalities), extortion, intentional homicide, femicide,
//! corruption of minors, other crimes against personal liberty and
//! *rapto*. These are not trafficking counts, and nothing in them says who
//! committed a crime or why: every indicator says so first.
//!
//! The same model as the trafficking victims (`sesnsp.rs`): Mexico's
//! figure is the sum of its states, 2025 is partial, sex and age bands as
//! breakdowns, monthly periods, rates computed from CONAPO. The table's own
//! trafficking rows are held to the trafficking file already read: every
//! cell of it must be the same here.

use std::path::Path;

use duckdb::{Connection, params};
use tipstats_shared::Frequency;

use super::breakdowns::{AGE, MODALITY, SEX};
use super::raw::{RawFile, RowCheck};
use super::sesnsp::{
    AGE_OF_RANGO, FOLDER as SESNSP_FOLDER, SEX_OF_GENERO, SOURCE_ID, VICTIM_COLUMNS, subtotals,
};
use super::{IndicatorRow, IngestError, Words, words};

pub const FOLDER: &str = SESNSP_FOLDER;
pub const FILE: &str = "sesnsp_victims_all_crimes_monthly_state.parquet";

/// (SESNSP's crime subtype, id stem, the crime's name)
const CRIMES: [(&str, &str, Words); 7] = [
    (
        "Secuestro",
        "kidnapping",
        words("kidnapping (secuestro)", "secuestro"),
    ),
    (
        "Extorsión",
        "extortion",
        words("extortion (extorsión)", "extorsión"),
    ),
    (
        "Homicidio doloso",
        "homicide",
        words(
            "intentional homicide (homicidio doloso)",
            "homicidio doloso",
        ),
    ),
    (
        "Feminicidio",
        "femicide",
        words("femicide (feminicidio)", "feminicidio"),
    ),
    (
        "Corrupción de menores",
        "corruption_of_minors",
        words(
            "corruption of minors (corrupción de menores)",
            "corrupción de menores",
        ),
    ),
    (
        "Otros delitos que atentan contra la libertad personal",
        "other_liberty",
        words(
            "other crimes against personal liberty",
            "otros delitos que atentan contra la libertad personal",
        ),
    ),
    (
        "Rapto",
        "rapto",
        words("rapto (abduction to marry or for sex)", "rapto"),
    ),
];

/// Kidnapping's published modalities: (SESNSP's, the category's English).
const KIDNAPPING_MODALITIES: [(&str, &str); 5] = [
    ("Secuestro extorsivo", "Extortive kidnapping"),
    ("Secuestro exprés", "Express kidnapping"),
    ("Secuestro con calidad de rehén", "Hostage-taking"),
    ("Secuestro para causar daño", "Kidnapping to cause harm"),
    ("Otro tipo de secuestros", "Other kidnapping"),
];

/// Every crime type of the table: one not among them is a change of the
/// publisher's format, refused.
const CRIME_TYPES: &str = "'Aborto', 'Corrupción de menores', 'Extorsión', 'Feminicidio', 'Homicidio',
    'Lesiones', 'Otros delitos contra la sociedad', 'Otros delitos que atentan contra la libertad personal',
    'Otros delitos que atentan contra la vida y la integridad corporal', 'Rapto', 'Secuestro',
    'Trata de personas', 'Tráfico de menores'";

const CAVEATS: &[Words] = &[
    words(
        "Context, not trafficking: victims of this crime recorded by Mexico's state prosecutors (fuero común). Nothing in these figures says who committed a crime or why; they are not a count of cartels' crimes.",
        "Contexto, no trata: víctimas de este delito registradas por las fiscalías estatales de México (fuero común). Nada en estas cifras dice quién cometió un delito ni por qué; no son un conteo de delitos de los cárteles.",
    ),
    words(
        "Recorded victims, not prevalence: much crime in Mexico is never reported.",
        "Víctimas registradas, no la prevalencia: gran parte de los delitos en México nunca se denuncia.",
    ),
    words(
        "2025 covers January to June only: do not compare it with whole years.",
        "2025 abarca solo de enero a junio: no lo compare con años completos.",
    ),
    words(
        "Mexico's figure is the sum of its 32 states; rates are computed from CONAPO's mid-year population.",
        "La cifra de México es la suma de sus 32 estados; las tasas se calculan con la población a mitad de año del CONAPO.",
    ),
];

fn checks() -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "n_year",
            "TRY_CAST(n_year AS INTEGER) NOT BETWEEN 2015 AND 2100 OR n_year IS NULL".into(),
            "not a year from 2015 on",
        ),
        (
            "n_month",
            "TRY_CAST(n_month AS INTEGER) NOT BETWEEN 1 AND 12 OR n_month IS NULL".into(),
            "not a month (01–12)",
        ),
        (
            "cve_ent",
            "cve_ent IS NULL OR cve_ent NOT IN (SELECT inegi FROM mx_states)".into(),
            "not an INEGI state code (01–32)",
        ),
        (
            "tipo_de_delito",
            format!("tipo_de_delito IS NULL OR tipo_de_delito NOT IN ({CRIME_TYPES})"),
            "not a crime type of SESNSP's victims table",
        ),
        (
            "genero",
            "genero IS NULL OR genero NOT IN ('Mujer', 'Hombre', 'No identificado')".into(),
            "unknown sex",
        ),
        (
            "rango_de_edad",
            "rango_de_edad IS NULL OR rango_de_edad NOT IN ('Menores de edad (0-17)', 'Adultos (18 y más)', 'No especificado', 'No identificado')".into(),
            "unknown age band",
        ),
        (
            "n_victimas",
            "TRY_CAST(n_victimas AS BIGINT) IS NULL OR TRY_CAST(n_victimas AS BIGINT) < 0".into(),
            "not a whole number of victims",
        ),
    ]
}

const KEYS: &[RowCheck] = &[
    (
        "modalidad",
        "SELECT max(row), concat_ws(' ', cve_ent, n_year, n_month, subtipo_de_delito, modalidad, genero, rango_de_edad)
         FROM sesnsp_all_raw
         GROUP BY cve_ent, n_year, n_month, tipo_de_delito, subtipo_de_delito, modalidad, genero, rango_de_edad
         HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
        "more than one row for this state, month, crime, modality, sex and age band",
    ),
    (
        "modalidad",
        "SELECT max(row), modalidad FROM sesnsp_all_raw
         WHERE subtipo_de_delito = 'Secuestro' AND modalidad NOT IN (SELECT name FROM kidnapping_modalities)
         GROUP BY modalidad ORDER BY 1 LIMIT 1",
        "not one of kidnapping's published modalities",
    ),
];

/// The trafficking file, read first, and this table are the same
/// publisher's: each trafficking cell of that file must be here, equal.
/// Returns (row, the cell and both figures) of the first that is not.
fn trafficking_check() -> String {
    format!(
        "WITH here AS (
             SELECT 'sesnsp.' || CASE tipo_de_delito WHEN 'Trata de personas' THEN 'trata' ELSE 'trafico_menores' END || '.victims' AS indicator_id,
                    s.code AS region_code, CAST(n_year AS INTEGER) AS year, CAST(n_month AS INTEGER) AS month,
                    {SEX_OF_GENERO} AS sex, {AGE_OF_RANGO} AS age,
                    sum(CAST(n_victimas AS BIGINT)) AS value, max(row) AS row
             FROM sesnsp_all_raw JOIN mx_states s ON s.inegi = cve_ent
             WHERE tipo_de_delito IN ('Trata de personas', 'Tráfico de menores')
             GROUP BY ALL)
         SELECT coalesce(h.row, 0), concat_ws(' ', o.indicator_id, o.region_code, o.year, o.month, o.sex, o.age,
                                             'trafficking file', o.value, 'here', coalesce(h.value, 0))
         FROM observations o LEFT JOIN here h USING (indicator_id, region_code, year, month, sex, age)
         WHERE o.indicator_id IN ('sesnsp.trata.victims', 'sesnsp.trafico_menores.victims')
           AND o.dimension = 'Total' AND o.sex <> 'Total' AND o.age <> 'Total'
           AND o.value <> coalesce(h.value, 0)
         ORDER BY 1 LIMIT 1"
    )
}

pub fn ingest(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(FILE);
    let raw = RawFile::load_parquet(conn, &path, "sesnsp_all_raw", &VICTIM_COLUMNS)?;
    for (column, condition, reason) in checks() {
        raw.check_condition(conn, column, &condition, reason)?;
    }
    add_lookups(conn).map_err(|e| raw.error(e))?;
    raw.check_keys(conn, KEYS)?;
    let trafficking = trafficking_check();
    raw.check_keys(
        conn,
        &[(
            "n_victimas",
            trafficking.as_str(),
            "a trafficking cell that differs from the trafficking file's",
        )],
    )?;
    add_indicators(conn).map_err(|e| raw.error(e))?;
    add_victims(conn).map_err(|e| raw.error(e))?;
    conn.execute_batch("DROP TABLE sesnsp_context; DROP TABLE kidnapping_modalities;")
        .map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

fn add_lookups(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(
        "CREATE TEMP TABLE sesnsp_context (subtype VARCHAR, stem VARCHAR);
         CREATE TEMP TABLE kidnapping_modalities (name VARCHAR, category VARCHAR);",
    )?;
    for (subtype, stem, _) in CRIMES {
        conn.execute(
            "INSERT INTO sesnsp_context VALUES (?, ?)",
            params![subtype, stem],
        )?;
    }
    for (name, category) in KIDNAPPING_MODALITIES {
        conn.execute(
            "INSERT INTO kidnapping_modalities VALUES (?, ?)",
            params![name, category],
        )?;
    }
    Ok(())
}

fn add_indicators(conn: &Connection) -> Result<(), duckdb::Error> {
    for (_, stem, crime) in CRIMES {
        let (en, es) = (crime.en, crime.es);
        let texts = [
            format!("Victims of {en}, Mexico (context)"),
            format!("Víctimas de {es}, México (contexto)"),
            format!(
                "Victims of {en} in investigation files opened by Mexico's state prosecutors, by month: context for trafficking, not a count of it."
            ),
            format!(
                "Víctimas de {es} en las carpetas de investigación abiertas por las fiscalías estatales de México, por mes: contexto de la trata, no un conteo de ella."
            ),
        ];
        let breakdowns: &[Words] = if stem == "kidnapping" {
            &[SEX, AGE, MODALITY]
        } else {
            &[SEX, AGE]
        };
        super::add_indicator(
            conn,
            &IndicatorRow {
                id: &format!("sesnsp.{stem}.victims"),
                source: SOURCE_ID,
                name: words(&texts[0], &texts[1]),
                unit: words("Victims", "Víctimas"),
                description: words(&texts[2], &texts[3]),
                caveats: CAVEATS,
                frequency: Frequency::Month,
                breakdowns,
                grain: "state",
                scope: "MEX",
                reporters: "states",
                suppressed_max: 0,
                additive: true,
                per_capita: true,
            },
        )?;
    }
    Ok(())
}

/// Each state-month's victims by sex, by age band, in all and, for
/// kidnapping, by modality: sums of the published cells (nothing is
/// suppressed in this source).
fn add_victims(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE context_cells AS
         SELECT 'sesnsp.' || c.stem || '.victims' AS indicator_id, s.code AS region_code,
                CAST(r.n_year AS INTEGER) AS year, CAST(r.n_month AS INTEGER) AS month,
                {SEX_OF_GENERO} AS sex, {AGE_OF_RANGO} AS age,
                m.category AS modality, CAST(r.n_victimas AS BIGINT) AS value
         FROM sesnsp_all_raw r
         JOIN mx_states s ON s.inegi = r.cve_ent
         JOIN sesnsp_context c ON c.subtype = r.subtipo_de_delito
         LEFT JOIN kidnapping_modalities m ON m.name = r.modalidad;
         {}
         INSERT INTO observations
         SELECT indicator_id, region_code, year, month, 'by modality', modality, 'Total', 'Total', 1,
                sum(value), false, CAST(sum(value) AS VARCHAR), 1
         FROM context_cells WHERE modality IS NOT NULL
         GROUP BY indicator_id, region_code, year, month, modality;
         DROP TABLE context_cells;",
        subtotals("context_cells")
    ))
}
