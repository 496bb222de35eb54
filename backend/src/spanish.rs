//! The catalog's words in Spanish, served beside the English so that a
//! reader of the Spanish dashboard, embed or card reads what the figures are
//! and are not in Spanish: each indicator's name, unit, description,
//! caveats and breakdowns (`Indicator::es`, keyed by the English text the ingest writes; the
//! catalog test fails when one has no Spanish here, so a new or reworded
//! indicator cannot go out half translated), and the places whose Spanish
//! name differs (`Region::es`). Breakdown categories are a fixed vocabulary
//! of the shared crate (`figure::category_in`); annotations are written in
//! both languages by the ingest that makes them (`annotations.csv`'s
//! `text_es`); sources' citations and citizenships stay as published.

use tipstats_shared::{Indicator, IndicatorWords};

/// An indicator's words in Spanish, when every one of them is translated.
pub fn indicator_words(indicator: &Indicator) -> Option<IndicatorWords> {
    Some(IndicatorWords {
        name: text(&indicator.name)?.into(),
        unit: text(&indicator.unit)?.into(),
        description: text(&indicator.description)?.into(),
        caveats: indicator
            .caveats
            .iter()
            .map(|c| text(c).map(String::from))
            .collect::<Option<_>>()?,
        breakdowns: indicator
            .breakdowns
            .iter()
            .map(|b| breakdown(b).map(String::from))
            .collect::<Option<_>>()?,
    })
}

/// An indicator text (name, unit, description, caveat) in Spanish.
pub fn text(english: &str) -> Option<&'static str> {
    look_up(TEXTS, english)
}

/// A breakdown's name (`citizenship`) in Spanish.
pub fn breakdown(english: &str) -> Option<&'static str> {
    look_up(BREAKDOWNS, english)
}

/// Every (code, Spanish name) of a place whose Spanish name differs.
pub fn region_names() -> &'static [(&'static str, &'static str)] {
    REGION_NAMES
}

