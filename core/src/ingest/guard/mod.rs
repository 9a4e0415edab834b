//! Byte-level guards: what a file's bytes are and whether a reader may open them — content
//! sniffing (`sniff`), zip bombs and lying headers (`prescan`), oversized workbook parts
//! (`partscan`), whole-workbook scans of .xls (`biff`, `sst`) and .ods (`odsscan`), repairs of
//! what calamine would misread (`repair`) — and every limit of ingest in one place (`limits`).

pub mod biff;
pub mod limits;
pub mod odsscan;
pub mod partscan;
pub mod prescan;
pub mod repair;
pub mod sniff;
pub mod sst;
