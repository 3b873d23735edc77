"""A fake Databricks workspace for dbcurl's tests and demo.

HTTPS (or plain HTTP) on 127.0.0.1, with a certificate generated at start-up.
Each request is recorded exactly as received (raw bytes, and parsed), and the
endpoints the tests use answer like Databricks, including its 401/403 JSON
errors for a missing or wrong token.

Run standalone (the demo does): python3 fake_workspace.py --token T --ready-file F
writes "PORT CERTFILE" to F once listening, and serves until killed.
"""

import argparse
import base64
import json
import os
import signal
import socket
import socketserver
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

_CERT_LOCK = threading.Lock()
_CERT_DIR = None


def certificate():
    """A self-signed certificate for localhost and 127.0.0.1, made once per process."""
    global _CERT_DIR
    with _CERT_LOCK:
        if _CERT_DIR is None:
            directory = tempfile.mkdtemp(prefix="dbcurl-cert-")
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                 "-nodes", "-keyout", os.path.join(directory, "key.pem"),
                 "-out", os.path.join(directory, "cert.pem"), "-days", "2", "-subj", "/CN=localhost",
                 "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                check=True, capture_output=True)
            _CERT_DIR = directory
    return os.path.join(_CERT_DIR, "cert.pem"), os.path.join(_CERT_DIR, "key.pem")


@dataclass
class Request:
    method: str
    target: str
    version: str
    headers: list  # [(name, value)] in order, as received
    body: bytes
    raw: bytes
    tls: bool

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    @property
    def path(self):
        return self.target.split("?", 1)[0]


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: list = field(default_factory=list)


@dataclass
class RawReply:
    """Bytes written as they are, then the connection closes: for server faults."""
    data: bytes
    delay: float = 0.0


REASONS = {200: "OK", 204: "No Content", 206: "Partial Content", 304: "Not Modified", 301: "Moved Permanently", 302: "Found", 303: "See Other",
           307: "Temporary Redirect", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
           404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error",
           503: "Service Unavailable"}


def json_reply(status, document, headers=()):
    return Reply(status, json.dumps(document).encode(), [("Content-Type", "application/json")] + list(headers))