/// The second of the pair whose first is `key`.
fn look_up(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// English → Spanish, every indicator text of `data/indicators.csv`.
const TEXTS: &[(&str, &str)] = &[
    // Units.
    ("Counts", "Conteos"),
    ("Victims", "Víctimas"),
    ("Cases", "Casos"),
    ("Signals", "Señales"),
    ("Crimes", "Delitos"),
    ("Offenses", "Delitos"),
    ("Offenses cleared", "Delitos esclarecidos"),
    ("Encounters", "Encuentros"),
    ("Convictions", "Condenas"),
    ("Prosecutions", "Procesamientos"),
    ("Laws", "Leyes"),
    (
        "Tier (1 = Tier 1, 2 = Tier 2, 3 = Tier 2 Watch List, 4 = Tier 3)",
        "Nivel (1 = Nivel 1, 2 = Nivel 2, 3 = Lista de vigilancia del Nivel 2, 4 = Nivel 3)",
    ),
    // UNODC GLOTIP.
    (
        "Detected trafficking victims",
        "Víctimas de trata detectadas",
    ),
    ("Persons prosecuted", "Personas procesadas"),
    ("Persons convicted", "Personas condenadas"),
    (
        "Persons brought into formal contact",
        "Personas en contacto formal con la justicia",
    ),
    (
        "Offences of trafficking in persons",
        "Delitos de trata de personas",
    ),
    (
        "Victims of trafficking in persons detected or identified by national authorities in the year.",
        "Víctimas de trata de personas detectadas o identificadas por las autoridades nacionales en el año.",
    ),
    (
        "Persons prosecuted for trafficking in persons in the year.",
        "Personas procesadas por trata de personas en el año.",
    ),
    (
        "Persons convicted of trafficking in persons in the year.",
        "Personas condenadas por trata de personas en el año.",
    ),
    (
        "Persons suspected, arrested or cautioned for trafficking in persons (brought into formal contact with the police or criminal justice system).",
        "Personas sospechosas, detenidas o amonestadas por trata de personas (en contacto formal con la policía o el sistema de justicia penal).",
    ),
    (
        "Offences of trafficking in persons recorded by the authorities in the year.",
        "Delitos de trata de personas registrados por las autoridades en el año.",
    ),
    (
        "Detected victims are not prevalence: the figures count people identified by national authorities and reflect detection capacity, not the size of the crime.",
        "Las víctimas detectadas no son la prevalencia: las cifras cuentan a las personas identificadas por las autoridades nacionales y reflejan su capacidad de detección, no el tamaño del delito.",
    ),
    (
        "Regional figures are sums of the countries that reported that year; coverage changes from year to year, so compare the number of reporting countries before reading a trend.",
        "Las cifras regionales son sumas de los países que reportaron ese año; la cobertura cambia de un año a otro: compare el número de países que reportan antes de leer una tendencia.",
    ),
    (
        "Cells published as \"<5\" are suppressed: they count between 0 and 4 here, never as zero, and widen the range of any total that contains them.",
        "Las celdas publicadas como \"<5\" están suprimidas: aquí valen entre 0 y 4, nunca cero, y amplían el rango de todo total que las contenga.",
    ),
    (
        "Breakdowns (sex, age, form of exploitation, citizenship) do not always add up to the total.",
        "Los desgloses (sexo, edad, forma de explotación, nacionalidad) no siempre suman el total.",
    ),
    // SESNSP (Mexico).
    (
        "Victims of human trafficking (trata de personas), Mexico",
        "Víctimas de trata de personas, México",
    ),
    (
        "Victims of trafficking of minors (tráfico de menores), Mexico",
        "Víctimas de tráfico de menores, México",
    ),
    (
        "Crimes of human trafficking (trata de personas), Mexico",
        "Delitos de trata de personas, México",
    ),
    (
        "Crimes of trafficking of minors (tráfico de menores), Mexico",
        "Delitos de tráfico de menores, México",
    ),
    (
        "Victims of human trafficking (trata de personas) in investigation files opened by Mexico's state prosecutors, by month.",
        "Víctimas de trata de personas en las carpetas de investigación abiertas por las fiscalías estatales de México, por mes.",
    ),
    (
        "Victims of trafficking of minors (tráfico de menores) in investigation files opened by Mexico's state prosecutors, by month.",
        "Víctimas de tráfico de menores en las carpetas de investigación abiertas por las fiscalías estatales de México, por mes.",
    ),
    (
        "Crimes of human trafficking (trata de personas) recorded in investigation files by Mexico's state prosecutors, by year.",
        "Delitos de trata de personas registrados en carpetas de investigación por las fiscalías estatales de México, por año.",
    ),
    (
        "Crimes of trafficking of minors (tráfico de menores) recorded in investigation files by Mexico's state prosecutors, by year.",
        "Delitos de tráfico de menores registrados en carpetas de investigación por las fiscalías estatales de México, por año.",
    ),
    (
        "Victims and crimes recorded by Mexico's state prosecutors in investigation files (fuero común): not prevalence, and much crime in Mexico is never reported.",
        "Víctimas y delitos registrados por las fiscalías estatales de México en carpetas de investigación (fuero común): no son la prevalencia, y gran parte de los delitos en México nunca se denuncia.",
    ),
    (
        "2025 covers January to June only: do not compare it with whole years.",
        "2025 abarca solo de enero a junio: no lo compare con años completos.",
    ),
    (
        "SESNSP revises past months; these are the figures as published in July 2025.",
        "El SESNSP revisa meses pasados; estas son las cifras tal como se publicaron en julio de 2025.",
    ),
    (
        "Mexico's figure is the sum of its 32 states.",
        "La cifra de México es la suma de sus 32 estados.",
    ),
    (
        "Rates (per=100k) are per 100,000 inhabitants as printed in the tidy copy, from CONAPO's population projections; a rate by sex is that sex's victims per 100,000 inhabitants of both sexes.",
        "Las tasas (per=100k) son por cada 100 000 habitantes, tal como aparecen en la copia ordenada, con las proyecciones de población del CONAPO; una tasa por sexo son las víctimas de ese sexo por cada 100 000 habitantes de ambos sexos.",
    ),
    // Polaris, US National Human Trafficking Hotline.
    (
        "Hotline cases identified",
        "Casos identificados por la línea de ayuda",
    ),
    (
        "Hotline signals received",
        "Señales recibidas por la línea de ayuda",
    ),
    (
        "Situations of potential human trafficking the hotline identified from the signals about a state in the year.",
        "Situaciones de posible trata de personas que la línea de ayuda identificó a partir de las señales sobre un estado en el año.",
    ),
    (
        "Calls, texts, chats, emails and web forms to the US National Human Trafficking Hotline about a state in the year.",
        "Llamadas, mensajes de texto, chats, correos y formularios web a la Línea Nacional contra la Trata de Personas de EE. UU. sobre un estado en el año.",
    ),
    (
        "Hotline signals and cases count contacts to one hotline, not prevalence or confirmed trafficking: they rise and fall with awareness campaigns and outreach.",
        "Las señales y los casos de la línea de ayuda cuentan contactos con una sola línea, no la prevalencia ni trata confirmada: suben y bajan con las campañas de sensibilización y difusión.",
    ),
    (
        "State figures add up to less than Polaris's national totals, because contacts without a known state are in no state.",
        "Las cifras de los estados suman menos que los totales nacionales de Polaris, porque los contactos sin estado conocido no están en ningún estado.",
    ),
    (
        "The figures were copied from the hotline's web pages by a third party; check a figure against Polaris's pages before publishing it.",
        "Un tercero copió las cifras de las páginas web de la línea de ayuda; verifique cada cifra en las páginas de Polaris antes de publicarla.",
    ),
    // FBI UCR.
    (
        "Human trafficking offenses known to police (FBI UCR)",
        "Delitos de trata de personas conocidos por la policía (UCR del FBI)",
    ),
    (
        "Human trafficking offenses cleared (FBI UCR)",
        "Delitos de trata de personas esclarecidos (UCR del FBI)",
    ),
    (
        "Human trafficking offenses reported by US law-enforcement agencies to the FBI's UCR program, after unfounded reports are removed, summed by state.",
        "Delitos de trata de personas reportados por las agencias policiales de EE. UU. al programa UCR del FBI, descontadas las denuncias infundadas, sumados por estado.",
    ),
    (
        "Human trafficking offenses cleared by arrest or by exceptional means, as reported by US law-enforcement agencies, summed by state.",
        "Delitos de trata de personas esclarecidos por arresto o por medios excepcionales, según los reportan las agencias policiales de EE. UU., sumados por estado.",
    ),
    (
        "Agencies report voluntarily and more joined every year: the rising totals mostly reflect more agencies reporting, not more trafficking. Read the number of reporting agencies beside every figure.",
        "Las agencias reportan de forma voluntaria y cada año se sumaron más: el aumento de los totales refleja sobre todo que más agencias reportan, no más trata. Lea el número de agencias que reportan junto a cada cifra.",
    ),
    (
        "Only agencies with a record appear; an agency that reported no offense is not counted as reporting.",
        "Solo aparecen las agencias con algún registro; una agencia que no reportó ningún delito no cuenta como agencia que reporta.",
    ),
    (
        "Offenses known to police, not prevalence.",
        "Delitos conocidos por la policía, no la prevalencia.",
    ),
    (
        "The series ends in 2020: the FBI's move to NIBRS-only reporting in 2021 breaks it.",
        "La serie termina en 2020: el paso del FBI a reportar solo por NIBRS en 2021 la interrumpe.",
    ),
    // US Border Patrol and CBP (OHSS).
    (
        "US Border Patrol encounters (migration enforcement, not trafficking)",
        "Encuentros de la Patrulla Fronteriza de EE. UU. (control migratorio, no trata)",
    ),
    (
        "US Border Patrol encounters at the Southwest land border (migration enforcement, not trafficking)",
        "Encuentros de la Patrulla Fronteriza de EE. UU. en la frontera terrestre del suroeste (control migratorio, no trata)",
    ),
    (
        "US Border Patrol encounters by border region, yearly (migration enforcement, not trafficking)",
        "Encuentros de la Patrulla Fronteriza de EE. UU. por región fronteriza, por año (control migratorio, no trata)",
    ),
    (
        "CBP encounters at the Southwest land border (migration enforcement, not trafficking)",
        "Encuentros de la CBP en la frontera terrestre del suroeste (control migratorio, no trata)",
    ),
    (
        "Apprehensions and, in 2020–2023, Title 42 expulsions by the US Border Patrol between ports of entry, by sector and month, counted in US fiscal years.",
        "Aprehensiones y, en 2020–2023, expulsiones bajo el Título 42 de la Patrulla Fronteriza de EE. UU. entre puertos de entrada, por sector y mes, contadas en años fiscales de EE. UU.",
    ),
    (
        "Border Patrol encounters along the land border with Mexico, by month, counted in US fiscal years; the total is the sum of the nine Southwest sectors, the breakdowns come from OHSS's tables by citizenship and by family status.",
        "Encuentros de la Patrulla Fronteriza a lo largo de la frontera terrestre con México, por mes, contados en años fiscales de EE. UU.; el total es la suma de los nueve sectores del suroeste, y los desgloses vienen de las tablas de la OHSS por nacionalidad y por situación familiar.",
    ),
    (
        "Border Patrol encounters per US fiscal year at the Southwest land border, the Northern land border and the coasts, from OHSS's annual table; the total is the sum of the three.",
        "Encuentros de la Patrulla Fronteriza por año fiscal de EE. UU. en la frontera terrestre del suroeste, la frontera terrestre del norte y las costas, de la tabla anual de la OHSS; el total es la suma de las tres.",
    ),
    (
        "Encounters at the land border with Mexico by both CBP components, by month, counted in US fiscal years.",
        "Encuentros en la frontera terrestre con México de los dos componentes de la CBP, por mes, contados en años fiscales de EE. UU.",
    ),
    (
        "Migration-enforcement counts, not trafficking or smuggling counts: context for the border, never a measure of trafficking.",
        "Conteos de control migratorio, no de trata ni de tráfico de personas: contexto de la frontera, nunca una medida de la trata.",
    ),
    (
        "Encounters are events, not people: someone who crosses again is counted again.",
        "Los encuentros son eventos, no personas: quien cruza de nuevo se cuenta de nuevo.",
    ),
    (
        "Encounters are events, not people: someone encountered again is counted again.",
        "Los encuentros son eventos, no personas: quien es encontrado de nuevo se cuenta de nuevo.",
    ),
    (
        "Years are US federal fiscal years (October to September): FY2022 is October 2021 to September 2022.",
        "Los años son años fiscales federales de EE. UU. (de octubre a septiembre): el AF2022 va de octubre de 2021 a septiembre de 2022.",
    ),
    (
        "Years are US federal fiscal years (October to September); FY2025 runs to August 2025 only.",
        "Los años son años fiscales federales de EE. UU. (de octubre a septiembre); el AF2025 llega solo hasta agosto de 2025.",
    ),
    (
        "OHSS rounds every monthly sector figure to the nearest 10, so sums can differ from published totals.",
        "La OHSS redondea cada cifra mensual por sector a la decena más cercana, así que las sumas pueden diferir de los totales publicados.",
    ),
    (
        "From March 2020 to May 2023 encounters include Title 42 expulsions, which changes what the series counts in those years.",
        "De marzo de 2020 a mayo de 2023 los encuentros incluyen las expulsiones bajo el Título 42, lo que cambia lo que la serie cuenta en esos años.",
    ),
    (
        "OHSS rounds each yearly figure from the true total, so these differ by a few tens from the sums of the monthly sector figures, whose roundings add up.",
        "La OHSS redondea cada cifra anual a partir del total real, así que difieren en unas decenas de las sumas de las cifras mensuales por sector, cuyos redondeos se acumulan.",
    ),
    (
        "Each breakdown is rounded cell by cell, so its categories add up to the total only within a few hundred.",
        "Cada desglose se redondea celda por celda, así que sus categorías suman el total solo con unos cientos de diferencia.",
    ),
    (
        "Both CBP components are counted: the Border Patrol between ports of entry and the Office of Field Operations at them (inadmissibles).",
        "Se cuentan los dos componentes de la CBP: la Patrulla Fronteriza entre los puertos de entrada y la Oficina de Operaciones de Campo en ellos (inadmisibles).",
    ),
    (
        "Title 42 expulsions (to May 2023) are in the figures; see the title-of-authority breakdown.",
        "Las expulsiones bajo el Título 42 (hasta mayo de 2023) están en las cifras; vea el desglose por fundamento legal.",
    ),
    // CTDC.
    (
        "Assisted victims in CTDC records (synthetic)",
        "Víctimas asistidas en los registros del CTDC (sintéticos)",
    ),
    (
        "Victims in CTDC's synthetic victim–perpetrator records, by UN region of exploitation and the band of years their case was registered in.",
        "Víctimas en los registros sintéticos de víctimas y perpetradores del CTDC, por región de explotación de la ONU y por el tramo de años en que se registró su caso.",
    ),
    (
        "Synthetic records generated from the case records of organisations that assist victims: they describe assisted and identified cases, mostly in Europe, Asia and Africa, and are not a sample of all victims.",
        "Registros sintéticos generados a partir de los expedientes de organizaciones que asisten a víctimas: describen casos asistidos e identificados, sobre todo en Europa, Asia y África, y no son una muestra de todas las víctimas.",
    ),
    (
        "Registration years come in bands (2005–2013, 2014–2018, 2019, 2020, 2021–2022); each band is shown at its last year, and records of unknown year or region are in no figure.",
        "Los años de registro vienen en tramos (2005–2013, 2014–2018, 2019, 2020, 2021–2022); cada tramo se muestra en su último año, y los registros de año o región desconocidos no están en ninguna cifra.",
    ),
    (
        "Counts below 11 are suppressed (\"<11\"), and further cells are suppressed where the difference of published figures would reveal fewer than 11 records.",
        "Los conteos menores de 11 están suprimidos (\"<11\"), y se suprimen otras celdas donde la diferencia entre cifras publicadas revelaría menos de 11 registros.",
    ),
    (
        "The Americas and Oceania are one region in this source, and thin: it cannot speak for the Mexico–USA border.",
        "Las Américas y Oceanía son una sola región en esta fuente, y escasa: no puede hablar por la frontera México–Estados Unidos.",
    ),
    (
        "Flags are recorded or not recorded: a record without the flag is \"not recorded\", not \"no\"; a record can carry several.",
        "Las marcas están registradas o no registradas: un registro sin la marca es \"no registrado\", no \"no\"; un registro puede llevar varias.",
    ),
    // US State Department, TIP Report.
    (
        "Trafficking prosecutions worldwide",
        "Procesamientos por trata en el mundo",
    ),
    (
        "Trafficking convictions worldwide",
        "Condenas por trata en el mundo",
    ),
    (
        "Victims identified worldwide",
        "Víctimas identificadas en el mundo",
    ),
    (
        "New or amended anti-trafficking laws",
        "Leyes contra la trata nuevas o reformadas",
    ),
    (
        "TIP Report tier placement",
        "Nivel asignado en el Informe TIP",
    ),
    (
        "Trafficking prosecutions reported worldwide in the year (TIP Report, Global Law Enforcement Data).",
        "Procesamientos por trata reportados en el mundo en el año (Informe TIP, datos mundiales de aplicación de la ley).",
    ),
    (
        "Trafficking convictions reported worldwide in the year (TIP Report, Global Law Enforcement Data).",
        "Condenas por trata reportadas en el mundo en el año (Informe TIP, datos mundiales de aplicación de la ley).",
    ),
    (
        "Trafficking victims identified worldwide in the year, as reported to the State Department.",
        "Víctimas de trata identificadas en el mundo en el año, según lo reportado al Departamento de Estado.",
    ),
    (
        "New or amended anti-trafficking laws passed worldwide in the year.",
        "Leyes contra la trata nuevas o reformadas aprobadas en el mundo en el año.",
    ),
    (
        "The tier the State Department's annual Trafficking in Persons Report placed a country in, by report year.",
        "El nivel en que el Informe anual sobre la Trata de Personas del Departamento de Estado colocó a un país, por año del informe.",
    ),
    (
        "Worldwide totals estimated by the State Department from government reports and other sources; national reporting is not uniform.",
        "Totales mundiales estimados por el Departamento de Estado a partir de informes de gobiernos y otras fuentes; los reportes nacionales no son uniformes.",
    ),
    (
        "Identified victims are not prevalence: they count people identified by authorities and others.",
        "Las víctimas identificadas no son la prevalencia: cuentan a las personas identificadas por las autoridades y otros actores.",
    ),
    (
        "Only worldwide totals: the report's regional tables and years after 2015 are not in this data.",
        "Solo totales mundiales: las tablas regionales del informe y los años posteriores a 2015 no están en estos datos.",
    ),
    (
        "A blank year was not reported (labour figures start in 2007, victims in 2008; 2015 has prosecutions and convictions only).",
        "Un año en blanco no se reportó (las cifras de trabajo forzoso empiezan en 2007, las de víctimas en 2008; 2015 solo tiene procesamientos y condenas).",
    ),
    (
        "Tier placements are the State Department's diplomatic assessment of a government's efforts against trafficking, not a measure of how much trafficking occurs.",
        "Los niveles son la evaluación diplomática del Departamento de Estado sobre los esfuerzos de un gobierno contra la trata, no una medida de cuánta trata ocurre.",
    ),
    (
        "Coded 1 to 4 by Kelley and Heiss: 1 = Tier 1, 2 = Tier 2, 3 = Tier 2 Watch List, 4 = Tier 3. A year without a value was not ranked (first report 2001, special cases, not in the report).",
        "Codificados de 1 a 4 por Kelley y Heiss: 1 = Nivel 1, 2 = Nivel 2, 3 = Lista de vigilancia del Nivel 2, 4 = Nivel 3. Un año sin valor no fue clasificado (primer informe de 2001, casos especiales, ausente del informe).",
    ),
    (
        "A placement cannot be summed or averaged over a region: it is given for countries only.",
        "Un nivel no se puede sumar ni promediar en una región: se da solo para países.",
    ),
];

/// A place's name in Spanish, where it differs from the English one (UN
/// M49's Spanish names for the world, its regions and countries).
pub fn region_name(code: &str) -> Option<&'static str> {
    look_up(REGION_NAMES, code)
}

