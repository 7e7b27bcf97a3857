#!/usr/bin/env python3
"""Receive crosscheck's signed callbacks: verify, drop replays and repeats, print the result.

crosscheck POSTs a finished job to the webhook's ``callback_url`` with the same scheme the webhook uses:

    X-Crosscheck-Timestamp: <unix seconds>
    X-Crosscheck-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret>
    X-Crosscheck-Delivery:  <delivery id>

A receiver must (in this order): verify the signature over the RAW body bytes, before parsing them, comparing in
constant time; refuse a timestamp more than 300 s from its own clock (a replayed old request); and answer 2xx to a
delivery id it has already handled without handling it again, because crosscheck retries with backoff until it gets
a 2xx, so the same delivery can arrive twice (e.g. when the first 200 was lost). Anything else is answered 401 and
crosscheck retries it (a wrong secret shows up as the job's ``delivery_failed`` with the last error).

Standard library only (Python 3.8+):

    export CROSSCHECK_WEBHOOK_SECRET=...
    python3 receive_callback.py --port 9000     # then send drafts with --callback-url http://127.0.0.1:9000/
    python3 receive_callback.py --self-test     # checks verify() against known vectors and the rejections

Seen delivery ids are kept in memory (the last 10,000); pass --seen-file to keep them across restarts.
"""

