//! `GET /openapi.json`: every route the app serves is in the document, and the contract's examples (and the app's
//! real answers) validate against its schemas.
//!
//! The validator below covers the JSON Schema subset utoipa emits (`$ref`, `type` incl. type arrays for null,
//! `required`, `properties`, `additionalProperties: false`, `items`, `enum`, `oneOf`/`anyOf`/`allOf`, lengths and
//! `minimum`): a full validator crate would cost more build time than these 80 lines.

mod common;

use common::{fixtures, serve_pages, shared, spawn_app};
use crosscheck::http::openapi::ROUTES;
use serde_json::{json, Value};

/// Errors of `value` against `schema` (empty when valid), resolving `$ref`s in `doc`.
fn validate(doc: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.trim_start_matches("#/components/schemas/");
        let target = &doc["components"]["schemas"][name];
        assert!(!target.is_null(), "dangling $ref {r}");
        return validate(doc, target, value, at);
    }
    for sub in schema["allOf"].as_array().into_iter().flatten() {
        errors.extend(validate(doc, sub, value, at));
    }
    if let Some(any) = schema["anyOf"].as_array() {
        if !any.iter().any(|s| validate(doc, s, value, at).is_empty()) {
            errors.push(format!("{at}: matches no anyOf branch"));
        }
    }
    if let Some(one) = schema["oneOf"].as_array() {
        let n = one.iter().filter(|s| validate(doc, s, value, at).is_empty()).count();
        if n != 1 {
            errors.push(format!("{at}: matches {n} oneOf branches, not 1"));
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let type_ok = |t: &str| match t {
        "null" => value.is_null(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        other => panic!("type {other} not handled"),
    };
    if !types.is_empty() && !types.iter().any(|t| type_ok(t)) {
        errors.push(format!("{at}: {value} is not {types:?}"));
        return errors;
    }
    if let Some(options) = schema["enum"].as_array() {
        if !options.contains(value) {
            errors.push(format!("{at}: {value} not in {options:?}"));
        }
    }
    if let Some(s) = value.as_str() {
        let n = s.chars().count() as u64;
        if schema["minLength"].as_u64().is_some_and(|m| n < m) || schema["maxLength"].as_u64().is_some_and(|m| n > m) {
            errors.push(format!("{at}: length {n} out of bounds"));
        }
    }
    if let (Some(x), Some(min)) = (value.as_f64(), schema["minimum"].as_f64()) {
        if x < min {
            errors.push(format!("{at}: {x} below {min}"));
        }
    }
    if let Some(items) = value.as_array() {
        let n = items.len() as u64;
        if schema["minItems"].as_u64().is_some_and(|m| n < m) || schema["maxItems"].as_u64().is_some_and(|m| n > m) {
            errors.push(format!("{at}: {n} items out of bounds"));
        }
        if schema["items"].is_object() {
            for (i, item) in items.iter().enumerate() {
                errors.extend(validate(doc, &schema["items"], item, &format!("{at}[{i}]")));
            }
        }
    }
    if let Some(obj) = value.as_object() {
        for field in schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !obj.contains_key(field) {
                errors.push(format!("{at}: required `{field}` missing"));
            }
        }
        let props = schema["properties"].as_object();
        for (k, v) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => errors.extend(validate(doc, s, v, &format!("{at}.{k}"))),
                None if schema["additionalProperties"] == json!(false) => {
                    errors.push(format!("{at}: unknown field `{k}`"));
                }
                None => {}
            }
        }
    }
    errors
}

fn assert_valid(doc: &Value, schema_name: &str, value: &Value) {
    let schema = json!({"$ref": format!("#/components/schemas/{schema_name}")});
    let errors = validate(doc, &schema, value, schema_name);
    assert!(
        errors.is_empty(),
        "{value:#}\ndoes not fit {schema_name}:\n{}",
        errors.join("\n")
    );
}

/// The ```json blocks of the contract.
fn contract_examples() -> Vec<Value> {
    let text = std::fs::read_to_string(shared().join("API.md")).expect("../shared/API.md");
    text.split("```json")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .map(|block| serde_json::from_str(block).unwrap_or_else(|e| panic!("example does not parse: {e}\n{block}")))
        .collect()
}

async fn spec(app: &common::TestApp) -> Value {
    let (status, ct, doc) = app.get("/openapi.json").await;
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/json"), "{ct}");
    doc
}

