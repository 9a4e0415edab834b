//! serde/toml's English error messages, turned into Chinese for office staff.

/// serde/toml's English message → Chinese, prefixed with the key path.
pub fn serde_message_cn(path: &str, msg: &str) -> String {
    let at = if path.is_empty() {
        String::new()
    } else {
        format!("{path} ")
    };
    let serde_words = [
        "invalid type",
        "invalid value",
        "missing field",
        "unknown variant",
    ];
    if !msg.is_ascii() && !serde_words.iter().any(|w| msg.starts_with(w)) {
        // Our own messages (e.g. MonthDay) are Chinese already.
        return format!("{at}的值{msg}");
    }
    if let Some(field) = between(msg, "missing field `", "`") {
        // Only the top level has a `school` field; toml may point the error at the last table.
        if field == "school" {
            return "缺少 [school] 部分（至少写 name = \"学校名称\"）".into();
        }
        return format!("{at}缺少必填项 {field}");
    }
    if let Some(v) = between(msg, "unknown variant `", "`") {
        let expected: Vec<&str> = msg
            .split("expected ")
            .nth(1)
            .unwrap_or("")
            .split(['`', ',', ' '])
            .filter(|s| !s.is_empty() && *s != "one" && *s != "of" && *s != "or")
            .collect();
        return format!("{at}的值“{v}”无效，应为：{}", expected.join("、"));
    }
    let (found, expected) = match msg.split_once(", expected ") {
        Some((f, e)) => (f, e),
        None => (msg, ""),
    };
    let found = found
        .trim_start_matches("invalid type: ")
        .trim_start_matches("invalid value: ");
    format!(
        "{at}的值 {} 不对，应为{}",
        found_cn(found),
        expected_cn(expected)
    )
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

fn found_cn(found: &str) -> String {
    let lit = found
        .split_once(' ')
        .map(|(_, v)| v.trim_matches(['`', '"']))
        .unwrap_or("");
    match found.split(' ').next().unwrap_or("") {
        "string" => format!("“{lit}”（文字）"),
        "integer" => format!("{lit}（整数）"),
        "floating" => format!(
            "{}（小数）",
            lit.trim_start_matches("point ").trim_matches('`')
        ),
        "boolean" => lit.to_string(),
        "sequence" => "[…]（列表）".into(),
        "map" => "{…}（表）".into(),
        _ => found.to_string(),
    }
}

fn expected_cn(expected: &str) -> String {
    let e = expected.to_ascii_lowercase();
    if e.contains("date") {
        "日期，如 2026-02-23".into()
    } else if e.contains("u8") || e.contains("u32") || e.contains("u64") {
        "不小于 0 的整数".into()
    } else if e.contains("i32") || e.contains("i64") {
        "整数".into()
    } else if e.contains("f64") || e.contains("f32") {
        "数字".into()
    } else if e.contains("bool") {
        "true 或 false".into()
    } else if e.contains("sequence") {
        "列表，如 [\"甲\", \"乙\"]".into()
    } else if e.contains("string") {
        "加引号的文字".into()
    } else if e.contains("struct") || e.contains("map") {
        "一个表（[名称] 或 [[名称]]）".into()
    } else {
        expected.to_string()
    }
}

/// A TOML syntax error → Chinese: what is wrong, the offending line, and the line as it should
/// read when the cause is plain (Chinese punctuation where TOML needs ASCII, a bare word).
pub fn syntax_message_cn(msg: &str, line_text: Option<&str>) -> String {
    let line = line_text.map(str::trim).filter(|l| !l.is_empty());
    let (punct, fixed) = match line {
        Some(l) => fix_punctuation(l),
        None => (Vec::new(), String::new()),
    };
    let what = if !punct.is_empty() {
        format!(
            "这一行用了中文（全角）标点：{}。TOML 配置文件里的引号、逗号、等号、括号都要用英文半角符号",
            punct.join("，")
        )
    } else {
        syntax_kind_cn(msg.trim())
    };
    let fix = if !punct.is_empty() {
        Some(fixed)
    } else if msg.contains("string values must be quoted") {
        line.and_then(quote_value)
    } else {
        None
    };
    match (line, fix) {
        (Some(l), Some(f)) if f != l => format!("{what}：{l}（应改为：{f}）"),
        (Some(l), _) => format!("{what}：{l}"),
        (None, _) => what,
    }
}

/// toml's English error kind → what to do, in Chinese.
fn syntax_kind_cn(m: &str) -> String {
    let table: [(&str, &str); 12] = [
        ("duplicate key", "同一个配置项写了两次，请删去其中一个"),
        (
            "invalid date",
            "日期无效，应写作真实存在的日期，如 2026-03-05（不加引号）",
        ),
        (
            "invalid time",
            "日期无效，应写作真实存在的日期，如 2026-03-05（不加引号）",
        ),
        (
            "string values must be quoted",
            "文字必须用英文双引号括起来，如 name = \"学工处\"",
        ),
        (
            "invalid basic string",
            "引号没有配对：文字要用一对英文双引号 \"…\" 括起来",
        ),
        (
            "invalid literal string",
            "引号没有配对：文字要用一对英文双引号 \"…\" 括起来",
        ),
        (
            "missing comma",
            "列表的各项之间缺少英文逗号 ,（如 [\"甲\", \"乙\"]）",
        ),
        (
            "key with no value",
            "配置项后面缺少英文等号 = 和值，应写作 名称 = 值",
        ),
        (
            "unclosed table",
            "方括号没有配对，表名应写作 [名称] 或 [[名称]]",
        ),
        (
            "unclosed array",
            "列表的方括号没有配对，应写作 [\"甲\", \"乙\"]",
        ),
        (
            "invalid boolean",
            "是/否只能写 true 或 false（小写，不加引号）",
        ),
        (
            "invalid unquoted key",
            "配置项名称只能用英文字母、数字、- 和 _",
        ),
    ];
    if let Some((_, cn)) = table.iter().find(|(en, _)| m.contains(en)) {
        return (*cn).to_string();
    }
    if m.contains("unclosed") {
        "引号或括号没有配对".into()
    } else if m.contains("unexpected") {
        "这一行有多余的内容：一行只写一项 名称 = 值，行尾的说明以英文 # 开头".into()
    } else {
        "写法有误，请对照 tongbao init 生成的示例配置检查这一行（引号、逗号、等号、括号都用英文半角符号）"
            .into()
    }
}

/// Full-width punctuation → its ASCII counterpart, with the name staff know it by.
const FULL_WIDTH: [(char, char, &str); 13] = [
    ('“', '"', "中文引号“”（应为英文双引号 \"）"),
    ('”', '"', "中文引号“”（应为英文双引号 \"）"),
    ('‘', '"', "中文单引号‘’（应为英文双引号 \"）"),
    ('’', '"', "中文单引号‘’（应为英文双引号 \"）"),
    ('，', ',', "全角逗号，（应为英文逗号 ,）"),
    ('、', ',', "顿号、（应为英文逗号 ,）"),
    ('＝', '=', "全角等号＝（应为英文等号 =）"),
    ('：', '=', "冒号：（应为英文等号 =）"),
    ('【', '[', "中文方括号【】（应为英文方括号 []）"),
    ('】', ']', "中文方括号【】（应为英文方括号 []）"),
    ('［', '[', "全角方括号［］（应为英文方括号 []）"),
    ('］', ']', "全角方括号［］（应为英文方括号 []）"),
    ('＃', '#', "全角井号＃（应为英文 #）"),
];

/// The Chinese punctuation a line uses where TOML needs ASCII, and the line with it replaced.
/// Text inside well-paired ASCII quotes and comments is left alone; when the ASCII quotes do
/// not pair up (`"学工处”`), a Chinese quote is the likely culprit wherever it stands.
fn fix_punctuation(line: &str) -> (Vec<String>, String) {
    let paired = line.matches('"').count().is_multiple_of(2);
    let mut found: Vec<String> = Vec::new();
    let mut out = String::new();
    let mut in_str = false;
    let mut comment = false;
    for c in line.chars() {
        if c == '"' && !comment {
            in_str = !in_str;
        }
        if c == '#' && (!in_str || !paired) {
            comment = true;
        }
        let spot = !comment && (!in_str || !paired);
        match FULL_WIDTH
            .iter()
            .find(|(fw, _, _)| *fw == c)
            .filter(|_| spot)
        {
            Some((_, ascii, name)) => {
                if !found.iter().any(|f| f == name) {
                    found.push((*name).to_string());
                }
                out.push(*ascii);
            }
            None if c == '\u{3000}' && spot => {
                let name = "全角空格（应为英文空格或删去）".to_string();
                if !found.contains(&name) {
                    found.push(name);
                }
                out.push(' ');
            }
            None => out.push(c),
        }
    }
    (found, out)
}

/// `key = 学工处` → `key = "学工处"` (a bare word where text needs quotes).
fn quote_value(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let (value, comment) = match value.split_once('#') {
        Some((v, c)) => (v, format!("  #{c}")),
        None => (value, String::new()),
    };
    let v = value.trim();
    if v.is_empty() || v.contains('"') {
        return None;
    }
    Some(format!("{} = \"{v}\"{comment}", key.trim()))
}

/// The config file's bytes as text: UTF-8, with or without a byte-order mark (Notepad writes
/// one). Anything else gets a Chinese explanation of how to re-save the file as UTF-8.
pub fn decode_text(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    const RESAVE: &str = "请用记事本打开它，点“文件 → 另存为”，在“编码”中选 UTF-8 后保存；\
                          或在 WPS 中“另存为”文本文件并选择 UTF-8 编码";
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(format!(
            "是 UTF-16（记事本中的“Unicode”）编码，程序只认 UTF-8 编码。{RESAVE}。"
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        format!(
            "不是 UTF-8 编码（第{line}行起有无法识别的文字，多半是按 GBK/ANSI 编码保存的）。{RESAVE}。"
        )
    })
}

#[cfg(test)]
mod tests {
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
}
