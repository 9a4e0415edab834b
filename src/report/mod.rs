//! Rendering: results → bytes (stub).
