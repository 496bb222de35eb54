//! `tipstats ingest` on the publishers' raw files, and on broken copies.

use std::fs;
use std::path::Path;

use tipstats::ingest;
use tipstats_tests::{raw_source_dir, workspace_root};

const GLOTIP: &str = "unodc_glotip/glotip_2025-04_tidy.csv";

/// The committed `data/` is exactly what the ingest makes of the raw files.
#[test]
fn ingest_of_the_raw_files_reproduces_the_committed_data() {
    let Some(sources) = raw_source_dir() else {
        return;
    };
    let out = tempfile::tempdir().expect("temp dir");
    let summary = ingest::run(&sources, out.path(), false).expect("ingest succeeds");
    let observations = summary
        .tables
        .iter()
        .find(|(t, _)| t == "observations")
        .map(|(_, n)| *n);
    assert_eq!(observations, Some(58_769));
    for (file, _, _) in tipstats::db::DATA_FILES {
        let made = fs::read(out.path().join(file)).expect("ingest output");
        let committed = fs::read(workspace_root().join("data").join(file)).expect("committed file");
        assert!(
            made == committed,
            "data/{file} differs from what the ingest produces; rerun `tipstats ingest`"
        );
    }
}

/// A copy of the raw source folder with one line of the GLOTIP file changed.
fn broken_copy(sources: &Path, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join(GLOTIP);
    fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
    let text = fs::read_to_string(sources.join(GLOTIP)).expect("raw GLOTIP file");
    fs::write(&target, edit(&text)).expect("write");
    dir
}

fn replace_line(text: &str, line: usize, new: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| if i == line { new } else { l })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn bad_input_names_file_row_and_column_and_changes_nothing() {
    let Some(sources) = raw_source_dir() else {
        return;
    };
    let header = "iso3,country,region,subregion,indicator,dimension,category,sex,age,year,value,value_suppressed,value_text,unit,source";
    let usa = "USA,United States of America,Americas,Northern America,Detected trafficking victims,Total,Total,Total,Total,2022,16390,False,\"16,390\",Counts,GLOTIP";
    let cases: Vec<(Box<dyn Fn(&str) -> String>, Option<u64>, &str, &str)> = vec![
        (
            Box::new(move |t| {
                replace_line(
                    t,
                    3,
                    &usa.replace("16390,False", "-5,False")
                        .replace("\"16,390\"", "-5"),
                )
            }),
            Some(3),
            "value",
            "negative",
        ),
        (
            Box::new(move |t| replace_line(t, 5, &usa.replace(",2022,", ",20x2,"))),
            Some(5),
            "year",
            "whole number",
        ),
        (
            Box::new(move |t| replace_line(t, 2, &usa.replace("16390,False", "16390,True"))),
            Some(2),
            "value",
            "suppressed cell has a value",
        ),
        (
            Box::new(move |t| replace_line(t, 7, &usa.replace("Northern America", "Atlantis"))),
            Some(7),
            "subregion",
            "not a UN M49 subregion",
        ),
        (
            Box::new(move |t| {
                replace_line(
                    t,
                    4,
                    &usa.replace("Detected trafficking victims", "Guesses"),
                )
            }),
            Some(4),
            "indicator",
            "unknown indicator",
        ),
        (
            Box::new(move |t| replace_line(t, 0, &header.replace("value_text", "valuetext"))),
            Some(0),
            "value_text",
            "missing column",
        ),
        (
            Box::new(move |t| format!("{t}\n{usa}")),
            None,
            "year",
            "duplicate total",
        ),
    ];
    let data = tempfile::tempdir().expect("temp dir");
    fs::write(data.path().join("sources.csv"), "untouched").expect("write");
    for (edit, row, column, reason) in cases {
        let broken = broken_copy(&sources, edit);
        let error =
            ingest::run(broken.path(), data.path(), false).expect_err("bad input must fail");
        let message = error.to_string();
        assert!(message.contains("glotip_2025-04_tidy.csv"), "{message}");
        if let Some(row) = row {
            assert_eq!(error.row, Some(row), "{message}");
        }
        assert_eq!(error.column.as_deref(), Some(column), "{message}");
        assert!(error.reason.contains(reason), "{message}");
        assert_eq!(
            fs::read_to_string(data.path().join("sources.csv")).expect("read"),
            "untouched"
        );
        assert_eq!(
            fs::read_dir(data.path()).expect("list").count(),
            1,
            "no scratch files left behind"
        );
    }
}

#[test]
fn a_missing_source_file_is_named() {
    let empty = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let error = ingest::run(empty.path(), data.path(), false).expect_err("must fail");
    assert!(
        error
            .to_string()
            .contains("glotip_2025-04_tidy.csv: file not found"),
        "{error}"
    );
}
