//! Operating-system errors (`std::io::Error`) explained in Chinese for office staff: what
//! happened and what to do, with the system's error number only as a reference. Used wherever
//! a file or folder is read or written, and by the CLI for any I/O error left in a cause chain.

use std::io::{Error, ErrorKind};

/// Whether the failed operation was reading or writing (picks 读取/写入 in the explanation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// The Chinese explanation of `e`, e.g. 磁盘已满，请清理磁盘空间后重试（系统错误代码 28）.
pub fn explain(e: &Error, access: Access) -> String {
    let what = if in_use(e) {
        "文件正被其他程序占用（如 Excel、WPS 正打开它），请关闭后重试".to_string()
    } else {
        kind_text(e.kind(), access)
    };
    match e.raw_os_error() {
        Some(code) => format!("{what}（系统错误代码 {code}）"),
        None => what,
    }
}

/// True for Windows' sharing and lock violations (a file open in Excel/WPS).
pub fn in_use(e: &Error) -> bool {
    // ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33); on Unix these numbers mean
    // something else (EPIPE, EDOM).
    cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33))
}

fn kind_text(kind: ErrorKind, access: Access) -> String {
    let verb = match access {
        Access::Read => "读取",
        Access::Write => "写入",
    };
    let text = match kind {
        ErrorKind::NotFound => "文件或文件夹不存在",
        ErrorKind::PermissionDenied => {
            return format!(
                "没有{verb}权限（文件或文件夹只读、无权访问，或正被其他程序占用），\
                 请检查文件夹权限或关闭占用它的程序后重试"
            );
        }
        ErrorKind::StorageFull => "磁盘已满，请清理磁盘空间后重试",
        ErrorKind::QuotaExceeded => "超出了磁盘配额，请清理空间或联系管理员",
        ErrorKind::ReadOnlyFilesystem => "磁盘或共享文件夹是只读的，请换一个可写的位置",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
            "文件正被其他程序占用，请关闭后重试"
        }
        ErrorKind::AlreadyExists => "已存在同名的文件或文件夹",
        ErrorKind::IsADirectory => "这是一个文件夹，不是文件",
        ErrorKind::NotADirectory => "路径中有一部分是文件而不是文件夹",
        ErrorKind::DirectoryNotEmpty => "文件夹不是空的",
        ErrorKind::InvalidFilename => "文件名无效（太长或含有不允许的字符）",
        ErrorKind::FileTooLarge => "文件太大",
        ErrorKind::CrossesDevices => "不能跨磁盘移动，请把输出文件夹放在同一个磁盘上",
        ErrorKind::InvalidData => "文件内容无效（例如不是 UTF-8 编码的文本）",
        ErrorKind::UnexpectedEof => "文件不完整（提前结束）",
        ErrorKind::TimedOut => "操作超时（网络共享文件夹没有响应？）",
        ErrorKind::Interrupted => "操作被中断，请重试",
        ErrorKind::OutOfMemory => "内存不足",
        ErrorKind::Unsupported => "操作系统或文件系统不支持此操作",
        ErrorKind::StaleNetworkFileHandle => "网络共享文件已失效，请重新连接共享文件夹",
        ErrorKind::NetworkDown
        | ErrorKind::NetworkUnreachable
        | ErrorKind::HostUnreachable
        | ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::BrokenPipe => "网络连接中断（共享文件夹断开？），请检查网络后重试",
        ErrorKind::TooManyLinks => "链接过多",
        ErrorKind::WouldBlock => "文件暂时无法访问，请稍后重试",
        _ => return format!("{verb}时发生系统错误"),
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_errors_are_chinese() {
        #[cfg(unix)]
        assert_eq!(
            explain(&Error::from_raw_os_error(28), Access::Write),
            "磁盘已满，请清理磁盘空间后重试（系统错误代码 28）"
        );
        let denied = Error::from(ErrorKind::PermissionDenied);
        assert!(explain(&denied, Access::Write).starts_with("没有写入权限"));
        assert!(explain(&denied, Access::Read).starts_with("没有读取权限"));
        let missing = Error::from(ErrorKind::NotFound);
        assert_eq!(explain(&missing, Access::Read), "文件或文件夹不存在");
        let other = Error::other("boom");
        assert_eq!(explain(&other, Access::Write), "写入时发生系统错误");
    }

    #[test]
    fn no_english_for_any_kind() {
        let kinds = [
            ErrorKind::NotFound,
            ErrorKind::PermissionDenied,
            ErrorKind::StorageFull,
            ErrorKind::ReadOnlyFilesystem,
            ErrorKind::ResourceBusy,
            ErrorKind::InvalidFilename,
            ErrorKind::TimedOut,
            ErrorKind::Other,
        ];
        for k in kinds {
            let t = explain(&Error::from(k), Access::Write);
            assert!(!t.chars().any(|c| c.is_ascii_alphabetic()), "{k:?}: {t}");
        }
    }
}
