//! The chart drawn natively into SVG strings and read back.

use super::kinds::contiguous_runs;
use super::text::{shortened, text_width, wrap};
use super::*;
use crate::figure::Figure;
use crate::query::{Relative, Scale};

fn point(year: i32, value: f64) -> Point {
    Point {
        year,
        value,
        band: None,
    }
}

fn chart(series: Vec<Series>) -> Chart {
    Chart {
        title: "Detected victims".into(),
        y_label: "Counts".into(),
        years: (2010, 2015),
        series,
        kind: ChartKind::Line,
        log_scale: false,
        markers: vec![],
        coverage: None,
        lang: Lang::En,
        muted: vec![],
    }
}

#[test]
fn runs_break_at_missing_years() {
    let points = [point(2010, 1.0), point(2011, 2.0), point(2013, 3.0)];
    let runs = contiguous_runs(&points);
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0].len(), 2);
    assert_eq!(runs[1][0].year, 2013);
    assert!(contiguous_runs(&[]).is_empty());
}

#[test]
fn svg_has_one_stroke_colour_per_series_and_direct_labels() {
    let series = vec![
        Series {
            label: "Americas".into(),
            points: vec![point(2010, 5.0), point(2011, 8.0), point(2013, 9.0)],
        },
        Series {
            label: "Europe".into(),
            points: vec![point(2010, 50.0), point(2011, 40.0)],
        },
    ];
    let svg = chart_svg(&chart(series), (640, 360), Theme::LIGHT).expect("draws");
    assert!(svg.starts_with("<svg"), "{svg:.80}");
    assert!(svg.contains("Detected victims"));
    assert!(svg.contains("\nAmericas\n") && svg.contains("\nEurope\n"));
    let stroke = |c: RGBColor| format!("stroke=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
    let polylines: Vec<&str> = svg.split("<polyline").skip(1).collect();
    // Americas has a gap in 2012, so two segments; Europe one.
    assert_eq!(
        polylines
            .iter()
            .filter(|p| p.contains(&stroke(PALETTE[0])))
            .count(),
        2
    );
    assert_eq!(
        polylines
            .iter()
            .filter(|p| p.contains(&stroke(PALETTE[1])))
            .count(),
        1
    );
}

#[test]
fn uncertain_values_draw_a_band_that_reaches_the_upper_bound() {
    let mut points = vec![point(2010, 10.0), point(2011, 12.0)];
    points[0].band = Some((10.0, 30.0));
    points[1].band = Some((12.0, 40.0));
    let c = chart(vec![Series {
        label: "Africa".into(),
        points,
    }]);
    assert!((c.y_max() - 40.0 * 1.08).abs() < 1e-9);
    let svg = chart_svg(&c, (640, 360), Theme::LIGHT).expect("draws");
    assert!(svg.contains("<polygon"), "band drawn as a polygon");
}

#[test]
fn labels_that_would_overlap_are_spread_apart_within_the_plot() {
    // Two lines ending on the same pixel row, one far away.
    let placed = spread_labels(&[100, 100, 300], 16, 0, 400);
    assert_eq!(placed, vec![100, 116, 300]);
    // Crowded at the bottom: pushed back up inside the plot.
    let placed = spread_labels(&[395, 398, 399], 16, 0, 400);
    assert_eq!(placed, vec![368, 384, 400]);
    // Already apart: left where they are, in the given order.
    assert_eq!(spread_labels(&[50, 10], 16, 0, 400), vec![50, 10]);
}

#[test]
fn a_long_direct_label_is_shortened_inside_the_drawing() {
    assert_eq!(shortened("Americas", 14, 200), "Americas");
    let long = "Rio Grande Valley sector (Border Patrol)";
    let cut = shortened(long, 14, 160);
    assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')));
    assert!(text_width(&cut, 14) <= 160, "{cut}");

    // In a chart: the margin grows for a long label, up to two fifths
    // of the width, and every label's text ends inside the drawing.
    let series = vec![
        Series {
            label: long.into(),
            points: vec![point(2010, 5.0), point(2011, 8.0)],
        },
        Series {
            label: "El Paso".into(),
            points: vec![point(2010, 3.0), point(2011, 4.0)],
        },
    ];
    let width = 600;
    let svg = chart_svg(&chart(series), (width, 400), Theme::LIGHT).expect("draws");
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let labels: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| {
            n.text()
                .map(str::trim)
                .is_some_and(|t| t.starts_with("Rio") || t == "El Paso")
        })
        .collect();
    assert_eq!(labels.len(), 2, "{svg}");
    for label in labels {
        let text = label.text().unwrap_or_default().trim();
        let x: f64 = label
            .attribute("x")
            .and_then(|x| x.parse().ok())
            .unwrap_or(f64::MAX);
        assert!(
            x + f64::from(text_width(text, 14)) <= f64::from(width),
            "{text} at x {x} runs past {width}"
        );
    }
}

