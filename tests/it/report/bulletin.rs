//! The bulletin as the office's official text (issue 8 "The bulletin"), built by the binary from
//! the shipped sample: no notes to the office in it (the holiday caveat is a finding naming the
//! date and both ways out), `build --rectification-due`, the year preview (outputs.md "Settled"
//! 5), links from the bulletin and the index to every feedback page.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tongbao(args: &[&str]) -> Output {
    let cfg = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/tongbao.toml");
    Command::new(env!("CARGO_BIN_EXE_tongbao"))
        .arg("--config")
        .arg(cfg)
        .args(args)
        .output()
        .unwrap()
}

/// Build `period` at `as_of` (plus `extra` flags) into a fresh folder.
fn build(period: &str, as_of: &str, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap().to_string();
    let mut args = vec!["build", "--period", period, "--as-of", as_of, "--out", &out];
    args.extend_from_slice(extra);
    let o = tongbao(&args);
    assert!(
        o.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let folder = dir.path().join(period);
    (dir, folder)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

fn results(folder: &Path) -> Value {
    serde_json::from_str(&read(&folder.join("results.json"))).unwrap()
}

fn assert_no_office_notes(text: &str) {
    for note in ["印发前请核对", "请核对", "节假日", "尚未收录", "周一至周五"]
    {
        assert!(!text.contains(note), "the bulletin carries a note: {note}");
    }
}

#[test]
fn holiday_caveat_is_a_finding_not_bulletin_text() {
    let (_d, folder) = build("2026", "2027-01-12", &[]);
    let r = results(&folder);
    assert_eq!(r["preview"], false);
    let due = r["rectification_due"].as_str().unwrap().to_string();
    assert_eq!(r["rectification_due_unverified"], serde_json::json!([2027]));
    let msgs: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "holiday_data_missing" && f["rule"].is_null())
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    for want in [
        due.as_str(),
        "[[calendar.year]]",
        "year = 2027",
        "--rectification-due",
    ] {
        assert!(msgs[0].contains(want), "{} lacks {want}", msgs[0]);
    }
    assert_no_office_notes(&read(&folder.join("bulletin.md")));
    assert_no_office_notes(&read(&folder.join("bulletin.html")));
}

#[test]
fn rectification_due_flag_sets_the_date() {
    let (_d, folder) = build("2026", "2027-01-12", &["--rectification-due", "2027/3/5"]);
    let r = results(&folder);
    assert_eq!(r["rectification_due"], "2027-03-05");
    assert_eq!(r["rectification_due_unverified"], serde_json::json!([]));
    let unverified = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "holiday_data_missing" && f["rule"].is_null())
        .count();
    assert_eq!(unverified, 0, "the office's date needs no holiday data");
    let md = read(&folder.join("bulletin.md"));
    assert!(md.contains("于2027年3月5日前将整改落实情况书面报送保卫处"));
    assert!(read(&folder.join("feedback/旅游系.html")).contains("2027年3月5日"));
}

