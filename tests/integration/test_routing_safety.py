"""docs/SECURITY.md: where a token may go. Proxies as libcurl 7.88 chooses them
(a differential table against the system curl), a netrc token bound to its
workspace host across redirects, tokens with control characters, and
passwords next to every other auth option."""

import base64
import itertools
import os
import socket
import socketserver
import threading
import unittest

from fake_workspace import Workspace
from harness import CANARY, SandboxTest
from integration.test_main_job import CLUSTERS, WorkspaceTest
from recording_proxy import RecordingProxy

BASIC_CANARY = base64.b64encode(f"token:{CANARY}".encode()).decode()


class DirectServer:
    """Plain HTTP on every loopback address (127.0.0.0/8 and ::1 when the
    machine has IPv6): answers 200 to anything and records each request head."""

    def __init__(self):
        self.heads = []
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                self.request.settimeout(10)
                head = b""
                try:
                    while b"\r\n\r\n" not in head and len(head) < 65536:
                        chunk = self.request.recv(4096)
                        if not chunk:
                            break
                        head += chunk
                    server.heads.append(head)
                    self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n")
                except OSError:
                    pass

        class DualStack(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            address_family = socket.AF_INET6

            def server_bind(self):
                self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
                super().server_bind()

        class IPv4Only(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        try:
            self._server = DualStack(("::", 0), Handler)
            self.ipv6 = True
        except OSError:
            self._server = IPv4Only(("0.0.0.0", 0), Handler)
            self.ipv6 = False
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def port(self):
        return self._server.server_address[1]

    def stop(self):
        self._server.shutdown()
        self._server.server_close()


class Doorbell:
    """A listener that only counts connections (closing each at once): a SOCKS
    proxy for the tests, which need to know it was used, not to get through."""

    def __init__(self):
        self.rings = 0
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self):
        return f"socks5://127.0.0.1:{self._socket.getsockname()[1]}"

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.rings += 1
            connection.close()

    def stop(self):
        self._stop.set()
        self._thread.join()
        self._socket.close()


# (URL host, environment, options): the proxy is PROXY (an HTTP proxy) or
# SOCKS, filled in per run.
ROUTES = [
    ("127.0.0.1", {"http_proxy": "PROXY"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "0.0.1"}, []),  # no suffixes for addresses
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": ".0.0.1"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": ".127.0.0.1"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "127.0.0.1"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "*"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "example.com,*"}, []),  # "*" only alone
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "* "}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "example.com 127.0.0.1"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "example.com;127.0.0.1"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": " ,, 127.0.0.1 ,"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "127.0.0.0/8"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "127.0.0.1/33"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "127.0.0.2/0"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "127.0.0.1:80"}, []),  # no ports
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "127.0.0.1."}, []),
    ("127.0.0.2", {"http_proxy": "PROXY", "no_proxy": "127.0.0.1/31"}, []),
    ("127.0.0.2", {"http_proxy": "PROXY", "no_proxy": "127.0.0.1/30"}, []),
    ("127.1", {"http_proxy": "PROXY", "no_proxy": "127.0.0.1"}, []),
    ("localhost", {"http_proxy": "PROXY", "no_proxy": "LOCALHOST"}, []),
    ("localhost", {"http_proxy": "PROXY", "no_proxy": ".localhost"}, []),
    ("localhost", {"http_proxy": "PROXY", "no_proxy": "host"}, []),
    ("LocalHost", {"http_proxy": "PROXY", "no_proxy": "localhost."}, []),
    ("[::1]", {"http_proxy": "PROXY", "no_proxy": "::1"}, []),
    ("[::1]", {"http_proxy": "PROXY", "no_proxy": "[::1]"}, []),
    ("[::1]", {"http_proxy": "PROXY", "no_proxy": "::/0"}, []),
    ("[0:0::1]", {"http_proxy": "PROXY", "no_proxy": "::1"}, []),
    ("ws.example.test", {"http_proxy": "PROXY", "no_proxy": "example.test"}, []),
    ("ws.example.test", {"http_proxy": "PROXY", "no_proxy": ".example.test"}, []),
    ("ws.example.test", {"http_proxy": "PROXY", "no_proxy": "ample.test"}, []),
    ("ws.example.test", {"http_proxy": "PROXY", "no_proxy": "*.example.test"}, []),
    ("WS.Example.Test", {"http_proxy": "PROXY", "no_proxy": "ws.example.test."}, []),
    ("ws.example.test", {"http_proxy": "PROXY", "no_proxy": "other\tws.example.test"}, []),
    # Which variables: upper-case HTTP_PROXY is never read for http://.
    ("127.0.0.1", {"HTTP_PROXY": "PROXY"}, []),
    ("127.0.0.1", {"https_proxy": "PROXY", "HTTPS_PROXY": "PROXY"}, []),
    ("127.0.0.1", {"all_proxy": "PROXY"}, []),
    ("127.0.0.1", {"ALL_PROXY": "PROXY"}, []),
    ("127.0.0.1", {"http_proxy": "", "ALL_PROXY": "PROXY"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "NO_PROXY": "127.0.0.1"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "other", "NO_PROXY": "127.0.0.1"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "", "NO_PROXY": "127.0.0.1"}, []),
    # Options: --noproxy beats the environment's list, -x its proxy.
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "127.0.0.1"}, ["--noproxy", ""]),
    ("127.0.0.1", {"http_proxy": "PROXY", "no_proxy": "127.0.0.1"}, ["--noproxy", "other"]),
    ("127.0.0.1", {"http_proxy": "PROXY"}, ["--noproxy", "127.0.0.1"]),
    ("127.0.0.1", {"no_proxy": "127.0.0.1"}, ["-x", "PROXY"]),
    ("127.0.0.1", {}, ["-x", "PROXY", "--noproxy", "127.0.0.0/8"]),
    ("127.0.0.1", {"http_proxy": "PROXY"}, ["-x", ""]),
    ("127.0.0.1", {}, ["--preproxy", "SOCKS"]),
    ("127.0.0.1", {"no_proxy": "127.0.0.1"}, ["--preproxy", "SOCKS"]),
]


