//! Who may call `/v1/*` and how often: bearer tokens (`CROSSCHECK_API_TOKENS`) and a per-client token bucket
//! (`CROSSCHECK_RATE_LIMIT` requests a minute; the client is its token, or else its address).
//! The newsroom webhook authenticates by signature instead, so tokens do not apply to it.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, Error};

use super::{ApiError, AppState};

/// Paths under `/v1` that carry their own authentication.
const SELF_AUTHENTICATED: &[&str] = &["/v1/webhooks/newsroom"];

/// Token buckets per client: `capacity` requests, refilled continuously over a minute.
pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// `Ok` when the client may proceed, else the seconds to wait.
    pub fn admit(&self, client: &str) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let cap = f64::from(self.per_minute);
        let rate = cap / 60.0;
        let now = Instant::now();
        let Ok(mut buckets) = self.buckets.lock() else {
            return Ok(());
        };
        if buckets.len() > 100_000 {
            // Forget idle clients rather than grow without bound.
            buckets.retain(|_, (tokens, at)| *tokens < cap || now.duration_since(*at).as_secs() < 60);
        }
        let (tokens, at) = buckets.entry(client.to_string()).or_insert((cap, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * rate).min(cap);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / rate).ceil() as u64)
        }
    }
}

pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let path = req.path().to_string();
    if path.starts_with("/v1/") && !SELF_AUTHENTICATED.contains(&path.as_str()) {
        if let Some(state) = req.app_data::<web::Data<AppState>>() {
            let token = bearer(&req);
            let tokens = &state.settings.api_tokens;
            if !tokens.is_empty() {
                match &token {
                    None => return Err(ApiError::Unauthorized.into()),
                    Some(t) if !tokens.iter().any(|k| constant_time_eq(k.as_bytes(), t.as_bytes())) => {
                        return Err(ApiError::Forbidden.into());
                    }
                    Some(_) => {}
                }
            }
            let client = token.unwrap_or_else(|| {
                req.connection_info()
                    .peer_addr()
                    .map_or_else(|| "unknown".to_string(), String::from)
            });
            if let Err(wait) = state.limiter.admit(&client) {
                return Err(ApiError::RateLimited(wait).into());
            }
        }
    }
    next.call(req).await
}

fn bearer(req: &ServiceRequest) -> Option<String> {
    let h = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = h.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_string())
}

/// Compares secrets without an early exit that would leak how much matched.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_past_its_budget_is_told_when_to_retry() {
        let rl = RateLimiter::new(3);
        assert!(rl.admit("a").is_ok() && rl.admit("a").is_ok() && rl.admit("a").is_ok());
        let wait = rl.admit("a").unwrap_err();
        assert!((1..=20).contains(&wait), "{wait}");
        assert!(rl.admit("b").is_ok(), "another client has its own bucket");
    }

    #[test]
    fn zero_means_unlimited() {
        let rl = RateLimiter::new(0);
        assert!((0..1000).all(|_| rl.admit("a").is_ok()));
    }

    #[test]
    fn constant_time_eq_compares_whole_values() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
    }
}