#[tokio::test]
async fn the_document_is_openapi_3_1_and_lists_every_route_the_app_serves() {
    let app = spawn_app().await;
    let doc = spec(&app).await;
    assert_eq!(doc["openapi"], "3.1.0");
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            documented.push((method.to_uppercase(), path.clone()));
        }
    }
    let mut served: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| ((*m).to_string(), (*p).to_string()))
        .collect();
    documented.sort();
    served.sort();
    assert_eq!(documented, served, "the document and the app's route table differ");
}

#[tokio::test]
async fn every_listed_route_is_really_served() {
    let app = spawn_app().await;
    for (method, path) in ROUTES {
        let url = format!("{}{}", app.base, path.replace("{id}", "nope"));
        let resp = match *method {
            "GET" => app.client.get(&url).send().await,
            "POST" => app.client.post(&url).send().await,
            other => panic!("method {other} not exercised"),
        }
        .expect("request");
        let status = resp.status().as_u16();
        let body = resp.text().await.unwrap_or_default();
        assert!(
            !body.contains("no route for"),
            "{method} {path} fell through to the default service ({status})"
        );
    }
    // …and the default service is what an unlisted route gets.
    let (status, _, body) = app.get("/v1/unlisted").await;
    assert_eq!(status, 404);
    assert!(body["detail"].as_str().unwrap_or("").contains("no route for"));
}

#[tokio::test]
async fn the_contract_examples_validate_against_their_schemas() {
    let app = spawn_app().await;
    let doc = spec(&app).await;
    let examples = contract_examples();
    assert!(examples.len() >= 3, "expected the request, answer and webhook examples");
    let mut seen = Vec::new();
    for ex in &examples {
        let schema = if ex.get("event").is_some() {
            "NewsroomEvent"
        } else if ex.get("verdict").is_some() {
            "CheckAnswer"
        } else if ex.get("claim").is_some() {
            "CheckRequest"
        } else {
            panic!("unrecognised example {ex}")
        };
        assert_valid(&doc, schema, ex);
        seen.push(schema);
        if schema == "CheckRequest" {
            // The batch request is written inline in the contract: claims are check requests, sources shared.
            assert_valid(
                &doc,
                "BatchRequest",
                &json!({"claims": [ex, {"claim": "x"}], "sources": ["https://…"]}),
            );
        }
    }
    for want in ["CheckRequest", "CheckAnswer", "NewsroomEvent"] {
        assert!(seen.contains(&want), "no {want} example found in API.md");
    }
}

#[tokio::test]
async fn schemas_reject_what_the_contract_forbids() {
    let app = spawn_app().await;
    let doc = spec(&app).await;
    let schema = json!({"$ref": "#/components/schemas/CheckRequest"});
    for bad in [
        json!({}),
        json!({"claim": 5}),
        json!({"claim": "x", "sources": "https://a.example/"}),
    ] {
        assert!(
            !validate(&doc, &schema, &bad, "CheckRequest").is_empty(),
            "{bad} passed"
        );
    }
    let answer = json!({"$ref": "#/components/schemas/CheckAnswer"});
    let wrong_verdict = json!({"claim": "x", "verdict": "true", "confidence": 1.0, "summary": "", "quantities": [],
                               "evidence": [], "sources": [], "id": null});
    assert!(!validate(&doc, &answer, &wrong_verdict, "CheckAnswer").is_empty());
}

#[tokio::test]
async fn the_webhook_schema_matches_what_the_handler_parses() {
    let app = spawn_app().await;
    let doc = spec(&app).await;
    // Every field the handler's type has, filled, serialized back: the schema must know each one.
    let full = json!({"event": "article.published", "callback_url": "https://cms.example/cb",
        "article": {"id": 123, "revision": "7", "title": "t", "url": "https://news.example/a", "body_html": "<p>x</p>",
                    "body_text": "x", "sources": ["https://a.example/"]}});
    let parsed = crosscheck::jobs::webhook::WebhookEvent::parse(full.to_string().as_bytes()).expect("parses");
    assert_valid(&doc, "NewsroomEvent", &serde_json::to_value(&parsed).unwrap());
}

