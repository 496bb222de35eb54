//! Every word of the dashboard's interface, each in English beside its
//! Spanish: the dashboard shows them, and the server writes the same words
//! into the pages it makes.
//!
//! The server has them compiled in. The browser's bundle does not: it has
//! only the words' order, and fetches the words themselves from
//! `/api/v1/words` ([`WordLists`]) when it starts ([`load`]), so that
//! words cost no part of the bundle's budget.
//!
//! The indicators' names, descriptions and caveats and the places' names
//! come from the catalog in both languages (`Indicator::name_in`,
//! `Region::name_in`); breakdown categories from [`crate::figure`].

use crate::lang::Lang;
use crate::query::Tab;

/// The words of the interface, each written once with its English and
/// Spanish side by side; read by name (`t.tagline()`) from [`words`].
macro_rules! words {
    ($($field:ident { en: $en:literal, es: $es:literal $(,)? })+) => {
        /// The words of the interface in one language.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Text {
            words: [&'static str; Text::COUNT],
        }

        /// The place of each word in [`Text`]'s list.
        #[allow(non_camel_case_types)]
        enum Index { $($field),+ }

        impl Text {
            /// How many words there are.
            pub const COUNT: usize = [$(Index::$field),+].len();

            $(pub fn $field(&self) -> &'static str {
                self.words[Index::$field as usize]
            })+

            /// Every word, in order.
            pub fn all(&self) -> &[&'static str] {
                &self.words
            }
        }

        /// Each word's name, in order.
        #[cfg(not(target_arch = "wasm32"))]
        pub const NAMES: [&str; Text::COUNT] = [$(stringify!($field)),+];
        /// English.
        #[cfg(not(target_arch = "wasm32"))]
        pub const EN: Text = Text { words: [$($en),+] };
        /// Spanish, as written in Mexico.
        #[cfg(not(target_arch = "wasm32"))]
        pub const ES: Text = Text { words: [$($es),+] };
    };
}

