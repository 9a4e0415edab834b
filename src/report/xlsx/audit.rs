//! summary.xlsx sheets for an auditor: 数据问题 (every finding) and 说明 (what was assessed,
//! against which config, from which input files).

use super::sheet::{self, Cell, Formats, Sheet};
use crate::eval::Results;
use crate::report::view::iso;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// 数据问题: every finding with its file, sheet, cell, code and rule.
pub(super) fn findings(ws: &mut Worksheet, f: &Formats, r: &Results) -> Result<(), XlsxError> {
    let head = [
        "文件",
        "工作表",
        "单元格",
        "严重程度",
        "代码",
        "问题",
        "原始内容",
        "规则",
        "单位",
    ];
    let mut s = Sheet::new(ws, f, &head)?;
    for x in &r.findings {
        s.row(vec![
            Cell::opt_text(&x.file),
            Cell::opt_text(&x.sheet),
            Cell::opt_text(&x.cell),
            Cell::text(x.severity.label()),
            Cell::text(x.code.as_str()),
            Cell::text(x.message.clone()),
            Cell::opt_text(&x.raw),
            Cell::opt_text(&x.rule),
            Cell::opt_text(&x.unit),
        ]);
    }
    s.finish(0)
}

/// 说明: the period, as-of date, config digest and every input file with its SHA-256.
pub(super) fn about(ws: &mut Worksheet, f: &Formats, r: &Results) -> Result<(), XlsxError> {
    let mut s = Sheet::new(ws, f, &["项目", "内容", "SHA-256", "大小（字节）"])?;
    let fixed = [
        ("通报", Cell::text(r.title.clone())),
        ("考核期间", Cell::text(r.period.clone())),
        (
            "期间起止",
            Cell::text(format!(
                "{} 至 {}",
                iso(Some(r.period_start)),
                iso(Some(r.period_end))
            )),
        ),
        ("评价基准日", Cell::date(Some(r.as_of))),
        ("发文字号", Cell::text(r.doc_number.clone())),
        ("整改报告截止", Cell::date(Some(r.rectification_due))),
        ("配置文件 SHA-256", Cell::text(r.config_sha256.clone())),
        ("单位数", Cell::Num(r.units.len() as f64, sheet::INT)),
        (
            "总体达标率",
            r.summary
                .overall_rate
                .map_or(Cell::Blank, |x| Cell::Num(x, sheet::PERCENT)),
        ),
    ];
    for (k, v) in fixed {
        s.row(vec![Cell::text(k), v]);
    }
    for i in &r.inputs {
        let role = match i.role {
            crate::model::Role::Ledger => "单位台账",
            crate::model::Role::Register => "保卫处台账",
            crate::model::Role::Prose => "按语",
            crate::model::Role::Skipped => "跳过",
            crate::model::Role::Superseded => "已被替代",
            crate::model::Role::Unreadable => "无法读取",
            crate::model::Role::Rejected => "未采用",
            crate::model::Role::AfterAsOf => "晚于评价基准日，未采用",
        };
        s.row(vec![
            Cell::text(format!("输入文件（{role}）")),
            Cell::text(i.file.clone()),
            Cell::text(i.sha256.clone()),
            Cell::Num(i.size as f64, sheet::INT),
        ]);
    }
    s.finish(0)
}
