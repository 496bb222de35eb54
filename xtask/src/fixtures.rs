//! `cargo xtask fixtures`: trimmed copies of the publishers' raw files for
//! the tests (`tests/fixtures/raw/`), so that the ingest's checks, error
//! messages, swap, kill and full-disk paths run on any clone, without
//! `../shared/data`.
//!
//! Each file keeps its header and the rows a rule picks, byte for byte (line
//! endings, quoting and all the publisher's quirks included): whole years
//! where the ingest checks a year's parts against its total (SESNSP's
//! states and months, the Border Patrol's sectors against its regions), a
//! few countries, states or records elsewhere. The rules keep the rows the
//! bad-input tests edit.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// A data record of a raw file, for a rule to judge.
struct Row<'a> {
    headers: &'a csv::ByteRecord,
    record: &'a csv::ByteRecord,
    /// 0 for the first data record.
    index: usize,
}

impl Row<'_> {
    /// The cell of column `name` holds one of `values`.
    fn is(&self, name: &str, values: &[&str]) -> bool {
        let cell = self
            .headers
            .iter()
            .position(|h| h == name.as_bytes())
            .and_then(|i| self.record.get(i));
        cell.is_some_and(|cell| values.iter().any(|v| v.as_bytes() == cell))
    }

    /// The cell of column number `index` holds one of `values`: for files
    /// whose header is not their first line.
    fn at(&self, index: usize, values: &[&str]) -> bool {
        let cell = self.record.get(index);
        cell.is_some_and(|cell| values.iter().any(|v| v.as_bytes() == cell))
    }
}

/// Which records of a file to keep.
type Rule = fn(&Row) -> bool;

const GLOTIP_COUNTRIES: &[&str] = &["USA", "MEX", "GTM", "AFG", "GBR", "PAK", "NGA"];
const GLOTIP_YEARS: &[&str] = &["2020", "2021", "2022"];
const FISCAL_YEARS: &[&str] = &["2000", "2022"];

/// Every raw file the ingest reads, with its rule.
const FILES: [(&str, Rule); 18] = [
    ("unodc_glotip/glotip_2025-04_tidy.csv", |r| {
        r.is("iso3", GLOTIP_COUNTRIES) && r.is("year", GLOTIP_YEARS)
    }),
    (
        "us_trafficking_hotline/hotline_signals_cases_by_state_year.csv",
        |_| true,
    ),
    (
        "us_tip_report/tip_global_law_enforcement_2003_2015.csv",
        |_| true,
    ),
    (
        "us_tip_report/tip_tier_by_country_year_1999_2015.csv",
        |r| r.is("iso", GLOTIP_COUNTRIES),
    ),
    // One year of every state, cells of no victims left out (the first
    // kept, which a test edits): the rates file is checked against it.
    (
        "mexico_sesnsp/sesnsp_victims_trafficking_monthly_state.csv",
        |r| r.is("n_year", &["2015"]) && (r.index == 0 || !r.is("n_victimas", &["0"])),
    ),
    (
        "mexico_sesnsp/sesnsp_crimes_trafficking_state_year.csv",
        |r| r.is("n_year", &["2015"]),
    ),
    (
        "mexico_sesnsp/sesnsp_victims_trafficking_state_year_by_sex_rates.csv",
        |r| r.is("n_year", &["2015"]),
    ),
    (
        "us_fbi_ucr_trafficking/fbi_ucr_human_trafficking_by_agency_2013_2020.csv",
        |r| r.is("DATA_YEAR", &["2016"]) && r.is("STATE_ABBR", &["MO", "TX", "AZ"]),
    ),
    // Whole fiscal years: the yearly file is checked against the months.
    (
        "us_border_encounters/usbp_encounters_monthly_region_sector.csv",
        |r| r.is("fiscal_year", FISCAL_YEARS),
    ),
    (
        "us_border_encounters/usbp_encounters_monthly_region_citizenship.csv",
        |r| r.is("fiscal_year", FISCAL_YEARS),
    ),
    (
        "us_border_encounters/usbp_encounters_monthly_region_family_status.csv",
        |r| r.is("fiscal_year", FISCAL_YEARS),
    ),
    (
        "us_border_encounters/usbp_encounters_annual_region.csv",
        |r| r.is("fiscal_year", FISCAL_YEARS),
    ),
    (
        "us_border_encounters/cbp_southwest_border_encounters_fy22_fy25aug.csv",
        |r| r.is("fiscal_year", &["2022"]) && r.is("month_abbv", &["OCT", "NOV", "DEC"]),
    ),
    ("ctdc_vp_synthetic/ctdc_vp_synthetic_condensed.csv", |r| {
        r.index % 16 == 0
    }),
    // WPP's 16 lines above its header (the header is record 15), then the
    // fixture's countries and the world in its years.
    (
        "un_wpp_population/WPP2022_POP_F02_1_POPULATION_BY_AGE_BOTH_SEXES_ESTIMATES.csv",
        wpp_rows,
    ),
    (
        "un_wpp_population/WPP2022_POP_F02_1_POPULATION_BY_AGE_BOTH_SEXES_MEDIUM_VARIANT.csv",
        wpp_rows,
    ),
    (
        "mexico_conapo_population/conapo_pob_mitad_entidades_1950_2070.csv",
        |r| r.is("year", POPULATION_YEARS),
    ),
    (
        "us_census_population/us_state_population_2000_2024_DERIVED.csv",
        |r| r.is("year", POPULATION_YEARS),
    ),
];

