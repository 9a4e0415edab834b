//! Acceptance: the whole pipeline as an office user runs it on a fresh folder — `init`, the
//! templates filled in (through `template::fill_workbook`, i.e. the published template with its
//! drop-downs), `check`, `build` for 2026H1 and 2026 — and the results read back from
//! results.json, bulletin.md and summary.xlsx.

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use tongbao::config::Config;
use tongbao::schema;
use tongbao::template::{Fill, Table, Value, fill_workbook};

fn d(y: i32, m: u32, day: u32) -> Value {
    Value::Date(NaiveDate::from_ymd_opt(y, m, day).unwrap())
}

fn t(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn tongbao(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("tongbao").unwrap();
    c.current_dir(dir);
    c
}

/// `tongbao init` into a fresh folder; returns the folder and its config.
fn init() -> (tempfile::TempDir, PathBuf, Config) {
    let tmp = tempfile::tempdir().unwrap();
    tongbao(tmp.path())
        .args(["init", "work"])
        .assert()
        .success();
    let dir = tmp.path().join("work");
    let cfg = tongbao::config::load(&dir.join("tongbao.toml")).unwrap();
    (tmp, dir, cfg)
}

/// A plain year of one unit's ledger (init's roster), with `skip_month` left out of 隐患排查.
fn ledger(unit: &str, kind: &str, skip_month: Option<u32>, accident: bool) -> Fill {
    let cover = vec![
        ("单位名称", t(unit)),
        ("年度", Value::Number(2026.0)),
        ("主要负责人", t("张某某")),
        ("报送日期", d(2027, 1, 8)),
        ("单位类型", t(kind)),
        ("计划抄送保卫处日期", d(2026, 3, 10)),
        ("年度总结报告安全履职", t("是")),
        ("绩效述职述安", t("是")),
    ];
    let plan = Table::new(
        schema::PLAN,
        vec![vec![
            ("工作任务", t("每月开展安全隐患排查")),
            ("责任人", t("李四")),
            ("完成时限", d(2026, 12, 31)),
        ]],
    );
    let meeting = |day: Value| {
        vec![
            ("会议日期", day),
            ("会议主题", t("学期安全工作会议")),
            ("主要负责人参加", t("是")),
            ("研究防范措施", t("是")),
        ]
    };
    let meetings = Table::new(
        schema::MEETINGS,
        vec![meeting(d(2026, 3, 10)), meeting(d(2026, 9, 15))],
    );
    let inspections = Table::new(
        schema::INSPECTIONS,
        (1..=12)
            .filter(|m| Some(*m) != skip_month)
            .map(|m| vec![("排查日期", d(2026, m, 10)), ("排查范围", t("教学楼"))])
            .collect(),
    );
    let quarter = |q: &str, day: Value| {
        vec![
            ("季度", t(q)),
            ("报送日期", day),
            ("事故起数", Value::Number(0.0)),
        ]
    };
    let mut quarterly = vec![
        quarter("第一季度", d(2026, 4, 8)),
        quarter("第二季度", d(2026, 7, 8)),
        quarter("第三季度", d(2026, 10, 9)),
        quarter("第四季度", d(2027, 1, 8)),
    ];
    let mut tables = vec![plan, meetings, inspections];
    if accident {
        quarterly[1] = quarter("第二季度", d(2026, 7, 8));
        quarterly[1][2] = ("事故起数", Value::Number(1.0));
        tables.push(Table::new(
            schema::ACCIDENTS,
            vec![vec![
                ("发生日期", d(2026, 5, 12)),
                ("事故概况", t("食堂员工被热油烫伤")),
                ("事故等级", t("一般")),
                ("死亡人数", Value::Number(0.0)),
                ("受伤人数", Value::Number(1.0)),
                ("书面检查报告日期", d(2026, 5, 20)),
            ]],
        ));
    }
    tables.push(Table::new(schema::QUARTERLY, quarterly));
    Fill { cover, tables }
}

/// The central register: one punishment answered on its due day across 劳动节, one listed
/// hazard closed on time, the accident's determination, two visits, a 述职 and a bonus.
fn register() -> Fill {
    let cover = vec![
        ("台账类型", t(schema::REGISTER_TYPE)),
        ("年度", Value::Number(2026.0)),
        ("报送日期", d(2027, 1, 9)),
    ];
    let tables = vec![
        Table::new(
            schema::PUNISHMENTS,
            vec![vec![
                ("单位名称", t("信息工程系")),
                ("措施类型", t("约谈")),
                ("实施日期", d(2026, 4, 28)),
                ("书面整改报告提交日期", d(2026, 5, 28)),
            ]],
        ),
        Table::new(
            schema::LISTED,
            vec![vec![
                ("编号", t("GP-2026-01")),
                ("隐患名称", t("食堂燃气管道老化")),
                ("责任单位", t("后勤管理处")),
                ("督办级别", t("学校")),
                ("挂牌日期", d(2026, 3, 10)),
                ("整改时限", d(2026, 5, 31)),
                ("销号日期", d(2026, 5, 20)),
                ("状态", t("已销号")),
            ]],
        ),
        Table::new(
            schema::DETERMINATIONS,
            vec![vec![
                ("单位名称", t("后勤管理处")),
                ("发生日期", d(2026, 5, 12)),
                ("等级认定", t("一般")),
                ("负有责任", t("是")),
                ("谎报瞒报", t("否")),
                ("不良影响", t("否")),
            ]],
        ),
        Table::new(
            schema::VISITS,
            vec![
                vec![
                    ("领导姓名", t("王某某")),
                    ("日期", d(2026, 4, 10)),
                    ("调研单位", t("信息工程系")),
                ],
                vec![
                    ("领导姓名", t("王某某")),
                    ("日期", d(2026, 10, 16)),
                    ("调研单位", t("后勤管理处")),
                ],
            ],
        ),
        Table::new(
            schema::LEADER_REPORTS,
            vec![vec![
                ("领导姓名", t("王某某")),
                ("述职报告含安全工作", t("是")),
            ]],
        ),
        Table::new(
            schema::ADJUSTMENTS,
            vec![vec![
                ("单位名称", t("信息工程系")),
                ("分值", Value::Number(2.0)),
                ("事由", t("消防演练成绩突出")),
            ]],
        ),
    ];
    Fill { cover, tables }
}

/// `fill` as sent on `on`: the cover 报送日期 becomes `on` and every row whose first date lies
/// after `on` is dropped, since a file sent that day cannot hold it (the plan's only date is a
/// deadline and is kept).
fn sent_on(mut fill: Fill, on: NaiveDate) -> Fill {
    for (k, v) in &mut fill.cover {
        if *k == "报送日期" {
            *v = Value::Date(on);
        }
    }
    for table in &mut fill.tables {
        if table.sheet == schema::PLAN {
            continue;
        }
        table.rows.retain(|r| {
            let first = r.iter().find_map(|(_, v)| match v {
                Value::Date(x) => Some(*x),
                _ => None,
            });
            first.is_none_or(|x| x <= on)
        });
    }
    fill
}

/// A fresh folder with every unit's ledger and the register in `inbox/2026`.
fn filled() -> (tempfile::TempDir, PathBuf) {
    filled_with(|f| f)
}

/// The same folder holding the versions sent by the H1 deadline (2026-07-05): versions dated
/// after as-of do not count (outputs.md "Settled" 1), so an H1 build as of 2026-07-15 needs them.
fn filled_h1() -> (tempfile::TempDir, PathBuf) {
    filled_with(|f| sent_on(f, NaiveDate::from_ymd_opt(2026, 7, 5).unwrap()))
}

fn filled_with(sent: impl Fn(Fill) -> Fill) -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir, cfg) = init();
    let inbox = dir.join("inbox/2026");
    let write = |name: &str, specs, fill: &Fill| {
        let fill = sent(fill.clone());
        std::fs::write(inbox.join(name), fill_workbook(specs, &cfg, &fill).unwrap()).unwrap();
    };
    write(
        "信息系2026台账.xlsx",
        schema::LEDGER,
        &ledger("信息系", "系部", None, false),
    );
    write(
        "经济管理系2026台账.xlsx",
        schema::LEDGER,
        &ledger("经济管理系", "系部", Some(5), false),
    );
    write(
        "后勤管理处2026台账.xlsx",
        schema::LEDGER,
        &ledger("后勤管理处", "部门", None, true),
    );
    write("保卫处台账2026.xlsx", schema::REGISTER, &register());
    (tmp, dir)
}

