//! `tongbao template [--out DIR]`: write the blank ledger and central-register templates.

use crate::cli::Common;
use crate::config::Config;
use std::path::Path;
use std::process::ExitCode;

/// The config used when the config file does not exist: an empty roster, so the templates
/// carry no unit or leader drop-downs (the same default `check` uses).
fn builtin_config() -> Config {
    Config::default()
}

pub fn run(common: &Common, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let path = super::config_path(common);
    // A config named on the command line must exist; only the default may be absent.
    let cfg = if path.exists() || common.config.is_some() {
        super::load_config(common)?
    } else {
        eprintln!(
            "{}",
            super::messages::template_without_config(&path.display().to_string())
        );
        builtin_config()
    };
    let dir = out.unwrap_or(Path::new("."));
    let written = crate::template::write_templates(dir, &cfg)?;
    println!("{}", super::messages::TEMPLATES_WRITTEN);
    for p in &written {
        println!("  {}", p.display());
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn builtin_config_has_empty_roster() {
        let cfg = super::builtin_config();
        assert!(cfg.units.is_empty());
        assert!(cfg.leaders.is_empty());
    }
}