words! {
    tagline {
        en: "Public figures on human trafficking, with their sources and their limits",
        es: "Cifras públicas sobre la trata de personas, con sus fuentes y sus límites",
    }
    nav_explore {
        en: "Explore",
        es: "Explorar",
    }
    nav_border {
        en: "Mexico–USA border",
        es: "Frontera México–EE. UU.",
    }
    language {
        en: "Language",
        es: "Idioma",
    }
    theme {
        en: "Theme",
        es: "Tema",
    }
    theme_system {
        en: "As the system",
        es: "Como el sistema",
    }
    theme_light {
        en: "Light",
        es: "Claro",
    }
    theme_dark {
        en: "Dark",
        es: "Oscuro",
    }
    loading_catalog {
        en: "Loading the catalog…",
        es: "Cargando el catálogo…",
    }
    loading_figures {
        en: "Loading the figures…",
        es: "Cargando las cifras…",
    }
    what_to_show {
        en: "What to show",
        es: "Qué mostrar",
    }
    indicator {
        en: "Indicator",
        es: "Indicador",
    }
    years {
        en: "Years",
        es: "Años",
    }
    from {
        en: "From",
        es: "De",
    }
    to {
        en: "to",
        es: "a",
    }
    per_100k {
        en: "Per 100,000 inhabitants",
        es: "Por cada 100 000 habitantes",
    }
    per_100k_hint {
        en: "Each figure over the population of the places that reported it; the publisher's own rates where it prints them.",
        es: "Cada cifra entre la población de los lugares que la informaron; las tasas de la propia fuente donde las publica.",
    }
    show {
        en: "Show",
        es: "Mostrar",
    }
    show_figures {
        en: "The figures",
        es: "Las cifras",
    }
    relative_index {
        en: "Index, first figure = 100",
        es: "Índice, primera cifra = 100",
    }
    relative_percent {
        en: "% change since the first figure",
        es: "% de cambio desde la primera cifra",
    }
    log_scale {
        en: "The figures, on a log scale",
        es: "Las cifras, en escala logarítmica",
    }
    share_axis {
        en: "% of the year's total",
        es: "% del total del año",
    }
    log_scale_inline {
        en: "log scale",
        es: "escala logarítmica",
    }
    shown_as_hint {
        en: "A log scale puts each power of ten as far from the next (lines only); index and change start each line at its own first exact figure, so that places of any size compare.",
        es: "Una escala logarítmica pone cada potencia de diez a igual distancia de la siguiente (solo líneas); el índice y el cambio empiezan cada línea en su propia primera cifra exacta, para comparar lugares de cualquier tamaño.",
    }
    breakdown {
        en: "Breakdown",
        es: "Desglose",
    }
    no_breakdown {
        en: "None: totals",
        es: "Ninguno: totales",
    }
    breakdown_hint {
        en: "A breakdown shows one place, as stacked bars of its categories.",
        es: "Un desglose muestra un lugar, en barras apiladas de sus categorías.",
    }
    chart {
        en: "Chart",
        es: "Gráfica",
    }
    chart_line {
        en: "Lines",
        es: "Líneas",
    }
    chart_bar {
        en: "Bars",
        es: "Barras",
    }
    chart_map {
        en: "Map",
        es: "Mapa",
    }
    map_year {
        en: "Year",
        es: "Año",
    }
    map_play {
        en: "Play the years",
        es: "Recorrer los años",
    }
    map_no_data {
        en: "no data",
        es: "sin datos",
    }
    map_or_more {
        en: "or more",
        es: "o más",
    }
    map_highest {
        en: "highest",
        es: "más altos",
    }
    map_with_figure {
        en: "have a figure",
        es: "tienen cifra",
    }
    map_of {
        en: "of",
        es: "de",
    }
    map_not_on_map {
        en: "not on the map (no published location)",
        es: "fuera del mapa (sin ubicación publicada)",
    }
    map_add_hint {
        en: "Select a place to add it to the places compared",
        es: "Elija un lugar para agregarlo a los lugares comparados",
    }
    map_states_by {
        en: "States",
        es: "Estados",
    }
    map_circles {
        en: "Circles",
        es: "Círculos",
    }
    map_largest {
        en: "largest",
        es: "el mayor",
    }
    map_areas {
        en: "Fill the states with",
        es: "Colorear los estados con",
    }
    map_areas_none {
        en: "nothing (the sectors only)",
        es: "nada (solo los sectores)",
    }
    ranking_title {
        en: "Ranking",
        es: "Clasificación",
    }
    ranking_caption {
        en: "Every place, ranked; a column's heading sorts by it",
        es: "Todos los lugares, ordenados; el encabezado de una columna ordena por ella",
    }
    ranking_change {
        en: "Change since",
        es: "Cambio desde",
    }
    ranking_link {
        en: "Rank every place",
        es: "Clasificar todos los lugares",
    }
    story_title {
        en: "Cartels, the border and trafficking: what the figures show",
        es: "Cárteles, frontera y trata: lo que muestran las cifras",
    }
    story_intro {
        en: "Cartels recruit people by deception, kidnapping and their social networks, move them along smuggling routes that shift with enforcement, hold them in safe houses and keep them by violence, threats and bought officials. Here is what public figures say about each part of that story, and what they cannot say. Every chart is drawn from the figures as published, with its source and its limits.",
        es: "Los cárteles reclutan personas con engaños, secuestros y sus redes sociales, las mueven por rutas de tráfico que cambian con la vigilancia, las retienen en casas de seguridad y las someten con violencia, amenazas y funcionarios comprados. Esto es lo que dicen las cifras públicas sobre cada parte de esa historia, y lo que no pueden decir. Cada gráfica se dibuja con las cifras tal como se publican, con su fuente y sus límites.",
    }
    story_vulnerable {
        en: "Who is made vulnerable",
        es: "Quiénes quedan expuestos",
    }
    story_vulnerable_text {
        en: "Who reaches the Southwest border, by citizenship and as unaccompanied children, and who is detected as a victim in Mexico and the USA, by citizenship (the largest few, the rest summed) and by age. Encounters are migration enforcement, not trafficking: they show who is on the move, not who is exploited. UNODC writes each citizenship as the country reported it, so one nationality can appear under two names in different years.",
        es: "Quiénes llegan a la frontera suroeste, por nacionalidad y como menores no acompañados, y quiénes son detectados como víctimas en México y en EE. UU., por nacionalidad (las más numerosas, el resto sumado) y por edad. Los encuentros son control migratorio, no trata: muestran quién se desplaza, no quién es explotado. La UNODC escribe cada nacionalidad como la informó el país, así que una misma nacionalidad puede aparecer con dos nombres en años distintos.",
    }
    story_recruitment {
        en: "Recruitment, deception, kidnapping",
        es: "Reclutamiento, engaño, secuestro",
    }
    story_recruitment_text {
        en: "Kidnapping and other crimes against personal liberty recorded in Mexico's border states, per 100,000 inhabitants, beside Mexico's; and how victims in CTDC's records from the Americas knew their traffickers, and what part the traffickers played (recruiting among it). CTDC warns that its Americas records are few and not representative.",
        es: "El secuestro y otros delitos contra la libertad personal registrados en los estados fronterizos de México, por cada 100 000 habitantes, junto a los de México; y cómo conocían a sus tratantes las víctimas de los registros del CTDC en las Américas, y qué papel tuvieron los tratantes (entre ellos, el reclutamiento). El CTDC advierte que sus registros de las Américas son pocos y no representativos.",
    }
    story_routes {
        en: "Smuggling routes that shift",
        es: "Rutas de tráfico que cambian",
    }
    story_routes_text {
        en: "Each Southwest sector's share of the Border Patrol's encounters, year by year: where crossings are met moves as enforcement moves. The map puts the sectors beside the trafficking victims of the Mexican states they face.",
        es: "La proporción de los encuentros de la Patrulla Fronteriza en cada sector del suroeste, año por año: donde se detectan los cruces cambia a medida que cambia la vigilancia. El mapa pone los sectores junto a las víctimas de trata de los estados mexicanos que tienen enfrente.",
    }
    story_safe_houses {
        en: "Safe houses and transit points",
        es: "Casas de seguridad y puntos de tránsito",
    }
    story_safe_houses_text {
        en: "No public series counts safe houses or transit points, in Mexico or in the USA. Counting them would need prosecutors' and police records of the places found in trafficking and smuggling cases, published by place and year with the rules used to count them.",
        es: "Ninguna serie pública cuenta casas de seguridad o puntos de tránsito, ni en México ni en EE. UU. Contarlas requeriría que fiscalías y policías publicaran los lugares hallados en casos de trata y tráfico, por lugar y año, con las reglas usadas para contarlos.",
    }
    story_corruption {
        en: "Corruption",
        es: "Corrupción",
    }
    story_corruption_text {
        en: "The US TIP Report's tier for Mexico and the Northern Triangle over the years. A tier grades a government's efforts against trafficking, complicity of officials among them; it does not measure how much trafficking there is. No public count of corrupt officials exists.",
        es: "El nivel del Informe TIP de EE. UU. para México y el Triángulo Norte a lo largo de los años. Un nivel califica los esfuerzos de un gobierno contra la trata, entre ellos la complicidad de funcionarios; no mide cuánta trata hay. No existe un conteo público de funcionarios corruptos.",
    }
    story_violence {
        en: "Violence and intimidation",
        es: "Violencia e intimidación",
    }
    story_violence_text {
        en: "Intentional homicide, femicide and extortion in Mexico's six border states, per 100,000 inhabitants, beside Mexico's. These are context: nothing in them says who committed a crime or why.",
        es: "Homicidio doloso, feminicidio y extorsión en los seis estados fronterizos de México, por cada 100 000 habitantes, junto a los de México. Son contexto: nada en ellas dice quién cometió un delito ni por qué.",
    }
    story_limits {
        en: "What the figures cannot tell",
        es: "Lo que las cifras no pueden decir",
    }
    story_limits_text {
        en: "Detected victims are people identified by authorities, not how many are trafficked. No public source attributes crimes to cartels. Encounters are events, not people. Places and years where nobody reported are gaps, not zeros. Every figure here comes from these sources, each with its terms and how to cite it:",
        es: "Las víctimas detectadas son las personas identificadas por las autoridades, no cuántas son objeto de trata. Ninguna fuente pública atribuye delitos a los cárteles. Los encuentros son sucesos, no personas. Los lugares y años sin informe son vacíos, no ceros. Cada cifra de esta página viene de estas fuentes, cada una con sus condiciones y su forma de citarla:",
    }
    story_missing {
        en: "No figures for this view in tipstats' data: nothing is drawn rather than an empty chart.",
        es: "No hay cifras para esta vista en los datos de tipstats: no se dibuja nada en lugar de una gráfica vacía.",
    }
    story_embed_part {
        en: "Embed this part: its address in an iframe",
        es: "Insertar esta parte: su dirección en un iframe",
    }
    story_embed {
        en: "Embed",
        es: "Insertar",
    }
    story_image {
        en: "Image (SVG)",
        es: "Imagen (SVG)",
    }
    story_terms {
        en: "Terms",
        es: "Condiciones",
    }
    nav_places {
        en: "Places",
        es: "Lugares",
    }
    places_title {
        en: "Places: every country, state and Border Patrol sector",
        es: "Lugares: cada país, estado y sector de la Patrulla Fronteriza",
    }
    places_intro {
        en: "Each place's page has every public figure tipstats holds for it, beside its region and its neighbours, with its rank, its population and the notes that touch it.",
        es: "La página de cada lugar tiene todas las cifras públicas que tipstats reúne sobre él, junto a su región y sus vecinos, con su lugar en la clasificación, su población y las notas que le atañen.",
    }
    level_countries {
        en: "Countries",
        es: "Países",
    }
    level_mx_states {
        en: "Mexico's states",
        es: "Entidades federativas de México",
    }
    level_us_states {
        en: "US states",
        es: "Estados de EE. UU.",
    }
    level_sectors {
        en: "Border Patrol sectors",
        es: "Sectores de la Patrulla Fronteriza",
    }
    level_country {
        en: "Country",
        es: "País",
    }
    level_mx_state {
        en: "State of Mexico",
        es: "Entidad federativa de México",
    }
    level_us_state {
        en: "US state",
        es: "Estado de EE. UU.",
    }
    level_sector {
        en: "US Border Patrol sector",
        es: "Sector de la Patrulla Fronteriza de EE. UU.",
    }
    place_in {
        en: "in",
        es: "en",
    }
    place_population {
        en: "Population",
        es: "Población",
    }
    population_projected {
        en: "a projection",
        es: "una proyección",
    }
    population_estimate {
        en: "an estimate",
        es: "una estimación",
    }
    place_no_population {
        en: "No population figure: rates are not computed for this place.",
        es: "Sin cifra de población: no se calculan tasas para este lugar.",
    }
    place_compared {
        en: "Compared with",
        es: "Comparado con",
    }
    place_contents {
        en: "Figures on this page",
        es: "Cifras en esta página",
    }
    place_across {
        en: "Across the border",
        es: "Al otro lado de la frontera",
    }
    place_across_intro {
        en: "The states facing it and the Border Patrol sectors along its stretch of the line. Encounters count border events, not trafficking.",
        es: "Los estados de enfrente y los sectores de la Patrulla Fronteriza a lo largo de su tramo de la línea. Los encuentros cuentan sucesos en la frontera, no trata.",
    }
    place_border_states {
        en: "Border states",
        es: "Estados fronterizos",
    }
    place_border_states_intro {
        en: "Its states on the Mexico–USA border, each with the places facing it across the line.",
        es: "Sus estados en la frontera México–EE. UU., cada uno con los lugares de enfrente al otro lado de la línea.",
    }
    place_within {
        en: "Places in it",
        es: "Lugares que comprende",
    }
    place_rank {
        en: "Rank in",
        es: "Lugar en",
    }
    place_rank_of {
        en: "of",
        es: "de",
    }
    place_rank_by_rate {
        en: "with a figure, by rate per 100,000 inhabitants",
        es: "con cifra, por tasa por cada 100 000 habitantes",
    }
    place_rank_by_count {
        en: "with a figure, by count",
        es: "con cifra, por número",
    }
    place_no_rank {
        en: "Not ranked: no figure in",
        es: "Sin lugar en la clasificación: no hay cifra en",
    }
    place_without {
        en: "No public figure for this place",
        es: "Sin cifra pública para este lugar",
    }
    place_without_intro {
        en: "These sources cover it, but publish no figure for it: an absence of figures, not an absence of trafficking.",
        es: "Estas fuentes lo abarcan, pero no publican cifras para él: es una ausencia de cifras, no una ausencia de trata.",
    }
    place_notes {
        en: "Notes about this place",
        es: "Notas sobre este lugar",
    }
    place_csv {
        en: "These figures as CSV",
        es: "Estas cifras en CSV",
    }
    place_page {
        en: "Page of",
        es: "Página de",
    }
    border_map {
        en: "Border Patrol encounters by sector, over trafficking victims in Mexico's border states",
        es: "Encuentros de la Patrulla Fronteriza por sector, sobre las víctimas de trata en los estados fronterizos de México",
    }
    map_download {
        en: "This year's figures, every place:",
        es: "Las cifras de este año, todos los lugares:",
    }
    chart_stacked {
        en: "Stacked bars",
        es: "Barras apiladas",
    }
    chart_share {
        en: "Shares of each year (100 % bars)",
        es: "Proporciones de cada año (barras al 100 %)",
    }
    panel {
        en: "Only reporters present in every year",
        es: "Solo quienes reportan todos los años",
    }
    panel_hint {
        en: "So that places entering or leaving the figures cannot fake a trend.",
        es: "Para que los lugares que entran o salen de las cifras no simulen una tendencia.",
    }
    places {
        en: "Places",
        es: "Lugares",
    }
    add_place {
        en: "Add a country, state or sector",
        es: "Agregar un país, estado o sector",
    }
    add_place_hint {
        en: "Type to search, then choose.",
        es: "Escriba para buscar y elija.",
    }
    remove {
        en: "Remove",
        es: "Quitar",
    }
    source {
        en: "Source",
        es: "Fuente",
    }
    data_version {
        en: "data version",
        es: "versión de los datos",
    }
    by {
        en: "by",
        es: "por",
    }
    per_100k_inline {
        en: "per 100,000 inhabitants",
        es: "por cada 100 000 habitantes",
    }
    monthly {
        en: "by month",
        es: "por mes",
    }
    consistent_panel {
        en: "only reporters present every year",
        es: "solo quienes reportan todos los años",
    }
    retrieved_from {
        en: "retrieved from tipstats",
        es: "consultado en tipstats",
    }
    no_figures {
        en: "no figures for the chosen places and years",
        es: "no hay cifras para los lugares y años elegidos",
    }
    view_full {
        en: "Full view, figures and sources on tipstats",
        es: "Vista completa, cifras y fuentes en tipstats",
    }
    more_notes {
        en: "more notes in the full view",
        es: "notas más en la vista completa",
    }
    cite {
        en: "Cite this",
        es: "Cómo citar",
    }
    notes {
        en: "Notes",
        es: "Notas",
    }
    reporting_each_year {
        en: "Reporting each year",
        es: "Informan cada año",
    }
    most_at_right {
        en: "the most at right",
        es: "el máximo a la derecha",
    }
    coverage_warning {
        en: "Who reported changes sharply inside this range: part of the trend comes from coverage.",
        es: "Quién reporta cambia bruscamente en este periodo: parte de la tendencia se debe a la cobertura.",
    }
    table_caption {
        en: "The figures in the chart",
        es: "Las cifras de la gráfica",
    }
    col_place {
        en: "Place",
        es: "Lugar",
    }
    col_year {
        en: "Year",
        es: "Año",
    }
    col_category {
        en: "Category",
        es: "Categoría",
    }
    col_value {
        en: "Value",
        es: "Valor",
    }
    col_rate {
        en: "Per 100,000",
        es: "Por 100 000",
    }
    col_range {
        en: "Range with suppressed cells",
        es: "Rango con celdas suprimidas",
    }
    col_reporting {
        en: "Reporting",
        es: "Reportan",
    }
    col_suppressed {
        en: "Suppressed cells",
        es: "Celdas suprimidas",
    }
    tabs {
        en: "What to see of these figures",
        es: "Qué ver de estas cifras",
    }
    tab_chart {
        en: "Chart",
        es: "Gráfica",
    }
    tab_table {
        en: "Table",
        es: "Tabla",
    }
    tab_sources {
        en: "Sources and notes",
        es: "Fuentes y notas",
    }
    tab_share {
        en: "Share and download",
        es: "Compartir y descargar",
    }
    chart_keys {
        en: "Focus the chart and use the arrow keys to read each year's figures.",
        es: "Enfoque la gráfica y use las flechas para leer las cifras de cada año.",
    }
    suppressed_cells {
        en: "suppressed cells",
        es: "celdas suprimidas",
    }
    others {
        en: "Others",
        es: "Otras",
    }
    tailored_wording {
        en: "Title and subtitle: the wording of the site showing this chart.",
        es: "Título y subtítulo: redacción del sitio que muestra este gráfico.",
    }
    tailor_title {
        en: "Tailor the embed for your page",
        es: "Adaptar el gráfico a su página",
    }
    tailor_headline {
        en: "Your title",
        es: "Su título",
    }
    tailor_subtitle {
        en: "Your subtitle",
        es: "Su subtítulo",
    }
    tailor_alt {
        en: "Your text alternative (read by screen readers in place of the generated summary)",
        es: "Su texto alternativo (lo leen los lectores de pantalla en lugar del resumen generado)",
    }
    tailor_focus {
        en: "Place in focus (the others muted)",
        es: "Lugar destacado (los demás atenuados)",
    }
    tailor_focus_none {
        en: "None",
        es: "Ninguno",
    }
    tailor_transparent {
        en: "Transparent background: your page's colour shows through",
        es: "Fondo transparente: se ve el color de su página",
    }
    tailor_kept {
        en: "The source line, the caveats and the link back to tipstats stay in every embed and image; your title and subtitle are marked as your wording.",
        es: "La línea de la fuente, las advertencias y el enlace a tipstats se mantienen en cada gráfico insertado e imagen; su título y subtítulo se señalan como redacción suya.",
    }
    tailor_preview {
        en: "Preview of the embed",
        es: "Vista previa del gráfico insertado",
    }
    code_title {
        en: "Load the figures in code (the file's lines starting with # are its citation and notes):",
        es: "Cargar las cifras en código (las líneas del archivo que empiezan con # son su cita y sus notas):",
    }
    cite_dataset {
        en: "[data set]",
        es: "[conjunto de datos]",
    }
    cite_compiled {
        en: "Compiled by tipstats from",
        es: "Compilado por tipstats a partir de",
    }
    cite_version {
        en: "Data version",
        es: "Versión de los datos",
    }
    cite_released {
        en: "released",
        es: "publicada el",
    }
    cite_accessed {
        en: "Accessed",
        es: "Consultado el",
    }
    cite_files {
        en: "As a file for a reference manager:",
        es: "Como archivo para un gestor de referencias:",
    }
    release_current {
        en: "Data release of",
        es: "Datos publicados el",
    }
    static_edition {
        en: "A static copy of tipstats, made on",
        es: "Copia estática de tipstats, hecha el",
    }
    static_edition_scope {
        en: "It has each indicator's first view, every place's page, the maps of every year and the border story, with their images and data files. Other views, other file formats and the API need the live site.",
        es: "Tiene la primera vista de cada indicador, la página de cada lugar, los mapas de cada año y la historia de la frontera, con sus imágenes y archivos de datos. Las demás vistas, los demás formatos de archivo y la API necesitan el sitio en vivo.",
    }
    static_view_missing {
        en: "This view is not in this static copy: it needs the live site.",
        es: "Esta vista no está en esta copia estática: necesita el sitio en vivo.",
    }
    release_unrecorded {
        en: "Data version (no release recorded)",
        es: "Versión de los datos (sin publicación registrada)",
    }
    releases_all {
        en: "All data releases",
        es: "Todas las publicaciones de datos",
    }
    releases_feed {
        en: "Atom feed",
        es: "Canal Atom",
    }
    releases_title {
        en: "Data releases",
        es: "Publicaciones de datos",
    }
    releases_intro {
        en: "Each time tipstats reads the publishers' files again and its figures change, it records a release: the day, the data version (which every export, image and citation names), and for each source the indicators added or removed and the figures added, removed or revised, with a few examples.",
        es: "Cada vez que tipstats vuelve a leer los archivos de los publicadores y sus cifras cambian, registra una publicación: el día, la versión de los datos (que nombran cada exportación, imagen y cita) y, para cada fuente, los indicadores añadidos o retirados y las cifras añadidas, retiradas o revisadas, con algunos ejemplos.",
    }
    releases_none {
        en: "No release has been recorded for these data yet.",
        es: "Aún no se ha registrado ninguna publicación de estos datos.",
    }
    release_version {
        en: "data version",
        es: "versión de los datos",
    }
    release_after {
        en: "Replaces data version",
        es: "Reemplaza la versión de los datos",
    }
    release_first {
        en: "The first release recorded: everything in it counts as added.",
        es: "La primera publicación registrada: todo lo que contiene cuenta como añadido.",
    }
    release_no_figures {
        en: "No figure or indicator changed; names, notes, places or populations may have.",
        es: "No cambió ninguna cifra ni indicador; pueden haber cambiado nombres, notas, lugares o poblaciones.",
    }
    release_indicators_added {
        en: "indicators added",
        es: "indicadores añadidos",
    }
    release_indicators_removed {
        en: "indicators removed",
        es: "indicadores retirados",
    }
    release_rows_added {
        en: "figures added",
        es: "cifras añadidas",
    }
    release_rows_removed {
        en: "figures removed",
        es: "cifras retiradas",
    }
    release_revised {
        en: "figures revised",
        es: "cifras revisadas",
    }
    apply {
        en: "Apply",
        es: "Aplicar",
    }
    options {
        en: "Options",
        es: "Opciones",
    }
    permalink {
        en: "Link to this view",
        es: "Enlace a esta vista",
    }
    embed_code {
        en: "Embed it in a page (the frame sets its own height)",
        es: "Insértela en una página (el marco ajusta su altura)",
    }
    images {
        en: "The chart as an image:",
        es: "La gráfica como imagen:",
    }
    downloads {
        en: "These figures as a file, with their citation and caveats:",
        es: "Estas cifras como archivo, con su cita y advertencias:",
    }
    dataset {
        en: "Whole dataset (ZIP)",
        es: "Todos los datos (ZIP)",
    }
    chart_failed {
        en: "The chart could not be drawn",
        es: "No se pudo dibujar la gráfica",
    }
    unreachable {
        en: "The server could not be reached",
        es: "No se pudo contactar al servidor",
    }
    server_answered {
        en: "The server answered",
        es: "El servidor respondió",
    }
    unreadable {
        en: "The answer could not be read",
        es: "No se pudo leer la respuesta",
    }
    border_title {
        en: "The Mexico–USA border",
        es: "La frontera México–Estados Unidos",
    }
    border_intro {
        en: "Four sources side by side. They count different things: victims recorded by Mexican prosecutors, cases reported to a US hotline, migration-enforcement encounters (not trafficking), and victims detected in the Americas. Read each caveat before comparing.",
        es: "Cuatro fuentes lado a lado. Cuentan cosas distintas: víctimas registradas por las fiscalías mexicanas, casos reportados a una línea de ayuda de EE. UU., encuentros de control migratorio (no trata) y víctimas detectadas en las Américas. Lea cada advertencia antes de comparar.",
    }
    border_mexico {
        en: "Mexico's border states: victims of trafficking recorded by prosecutors (SESNSP)",
        es: "Estados fronterizos de México: víctimas de trata registradas por las fiscalías (SESNSP)",
    }
    border_us {
        en: "US border states: cases reported to the National Human Trafficking Hotline",
        es: "Estados fronterizos de EE. UU.: casos reportados a la línea nacional contra la trata",
    }
    border_encounters {
        en: "Border Patrol encounters by Southwest sector: migration enforcement, not trafficking",
        es: "Encuentros de la Patrulla Fronteriza por sector del suroeste: control migratorio, no trata",
    }
    border_unodc {
        en: "UNODC: detected victims in the Americas",
        es: "UNODC: víctimas detectadas en las Américas",
    }
    explore_this {
        en: "Explore these figures",
        es: "Explorar estas cifras",
    }
    // The publishers' own words, looked up by their English
    // (`published_in`): who reports, then breakdown categories. Keep them
    // last.
    reporters_agencies {
        en: "agencies",
        es: "agencias",
    }
    reporters_borders {
        en: "borders",
        es: "fronteras",
    }
    reporters_countries {
        en: "countries",
        es: "países",
    }
    reporters_regions {
        en: "regions",
        es: "regiones",
    }
    reporters_reports {
        en: "reports",
        es: "informes",
    }
    reporters_sectors {
        en: "sectors",
        es: "sectores",
    }
    reporters_states {
        en: "states",
        es: "estados",
    }
    category_female {
        en: "Female",
        es: "Mujeres",
    }
    category_male {
        en: "Male",
        es: "Hombres",
    }
    category_other {
        en: "Other",
        es: "Otro",
    }
    category_unknown {
        en: "Unknown",
        es: "Desconocido",
    }
    category_0_to_17_years {
        en: "0 to 17 years",
        es: "0 a 17 años",
    }
    category_18_years_or_over {
        en: "18 years or over",
        es: "18 años o más",
    }
    category_sexual_exploitation {
        en: "Sexual exploitation",
        es: "Explotación sexual",
    }
    category_forced_labour {
        en: "Forced labour",
        es: "Trabajo forzoso",
    }
    category_other_forms_of_exploitation {
        en: "Other forms of exploitation",
        es: "Otras formas de explotación",
    }
    category_commercial_sex_acts {
        en: "Commercial sex acts",
        es: "Actos sexuales comerciales",
    }
    category_involuntary_servitude {
        en: "Involuntary servitude",
        es: "Servidumbre involuntaria",
    }
    category_not_recorded {
        en: "Not recorded",
        es: "No registrado",
    }
    category_family_or_intimate_partner {
        en: "Family or intimate partner",
        es: "Familia o pareja",
    }
    category_friend_or_acquaintance {
        en: "Friend or acquaintance",
        es: "Amistad o conocido",
    }
    category_stranger_unknown_or_other {
        en: "Stranger, unknown or other",
        es: "Desconocido u otro",
    }
    category_control_abuse_or_kidnapping {
        en: "Control, abuse or kidnapping",
        es: "Control, abuso o secuestro",
    }
    category_recruiter_or_broker {
        en: "Recruiter or broker",
        es: "Reclutador o intermediario",
    }
    category_coastal_border {
        en: "Coastal Border",
        es: "Frontera costera",
    }
    category_northern_land_border {
        en: "Northern Land Border",
        es: "Frontera terrestre del norte",
    }
    category_southwest_land_border {
        en: "Southwest Land Border",
        es: "Frontera terrestre del suroeste",
    }
    category_office_of_field_operations {
        en: "Office of Field Operations",
        es: "Oficina de Operaciones de Campo",
    }
    category_u_s_border_patrol {
        en: "U.S. Border Patrol",
        es: "Patrulla Fronteriza de EE. UU.",
    }
    category_accompanied_minors {
        en: "Accompanied Minors",
        es: "Menores acompañados",
    }
    category_fmua {
        en: "FMUA",
        es: "Miembros de unidades familiares (FMUA)",
    }
    category_single_adults {
        en: "Single Adults",
        es: "Adultos solos",
    }
    category_uac {
        en: "UAC",
        es: "Menores no acompañados (UAC)",
    }
    category_unaccompanied_children {
        en: "Unaccompanied Children",
        es: "Menores no acompañados",
    }
    category_family_unit_individuals {
        en: "Family Unit Individuals",
        es: "Personas en unidades familiares",
    }
    category_apprehensions {
        en: "Apprehensions",
        es: "Aprehensiones",
    }
    category_expulsions {
        en: "Expulsions",
        es: "Expulsiones",
    }
    category_inadmissibles {
        en: "Inadmissibles",
        es: "Inadmisibles",
    }
    category_title_42 {
        en: "Title 42",
        es: "Título 42",
    }
    category_title_8 {
        en: "Title 8",
        es: "Título 8",
    }
    category_extortive_kidnapping {
        en: "Extortive kidnapping",
        es: "Secuestro extorsivo",
    }
    category_express_kidnapping {
        en: "Express kidnapping",
        es: "Secuestro exprés",
    }
    category_hostage_taking {
        en: "Hostage-taking",
        es: "Secuestro con calidad de rehén",
    }
    category_kidnapping_to_cause_harm {
        en: "Kidnapping to cause harm",
        es: "Secuestro para causar daño",
    }
    category_other_kidnapping {
        en: "Other kidnapping",
        es: "Otro tipo de secuestro",
    }
}

