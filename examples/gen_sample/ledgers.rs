//! Every unit's ledger: the ordinary year plus the designed deviations (EXPECTED.md).

use super::OutFile;
use super::content::{Ledger, d, date, meeting, n, ordinary, person, t, yes};
use chrono::NaiveDate;
use tongbao::config::{Config, UnitCfg};
use tongbao::schema::{ACCIDENTS, INSPECTIONS, LEDGER, MEETINGS, PLAN, QUARTERLY};
use tongbao::template::{Row, Value, fill_workbook};

/// The unit that did not submit.
pub const MISSING_UNIT: &str = "图书馆";

pub fn all(cfg: &Config) -> anyhow::Result<Vec<OutFile>> {
    let mut out = Vec::new();
    for (i, u) in cfg.units.iter().enumerate() {
        if u.name == MISSING_UNIT {
            continue;
        }
        for l in ledgers_of(u, i) {
            out.push(OutFile {
                name: l.file,
                bytes: fill_workbook(LEDGER, cfg, &l.fill)?,
            });
        }
    }
    Ok(out)
}

fn accident(day: (u32, u32), what: &str, injured: u32, loss: f64, report: Option<Value>) -> Row {
    let mut row = vec![
        ("发生日期", d(2026, day.0, day.1)),
        ("事故概况", t(what)),
        ("事故等级", t("一般")),
        ("死亡人数", n(0)),
        ("受伤人数", n(injured)),
        ("重伤人数", n(0)),
        ("直接经济损失（万元）", Value::Number(loss)),
        ("是否在活动中发生", yes(false)),
    ];
    if let Some(r) = report {
        row.push(("书面检查报告日期", r));
    }
    row
}

/// Set 事故起数 of quarter `q` (1-based).
fn quarter_accidents(l: &mut Ledger, q: usize, count: u32) {
    let rows = l.rows(QUARTERLY);
    rows[q - 1].retain(|(k, _)| *k != "事故起数");
    rows[q - 1].push(("事故起数", n(count)));
}

/// Replace the 排查日期 of month `m` (1-based row index m-1) with raw text.
fn inspection_text_date(l: &mut Ledger, m: usize, text: &str) {
    let row = &mut l.rows(INSPECTIONS)[m - 1];
    row.retain(|(k, _)| *k != "排查日期");
    row.push(("排查日期", t(text)));
}

fn ledgers_of(u: &UnitCfg, i: usize) -> Vec<Ledger> {
    let mut l = ordinary(u, i);
    if u.name == "机电工程系" {
        return mechanical(l);
    }
    departments(&mut l, &u.name, i);
    academic(&mut l, &u.name, i);
    match u.name.as_str() {
        // 基础部 sends only the January ledger (late: 2027-01-11).
        "基础部" => vec![l],
        // 经济管理系 sends its ledger on 07-03 without the second-quarter report, and sends it
        // again with the (late) report on 07-13: the first is on time, the second counts.
        "经济管理系" => {
            let first = first_half(&l, july_name(&l, "（7月）"), date(2026, 7, 3));
            let second = first_half(&l, july_name(&l, "（7月更新）"), date(2026, 7, 13));
            vec![first, second, l]
        }
        // The others send a July ledger with the second-quarter report, then the January one.
        _ => {
            let day = q2_date(&mut l);
            vec![first_half(&l, july_name(&l, "（7月）"), day), l]
        }
    }
}

fn july_name(l: &Ledger, tag: &str) -> String {
    l.file.replace(".xlsx", &format!("{tag}.xlsx"))
}

/// The 报送日期 of the second-quarter report.
fn q2_date(l: &mut Ledger) -> NaiveDate {
    l.rows(QUARTERLY)[1]
        .iter()
        .find_map(|(k, v)| match (k, v) {
            (&"报送日期", Value::Date(x)) => Some(*x),
            _ => None,
        })
        .unwrap_or_else(|| date(2026, 7, 3))
}

/// The July version of a ledger, sent on `sent`: the cover without the year-end duty answers,
/// the rows of the first half year only (rows whose date is unreadable text are kept: the July
/// file has the same mistakes), and the quarterly reports already sent by then.
fn first_half(l: &Ledger, file: String, sent: NaiveDate) -> Ledger {
    let mut old = Ledger {
        file,
        fill: l.fill.clone(),
    };
    old.cover("报送日期", Value::Date(sent));
    // In July the year-end duty questions are not answered yet.
    old.fill
        .cover
        .retain(|(k, _)| !matches!(*k, "年度总结报告安全履职" | "绩效述职述安"));
    let h1 = date(2026, 6, 30);
    let keep = |row: &Row, key: &str, last: NaiveDate| {
        !row.iter()
            .any(|(k, v)| *k == key && matches!(v, Value::Date(x) if *x > last))
    };
    old.rows(MEETINGS).retain(|r| keep(r, "会议日期", h1));
    old.rows(INSPECTIONS).retain(|r| keep(r, "排查日期", h1));
    old.rows(tongbao::schema::HAZARDS)
        .retain(|r| keep(r, "发现日期", h1));
    old.rows(ACCIDENTS).retain(|r| keep(r, "发生日期", h1));
    old.rows(QUARTERLY).truncate(2);
    old.rows(QUARTERLY).retain(|r| keep(r, "报送日期", sent));
    old
}

