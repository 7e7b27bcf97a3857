//! The page for people at `GET /`, loaded in a real browser (Debian's headless Chromium) and over plain HTTP.
//!
//! Without Chromium the browser tests are skipped with a message, unless `CI` is set: then they fail, because CI
//! installs it. `CROSSCHECK_PAGE_SCREENSHOT=docs/page.png cargo test --test page` also refreshes the screenshot.

mod common;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{fixtures, serve_pages, spawn_app, spawn_app_with, TempDir};

const SEED_QUERY: &str = "/?claim=86.2%25%20of%20999%20calls%20in%2010%20seconds";

fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from));
    for c in candidates {
        if c.is_file() {
            return Some(c);
        }
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "Chromium is required in CI (apt-get install -y chromium)"
    );
    eprintln!("SKIPPED: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM=path)");
    None
}

/// Runs headless Chromium on `url` with `extra` arguments and returns its stdout; kills it after 90 s.
async fn browse(browser: PathBuf, url: String, extra: Vec<String>) -> String {
    tokio::task::spawn_blocking(move || {
        let profile = TempDir::new("chromium");
        let mut child = Command::new(&browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.0.display()))
            .args(&extra)
            .arg(&url)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium starts");
        let mut stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            let mut out = String::new();
            std::io::Read::read_to_string(&mut stdout, &mut out).ok();
            out
        });
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish within 90 s on {url}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        reader.join().unwrap_or_default()
    })
    .await
    .expect("browser task")
}

/// The inner text of every `<tag>…</tag>` in `html` (tags inside stripped).
fn elements(html: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    html.match_indices(&open)
        .filter_map(|(at, _)| {
            let body = &html[at..];
            let start = body.find('>')? + 1;
            let end = body.find(&close)?;
            let mut text = String::new();
            let mut in_tag = false;
            for c in body[start..end].chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            Some(text)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_seed_claim_shows_supported_with_the_figures_highlighted_in_a_real_browser() {
    let Some(browser) = chromium() else { return };
    let app = spawn_app().await;
    let url = format!("{}{SEED_QUERY}", app.base);
    let dom = browse(browser.clone(), url.clone(), vec!["--dump-dom".into()]).await;
    assert!(dom.contains("<html lang=\"en\">"), "{dom}");
    let verdict = elements(&dom, "h2").into_iter().find(|h| h.starts_with("Verdict"));
    assert_eq!(verdict.as_deref(), Some("Verdict: supported"), "{dom}");
    let marks = elements(&dom, "mark");
    for figure in ["86.2 per cent", "999 calls", "10 seconds"] {
        assert!(
            marks.iter().any(|m| m.contains(figure)),
            "{figure} not highlighted: {marks:?}"
        );
    }
    assert!(
        elements(&dom, "blockquote")
            .iter()
            .any(|b| b.contains("86.2 per cent of 999 calls")),
        "the evidence passage is shown"
    );
    assert!(elements(&dom, "span").iter().any(|s| s == "supports the claim"));
    if let Some(path) = std::env::var_os("CROSSCHECK_PAGE_SCREENSHOT") {
        let shot = PathBuf::from(path);
        let shot = if shot.is_relative() {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(shot)
        } else {
            shot
        };
        browse(
            browser,
            url,
            vec![
                format!("--screenshot={}", shot.display()),
                "--window-size=1200,1400".into(),
            ],
        )
        .await;
        assert!(shot.is_file(), "no screenshot at {}", shot.display());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_misquote_shows_the_changed_words_in_a_real_browser() {
    let Some(browser) = chromium() else { return };
    let app = spawn_app().await;
    let pages = serve_pages(fixtures());
    let claim =
        "I welcome His Majesty's Inspectorate confirming that dramatic improvements are being made by the Met Police";
    let source = format!("{}standard-met-special-measures.html", pages.base);
    let query = format!(
        "/?claim={}&speaker=Sadiq%20Khan&sources={}",
        urlencode(claim),
        urlencode(&source)
    );
    let dom = browse(browser, format!("{}{query}", app.base), vec!["--dump-dom".into()]).await;
    let verdict = elements(&dom, "h2").into_iter().find(|h| h.starts_with("Verdict"));
    assert_eq!(verdict.as_deref(), Some("Verdict: misquoted"), "{dom}");
    assert!(elements(&dom, "del").iter().any(|d| d.contains("dramatic")), "{dom}");
    assert!(elements(&dom, "ins").iter().any(|d| d.contains("significant")), "{dom}");
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn get_html(app: &common::TestApp, path: &str) -> (u16, String, String) {
    get_html_with_csp(app, path).await.0
}

async fn get_html_with_csp(app: &common::TestApp, path: &str) -> ((u16, String, String), String) {
    let resp = app
        .client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("request");
    let status = resp.status().as_u16();
    let ct = resp.headers()["content-type"].to_str().unwrap_or("").to_string();
    let csp = resp
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    ((status, ct, resp.text().await.unwrap_or_default()), csp)
}

#[tokio::test]
async fn the_empty_page_is_a_labelled_form_with_landmarks() {
    let app = spawn_app().await;
    let ((status, ct, html), csp) = get_html_with_csp(&app, "/").await;
    assert_eq!(status, 200);
    assert_eq!(ct, "text/html; charset=utf-8");
    assert!(
        csp.contains("default-src 'none'"),
        "scripts are forbidden outright: {csp}"
    );
    for needle in [
        "<html lang=\"en\">",
        "<main id=\"main\">",
        "<header>",
        "<footer>",
        "<form method=\"get\" action=\"/\">",
        "<label for=\"claim\">",
        "<label for=\"speaker\">",
        "<label for=\"sources\">",
        "<button type=\"submit\">",
    ] {
        assert!(html.contains(needle), "{needle} missing");
    }
    assert!(!html.contains("<script"), "the page needs no script");
    assert!(!html.contains("Verdict"), "no answer without a claim");
}

#[tokio::test]
async fn what_the_page_is_given_comes_back_escaped() {
    let app = spawn_app().await;
    let (status, _, html) = get_html(
        &app,
        "/?claim=%3Cscript%3Ealert(1)%3C%2Fscript%3E&speaker=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    )
    .await;
    assert_eq!(status, 200);
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[tokio::test]
async fn a_claim_that_cannot_be_checked_is_explained_on_the_page() {
    let app = spawn_app().await;
    let (status, ct, html) = get_html(&app, "/?claim=86.2%25%20of%20calls&sources=ftp%3A%2F%2Fexample.com%2Fx").await;
    assert_eq!(status, 422);
    assert!(ct.starts_with("text/html"));
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(html.contains("is not an http(s) URL"), "{html}");
    assert!(
        html.contains("ftp://example.com/x</textarea>"),
        "the form keeps what was typed"
    );
}

#[tokio::test]
async fn with_api_tokens_the_page_runs_no_checks() {
    let app = spawn_app_with(|s| s.api_tokens = vec!["t0ken".into()]).await;
    let (status, _, html) = get_html(&app, SEED_QUERY).await;
    assert_eq!(status, 503);
    assert!(html.contains("requires an API token"), "{html}");
    assert!(!html.contains("Verdict"));
}