impl Text {
    /// The name of a tab of the dashboard.
    pub fn tab(&self, tab: Tab) -> &'static str {
        match tab {
            Tab::Chart => self.tab_chart(),
            Tab::Table => self.tab_table(),
            Tab::Sources => self.tab_sources(),
            Tab::Share => self.tab_share(),
        }
    }
}

/// The interface's words in `lang`.
#[cfg(not(target_arch = "wasm32"))]
pub fn words(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

/// A publisher's own word (who reports: `states`; a breakdown category:
/// `Female`) in `lang`: the last block of the list, from `reporters_*` on,
/// looked up by its English; a word not there (citizenships, mostly) is
/// shown as published.
pub fn published_in(word: &str, lang: Lang) -> &str {
    let first = Index::reporters_agencies as usize;
    let english = words(Lang::En).all();
    (first..Text::COUNT)
        .find(|i| english[*i] == word)
        .map_or(word, |i| words(lang).all()[i])
}

/// The words as `/api/v1/words` sends them: each language's list in the
/// order of [`NAMES`], which it sends too for readers other than the
/// dashboard.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WordLists {
    pub names: Vec<&'static str>,
    pub en: Vec<&'static str>,
    pub es: Vec<&'static str>,
}

#[cfg(not(target_arch = "wasm32"))]
impl WordLists {
    pub fn new() -> WordLists {
        WordLists {
            names: NAMES.to_vec(),
            en: EN.all().to_vec(),
            es: ES.all().to_vec(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for WordLists {
    fn default() -> Self {
        WordLists::new()
    }
}

/// The browser's words, once [`load`]ed: English, then Spanish.
#[cfg(target_arch = "wasm32")]
static LOADED: std::sync::OnceLock<[Text; 2]> = std::sync::OnceLock::new();

/// Keeps the words the browser fetched, for the page's whole life: each
/// language's list, in the order the server compiled in. A list of another
/// length comes from another build of the server, and is refused.
#[cfg(target_arch = "wasm32")]
pub fn load(en: Vec<String>, es: Vec<String>) -> Result<(), String> {
    let text = |list: Vec<String>| -> Result<Text, String> {
        let words: Vec<&'static str> = list
            .into_iter()
            .map(|word| &*Box::leak(word.into_boxed_str()))
            .collect();
        let count = words.len();
        let words = words
            .try_into()
            .map_err(|_| format!("{count} words where this page has {}", Text::COUNT))?;
        Ok(Text { words })
    };
    let _ = LOADED.set([text(en)?, text(es)?]);
    Ok(())
}

/// The interface's words in `lang`: empty until [`load`]ed.
#[cfg(target_arch = "wasm32")]
pub fn words(lang: Lang) -> &'static Text {
    const EMPTY: Text = Text {
        words: [""; Text::COUNT],
    };
    match (LOADED.get(), lang) {
        (Some([en, _]), Lang::En) => en,
        (Some([_, es]), Lang::Es) => es,
        (None, _) => &EMPTY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_fill_every_word_and_spanish_is_not_english() {
        for lang in Lang::ALL {
            assert!(
                words(lang).all().iter().all(|w| !w.trim().is_empty()),
                "{lang:?}"
            );
        }
        assert_ne!(words(Lang::Es).indicator(), words(Lang::En).indicator());
    }
}
