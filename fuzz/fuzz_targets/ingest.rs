//! Fuzzes the ingest's reading of the publishers' files. Each input replaces
//! one raw file (its first byte chooses which) in a copy of the source
//! directory, and the ingest reads that file's folder again as
//! `tipstats ingest` would, writing nothing.
//!
//! Whatever the bytes, the ingest must not panic; it either accepts the
//! folder, and then the whole still passes the database's own consistency
//! checks, or refuses it with an error that names a file of the copy and
//! says why. An error that only the whole-database check catches would
//! leave a user without the file, row and column at fault: a failure here.
//!
//! Seeds are the heads of the real files (`fuzz/seed-ingest`, which reads
//! `../shared/data`, or `TIPSTATS_SOURCE_DIR`); run by `fuzz/run ingest 600`.
#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use libfuzzer_sys::fuzz_target;
use tipstats::ingest::{FolderChecker, WHOLE_CHECK_FAILED};

/// Every raw file the ingest reads; an input's first byte indexes it.
const RAW_FILES: [&str; 19] = [
    "unodc_glotip/glotip_2025-04_tidy.csv",
    "us_trafficking_hotline/hotline_signals_cases_by_state_year.csv",
    "us_tip_report/tip_global_law_enforcement_2003_2015.csv",
    "us_tip_report/tip_tier_by_country_year_1999_2015.csv",
    "mexico_sesnsp/sesnsp_victims_trafficking_monthly_state.csv",
    "mexico_sesnsp/sesnsp_crimes_trafficking_state_year.csv",
    "mexico_sesnsp/sesnsp_victims_trafficking_state_year_by_sex_rates.csv",
    "mexico_sesnsp/sesnsp_victims_all_crimes_monthly_state.parquet",
    "us_fbi_ucr_trafficking/fbi_ucr_human_trafficking_by_agency_2013_2020.csv",
    "us_border_encounters/usbp_encounters_monthly_region_sector.csv",
    "us_border_encounters/usbp_encounters_monthly_region_citizenship.csv",
    "us_border_encounters/usbp_encounters_monthly_region_family_status.csv",
    "us_border_encounters/usbp_encounters_annual_region.csv",
    "us_border_encounters/cbp_southwest_border_encounters_fy22_fy25aug.csv",
    "ctdc_vp_synthetic/ctdc_vp_synthetic_condensed.csv",
    "un_wpp_population/WPP2022_POP_F02_1_POPULATION_BY_AGE_BOTH_SEXES_ESTIMATES.csv",
    "un_wpp_population/WPP2022_POP_F02_1_POPULATION_BY_AGE_BOTH_SEXES_MEDIUM_VARIANT.csv",
    "mexico_conapo_population/conapo_pob_mitad_entidades_1950_2070.csv",
    "us_census_population/us_state_population_2000_2024_DERIVED.csv",
];

struct Setup {
    copy: tempfile::TempDir,
    checker: FolderChecker,
}

static SETUP: LazyLock<Mutex<Setup>> = LazyLock::new(|| {
    let sources = std::env::var_os("TIPSTATS_SOURCE_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"),
        PathBuf::from,
    );
    let copy = tempfile::tempdir().expect("a scratch folder");
    for file in RAW_FILES {
        let target = copy.path().join(file);
        fs::create_dir_all(target.parent().expect("a folder")).expect("mkdir");
        fs::copy(sources.join(file), &target)
            .unwrap_or_else(|e| panic!("{}: {e}", sources.join(file).display()));
    }
    let checker = FolderChecker::new(copy.path()).expect("the real files are accepted");
    Mutex::new(Setup { copy, checker })
});

fuzz_target!(|data: &[u8]| {
    let Some((&choice, content)) = data.split_first() else {
        return;
    };
    let file = RAW_FILES[usize::from(choice) % RAW_FILES.len()];
    let folder = file.split('/').next().expect("a folder");
    let setup = SETUP.lock().expect("no earlier panic");
    let path = setup.copy.path().join(file);
    let original = fs::read(&path).expect("the copy");
    fs::write(&path, content).expect("write the input");
    let result = setup.checker.check(folder);
    fs::write(&path, original).expect("restore the copy");
    if let Err(error) = result {
        assert!(
            error.file.starts_with(setup.copy.path()),
            "the error names a file outside the sources: {error}"
        );
        assert!(!error.reason.is_empty(), "an error without a reason");
        assert!(
            !error.reason.starts_with(WHOLE_CHECK_FAILED),
            "only the whole-database check caught it: {error}"
        );
    }
});
