//! The HTTP service: actix-web routes over the [`Engine`](crate::Engine), errors as problem+json.
//!
//! `Application::build` binds (port 0 works, for tests) and `run_until_stopped` serves, so tests start the real
//! app exactly as `crosscheck serve` does.

mod access;
pub mod claimreview;
mod error;
pub mod metrics;
pub mod openapi;
mod page;
mod routes;

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{web, App, HttpServer};

pub use error::{ApiError, Problem};

use std::sync::Arc;

use crate::config::Settings;
use crate::fetch::FetchOptions;
use crate::jobs::deliver::Deliverer;
use crate::jobs::Queue;
use crate::sources::Registry;
use crate::store::{PostgresStore, SqliteStore, Store, StoreError};
use crate::Engine;

/// A batch of up to 1,000 claims may be larger than one check's body limit.
pub const MAX_BATCH_REQUEST_BYTES: usize = 8 * 1024 * 1024;

/// Shared by every request.
pub struct AppState {
    pub engine: Engine,
    pub settings: Settings,
    pub store: Arc<dyn Store>,
    pub limiter: access::RateLimiter,
    pub queue: Queue,
    pub metrics: Arc<metrics::Metrics>,
}

/// A bound, not yet running, service.
pub struct Application {
    port: u16,
    server: Server,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: String, reason: String },
    #[error(transparent)]
    Registry(#[from] crate::sources::RegistryError),
    #[error("cannot create the data directory {path}: {reason}")]
    DataDir { path: String, reason: String },
    #[error("cannot build the HTTP client: {0}")]
    Client(#[from] crate::fetch::FetchError),
    #[error("cannot open the store: {0}")]
    Store(#[from] StoreError),
}

impl Application {
    pub fn build(settings: Settings) -> Result<Self, StartError> {
        std::fs::create_dir_all(&settings.data_dir).map_err(|e| StartError::DataDir {
            path: settings.data_dir.display().to_string(),
            reason: e.to_string(),
        })?;
        let registry = Registry::load(&settings.sources_dir)?;
        let store: Arc<dyn Store> = match &settings.database_url {
            Some(url) => Arc::new(PostgresStore::connect(url)?),
            None => Arc::new(SqliteStore::open(&settings.data_dir)?),
        };
        let metrics = metrics::Metrics::new();
        let store = metrics::MeteredStore::wrap(store, metrics.clone(), settings.cache_ttl);
        let engine = Engine::new(FetchOptions::from_settings(&settings), registry)?
            .with_store(store.clone(), settings.cache_ttl);
        let listener = TcpListener::bind(settings.bind).map_err(|e| StartError::Bind {
            addr: settings.bind.to_string(),
            reason: e.to_string(),
        })?;
        let port = listener
            .local_addr()
            .map_err(|e| StartError::Bind {
                addr: settings.bind.to_string(),
                reason: e.to_string(),
            })?
            .port();
        let limiter = access::RateLimiter::new(settings.rate_limit_per_minute);
        let queue = Queue {
            store: store.clone(),
            engine: engine.clone(),
            deliverer: Deliverer::new(&settings)?,
            lease: settings.job_lease,
            wake: Arc::default(),
        };
        // Jobs left by a previous run (or another replica's dead worker) are taken up again here.
        queue.start(settings.workers);
        let shutdown_timeout = shutdown_timeout(&settings);
        let state = web::Data::new(AppState {
            engine,
            settings,
            store,
            limiter,
            queue,
            metrics,
        });
        // SIGTERM starts actix's graceful shutdown: stop accepting, let in-flight checks finish, then stop.
        let server = HttpServer::new(move || {
            App::new()
                .wrap(actix_web::middleware::from_fn(metrics::track))
                .configure(|cfg| configure(cfg, state.clone()))
        })
        .shutdown_timeout(shutdown_timeout)
        .listen(listener)
        .map_err(|e| StartError::Bind {
            addr: format!("port {port}"),
            reason: e.to_string(),
        })?
        .run();
        Ok(Application { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// How long a graceful shutdown waits for in-flight requests: a check's fetches share one deadline of
/// `fetch_timeout`, so twice that (at least 30 s) lets a check that started just before SIGTERM finish.
pub fn shutdown_timeout(settings: &Settings) -> u64 {
    (settings.fetch_timeout.as_secs() * 2).max(30)
}

/// The routes and extractors' configuration (also used by in-process tests).
pub fn configure(cfg: &mut web::ServiceConfig, state: web::Data<AppState>) {
    let limit = state.settings.max_request_bytes;
    let batch_json = web::JsonConfig::default()
        .limit(MAX_BATCH_REQUEST_BYTES)
        .content_type(|mime| mime.subtype() == actix_web::mime::JSON || mime.suffix() == Some(actix_web::mime::JSON))
        .content_type_required(true)
        .error_handler(|err, _req| error::from_json_error(&err, MAX_BATCH_REQUEST_BYTES).into());
    let json = web::JsonConfig::default()
        .limit(limit)
        .content_type(|mime| mime.subtype() == actix_web::mime::JSON || mime.suffix() == Some(actix_web::mime::JSON))
        .content_type_required(true)
        .error_handler(move |err, _req| error::from_json_error(&err, limit).into());
    cfg.app_data(state)
        .app_data(json)
        .route("/", web::get().to(page::page))
        .route("/healthz", web::get().to(routes::healthz))
        .route("/metrics", web::get().to(routes::metrics))
        .route("/openapi.json", web::get().to(routes::openapi_json))
        .service(
            web::scope("/v1")
                .wrap(actix_web::middleware::from_fn(access::guard))
                .route("/checks", web::post().to(routes::create_check))
                .service(
                    web::resource("/checks/batch")
                        .app_data(batch_json)
                        .route(web::post().to(routes::create_batch)),
                )
                .route("/checks/{id}", web::get().to(routes::get_check))
                .route("/sources", web::get().to(routes::list_sources))
                .route("/jobs/{id}", web::get().to(routes::get_job))
                .service(
                    web::resource("/webhooks/newsroom")
                        .app_data(web::PayloadConfig::new(MAX_BATCH_REQUEST_BYTES))
                        .route(web::post().to(routes::newsroom_webhook)),
                ),
        )
        .default_service(web::to(routes::not_found));
}
