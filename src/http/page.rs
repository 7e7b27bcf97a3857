//! `GET /`: the page for people at a desk. A form (claim, optional speaker, optional source URLs one per line)
//! submits by GET, so an answer is a link to share and a page a test can load; the answer is rendered on the server:
//! the verdict in words, each source's stance, and the evidence passage with the matched figures and words in
//! `<mark>` and each difference shown in place as `<del>` (what the claim says) followed by `<ins>` (what the
//! source says).
//!
//! No script, no framework, no build step: HTML and a little CSS. Everything that comes from the request or from a
//! page is escaped by [`esc`] on the way out. When `CROSSCHECK_API_TOKENS` is set the page runs no checks (a form
//! cannot carry a bearer token, and the page must not be a way round the tokens); checks from the page share the
//! API's per-client rate limit.

use std::fmt::Write as _;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};

use super::claimreview::{rating, web_url};
use super::error::ApiError;
use super::AppState;
use crate::model::{CheckAnswer, CheckRequest, Evidence, Stance, Verdict};

/// The form's fields, as submitted.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PageQuery {
    claim: Option<String>,
    speaker: Option<String>,
    /// Source URLs, one per line.
    sources: Option<String>,
}

/// The page: the form, and with `?claim=` the answer under it.
#[utoipa::path(
    get,
    path = "/",
    tag = "service",
    params(
        ("claim" = Option<String>, Query, description = "The claim to check"),
        ("speaker" = Option<String>, Query, description = "Who is quoted"),
        ("sources" = Option<String>, Query, description = "Source URLs, one per line"),
    ),
    responses(
        (status = 200, description = "The page (with the answer when a claim was given)", body = String, content_type = "text/html"),
        (status = 422, description = "The page, saying why the claim cannot be checked", body = String, content_type = "text/html"),
    )
)]
pub async fn page(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let query = web::Query::<PageQuery>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .unwrap_or_default();
    let asked = query.claim.as_deref().is_some_and(|c| !c.trim().is_empty());
    let outcome = if asked {
        Some(run(&req, &state, &query).await)
    } else {
        None
    };
    let status = match &outcome {
        Some(Err(e)) => e.status_code(),
        _ => StatusCode::OK,
    };
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((
            "content-security-policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        ))
        .insert_header(("x-content-type-options", "nosniff"))
        .body(render(&query, outcome.as_ref()))
}

async fn run(req: &HttpRequest, state: &AppState, q: &PageQuery) -> Result<CheckAnswer, ApiError> {
    if !state.settings.api_tokens.is_empty() {
        return Err(ApiError::Unavailable(
            "this server requires an API token for checks, so the page cannot run them; use POST /v1/checks".into(),
        ));
    }
    let client = req.connection_info().peer_addr().unwrap_or("unknown").to_string();
    state.limiter.admit(&client).map_err(ApiError::RateLimited)?;
    let sources: Vec<String> = q
        .sources
        .as_deref()
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let input = CheckRequest {
        claim: q.claim.clone(),
        speaker: q.speaker.clone(),
        sources: (!sources.is_empty()).then_some(sources),
        id: None,
    }
    .parse()?;
    let started = std::time::Instant::now();
    let answer = state.engine.check(&input).await;
    state.metrics.check("single", started.elapsed());
    super::routes::store_check(state, answer).await
}

/// Escapes text for HTML content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Verdict → CSS class of its badge (colour is never the only signal: the word is always written).
const VERDICT_CLASS: &[(Verdict, &str)] = &[
    (Verdict::Supported, "good"),
    (Verdict::Contradicted, "bad"),
    (Verdict::Misquoted, "bad"),
    (Verdict::Misattributed, "bad"),
    (Verdict::Mixed, "warn"),
    (Verdict::NotFound, "none"),
    (Verdict::Unverifiable, "none"),
];

const STANCE_WORDS: &[(Stance, &str, &str)] = &[
    (Stance::Supports, "supports the claim", "good"),
    (Stance::Contradicts, "contradicts the claim", "bad"),
    (Stance::Mentions, "mentions the subject", "none"),
];

fn render(q: &PageQuery, outcome: Option<&Result<CheckAnswer, ApiError>>) -> String {
    let claim = q.claim.as_deref().unwrap_or("");
    let title = if claim.trim().is_empty() {
        "crosscheck — check a claim".to_string()
    } else {
        format!("{} — crosscheck", esc(claim.trim()))
    };
    let mut h = String::with_capacity(16 * 1024);
    let _ = write!(
        h,
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the form</a>
<header><p class="brand">crosscheck</p><p>Checks a figure or a quotation against its sources.</p></header>
<main id="main">
<h1>Check a claim</h1>
<form method="get" action="/">
<div class="field"><label for="claim">Claim</label>
<textarea id="claim" name="claim" rows="3" maxlength="2000" required aria-describedby="claim-hint">{claim}</textarea>
<p id="claim-hint" class="hint">A sentence with a figure, or a quotation in quote marks.</p></div>
<div class="field"><label for="speaker">Speaker <span class="hint">(optional)</span></label>
<input id="speaker" name="speaker" type="text" autocomplete="off" value="{speaker}" aria-describedby="speaker-hint">
<p id="speaker-hint" class="hint">Who the claim quotes; the words are then checked as theirs.</p></div>
<div class="field"><label for="sources">Source URLs <span class="hint">(optional)</span></label>
<textarea id="sources" name="sources" rows="3" aria-describedby="sources-hint">{sources}</textarea>
<p id="sources-hint" class="hint">One per line. Without any, the registry of known sources is searched.</p></div>
<button type="submit">Check</button>
</form>
"##,
        claim = esc(claim),
        speaker = esc(q.speaker.as_deref().unwrap_or("")),
        sources = esc(q.sources.as_deref().unwrap_or("")),
    );
    match outcome {
        Some(Ok(answer)) => render_answer(&mut h, answer),
        Some(Err(e)) => {
            let _ = writeln!(
                h,
                r#"<section class="problem" role="alert" aria-labelledby="problem-heading"><h2 id="problem-heading">{}</h2><p>{}</p></section>"#,
                esc(&e.problem().title),
                esc(&e.to_string())
            );
        }
        None => {}
    }
    h.push_str(
        r#"</main>
<footer><p>For programs: <a href="/openapi.json">OpenAPI</a> · <a href="/v1/sources">the registry</a> · <a href="/metrics">metrics</a></p></footer>
</body>
</html>
"#,
    );
    h
}

fn render_answer(h: &mut String, a: &CheckAnswer) {
    let class = VERDICT_CLASS
        .iter()
        .find(|(v, _)| *v == a.verdict)
        .map_or("none", |(_, c)| c);
    let (_, words) = rating(a.verdict);
    let _ = write!(
        h,
        r#"<section class="answer" aria-labelledby="verdict-heading">
<h2 id="verdict-heading">Verdict: <strong class="badge {class}">{verdict}</strong></h2>
<p class="words">{words}</p>
<p class="summary">{summary}</p>
<p class="meta">Confidence {confidence:.0}%"#,
        verdict = esc(a.verdict.as_str()),
        words = esc(words),
        summary = esc(&a.summary),
        confidence = a.confidence * 100.0,
    );
    if let Some(id) = &a.check_id {
        let id = esc(id);
        let _ = write!(
            h,
            r#" · <a href="/v1/checks/{id}">as JSON</a> · <a href="/v1/checks/{id}?format=claimreview">as ClaimReview</a>"#
        );
    }
    h.push_str("</p>\n");
    if !a.evidence.is_empty() {
        h.push_str("<h3>Evidence</h3>\n<ol class=\"evidence\">\n");
        for (i, e) in a.evidence.iter().enumerate() {
            render_evidence(h, i, e, &a.claim);
        }
        h.push_str("</ol>\n");
    }
    h.push_str(
        "<h3>Sources read</h3>\n<table><thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Status</th>\
         <th scope=\"col\">Read at</th></tr></thead><tbody>\n",
    );
    for s in &a.sources {
        let status = match &s.error {
            Some(err) => format!("{} — {}", esc(&s.status), esc(err)),
            None => esc(&s.status),
        };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{status}</td><td>{}</td></tr>",
            link(&s.url, &s.url),
            esc(s.fetched_at.as_deref().unwrap_or("—"))
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

/// A link when the label is a web address, plain text otherwise (never an `href` from anything else).
fn link(label: &str, text: &str) -> String {
    match web_url(label) {
        Some(url) => format!(r#"<a href="{}">{}</a>"#, esc(url), esc(text)),
        None => esc(text),
    }
}

fn render_evidence(h: &mut String, i: usize, e: &Evidence, claim: &str) {
    let (stance_words, stance_class) = STANCE_WORDS
        .iter()
        .find(|(s, _, _)| *s == e.stance)
        .map_or(("", "none"), |(_, w, c)| (*w, *c));
    let title = e.title.as_deref().unwrap_or(&e.source);
    let _ = write!(
        h,
        r#"<li><article aria-labelledby="ev-{i}">
<h4 id="ev-{i}">{}{}</h4>
<p><span class="badge {stance_class}">{stance_words}</span>"#,
        link(&e.source, title),
        e.publisher.as_deref().map_or(String::new(), |p| format!(
            " <span class=\"publisher\">— {}</span>",
            esc(p)
        )),
    );
    if let Some(s) = &e.speaker {
        let _ = write!(h, " · said by {}", esc(s));
    }
    let cite = web_url(&e.source).map_or(String::new(), |u| format!(r#" cite="{}""#, esc(u)));
    let _ = write!(
        h,
        "</p>\n<blockquote{cite}><p>{}</p></blockquote>\n",
        highlight(&e.passage, e, claim)
    );
    let figures: Vec<String> = e
        .matched_quantities
        .iter()
        .map(|m| {
            if m.agree {
                format!(
                    "<li>{} — the source says <mark>{}</mark></li>",
                    esc(&m.claim),
                    esc(&m.source)
                )
            } else {
                format!(
                    "<li>the claim says <del>{}</del>, the source says <ins>{}</ins></li>",
                    esc(&m.claim),
                    esc(&m.source)
                )
            }
        })
        .chain(e.differences.iter().map(|d| {
            format!(
                "<li>the claim says <del>{}</del>, the source says <ins>{}</ins></li>",
                esc(&d.claim),
                esc(&d.source)
            )
        }))
        .collect();
    if !figures.is_empty() {
        let _ = writeln!(
            h,
            "<ul class=\"compared\" aria-label=\"What was compared\">{}</ul>",
            figures.concat()
        );
    }
    h.push_str("</article></li>\n");
}

#[derive(Debug, Clone, PartialEq)]
enum Span {
    /// A figure or words of the claim found as they are.
    Match,
    /// The source's words where the claim has others (shown as `<del>claim</del><ins>source</ins>`).
    Differs(String),
}

/// The passage, escaped, with what matched in `<mark>` and each difference as `<del>`/`<ins>` in place.
fn highlight(passage: &str, e: &Evidence, claim: &str) -> String {
    let lower = passage.to_ascii_lowercase();
    let mut spans: Vec<(usize, usize, Span)> = Vec::new();
    let place = |needle: &str, kind: Span, spans: &mut Vec<(usize, usize, Span)>| {
        let needle = needle.trim().to_ascii_lowercase();
        if needle.is_empty() {
            return;
        }
        let free = lower
            .match_indices(&needle)
            .map(|(at, _)| (at, at + needle.len()))
            .find(|(s, t)| spans.iter().all(|(a, b, _)| t <= a || s >= b));
        if let Some((s, t)) = free {
            spans.push((s, t, kind));
        }
    };
    for d in &e.differences {
        place(&d.source, Span::Differs(d.claim.clone()), &mut spans);
    }
    for m in &e.matched_quantities {
        let kind = if m.agree {
            Span::Match
        } else {
            Span::Differs(m.claim.clone())
        };
        place(&m.source, kind, &mut spans);
    }
    if e.stance == Stance::Supports && e.matched_quantities.is_empty() {
        // A quotation found as it is: mark the quoted words themselves.
        place(quoted(claim), Span::Match, &mut spans);
    }
    spans.sort_by_key(|(s, _, _)| *s);
    let mut out = String::with_capacity(passage.len() + 64);
    let mut at = 0;
    for (s, t, kind) in spans {
        out.push_str(&esc(&passage[at..s]));
        match kind {
            Span::Match => {
                let _ = write!(out, "<mark>{}</mark>", esc(&passage[s..t]));
            }
            Span::Differs(claim_words) => {
                let _ = write!(
                    out,
                    "<del><span class=\"sr\">the claim says: </span>{}</del><ins><span class=\"sr\">the source says: </span>{}</ins>",
                    esc(&claim_words),
                    esc(&passage[s..t])
                );
            }
        }
        at = t;
    }
    out.push_str(&esc(&passage[at..]));
    out
}

/// The words inside the claim's quotation marks, or the whole claim.
fn quoted(claim: &str) -> &str {
    const OPEN: &[char] = &['"', '“', '‘', '\''];
    const CLOSE: &[char] = &['"', '”', '’', '\''];
    match (claim.find(OPEN), claim.rfind(CLOSE)) {
        (Some(s), Some(t)) if t > s => {
            let open_len = claim[s..].chars().next().map_or(1, char::len_utf8);
            claim[s + open_len..t].trim()
        }
        _ => claim.trim(),
    }
}

/// Contrast: body text #1a1a1a on white (17:1); badge and diff colours are ≥ 7:1 on their tints.
const STYLE: &str = "
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;background:#fff}
header,main,footer{max-width:52rem;margin:0 auto;padding:0 1.25rem}
header{border-bottom:1px solid #d0d0d0;padding-top:1rem}
.brand{font-weight:700;font-size:1.25rem;margin:0}
h1{font-size:1.75rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.field{margin:0 0 1rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
textarea,input[type=text]{width:100%;font:inherit;padding:.5rem;border:2px solid #555;border-radius:4px;color:#1a1a1a}
.hint{color:#4a4a4a;font-weight:400;margin:.25rem 0 0;font-size:.95rem}
button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border:0;border-radius:4px;background:#1d4ed8;color:#ffffff;cursor:pointer}
button:hover{background:#1e40af}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
a{color:#1d4ed8}
.badge{display:inline-block;padding:.1rem .55rem;border-radius:4px;font-weight:700}
.good{background:#e3f4e8;color:#0b4d1a}.bad{background:#fde8e8;color:#7a1414}
.warn{background:#fff4d6;color:#5c4300}.none{background:#ececec;color:#2e2e2e}
.answer{margin-top:2rem;border-top:1px solid #d0d0d0}
.words{font-size:1.125rem;margin:.25rem 0}
.meta{color:#4a4a4a}
ol.evidence{padding-left:1.25rem}
ol.evidence article{margin-bottom:1.5rem}
h4{margin:.75rem 0 .25rem;font-size:1.05rem}
.publisher{font-weight:400;color:#4a4a4a}
blockquote{margin:.5rem 0;padding:.5rem 1rem;border-left:4px solid #8a8a8a;background:#f7f7f7}
mark{background:#ffe066;color:#1a1a1a;padding:0 .1em}
del{background:#fde8e8;color:#7a1414}
ins{background:#e3f4e8;color:#0b4d1a;text-decoration:underline}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d0d0d0;vertical-align:top;overflow-wrap:anywhere}
.problem{margin-top:2rem;padding:1rem;border-left:4px solid #7a1414;background:#fde8e8}
footer{margin-top:3rem;border-top:1px solid #d0d0d0;color:#4a4a4a}
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Difference, MatchedQuantity};

    fn evidence(passage: &str) -> Evidence {
        Evidence {
            source: "https://news.example/a".into(),
            title: None,
            publisher: None,
            published: None,
            byline: None,
            canonical_url: None,
            stance: Stance::Supports,
            passage: passage.into(),
            start: 0,
            end: 0,
            similarity: 1.0,
            speaker: None,
            differences: vec![],
            matched_quantities: vec![],
            snapshot: None,
        }
    }

    #[test]
    fn everything_from_outside_is_escaped() {
        assert_eq!(esc(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        let q = PageQuery {
            claim: Some("<script>alert(1)</script>".into()),
            speaker: Some("\"><img src=x onerror=alert(1)>".into()),
            sources: None,
        };
        let html = render(&q, None);
        assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    }

    #[test]
    fn agreeing_figures_are_marked_and_differing_ones_shown_as_a_change() {
        let mut e = evidence("Around 86.2 per cent of 999 calls were answered <b>fast</b>.");
        e.matched_quantities = vec![
            MatchedQuantity {
                claim: "86.2%".into(),
                source: "Around 86.2 per cent".into(),
                agree: true,
            },
            MatchedQuantity {
                claim: "998 calls".into(),
                source: "999 calls".into(),
                agree: false,
            },
        ];
        let out = highlight(&e.passage, &e, "86.2% of 998 calls");
        assert!(out.contains("<mark>Around 86.2 per cent</mark>"), "{out}");
        assert!(
            out.contains("<del><span class=\"sr\">the claim says: </span>998 calls</del><ins>"),
            "{out}"
        );
        assert!(out.contains("&lt;b&gt;fast&lt;/b&gt;"), "{out}");
    }

    #[test]
    fn a_changed_word_in_a_quotation_is_shown_in_place() {
        let mut e = evidence("The Met is making significant progress, she said.");
        e.stance = Stance::Contradicts;
        e.differences = vec![Difference {
            claim: "dramatic".into(),
            source: "significant".into(),
        }];
        let out = highlight(&e.passage, &e, "\"The Met is making dramatic progress\"");
        assert!(out.contains("dramatic</del><ins><span class=\"sr\">the source says: </span>significant</ins>"));
    }

    #[test]
    fn a_quotation_found_as_it_is_is_marked() {
        let e = evidence("He said: the Met is making real progress. Then he left.");
        let out = highlight(&e.passage, &e, "“The Met is making real progress”");
        assert!(out.contains("<mark>the Met is making real progress</mark>"), "{out}");
    }

    /// WCAG relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn every_text_colour_in_the_style_meets_wcag_aa_contrast() {
        let mut checked = 0;
        for rule in STYLE.split('}') {
            let Some((selector, body)) = rule.split_once('{') else {
                continue;
            };
            let decl = |name: &str| {
                body.split(';')
                    .filter_map(|d| d.split_once(':'))
                    .find(|(p, v)| p.trim() == name && v.trim().len() == 7 && v.trim().starts_with('#'))
                    .map(|(_, v)| v.trim().to_string())
            };
            if let Some(fg) = decl("color") {
                let bg = decl("background").unwrap_or_else(|| "#ffffff".into());
                let ratio = contrast(&fg, &bg);
                assert!(ratio >= 4.5, "{} on {bg} is {ratio:.2}:1 in `{}`", fg, selector.trim());
                checked += 1;
            }
            if let Some(outline) = body.split("outline:").nth(1).and_then(|v| v.split('#').nth(1)) {
                let ratio = contrast(&format!("#{}", &outline[..6]), "#ffffff");
                assert!(ratio >= 3.0, "focus outline is {ratio:.2}:1");
            }
        }
        assert!(checked >= 8, "only {checked} colour pairs found");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(link("javascript:alert(1)", "x"), "x");
        assert_eq!(link("registry:a", "t"), "t");
        assert!(link("https://a.example/?q=<", "t").contains("href=\"https://a.example/?q=&lt;\""));
    }
}
