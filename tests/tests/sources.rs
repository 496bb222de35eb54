//! Known figures from each source beyond GLOTIP, through the real API over
//! the database built from the committed data.

use tipstats_shared::{Catalog, Frequency, NoteKind, Problem, RegionLevel, SeriesResponse};
use tipstats_tests::{TestServer, spawn_app};

async fn one_value(app: &TestServer, path: &str) -> (Option<i64>, u32) {
    let series: SeriesResponse = app.get_json(path).await;
    assert_eq!(series.rows.len(), 1, "{path}: {:?}", series.rows);
    (series.rows[0].value, series.rows[0].reporting_units)
}

#[tokio::test]
async fn hotline_cases_sum_the_states_and_serve_only_the_usa() {
    let app = spawn_app().await;
    // Polaris's state pages, summed: 5,428 cases in 2015 from 55 jurisdictions
    // and 11,187 in 2024 (the provenance notes of the copy give both sums).
    assert_eq!(
        one_value(
            &app,
            "/api/v1/series?indicator=hotline.cases&region=USA&from=2015&to=2015"
        )
        .await,
        (Some(5428), 55)
    );
    assert_eq!(
        one_value(
            &app,
            "/api/v1/series?indicator=hotline.cases&from=2024&to=2024"
        )
        .await
        .0,
        Some(11187)
    );
    // A state on its own.
    assert_eq!(
        one_value(
            &app,
            "/api/v1/series?indicator=hotline.cases&region=US-TX&from=2024&to=2024"
        )
        .await,
        (Some(1360), 1)
    );
    // The world is not the USA: a US-only source has no world figure.
    let response = app
        .get("/api/v1/series?indicator=hotline.cases&region=001")
        .await;
    assert_eq!(response.status(), 400);
    let problem: Problem = response.json().await.expect("problem JSON");
    assert_eq!(problem.parameter.as_deref(), Some("region"));
    assert!(
        problem.detail.contains("covers United States"),
        "{}",
        problem.detail
    );
}

#[tokio::test]
async fn tip_report_world_totals_match_the_2009_report() {
    let app = spawn_app().await;
    // TIP Report 2009, Global Law Enforcement Data for 2008.
    for (indicator, expected) in [
        ("tip.prosecutions", 5212),
        ("tip.convictions", 2983),
        ("tip.victims", 30961),
    ] {
        let path = format!("/api/v1/series?indicator={indicator}&region=001&from=2008&to=2008");
        assert_eq!(
            one_value(&app, &path).await,
            (Some(expected), 1),
            "{indicator}"
        );
    }
    // No victims were reported before 2008: the series starts there.
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    let victims = catalog.indicator("tip.victims").expect("tip.victims");
    assert_eq!((victims.first_year, victims.last_year), (2008, 2014));
    assert_eq!(victims.grain, RegionLevel::World);
}

#[tokio::test]
async fn states_hang_under_their_countries() {
    let app = spawn_app().await;
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    let states = |country: &str| {
        catalog
            .regions
            .iter()
            .filter(|r| r.level == RegionLevel::State && r.parent.as_deref() == Some(country))
            .count()
    };
    assert_eq!(states("MEX"), 32);
    assert_eq!(states("USA"), 56);
    assert_eq!(catalog.region_name("MX-CHH"), "Chihuahua");
    assert!(catalog.is_within("US-TX", "019"));
}

#[tokio::test]
async fn sesnsp_mexico_is_the_sum_of_its_states() {
    let app = spawn_app().await;
    // SESNSP, national victims of trata de personas: 1,171 (2015), 942 (2022),
    // 392 (January–June 2025); crimes 415 (2015), 808 (2022).
    for (indicator, year, expected) in [
        ("sesnsp.trata.victims", 2015, 1171),
        ("sesnsp.trata.victims", 2022, 942),
        ("sesnsp.trata.victims", 2025, 392),
        ("sesnsp.trata.crimes", 2015, 415),
        ("sesnsp.trata.crimes", 2022, 808),
    ] {
        let path = format!("/api/v1/series?indicator={indicator}&region=MEX&from={year}&to={year}");
        assert_eq!(
            one_value(&app, &path).await,
            (Some(expected), 32),
            "{indicator} {year}"
        );
    }
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    let victims = catalog
        .indicator("sesnsp.trata.victims")
        .expect("sesnsp.trata.victims");
    assert_eq!(victims.frequency, Frequency::Month);
    assert!(
        victims
            .caveats
            .iter()
            .any(|c| c.contains("January to June"))
    );
}

