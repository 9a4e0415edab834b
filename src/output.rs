//! The only place that writes files (stub).