/// The years of population the fixtures' figures need.
const POPULATION_YEARS: &[&str] = &[
    "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024",
];

fn wpp_rows(r: &Row) -> bool {
    // Columns 2, 5 and 10: the place's name, its ISO3 code, the year.
    r.index <= 15
        || ((r.at(5, GLOTIP_COUNTRIES) || r.at(2, &["WORLD"])) && r.at(10, POPULATION_YEARS))
}

/// Files copied whole: SESNSP's complete victims table is a Parquet file
/// (340 KB, zstd), which this crate has no writer for; the ingest reads it
/// with DuckDB.
const WHOLE: [&str; 1] = ["mexico_sesnsp/sesnsp_victims_all_crimes_monthly_state.parquet"];

pub fn run(source_dir: &Path, out_dir: &Path) -> Result<()> {
    for file in WHOLE {
        let to = out_dir.join(file);
        if let Some(folder) = to.parent() {
            fs::create_dir_all(folder)?;
        }
        let from = source_dir.join(file);
        let bytes = fs::read(&from).with_context(|| format!("reading {}", from.display()))?;
        fs::write(&to, &bytes)?;
        println!("{file}: copied whole, {} bytes", bytes.len());
    }
    for (file, rule) in FILES {
        let from = source_dir.join(file);
        let bytes = fs::read(&from).with_context(|| format!("reading {}", from.display()))?;
        let kept = trim(&bytes, rule).with_context(|| format!("trimming {}", from.display()))?;
        let to = out_dir.join(file);
        if let Some(folder) = to.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(&to, &kept)?;
        println!("{file}: {} of {} bytes", kept.len(), bytes.len());
    }
    Ok(())
}

/// The header and the records `rule` keeps, as they stand in `bytes`.
fn trim(bytes: &[u8], rule: Rule) -> Result<Vec<u8>> {
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let headers = reader.byte_headers()?.clone();
    // Where each record starts, and whether it is kept.
    let mut starts = Vec::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let start = usize::try_from(reader.position().byte())?;
        if !reader.read_byte_record(&mut record)? {
            // The last record's line ending runs to the end of the file.
            starts.push((bytes.len().max(start), false));
            break;
        }
        let index = starts.len();
        let row = Row {
            headers: &headers,
            record: &record,
            index,
        };
        starts.push((start, rule(&row)));
    }
    if !starts.iter().any(|(_, kept)| *kept) {
        bail!("the rule keeps no record");
    }
    let header_end = starts.first().map_or(bytes.len(), |(start, _)| *start);
    let mut kept = bytes[..header_end].to_vec();
    for pair in starts.windows(2) {
        let ((start, keep), (end, _)) = (pair[0], pair[1]);
        if keep {
            kept.extend_from_slice(&bytes[start..end]);
        }
    }
    Ok(kept)
}
