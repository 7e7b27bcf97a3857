//! `crosscheck serve` as a real process on a free loopback port, for tests that kill and restart it.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

pub struct ServeProcess {
    child: Child,
    pub base: String,
}

impl ServeProcess {
    /// Starts the binary with `env` (plus its bind address and quiet logs) and waits for `/healthz`.
    pub async fn start(env: &[(&str, String)]) -> Self {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
        cmd.arg("serve")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("CROSSCHECK_BIND", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        // Owned at once, so that Drop kills and reaps the process on every path, a failed start included.
        let server = ServeProcess {
            child: cmd.spawn().unwrap(),
            base: format!("http://127.0.0.1:{port}"),
        };
        for _ in 0..300 {
            if reqwest::get(format!("{}/healthz", server.base))
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("crosscheck serve did not start");
    }

    /// SIGKILL: the process gets no chance to finish anything.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    pub async fn get(&self, path: &str) -> Value {
        let r = reqwest::get(format!("{}{path}", self.base)).await.unwrap();
        serde_json::from_str(&r.text().await.unwrap()).unwrap_or(Value::Null)
    }

    pub async fn post(&self, path: &str, body: &Value, headers: &[(&str, String)]) -> Value {
        let mut req = reqwest::Client::new()
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json");
        for (k, v) in headers {
            req = req.header(*k, v);
        }
        let r = req.body(body.to_string()).send().await.unwrap();
        serde_json::from_str(&r.text().await.unwrap()).unwrap_or(Value::Null)
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
