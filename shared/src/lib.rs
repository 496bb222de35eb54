//! What the tipstats server and the browser app have in common: the JSON wire
//! types of the API (serde only) and the chart drawing (plotters, generic over
//! the drawing backend, so the browser and the server draw the very same chart).
//!
//! Nothing here does I/O, so nothing here can fail for reasons outside the
//! arguments it is given.

pub mod api;
pub mod chart;
pub mod choice;
pub mod curated;
pub mod few_lines;
pub mod figure;
pub mod format;
pub mod lang;
pub mod map;
pub mod place;
pub mod query;
pub mod readout;
pub mod view;
pub mod words;

pub use api::*;
