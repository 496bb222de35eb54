//! Fuzzes the query-string parsers (`SeriesQuery`, `ViewQuery`, and the
//! view address oEmbed is given) against the real catalog
//! (`fuzz/catalog.json`, saved from `/api/v1/catalog`). The parsers are the
//! shared crate's (`tipstats_shared::query`), so the target builds without
//! DuckDB. Run, seeded with real views (`fuzz/seeds/query`), by
//! `fuzz/run query 120`.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tipstats_shared::{Catalog, query};

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../catalog.json")).expect("fuzz/catalog.json is a catalog")
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match query::SeriesQuery::parse(text, &CATALOG) {
        Ok(parsed) => {
            // Whatever is accepted is valid and means the same in canonical form.
            assert!(CATALOG.indicator(&parsed.indicator).is_some());
            assert!(parsed.from <= parsed.to);
            let again = query::SeriesQuery::parse(&parsed.to_query_string(), &CATALOG);
            assert_eq!(again, Ok(parsed));
        }
        Err(error) => assert!(!error.parameter.is_empty()),
    }
    if let Err(error) = query::ViewQuery::parse(text, &CATALOG) {
        assert!(!error.parameter.is_empty());
    }
    // The same text as oEmbed's `url`: a view query from within it, or `url` refused.
    match query::view_query_of_url(text) {
        Ok(found) => assert!(text.contains(found) && !found.contains('#')),
        Err(error) => assert_eq!(error.parameter, "url"),
    }
});
