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

/// A curated map: its name in the baked site, the indicator mapped and,
/// on the border's map, the indicator filling the states.
pub struct MapView {
    pub name: &'static str,
    pub indicator: &'static str,
    pub areas: Option<&'static str>,
}

impl MapView {
    /// The view's query: `indicator=…&chart=map`, and `areas` when set.
    pub fn query(&self) -> String {
        let mut query = format!("indicator={}&chart=map", self.indicator);
        if let Some(areas) = self.areas {
            query.push_str("&areas=");
            query.push_str(areas);
        }
        query
    }
}

/// The curated maps, each of its last year: UNODC's detected victims by
/// country, SESNSP's victims by Mexican state, the hotline's cases by US
/// state, Border Patrol encounters by Southwest sector, and those
/// encounters over SESNSP's victims in Mexico's border states.
pub const MAP_VIEWS: [MapView; 5] = [
    map_view("world-map", "glotip.victims", None),
    map_view("mexico-map", "sesnsp.trata.victims", None),
    map_view("us-map", "hotline.cases", None),
    map_view("southwest-sectors-map", "usbp.encounters", None),
    BORDER_MAP,
];

/// The border page's map: Border Patrol encounters by sector over SESNSP's
/// trafficking victims in Mexico's border states.
pub const BORDER_MAP: MapView = map_view(
    "border-map",
    "usbp.encounters",
    Some("sesnsp.trata.victims"),
);

const fn map_view(
    name: &'static str,
    indicator: &'static str,
    areas: Option<&'static str>,
) -> MapView {
    MapView {
        name,
        indicator,
        areas,
    }
}

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

/// The places a place's page compares it with before its nearest on the
/// map (`place::compared_with`), where readers compare it with others:
/// Mexico with the USA and the countries of origin and transit to its
/// south, the USA with its two neighbours.
pub const PEERS: [(&str, [&str; 3]); 2] = [
    ("MEX", ["USA", "GTM", "HND"]),
    ("USA", ["MEX", "CAN", "GTM"]),
];

/// Across the Mexico–USA border: each border state's facing states on the
/// other side and the Border Patrol sectors along its stretch of the line,
/// west to east.
pub const ACROSS_THE_BORDER: [(&str, &[&str]); 10] = [
    ("MX-BCN", &["US-CA", "US-AZ", "BP-SDC", "BP-ELC", "BP-YUM"]),
    ("MX-SON", &["US-AZ", "US-NM", "BP-YUM", "BP-TCA", "BP-EPT"]),
    ("MX-CHH", &["US-NM", "US-TX", "BP-EPT", "BP-BBT"]),
    ("MX-COA", &["US-TX", "BP-BBT", "BP-DRT", "BP-LRT"]),
    ("MX-NLE", &["US-TX", "BP-LRT"]),
    ("MX-TAM", &["US-TX", "BP-LRT", "BP-RGV"]),
    ("US-CA", &["MX-BCN", "BP-SDC", "BP-ELC"]),
    ("US-AZ", &["MX-BCN", "MX-SON", "BP-YUM", "BP-TCA"]),
    ("US-NM", &["MX-SON", "MX-CHH", "BP-EPT"]),
    (
        "US-TX",
        &[
            "MX-CHH", "MX-COA", "MX-NLE", "MX-TAM", "BP-EPT", "BP-BBT", "BP-DRT", "BP-LRT",
            "BP-RGV",
        ],
    ),
];

/// A section of the border's story page: its anchor (and name in the baked
/// site) and the views that speak to it, none where no public series does.
pub struct StorySection {
    pub name: &'static str,
    pub views: &'static [&'static str],
}

/// Mexico's six border states after Mexico, as the story compares them.
macro_rules! border_states {
    ($query:literal) => {
        concat!(
            $query,
            "&region=MEX,MX-BCN,MX-SON,MX-CHH,MX-COA,MX-NLE,MX-TAM&per=100k"
        )
    };
}

/// "Cartels, the border and trafficking: what the figures show", in its
/// order: who is made vulnerable; recruitment, deception and kidnapping;
/// the smuggling routes that shift (and the border's map); safe houses, of
/// which no public series exists; corruption; violence and intimidation;
/// what the figures cannot tell (the sources, no chart).
pub const STORY: [StorySection; 7] = [
    StorySection {
        name: "vulnerable",
        views: &[
            "indicator=cbp.southwest&by=citizenship&chart=share",
            "indicator=cbp.southwest&by=demographic&chart=stacked",
            "indicator=glotip.victims&region=MEX&by=citizenship&chart=stacked",
            "indicator=glotip.victims&region=USA&by=citizenship&chart=stacked",
            "indicator=glotip.victims&region=MEX&by=age&chart=stacked",
            "indicator=glotip.victims&region=USA&by=age&chart=stacked",
        ],
    },
    StorySection {
        name: "recruitment",
        views: &[
            border_states!("indicator=sesnsp.kidnapping.victims"),
            border_states!("indicator=sesnsp.other_liberty.victims"),
            "indicator=ctdc.victims&region=X19&by=perpetrator%20relation&chart=stacked",
            "indicator=ctdc.victims&region=X19&by=perpetrator%20role&chart=stacked",
        ],
    },
    StorySection {
        name: "routes",
        views: &[
            "indicator=usbp.encounters&region=BP-SDC,BP-ELC,BP-YUM,BP-TCA,BP-EPT,BP-BBT,BP-DRT,BP-LRT,BP-RGV&chart=share",
        ],
    },
    StorySection {
        name: "safe-houses",
        views: &[],
    },
    StorySection {
        name: "corruption",
        views: &["indicator=tip.tier&region=MEX,GTM,HND,SLV"],
    },
    StorySection {
        name: "violence",
        views: &[
            border_states!("indicator=sesnsp.homicide.victims"),
            border_states!("indicator=sesnsp.femicide.victims"),
            border_states!("indicator=sesnsp.extortion.victims"),
        ],
    },
    StorySection {
        name: "limits",
        views: &[],
    },
];
