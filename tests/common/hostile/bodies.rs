//! The hostile server's bodies: a gzip bomb, binary bytes, and pages that are not what their headers say.

use std::io::Write;
use std::sync::OnceLock;

/// What the gzip bomb inflates to: several times the limit, from a body a thousand times smaller.
const BOMB_INFLATED: usize = 32 * 1024 * 1024;

/// A gzip body of `BOMB_INFLATED` bytes of HTML-ish filler, compressed once per test binary.
pub(super) fn bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(b"<html><body><p>").expect("gzip in memory");
        let zeros = vec![b'0'; 1024 * 1024];
        for _ in 0..BOMB_INFLATED / zeros.len() {
            gz.write_all(&zeros).expect("gzip in memory");
        }
        gz.finish().expect("gzip in memory")
    })
}

/// The first bytes of a PNG, then noise: enough to be recognisably binary.
pub(super) const PNG: [u8; 64] = {
    let mut b = [0u8; 64];
    let sig = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    let mut i = 0;
    while i < 64 {
        b[i] = if i < 8 {
            sig[i]
        } else {
            (i as u8).wrapping_mul(37) ^ 0xa5
        };
        i += 1;
    }
    b
};

/// Binary bodies sent with no content type at all.
pub const UNTYPED: &[&str] = &["png", "pdf", "gzip", "zip", "nul-bytes"];

pub(super) fn untyped_body(name: &str) -> Vec<u8> {
    match name {
        "png" => PNG.to_vec(),
        "pdf" => b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec(),
        "gzip" => bomb()[..256].to_vec(),
        "zip" => b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec(),
        _ => b"<p>\0\0\0\x01\x02</p>".to_vec(),
    }
}

/// Responses that are not well-formed HTTP.
pub const BROKEN: &[&str] = &[
    "header-flood",
    "endless-header-line",
    "short-body",
    "bad-status-line",
    "not-http",
    "bad-chunking",
    "two-lengths",
    "hang-up",
];

/// Bodies that are labelled as pages but are not what they say: (content type, extra headers, body).
pub const ODD_BODIES: &[&str] = &[
    "invalid-utf8",
    "invalid-utf8-unlabelled",
    "utf16-label-odd-length",
    "unknown-charset",
    "nul-bytes",
    "lone-surrogates",
    "overlong-utf8",
    "binary-as-html",
    "broken-gzip",
    "empty",
];

pub(super) fn odd_body(name: &str) -> (&'static str, &'static [(&'static str, &'static str)], Vec<u8>) {
    let article = |middle: &[u8]| {
        [
            b"<html><body><p>The budget rose by 12% ".as_slice(),
            middle,
            b"</p></body></html>",
        ]
        .concat()
    };
    match name {
        "invalid-utf8" => (
            "text/html; charset=utf-8",
            &[],
            article(b"\xff\xfe\xc3\x28 \xe2\x82 \xa0\xa1"),
        ),
        "invalid-utf8-unlabelled" => ("text/html", &[], article(b"caf\xe9 \x93quoted\x94 \xc0\xaf")),
        "utf16-label-odd-length" => ("text/html; charset=utf-16", &[], article(b"x")),
        "unknown-charset" => ("text/html; charset=x-no-such-charset", &[], article(b"\xfe\xff")),
        "nul-bytes" => ("text/html", &[], article(b"\0\0\0 in 2023\0")),
        "lone-surrogates" => ("text/html; charset=utf-8", &[], article(b"\xed\xa0\x80\xed\xbf\xbf")),
        "overlong-utf8" => ("text/html; charset=utf-8", &[], article(b"\xc0\xbc\xe0\x80\xbcscript")),
        "binary-as-html" => ("text/html", &[], PNG.repeat(1000)),
        "broken-gzip" => (
            "text/html",
            &[("Content-Encoding", "gzip")],
            b"\x1f\x8b\x08\x00garbage-not-deflate".to_vec(),
        ),
        _ => ("text/html", &[], Vec::new()),
    }
}
