//! `tongbao template`: sheets, headers, drop-downs, frozen rows; templates read back.

mod acceptance;
mod ingest;
mod sample_data;
mod structure;