/// Code → Spanish name; a place not here is called the same in both
/// languages (Argentina, California, Chihuahua…).
const REGION_NAMES: &[(&str, &str)] = &[
    ("001", "Mundo"),
    ("002", "África"),
    ("009", "Oceanía"),
    ("019", "Américas"),
    ("142", "Asia"),
    ("150", "Europa"),
    ("X19", "Américas y Oceanía (agrupadas por el CTDC)"),
    ("015", "África septentrional"),
    ("021", "América septentrional"),
    ("030", "Asia oriental"),
    ("034", "Asia meridional"),
    ("035", "Asia sudoriental"),
    ("039", "Europa meridional"),
    ("053", "Australia y Nueva Zelandia"),
    ("054", "Melanesia"),
    ("057", "Micronesia"),
    ("061", "Polinesia"),
    ("143", "Asia central"),
    ("145", "Asia occidental"),
    ("151", "Europa oriental"),
    ("154", "Europa septentrional"),
    ("155", "Europa occidental"),
    ("202", "África subsahariana"),
    ("419", "América Latina y el Caribe"),
    ("AFG", "Afganistán"),
    ("ALB", "Albania"),
    ("ARE", "Emiratos Árabes Unidos"),
    ("ATG", "Antigua y Barbuda"),
    ("AZE", "Azerbaiyán"),
    ("BEL", "Bélgica"),
    ("BEN", "Benín"),
    ("BGD", "Bangladés"),
    ("BHR", "Baréin"),
    ("BIH", "Bosnia y Herzegovina"),
    ("BLR", "Belarús"),
    ("BLZ", "Belice"),
    ("BOL", "Bolivia (Estado Plurinacional de)"),
    ("BRA", "Brasil"),
    ("BTN", "Bután"),
    ("CAF", "República Centroafricana"),
    ("CAN", "Canadá"),
    ("CHE", "Suiza"),
    ("CMR", "Camerún"),
    ("COD", "República Democrática del Congo"),
    ("COK", "Islas Cook"),
    ("COM", "Comoras"),
    ("CPV", "Cabo Verde"),
    ("CYP", "Chipre"),
    ("CZE", "Chequia"),
    ("DEU", "Alemania"),
    ("DNK", "Dinamarca"),
    ("DOM", "República Dominicana"),
    ("DZA", "Argelia"),
    ("EGY", "Egipto"),
    ("ESP", "España"),
    ("ETH", "Etiopía"),
    ("FIN", "Finlandia"),
    ("FRA", "Francia"),
    ("FSM", "Micronesia (Estados Federados de)"),
    ("GAB", "Gabón"),
    ("GBR", "Reino Unido de Gran Bretaña e Irlanda del Norte"),
    ("GIN", "Guinea"),
    ("GMB", "Gambia"),
    ("GNB", "Guinea-Bisáu"),
    ("GNQ", "Guinea Ecuatorial"),
    ("GRC", "Grecia"),
    ("GRD", "Granada"),
    ("HKG", "China, Región Administrativa Especial de Hong Kong"),
    ("HRV", "Croacia"),
    ("HTI", "Haití"),
    ("HUN", "Hungría"),
    ("IRL", "Irlanda"),
    ("IRN", "Irán (República Islámica del)"),
    ("IRQ", "Irak"),
    ("ISL", "Islandia"),
    ("ITA", "Italia"),
    ("JOR", "Jordania"),
    ("JPN", "Japón"),
    ("KAZ", "Kazajistán"),
    ("KGZ", "Kirguistán"),
    ("KHM", "Camboya"),
    ("KNA", "Saint Kitts y Nevis"),
    ("KOR", "República de Corea"),
    ("LAO", "República Democrática Popular Lao"),
    ("LBN", "Líbano"),
    ("LBY", "Libia"),
    ("LCA", "Santa Lucía"),
    ("LTU", "Lituania"),
    ("LUX", "Luxemburgo"),
    ("LVA", "Letonia"),
    ("MAC", "China, Región Administrativa Especial de Macao"),
    ("MAR", "Marruecos"),
    ("MCO", "Mónaco"),
    ("MDA", "República de Moldova"),
    ("MDV", "Maldivas"),
    ("MEX", "México"),
    ("MHL", "Islas Marshall"),
    ("MKD", "Macedonia del Norte"),
    ("MLI", "Malí"),
    ("MUS", "Mauricio"),
    ("MWI", "Malaui"),
    ("MYS", "Malasia"),
    ("NER", "Níger"),
    ("NLD", "Países Bajos (Reino de los)"),
    ("NOR", "Noruega"),
    ("NZL", "Nueva Zelandia"),
    ("OMN", "Omán"),
    ("PAK", "Pakistán"),
    ("PAN", "Panamá"),
    ("PER", "Perú"),
    ("PHL", "Filipinas"),
    ("PNG", "Papúa Nueva Guinea"),
    ("POL", "Polonia"),
    ("PRK", "República Popular Democrática de Corea"),
    ("PYF", "Polinesia Francesa"),
    ("ROU", "Rumania"),
    ("RUS", "Federación de Rusia"),
    ("RWA", "Ruanda"),
    ("SAU", "Arabia Saudita"),
    ("SDN", "Sudán"),
    ("SGP", "Singapur"),
    ("SLB", "Islas Salomón"),
    ("SSD", "Sudán del Sur"),
    ("STP", "Santo Tomé y Príncipe"),
    ("SUR", "Surinam"),
    ("SVK", "Eslovaquia"),
    ("SVN", "Eslovenia"),
    ("SWE", "Suecia"),
    ("SXM", "San Martín (parte neerlandesa)"),
    ("SYR", "República Árabe Siria"),
    ("TCD", "Chad"),
    ("THA", "Tailandia"),
    ("TJK", "Tayikistán"),
    ("TKM", "Turkmenistán"),
    ("TTO", "Trinidad y Tabago"),
    ("TUN", "Túnez"),
    ("TUR", "Türkiye"),
    ("TWN", "Taiwán, provincia de China"),
    ("TZA", "República Unida de Tanzania"),
    ("UKR", "Ucrania"),
    ("USA", "Estados Unidos de América"),
    ("UZB", "Uzbekistán"),
    ("VAT", "Santa Sede"),
    ("VCT", "San Vicente y las Granadinas"),
    ("VEN", "Venezuela (República Bolivariana de)"),
    ("VNM", "Viet Nam"),
    ("XKX", "Kosovo"),
    ("XSK", "Sark"),
    ("YEM", "Yemen"),
    ("ZAF", "Sudáfrica"),
    ("ZMB", "Zambia"),
    ("ZWE", "Zimbabue"),
    ("BHS", "Bahamas"),
    ("CIV", "Côte d’Ivoire"),
    ("KEN", "Kenia"),
    ("LSO", "Lesoto"),
    ("MRT", "Mauritania"),
    ("SWZ", "Esuatini"),
    ("TLS", "Timor-Leste"),
    ("PRI", "Puerto Rico"),
    // US states and territories whose Spanish name differs.
    ("US-AS", "Samoa Americana"),
    ("US-DC", "Distrito de Columbia"),
    ("US-HI", "Hawái"),
    ("US-LA", "Luisiana"),
    ("US-MP", "Islas Marianas del Norte"),
    ("US-NC", "Carolina del Norte"),
    ("US-ND", "Dakota del Norte"),
    ("US-NM", "Nuevo México"),
    ("US-NY", "Nueva York"),
    ("US-NJ", "Nueva Jersey"),
    ("US-NH", "Nuevo Hampshire"),
    ("US-PA", "Pensilvania"),
    ("US-PR", "Puerto Rico"),
    ("US-SC", "Carolina del Sur"),
    ("US-SD", "Dakota del Sur"),
    ("US-VI", "Islas Vírgenes de EE. UU."),
    ("US-WV", "Virginia Occidental"),
    // US Border Patrol sectors.
    ("BP-BBT", "Sector Big Bend (Patrulla Fronteriza)"),
    ("BP-BLW", "Sector Blaine (Patrulla Fronteriza)"),
    ("BP-BUN", "Sector Buffalo (Patrulla Fronteriza)"),
    ("BP-DRT", "Sector Del Rio (Patrulla Fronteriza)"),
    ("BP-DTM", "Sector Detroit (Patrulla Fronteriza)"),
    ("BP-ELC", "Sector El Centro (Patrulla Fronteriza)"),
    ("BP-EPT", "Sector El Paso (Patrulla Fronteriza)"),
    ("BP-GFN", "Sector Grand Forks (Patrulla Fronteriza)"),
    ("BP-HTM", "Sector Houlton (Patrulla Fronteriza)"),
    ("BP-HVM", "Sector Havre (Patrulla Fronteriza)"),
    ("BP-LIV", "Sector Livermore (Patrulla Fronteriza)"),
    ("BP-LRT", "Sector Laredo (Patrulla Fronteriza)"),
    ("BP-MIP", "Sector Miami (Patrulla Fronteriza)"),
    ("BP-NLL", "Sector Nueva Orleans (Patrulla Fronteriza)"),
    (
        "BP-RGV",
        "Sector Valle del Río Grande (Patrulla Fronteriza)",
    ),
    ("BP-RMY", "Sector Ramey (Patrulla Fronteriza)"),
    ("BP-SDC", "Sector San Diego (Patrulla Fronteriza)"),
    ("BP-SPW", "Sector Spokane (Patrulla Fronteriza)"),
    ("BP-SWB", "Sector Swanton (Patrulla Fronteriza)"),
    ("BP-TCA", "Sector Tucson (Patrulla Fronteriza)"),
    ("BP-YUM", "Sector Yuma (Patrulla Fronteriza)"),
];

/// The breakdowns' names.
const BREAKDOWNS: &[(&str, &str)] = &[
    ("sex", "sexo"),
    ("age", "edad"),
    ("form of exploitation", "forma de explotación"),
    ("citizenship", "nacionalidad"),
    ("country of repatriation", "país de repatriación"),
    ("family status", "situación familiar"),
    ("border region", "región fronteriza"),
    ("component", "componente"),
    ("demographic", "grupo demográfico"),
    ("encounter type", "tipo de encuentro"),
    ("title of authority", "fundamento legal"),
    ("perpetrator relation", "relación con el perpetrador"),
    ("perpetrator role", "papel del perpetrador"),
];