#[tokio::test]
async fn sesnsp_rates_are_served_as_published_beside_their_counts() {
    let app = spawn_app().await;
    // The rates file: Mexico 2022, 942 victims of trata = 0.7248… per
    // 100,000; Chihuahua 65 = 1.6674….
    let series: SeriesResponse = app
        .get_json("/api/v1/series?indicator=sesnsp.trata.victims&region=MEX,MX-CHH&from=2022&to=2022&per=100k")
        .await;
    assert_eq!(series.per.map(|p| p.as_str()), Some("100k"));
    let units: Vec<u32> = series.rows.iter().map(|r| r.reporting_units).collect();
    assert_eq!(units, vec![32, 1], "Mexico's rate covers its 32 states");
    let found: Vec<(&str, Option<i64>, Option<f64>)> = series
        .rows
        .iter()
        .map(|r| (r.region.as_str(), r.value, r.rate))
        .collect();
    assert_eq!(
        found,
        vec![
            ("MEX", Some(942), Some(0.7248350653967434)),
            ("MX-CHH", Some(65), Some(1.6674046000871157))
        ]
    );

    // By sex: each rate is per 100,000 inhabitants of both sexes, so the
    // population behind every row is the same, and the parts stay under the
    // total (some victims' sex is not recorded).
    let by_sex: SeriesResponse = app
        .get_json("/api/v1/series?indicator=sesnsp.trata.victims&region=MEX&from=2022&to=2022&per=100k&by=sex")
        .await;
    let categories: Vec<&str> = by_sex
        .rows
        .iter()
        .filter_map(|r| r.category.as_deref())
        .collect();
    assert_eq!(categories, vec!["Female", "Male"]);
    let population = |value: Option<i64>, rate: Option<f64>| {
        value.expect("count") as f64 / rate.expect("rate") * 100_000.0
    };
    let total_population = population(Some(942), Some(0.7248350653967434));
    for row in &by_sex.rows {
        let ratio = population(row.value, row.rate) / total_population;
        assert!((ratio - 1.0).abs() < 1e-9, "{row:?}");
    }
    let parts: f64 = by_sex.rows.iter().filter_map(|r| r.rate).sum();
    assert!(parts <= 0.7248350653967434, "{parts}");

    // The count beside each state's rate is the sum the series serves.
    let rates: SeriesResponse = app
        .get_json(
            "/api/v1/series?indicator=sesnsp.trata.crimes&region=MX-CHH,MX-BCN,MX-TAM&per=100k",
        )
        .await;
    assert!(rates.rows.len() >= 30, "{:?}", rates.rows.len());
    let counts: SeriesResponse = app
        .get_json("/api/v1/series?indicator=sesnsp.trata.crimes&region=MX-CHH,MX-BCN,MX-TAM")
        .await;
    let pairs = |s: &SeriesResponse| -> Vec<(String, i32, Option<i64>)> {
        s.rows
            .iter()
            .map(|r| (r.region.clone(), r.year, r.value))
            .collect()
    };
    assert_eq!(pairs(&rates), pairs(&counts));

    // Nothing is summed into a rate: a UN region has none.
    let response = app
        .get("/api/v1/series?indicator=sesnsp.trata.victims&region=019&per=100k")
        .await;
    assert_eq!(response.status(), 400);
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    // The published ones (the others' are computed: tests/rates.rs).
    let with_rates: Vec<&str> = catalog
        .indicators
        .iter()
        .filter(|i| i.per_100k && !i.rates_computed)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        with_rates,
        vec![
            "sesnsp.trafico_menores.crimes",
            "sesnsp.trafico_menores.victims",
            "sesnsp.trata.crimes",
            "sesnsp.trata.victims"
        ]
    );
}

