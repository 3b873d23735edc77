"""docs/SECURITY.md rows 1, 1b, 2b and 4b: where the token goes, with the
canary matrix's sources and channels (test_canary_matrix.py), over HTTP/1.1
and HTTP/2: through an HTTP
proxy in every spelling (the proxy, which records every byte, sees only the
CONNECT and TLS), and across redirects to another host, port and scheme (a
token dbcurl resolved never reaches them, with -L or --location-trusted; one
the user typed is lent under --location-trusted, as curl lends it)."""

import base64
import os
import unittest

from integration.test_canary_matrix import (CHANNELS, CLUSTERS, PROTOCOLS, SECRETS, SOURCES, NginxCanaryTest,
                                            hex_dump_bytes, shown)
from nginx_server import NGINX
from recording_proxy import RecordingProxy

# Sources that ask the workspace for its OAuth discovery document: that request
# takes the environment's proxy, not -x (docs/differences.md), a second CONNECT.
OAUTH_DISCOVERY = {"oauth-m2m", "env-oidc", "file-oidc", "github-oidc"}
# Credentials the user typed on the command line: --location-trusted lends them (docs/SECURITY.md row 1).
TYPED = {"user", "header", "header-opaque", "oauth2-bearer"}
PROXY_USER = "alice:proxy-secret-QZXW-JKVY"
# The proxy's own credentials go to the proxy, never into dbcurl's output.
PROXY_BASIC = base64.b64encode(PROXY_USER.encode()).decode()
# (proxy options, proxy environment) with PROXY standing for the recording proxy's host:port.
PROXY_SPELLINGS = {
    "-x": (["-x", "http://PROXY"], {}),
    "-x with credentials": (["-x", f"http://{PROXY_USER}@PROXY"], {}),
    "--proxy-user": (["-x", "http://PROXY", "--proxy-user", PROXY_USER], {}),
    "HTTPS_PROXY": ([], {"HTTPS_PROXY": "http://PROXY"}),
    "https_proxy": ([], {"https_proxy": "PROXY"}),  # no scheme: http:// as curl assumes
}


@unittest.skipUnless(os.path.exists(NGINX), "nginx is not installed (scripts/install-deps.sh)")
class CanaryProxies(NginxCanaryTest):
    def setUp(self):
        super().setUp()
        self.proxy = RecordingProxy()
        self.addCleanup(self.proxy.stop)

    def test_every_source_through_every_proxy_spelling(self):
        hostport = self.proxy.url.split("//", 1)[1]
        channels = list(CHANNELS)[:4]  # -v and the traces, in turn
        for number, (protocol, source, spelling) in enumerate(
                (p, s, x) for p in PROTOCOLS for s in SOURCES for x in PROXY_SPELLINGS):
            channel = channels[number % len(channels)]
            with self.subTest(protocol=protocol, source=source, proxy=spelling, channel=channel):
                expected, extra = self.use_source(source)
                options, env = PROXY_SPELLINGS[spelling]
                options = [o.replace("PROXY", hostport) for o in options]
                env = {k: v.replace("PROXY", hostport) for k, v in env.items()}
                self.proxy.seen.clear()
                self.proxy.connects.clear()
                logged_before = len(self.server.logged())
                run, written = self.run_recorded(PROTOCOLS[protocol] + CHANNELS[channel] + options + extra
                                                 + [self.server.origin + CLUSTERS], env=env)
                self.assertEqual(run.code, 0, run.err)
                tunnels = 2 if env and source in OAUTH_DISCOVERY else 1
                self.assertEqual(self.proxy.connects, [f"CONNECT 127.0.0.1:{self.server.port} HTTP/1.1"] * tunnels)
                self.assertEqual(self.server.wait_for_requests(logged_before + 1)[logged_before:],
                                 [(protocol, expected)], "the request did not carry the token")
                seen = bytes(self.proxy.seen)
                self.assertEqual(shown(seen), [], "the proxy saw part of the token")
                if "alice" in " ".join(options):
                    self.assertTrue(f"Proxy-Authorization: Basic {PROXY_BASIC}".encode() in seen)
                self.assertNothingShown(run, written, SECRETS + (PROXY_BASIC,))


# /redirect/<name> on the workspace answers 302 to the same origin, another
# host (localhost), another port, another scheme and port (nginx_server.py).
REDIRECTS = ("same", "host", "port", "scheme")


@unittest.skipUnless(os.path.exists(NGINX), "nginx is not installed (scripts/install-deps.sh)")
class CanaryRedirects(NginxCanaryTest):
    def target(self, name):
        """The origin /redirect/<name> sends to."""
        return {"same": self.server.origin, "host": f"https://localhost:{self.server.port}",
                "port": f"https://127.0.0.1:{self.server.other_port}",
                "scheme": f"http://127.0.0.1:{self.server.plain_port}"}[name]

    def test_token_stays_on_its_host_across_redirects(self):
        # One run follows all four redirects (one transfer each); -L runs show
        # -v and the files, --location-trusted runs a hex trace to a file.
        follows = {"-L": CHANNELS["verbose-to-stderr-file"],
                   "--location-trusted": ["--trace", "{home}/trace.txt", "--trace-time"]}
        for protocol in PROTOCOLS:
            for source in SOURCES:
                for follow, channel in follows.items():
                    with self.subTest(protocol=protocol, source=source, follow=follow):
                        expected, extra = self.use_source(source)
                        lent = follow == "--location-trusted" and source in TYPED
                        hops_before = len(self.server.hops())
                        run, written = self.run_recorded(
                            PROTOCOLS[protocol] + channel + extra + [follow]
                            + [f"{self.server.origin}/redirect/{name}" for name in REDIRECTS])
                        self.assertEqual(run.code, 0, run.err)
                        self.assertNothingShown(run, written)
                        if follow == "--location-trusted":  # the hex columns were read, and redacted
                            dump = hex_dump_bytes(written[self.sandbox.path("trace.txt")].decode())
                            scheme, value = expected.split(" ")
                            self.assertRegex(dump, f"(?i)authorization: {scheme} {value[:4]}\u2026\\(redacted\\)"
                                             .encode())
                        hops = self.server.wait_for_requests(hops_before + 2 * len(REDIRECTS),
                                                             log=self.server.hops)[hops_before:]
                        wanted = []
                        for name in REDIRECTS:
                            origin = self.target(name)
                            # http:// is HTTP/1.1 whatever is asked (no h2c upgrade on a plain nginx).
                            there = "HTTP/1.1" if origin.startswith("http:") else protocol
                            wanted += [(self.server.origin, protocol, expected),
                                       (origin, there, expected if name == "same" or lent else "-")]
                        self.assertEqual(hops, wanted)
