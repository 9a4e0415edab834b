//! The closed sets of a unit's outcome: `Grade` (优秀 … 不合格（一票否决）), `VetoId` V1–V5 of 七
//! with its clause and condition, and where an accident record came from. Each serialises as
//! the text results.json has always carried.

use serde::{Serialize, Serializer};
use std::fmt;

/// 优秀 / 良好 / 合格 / 不合格 / 不合格（一票否决） (mechanism.md 年终考核, 七).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Grade {
    Excellent,
    Good,
    Pass,
    /// Below the pass line; also the value before scoring.
    #[default]
    Fail,
    /// 不合格（一票否决）: whatever the score.
    Vetoed,
    /// No score yet (a year preview with nothing judged): `null` in results.json, shown —.
    NotYet,
}

impl Grade {
    pub fn label(self) -> &'static str {
        match self {
            Grade::Excellent => "优秀",
            Grade::Good => "良好",
            Grade::Pass => "合格",
            Grade::Fail => "不合格",
            Grade::Vetoed => "不合格（一票否决）",
            Grade::NotYet => "—",
        }
    }
}

/// V1–V5 (七): the conditions of 一票否决.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VetoId {
    V1,
    V2,
    V3,
    V4,
    V5,
}

impl VetoId {
    pub fn as_str(self) -> &'static str {
        match self {
            VetoId::V1 => "V1",
            VetoId::V2 => "V2",
            VetoId::V3 => "V3",
            VetoId::V4 => "V4",
            VetoId::V5 => "V5",
        }
    }
    /// Clause of 七 the condition comes from.
    pub fn clause(self) -> &'static str {
        match self {
            VetoId::V1 => "七.3 一",
            VetoId::V2 => "七.3 二",
            VetoId::V3 => "七.3 三",
            VetoId::V4 => "七.3 四",
            VetoId::V5 => "七.1",
        }
    }
    /// The condition in words.
    pub fn condition(self) -> &'static str {
        match self {
            VetoId::V1 => "发生重大校园安全事故",
            VetoId::V2 => "较大校园安全事故超过控制目标",
            VetoId::V3 => "综治安全目标责任制考评不达标",
            VetoId::V4 => "谎报或隐瞒不报安全事故，且造成不良影响",
            VetoId::V5 => "对较大及以上学校安全事故负有责任",
        }
    }
}

/// Where a unit's accident record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccidentSource {
    /// A row of the unit's 安全事故 sheet (with its determination, if any).
    Ledger,
    /// A determination of the central register matching no reported accident.
    Register,
}

impl Serialize for Grade {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Grade::NotYet => s.serialize_none(),
            g => s.serialize_str(g.label()),
        }
    }
}

impl Serialize for VetoId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Grades and veto IDs are text wherever they are shown: `&u.grade` reads as `&str`.
macro_rules! as_text {
    ($t:ty, $f:ident) => {
        impl std::ops::Deref for $t {
            type Target = str;
            fn deref(&self) -> &str {
                self.$f()
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.$f())
            }
        }
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.$f() == *other
            }
        }
    };
}

as_text!(Grade, label);
as_text!(VetoId, as_str);
