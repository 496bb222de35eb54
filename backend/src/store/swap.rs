//! Swapping a new set of `data/` files in through a journal, so that a kill
//! at any point leaves either the old set or the new one, never a mix.

use std::fs;
use std::io;
use std::path::Path;

use super::StoreError;
use crate::db;

/// Scratch folders of an ingest inside `data/` start with this.
pub const SCRATCH_PREFIX: &str = ".ingest-";
/// While this file exists in `data/`, a new set of files is being moved in;
/// it names the scratch folder they come from.
const SWAP_JOURNAL: &str = ".swap-in-progress";

/// Moves every data file from `scratch` (a folder inside `data_dir`) into
/// `data_dir` as one step that survives a kill: the journal is written
/// (atomically, by rename) before the first file moves and removed after the
/// last, and [`finish_interrupted_swap`] completes a swap the journal shows
/// was cut short. Before the journal exists, `data/` is untouched.
pub fn swap_in(data_dir: &Path, scratch: &Path) -> Result<(), StoreError> {
    let io = StoreError::io;
    for file in swapped_files() {
        let path = scratch.join(file);
        fs::File::open(&path)
            .and_then(|f| f.sync_all())
            .map_err(io(&path))?;
    }
    let name = scratch
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let journal = data_dir.join(SWAP_JOURNAL);
    let pending = data_dir.join(format!("{SWAP_JOURNAL}.new"));
    fs::write(&pending, &name)
        .and_then(|()| fs::File::open(&pending).and_then(|f| f.sync_all()))
        .map_err(io(&pending))?;
    fs::rename(&pending, &journal).map_err(io(&journal))?;
    finish_interrupted_swap(data_dir)
}

/// The files a swap moves: the data files and the record of releases.
fn swapped_files() -> impl Iterator<Item = &'static str> {
    let data = db::DATA_FILES.iter().map(|(file, _, _)| *file);
    data.chain([crate::releases::RELEASES_FILE])
}

/// Completes a swap that a killed ingest left half done, and clears the
/// scratch folders of ingests killed before their swap began. Every step
/// can be repeated, so a kill during this recovery is recovered next time.
pub fn finish_interrupted_swap(data_dir: &Path) -> Result<(), StoreError> {
    let io = StoreError::io;
    let journal = data_dir.join(SWAP_JOURNAL);
    let committed = match fs::read_to_string(&journal) {
        Ok(name) => Some(data_dir.join(name.trim())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(&journal)(e)),
    };
    if let Some(scratch) = &committed {
        for file in swapped_files() {
            let from = scratch.join(file);
            match fs::rename(&from, data_dir.join(file)) {
                // Already moved before the interruption.
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                other => other.map_err(io(&from))?,
            }
        }
        fs::remove_file(&journal).map_err(io(&journal))?;
    }
    // A journal still being written when the ingest was killed: that swap
    // never began, and its scratch folder goes below with the others.
    let pending = data_dir.join(format!("{SWAP_JOURNAL}.new"));
    match fs::remove_file(&pending) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io(&pending)(e)),
        _ => {}
    }
    let entries = match fs::read_dir(data_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(data_dir)(e)),
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with(SCRATCH_PREFIX) {
            // A killed ingest's leftovers. Were an ingest still running, it
            // would fail on its vanished folder and leave `data/` as it was.
            let _ = fs::remove_dir_all(entry.path());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_all(dir: &Path, text: &str) {
        for file in swapped_files() {
            fs::write(dir.join(file), text).expect("write");
        }
    }

    fn contents(dir: &Path) -> Vec<String> {
        swapped_files()
            .map(|file| fs::read_to_string(dir.join(file)).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_swap_cut_short_after_its_journal_is_completed() {
        let data = tempfile::tempdir().expect("temp dir");
        write_all(data.path(), "old");
        let scratch = data.path().join(format!("{SCRATCH_PREFIX}test"));
        fs::create_dir(&scratch).expect("mkdir");
        write_all(&scratch, "new");
        // The journal is in place and the first two files have moved: the
        // state a kill in the middle of the renames leaves.
        fs::write(
            data.path().join(SWAP_JOURNAL),
            format!("{SCRATCH_PREFIX}test"),
        )
        .expect("journal");
        for (file, _, _) in &db::DATA_FILES[..2] {
            fs::rename(scratch.join(file), data.path().join(file)).expect("rename");
        }
        finish_interrupted_swap(data.path()).expect("recovery");
        assert!(contents(data.path()).iter().all(|c| c == "new"));
        assert!(!scratch.exists() && !data.path().join(SWAP_JOURNAL).exists());
    }

    #[test]
    fn a_scratch_folder_without_journal_is_dropped_and_data_kept() {
        let data = tempfile::tempdir().expect("temp dir");
        write_all(data.path(), "old");
        let scratch = data.path().join(format!("{SCRATCH_PREFIX}killed"));
        fs::create_dir(&scratch).expect("mkdir");
        write_all(&scratch, "new");
        finish_interrupted_swap(data.path()).expect("recovery");
        assert!(contents(data.path()).iter().all(|c| c == "old"));
        assert!(!scratch.exists());
    }

    #[test]
    fn a_journal_killed_while_written_is_dropped_with_its_scratch_folder() {
        let data = tempfile::tempdir().expect("temp dir");
        write_all(data.path(), "old");
        let scratch = data.path().join(format!("{SCRATCH_PREFIX}killed"));
        fs::create_dir(&scratch).expect("mkdir");
        write_all(&scratch, "new");
        // Killed after writing the pending journal, before renaming it.
        let pending = data.path().join(format!("{SWAP_JOURNAL}.new"));
        fs::write(&pending, format!("{SCRATCH_PREFIX}killed")).expect("pending journal");
        finish_interrupted_swap(data.path()).expect("recovery");
        assert!(contents(data.path()).iter().all(|c| c == "old"));
        assert!(!scratch.exists() && !pending.exists());
    }
}
