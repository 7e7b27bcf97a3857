//! A hostile web server on loopback, written by hand over raw HTTP/1.1 so it can misbehave in ways a framework
//! would not allow: redirects anywhere, gzip bombs, endless bodies, one byte a second, lying headers.
//!
//! Every connection is answered once and closed. The server counts requests and bytes written per path, so a test
//! can prove that a refused target was never reached and that a refused body was not read to the end.

pub mod bodies;
pub mod inputs;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use bodies::{bomb, odd_body, untyped_body, PNG};

/// What the fetcher is allowed to read, in the service's default configuration.
pub const BODY_LIMIT: usize = crosscheck::config::DEFAULT_MAX_BODY_BYTES;
/// The "50 MB body".
pub const HUGE: usize = 50 * 1024 * 1024;

const PAGE: &str = "<html><head><title>Budget</title></head><body><article><h1>Budget</h1>\
<p>The council's budget rose by 12% in 2023, to £480m, the finance office said on Tuesday.</p>\
<p>Officials said the rise paid for road repairs and for 999 calls to be answered faster.</p>\
</article></body></html>";

#[derive(Default)]
struct State {
    redirects: Mutex<Vec<(u16, String)>>,
    hits: Mutex<HashMap<String, usize>>,
    sent: Mutex<HashMap<String, usize>>,
}

/// A running hostile server. Paths:
///
/// | path | answer |
/// | --- | --- |
/// | `/page` | a small readable article |
/// | `/go/{i}` | the `i`th redirect registered with [`Hostile::redirect`] |
/// | `/hop/{n}` | a chain of `n` redirects ending at the page |
/// | `/endless/{n}` | redirects to `/endless/{n+1}`, forever |
/// | `/loop`, `/ping` ↔ `/pong` | redirect loops |
/// | `/bomb`, `/bomb-chunked` | gzip bomb, with and without `Content-Length` |
/// | `/big`, `/big-chunked` | a 50 MB body, with and without `Content-Length` |
/// | `/drip`, `/drip-head` | one byte a second, in the body or in the status line |
/// | `/type/{mime}` | binary bytes labelled with that content type (`_` for `/`) |
/// | `/bytes/{name}` | odd bodies labelled text/html: invalid UTF-8, lying charsets, NULs, broken gzip |
/// | `/status/{code}` | that status |
/// | `/untyped/{name}` | an [`bodies::UNTYPED`] body with no `Content-Type` |
/// | `/broken/{name}` | a [`bodies::BROKEN`] response: endless headers, a lying length, not HTTP at all |
pub struct Hostile {
    pub port: u16,
    pub base: String,
    state: Arc<State>,
}

impl Hostile {
    pub async fn start() -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("loopback bind");
        let port = listener.local_addr().expect("bound address").port();
        let state = Arc::new(State::default());
        let st = state.clone();
        tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                tokio::spawn(handle(sock, st.clone()));
            }
        });
        Hostile {
            port,
            base: format!("http://127.0.0.1:{port}"),
            state,
        }
    }

    /// Registers a redirect (status 301/302/303/307/308) to `location`, verbatim; returns the URL that answers it.
    pub fn redirect(&self, status: u16, location: &str) -> String {
        let mut r = self.state.redirects.lock().unwrap();
        r.push((status, location.to_string()));
        format!("{}/go/{}", self.base, r.len() - 1)
    }

    /// Requests received on any path.
    pub fn total_hits(&self) -> usize {
        self.state.hits.lock().unwrap().values().sum()
    }

    /// Body bytes written for a path, over all requests.
    pub fn sent(&self, path: &str) -> usize {
        *self.state.sent.lock().unwrap().get(path).unwrap_or(&0)
    }
}

