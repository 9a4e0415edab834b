//! The Chinese wording of config errors.

use super::*;

#[test]
fn serde_messages_in_chinese() {
    let m = serde_message_cn(
        "[grades] excellent",
        "invalid type: string \"九十\", expected f64",
    );
    assert_eq!(m, "[grades] excellent 的值 “九十”（文字） 不对，应为数字");
    let m = serde_message_cn("", "missing field `school`");
    assert!(m.contains("缺少 [school]"), "{m}");
    let m = serde_message_cn("[grades]", "missing field `school`");
    assert_eq!(m, "缺少 [school] 部分（至少写 name = \"学校名称\"）");
    let m = syntax_message_cn("duplicate key", Some("name = \"y\"  "));
    assert_eq!(m, "同一个配置项写了两次，请删去其中一个：name = \"y\"");
}

#[test]
fn chinese_punctuation_is_named_and_fixed() {
    let m = syntax_message_cn(
        "string values must be quoted, expected literal string",
        Some("name = “学工处”"),
    );
    assert!(
        m.starts_with("这一行用了中文（全角）标点：中文引号“”"),
        "{m}"
    );
    assert!(m.ends_with("（应改为：name = \"学工处\"）"), "{m}");
    let m = syntax_message_cn(
        "invalid basic string, expected `\"`",
        Some("name = \"学工处”  # 说明：“原文”"),
    );
    assert!(
        m.contains("（应改为：name = \"学工处\"  # 说明：“原文”）"),
        "{m}"
    );
    let m = syntax_message_cn(
        "missing comma between array elements, expected `,`",
        Some("aliases = [\"信息系\"，\"信息工程学院\"]"),
    );
    assert!(m.contains("全角逗号，（应为英文逗号 ,）"), "{m}");
    assert!(
        m.contains("应改为：aliases = [\"信息系\",\"信息工程学院\"]"),
        "{m}"
    );
    // Chinese quotes inside a well-quoted text are fine; the error is elsewhere.
    let m = syntax_message_cn("missing comma", Some("cc = [\"“市局”\" \"区局\"]"));
    assert!(m.starts_with("列表的各项之间缺少英文逗号"), "{m}");
}

#[test]
fn every_syntax_error_is_chinese() {
    let english = [
        "string values must be quoted, expected literal string",
        "invalid basic string, expected `\"`",
        "missing comma between array elements, expected `,`",
        "key with no value, expected `=`",
        "unclosed table, expected `]`",
        "unclosed array, expected `]`",
        "duplicate key",
        "invalid date, expected day between 01 and 28",
        "unexpected key or value, expected newline, `#`",
        "invalid boolean, expected `true`",
        "invalid unquoted key, expected letters, numbers, `-`, `_`",
        "something new in toml 2.0",
    ];
    for en in english {
        let m = syntax_message_cn(en, None);
        let latin: String = m
            .replace("TOML", "")
            .replace("tongbao init", "")
            .replace("true", "")
            .replace("false", "")
            .replace("name", "")
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect();
        assert!(latin.is_empty(), "{en} → {m}");
    }
    let m = syntax_message_cn("unknown", Some("name = 学工处"));
    assert!(m.starts_with("写法有误"), "{m}");
    let m = syntax_message_cn("string values must be quoted", Some("name = 学工处 # 处室"));
    assert!(m.ends_with("（应改为：name = \"学工处\"  # 处室）"), "{m}");
}

#[test]
fn encodings() {
    assert_eq!(decode_text(b"\xEF\xBB\xBFa = 1"), Ok("a = 1"));
    // 学工处 in GBK on line 2.
    let gbk = b"[school]\nname = \"\xD1\xA7\xB9\xA4\xB4\xA6\"\n";
    let e = decode_text(gbk).unwrap_err();
    assert!(e.starts_with("不是 UTF-8 编码（第2行起"), "{e}");
    assert!(e.contains("另存为") && e.contains("WPS"), "{e}");
    let e = decode_text(b"\xFF\xFEa\x00").unwrap_err();
    assert!(e.contains("UTF-16"), "{e}");
}
