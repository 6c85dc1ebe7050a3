//! Which versions of the rule files an explanation used: each file's path and
//! the SHA-256 of its text, so that two printouts of the "same" explanation
//! made before and after an edit can be told apart.
//!
//! SHA-256 rather than a faster non-cryptographic hash: it is the digest
//! `sha256sum FILE` prints, so a reader can check a printout against a file
//! with a tool every system has. The text shows its first 12 hexadecimal
//! digits (48 bits: a different file matching by chance is out of reach);
//! the JSON gives all 64.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::layers::Role;
use crate::model::RuleSet;

/// Hexadecimal digits of a digest an explanation's text shows.
pub const SHORT_DIGITS: usize = 12;

/// One file of a rule set, as read for this explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileVersion {
    /// Its path as read.
    pub path: String,
    /// `named`, `amended`, `law` or `agreement`.
    pub role: &'static str,
    /// The SHA-256 of the file's text, 64 lowercase hexadecimal digits.
    pub sha256: String,
}

impl FileVersion {
    /// The digest's first digits, as the text shows them.
    pub fn short(&self) -> &str {
        &self.sha256[..SHORT_DIGITS.min(self.sha256.len())]
    }
}

/// Each file of the rule set, the named one first, with its digest.
pub fn file_versions(rules: &RuleSet) -> Vec<FileVersion> {
    rules
        .layers
        .iter()
        .map(|layer| {
            let text = rules
                .sources
                .files()
                .find(|f| *f.name == *layer.path)
                .map_or("", |f| &f.text);
            FileVersion {
                path: layer.path.clone(),
                role: role_word(layer.role),
                sha256: sha256_hex(text.as_bytes()),
            }
        })
        .collect()
}

pub(super) fn role_word(role: Role) -> &'static str {
    match role {
        Role::Named => "named",
        Role::Amended => "amended",
        Role::Law => "law",
        Role::Agreement => "agreement",
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_is_the_one_sha256sum_prints() {
        // `printf 'abc' | sha256sum` (FIPS 180-2, appendix B.1).
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
