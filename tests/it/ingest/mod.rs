//! Reading an inbox (contract.md): covers, cell values, rows, hostile and foreign files, versions.

mod audit;
mod cache;
mod cover;
mod findings;
mod gaps;
mod hostile;
mod hostile_parts;
mod inbox;
mod not_ledger;
mod perf;
mod rows;
mod values;
mod versions;
mod writers;
