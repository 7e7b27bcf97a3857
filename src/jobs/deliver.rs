//! Callback delivery: POST a finished job's result to its `callback_url`, signed like the webhook, with a delivery
//! id the receiver can use to drop repeats; retry with exponential backoff and jitter, then give up and say why.
//! Callback URLs pass the same SSRF guard as sources.

use std::time::Duration;

use url::Url;

use super::signature::{self, DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER};
use crate::fetch::guard::Guard;
use crate::store::{DeliveryOutcome, Job};

/// Longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);
/// Time allowed for one callback request.
pub const CALLBACK_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Clone)]
pub struct Deliverer {
    client: reqwest::Client,
    guard: Guard,
    secret: Option<String>,
    backoff: Duration,
    max_attempts: u32,
}

impl Deliverer {
    pub fn new(settings: &crate::config::Settings) -> Result<Self, crate::fetch::FetchError> {
        let guard = Guard::new(settings.allow_private_hosts, &settings.allowed_hosts)?;
        let g = guard.clone();
        let client = reqwest::Client::builder()
            .timeout(CALLBACK_TIMEOUT)
            .connect_timeout(settings.connect_timeout)
            .dns_resolver(guard.resolver())
            .redirect(reqwest::redirect::Policy::custom(move |a| {
                if a.previous().len() >= 3 {
                    return a.stop();
                }
                match g.check_url(a.url()) {
                    Ok(()) => a.follow(),
                    Err(e) => a.error(e),
                }
            }))
            .user_agent(format!("crosscheck/{} callbacks", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| crate::fetch::FetchError::Io(e.to_string()))?;
        Ok(Deliverer {
            client,
            guard,
            secret: settings.webhook_secret.clone(),
            backoff: settings.callback_backoff,
            max_attempts: settings.callback_max_attempts.max(1),
        })
    }

    /// One attempt at delivering a finished job's result.
    pub async fn deliver(&self, job: &Job) -> DeliveryOutcome {
        let attempt = job.delivery_attempts + 1;
        match self.post(job).await {
            Ok(()) => DeliveryOutcome::Delivered,
            Err(error) if attempt >= self.max_attempts => DeliveryOutcome::GaveUp { error },
            Err(error) => {
                let wait = backoff(self.backoff, attempt);
                DeliveryOutcome::RetryAt {
                    at: chrono::Utc::now() + chrono::Duration::from_std(wait).unwrap_or_default(),
                    error,
                }
            }
        }
    }

    async fn post(&self, job: &Job) -> Result<(), String> {
        let raw = job.callback_url.as_deref().ok_or("no callback URL")?;
        let url = Url::parse(raw).map_err(|e| format!("callback URL: {e}"))?;
        self.guard.check_url(&url).map_err(|e| e.to_string())?;
        let body = serde_json::to_vec(&callback_body(job)).map_err(|e| e.to_string())?;
        let ts = chrono::Utc::now().timestamp();
        let mut req = self
            .client
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(TIMESTAMP_HEADER, ts.to_string())
            .header(
                DELIVERY_HEADER,
                job.delivery_id.clone().unwrap_or_else(|| job.id.clone()),
            );
        if let Some(secret) = &self.secret {
            req = req.header(SIGNATURE_HEADER, signature::sign(secret, ts, &body));
        }
        let resp = req.body(body).send().await.map_err(|e| error_text(&e))?;
        if resp.status().is_success() {
            Ok(())
        } else {
            Err(format!("the callback answered HTTP {}", resp.status().as_u16()))
        }
    }
}

/// What the receiver gets: the job's identity and its result.
pub fn callback_body(job: &Job) -> serde_json::Value {
    serde_json::json!({
        "job_id": job.id,
        "delivery_id": job.delivery_id,
        "status": job.status,
        "result": job.result,
        "error": job.error,
    })
}

fn error_text(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    let mut cur = std::error::Error::source(e);
    while let Some(inner) = cur {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        cur = inner.source();
    }
    s
}

/// `base × 2^(attempt-1)`, capped, with ±50% jitter.
pub fn backoff(base: Duration, attempt: u32) -> Duration {
    use std::hash::{BuildHasher, Hasher};
    let exp = base
        .saturating_mul(1u32 << attempt.saturating_sub(1).min(20))
        .min(MAX_BACKOFF);
    let ms = u64::try_from(exp.as_millis()).unwrap_or(u64::MAX).max(1);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(attempt);
    Duration::from_millis(ms / 2 + h.finish() % ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let base = Duration::from_millis(100);
        for attempt in 1..=30 {
            let d = backoff(base, attempt);
            let nominal = base.saturating_mul(1 << (attempt - 1).min(20)).min(MAX_BACKOFF);
            assert!(
                d >= nominal / 2 && d <= nominal + nominal / 2,
                "attempt {attempt}: {d:?}"
            );
        }
    }
}
