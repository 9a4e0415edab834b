//! The roster behind the drop-downs (unit and leader names from the config) and the hidden
//! `_lists` sheet that holds it (too long for a typed-in list). The table sheets and their
//! validations read it; nothing here depends on them.

use super::LISTS_SHEET;
use crate::config::Config;
use crate::schema::Kind;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Names behind the roster drop-downs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lists {
    pub units: Vec<String>,
    pub leaders: Vec<String>,
}

impl Lists {
    pub fn from_config(cfg: &Config) -> Self {
        Lists {
            units: cfg.units.iter().map(|u| u.name.clone()).collect(),
            leaders: cfg.leaders.iter().map(|l| l.name.clone()).collect(),
        }
    }
    /// `='_lists'!$A$2:$A$17` for units (column A) or leaders (B); None when the list is empty.
    pub fn formula(&self, kind: Kind) -> Option<String> {
        let (col, n) = match kind {
            Kind::Unit => ('A', self.units.len()),
            Kind::Leader => ('B', self.leaders.len()),
            _ => return None,
        };
        (n > 0).then(|| format!("='{LISTS_SHEET}'!${col}$2:${col}${}", n + 1))
    }
}

/// The hidden list sheet: A 单位名称, B 领导姓名.
pub(crate) fn write_lists(ws: &mut Worksheet, lists: &Lists) -> Result<(), XlsxError> {
    ws.set_name(LISTS_SHEET)?;
    ws.write_string(0, 0, "单位名称")?;
    ws.write_string(0, 1, "领导姓名")?;
    for (i, u) in lists.units.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, u)?;
    }
    for (i, l) in lists.leaders.iter().enumerate() {
        ws.write_string(i as u32 + 1, 1, l)?;
    }
    ws.set_hidden(true);
    Ok(())
}
