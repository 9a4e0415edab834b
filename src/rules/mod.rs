//! The mechanism's rules (stub).