#[test]
fn rectification_due_on_or_before_as_of_is_a_command_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    for due in ["2027-01-12", "2026-12-31"] {
        let o = tongbao(&[
            "build",
            "--period",
            "2026",
            "--as-of",
            "2027-01-12",
            "--rectification-due",
            due,
            "--out",
            out,
        ]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("--rectification-due") && err.contains("基准日"),
            "{err}"
        );
        assert!(!dir.path().join("2026").exists(), "nothing is written");
    }
    let o = tongbao(&["build", "--period", "2026", "--rectification-due", "3月5日"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn year_build_before_year_end_is_a_preview() {
    let (_d, folder) = build("2026", "2026-07-15", &[]);
    let r = results(&folder);
    assert_eq!(r["preview"], true);
    assert_eq!(
        r["title"],
        "关于2026年度安全工作考核结果的通报（预评，截至2026年7月15日）"
    );
    let units = r["units"].as_array().unwrap();
    let mut risks = 0;
    for u in units {
        assert_eq!(u["provisional"], true, "{}", u["name"]);
        assert_eq!(u["commended"], false, "{}", u["name"]);
        assert_eq!(u["vetoes"], serde_json::json!([]), "{}", u["name"]);
        for v in u["veto_risks"].as_array().unwrap() {
            assert_ne!(v["id"], "V3", "V3 is judged only after the year");
            risks += 1;
        }
    }
    assert!(risks > 0, "the sample has veto risks");
    assert_eq!(r["summary"]["commended"], serde_json::json!([]));
    let md = read(&folder.join("bulletin.md"));
    let first = md
        .split("各部门、系部：")
        .nth(1)
        .unwrap()
        .trim_start()
        .lines()
        .next()
        .unwrap();
    assert!(first.starts_with("年终考核预评"), "{first}");
    assert!(md.contains("（预评，截至2026年7月15日）"));
    assert!(!md.contains("表彰建议名单"));
    assert!(md.contains("一票否决风险提示"));
    assert!(!md.contains("## 六、一票否决情况"));
    assert!(md.contains("参考分"));
    // The final year build is not a preview.
    let (_d2, final_folder) = build("2026", "2027-01-12", &[]);
    let fr = results(&final_folder);
    assert_eq!(fr["title"], "关于2026年度安全工作考核结果的通报");
    assert!(read(&final_folder.join("bulletin.md")).contains("表彰建议名单"));
}

/// Every `href="…"` of a page, percent-decoding the few escapes `view::href` writes.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].replace("&#x2F;", "/"))
        .collect()
}

#[test]
fn bulletin_and_index_link_every_feedback_page() {
    let (dir, folder) = build("2026H1", "2026-07-15", &[]);
    let r = results(&folder);
    let html = read(&folder.join("bulletin.html"));
    let links = hrefs(&html);
    for u in r["units"].as_array().unwrap() {
        let page = u["feedback"].as_str().unwrap();
        assert!(folder.join(page).is_file(), "{page} missing");
        assert!(links.iter().any(|l| l == page), "bulletin lacks {page}");
    }
    // 存在的主要问题 names 财务处 with a link.
    let problems = &html[html.find("存在的主要问题</h2>").unwrap()..];
    let problems = &problems[..problems.find("</section>").unwrap()];
    assert!(problems.contains("<a href=\"feedback/财务处.html\">财务处</a>："));
    let index = read(&dir.path().join("index.html"));
    let index_links = hrefs(&index);
    for want in [
        "bulletin.html",
        "bulletin.md",
        "summary.xlsx",
        "results.json",
    ] {
        assert!(
            index_links.contains(&format!("2026H1/{want}")),
            "index lacks {want}"
        );
    }
    let feedback: Vec<&String> = index_links
        .iter()
        .filter(|l| l.starts_with("2026H1/feedback/"))
        .collect();
    assert_eq!(feedback.len(), r["units"].as_array().unwrap().len());
    for l in feedback {
        assert!(dir.path().join(l).is_file(), "{l} missing");
    }
}

#[test]
fn feedback_findings_fit_narrow_screens() {
    let (_d, folder) = build("2026", "2027-01-12", &[]);
    let html = read(&folder.join("feedback/机电工程系.html"));
    // The findings table wraps (no nowrap cells) and stacks into labelled cards on a phone.
    assert!(html.contains("<table class=\"wrap stack\">"));
    for label in ["程度", "位置", "问题", "原内容", "规则"] {
        assert!(
            html.contains(&format!("<td data-label=\"{label}\">")),
            "{label}"
        );
    }
    assert!(
        html.contains(
            "table.wrap th, table.wrap td { white-space: normal; overflow-wrap: anywhere;"
        )
    );
    assert!(html.contains("@media (max-width: 40rem)") && html.contains("table.stack td::before"));
    assert!(
        html.contains("<a href=\"../bulletin.html\">"),
        "back to the bulletin"
    );
}
