//! The rendered outputs: bulletin (HTML, Markdown, docx), summary.xlsx, feedback, printing.

mod audit;
mod browser;
mod build;
mod bulletin;
mod docx;
mod print;
mod render;
mod results_layout;
mod workbook;