fn build(dir: &Path, period: &str, as_of: &str) -> Json {
    build_with_stdout(dir, period, as_of).0
}

fn build_with_stdout(dir: &Path, period: &str, as_of: &str) -> (Json, String) {
    let out = tongbao(dir)
        .args(["build", "--period", period, "--as-of", as_of])
        .args(["--doc-number", "7"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = std::fs::read_to_string(dir.join("public").join(period).join("results.json"));
    let stdout = String::from_utf8(out.stdout).unwrap();
    (serde_json::from_str(&json.unwrap()).unwrap(), stdout)
}

fn unit<'a>(r: &'a Json, name: &str) -> &'a Json {
    r["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("no unit {name}"))
}

fn status(r: &Json, name: &str, rule: &str) -> String {
    unit(r, name)["rules"][rule]["status"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn filled_templates_check_clean() {
    let (_tmp, dir) = filled();
    // As of the year build's day: without --as-of, check judges as of today, and files dated
    // after as-of are not counted (outputs.md "Settled" 1, 2) — the covers say 2027-01-08/09.
    let out = tongbao(&dir)
        .args(["check", "--as-of", "2027-01-12", "inbox/2026"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("没有发现问题").count(), 4, "{stdout}");
    assert!(
        stdout.contains("共检查4个文件：错误0项，警告0项"),
        "{stdout}"
    );
}

#[test]
fn fresh_folder_year_build() {
    let (_tmp, dir) = filled();
    let (r, stdout) = build_with_stdout(&dir, "2026", "2027-01-12");
    // The terminal says where the files are and sums up in one line, followed by the
    // 印发前请核对 list (outputs.md): here only the 整改要求 deadline counted through 2027,
    // a year without holiday data.
    assert!(stdout.contains("public/2026/bulletin.html"), "{stdout}");
    let lines: Vec<&str> = stdout.trim_end().lines().collect();
    let sum = lines
        .iter()
        .position(|l| {
            l.starts_with("单位3个，已报送3个；总体达标率96.3%；一票否决0个；建议表彰2个")
        })
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        lines
            .get(sum + 1)
            .is_some_and(|l| l.starts_with("印发前请核对（1项）：")),
        "{stdout}"
    );
    assert!(lines[sum + 1..].concat().contains("2027-02-09"), "{stdout}");
    // Only the 2027 calendar warning (整改要求 date counted Monday–Friday).
    let codes: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["holiday_data_missing"]);
    for u in ["信息工程系", "经济管理系", "后勤管理处"] {
        for id in ["R1", "R2", "R3", "R5", "R8", "R9", "R12", "R13", "R15"] {
            let s = status(&r, u, id);
            assert!(s == "met" || s == "na", "{u} {id} {s}");
        }
        assert_eq!(unit(&r, u)["vetoes"], serde_json::json!([]), "{u}");
        assert_eq!(unit(&r, u)["provisional"], false);
    }
    // R10: 2026-04-28 + 20 working days over 劳动节 = 2026-05-28, reported that day: on time.
    let r10 = &unit(&r, "信息工程系")["rules"]["R10"];
    assert_eq!(r10["status"], "met");
    assert_eq!(r10["items"][0]["due"], "2026-05-28");
    assert_eq!(r10["items"][0]["submitted"], "2026-05-28");
    // 100 + 2 clamped to 100.
    assert_eq!(unit(&r, "信息工程系")["score"], 100.0);
    assert_eq!(unit(&r, "信息工程系")["grade"], "优秀");
    assert_eq!(unit(&r, "信息工程系")["commended"], true);
    // One month missing: 20 − 20/12 = 98.33 → 98.3.
    let r4 = &unit(&r, "经济管理系")["rules"]["R4"];
    assert_eq!(r4["status"], "not_met");
    assert_eq!(r4["missing_months"], serde_json::json!(["2026-05"]));
    assert_eq!(unit(&r, "经济管理系")["score"], 98.3);
    // One reported, determined, answered accident: −2, and no commendation (一.3: R11 accident).
    assert_eq!(status(&r, "后勤管理处", "R11"), "met");
    assert_eq!(unit(&r, "后勤管理处")["score"], 98.0);
    assert_eq!(unit(&r, "后勤管理处")["commended"], false);
    let leader = &r["leaders"][0];
    assert_eq!(leader["rules"]["R6"]["status"], "met");
    assert_eq!(leader["rules"]["R7"]["status"], "met");

    let md = std::fs::read_to_string(dir.join("public/2026/bulletin.md")).unwrap();
    assert!(md.starts_with("厦城院综〔2027〕7号"), "{md}");
    assert!(md.contains("# 关于2026年度安全工作考核结果的通报"));
    assert!(
        md.contains("[经济管理系](feedback/经济管理系.md)：缺2026年5月。"),
        "{md}"
    );
    assert!(md.contains("各部门、系部："));
    // 整改要求: 20 working days after 2027-01-12, counted Monday–Friday (no 2027 data shipped).
    assert!(md.contains("于2027年2月9日前"), "{md}");
    // Sections only with content: no veto, so no 一票否决 section; commendation present.
    assert!(!md.contains("一票否决情况"), "{md}");
    assert!(md.contains("表彰建议名单"));
    assert!(md.contains("抄送：市教育局。"));
    assert!(md.contains("厦门城市职业学院  \n2027年1月12日"), "{md}");
    let html = std::fs::read_to_string(dir.join("public/2026/bulletin.html")).unwrap();
    crate::support::read_back::assert_self_contained(&html, "bulletin.html");
    // Charts as inline SVG: met rate per rule; year: score ranking and grade distribution.
    assert!(html.contains("<svg"));
    for chart in ["各项要求达标率", "年终考核得分排名", "等级分布"] {
        assert!(
            html.contains(&format!("aria-label=\"{chart}\"")),
            "chart {chart}"
        );
    }
}

#[test]
fn fresh_folder_half_year_build_is_reproducible() {
    let (_tmp, dir) = filled_h1();
    let r = build(&dir, "2026H1", "2026-07-15");
    assert_eq!(r["findings"], serde_json::json!([]));
    for u in ["信息工程系", "经济管理系", "后勤管理处"] {
        assert_eq!(unit(&r, u)["provisional"], true);
        assert_eq!(status(&r, u, "R8"), "na");
        assert_eq!(status(&r, u, "R15"), "met");
    }
    assert_eq!(status(&r, "经济管理系", "R4"), "not_met");
    // R6 in H1: one visit so far → pending, 进度正常.
    let r6 = &r["leaders"][0]["rules"]["R6"];
    assert_eq!(r6["status"], "pending");
    assert_eq!(r6["visits"], 1);
    let md = std::fs::read_to_string(dir.join("public/2026H1/bulletin.md")).unwrap();
    assert!(md.contains("# 关于2026年上半年安全工作跟踪督查情况的通报"));
    let first = std::fs::read(dir.join("public/2026H1/summary.xlsx")).unwrap();
    let html = std::fs::read(dir.join("public/2026H1/bulletin.html")).unwrap();
    build(&dir, "2026H1", "2026-07-15");
    assert_eq!(
        std::fs::read(dir.join("public/2026H1/summary.xlsx")).unwrap(),
        first
    );
    assert_eq!(
        std::fs::read(dir.join("public/2026H1/bulletin.html")).unwrap(),
        html
    );
}
