//! The binary as a newcomer runs it: the README's first command, offline, on the shipped registry.

use std::process::Command;

fn crosscheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("CROSSCHECK_SOURCES_DIR");
    cmd
}

#[test]
fn readme_first_command_prints_supported_after_reading_both_seed_sources() {
    let out = crosscheck()
        .args(["check", "86.2% of 999 calls in 10 seconds"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("supported"), "{stdout}");
    assert!(stdout.contains("86.2 per cent of 999 calls"), "{stdout}");
    // The Standard's report gives the figure; the Mayor's statement is read too ("Emergency calls are now being
    // answered faster" gives no figure, so it is no evidence).
    assert!(stdout.contains("supports  The Standard"), "{stdout}");
    assert!(
        stdout.contains("source ok registry:standard-met-special-measures")
            && stdout.contains("source ok registry:mayor-statement-met-special-measures"),
        "{stdout}"
    );
}

#[test]
fn check_json_has_the_contract_fields() {
    let out = crosscheck()
        .args(["check", "86.2% of 999 calls in 10 seconds", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for field in [
        "claim",
        "verdict",
        "confidence",
        "summary",
        "quantities",
        "evidence",
        "sources",
    ] {
        assert!(v.get(field).is_some(), "{field} missing");
    }
}

#[test]
fn extract_text_drops_the_most_read_sidebar_and_cookie_banner() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/fixtures/pages/standard-met-special-measures.html"
    );
    let out = crosscheck().args(["extract", page]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("86.2 per cent of 999 calls"));
    assert!(!text.contains("9.4 per cent") && !text.contains("cookies"), "{text}");
}

#[test]
fn extract_json_has_metadata_blocks_and_quotes() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/fixtures/pages/standard-met-special-measures.html"
    );
    let out = crosscheck()
        .args(["extract", "--format", "json", page])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["publisher"], "The Standard");
    assert!(v["title"].as_str().unwrap().contains("special measures"));
    assert!(v["blocks"].as_array().unwrap().len() > 10);
    assert!(v["quotes"].is_array());
}

#[test]
fn a_missing_file_is_a_clear_error_not_a_panic() {
    let out = crosscheck().args(["extract", "/no/such/file.html"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn eval_prints_a_summary_line() {
    let claims = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/claims/dev.jsonl");
    let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/pages");
    let out = crosscheck().args(["eval", claims, "--pages", pages]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().last().unwrap_or("").starts_with("accuracy="), "{stdout}");
}

#[test]
fn check_file_answers_each_line_in_order() {
    let dir = std::env::temp_dir().join(format!("crosscheck-cli-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("claims.jsonl");
    std::fs::write(
        &file,
        "{\"claim\": \"86.2% of 999 calls in 10 seconds\", \"id\": \"one\"}\n\n{\"claim\": \"Burglary is up 22% over the mayoralty\"}\n{\"claim\": \"\"}\n",
    )
    .unwrap();
    let out = crosscheck()
        .args(["check", "--file", file.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        (lines[0]["id"].as_str(), lines[0]["verdict"].as_str()),
        (Some("one"), Some("supported"))
    );
    assert_eq!(lines[1]["verdict"], "contradicted");
    assert!(lines[2]["error"].as_str().unwrap().contains("empty"));
    std::fs::remove_dir_all(&dir).ok();
}
