//! The shipped sample-data: designed outcomes, `check`, snapshots, the whole pipeline.

mod check;
mod outcomes;
mod pipeline;
mod snapshots;
