//! 得分明细: one row per unit × rubric item (earned, max, whether it counts), then the unit's
//! 考评加减分 rows — the figures every score in the bulletin rests on. Year: 得分 = the items'
//! 得分 plus 加减分, clamped to 0–100; half year: 参考分 = counted 得分 ÷ counted 满分 × 100
//! (mechanism.md "Scoring").

use super::sheet::{self, Cell, Formats, Sheet};
use crate::eval::{PeriodKind, Points, Results};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Sort key of a rubric item: its first rule's number (R1 < R2 < … < R13).
fn rule_order(p: &Points) -> (u32, String) {
    let first = p.rules.first().map_or("", |r| r.as_str());
    let n = first.trim_start_matches('R').parse().unwrap_or(u32::MAX);
    (n, p.label.clone())
}

pub(super) fn points(ws: &mut Worksheet, f: &Formats, r: &Results) -> Result<(), XlsxError> {
    let year = r.period_kind == PeriodKind::Year;
    let head = [
        "单位",
        "类别",
        "评分项",
        "规则",
        "得分",
        "满分",
        if year {
            "计入得分"
        } else {
            "计入参考分"
        },
        "说明",
    ];
    let mut s = Sheet::new(ws, f, &head)?;
    for u in &r.units {
        let mut items: Vec<&Points> = u.points.values().collect();
        items.sort_by_key(|p| rule_order(p));
        for p in items {
            let note = if p.excluded {
                "全部待完成或本期不适用，不计入参考分"
            } else if !u.submitted {
                "未报送台账，不得分"
            } else {
                ""
            };
            s.row(vec![
                Cell::text(u.name.clone()),
                Cell::text(u.kind.clone()),
                Cell::text(p.label.clone()),
                Cell::text(p.rules.join("、")),
                Cell::Num(p.earned, sheet::SCORE),
                Cell::Num(p.max, sheet::SCORE),
                Cell::text(if p.excluded { "否" } else { "是" }),
                Cell::text(note),
            ]);
        }
        for a in &u.adjustments {
            s.row(vec![
                Cell::text(u.name.clone()),
                Cell::text(u.kind.clone()),
                Cell::text("考评加减分"),
                Cell::Blank,
                Cell::Num(a.points, sheet::SCORE),
                Cell::Blank,
                Cell::text("是"),
                Cell::text(a.reason.clone()),
            ]);
        }
    }
    s.finish(1)
}
