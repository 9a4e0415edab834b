//! An opened workbook → grids: bounded cell reading (`cells`, with `fastxlsx` for plain .xlsx worksheets), sheets found by name and their
//! header rows (`sheets`), typed values (`values`), the cover's key–value pairs (`cover`).

pub mod book;
pub mod cells;
pub mod cover;
pub mod fastxlsx;
pub mod sheets;
pub mod values;
