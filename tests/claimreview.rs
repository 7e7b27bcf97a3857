//! `GET /v1/checks/{id}` as schema.org `ClaimReview` JSON-LD, chosen by `Accept` or `?format=claimreview`.

mod common;

use common::{fixtures, serve_pages, spawn_app};
use serde_json::{json, Value};

async fn stored_check(app: &common::TestApp, body: &Value) -> (String, Value) {
    let (status, _, answer) = app.post_json("/v1/checks", body).await;
    assert_eq!(status, 200, "{answer}");
    (answer["check_id"].as_str().expect("check_id").to_string(), answer)
}

async fn get_with_accept(app: &common::TestApp, path: &str, accept: &str) -> (u16, String, Value) {
    let resp = app
        .client
        .get(format!("{}{path}", app.base))
        .header("accept", accept)
        .send()
        .await
        .expect("request");
    let status = resp.status().as_u16();
    let ct = resp.headers()["content-type"].to_str().unwrap_or("").to_string();
    let body = serde_json::from_str(&resp.text().await.unwrap_or_default()).unwrap_or(Value::Null);
    (status, ct, body)
}

#[tokio::test]
async fn accept_ld_json_answers_a_claim_review_with_rating_and_evidence() {
    let app = spawn_app().await;
    let pages = serve_pages(fixtures());
    let url = format!("{}standard-met-special-measures.html", pages.base);
    let (id, answer) = stored_check(
        &app,
        &json!({"claim": "86.2% of 999 calls in 10 seconds", "sources": [url]}),
    )
    .await;
    assert_eq!(answer["verdict"], "supported");
    let (status, ct, review) = get_with_accept(&app, &format!("/v1/checks/{id}"), "application/ld+json").await;
    assert_eq!(status, 200);
    assert_eq!(ct, "application/ld+json");
    assert_eq!(review["@context"], "https://schema.org");
    assert_eq!(review["@type"], "ClaimReview");
    assert_eq!(review["claimReviewed"], "86.2% of 999 calls in 10 seconds");
    assert_eq!(review["author"], json!({"@type": "Organization", "name": "crosscheck"}));
    let rating = &review["reviewRating"];
    assert_eq!(rating["@type"], "Rating");
    assert_eq!(rating["alternateName"], "Supported by the sources");
    assert_eq!(
        (&rating["ratingValue"], &rating["bestRating"], &rating["worstRating"]),
        (&json!(5), &json!(5), &json!(1))
    );
    let evidence_url = answer["evidence"][0]["source"].as_str().unwrap();
    assert_eq!(evidence_url, url);
    assert_eq!(review["url"], evidence_url);
    let item = &review["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    assert!(item["appearance"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["url"] == evidence_url && a["@type"] == "CreativeWork"));
    assert!(item.get("author").is_none(), "no speaker was given or found: {item}");
    assert!(review["datePublished"].as_str().is_some_and(|d| d.starts_with("20")));
}

#[tokio::test]
async fn a_known_speaker_is_the_claims_author() {
    let app = spawn_app().await;
    let (id, _) = stored_check(
        &app,
        &json!({"claim": "86.2% of 999 calls in 10 seconds", "speaker": "Sadiq Khan"}),
    )
    .await;
    let (status, ct, review) = app.get(&format!("/v1/checks/{id}?format=claimreview")).await;
    assert_eq!(status, 200);
    assert_eq!(ct, "application/ld+json");
    assert_eq!(
        review["itemReviewed"]["author"],
        json!({"@type": "Person", "name": "Sadiq Khan"})
    );
}

#[tokio::test]
async fn registry_snapshots_without_an_address_appear_without_a_url() {
    let app = spawn_app().await;
    let (id, _) = stored_check(&app, &json!({"claim": "86.2% of 999 calls in 10 seconds"})).await;
    let (_, _, review) = get_with_accept(&app, &format!("/v1/checks/{id}"), "application/ld+json").await;
    let appearances = review["itemReviewed"]["appearance"].as_array().unwrap();
    assert!(!appearances.is_empty());
    for a in appearances {
        assert!(
            a.get("url")
                .is_none_or(|u| u.as_str().is_some_and(|u| u.starts_with("http"))),
            "{a}"
        );
        assert!(a["headline"].as_str().is_some(), "{a}");
    }
}

#[tokio::test]
async fn plain_json_stays_the_default_and_q_zero_refuses_json_ld() {
    let app = spawn_app().await;
    let (id, _) = stored_check(&app, &json!({"claim": "86.2% of 999 calls in 10 seconds"})).await;
    let path = format!("/v1/checks/{id}");
    for accept in ["application/json", "*/*", "application/ld+json;q=0, application/json"] {
        let (status, ct, body) = get_with_accept(&app, &path, accept).await;
        assert_eq!(status, 200);
        assert!(ct.starts_with("application/json"), "{accept}: {ct}");
        assert_eq!(body["check_id"], id.as_str(), "{accept}");
        assert!(body.get("@type").is_none());
    }
}

#[tokio::test]
async fn an_unjudged_verdict_has_words_but_no_number() {
    let app = spawn_app().await;
    let (id, answer) = stored_check(
        &app,
        &json!({"claim": "86.2% of 999 calls", "sources": ["http://127.0.0.1:9/nothing-listens-here"]}),
    )
    .await;
    assert_eq!(answer["verdict"], "unverifiable");
    let (_, _, review) = get_with_accept(&app, &format!("/v1/checks/{id}"), "application/ld+json").await;
    assert_eq!(
        review["reviewRating"]["alternateName"],
        "Unverifiable: no source could be read"
    );
    assert!(review["reviewRating"].get("ratingValue").is_none());
    assert!(review.get("url").is_none(), "no evidence, no url: {review}");
}