class Workspace:
    """The server. Use as a context manager; requests are in .requests."""

    def __init__(self, token="dapi0123456789abcdef0123456789abcdef", tls=True):
        self.token = token
        self.tls = tls
        self.requests = []
        self.busy = {}
        # OAuth (fake_oauth below): the service principals' secrets by client id,
        # the OIDC id tokens it accepts (-> the client id they must come with,
        # None for account-wide federation), the lifetime of what it issues,
        # and every token request it answered, for tests to count.
        self.oauth_clients = {}
        self.oidc_tokens = {}
        self.token_lifetime = 3600
        self.token_requests = []
        self.github_id_token = None  # the id token /github/id-token hands out, with request token github_request_token
        self.github_request_token = None
        self._lock = threading.Lock()
        self._server = None
        self._thread = None

    # -- lifecycle
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        context = None
        if self.tls:
            cert, key = certificate()
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
        workspace = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                workspace._serve_connection(self.request, context)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def port(self):
        return self._server.server_address[1]

    @property
    def origin(self):
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def cafile(self):
        return certificate()[0]

    def clear(self):
        with self._lock:
            self.requests.clear()

    # -- protocol
    def _serve_connection(self, sock, context):
        sock.settimeout(30)
        try:
            if context is not None:
                sock = context.wrap_socket(sock, server_side=True)
            reader = sock.makefile("rb")
            while True:
                request = self._read_request(reader, sock)
                if request is None:
                    return
                with self._lock:
                    self.requests.append(request)
                reply = self.route(request)
                if isinstance(reply, RawReply):
                    time.sleep(reply.delay)
                    sock.sendall(reply.data)
                    return
                keep_alive = (request.header("Connection") or "").lower() != "close"
                self._write_reply(sock, request, reply, keep_alive)
                if not keep_alive:
                    return
        except (OSError, ssl.SSLError, ValueError):
            return
        finally:
            try:
                sock.close()
            except OSError:
                pass

    def _read_request(self, reader, sock):
        raw = b""
        line = reader.readline(65537)
        if not line:
            return None
        raw += line
        parts = line.decode("latin-1").rstrip("\r\n").split(" ")
        if len(parts) != 3:
            raise ValueError("bad request line")
        method, target, version = parts
        headers = []
        while True:
            line = reader.readline(65537)
            if not line:
                return None
            raw += line
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("latin-1").rstrip("\r\n").partition(":")
            headers.append((name, value.strip()))
        request = Request(method, target, version, headers, b"", b"", self.tls)
        if (request.header("Expect") or "").lower() == "100-continue":
            sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        body = b""
        if (request.header("Transfer-Encoding") or "").lower() == "chunked":
            while True:
                size_line = reader.readline()
                raw += size_line
                size = int(size_line.split(b";")[0].strip(), 16)
                chunk = reader.read(size + 2)
                raw += chunk
                body += chunk[:size]
                if size == 0:
                    break
        else:
            length = int(request.header("Content-Length") or 0)
            body = reader.read(length) if length else b""
            raw += body
        request.body = body
        request.raw = raw
        return request

    def _write_reply(self, sock, request, reply, keep_alive):
        head = f"HTTP/1.1 {reply.status} {REASONS.get(reply.status, 'Status')}\r\n"
        names = {name.lower() for name, _ in reply.headers}
        headers = list(reply.headers)
        if "content-length" not in names:
            headers.append(("Content-Length", str(len(reply.body))))
        if not keep_alive:
            headers.append(("Connection", "close"))
        for name, value in headers:
            head += f"{name}: {value}\r\n"
        head += "\r\n"
        payload = head.encode("latin-1")
        if request.method != "HEAD":
            payload += reply.body
        sock.sendall(payload)

    # -- endpoints
    def authorized(self, request):
        """None when the token is right, else the Databricks error reply."""
        value = request.header("Authorization")
        if value is None:
            return json_reply(401, {"error_code": 401, "message":
                                    "Credential was not sent or was of an unsupported type for this API."})
        scheme, _, credential = value.partition(" ")
        if scheme == "Bearer" and credential == self.token:
            return None
        if scheme == "Basic":
            try:
                user, _, secret = base64.b64decode(credential).decode().partition(":")
            except ValueError:
                user, secret = "", ""
            if user == "token" and secret == self.token:
                return None
        return json_reply(403, {"error_code": 403, "message": "Invalid access token."})

    def route(self, request):
        path = request.path
        if path.startswith("/oidc/") or path.startswith("/github/"):
            return self.oauth(request)
        if path.startswith("/api/"):
            denied = self.authorized(request)
            if denied is not None:
                return denied
            if path == "/api/2.0/clusters/list":
                return json_reply(200, {"clusters": [
                    {"cluster_id": "1234-567890-abcde123", "cluster_name": "demo", "state": "RUNNING"}]})
            if path in ("/api/2.1/jobs/run-now", "/api/2.0/jobs/run-now"):
                return json_reply(200, {"run_id": 455644833, "number_in_job": 1})
            if path == "/api/2.0/token/list":
                return json_reply(200, {"token_infos": []})
            if path.startswith("/api/2.0/test/") or path in ("/api/2.1/jobs/list", "/api/2.0/jobs/list"):
                return self.test_endpoint(request)
            return json_reply(404, {"error_code": "ENDPOINT_NOT_FOUND",
                                    "message": f"No API found for '{request.method} {path}'"})
        if path.startswith("/fault/"):
            return self.fault(path.split("/")[2], request)
        if path.startswith("/status/"):
            code = int(path.split("/")[2])
            return Reply(code, f"status {code}\n".encode(), [("Content-Type", "text/plain")])
        if path.startswith("/redirect-to"):
            location = request.target.split("url=", 1)[1] if "url=" in request.target else "/echo"
            return Reply(302, b"", [("Location", _unquote(location))])
        if path.startswith("/bytes/"):  # with "Range: bytes=N-": 206 and the bytes from N on
            count = int(path.split("/")[2])
            data = bytes(range(256)) * (count // 256) + bytes(range(count % 256))
            first = (request.header("Range") or "").removeprefix("bytes=").removesuffix("-")
            if first.isdigit() and int(first) < count:
                return Reply(206, data[int(first):], [("Content-Type", "application/octet-stream"),
                                                      ("Content-Range", f"bytes {first}-{count - 1}/{count}")])
            return Reply(200, data, [("Content-Type", "application/octet-stream")])
        if path == "/basic-auth":  # a Basic challenge until the request carries any Authorization
            if request.header("Authorization") is None:
                return Reply(401, b"", [("WWW-Authenticate", 'Basic realm="test"')])
            return json_reply(200, {"method": request.method, "body": request.body.decode("latin-1")})
        if path == "/etag":  # 304 when If-None-Match names its ETag
            if request.header("If-None-Match") == '"v1"':
                return Reply(304, b"", [("ETag", '"v1"')])
            return Reply(200, b"tagged body\n", [("ETag", '"v1"'), ("Content-Type", "text/plain")])
        if path.startswith("/flaky/"):  # /flaky/STATUS?id=X: STATUS (empty body) once per id, then 200
            key = ("flaky", request.target)
            with self._lock:
                self.busy[key] = self.busy.get(key, 0) + 1
                first_time = self.busy[key] == 1
            if first_time:
                return Reply(int(path.split("/")[2]), b"")
            return Reply(200, b"second attempt\n", [("Content-Type", "text/plain")])
        if path == "/login.html":
            return Reply(200, b"<html><body>Sign in</body></html>", [("Content-Type", "text/html; charset=utf-8")])
        if path == "/empty":
            return Reply(200, b"")
        if path == "/response-headers":  # ?Name=value&...: those headers on a small text reply
            from urllib.parse import parse_qsl, urlsplit
            return Reply(200, b"with chosen headers\n", [("Content-Type", "text/plain")] +
                         parse_qsl(urlsplit(request.target).query))
        if path == "/headers":
            return Reply(200, b"with headers\n", [("Content-Type", "text/plain; charset=utf-8"),
                                                   ("X-Multi", "one"), ("X-Multi", "two"),
                                                   ("Set-Cookie", "session=abc; Path=/")])
        # Anything else echoes the request as JSON.
        return json_reply(200, {"method": request.method, "target": request.target,
                                "headers": [[k, v] for k, v in request.headers if k.lower() != "authorization"],
                                "body": request.body.decode("latin-1")})


FAULTS = {
    # Content-Length promises 1000 bytes; 100 arrive, then the connection closes.
    "reset": b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + b"x" * 100,
    # One chunk, then the connection closes before the last chunk.
    "truncated-chunked": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
    # The connection closes without a byte of reply.
    "empty": b"",
    # An HTTP/0.9 reply: the body alone, no status line.
    "http09": b"just a body\n",
    # 10 MB of response headers.
    "huge-headers": b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-Filler-%06d: %s\r\n" % (i, b"y" * 90)
                                                     for i in range(100000)) + b"Content-Length: 0\r\n\r\n",
}


