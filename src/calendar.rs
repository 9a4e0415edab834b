//! Working days: the shipped China holiday calendar plus the user's extra days (stub).