#[tokio::test]
async fn fbi_offenses_are_summed_by_state_with_the_agencies_that_reported() {
    let app = spawn_app().await;
    // The agency file's ACTUAL_COUNT sums: 20 offenses in 2013 from 9
    // agencies, 2,160 in 2020 from 503.
    assert_eq!(
        one_value(
            &app,
            "/api/v1/series?indicator=fbi.offenses&from=2013&to=2013"
        )
        .await,
        (Some(20), 9)
    );
    assert_eq!(
        one_value(
            &app,
            "/api/v1/series?indicator=fbi.offenses&from=2020&to=2020"
        )
        .await,
        (Some(2160), 503)
    );
    // Coverage grows tenfold: the API says so rather than letting it pass
    // for a trend.
    let series: SeriesResponse = app
        .get_json("/api/v1/series?indicator=fbi.offenses&from=2013&to=2014")
        .await;
    assert!(
        series.notes.iter().any(
            |n| n.kind == NoteKind::Coverage && n.text.contains("9 reporting agencies in 2013")
        ),
        "{:?}",
        series.notes
    );
}

#[tokio::test]
async fn border_patrol_encounters_sum_by_sector_in_fiscal_years() {
    let app = spawn_app().await;
    // The nine Southwest sectors in FY2022 (October 2021 – September 2022),
    // summed from OHSS's monthly sector table: 2,206,520 (the annual table,
    // rounded separately, says 2,206,440).
    let southwest = "BP-BBT,BP-DRT,BP-ELC,BP-EPT,BP-LRT,BP-RGV,BP-SDC,BP-TCA,BP-YUM";
    let series: SeriesResponse = app
        .get_json(&format!(
            "/api/v1/series?indicator=usbp.encounters&region={southwest}&from=2022&to=2022"
        ))
        .await;
    assert_eq!(series.rows.len(), 9);
    let sum: i64 = series.rows.iter().filter_map(|r| r.value).sum();
    assert_eq!(sum, 2_206_520);
    let rgv = series
        .rows
        .iter()
        .find(|r| r.region == "BP-RGV")
        .and_then(|r| r.value);
    assert_eq!(rgv, Some(468_120));

    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    let sector = catalog.region("BP-EPT").expect("El Paso sector");
    assert_eq!(
        (sector.level, sector.parent.as_deref()),
        (RegionLevel::Sector, Some("US-TX"))
    );
    let encounters = catalog
        .indicator("usbp.encounters")
        .expect("usbp.encounters");
    assert_eq!(encounters.frequency, Frequency::FiscalYear);
    assert!(
        encounters.name.contains("not trafficking"),
        "{}",
        encounters.name
    );
    assert!(
        encounters
            .caveats
            .iter()
            .any(|c| c.contains("not trafficking"))
    );
}

/// No CTDC-derived figure below 11 exists in the database, and no
/// difference of published figures (a total minus its published parts,
/// across regions and breakdowns) comes out between 1 and 10.
#[tokio::test]
async fn ctdc_cells_below_eleven_never_show_directly_or_by_difference() {
    const K: i64 = 11;
    let db_dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = tipstats::store::ensure_database(
        &tipstats_tests::workspace_root().join("data"),
        db_dir.path(),
    )
    .expect("database");
    let conn = duckdb::Connection::open(&path).expect("open");
    let (cells, small): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(*) FILTER (WHERE NOT suppressed AND value < 11)
             FROM observations WHERE indicator_id LIKE 'ctdc.%'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("query");
    assert!(cells > 100, "{cells}");
    assert_eq!(small, 0, "published CTDC cells below k");
    drop(conn);

    let app = spawn_app().await;
    let hidden = |total: Option<i64>, parts: &[Option<i64>]| {
        total.map(|t| t - parts.iter().flatten().sum::<i64>())
    };
    let regions = ["002", "142", "150", "X19"];
    let totals: SeriesResponse = app
        .get_json(&format!(
            "/api/v1/series?indicator=ctdc.victims&region=001,{}",
            regions.join(",")
        ))
        .await;
    // The world minus its regions' published totals.
    for year in [2013, 2018, 2019, 2020, 2022] {
        let value = |region: &str| {
            totals
                .rows
                .iter()
                .find(|r| r.region == region && r.year == year)
                .and_then(|r| r.value)
        };
        let parts: Vec<Option<i64>> = regions.iter().map(|r| value(r)).collect();
        if let Some(difference) = hidden(value("001"), &parts) {
            assert!(
                difference == 0 || difference >= K,
                "world {year}: {difference}"
            );
        }
    }
    // Each region's total minus its published parts, for the breakdowns
    // that split the total (sex and age).
    for by in ["sex", "age"] {
        let split: SeriesResponse = app
            .get_json(&format!(
                "/api/v1/series?indicator=ctdc.victims&region=001,{}&by={by}",
                regions.join(",")
            ))
            .await;
        for total in &totals.rows {
            let parts: Vec<Option<i64>> = split
                .rows
                .iter()
                .filter(|r| r.region == total.region && r.year == total.year)
                .map(|r| r.value)
                .collect();
            assert!(!parts.is_empty(), "{by} {} {}", total.region, total.year);
            if let Some(difference) = hidden(total.value, &parts) {
                assert!(
                    difference == 0 || difference >= K,
                    "{by} {} {}: {difference}",
                    total.region,
                    total.year
                );
            }
        }
    }
}