#[test]
fn a_parenthesis_every_label_shares_is_dropped() {
    let labelled = |labels: &[&str]| -> Vec<String> {
        let mut series: Vec<Series> = labels
            .iter()
            .map(|l| Series {
                label: l.to_string(),
                points: vec![],
            })
            .collect();
        drop_shared_suffix(&mut series);
        series.into_iter().map(|s| s.label).collect()
    };
    assert_eq!(
        labelled(&[
            "San Diego sector (Border Patrol)",
            "El Paso sector (Border Patrol)"
        ]),
        ["San Diego sector", "El Paso sector"]
    );
    // Kept when it tells the lines apart, or names the only line.
    assert_eq!(
        labelled(&["Americas (UNODC)", "Europe (Eurostat)"]),
        ["Americas (UNODC)", "Europe (Eurostat)"]
    );
    assert_eq!(
        labelled(&["Americas and Oceania (pooled by CTDC)"]),
        ["Americas and Oceania (pooled by CTDC)"]
    );
    assert_eq!(labelled(&["Mexico", "Chihuahua"]), ["Mexico", "Chihuahua"]);
}

#[test]
fn lines_wrap_at_the_width() {
    let lines = wrap("one two three four five six seven", 10, 80);
    assert!(lines.len() > 1, "{lines:?}");
    assert!(lines.iter().all(|l| l.chars().count() <= 14), "{lines:?}");
    assert_eq!(lines.join(" "), "one two three four five six seven");
}

#[test]
fn a_figures_long_subtitle_stays_inside_the_card() {
    let places = "Rio Grande Valley sector (Border Patrol), ".repeat(6);
    let figure = Figure {
        title: "US Border Patrol encounters".into(),
        subtitle: format!("{places}· 2000–2025"),
        source: "Source: OHSS.".into(),
        notes: vec![],
        summary: String::new(),
        view_full: "",
        more_notes: "more notes",
    };
    let series = vec![Series {
        label: "Rio Grande Valley sector (Border Patrol)".into(),
        points: vec![point(2010, 5.0), point(2011, 8.0)],
    }];
    let svg = figure_svg(&figure, &chart(series), (800, 500), Theme::LIGHT).expect("draws");
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let subtitle = doc
        .descendants()
        .filter_map(|n| n.text())
        .map(str::trim)
        .find(|t| t.starts_with("Rio Grande Valley sector (Border Patrol), Rio"))
        .expect("the subtitle is drawn");
    assert!(subtitle.ends_with('…'), "{subtitle}");
    assert!(12 + text_width(subtitle, 14) <= 800, "{subtitle}");
}

