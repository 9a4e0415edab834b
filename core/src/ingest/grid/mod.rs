//! An opened workbook → grids: bounded cell reading (`cells`), sheets found by name and their
//! header rows (`sheets`), typed values (`values`), the cover's key–value pairs (`cover`).

pub mod cells;
pub mod cover;
pub mod sheets;
pub mod values;