#[tokio::test]
async fn monthly_sources_give_months_in_the_publishers_year() {
    let app = spawn_app().await;
    // Rio Grande Valley, FY2022: October 2021 first, the months sum to the year.
    let rgv: SeriesResponse = app
        .get_json(
            "/api/v1/series?indicator=usbp.encounters&region=BP-RGV&from=2022&to=2022&period=month",
        )
        .await;
    assert_eq!(rgv.period.as_str(), "month");
    let months: Vec<Option<u8>> = rgv.rows.iter().map(|r| r.month).collect();
    assert_eq!(months.first(), Some(&Some(10)));
    assert_eq!(months.last(), Some(&Some(9)));
    assert_eq!(
        rgv.rows.iter().filter_map(|r| r.value).sum::<i64>(),
        468_120
    );
    // SESNSP's partial 2025: six months, 392 victims of trata de personas.
    let mexico: SeriesResponse = app
        .get_json("/api/v1/series?indicator=sesnsp.trata.victims&from=2025&to=2025&period=month")
        .await;
    assert_eq!(mexico.rows.len(), 6);
    assert_eq!(mexico.rows.iter().filter_map(|r| r.value).sum::<i64>(), 392);
    // A yearly source has no months.
    let response = app
        .get("/api/v1/series?indicator=glotip.victims&period=month")
        .await;
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn tip_tiers_are_served_for_countries_only() {
    let app = spawn_app().await;
    // Mexico: Tier 2 in 2001–2003, Tier 2 Watch List (coded 3) in 2004–2007,
    // Tier 2 again from 2008.
    let mexico: SeriesResponse = app
        .get_json("/api/v1/series?indicator=tip.tier&region=MEX&from=2001&to=2009")
        .await;
    let tiers: Vec<Option<i64>> = mexico.rows.iter().map(|r| r.value).collect();
    assert_eq!(tiers, [2, 2, 2, 3, 3, 3, 3, 2, 2].map(Some).to_vec());
    // A placement cannot be summed: no regional figure, and no default.
    for path in [
        "/api/v1/series?indicator=tip.tier&region=019",
        "/api/v1/series?indicator=tip.tier",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 400, "{path}");
    }
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    assert!(!catalog.indicator("tip.tier").expect("tip.tier").additive);
    assert_eq!(catalog.region_name("XKX"), "Kosovo");
}

#[tokio::test]
async fn the_southwest_border_breaks_down_by_citizenship_and_family_status() {
    let app = spawn_app().await;
    let total: SeriesResponse = app
        .get_json("/api/v1/series?indicator=usbp.southwest&from=2022&to=2022")
        .await;
    assert_eq!(
        total.rows.iter().filter_map(|r| r.value).sum::<i64>(),
        2_206_520
    );
    // OHSS's family-status table, rounded cell by cell: 2,206,470 in FY2022,
    // of which 149,100 unaccompanied children.
    let family: SeriesResponse = app
        .get_json("/api/v1/series?indicator=usbp.southwest&from=2022&to=2022&by=family+status")
        .await;
    assert_eq!(
        family.rows.iter().filter_map(|r| r.value).sum::<i64>(),
        2_206_470
    );
    let children = family
        .rows
        .iter()
        .find(|r| r.category.as_deref() == Some("Unaccompanied Children"))
        .and_then(|r| r.value);
    assert_eq!(children, Some(149_100));
    // Mexican citizens: 738,790 encounters in FY2022.
    let citizenship: SeriesResponse = app
        .get_json("/api/v1/series?indicator=usbp.southwest&from=2022&to=2022&by=citizenship")
        .await;
    let mexico = citizenship
        .rows
        .iter()
        .find(|r| r.category.as_deref() == Some("Mexico"))
        .and_then(|r| r.value);
    assert_eq!(mexico, Some(738_790));
}