/// The deviations of the 部门.
fn departments(l: &mut Ledger, unit: &str, i: usize) {
    match unit {
        "党政办公室" => l
            .rows(PLAN)
            .push(vec![("序号", t("合计")), ("工作任务", t("共4项"))]),
        "组织人事处" => l.cover("绩效述职述安", yes(false)),
        "教务处" => {
            let day = date(2026, 9, 10);
            let topic = "秋季学期教学安全工作会议：实验教学安全检查安排";
            l.rows(MEETINGS)[1] = meeting(day, topic, false, true, &person(i, 1));
        }
        "后勤管理处" => {
            let acc = l.rows(ACCIDENTS);
            acc.push(accident(
                (5, 12),
                "学生食堂后厨员工操作不当被热油烫伤",
                1,
                0.3,
                Some(d(2026, 5, 20)),
            ));
            acc.push(accident(
                (9, 16),
                "校内道路电动车与行人碰擦，1人轻微擦伤",
                1,
                0.1,
                Some(d(2026, 9, 25)),
            ));
            acc.push(accident(
                (11, 3),
                "学生公寓供水管道爆裂，部分宿舍物品浸水",
                0,
                0.8,
                None,
            ));
            for q in 2..=4 {
                quarter_accidents(l, q, 1);
            }
        }
        "财务处" => l.cover("计划抄送保卫处日期", d(2026, 4, 8)),
        _ => {}
    }
}

/// The deviations of the 系部 (机电工程系 is `mechanical`).
fn academic(l: &mut Ledger, unit: &str, i: usize) {
    match unit {
        "信息工程系" => {
            l.file = "信息系2026安全台账.xlsx".into();
            l.cover("单位名称", t("信息系"));
            l.table(INSPECTIONS).title = Some("信息工程系2026年安全隐患排查登记表".into());
        }
        "经济管理系" => {
            l.rows(QUARTERLY)[1][1] = ("报送日期", d(2026, 7, 13));
            l.table(MEETINGS).order = Some(vec![
                "会议主题",
                "会议日期",
                "主持人",
                "研究防范措施",
                "主要负责人参加",
                "参会人数",
                "会议纪要",
            ]);
        }
        "艺术设计系" => {
            l.rows(INSPECTIONS).remove(3);
            let found = date(2026, 9, 8);
            let what = "雕塑工作室切割机防护罩缺失";
            let row = super::content::hazard(
                found,
                what,
                date(2026, 9, 30),
                date(2026, 10, 12),
                &person(i, 1),
            );
            l.rows(tongbao::schema::HAZARDS).push(row);
        }
        "外语系" => {
            inspection_text_date(l, 3, "2026.3.5");
            l.table(INSPECTIONS)
                .header_text
                .push(("排查日期", "排查日期（必填）".into()));
        }
        "建筑工程系" => inspection_text_date(l, 2, "2026-02-30"),
        "旅游系" => {
            l.rows(INSPECTIONS).remove(7);
            let what = "组织学生赴武夷山开展研学活动，2名学生下山途中滑倒扭伤";
            let mut row = accident((4, 18), what, 2, 0.2, None);
            row.retain(|(k, _)| *k != "是否在活动中发生");
            row.push(("是否在活动中发生", yes(true)));
            l.rows(ACCIDENTS).push(row);
            quarter_accidents(l, 2, 1);
        }
        "基础部" => l.cover("报送日期", d(2027, 1, 11)),
        _ => {}
    }
}

/// 机电工程系: a 较大 fire reported as 一般 (1200万元 loss), and two versions of the ledger:
/// the July one (first half only) is superseded by the January one (（更新版）).
fn mechanical(mut l: Ledger) -> Vec<Ledger> {
    let what = "机电实训中心数控车间电气线路短路引发火灾，2名学生轻微烧伤，多台设备烧毁";
    l.rows(ACCIDENTS)
        .push(accident((6, 9), what, 2, 1200.0, Some(d(2026, 6, 20))));
    quarter_accidents(&mut l, 2, 1);
    l.rows(QUARTERLY)[1][1] = ("报送日期", d(2026, 7, 2));
    let old = first_half(&l, l.file.clone(), date(2026, 7, 3));
    l.file = july_name(&l, "（更新版）");
    vec![old, l]
}
