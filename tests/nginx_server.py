"""A real HTTP/2 server for the tests: nginx on 127.0.0.1 with TLS, speaking
HTTP/2 and HTTP/1.1 (ALPN), as Databricks workspaces do.

It answers every path with a fixed JSON document (never echoing the request),
401 under /denied/, and logs each request's protocol and Authorization header,
so that a test can check the token was sent while asserting that dbcurl's own
output never shows it. Two more servers on other ports (TLS with HTTP/2, and
plain http) are where /redirect/ sends a client: to another host (localhost),
another port and another scheme; every hop on every server is logged with its
origin.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time

from fake_workspace import certificate

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CLUSTERS_JSON = '{"clusters":[{"cluster_name":"demo"}]}'
DENIED_JSON = '{"error_code":"PERMISSION_DENIED","message":"denied"}'


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    def __init__(self, oauth_token_endpoint=None):
        """oauth_token_endpoint: what the workspace's OAuth discovery document
        names (no discovery document without it)."""
        self.work = tempfile.mkdtemp(prefix="dbcurl-nginx-")
        self.port = _free_port()
        self.other_port = _free_port()  # TLS, HTTP/2 and HTTP/1.1
        self.plain_port = _free_port()  # plain http
        self.cafile, key = certificate()
        self.log = os.path.join(self.work, "access.log")
        self.hops_log = os.path.join(self.work, "hops.log")
        self.process = None
        # Token requests are not the user's requests: kept out of the logs.
        discovery = "" if oauth_token_endpoint is None else (
            "location = /oidc/.well-known/oauth-authorization-server "
            f"{{ access_log off; return 200 '{{\"token_endpoint\":\"{oauth_token_endpoint}\"}}'; }}")
        conf = os.path.join(self.work, "nginx.conf")
        with open(conf, "w") as handle:
            handle.write(f"""
worker_processes 1;
daemon off;
pid {self.work}/nginx.pid;
error_log {self.work}/error.log;
events {{ worker_connections 64; }}
http {{
  log_format auth '$server_protocol $http_authorization';
  log_format hop '$scheme://$host:$server_port $server_protocol $http_authorization';
  access_log {self.hops_log} hop;
  # Room for the long URLs that cut a request header block in two.
  large_client_header_buffers 4 256k;
  client_body_temp_path {self.work}/body; proxy_temp_path {self.work}/proxy;
  fastcgi_temp_path {self.work}/fcgi; uwsgi_temp_path {self.work}/uwsgi; scgi_temp_path {self.work}/scgi;
  server {{
    listen 127.0.0.1:{self.port} ssl http2;
    ssl_certificate {self.cafile};
    ssl_certificate_key {key};
    access_log {self.log} auth;
    access_log {self.hops_log} hop;
    default_type application/json;
    location / {{ return 200 '{CLUSTERS_JSON}'; }}
    location /denied/ {{ return 401 '{DENIED_JSON}'; }}
    {discovery}
    location = /redirect/same {{ return 302 /api/2.0/clusters/list; }}
    location = /redirect/host {{ return 302 https://localhost:{self.port}/api/2.0/clusters/list; }}
    location = /redirect/port {{ return 302 https://127.0.0.1:{self.other_port}/api/2.0/clusters/list; }}
    location = /redirect/scheme {{ return 302 http://127.0.0.1:{self.plain_port}/api/2.0/clusters/list; }}
  }}
  server {{
    listen 127.0.0.1:{self.other_port} ssl http2;
    ssl_certificate {self.cafile};
    ssl_certificate_key {key};
    default_type application/json;
    location / {{ return 200 '{CLUSTERS_JSON}'; }}
  }}
  server {{
    listen 127.0.0.1:{self.plain_port};
    default_type application/json;
    location / {{ return 200 '{CLUSTERS_JSON}'; }}
  }}
}}
""")
        self.conf = conf

    def start(self):
        self.process = subprocess.Popen([NGINX, "-c", self.conf, "-p", self.work, "-e", os.path.join(self.work, "error.log")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not start")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
        shutil.rmtree(self.work, ignore_errors=True)

    @property
    def origin(self):
        return f"https://127.0.0.1:{self.port}"

    def logged(self):
        """(protocol, Authorization) of each request so far."""
        if not os.path.exists(self.log):
            return []
        with open(self.log) as handle:
            return [tuple(line.rstrip("\n").split(" ", 1)) for line in handle if line.strip()]

    def wait_for_requests(self, count, timeout=5, log=None):
        """The log once it holds count requests (nginx writes it as each ends)."""
        read = log or self.logged
        deadline = time.monotonic() + timeout
        while len(read()) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return read()

    def hops(self):
        """(origin, protocol, Authorization or "-") of each request on any server so far."""
        if not os.path.exists(self.hops_log):
            return []
        with open(self.hops_log) as handle:
            return [tuple(line.rstrip("\n").split(" ", 2)) for line in handle if line.strip()]
