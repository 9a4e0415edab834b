//! Byte-level guards: what a file's bytes are and whether a reader may open them — content
//! sniffing (`sniff`), zip bombs and lying headers (`prescan`), oversized workbook parts
//! (`partscan`), whole-workbook scans of .xls (`biff`, `sst`) and .ods (`odsscan`), repairs of
//! what calamine would misread (`repair`) — every limit of ingest in one place (`limits`) and
//! the wording of every refusal (`reasons`): the guards decide, `reasons` words.

pub mod biff;
pub mod limits;
pub mod odsscan;
pub mod partscan;
pub mod prescan;
pub mod reasons;
pub mod repair;
pub mod sniff;
pub mod sst;

/// The little-endian u16 at `at` (None past the end).
pub(crate) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

/// The little-endian u32 at `at` (None past the end).
pub(crate) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}