#[tokio::test]
async fn ohss_yearly_border_regions_are_served_as_published() {
    let app = spawn_app().await;
    // OHSS's annual table, FY2022: 2,206,440 at the Southwest land border,
    // 2,240 at the Northern, 5,980 on the coasts; 70 below the sum of the
    // Southwest's rounded monthly sector cells (2,206,520).
    let regions: SeriesResponse = app
        .get_json("/api/v1/series?indicator=usbp.border_regions&from=2022&to=2022&by=border+region")
        .await;
    let found: Vec<(&str, Option<i64>)> = regions
        .rows
        .iter()
        .map(|r| (r.category.as_deref().unwrap_or(""), r.value))
        .collect();
    assert_eq!(
        found,
        vec![
            ("Coastal Border", Some(5_980)),
            ("Northern Land Border", Some(2_240)),
            ("Southwest Land Border", Some(2_206_440))
        ]
    );
    let total: SeriesResponse = app
        .get_json("/api/v1/series?indicator=usbp.border_regions&from=2022&to=2022")
        .await;
    assert_eq!(total.rows[0].value, Some(5_980 + 2_240 + 2_206_440));
    assert!(
        total
            .notes
            .iter()
            .any(|n| n.text.contains("not trafficking or smuggling counts"))
    );
}

#[tokio::test]
async fn cbp_southwest_encounters_match_cbps_fiscal_year_totals() {
    let app = spawn_app().await;
    // CBP's published Southwest land border total for FY2022: 2,378,944, of
    // which the Border Patrol 2,206,436 and the ports of entry 172,508.
    assert_eq!(
        one_value(
            &app,
            "/api/v1/series?indicator=cbp.southwest&from=2022&to=2022"
        )
        .await,
        (Some(2_378_944), 1)
    );
    let components: SeriesResponse = app
        .get_json("/api/v1/series?indicator=cbp.southwest&from=2022&to=2022&by=component")
        .await;
    let usbp = components
        .rows
        .iter()
        .find(|r| r.category.as_deref() == Some("U.S. Border Patrol"))
        .and_then(|r| r.value);
    assert_eq!(usbp, Some(2_206_436));
    // FY2025 stops in August, and says so.
    let fy2025: SeriesResponse = app
        .get_json("/api/v1/series?indicator=cbp.southwest&from=2025&to=2025&period=month")
        .await;
    assert_eq!(fy2025.rows.len(), 11);
    assert!(fy2025.notes.iter().any(|n| n.kind == NoteKind::PartialYear));
}

/// The served database's yearly totals (summed once when it is built) are
/// exactly what summing the observations gives, for every indicator, its
/// scope and the places just under it.
#[test]
fn yearly_totals_built_with_the_database_equal_the_sums_of_the_observations() {
    let db_dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = tipstats::store::ensure_database(
        &tipstats_tests::workspace_root().join("data"),
        db_dir.path(),
    )
    .expect("database");
    let conn = duckdb::Connection::open(&path).expect("open");
    let catalog = tipstats::catalog::load(&conn, "test").expect("catalog");
    let mut compared = 0;
    for indicator in &catalog.indicators {
        let children: Vec<&str> = catalog
            .regions
            .iter()
            .filter(|r| r.parent.as_deref() == Some(indicator.scope.as_str()))
            .map(|r| r.code.as_str())
            .take(11)
            .collect();
        let regions = if indicator.additive {
            format!("{},{}", indicator.scope, children.join(","))
        } else {
            "MEX,USA".to_string()
        };
        let query = tipstats_shared::query::SeriesQuery::parse(
            &format!(
                "indicator={}&region={}",
                indicator.id,
                regions.trim_end_matches(',')
            ),
            &catalog,
        )
        .expect("a valid query");
        let rolled = tipstats::db::series(&conn, &query).expect("roll-up");
        let summed = tipstats::db::series_from_observations(&conn, &query).expect("sums");
        assert!(!rolled.is_empty(), "{}", indicator.id);
        assert_eq!(rolled, summed, "{}", indicator.id);
        compared += rolled.len();
    }
    assert!(compared > 1_000, "{compared} rows compared");
}