def _fault(workspace, name, request):
    if name == "slow":
        return RawReply(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", delay=3.0)
    if name == "redirect-loop":
        return Reply(302, b"", [("Location", request.target)])
    return RawReply(FAULTS[name])


Workspace.fault = _fault

JOBS = [{"job_id": n, "settings": {"name": f"job-{n}"}} for n in range(1, 6)]


def _query(request):
    from urllib.parse import parse_qs, urlsplit
    return {k: v[-1] for k, v in parse_qs(urlsplit(request.target).query).items()}


def _test_endpoint(workspace, request):
    path, query = request.path, _query(request)
    if path == "/api/2.1/jobs/list":  # page tokens, 2 jobs a page
        start = int(query.get("page_token", "p0")[1:])
        page = {"jobs": JOBS[start:start + 2], "has_more": start + 2 < len(JOBS)}
        if start + 2 < len(JOBS):
            page["next_page_token"] = f"p{start + 2}"
        return json_reply(200, page)
    if path == "/api/2.0/jobs/list":  # the old offset/limit style
        offset, limit = int(query.get("offset", 0)), int(query.get("limit", 2))
        return json_reply(200, {"jobs": JOBS[offset:offset + limit], "has_more": offset + limit < len(JOBS)})
    if path == "/api/2.0/test/search":  # POST with page_token in the JSON body
        body = json.loads(request.body or b"{}")
        start = int(body.get("page_token", "p0")[1:])
        page = {"results": JOBS[start:start + 2], "total": len(JOBS), "echo": body.get("filter")}
        if start + 2 < len(JOBS):
            page["next_page_token"] = f"p{start + 2}"
        return json_reply(200, page)
    if path == "/api/2.0/test/repeat-token":  # a server that never advances: the same token on every page
        return json_reply(200, {"items": [len(workspace.requests)], "next_page_token": "same"})
    if path == "/api/2.0/test/endless":  # a new token on every page, forever (?delay=S: each page takes S s)
        time.sleep(float(query.get("delay", 0)))
        number = int(query.get("page_token", "0")) + 1
        return json_reply(200, {"items": [number], "next_page_token": str(number)})
    if path == "/api/2.0/test/html-page2":  # page two is an HTML page (a proxy's or the login page)
        if "page_token" in query:
            return Reply(200, b"<html><body>Sign in</body></html>", [("Content-Type", "text/html; charset=utf-8")])
        return json_reply(200, {"items": [1, 2], "next_page_token": "p2"})
    if path == "/api/2.0/test/fail-page2":
        if "page_token" in query:
            return json_reply(500, {"error_code": "INTERNAL_ERROR", "message": "page two broke"})
        return json_reply(200, {"items": [1, 2], "next_page_token": "p2"})
    if path == "/api/2.0/test/error/permission":
        return json_reply(403, {"error_code": "PERMISSION_DENIED", "message": "You do not own this cluster."})
    if path == "/api/2.0/test/error/legacy":
        return json_reply(400, {"error": "Legacy error message"})
    if path == "/api/2.0/test/error/scim":
        return json_reply(404, {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                                "detail": "User 42 not found", "status": "404", "scimType": "invalidValue"})
    if path == "/api/2.0/test/login-redirect":
        return Reply(302, b"", [("Location", "/login.html?next_url=%2Fapi%2F2.0%2Ftest")])
    if path == "/api/2.0/test/html":
        return Reply(200, b"<!doctype html><html>Databricks</html>", [("Content-Type", "text/html; charset=utf-8")])
    if path == "/api/2.0/test/busy":  # 429 (or 503) with Retry-After, twice per id, then OK
        key = (query.get("id"), query.get("status", "429"))
        with workspace._lock:
            workspace.busy[key] = workspace.busy.get(key, 0) + 1
            seen = workspace.busy[key]
        if seen <= 2:
            return json_reply(int(key[1]), {"error_code": "REQUEST_LIMIT_EXCEEDED", "message": "slow down"},
                              [("Retry-After", "1")])
        return json_reply(200, {"ok": True})
    return json_reply(404, {"error_code": "ENDPOINT_NOT_FOUND", "message": f"No API found for '{path}'"})


Workspace.test_endpoint = _test_endpoint


def _oauth(workspace, request):
    """OAuth as a Databricks workspace or account serves it: the authorization
    server metadata, the token endpoint (client credentials with HTTP Basic,
    and RFC 8693 token exchange), and GitHub Actions' id-token endpoint."""
    from urllib.parse import parse_qs, unquote_plus, urlsplit
    origin = f"{'https' if workspace.tls else 'http'}://{request.header('Host')}"
    path = request.path
    if path == "/oidc/.well-known/oauth-authorization-server" and request.method == "GET":
        return json_reply(200, {"issuer": origin + "/oidc", "authorization_endpoint": origin + "/oidc/v1/authorize",
                                "token_endpoint": origin + "/oidc/v1/token"})
    if path == "/github/id-token" and request.method == "GET":
        if request.header("Authorization") != f"Bearer {workspace.github_request_token}":
            return json_reply(401, {"message": "bad request token"})
        return json_reply(200, {"count": 1, "value": workspace.github_id_token})
    if request.method != "POST" or not (path == "/oidc/v1/token" or
                                        (path.startswith("/oidc/accounts/") and path.endswith("/v1/token"))):
        return json_reply(404, {"error_code": "ENDPOINT_NOT_FOUND", "message": f"No API found for '{path}'"})
    with workspace._lock:
        workspace.token_requests.append(request)
    form = {k: v[-1] for k, v in parse_qs(request.body.decode("latin-1"), keep_blank_values=True).items()}
    invalid = json_reply(401, {"error": "invalid_client", "error_description": "Client authentication failed"})
    if form.get("scope") != "all-apis":
        return json_reply(400, {"error": "invalid_scope"})
    grant = form.get("grant_type")
    if grant == "client_credentials":
        scheme, _, credential = (request.header("Authorization") or "").partition(" ")
        if scheme != "Basic":
            return invalid
        client, _, secret = base64.b64decode(credential).decode().partition(":")
        if workspace.oauth_clients.get(unquote_plus(client)) != unquote_plus(secret):
            return invalid
    elif grant == "urn:ietf:params:oauth:grant-type:token-exchange":
        if form.get("subject_token_type") != "urn:ietf:params:oauth:token-type:jwt":
            return json_reply(400, {"error": "invalid_request"})
        subject = form.get("subject_token")
        if subject not in workspace.oidc_tokens or workspace.oidc_tokens[subject] != form.get("client_id"):
            return json_reply(400, {"error": "invalid_grant", "error_description": "Token exchange failed"})
    else:
        return json_reply(400, {"error": "unsupported_grant_type"})
    return json_reply(200, {"access_token": workspace.token, "token_type": "Bearer",
                            "expires_in": workspace.token_lifetime, "scope": "all-apis"})


Workspace.oauth = _oauth


def _unquote(text):
    from urllib.parse import unquote
    return unquote(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--token", default="dapi0123456789abcdef0123456789abcdef")
    parser.add_argument("--ready-file", required=True)
    parser.add_argument("--plain-http", action="store_true")
    options = parser.parse_args()
    workspace = Workspace(options.token, tls=not options.plain_http)
    workspace.start()
    with open(options.ready_file + ".tmp", "w") as ready:
        ready.write(f"{workspace.port} {workspace.cafile}\n")
    os.replace(options.ready_file + ".tmp", options.ready_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    workspace.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