import argparse
import collections
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TIMESTAMP_HEADER = "X-Crosscheck-Timestamp"
SIGNATURE_HEADER = "X-Crosscheck-Signature"
DELIVERY_HEADER = "X-Crosscheck-Delivery"
REPLAY_WINDOW_SECS = 300
MAX_BODY_BYTES = 10 * 1024 * 1024
REMEMBERED_DELIVERIES = 10_000


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The X-Crosscheck-Signature value for `body` sent at `timestamp` (unix seconds)."""
    message = str(int(timestamp)).encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(secret: str, timestamp, signature, body: bytes, now=None):
    """None when the request is authentic and fresh, else the reason it is not."""
    try:
        ts = int((timestamp or "").strip())
    except ValueError:
        return f"{TIMESTAMP_HEADER} is missing or not unix seconds"
    now = int(time.time() if now is None else now)
    if abs(now - ts) > REPLAY_WINDOW_SECS:
        when = f"{now - ts} s old" if now > ts else f"{ts - now} s in the future"
        return f"timestamp is {when}, outside the {REPLAY_WINDOW_SECS} s window (replay or clock skew?)"
    signature = (signature or "").strip()
    if not signature.startswith("sha256="):
        return f"{SIGNATURE_HEADER} is missing or not sha256=<hex>"
    # compare_digest takes constant time: a timing attack cannot guess the signature byte by byte.
    if not hmac.compare_digest(sign(secret, ts, body).encode("ascii"), signature.lower().encode("ascii", "replace")):
        return "signature does not match the body"
    return None


class Deliveries:
    """Delivery ids already handled: a bounded, thread-safe set, optionally kept in a file (one id a line)."""

    def __init__(self, path=None, limit=REMEMBERED_DELIVERIES):
        self.path, self.limit, self.lock = path, limit, threading.Lock()
        self.ids = collections.OrderedDict()
        if path and os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        self.ids[line.strip()] = None
            while len(self.ids) > limit:
                self.ids.popitem(last=False)

    def first_time(self, delivery_id: str) -> bool:
        """Records `delivery_id`; False when it was already recorded."""
        with self.lock:
            if delivery_id in self.ids:
                return False
            self.ids[delivery_id] = None
            if len(self.ids) > self.limit:
                self.ids.popitem(last=False)
            if self.path:
                with open(self.path, "a", encoding="utf-8") as f:
                    f.write(delivery_id + "\n")
            return True


def summary(payload) -> str:
    """The job line, then one line per checked claim (verdict, claim, speaker); the JSON when the shape is unknown."""
    if not isinstance(payload, dict):
        return json.dumps(payload, indent=2, ensure_ascii=False)
    lines = [f"job {payload.get('job_id')} {payload.get('status')}"
             + (f" error: {payload['error']}" if payload.get("error") else "")]
    result = payload.get("result")
    items = (result.get("claims") or result.get("results")) if isinstance(result, dict) else result
    if isinstance(result, dict) and isinstance(result.get("verdicts"), dict):
        lines[0] += " " + ", ".join(f"{n} {v}" for v, n in result["verdicts"].items())
    if not (isinstance(items, list) and all(isinstance(i, dict) for i in items)):
        lines.append(json.dumps(result, indent=2, ensure_ascii=False))
        return "\n".join(lines)
    for item in items:
        check = item.get("check") if isinstance(item.get("check"), dict) else item
        verdict = check.get("verdict") or item.get("status") or (check.get("title") and "problem") or "?"
        speaker = f" [{item['speaker']}]" if item.get("speaker") else ""
        lines.append(f"  {verdict:>13}  {item.get('claim') or check.get('claim', '')}{speaker}")
    return "\n".join(lines)


def make_handler(secret: str, deliveries: Deliveries, raw: bool):
    class Handler(BaseHTTPRequestHandler):
        def answer(self, code: int, message: str) -> None:
            body = json.dumps({"status": code, "detail": message}).encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            try:
                length = int(self.headers.get("Content-Length", ""))
            except ValueError:
                return self.answer(411, "Content-Length required")
            if length < 0 or length > MAX_BODY_BYTES:
                return self.answer(413, "body too large")
            body = self.rfile.read(length)
            problem = verify(secret, self.headers.get(TIMESTAMP_HEADER), self.headers.get(SIGNATURE_HEADER), body)
            if problem:
                self.log_message("rejected: %s", problem)
                return self.answer(401, problem)
            try:
                payload = json.loads(body.decode("utf-8"))
            except ValueError:
                return self.answer(400, "body is not JSON")
            # Recorded only once the delivery is known to be usable, so a bad one is not mistaken for handled.
            delivery = (self.headers.get(DELIVERY_HEADER) or "").strip()
            if delivery and not deliveries.first_time(delivery):
                self.log_message("delivery %s already handled: ignored", delivery)
                return self.answer(200, "duplicate delivery ignored")
            if not delivery:
                self.log_message("no %s header: cannot detect repeats", DELIVERY_HEADER)
            print(f"--- delivery {delivery or '(none)'}", flush=True)
            print(json.dumps(payload, indent=2, ensure_ascii=False) if raw else summary(payload), flush=True)
            return self.answer(200, "ok")

        def log_message(self, fmt, *args):
            sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

    return Handler


def self_test() -> int:
    from send_draft import KNOWN_VECTORS  # the same vectors as the sender (same folder)

    failures = []
    for secret, ts, body, want in KNOWN_VECTORS:
        if verify(secret, str(ts), want, body, now=ts) is not None:
            failures.append(f"known vector at {ts} rejected")
        if verify(secret, str(ts), want, body + b" ", now=ts) is None:
            failures.append("changed body accepted")
        if verify(secret + "x", str(ts), want, body, now=ts) is None:
            failures.append("wrong secret accepted")
        if verify(secret, str(ts), want, body, now=ts + REPLAY_WINDOW_SECS + 1) is None:
            failures.append("stale timestamp accepted")
        if verify(secret, str(ts), want, body, now=ts + REPLAY_WINDOW_SECS) is not None:
            failures.append("timestamp at the edge of the window rejected")
        if verify(secret, None, want, body, now=ts) is None or verify(secret, str(ts), None, body, now=ts) is None:
            failures.append("missing header accepted")
    seen = Deliveries()
    if not seen.first_time("d-1") or seen.first_time("d-1"):
        failures.append("repeated delivery id not detected")
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    if not failures:
        print(f"ok: {len(KNOWN_VECTORS)} known vectors, rejections and repeats")
    return 1 if failures else 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Verify and print crosscheck's signed callbacks.")
    p.add_argument("--bind", default="127.0.0.1")
    p.add_argument("--port", type=int, default=9000)
    p.add_argument("--secret", default=os.environ.get("CROSSCHECK_WEBHOOK_SECRET"),
                   help="shared secret (default $CROSSCHECK_WEBHOOK_SECRET)")
    p.add_argument("--seen-file", help="file that keeps handled delivery ids across restarts")
    p.add_argument("--raw", action="store_true", help="print the whole callback JSON instead of a summary")
    p.add_argument("--self-test", action="store_true", help="check verify() and the repeat filter, then exit")
    args = p.parse_args(argv)
    if args.self_test:
        return self_test()
    if not args.secret:
        p.error("missing --secret or CROSSCHECK_WEBHOOK_SECRET")
    server = ThreadingHTTPServer((args.bind, args.port), make_handler(args.secret, Deliveries(args.seen_file), args.raw))
    print(f"listening on http://{args.bind}:{server.server_address[1]}/", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
