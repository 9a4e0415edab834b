//! The command line: help and exit codes, messages, `check`, `init`, quoted commands.

mod acceptance;
mod basics;
mod check;
mod check_selection;
mod messages;
mod quoted_commands;
