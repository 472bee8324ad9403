//! SHA-256 content hashes, in lower-case hex: what the manifest records for
//! every input and output, and what identifies a template set in shard
//! records. And FNV-1a, the small hash that seeds the draws from a
//! profile's id and assigns profiles to shards.

use sha2::{Digest, Sha256};
use std::io::{self, Write};

/// FNV-1a (64-bit) of `text`: stable across platforms and releases, unlike
/// std's hasher, and fast on short keys. Not for content identity (that is
/// SHA-256's).
pub(crate) fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The SHA-256 of `bytes`, as 64 hex digits.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A writer that hashes what passes through it, so a large file is hashed
/// as it is streamed, never held in memory.
pub(crate) struct HashingWriter<'w> {
    inner: &'w mut dyn Write,
    hash: Sha256,
}

impl<'w> HashingWriter<'w> {
    pub(crate) fn new(inner: &'w mut dyn Write) -> HashingWriter<'w> {
        HashingWriter {
            inner,
            hash: Sha256::new(),
        }
    }

    /// The SHA-256 of everything written, as 64 hex digits.
    pub(crate) fn finish(self) -> String {
        hex(&self.hash.finalize())
    }
}

impl Write for HashingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_and_whole_hashes_agree() {
        let mut sink = Vec::new();
        let mut w = HashingWriter::new(&mut sink);
        w.write_all(b"ab").unwrap();
        w.write_all(b"c").unwrap();
        let streamed = w.finish();
        assert_eq!(streamed, sha256_hex(b"abc"));
        assert_eq!(
            streamed,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(sink, b"abc");
    }
}