# https:// requests: which variables apply (dbcurl shows its route in --explain).
TLS_ROUTES = [
    ("127.0.0.1", {"https_proxy": "PROXY"}, []),
    ("127.0.0.1", {"HTTPS_PROXY": "PROXY"}, []),
    ("127.0.0.1", {"http_proxy": "PROXY"}, []),
    ("127.0.0.1", {"HTTPS_PROXY": "PROXY", "no_proxy": "127.0.0.0/8"}, []),
    ("localhost", {"https_proxy": "PROXY", "NO_PROXY": ".localhost"}, []),
    ("localhost", {"ALL_PROXY": "PROXY"}, ["--noproxy", "other"]),
]


class ProxyDifferential(SandboxTest):
    """The same request through the system curl and through dbcurl as a
    workspace request with a token over http://: where curl goes through the
    proxy, dbcurl refuses (104); where curl goes direct, so does dbcurl — and
    the proxy never sees the token."""

    def setUp(self):
        super().setUp()
        self.direct = DirectServer()
        self.addCleanup(self.direct.stop)
        self.proxy = RecordingProxy()
        self.addCleanup(self.proxy.stop)
        self.socks = Doorbell()
        self.addCleanup(self.socks.stop)

    def fill(self, text):
        return text.replace("PROXY", self.proxy.url).replace("SOCKS", self.socks.url)

    def observed(self):
        """Where the last run went: "proxy", "direct" or "nowhere"; then forgets it."""
        seen, heads = bytes(self.proxy.seen) or self.socks.rings, list(self.direct.heads)
        self.proxy.seen.clear()
        self.direct.heads.clear()
        self.socks.rings = 0
        self.assertFalse(seen and heads, "both the proxy and the server were contacted")
        return "proxy" if seen else "direct" if heads else "nowhere"

    def curl_route(self, host, env, args):
        resolve = []
        if not host.startswith("[") and not host[0].isdigit() and host.lower() != "localhost":
            resolve = ["--resolve", f"{host}:{self.direct.port}:127.0.0.1"]
        run = self.curl("-s", "-o", "/dev/null", *resolve, *args, f"http://{host}:{self.direct.port}/route", env=env)
        route = self.observed()
        self.assertNotEqual(route, "nowhere", run.err)
        return route

    def dbcurl_route(self, host, env, args):
        env = dict(env, DATABRICKS_HOST=f"http://{host}:{self.direct.port}", DATABRICKS_TOKEN=CANARY)
        run = self.dbcurl("-s", "-S", *args, "/api/2.0/clusters/list", env=env)
        self.assertNoCanary(run.stdout, run.stderr)
        route = self.observed()
        self.assertNotEqual(route, "proxy", "dbcurl sent a token over http:// through a proxy")
        if run.code == 104:
            self.assertEqual(route, "nowhere")
            # The proxy refusal comes before the loopback one.
            return "proxy" if "plain http:// through" in run.err else "direct"
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(route, "direct")
        return route

    def test_dbcurl_routes_a_token_as_curl_routes_the_request(self):
        for host, env, args in ROUTES:
            if host.startswith("[") and not self.direct.ipv6:
                continue
            env = {name: self.fill(value) for name, value in env.items()}
            args = [self.fill(arg) for arg in args]
            with self.subTest(host=host, env=env, args=args):
                self.assertEqual(self.dbcurl_route(host, env, args), self.curl_route(host, env, args))

    def test_explain_shows_the_route_curl_takes_over_https(self):
        # Over TLS the route is libcurl's; --explain must still tell it right.
        server = Doorbell()  # closes each connection: the TLS handshake fails fast
        self.addCleanup(server.stop)
        port = server.url.rsplit(":", 1)[1]
        for host, env, args in TLS_ROUTES:
            env = {name: self.fill(value) for name, value in env.items()}
            with self.subTest(host=host, env=env, args=args):
                self.proxy.connects.clear()
                server.rings = 0
                self.curl("-s", *args, f"https://{host}:{port}/route", env=env)
                curl_route = "proxy" if self.proxy.connects else "direct" if server.rings else "nowhere"
                self.assertNotEqual(curl_route, "nowhere")
                server.rings = 0
                run = self.dbcurl("--explain", *args, "/api/x",
                                  env=dict(env, DATABRICKS_HOST=f"https://{host}:{port}", DATABRICKS_TOKEN=CANARY))
                self.assertEqual(run.code, 0, run.err)
                self.assertEqual(server.rings, 0)  # --explain sends nothing
                self.assertIn("route: through a proxy" if curl_route == "proxy" else "route: direct", run.out)

    def test_a_direct_token_is_enforced_on_the_transfer(self):
        # dbcurl decided "direct": the transfer is told so (every proxy dropped),
        # so libcurl cannot decide otherwise.
        self.sandbox.env.update(DATABRICKS_HOST=f"http://127.0.0.1:{self.direct.port}", DATABRICKS_TOKEN=CANARY)
        program = self.sandbox.path("program.c")
        run = self.dbcurl("-s", "-x", self.proxy.url, "--noproxy", "127.0.0.1", "--libcurl", program, "/api/x",
                          env={"ALL_PROXY": self.proxy.url})
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(len(self.direct.heads), 1)
        self.assertIn(f"Authorization: Bearer {CANARY}".encode(), self.direct.heads[0])
        self.assertEqual(self.observed(), "direct")
        with open(program) as handle:
            self.assertIn('curl_easy_setopt(hnd, CURLOPT_NOPROXY, "*");', handle.read())
        # Over https:// libcurl's own choice stands (a proxy sees only TLS).
        self.dbcurl("-s", "--libcurl", program, "/api/x",
                    env={"DATABRICKS_HOST": f"https://127.0.0.1:{self.direct.port}"})
        with open(program) as handle:
            self.assertNotIn("CURLOPT_NOPROXY", handle.read())

    def test_refusal_names_http_and_the_fix(self):
        run = self.dbcurl("/api/x", env={"DATABRICKS_HOST": f"http://127.0.0.1:{self.direct.port}",
                                         "DATABRICKS_TOKEN": CANARY, "http_proxy": self.proxy.url,
                                         "no_proxy": "0.0.1"})
        self.assertEqual(run.code, 104, run.err)
        self.assertIn("plain http://", run.err)
        self.assertIn("through a proxy (given with http_proxy)", run.err)
        self.assertIn("use https://, or exempt the host with --noproxy 127.0.0.1", run.err)
        self.assertNoCanary(run.stdout, run.stderr)
        self.assertEqual(self.observed(), "nowhere")

    def test_explain_shows_the_route(self):
        run = self.dbcurl("--explain", "/api/x", env={"DATABRICKS_HOST": "https://ws.example.test",
                                                      "DATABRICKS_TOKEN": CANARY, "HTTPS_PROXY": self.proxy.url,
                                                      "NO_PROXY": "other.test"})
        self.assertEqual(run.code, 0, run.err)
        self.assertIn("route: through a proxy (given with HTTPS_PROXY)", run.out)
        self.assertNotIn(self.proxy.url, run.out)  # a proxy URL may hold credentials