async fn handle(mut sock: TcpStream, state: Arc<State>) {
    let Some(path) = read_request_path(&mut sock).await else {
        return;
    };
    *state.hits.lock().unwrap().entry(path.clone()).or_default() += 1;
    let mut out = Out {
        sock,
        state: &state,
        path: path.clone(),
    };
    let segs: Vec<&str> = path.trim_start_matches('/').splitn(2, '/').collect();
    match (segs[0], segs.get(1).copied().unwrap_or("")) {
        ("page", _) => out.respond(200, "text/html; charset=utf-8", &[], PAGE.as_bytes()).await,
        ("go", i) => {
            let target = i
                .parse::<usize>()
                .ok()
                .and_then(|i| state.redirects.lock().unwrap().get(i).cloned());
            match target {
                Some((code, loc)) => out.redirect(code, &loc).await,
                None => out.respond(404, "text/plain", &[], b"no such redirect").await,
            }
        }
        ("hop", n) => match n.parse::<u32>() {
            Ok(0) => out.respond(200, "text/html", &[], PAGE.as_bytes()).await,
            Ok(n) => out.redirect(302, &format!("/hop/{}", n - 1)).await,
            Err(_) => out.respond(400, "text/plain", &[], b"bad hop").await,
        },
        ("endless", n) => {
            let n: u64 = n.parse().unwrap_or(0);
            out.redirect(302, &format!("/endless/{}", n + 1)).await
        }
        ("loop", _) => out.redirect(302, "/loop").await,
        ("ping", _) => out.redirect(301, "/pong").await,
        ("pong", _) => out.redirect(301, "/ping").await,
        ("bomb", _) => {
            let cl = bomb().len().to_string();
            let headers = [("Content-Encoding", "gzip"), ("Content-Length", cl.as_str())];
            out.respond(200, "text/html", &headers, bomb()).await
        }
        ("bomb-chunked", _) => out.chunked("text/html", &[("Content-Encoding", "gzip")], bomb()).await,
        ("big", _) => out.huge(true).await,
        ("big-chunked", _) => out.huge(false).await,
        ("drip", _) => out.drip_body().await,
        ("drip-head", _) => out.drip_head().await,
        ("type", mime) => {
            let mime = mime.replace('_', "/");
            out.respond(200, &mime, &[], &PNG).await
        }
        ("bytes", name) => {
            let (ct, extra, body) = odd_body(name);
            out.respond(200, ct, extra, &body).await
        }
        ("untyped", name) => {
            let body = untyped_body(name);
            out.respond(200, "", &[], &body).await
        }
        ("broken", name) => out.broken(name).await,
        ("status", code) => {
            let code = code.parse().unwrap_or(500);
            out.respond(code, "text/html", &[], b"<p>status page</p>").await
        }
        _ => out.respond(404, "text/plain", &[], b"not here").await,
    }
}

/// Reads the request head (up to 16 KiB) and returns the path of its request line.
async fn read_request_path(sock: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 || buf.len() > 16 * 1024 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        // A TLS ClientHello: answer in plain HTTP, as a misconfigured server would.
        if buf[0] == 0x16 {
            return Some("/status/400".into());
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let line = head.lines().next()?;
    let target = line.split(' ').nth(1)?;
    Some(target.split('?').next().unwrap_or(target).to_string())
}

struct Out<'a> {
    sock: TcpStream,
    state: &'a State,
    path: String,
}

