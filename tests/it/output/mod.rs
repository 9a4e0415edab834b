//! The output folder (outputs.md): the tree, results.json keys, atomic swap, locks.

mod audit;
mod swap;
mod write;
