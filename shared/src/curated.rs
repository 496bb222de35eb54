//! The curated views: the Mexico–USA border page's four, and the world's
//! regions. The dashboard shows them; `tipstats bake` writes them out as a
//! static site.

/// (name, query string of the view) of the border page, in its order:
/// Mexico's six border states (SESNSP victims of trafficking), the four US
/// border states (hotline cases), the nine Southwest Border Patrol sectors
/// (encounters), and UNODC's Americas with its two subregions.
pub const BORDER_VIEWS: [(&str, &str); 4] = [
    (
        "mexico-border-states",
        "indicator=sesnsp.trata.victims&region=MX-BCN,MX-SON,MX-CHH,MX-COA,MX-NLE,MX-TAM",
    ),
    (
        "us-border-states",
        "indicator=hotline.cases&region=US-CA,US-AZ,US-NM,US-TX",
    ),
    (
        "southwest-border-sectors",
        "indicator=usbp.encounters&region=BP-SDC,BP-ELC,BP-YUM,BP-TCA,BP-EPT,BP-BBT,BP-DRT,BP-LRT,BP-RGV",
    ),
    (
        "unodc-americas",
        "indicator=glotip.victims&region=019,419,021",
    ),
];

/// (name, indicator) of the curated maps, each of its last year: UNODC's
/// detected victims by country, SESNSP's victims by Mexican state, the
/// hotline's cases by US state, and Border Patrol encounters by Southwest
/// sector.
pub const MAP_VIEWS: [(&str, &str); 4] = [
    ("world-map", "glotip.victims"),
    ("mexico-map", "sesnsp.trata.victims"),
    ("us-map", "hotline.cases"),
    ("southwest-sectors-map", "usbp.encounters"),
];

/// Every curated view: the dashboard's default (the five UN regions) and
/// the border page's.
pub fn all_views() -> Vec<(&'static str, &'static str)> {
    let mut views = vec![(
        "world-regions",
        "indicator=glotip.victims&region=002,019,142,150,009",
    )];
    views.extend(BORDER_VIEWS);
    views
}
