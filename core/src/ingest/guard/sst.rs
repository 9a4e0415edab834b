//! The lengths of an .xls shared string table (SST record + CONTINUE records), walked exactly as
//! calamine 0.38 `parse_sst` reads it (a string's characters may continue in the next CONTINUE,
//! which then opens with a fresh flags byte), without decoding any text.

use super::{u16_at, u32_at};

/// The SST record's payload and its CONTINUE payloads, read as one.
struct Parts<'a> {
    rest: &'a [&'a [u8]],
    data: &'a [u8],
}

impl<'a> Parts<'a> {
    fn next(&mut self) -> bool {
        match self.rest.split_first() {
            Some((d, r)) => {
                (self.data, self.rest) = (d, r);
                true
            }
            None => false,
        }
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            if self.data.is_empty() && !self.next() {
                return None;
            }
            let l = n.min(self.data.len());
            self.data = self.data.get(l..).unwrap_or_default();
            n -= l;
        }
        Some(())
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = (self.data.get(..n)?, self.data.get(n..)?);
        self.data = tail;
        Some(head)
    }

    /// One XLUnicodeRichExtendedString: its character count.
    fn string(&mut self) -> Option<u64> {
        let head = self.take(3)?;
        let cch = usize::from(u16_at(head, 0)?);
        let flags = *head.get(2)?;
        let runs = match flags & 0x8 {
            0 => 0,
            _ => self.take(2).and_then(|b| u16_at(b, 0)).map(usize::from)?,
        };
        let ext = match flags & 0x4 {
            0 => 0,
            _ => self
                .take(4)
                .and_then(|b| u32_at(b, 0))
                .map(|n| n as i32 as usize)?,
        };
        let (mut left, mut wide) = (cch, flags & 1 == 1);
        loop {
            let width = if wide { 2 } else { 1 };
            let n = (self.data.len() / width).min(left);
            self.data = self.data.get(n * width..).unwrap_or_default();
            left -= n;
            if left == 0 {
                break;
            }
            if !self.next() {
                return None;
            }
            wide = self.take(1)?.first()? & 1 == 1;
        }
        self.skip(runs * 4)?;
        self.skip(ext)?;
        Some(cch as u64)
    }
}

/// Character counts of the SST strings in order; stops at the first malformed string (calamine
/// then refuses the file itself). `parts[0]` is the SST payload (cstTotal, cstUnique, strings).
pub fn lengths(parts: &[&[u8]]) -> Vec<u64> {
    let mut out = Vec::new();
    let Some((first, rest)) = parts.split_first() else {
        return out;
    };
    let Some(data) = first.get(8..) else {
        return out;
    };
    let mut p = Parts { rest, data };
    while !p.data.is_empty() || p.next() {
        match p.string() {
            Some(n) => out.push(n),
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_across_continue() {
        // 8-byte header; "ab" (8-bit); a 3-char UTF-16 string split after one char, the
        // CONTINUE opening with flags 0 (the rest 8-bit); a rich string with one run.
        let mut sst = vec![0u8; 8];
        sst.extend([2, 0, 0, b'a', b'b']);
        sst.extend([3, 0, 1, 0x57, 0x5B]);
        let cont = [0u8, b'x', b'y', 1, 0, 0x08, 1, 0, b'z', 0, 0, 0, 0];
        let parts: [&[u8]; 2] = [&sst, &cont];
        assert_eq!(lengths(&parts), vec![2, 3, 1]);
    }

    #[test]
    fn malformed_stops() {
        let mut sst = vec![0u8; 8];
        sst.extend([0xFF, 0xFF, 0]);
        assert_eq!(lengths(&[&sst]), Vec::<u64>::new());
        assert_eq!(lengths(&[&[0u8; 3][..]]), Vec::<u64>::new());
    }
}
