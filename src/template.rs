//! Blank templates (stub).
