//! Ingest: inbox folder → typed `model::Inbox` + findings (stub).
