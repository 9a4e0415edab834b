use super::*;
use std::path::Path;

fn sample(name: &str) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sample-data");
    std::fs::read(dir.join(name)).unwrap()
}

fn prepared(period: &str, register: Option<RegisterFacts>) -> Prepared {
    let text = String::from_utf8(sample("tongbao.toml")).unwrap();
    let data = PageData {
        period: period.into(),
        as_of: NaiveDate::from_ymd_opt(2026, 7, 15).unwrap(),
        title: "关于2026年上半年安全工作跟踪督查情况的通报".into(),
        school: "某学院".into(),
        config: config_for_page(&text),
        register,
    };
    Prepared::from_json(&serde_json::to_string(&data).unwrap()).unwrap()
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, 15).unwrap()
}

#[test]
fn config_for_page_drops_comments_and_keeps_the_config() {
    let text = String::from_utf8(sample("tongbao.toml")).unwrap();
    let page = config_for_page(&text);
    assert!(
        !page.lines().any(|l| l.trim_start().starts_with('#')),
        "{page}"
    );
    let a = crate::config::from_toml_str(&text, Path::new("")).unwrap();
    let mut b = crate::config::from_toml_str(&page, Path::new("")).unwrap();
    b.sha256 = a.sha256.clone();
    assert_eq!(a, b);
}

#[test]
fn a_ledger_is_recognised_and_previewed() {
    let p = prepared("2026H1", None);
    let name = "教务处2026年安全工作台账（7月）.xlsx";
    let bytes = sample(&format!("inbox/2026/{name}"));
    let r = check(&p, bytes, name, as_of());
    assert_eq!(r.unit.as_deref(), Some("教务处"));
    assert_eq!(r.role, "ledger");
    let pv = r.preview.expect("a counting ledger has a preview");
    let ids: Vec<&str> = pv.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "R1", "R2", "R3", "R4", "R5", "R8", "R13", "R15", "R10", "R12"
        ]
    );
    // No register in the build: R10/R12 are 不适用, as in the bulletin.
    let r10 = pv.rules.iter().find(|r| r.id == RuleId::R10).unwrap();
    assert_eq!(r10.status, crate::results::Status::Na);
    assert!(pv.score.is_some());
}

#[test]
fn register_facts_reach_r10() {
    let name = "保卫处2026汇总（7月）.xlsx";
    let p0 = prepared("2026H1", None);
    let inbox = {
        let opts = Options {
            year: Some(2026),
            recursive: false,
        };
        let out = ingest::read::read_from_bytes(
            sample(&format!("inbox/2026/{name}")),
            name,
            &p0.cfg,
            &opts,
        );
        let mut inbox = Inbox::default();
        let sel = Selection {
            as_of: Some(as_of()),
            keep_all: true,
        };
        ingest::assemble(&mut inbox, &p0.cfg, vec![out], true, sel);
        inbox
    };
    let reg = inbox.register.expect("the sample register counts");
    let facts = RegisterFacts::of(&reg);
    let punished: Vec<String> = facts
        .punishments
        .iter()
        .flatten()
        .map(|f| f.unit.clone())
        .collect();
    let unit = punished
        .first()
        .expect("the sample register punishes a unit")
        .clone();
    let p = prepared("2026H1", Some(facts));
    let ledger =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../sample-data/inbox/2026"))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(unit.as_str()) && n.ends_with(".xlsx"))
            .max()
            .unwrap();
    let r = check(
        &p,
        sample(&format!("inbox/2026/{ledger}")),
        &ledger,
        as_of(),
    );
    let pv = r.preview.expect("preview");
    let r10 = pv.rules.iter().find(|r| r.id == RuleId::R10).unwrap();
    assert_ne!(r10.status, crate::results::Status::Na, "{r10:?}");
    assert!(r10.from_register);
    // The sample register has every sheet: the page must not say one is missing because it
    // carries only 惩戒措施 and 挂牌督办.
    assert!(pv.notes.is_empty(), "{:?}", pv.notes);
}

#[test]
fn an_unknown_cover_name_gets_the_unit_text() {
    let f = Finding::error(Code::UnknownUnit, "办公室消息")
        .sheet("封面")
        .raw("经济管理学院");
    let shown = page_finding(
        &f,
        None,
        &["经济管理系".to_string(), "信息工程系".to_string()],
    );
    assert!(
        shown
            .unit_text
            .contains("请将封面单位名称改为“经济管理系”或“信息工程系”"),
        "{}",
        shown.unit_text
    );
    assert_eq!(shown.finding.message, "办公室消息");
}

#[test]
fn garbage_is_an_unreadable_file_and_a_bad_date_an_error() {
    let p = prepared("2026H1", None);
    let r = check(&p, b"not a workbook".to_vec(), "x.xlsx", as_of());
    assert_eq!(r.reason, Some("unreadable"));
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].finding.code, Code::UnreadableFile);
    assert!(r.preview.is_none() && r.no_preview.is_some());
    let j = check_json(&p, Vec::new(), "x.xlsx", "2026-02-30");
    assert!(j.contains("\"error\""), "{j}");
}
