#!/usr/bin/env python3
"""Send a draft to crosscheck's newsroom webhook, signed, then follow the job until it is done.

What a CMS plugin does when an editor saves a draft, in the fewest lines that are still correct:

1. build the webhook body (``article.id``, ``revision``, ``title``, ``body_html`` or ``body_text``, optional
   ``sources`` and ``callback_url``) and serialise it ONCE to bytes;
2. sign exactly those bytes: ``X-Crosscheck-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`` with the
   shared secret, and ``X-Crosscheck-Timestamp: <unix seconds>`` (the service refuses a timestamp more than 300 s
   from its clock, so sign just before sending, never ahead of time);
3. POST them; the service answers ``202 {"job_id": ..., "status_url": ...}`` at once, and the same article id and
   revision always give back the same job, so a retry after a network error is safe;
4. poll ``GET /v1/jobs/{id}`` (or wait for the signed callback, see ``receive_callback.py``).

Standard library only (Python 3.8+). Examples:

    export CROSSCHECK_WEBHOOK_SECRET=...        # the service's CROSSCHECK_WEBHOOK_SECRET
    python3 send_draft.py --id cms-123 --revision 7 --title "Met leaves special measures" --text draft.txt
    python3 send_draft.py --id cms-123 --revision 8 --html draft.html --source https://example.org/report \\
        --callback-url https://cms.example/hooks/crosscheck --no-wait
    python3 send_draft.py --self-test           # checks the signing code against the README's known vectors
"""

import argparse
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.request

TIMESTAMP_HEADER = "X-Crosscheck-Timestamp"
SIGNATURE_HEADER = "X-Crosscheck-Signature"
WEBHOOK_PATH = "/v1/webhooks/newsroom"
# Job states after which polling stops.
FINISHED = ("done", "failed")

# (secret, timestamp, body, expected header), each computed with
#   printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret"
KNOWN_VECTORS = [
    ("s3cret", 1700000000, b'{"a":1}',
     "sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940"),
    ("whsec_example", 1764000000,
     b'{"event":"article.updated","article":{"id":"cms-123","revision":"7","title":"Met leaves special measures",'
     b'"body_text":"Over 100 recommendations have been addressed."},"callback_url":"http://127.0.0.1:9000/callback"}',
     "sha256=f0ce6563fc36d2d67bebb906f7ba3aa3e7eb576d989f3ab79092d92608607c93"),
]


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The X-Crosscheck-Signature value for `body` sent at `timestamp` (unix seconds)."""
    message = str(int(timestamp)).encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: bytes, now=None) -> dict:
    """Content type, timestamp and signature headers for one request."""
    ts = int(time.time() if now is None else now)
    return {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: str(ts),
        SIGNATURE_HEADER: sign(secret, ts, body),
    }


def webhook_body(args) -> bytes:
    """The webhook JSON, serialised once: the signature covers these exact bytes."""
    article = {"id": args.id, "revision": str(args.revision), "title": args.title}
    if args.url:
        article["url"] = args.url
    if args.html:
        article["body_html"] = read(args.html)
    else:
        article["body_text"] = read(args.text)
    if args.source:
        article["sources"] = args.source
    body = {"event": args.event, "article": article}
    if args.callback_url:
        body["callback_url"] = args.callback_url
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def call(method: str, url: str, body=None, headers=None, timeout=30.0):
    """(status, parsed JSON or text) for one request; HTTP errors are answers too (problem+json)."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    text = raw.decode("utf-8", "replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def show(label: str, status: int, answer) -> None:
    pretty = json.dumps(answer, indent=2, ensure_ascii=False) if not isinstance(answer, str) else answer
    print(f"{label} HTTP {status}\n{pretty}", flush=True)


def poll(base: str, status_url: str, token, interval: float, timeout: float) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    deadline = time.monotonic() + timeout
    last = None
    while True:
        status, job = call("GET", base + status_url, headers=headers)
        if status != 200 or not isinstance(job, dict):
            show("GET " + status_url, status, job)
            return 1
        state = job.get("status")
        progress = job.get("progress") or {}
        now = (state, progress.get("done"), progress.get("total"))
        if now != last:
            print(f"job {job.get('job_id')}: {state} {progress.get('done', '?')}/{progress.get('total', '?')}",
                  file=sys.stderr, flush=True)
            last = now
        if state in FINISHED:
            show("GET " + status_url, status, job)
            return 0 if state == "done" else 1
        if time.monotonic() > deadline:
            print(f"gave up after {timeout:.0f} s; the job goes on: GET {status_url}", file=sys.stderr)
            return 2
        time.sleep(interval)


def self_test() -> int:
    for secret, ts, body, want in KNOWN_VECTORS:
        got = sign(secret, ts, body)
        if not hmac.compare_digest(got, want):
            print(f"FAIL sign({secret!r}, {ts}, ...) = {got}, want {want}", file=sys.stderr)
            return 1
    print(f"ok: {len(KNOWN_VECTORS)} known vectors")
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Sign and send a draft to crosscheck's newsroom webhook.")
    p.add_argument("--base-url", default=os.environ.get("CROSSCHECK_URL", "http://127.0.0.1:8080"),
                   help="crosscheck service (default $CROSSCHECK_URL or http://127.0.0.1:8080)")
    p.add_argument("--secret", default=os.environ.get("CROSSCHECK_WEBHOOK_SECRET"),
                   help="shared secret (default $CROSSCHECK_WEBHOOK_SECRET; prefer the variable to the flag)")
    p.add_argument("--token", default=os.environ.get("CROSSCHECK_API_TOKEN"),
                   help="bearer token for GET /v1/jobs when the service sets CROSSCHECK_API_TOKENS")
    p.add_argument("--id", help="the CMS's article id")
    p.add_argument("--revision", help="the draft's revision: a new revision makes a new job")
    p.add_argument("--title", default="")
    p.add_argument("--url", help="the article's public URL, if it has one")
    body = p.add_mutually_exclusive_group()
    body.add_argument("--html", help="file holding body_html ('-' for stdin)")
    body.add_argument("--text", help="file holding body_text ('-' for stdin)")
    p.add_argument("--source", action="append", help="a source URL to check against (repeatable; default: the "
                   "links in the body plus the registry)")
    p.add_argument("--callback-url", help="where the service POSTs the signed result")
    p.add_argument("--event", default="article.updated")
    p.add_argument("--no-wait", action="store_true", help="print the 202 answer and stop")
    p.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds to poll before giving up")
    p.add_argument("--self-test", action="store_true", help="check the signing code against known vectors")
    args = p.parse_args(argv)

    if args.self_test:
        return self_test()
    missing = [f for f, v in (("--id", args.id), ("--revision", args.revision)) if not v]
    if not (args.html or args.text):
        missing.append("--html or --text")
    if not args.secret:
        missing.append("--secret or CROSSCHECK_WEBHOOK_SECRET")
    if missing:
        p.error("missing " + ", ".join(missing))

    base = args.base_url.rstrip("/")
    payload = webhook_body(args)
    status, answer = call("POST", base + WEBHOOK_PATH, payload, signed_headers(args.secret, payload))
    show("POST " + WEBHOOK_PATH, status, answer)
    if status != 202 or not isinstance(answer, dict):
        return 1
    if args.no_wait:
        return 0
    status_url = answer.get("status_url") or f"/v1/jobs/{answer.get('job_id')}"
    return poll(base, status_url, args.token, args.interval, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
