//! Bytes → text, honouring the page's charset: byte-order mark first, then the HTTP `Content-Type` charset, then a
//! `<meta charset>` / `<meta http-equiv>` in the first 4 KiB, then UTF-8 — and windows-1252 when the bytes are not
//! valid UTF-8 (the usual truth of an unlabelled old page).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page a `<meta charset>` is looked for (the HTML standard says 1024; real pages go further).
const META_SNIFF_BYTES: usize = 4096;

/// Decodes a page body to UTF-8 text. Never fails: undecodable bytes become U+FFFD.
pub fn decode(body: &[u8], content_type: Option<&str>) -> String {
    let (encoding, bom_len) = match Encoding::for_bom(body) {
        Some((enc, len)) => (enc, len),
        None => (
            label_from_header(content_type)
                .or_else(|| label_from_meta(body))
                .unwrap_or(UTF_8),
            0,
        ),
    };
    let bytes = &body[bom_len..];
    if encoding == UTF_8 && std::str::from_utf8(bytes).is_err() && bom_len == 0 {
        // Declared or assumed UTF-8 that is not: windows-1252 reads every byte.
        return WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned();
    }
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fn label_from_header(content_type: Option<&str>) -> Option<&'static Encoding> {
    let ct = content_type?;
    ct.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| Encoding::for_label(v.trim().trim_matches('"').as_bytes()))?
    })
}

fn label_from_meta(body: &[u8]) -> Option<&'static Encoding> {
    let head = &body[..body.len().min(META_SNIFF_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let at = from + pos + b"charset".len();
        from = at;
        let rest = &lower[at..];
        let rest = skip(rest, |b| b == b' ');
        let Some(rest) = rest.strip_prefix(b"=") else { continue };
        let rest = skip(rest, |b| b == b' ' || b == b'"' || b == b'\'');
        let end = rest
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .unwrap_or(rest.len());
        if let Some(enc) = Encoding::for_label(&rest[..end]) {
            // A page that says UTF-16 in ASCII bytes is not UTF-16 (HTML standard): read it as UTF-8.
            return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                UTF_8
            } else {
                enc
            });
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn skip(bytes: &[u8], pred: impl Fn(u8) -> bool) -> &[u8] {
    let n = bytes.iter().take_while(|&&b| pred(b)).count();
    &bytes[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_windows_1252_decodes_pound_and_apostrophe() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>the Met\x92s \xa3480m</body></html>";
        assert!(decode(page, None).contains("the Met’s £480m"));
    }

    #[test]
    fn header_charset_wins_over_meta() {
        let page = b"<meta charset=\"utf-8\">caf\xe9";
        assert!(decode(page, Some("text/html; charset=ISO-8859-1")).ends_with("café"));
    }

    #[test]
    fn bom_wins_over_everything() {
        let page = b"\xef\xbb\xbf<meta charset=\"windows-1252\">\xc2\xa3";
        assert!(decode(page, Some("text/html; charset=windows-1252")).ends_with('£'));
    }

    #[test]
    fn unlabelled_invalid_utf8_falls_back_to_windows_1252() {
        assert_eq!(decode(b"\x93quoted\x94", None), "“quoted”");
    }

    #[test]
    fn http_equiv_content_type_is_read() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\xe9";
        assert!(decode(page, None).ends_with('é'));
    }
}