class NetrcRedirects(WorkspaceTest):
    """-n with a "default" entry: the token is the workspace's alone, on every hop."""

    def setUp(self):
        super().setUp()
        self.other = Workspace(token=CANARY, tls=False)
        self.other.start()
        self.addCleanup(self.other.stop)
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin

    def auth_headers(self):
        return [r.header("Authorization") for r in self.workspace.requests + self.other.requests]

    def redirect(self, target):
        return f"{self.workspace.origin}/redirect-to?url={target}"

    def test_default_entry_never_reaches_the_host_a_workspace_redirects_to(self):
        targets = [f"https://localhost:{self.workspace.port}/echo",  # another host, same server
                   f"http://127.0.0.1:{self.other.port}/echo"]         # another scheme and port
        netrcs = {"default": f"default login token password {CANARY}\n",
                  "machine then default": f"machine 127.0.0.1 login token password {CANARY}\n"
                                          f"default login token password {CANARY}\n"}
        for (name, netrc), target, follow in itertools.product(netrcs.items(), targets,
                                                               ["-L", "--location-trusted"]):
            with self.subTest(netrc=name, target=target, follow=follow):
                self.sandbox.write(".netrc", netrc)
                self.workspace.clear()
                self.other.clear()
                run = self.dbcurl("-s", "-n", follow, self.redirect(target))
                self.assertEqual(run.code, 0, run.err)
                self.assertEqual(self.auth_headers(), ["Basic " + BASIC_CANARY, None])
                self.assertNoCanary(run.stdout, run.stderr)

    def test_netrc_file_option_binds_the_same_way(self):
        path = self.sandbox.write("elsewhere.netrc", f"default login token password {CANARY}\n")
        run = self.dbcurl("-s", "--netrc-file", path, "-L",
                          self.redirect(f"https://localhost:{self.workspace.port}/echo"))
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(self.auth_headers(), ["Basic " + BASIC_CANARY, None])

    def test_redirect_within_the_workspace_keeps_the_netrc_token(self):
        self.sandbox.write(".netrc", f"default login token password {CANARY}\n")
        run = self.dbcurl("-s", "-n", "-L", self.redirect(CLUSTERS))
        self.assertClustersListed(run)
        self.assertEqual(self.auth_headers(), ["Basic " + BASIC_CANARY] * 2)

    def test_plain_requests_keep_curls_netrc(self):
        # Not a workspace request: libcurl reads netrc as curl's -n does.
        self.sandbox.write(".netrc", "default login alice password secret\n")
        run = self.dbcurl("-s", "-n", f"{self.other.origin}/echo", env={"DATABRICKS_HOST": "https://ws.example.test"})
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(self.auth_headers(), ["Basic " + base64.b64encode(b"alice:secret").decode()])


