//! Population, the denominator of every rate per 100,000 inhabitants, as a
//! source like any other: UN World Population Prospects 2022 for countries
//! (estimates to 2021, the medium-variant projection from 2022, in
//! thousands, summed over the age groups), CONAPO's 2023 vintage for Mexico
//! and its states (the denominators SESNSP's own rates use), and the US
//! Census Bureau's July 1 estimates for the US states. One figure per place
//! and year, never two sources for one place.

use std::path::Path;

use duckdb::Connection;

use super::raw::{RawFile, RowCheck};
use super::{IngestError, Source};

/// The years kept: those the trafficking figures span, and a little beyond.
const YEARS: (i32, i32) = (2000, 2025);

pub const WPP_FOLDER: &str = "un_wpp_population";
const WPP_FILES: [&str; 2] = [
    "WPP2022_POP_F02_1_POPULATION_BY_AGE_BOTH_SEXES_ESTIMATES.csv",
    "WPP2022_POP_F02_1_POPULATION_BY_AGE_BOTH_SEXES_MEDIUM_VARIANT.csv",
];
pub const CONAPO_FOLDER: &str = "mexico_conapo_population";
const CONAPO_FILE: &str = "conapo_pob_mitad_entidades_1950_2070.csv";
pub const CENSUS_FOLDER: &str = "us_census_population";
const CENSUS_FILE: &str = "us_state_population_2000_2024_DERIVED.csv";

const WPP: Source = Source {
    id: "un-wpp-2022",
    name: "World Population Prospects 2022: total population by country, both sexes (file POP/02-1)",
    publisher: "United Nations, Department of Economic and Social Affairs, Population Division",
    citation: "United Nations, Department of Economic and Social Affairs, Population Division (2022). World Population Prospects 2022, Online Edition; estimates to 2021, medium-variant projection from 2022",
    url: "https://population.un.org/wpp/",
    terms: "CC BY 3.0 IGO. Credit the UN Population Division.",
    retrieved: "2022-07-11",
};

const CONAPO: Source = Source {
    id: "mx-conapo-2023",
    name: "CONAPO: mid-year population of Mexico and its 32 states (2023 vintage)",
    publisher: "Consejo Nacional de Población (CONAPO), Government of Mexico",
    citation: "CONAPO, Conciliación Demográfica de México 1950–2019 y Proyecciones de la Población de México y de las Entidades Federativas 2020–2070 (2023); reconciled estimates to 2019, projections from 2020",
    url: "https://www.gob.mx/conapo",
    terms: "Mexican government open data (Libre Uso MX). Credit CONAPO.",
    retrieved: "2025-08-24",
};

const CENSUS: Source = Source {
    id: "us-census-pep",
    name: "US Census Bureau population estimates: resident population by state on July 1",
    publisher: "U.S. Census Bureau, Population Division",
    citation: "U.S. Census Bureau, Population Division, Population Estimates Program: intercensal estimates 2000–2009, Vintage 2020 (2010–2019) and Vintage 2024 (2020–2024)",
    url: "https://www.census.gov/programs-surveys/popest.html",
    terms: "Public domain (a work of the US federal government). Credit the Census Bureau.",
    retrieved: "2025-09-01",
};

/// WPP's five-year age groups, whose sum is the total.
const AGES: [&str; 21] = [
    "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
    "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95-99", "100+",
];

const WPP_COLUMNS: [&str; 11] = [
    "Index",
    "Variant",
    "Region, subregion, country or area *",
    "Notes",
    "Location code",
    "ISO3 Alpha-code",
    "ISO2 Alpha-code",
    "SDMX code**",
    "Type",
    "Parent code",
    "Year",
];

/// WPP's files: Latin-1, 16 lines of title, licence and citation above
/// the header.
const WPP_LAYOUT: &str = "skip = 16, encoding = 'latin-1'";

/// The checks of a country's row (other rows are regions and separators,
/// left out).
const WPP_ROW_CHECKS: &[RowCheck] = &[
    (
        "ISO3 Alpha-code",
        "\"Type\" = 'Country/Area' AND coalesce(length(\"ISO3 Alpha-code\"), 0) <> 3",
        "a country without its ISO 3166-1 alpha-3 code",
    ),
    (
        "Year",
        "\"Type\" = 'Country/Area' AND TRY_CAST(\"Year\" AS INTEGER) IS NULL",
        "not a year",
    ),
];

const CONAPO_COLUMNS: [&str; 6] = [
    "year",
    "cve_ent",
    "entidad",
    "pob_mit_anio",
    "hom_mit_anio",
    "muj_mit_anio",
];

const CONAPO_ROW_CHECKS: &[RowCheck] = &[
    ("year", "TRY_CAST(year AS INTEGER) IS NULL", "not a year"),
    (
        "cve_ent",
        "cve_ent IS NULL OR (cve_ent <> '00' AND cve_ent NOT IN (SELECT inegi FROM mx_states))",
        "not INEGI's code of Mexico (00) or of one of its 32 states",
    ),
    (
        "pob_mit_anio",
        "coalesce(TRY_CAST(pob_mit_anio AS BIGINT), 0) <= 0",
        "not a population",
    ),
    (
        "pob_mit_anio",
        "TRY_CAST(pob_mit_anio AS BIGINT) <> TRY_CAST(hom_mit_anio AS BIGINT) + TRY_CAST(muj_mit_anio AS BIGINT)",
        "men and women do not add up to the total",
    ),
];

