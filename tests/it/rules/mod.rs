//! The rules of the mechanism (mechanism.md R1–R15, V1–V5), as-of, accidents and scoring.
//! Test names carry the rule ID they judge (`r10_…`, `v1_…`): `grep -rn 'fn r10' tests/it`.

mod acceptance;
mod asof;
mod audit;
mod deadlines;
mod periods;
mod register_gaps;
mod scoring;
mod scoring_audit;