#[test]
fn figure_sets_title_source_and_notes_around_the_chart() {
    let figure = Figure {
        title: "Detected victims".into(),
        subtitle: "Americas · 2010–2015".into(),
        source: "Source: UNODC.".into(),
        notes: vec!["Detected victims are not prevalence.".into(); 40],
        summary: String::new(),
        view_full: "",
        more_notes: "more notes",
    };
    let series = vec![Series {
        label: "Americas".into(),
        points: vec![point(2010, 5.0), point(2011, 8.0)],
    }];
    let svg = figure_svg(&figure, &chart(series), (800, 450), Theme::DARK).expect("draws");
    assert!(svg.contains("Detected victims") && svg.contains("Source: UNODC."));
    let notes = svg.matches("not prevalence").count();
    // As many notes as fit in a third of the height, and no more.
    assert!((1..10).contains(&notes), "{notes} notes drawn");
    assert!(svg.contains(&format!("+ {} more notes", 40 - notes)));
    assert!(svg.contains("#121212"), "dark background");
    assert_eq!(svg.matches("</svg>").count(), 1, "one document");
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn bars_and_stacks_draw_a_rectangle_per_value_and_label_each_series() {
    let series = vec![
        Series {
            label: "Female".into(),
            points: vec![point(2010, 5.0), point(2011, 8.0)],
        },
        Series {
            label: "Male".into(),
            points: vec![point(2010, 3.0), point(2011, 4.0)],
        },
    ];
    for kind in [ChartKind::Bar, ChartKind::Stacked] {
        let mut c = chart(series.clone());
        c.kind = kind;
        let svg = chart_svg(&c, (640, 360), Theme::LIGHT).expect("draws");
        let fill = |colour: RGBColor| {
            format!("fill=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2)
        };
        for colour in [PALETTE[0], PALETTE[1]] {
            let bars = svg
                .split("<rect")
                .skip(1)
                .filter(|r| {
                    r.split('>')
                        .next()
                        .is_some_and(|tag| tag.contains(&fill(colour)))
                })
                .count();
            assert_eq!(bars, 2, "{kind:?}: two bars of each series");
        }
        assert!(
            svg.contains("\nFemale\n") && svg.contains("\nMale\n"),
            "{kind:?}"
        );
    }
    let mut stacked = chart(series);
    stacked.kind = ChartKind::Stacked;
    assert!((stacked.stacked_max() - 12.0 * 1.08).abs() < 1e-9);
}

#[test]
fn notes_about_a_year_get_numbered_markers() {
    let note = |kind: NoteKind, year: Option<i32>| crate::Note {
        kind,
        text: String::new(),
        region: None,
        year,
        es: None,
    };
    let notes = [
        note(NoteKind::Caveat, None),
        note(NoteKind::PartialYear, Some(2025)),
        note(NoteKind::Caveat, Some(2020)),
        note(NoteKind::ReporterEnters, Some(2019)),
        note(NoteKind::Coverage, Some(2025)),
    ];
    let (numbers, markers) = numbered_notes(&notes);
    assert_eq!(numbers, vec![(1, 1), (3, 2), (4, 3)]);
    let labels: Vec<(i32, usize, bool)> = markers
        .iter()
        .map(|m| (m.year, m.count, m.crosses))
        .collect();
    assert_eq!(labels, vec![(2019, 1, false), (2025, 2, true)]);
    let mut c = chart(vec![]);
    c.years = (2015, 2025);
    c.markers = markers;
    let svg = chart_svg(&c, (640, 360), Theme::LIGHT).expect("draws");
    assert!(svg.contains("\n2\n") && svg.contains("\n1\n"));
}

#[test]
fn marker_badges_go_down_a_row_rather_than_touch() {
    // Four badges 14 pixels wide, 10 apart: each row takes every other one.
    let spans: Vec<(i32, i32)> = (0..4).map(|i| (i * 10, i * 10 + 14)).collect();
    assert_eq!(super::plot::badge_rows(&spans), vec![0, 1, 0, 1]);
    // Far apart, all stay on the top row.
    let spans: Vec<(i32, i32)> = (0..4).map(|i| (i * 30, i * 30 + 14)).collect();
    assert_eq!(super::plot::badge_rows(&spans), vec![0, 0, 0, 0]);
}

proptest::proptest! {
    #[test]
    fn no_two_badges_of_a_row_touch(gaps in proptest::collection::vec((0..40_i32, 8..30_i32), 0..30)) {
        let mut left = 0;
        let spans: Vec<(i32, i32)> = gaps.iter().map(|&(gap, width)| {
            left += gap;
            (left, left + width)
        }).collect();
        let rows = super::plot::badge_rows(&spans);
        for (i, a) in spans.iter().enumerate() {
            for (j, b) in spans.iter().enumerate().skip(i + 1) {
                if rows[i] == rows[j] {
                    proptest::prop_assert!(a.1 < b.0 || b.1 < a.0, "{a:?} and {b:?} share row {}", rows[i]);
                }
            }
        }
    }
}

#[test]
fn empty_chart_still_draws() {
    let svg = chart_svg(&chart(vec![]), (320, 200), Theme::LIGHT).expect("draws");
    assert!(svg.contains("</svg>"));
}

/// A yearly answer with the given (place, year, category, reporting units)
/// rows, each with a value of 10.
fn answer_with_units(regions: &[&str], rows: &[(&str, i32, Option<&str>, u32)]) -> SeriesResponse {
    let rows = rows
        .iter()
        .map(|&(region, year, category, units)| SeriesRow {
            region: region.into(),
            year,
            month: None,
            category: category.map(Into::into),
            value: Some(10),
            reporting_units: units,
            suppressed_cells: 0,
            lower: None,
            upper: None,
            rate: None,
            rate_lower: None,
            rate_upper: None,
        })
        .collect();
    SeriesResponse {
        data_version: "v".into(),
        indicator: "glotip.victims".into(),
        regions: regions.iter().map(|r| r.to_string()).collect(),
        from: 2010,
        to: 2013,
        by: None,
        panel: crate::query::Panel::All,
        period: crate::query::Period::Year,
        per: None,
        rows,
        sources: vec![],
        notes: vec![],
    }
}

#[test]
fn coverage_has_a_row_per_place_with_the_most_units_of_a_years_categories() {
    let answer = answer_with_units(
        &["002", "142"],
        &[
            ("002", 2010, Some("Female"), 5),
            ("002", 2010, Some("Male"), 7),
            ("002", 2011, Some("Female"), 9),
            ("142", 2011, Some("Female"), 3),
        ],
    );
    let coverage = Coverage::of(&answer, &Catalog::default(), Lang::Es).expect("a strip");
    assert_eq!(coverage.rows.len(), 2);
    assert_eq!(coverage.rows[0].units, vec![(2010, 7), (2011, 9)]);
    // The second place's colour is that of its first line, after the
    // first place's two categories.
    assert_eq!(coverage.rows[1].series, 2);
    assert_eq!(coverage.rows[1].units, vec![(2011, 3)]);
    assert!(
        coverage.heading.starts_with("Informan cada año"),
        "{}",
        coverage.heading
    );
    // The lines come in the same order, so the colours agree.
    let chart = Chart::from_series(&answer, &Catalog::default(), Lang::Es);
    assert_eq!(chart.series.len(), 3);
    assert_eq!(chart.coverage, Some(coverage));
}

#[test]
fn one_reporter_every_year_draws_no_strip() {
    let answer = answer_with_units(&["USA"], &[("USA", 2010, None, 1), ("USA", 2011, None, 1)]);
    assert_eq!(Coverage::of(&answer, &Catalog::default(), Lang::En), None);
    let varying = answer_with_units(&["USA"], &[("USA", 2010, None, 1), ("USA", 2011, None, 0)]);
    assert!(Coverage::of(&varying, &Catalog::default(), Lang::En).is_some());
}

#[test]
fn the_strip_puts_a_bar_under_each_year_as_tall_as_its_share_of_the_most() {
    let answer = answer_with_units(
        &["002"],
        &[
            ("002", 2010, None, 10),
            ("002", 2011, None, 20),
            ("002", 2013, None, 5),
        ],
    );
    let chart = Chart::from_series(&answer, &Catalog::default(), Lang::En);
    let (svg, years) = chart_svg_with_years(&chart, (640, 400), Theme::LIGHT).expect("draws");
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let number = |node: roxmltree::Node, name: &str| -> f64 {
        node.attribute(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    // The line chart's only rectangles of the first colour are the strip's.
    let fill = format!(
        "#{:02X}{:02X}{:02X}",
        PALETTE[0].0, PALETTE[0].1, PALETTE[0].2
    );
    let bars: Vec<(f64, f64, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(fill.as_str()))
        .map(|n| {
            let centre = number(n, "x") + number(n, "width") / 2.0;
            (centre, number(n, "y"), number(n, "height"))
        })
        .collect();
    assert_eq!(bars.len(), 3, "{svg}");
    for ((centre, _, _), year) in bars.iter().zip([2010, 2011, 2013]) {
        let (_, x) = years.iter().find(|(y, _)| *y == year).expect("a year");
        assert!((centre - *x as f64).abs() <= 1.0, "{year}: {centre} vs {x}");
    }
    // The bars stand on one line, under the plot, 10 : 20 : 5.
    let bottoms: Vec<f64> = bars.iter().map(|(_, y, h)| y + h).collect();
    assert!(
        bottoms.iter().all(|b| (b - bottoms[0]).abs() < 1.0),
        "{bottoms:?}"
    );
    assert!(bars.iter().all(|(_, y, _)| *y > 300.0), "{bars:?}");
    let (tall, half, quarter) = (bars[1].2, bars[0].2, bars[2].2);
    assert!(tall > half && half > quarter && quarter > 0.0, "{bars:?}");
    assert!(svg.contains("Reporting each year"));
}

#[test]
fn the_heading_points_to_the_numbers_only_when_rows_carry_them() {
    let places = ["A", "B", "C", "D", "E"];
    let rows: Vec<(&str, i32, Option<&str>, u32)> =
        places.iter().map(|p| (*p, 2010, None, 4)).collect();
    let two = answer_with_units(&places[..2], &rows[..2]);
    let coverage = Coverage::of(&two, &Catalog::default(), Lang::En).expect("a strip");
    assert!(
        coverage.heading.ends_with("the most at right)"),
        "{}",
        coverage.heading
    );
    let svg = chart_svg(
        &Chart::from_series(&two, &Catalog::default(), Lang::En),
        (640, 400),
        Theme::LIGHT,
    )
    .expect("draws");
    assert!(svg.contains("\n4 A\n") && svg.contains("\n4 B\n"), "{svg}");
    let five = answer_with_units(&places, &rows);
    let coverage = Coverage::of(&five, &Catalog::default(), Lang::En).expect("a strip");
    assert!(!coverage.heading.contains("right"), "{}", coverage.heading);
    let svg = chart_svg(
        &Chart::from_series(&five, &Catalog::default(), Lang::En),
        (640, 400),
        Theme::LIGHT,
    )
    .expect("draws");
    assert!(!svg.contains("\n4 A\n"), "{svg}");
}

fn banded(year: i32, value: f64, band: (f64, f64)) -> Point {
    Point {
        band: Some(band),
        ..point(year, value)
    }
}

#[test]
fn relative_change_starts_each_line_at_its_first_exact_figure() {
    let lines = vec![
        Series {
            label: "A".into(),
            points: vec![point(2010, 50.0), point(2011, 75.0), point(2012, 25.0)],
        },
        // A range and a zero cannot be the base: B starts in 2012.
        Series {
            label: "B".into(),
            points: vec![
                banded(2010, 0.0, (0.0, 4.0)),
                point(2011, 0.0),
                point(2012, 200.0),
                banded(2013, 300.0, (300.0, 304.0)),
            ],
        },
        Series {
            label: "C".into(),
            points: vec![point(2010, 0.0)],
        },
    ];
    let index =
        chart(lines.clone()).drawn_as(ChartKind::Line, Some(Relative::Index), Scale::Linear);
    assert_eq!(
        index.series[0].points,
        vec![point(2010, 100.0), point(2011, 150.0), point(2012, 50.0)]
    );
    assert_eq!(
        index.series[1].points,
        vec![point(2012, 100.0), banded(2013, 150.0, (150.0, 152.0))]
    );
    assert!(index.series[2].points.is_empty());
    assert_eq!(index.y_label, "Index, first figure = 100");
    let percent = chart(lines).drawn_as(ChartKind::Bar, Some(Relative::Percent), Scale::Linear);
    assert_eq!(percent.series[0].points[2], point(2012, -50.0));
    // The axis reaches below zero for a fall, and still draws.
    let (foot, top) = percent.y_range();
    assert!(foot < -50.0 && top > 50.0, "{foot}..{top}");
    let svg = chart_svg(&percent, (640, 400), Theme::LIGHT).expect("svg");
    let ticks = texts(&svg);
    assert!(
        ticks.iter().any(|t| t.starts_with('-')),
        "no tick below zero: {ticks:?}"
    );
}

#[test]
fn a_log_scale_ticks_each_power_of_ten_and_leaves_out_zero() {
    let lines = vec![
        Series {
            label: "Small".into(),
            points: vec![point(2010, 3.0), point(2011, 0.0), point(2012, 8.0)],
        },
        Series {
            label: "Large".into(),
            points: vec![point(2010, 4_000.0), point(2011, 12_000.0)],
        },
    ];
    let log = chart(lines).drawn_as(ChartKind::Line, None, Scale::Log);
    assert_eq!(log.log_range(), (0.0, 5.0));
    let logged = log.logged();
    assert_eq!(logged.series[0].points.len(), 2, "zero has no logarithm");
    assert!((logged.series[1].points[1].value - 12_000f64.log10()).abs() < 1e-12);
    assert_eq!(log.tick(4.0, (0.0, 5.0)), "10,000");
    assert_eq!(log.tick(2.5, (0.0, 5.0)), "");
    assert_eq!(log.tick(-2.0, (-2.0, 1.0)), "0.01");
    let svg = chart_svg(&log, (640, 400), Theme::LIGHT).expect("svg");
    let ticks: Vec<String> = texts(&svg)
        .into_iter()
        .filter(|t| t.starts_with('1'))
        .collect();
    assert_eq!(ticks, ["1", "10", "100", "1,000", "10,000", "100,000"]);
}

/// The words of an SVG's text elements, in order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("</text>")
        .filter_map(|part| {
            part.rsplit_once('>')
                .map(|(_, text)| text.trim().to_string())
        })
        .filter(|text| !text.is_empty())
        .collect()
}

#[test]
fn shares_stack_each_year_to_one_hundred() {
    let lines = vec![
        Series {
            label: "San Diego".into(),
            points: vec![point(2020, 30.0), point(2021, 10.0)],
        },
        Series {
            label: "El Paso".into(),
            points: vec![point(2020, 70.0), point(2021, 30.0)],
        },
    ];
    let shares = chart(lines).drawn_as(ChartKind::Share, None, Scale::Linear);
    assert_eq!(
        shares.series[0].points,
        vec![point(2020, 30.0), point(2021, 25.0)]
    );
    assert_eq!(
        shares.series[1].points,
        vec![point(2020, 70.0), point(2021, 75.0)]
    );
    assert_eq!(shares.y_label, "% of the year's total");
    assert_eq!(shares.y_top(), 100.0);
    let svg = chart_svg(&shares, (640, 400), Theme::LIGHT).expect("svg");
    assert_eq!(
        svg.matches("<rect").count() >= 4,
        true,
        "a segment per value"
    );
}
