//! The places below countries that the national sources report on: the US
//! states, district and territories (ISO 3166-2:US) and Mexico's 32 states
//! (ISO 3166-2:MX, with INEGI's two-digit codes, which SESNSP uses).
//!
//! Countries and the UN regions above them come with the GLOTIP ingest,
//! which runs first.

use duckdb::{Connection, params};

/// (ISO 3166-2 code, name as the US publishers write it)
pub const US_STATES: [(&str, &str); 56] = [
    ("US-AL", "Alabama"),
    ("US-AK", "Alaska"),
    ("US-AS", "American Samoa"),
    ("US-AZ", "Arizona"),
    ("US-AR", "Arkansas"),
    ("US-CA", "California"),
    ("US-CO", "Colorado"),
    ("US-CT", "Connecticut"),
    ("US-DE", "Delaware"),
    ("US-DC", "District of Columbia"),
    ("US-FL", "Florida"),
    ("US-GA", "Georgia"),
    ("US-GU", "Guam"),
    ("US-HI", "Hawaii"),
    ("US-ID", "Idaho"),
    ("US-IL", "Illinois"),
    ("US-IN", "Indiana"),
    ("US-IA", "Iowa"),
    ("US-KS", "Kansas"),
    ("US-KY", "Kentucky"),
    ("US-LA", "Louisiana"),
    ("US-ME", "Maine"),
    ("US-MD", "Maryland"),
    ("US-MA", "Massachusetts"),
    ("US-MI", "Michigan"),
    ("US-MN", "Minnesota"),
    ("US-MS", "Mississippi"),
    ("US-MO", "Missouri"),
    ("US-MT", "Montana"),
    ("US-NE", "Nebraska"),
    ("US-NV", "Nevada"),
    ("US-NH", "New Hampshire"),
    ("US-NJ", "New Jersey"),
    ("US-NM", "New Mexico"),
    ("US-NY", "New York"),
    ("US-NC", "North Carolina"),
    ("US-ND", "North Dakota"),
    ("US-MP", "Northern Mariana Islands"),
    ("US-OH", "Ohio"),
    ("US-OK", "Oklahoma"),
    ("US-OR", "Oregon"),
    ("US-PA", "Pennsylvania"),
    ("US-PR", "Puerto Rico"),
    ("US-RI", "Rhode Island"),
    ("US-SC", "South Carolina"),
    ("US-SD", "South Dakota"),
    ("US-TN", "Tennessee"),
    ("US-TX", "Texas"),
    ("US-VI", "U.S. Virgin Islands"),
    ("US-UT", "Utah"),
    ("US-VT", "Vermont"),
    ("US-VA", "Virginia"),
    ("US-WA", "Washington"),
    ("US-WV", "West Virginia"),
    ("US-WI", "Wisconsin"),
    ("US-WY", "Wyoming"),
];

/// Other spellings the US publishers use: (ISO 3166-2 code, spelling).
const US_STATE_SPELLINGS: [(&str, &str); 1] = [("US-MP", "Northern Marianas Islands")];

/// (INEGI code, ISO 3166-2 code, name)
pub const MX_STATES: [(&str, &str, &str); 32] = [
    ("01", "MX-AGU", "Aguascalientes"),
    ("02", "MX-BCN", "Baja California"),
    ("03", "MX-BCS", "Baja California Sur"),
    ("04", "MX-CAM", "Campeche"),
    ("05", "MX-COA", "Coahuila"),
    ("06", "MX-COL", "Colima"),
    ("07", "MX-CHP", "Chiapas"),
    ("08", "MX-CHH", "Chihuahua"),
    ("09", "MX-CMX", "Ciudad de México"),
    ("10", "MX-DUR", "Durango"),
    ("11", "MX-GUA", "Guanajuato"),
    ("12", "MX-GRO", "Guerrero"),
    ("13", "MX-HID", "Hidalgo"),
    ("14", "MX-JAL", "Jalisco"),
    ("15", "MX-MEX", "México"),
    ("16", "MX-MIC", "Michoacán"),
    ("17", "MX-MOR", "Morelos"),
    ("18", "MX-NAY", "Nayarit"),
    ("19", "MX-NLE", "Nuevo León"),
    ("20", "MX-OAX", "Oaxaca"),
    ("21", "MX-PUE", "Puebla"),
    ("22", "MX-QUE", "Querétaro"),
    ("23", "MX-ROO", "Quintana Roo"),
    ("24", "MX-SLP", "San Luis Potosí"),
    ("25", "MX-SIN", "Sinaloa"),
    ("26", "MX-SON", "Sonora"),
    ("27", "MX-TAB", "Tabasco"),
    ("28", "MX-TAM", "Tamaulipas"),
    ("29", "MX-TLA", "Tlaxcala"),
    ("30", "MX-VER", "Veracruz"),
    ("31", "MX-YUC", "Yucatán"),
    ("32", "MX-ZAC", "Zacatecas"),
];

/// The countries [`add_states`] places states under (and Border Patrol's
/// sectors, through the US states).
pub const COUNTRIES_WITH_STATES: [(&str, &str); 2] =
    [("MEX", "Mexico"), ("USA", "the United States")];

/// Adds the states under their countries, and lookup tables for the source
/// modules: `us_states` (code, name) and `mx_states` (inegi, code, name).
pub fn add_states(conn: &Connection) -> Result<(), duckdb::Error> {
    conn.execute_batch("CREATE TEMP TABLE us_states (code VARCHAR, name VARCHAR);")?;
    for (code, name) in US_STATES {
        conn.execute(
            "INSERT INTO regions (code, name, level, parent) VALUES (?, ?, 'state', 'USA')",
            params![code, name],
        )?;
        conn.execute("INSERT INTO us_states VALUES (?, ?)", params![code, name])?;
    }
    for (code, spelling) in US_STATE_SPELLINGS {
        conn.execute(
            "INSERT INTO us_states VALUES (?, ?)",
            params![code, spelling],
        )?;
    }
    conn.execute_batch("CREATE TEMP TABLE mx_states (inegi VARCHAR, code VARCHAR, name VARCHAR);")?;
    for (inegi, code, name) in MX_STATES {
        conn.execute(
            "INSERT INTO regions (code, name, level, parent) VALUES (?, ?, 'state', 'MEX')",
            params![code, name],
        )?;
        conn.execute(
            "INSERT INTO mx_states VALUES (?, ?, ?)",
            params![inegi, code, name],
        )?;
    }
    Ok(())
}