impl Out<'_> {
    fn count(&self, n: usize) {
        *self.state.sent.lock().unwrap().entry(self.path.clone()).or_default() += n;
    }

    async fn head(&mut self, status: u16, headers: &[(&str, &str)]) -> std::io::Result<()> {
        let mut head = format!("HTTP/1.1 {status} {}\r\nConnection: close\r\n", reason(status));
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        self.sock.write_all(head.as_bytes()).await
    }

    async fn respond(&mut self, status: u16, ct: &str, extra: &[(&str, &str)], body: &[u8]) {
        let len = body.len().to_string();
        let mut headers = if ct.is_empty() {
            vec![]
        } else {
            vec![("Content-Type", ct)]
        };
        if !extra.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-length")) {
            headers.push(("Content-Length", len.as_str()));
        }
        headers.extend_from_slice(extra);
        if self.head(status, &headers).await.is_err() {
            return;
        }
        for piece in body.chunks(64 * 1024) {
            if self.sock.write_all(piece).await.is_err() {
                return;
            }
            self.count(piece.len());
        }
        let _ = self.sock.shutdown().await;
    }

    async fn redirect(&mut self, status: u16, location: &str) {
        let headers = [("Location", location), ("Content-Length", "0")];
        let _ = self.head(status, &headers).await;
        let _ = self.sock.shutdown().await;
    }

    async fn chunked(&mut self, ct: &str, extra: &[(&str, &str)], body: &[u8]) {
        let mut headers = vec![("Content-Type", ct), ("Transfer-Encoding", "chunked")];
        headers.extend_from_slice(extra);
        if self.head(200, &headers).await.is_err() {
            return;
        }
        for piece in body.chunks(16 * 1024) {
            let framed = [format!("{:x}\r\n", piece.len()).as_bytes(), piece, b"\r\n"].concat();
            if self.sock.write_all(&framed).await.is_err() {
                return;
            }
            self.count(piece.len());
        }
        let _ = self.sock.write_all(b"0\r\n\r\n").await;
        let _ = self.sock.shutdown().await;
    }

    /// 50 MB of text, written for as long as the client keeps reading.
    async fn huge(&mut self, with_length: bool) {
        let block = vec![b'a'; 64 * 1024];
        if with_length {
            let len = HUGE.to_string();
            if self
                .head(200, &[("Content-Type", "text/plain"), ("Content-Length", len.as_str())])
                .await
                .is_err()
            {
                return;
            }
            for _ in 0..HUGE / block.len() {
                if self.sock.write_all(&block).await.is_err() {
                    return;
                }
                self.count(block.len());
            }
        } else {
            let body = vec![b'a'; HUGE];
            self.chunked("text/plain", &[], &body).await;
        }
    }

    async fn raw(&mut self, bytes: &[u8]) -> bool {
        let ok = self.sock.write_all(bytes).await.is_ok();
        if ok {
            self.count(bytes.len());
        }
        ok
    }

    async fn broken(&mut self, name: &str) {
        match name {
            "header-flood" => {
                self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n").await;
                for i in 0..1_000_000u32 {
                    if !self
                        .raw(format!("X-Flood-{i}: {}\r\n", "a".repeat(100)).as_bytes())
                        .await
                    {
                        return;
                    }
                }
            }
            "endless-header-line" => {
                self.raw(b"HTTP/1.1 200 OK\r\nX-Long: ").await;
                let block = vec![b'a'; 64 * 1024];
                for _ in 0..1000 {
                    if !self.raw(&block).await {
                        return;
                    }
                }
            }
            "short-body" => {
                self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>only this")
                    .await;
            }
            "bad-status-line" => {
                self.raw(b"HTTP/1.1 99999 Whatever\r\nContent-Length: 0\r\n\r\n").await;
            }
            "not-http" => {
                self.raw(b"SSH-2.0-OpenSSH_9.6\r\n").await;
            }
            "bad-chunking" => {
                self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n<p>x")
                    .await;
            }
            "two-lengths" => {
                self.raw(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\nContent-Length: 50000000\r\n\r\n<p>x",
                )
                .await;
            }
            // "hang-up": close without a word.
            _ => {}
        }
        let _ = self.sock.shutdown().await;
    }

    /// Honest headers, then the body one byte a second.
    async fn drip_body(&mut self) {
        if self
            .head(200, &[("Content-Type", "text/html"), ("Content-Length", "100000")])
            .await
            .is_err()
        {
            return;
        }
        for _ in 0..600 {
            if self.sock.write_all(b"<").await.is_err() {
                return;
            }
            self.count(1);
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    /// The status line itself, one byte a second.
    async fn drip_head(&mut self) {
        for b in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            .iter()
            .cycle()
            .take(600)
        {
            if self.sock.write_all(&[*b]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        404 => "Not Found",
        _ => "Whatever",
    }
}