#[tokio::test]
async fn real_answers_validate_against_their_schemas() {
    let app = spawn_app().await;
    let doc = spec(&app).await;
    let pages = serve_pages(fixtures());
    let url = format!("{}standard-met-special-measures.html", pages.base);
    let (status, _, answer) = app
        .post_json(
            "/v1/checks",
            &json!({"claim": "86.2% of 999 calls in 10 seconds", "sources": [url], "id": "r1"}),
        )
        .await;
    assert_eq!(status, 200);
    assert_valid(&doc, "CheckAnswer", &answer);
    let id = answer["check_id"].as_str().unwrap();
    let (_, _, stored) = app.get(&format!("/v1/checks/{id}")).await;
    assert_valid(&doc, "StoredCheckView", &stored);
    let (_, _, batch) = app
        .post_json(
            "/v1/checks/batch",
            &json!({"claims": [{"claim": "86.2% of 999 calls"}, {"claim": ""}]}),
        )
        .await;
    assert_valid(&doc, "BatchAnswer", &batch);
    let (_, _, sources) = app.get("/v1/sources").await;
    assert_valid(&doc, "SourcesList", &sources);
    let (_, _, health) = app.get("/healthz").await;
    assert_valid(&doc, "Health", &health);
    let (_, _, job) = app
        .post_json(
            "/v1/checks/batch?async=true",
            &json!({"claims": [{"claim": "86.2% of 999 calls"}]}),
        )
        .await;
    assert_valid(&doc, "JobAccepted", &job);
    let (_, _, view) = app.get(job["status_url"].as_str().unwrap()).await;
    assert_valid(&doc, "JobView", &view);
    let (_, ct, review) = app.get(&format!("/v1/checks/{id}?format=claimreview")).await;
    assert_eq!(ct, "application/ld+json");
    assert_valid(&doc, "ClaimReview", &review);
    let (_, _, problem) = app.get("/v1/checks/nope").await;
    assert_valid(&doc, "Problem", &problem);
}

#[tokio::test]
async fn every_reference_in_the_document_resolves() {
    fn walk<'a>(v: &'a Value, refs: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                if let Some(r) = m.get("$ref").and_then(Value::as_str) {
                    refs.push(r);
                }
                m.values().for_each(|x| walk(x, refs));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, refs)),
            _ => {}
        }
    }
    let app = spawn_app().await;
    let doc = spec(&app).await;
    let mut refs = Vec::new();
    walk(&doc, &mut refs);
    assert!(refs.len() > 20, "{} refs", refs.len());
    for r in refs {
        let pointer = r.strip_prefix('#').unwrap_or_else(|| panic!("external ref {r}"));
        assert!(doc.pointer(pointer).is_some(), "{r} does not resolve");
    }
    let schemes = &doc["components"]["securitySchemes"];
    for op in doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|p| p.as_object().unwrap().values())
    {
        for requirement in op["security"].as_array().into_iter().flatten() {
            for name in requirement.as_object().unwrap().keys() {
                assert!(schemes.get(name).is_some(), "security scheme {name} undefined");
            }
        }
    }
}

/// The (method, path) pairs `configure` registers, read from its source: each `.route("…", web::get()…)` or
/// `web::resource("…")…route(web::post()…)`, under the `web::scope("…")` that precedes it.
fn registered_in_configure() -> Vec<(String, String)> {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/http/mod.rs")).expect("mod.rs");
    let start = src.find("pub fn configure").expect("configure");
    let body = &src[start..start + src[start..].find("\n}\n").expect("end of configure")];
    let methods = ["get", "post", "put", "patch", "delete", "head"];
    let mut prefix = String::new();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some((pos, marker)) = ["web::scope(\"", ".route(\"", "web::resource(\""]
        .iter()
        .filter_map(|m| body[at..].find(m).map(|p| (at + p, *m)))
        .min()
    {
        let lit_start = pos + marker.len();
        let lit_end = lit_start + body[lit_start..].find('"').expect("closing quote");
        let literal = &body[lit_start..lit_end];
        if marker == "web::scope(\"" {
            prefix = literal.to_string();
        } else {
            let method = methods
                .iter()
                .filter_map(|m| body[lit_end..].find(&format!("web::{m}()")).map(|p| (p, *m)))
                .min()
                .map(|(_, m)| m.to_uppercase())
                .expect("a method for the route");
            found.push((method, format!("{prefix}{literal}")));
        }
        at = lit_end;
    }
    found
}

#[test]
fn the_route_table_is_what_configure_registers() {
    let mut registered = registered_in_configure();
    let mut listed: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| ((*m).to_string(), (*p).to_string()))
        .collect();
    registered.sort();
    listed.sort();
    assert_eq!(registered, listed, "http::configure and http::openapi::ROUTES differ");
}
