//! The newsroom webhook's signature: `X-Crosscheck-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`
//! with `X-Crosscheck-Timestamp: <unix seconds>`, compared in constant time, with a five-minute replay window.
//! The same scheme signs the callbacks crosscheck sends back.

use hmac::{KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = hmac::Hmac<Sha256>;

pub const TIMESTAMP_HEADER: &str = "X-Crosscheck-Timestamp";
pub const SIGNATURE_HEADER: &str = "X-Crosscheck-Signature";
pub const DELIVERY_HEADER: &str = "X-Crosscheck-Delivery";
/// How far a timestamp may be from now, either way.
pub const REPLAY_WINDOW_SECS: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the {TIMESTAMP_HEADER} header is missing or not unix seconds")]
    BadTimestamp,
    #[error("the timestamp is more than {REPLAY_WINDOW_SECS} s from now (replay?)")]
    Stale,
    #[error("the {SIGNATURE_HEADER} header is missing or not sha256=<hex>")]
    Malformed,
    #[error("the signature does not match the body")]
    Mismatch,
}

/// `sha256=<hex>` for a body sent at `timestamp`.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    format!(
        "sha256={}",
        crate::fetch::hex(&mac(secret, timestamp, body).finalize().into_bytes())
    )
}

fn mac(secret: &str, timestamp: i64, body: &[u8]) -> HmacSha256 {
    let mut m = <HmacSha256 as KeyInit>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    m.update(timestamp.to_string().as_bytes());
    m.update(b".");
    m.update(body);
    m
}

/// Checks a request's timestamp and signature headers against its raw body.
pub fn verify(
    secret: &str,
    timestamp: Option<&str>,
    signature: Option<&str>,
    body: &[u8],
    now: i64,
) -> Result<(), SignatureError> {
    let ts: i64 = timestamp
        .and_then(|t| t.trim().parse().ok())
        .ok_or(SignatureError::BadTimestamp)?;
    if (now - ts).abs() > REPLAY_WINDOW_SECS {
        return Err(SignatureError::Stale);
    }
    let hex = signature
        .and_then(|s| s.trim().strip_prefix("sha256="))
        .ok_or(SignatureError::Malformed)?;
    let given = unhex(hex).ok_or(SignatureError::Malformed)?;
    // verify_slice compares in constant time.
    mac(secret, ts, body)
        .verify_slice(&given)
        .map_err(|_| SignatureError::Mismatch)
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_vector_matches_openssl() {
        // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
        assert_eq!(
            sign("s3cret", 1_700_000_000, br#"{"a":1}"#),
            "sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940"
        );
    }

    #[test]
    fn good_signature_passes_and_any_change_fails() {
        let body = br#"{"event":"article.updated"}"#;
        let sig = sign("k", 1000, body);
        assert_eq!(verify("k", Some("1000"), Some(&sig), body, 1100), Ok(()));
        assert_eq!(
            verify("k", Some("1000"), Some(&sig), b"{}", 1100),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify("other", Some("1000"), Some(&sig), body, 1100),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify("k", Some("1001"), Some(&sig), body, 1100),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn stale_missing_and_malformed_headers_fail() {
        let sig = sign("k", 1000, b"x");
        assert_eq!(
            verify("k", Some("1000"), Some(&sig), b"x", 1301),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify("k", Some("1000"), Some(&sig), b"x", 699),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify("k", None, Some(&sig), b"x", 1000),
            Err(SignatureError::BadTimestamp)
        );
        assert_eq!(
            verify("k", Some("1000"), None, b"x", 1000),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify("k", Some("1000"), Some("sha256=zz"), b"x", 1000),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify("k", Some("1000"), Some("md5=00"), b"x", 1000),
            Err(SignatureError::Malformed)
        );
    }
}