const CONAPO_KEY_CHECKS: &[RowCheck] = &[(
    "year",
    "SELECT max(row), cve_ent || ' ' || year FROM conapo_raw GROUP BY cve_ent, year HAVING count(*) > 1",
    "the same place and year twice",
)];

const CENSUS_COLUMNS: [&str; 7] = [
    "state_fips",
    "state_name",
    "year",
    "population",
    "vintage",
    "source_file",
    "source_column",
];

const CENSUS_ROW_CHECKS: &[RowCheck] = &[
    ("year", "TRY_CAST(year AS INTEGER) IS NULL", "not a year"),
    (
        "state_name",
        "state_name IS NULL OR state_name NOT IN (SELECT name FROM us_states)",
        "not a US state, district or territory",
    ),
    (
        "population",
        "coalesce(TRY_CAST(population AS BIGINT), 0) <= 0",
        "not a population",
    ),
];

const CENSUS_KEY_CHECKS: &[RowCheck] = &[(
    "year",
    "SELECT max(row), state_name || ' ' || year FROM census_raw GROUP BY state_name, year HAVING count(*) > 1",
    "the same state and year twice",
)];

/// UN WPP 2022's countries (Mexico's is CONAPO's).
pub fn wpp(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let internal = |e| IngestError::internal(folder, e);
    super::add_source(conn, &WPP).map_err(internal)?;
    let columns: Vec<&str> = WPP_COLUMNS.iter().chain(AGES.iter()).copied().collect();
    // Thousands written with a space between groups ("  341 877").
    let thousands: Vec<String> = AGES
        .iter()
        .map(|age| format!("TRY_CAST(replace(\"{age}\", ' ', '') AS BIGINT)"))
        .collect();
    for file in WPP_FILES {
        let path = folder.join(file);
        let raw = RawFile::load_with(conn, &path, "wpp_raw", &columns, WPP_LAYOUT)?;
        raw.check_rows(conn, WPP_ROW_CHECKS)?;
        // Each age group a count of thousands, on a country's row.
        let checks: Vec<(&str, String)> = AGES
            .iter()
            .zip(&thousands)
            .map(|(age, value)| {
                (
                    *age,
                    format!("\"Type\" = 'Country/Area' AND coalesce({value}, -1) < 0"),
                )
            })
            .collect();
        for (age, condition) in &checks {
            raw.check_condition(conn, age, condition, "not a count of thousands")?;
        }
        // Mexico's is CONAPO's, as SESNSP's rates are. Places whose age
        // groups all round to no thousand (Niue, Tokelau) have no figure.
        conn.execute(
            &format!(
                "INSERT INTO population
                 SELECT * FROM (
                     SELECT \"ISO3 Alpha-code\", CAST(\"Year\" AS INTEGER),
                            1000 * ({}) AS population, ?, \"Variant\" <> 'Estimates'
                     FROM wpp_raw
                     WHERE \"Type\" = 'Country/Area'
                       AND CAST(\"Year\" AS INTEGER) BETWEEN ? AND ?
                       AND \"ISO3 Alpha-code\" <> 'MEX'
                       AND \"ISO3 Alpha-code\" IN (SELECT code FROM regions WHERE level = 'country')
                 ) WHERE population > 0",
                thousands.join(" + ")
            ),
            duckdb::params![WPP.id, YEARS.0, YEARS.1],
        )
        .map_err(|e| raw.error(e))?;
        raw.drop(conn)?;
    }
    Ok(())
}

/// CONAPO's Mexico and its states.
pub fn conapo(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(CONAPO_FILE);
    let raw = RawFile::load_checked(
        conn,
        &path,
        "conapo_raw",
        &CONAPO_COLUMNS,
        CONAPO_ROW_CHECKS,
        CONAPO_KEY_CHECKS,
    )?;
    super::add_source(conn, &CONAPO).map_err(|e| raw.error(e))?;
    // Estimates to 2019, projections from 2020 (the 2023 vintage).
    conn.execute(
        "INSERT INTO population
         SELECT CASE WHEN r.cve_ent = '00' THEN 'MEX' ELSE s.code END,
                CAST(r.year AS INTEGER), CAST(r.pob_mit_anio AS BIGINT), ?,
                CAST(r.year AS INTEGER) >= 2020
         FROM conapo_raw r LEFT JOIN mx_states s ON s.inegi = r.cve_ent
         WHERE CAST(r.year AS INTEGER) BETWEEN ? AND ?",
        duckdb::params![CONAPO.id, YEARS.0, YEARS.1],
    )
    .map_err(|e| raw.error(e))?;
    raw.drop(conn)
}

/// The Census Bureau's US states.
pub fn census(conn: &Connection, folder: &Path) -> Result<(), IngestError> {
    let path = folder.join(CENSUS_FILE);
    let raw = RawFile::load_checked(
        conn,
        &path,
        "census_raw",
        &CENSUS_COLUMNS,
        CENSUS_ROW_CHECKS,
        CENSUS_KEY_CHECKS,
    )?;
    super::add_source(conn, &CENSUS).map_err(|e| raw.error(e))?;
    // The names are the publishers' own: one code per state, whichever
    // spelling the table has for it.
    conn.execute(
        "INSERT INTO population
         SELECT DISTINCT s.code, CAST(r.year AS INTEGER), CAST(r.population AS BIGINT), ?, false
         FROM census_raw r JOIN us_states s ON s.name = r.state_name
         WHERE CAST(r.year AS INTEGER) BETWEEN ? AND ?",
        duckdb::params![CENSUS.id, YEARS.0, YEARS.1],
    )
    .map_err(|e| raw.error(e))?;
    raw.drop(conn)
}
