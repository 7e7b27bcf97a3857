//! A loopback callback receiver: records every POST (headers and body) and answers a settable status.

use std::net::TcpListener;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};

#[derive(Debug, Clone)]
pub struct Received {
    pub timestamp: Option<String>,
    pub signature: Option<String>,
    pub delivery: Option<String>,
    pub body: Vec<u8>,
}

#[derive(Clone)]
pub struct Receiver {
    pub url: String,
    pub got: Arc<Mutex<Vec<Received>>>,
    pub status: Arc<AtomicU16>,
}

impl Receiver {
    pub fn start(status: u16) -> Self {
        let got: Arc<Mutex<Vec<Received>>> = Arc::default();
        let status = Arc::new(AtomicU16::new(status));
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (g, s) = (web::Data::new(got.clone()), web::Data::new(status.clone()));
        let server = HttpServer::new(move || {
            App::new()
                .app_data(g.clone())
                .app_data(s.clone())
                .default_service(web::to(record))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        tokio::spawn(server);
        Receiver {
            url: format!("http://127.0.0.1:{port}/hook"),
            got,
            status,
        }
    }

    pub fn count(&self) -> usize {
        self.got.lock().unwrap().len()
    }

    pub fn set_status(&self, status: u16) {
        self.status.store(status, Ordering::SeqCst);
    }
}

async fn record(
    req: HttpRequest,
    body: web::Bytes,
    got: web::Data<Arc<Mutex<Vec<Received>>>>,
    status: web::Data<Arc<AtomicU16>>,
) -> HttpResponse {
    let h = |n: &str| req.headers().get(n).and_then(|v| v.to_str().ok()).map(String::from);
    got.lock().unwrap().push(Received {
        timestamp: h("x-crosscheck-timestamp"),
        signature: h("x-crosscheck-signature"),
        delivery: h("x-crosscheck-delivery"),
        body: body.to_vec(),
    });
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status.load(Ordering::SeqCst)).unwrap()).finish()
}