class ControlCharacterTokens(WorkspaceTest):
    """A token that would add header lines is refused before anything is sent,
    naming where it came from."""

    BAD = [f"{CANARY}\r\nX-Injected: yes", f"{CANARY}\nX-Injected: yes", f"{CANARY}\x01", f"{CANARY}\x7f"]

    def refused(self, run, source):
        self.assertEqual(run.code, 107, run.err)
        self.assertIn("control character", run.err)
        self.assertIn(source, run.err)
        self.assertNoCanary(run.stdout, run.stderr)
        self.assertEqual(self.workspace.requests, [])

    def test_environment_token(self):
        for bad in self.BAD:
            with self.subTest(token=repr(bad)):
                self.use_environment(bad)
                self.refused(self.dbcurl(CLUSTERS), "DATABRICKS_TOKEN")

    def test_helper_output(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        # (Output of more than one line is refused as malformed already.)
        helper = self.sandbox.write("bin/helper", f"#!/bin/sh\nprintf '{CANARY}\\001\\n'\n", mode=0o755)
        self.sandbox.write(".config/dbcurl/config.toml",
                           f'[hosts."127.0.0.1:{self.workspace.port}"]\ntoken_command = ["{helper}"]\n')
        self.refused(self.dbcurl(CLUSTERS), helper)

    def test_databricks_cli_json(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "databricks-cli"
        json_text = '{"access_token": "' + CANARY + '\\r\\nX-Injected: yes"}'  # JSON escapes, not raw bytes
        cli = self.sandbox.write("bin/databricks", f"#!/bin/sh\nprintf '%s\\n' '{json_text}'\n", mode=0o755)
        self.sandbox.env["DATABRICKS_CLI_PATH"] = cli
        self.refused(self.dbcurl(CLUSTERS), "databricks")

    def test_profile_netrc_and_command_line(self):
        self.sandbox.write(".databrickscfg", f"[p]\nhost = {self.workspace.origin}\ntoken = {CANARY}\rX-Injected: 1\n")
        self.refused(self.dbcurl("--profile", "p", CLUSTERS), ".databrickscfg")
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        netrc = self.sandbox.write(".netrc", f'default login token password "{CANARY}\\r\\nX-Injected: yes"\n')
        self.refused(self.dbcurl("-n", CLUSTERS), netrc)
        self.refused(self.dbcurl("-u", f"token:{CANARY}\x01", CLUSTERS), "-u")
        self.refused(self.dbcurl("--oauth2-bearer", f"{CANARY}\x1b", CLUSTERS), "--oauth2-bearer")
        url = f"https://token:{CANARY}%0d%0aX-Injected:%201@127.0.0.1:{self.workspace.port}{CLUSTERS}"
        self.refused(self.dbcurl(url), "credentials in the URL")  # libcurl would decode %0d%0a


class PasswordsWithOtherAuth(WorkspaceTest):
    """A password never goes to a workspace, whatever auth option or own
    Authorization header stands next to it."""

    def expect_refused(self, run):
        self.assertEqual(run.code, 100, run.err)
        self.assertIn("refusing to send a password", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_password_next_to_own_authorization_and_auth_methods(self):
        self.use_environment()
        methods = ["--basic", "--digest", "--ntlm", "--anyauth", "--negotiate"]
        owns = [["-H", f"Authorization: Bearer {CANARY}"], ["--oauth2-bearer", CANARY], []]
        for method, own in itertools.product(methods, owns):
            with self.subTest(method=method, own=own):
                self.workspace.clear()
                self.expect_refused(self.dbcurl("-u", "alice:secret", method, *own, CLUSTERS))

    def test_netrc_and_url_passwords_next_to_own_authorization(self):
        self.use_environment()
        own = ["-H", f"Authorization: Bearer {CANARY}", "--digest"]
        self.sandbox.write(".netrc", "default login alice password secret\n")
        self.expect_refused(self.dbcurl("-n", *own, CLUSTERS))
        url = f"https://alice:secret@127.0.0.1:{self.workspace.port}{CLUSTERS}"
        self.expect_refused(self.dbcurl(*own, url))
        self.expect_refused(self.dbcurl(*own, CLUSTERS, env={"DATABRICKS_PASSWORD": "secret"}))

    def test_proxy_credentials_are_not_a_workspace_password(self):
        self.use_environment()
        proxy = RecordingProxy()
        self.addCleanup(proxy.stop)
        run = self.dbcurl("-x", proxy.url, "--proxy-user", "alice:secret", "--proxy-digest", CLUSTERS)
        self.assertClustersListed(run)


if __name__ == "__main__":
    unittest.main()
