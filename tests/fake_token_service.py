"""A token service on 127.0.0.1 for the credential sources that ask one: a
Databricks metadata service (GET, as IDE extensions run it), Microsoft
Entra ID's client-credentials endpoint (POST /<tenant>/oauth2/token), a
Databricks OAuth token endpoint (POST /oidc/v1/token: client credentials and
token exchange) and GitHub Actions' id token endpoint (GET /github/...). It
records every request (method, path, headers, form) and answers from
settings the test changes; plain HTTP (the sources accept loopback http).
With echo set it refuses every request and echoes what it was sent, as a
careless identity provider might: the secrets in the echo must not show."""

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class TokenService:
    def __init__(self, token, expires_in=3600, id_token=None):
        self.token = token
        self.id_token = id_token  # what /github/ hands out
        self.echo = False
        self.expires_in = expires_in
        self.status = 200
        self.body = None  # replaces the JSON answer when set
        self.requests = []
        self._server = None
        self._thread = None

    def start(self):
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def answer(self, document):
                body = service.body if service.body is not None else json.dumps(document).encode()
                self.send_response(service.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def refuse_echoing(self, sent):
                body = json.dumps({"error": "invalid_request",
                                   "error_description": "rejected " + " ".join(sent)}).encode()
                self.send_response(400)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                service.requests.append(("GET", self.path, dict(self.headers.items()), {}))
                if service.echo:
                    self.refuse_echoing([self.path] + list(self.headers.values()))
                elif self.path.startswith("/github/"):
                    self.answer({"count": 1, "value": service.id_token})
                else:
                    self.answer({"access_token": service.token, "token_type": "Bearer",
                                 "expires_on": int(time.time()) + service.expires_in})

            def do_POST(self):
                length = min(int(self.headers.get("Content-Length", "0")), 65536)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                service.requests.append(("POST", self.path, dict(self.headers.items()), form))
                if service.echo:
                    self.refuse_echoing(list(form.values()) + list(self.headers.values()))
                elif self.path.startswith("/oidc/"):
                    self.answer({"access_token": service.token, "token_type": "Bearer",
                                 "expires_in": service.expires_in, "scope": "all-apis"})
                else:  # Entra's v1 endpoint writes the numbers as strings.
                    self.answer({"token_type": "Bearer", "access_token": service.token,
                                 "expires_in": str(service.expires_in), "resource": form.get("resource", "")})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=10)
            self._server = None

    @property
    def origin(self):
        return f"http://127.0.0.1:{self._server.server_address[1]}"
