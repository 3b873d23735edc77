"""SPEC §7 over a real HTTP/2 server: every token source × every output
channel dbcurl writes, over HTTP/1.1 and HTTP/2, with URLs long enough to cut
the request header block in two (inside the token). The token (in clear, as
Basic base64, or any 8 characters of it past the four the redacted form
shows) appears nowhere dbcurl writes; the server's log shows it was sent."""

import base64
import os
import re
import unittest

from harness import CANARY, SandboxTest
from nginx_server import NGINX, Nginx

CLUSTERS = "/api/2.0/clusters/list"
# A bearer token without the PAT shape: only the Authorization rules can hide it.
OPAQUE = "opaque-5ca1ab1e-canary-QZXW-token-JKVY-value"


def basic(token):
    return base64.b64encode(f"token:{token}".encode()).decode()


SECRETS = (CANARY, basic(CANARY), OPAQUE)
# libcurl 7.88 sends a request header block over TLS in pieces of this size.
HEADER_PIECE = 65536


def fragments(secret, width=8):
    """What a token cut in two would leave in sight: its windows past the four
    characters the redacted form keeps ("dapi…(redacted)")."""
    return {secret[start:start + width] for start in range(4, len(secret) - width + 1)}


def hex_dump_bytes(text):
    """The bytes a --trace hex dump shows, read back from its hex columns."""
    data = bytearray()
    for line in text.splitlines():
        match = re.match(r"^[0-9a-f]{4}: ((?:[0-9a-f]{2} ){1,16})", line)
        if match:
            data += bytes.fromhex(match.group(1).replace(" ", ""))
    return bytes(data)


SOURCES = {
    # name: (expected Authorization on the wire, files to write, environment, extra arguments)
    "environment": (f"Bearer {CANARY}", {}, {"DATABRICKS_TOKEN": CANARY}, []),
    "profile": (f"Bearer {CANARY}", {".databrickscfg": "[DEFAULT]\nhost = {origin}\ntoken = " + CANARY + "\n"},
                {"DATABRICKS_HOST": None}, []),
    "netrc": (f"Basic {basic(CANARY)}", {".netrc": f"machine 127.0.0.1 login token password {CANARY}\n"}, {}, ["-n"]),
    "user": (f"Basic {basic(CANARY)}", {}, {}, ["-u", f"token:{CANARY}"]),
    "header": (f"Bearer {CANARY}", {}, {}, ["-H", f"Authorization: Bearer {CANARY}"]),
    "header-opaque": (f"Bearer {OPAQUE}", {}, {}, ["-H", f"Authorization: Bearer {OPAQUE}"]),
    "oauth2-bearer": (f"Bearer {CANARY}", {}, {}, ["--oauth2-bearer", CANARY]),
}

TRACE_CHANNELS = {
    "verbose": ["-v"],
    "trace-hex-stdout": ["--trace", "-"],
    "trace-ascii-stdout": ["--trace-ascii", "-"],
    "trace-ascii-file": ["--trace-ascii", "{home}/trace.txt"],
}
CHANNELS = dict(TRACE_CHANNELS, **{
    "write-out": ["-w", "%{url}|%{url_effective}|%{json}|%{errormsg}|%{redirect_url}|%{referer}"],
    "explain": ["--explain"],
    "dump-header-file": ["-D", "{home}/headers.txt"],
    "libcurl": ["--libcurl", "{home}/program.c"],
    "error-messages": ["-f", "-S", "-v"],  # to /denied/: 401, and dbcurl's lines about it
})

PROTOCOLS = {"HTTP/1.1": ["--http1.1"], "HTTP/2.0": ["--http2"]}


@unittest.skipUnless(os.path.exists(NGINX), "nginx is not installed (scripts/install-deps.sh)")
class CanaryMatrix(SandboxTest):
    @classmethod
    def setUpClass(cls):
        cls.server = Nginx()
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def use_source(self, name):
        """A clean sandbox with one token source; returns (expected Authorization, extra args)."""
        expected, files, env, extra = SOURCES[name]
        self.sandbox.env = {k: v for k, v in self.sandbox.env.items() if not k.startswith("DATABRICKS_")}
        self.sandbox.env["CURL_CA_BUNDLE"] = self.server.cafile
        self.sandbox.env["DATABRICKS_HOST"] = self.server.origin
        for variable, value in env.items():
            if value is None:
                del self.sandbox.env[variable]
            else:
                self.sandbox.env[variable] = value
        for leftover in (".netrc", ".databrickscfg", "trace.txt", "headers.txt", "program.c"):
            if os.path.exists(self.sandbox.path(leftover)):
                os.remove(self.sandbox.path(leftover))
        for path, text in files.items():
            self.sandbox.write(path, text.replace("{origin}", self.server.origin))
        return expected, extra

    def run_channel(self, protocol, channel, extra, url):
        args = PROTOCOLS[protocol] + [a.replace("{home}", self.sandbox.home) for a in CHANNELS[channel]] + extra
        before = self.file_states()
        logged_before = len(self.server.logged())
        run = self.dbcurl(*args, url)
        written = {}
        for path, state in self.file_states().items():
            if before.get(path) != state:
                with open(path, "rb") as handle:
                    written[path] = handle.read()
        return run, written, logged_before

    def assertNothingShown(self, run, written, channel):
        texts = {"stdout": run.stdout, "stderr": run.stderr}
        texts.update(written)
        if channel == "trace-hex-stdout":
            texts["stdout, hex columns"] = hex_dump_bytes(run.out)
        for where, data in texts.items():
            for secret in SECRETS:
                for fragment in fragments(secret):
                    self.assertNotIn(fragment.encode(), data, f"part of the token shows in {where}")

    def assertSent(self, protocol, expected, logged_before):
        logged = self.server.wait_for_requests(logged_before + 1)
        self.assertEqual(logged[logged_before:], [(protocol, expected)], "the request did not carry the token")

    def check(self, protocol, source, channel, url, split=False):
        with self.subTest(protocol=protocol, source=source, channel=channel, url_length=len(url)):
            expected, extra = self.use_source(source)
            run, written, logged_before = self.run_channel(protocol, channel, extra, url)
            self.assertNothingShown(run, written, channel)
            if channel == "explain":
                self.assertEqual(run.code, 0, run.err)
                self.assertEqual(self.server.logged()[logged_before:], [])
                return
            self.assertSent(protocol, expected, logged_before)
            if channel == "error-messages":
                self.assertEqual(run.code, 22, run.err)
                self.assertIn("(22) The requested URL returned error: 401", run.err)
                return
            self.assertEqual(run.code, 0, run.err)
            trace = run.out if channel.endswith("stdout") else written.get(self.sandbox.path("trace.txt"), b"").decode()
            if split and channel != "verbose":
                self.assertGreaterEqual(trace.count("=> Send header"), 2, "the header block was not cut in two")
            if channel == "verbose" and protocol == "HTTP/2.0":
                scheme = expected.split(" ")[0]
                self.assertIn(f"* h2h3 [authorization: {scheme} {expected.split(' ')[1][:4]}\u2026(redacted)]", run.err)

    def value_offset(self, source):
        """Where the Authorization value starts in the request header block
        dbcurl sends for a short URL: the cut position of a longer one follows."""
        _, extra = self.use_source(source)
        run = self.dbcurl("--http1.1", "--trace", "-", *extra, self.server.origin + CLUSTERS + "?q=")
        self.assertEqual(run.code, 0, run.err)
        block = hex_dump_bytes(run.out.split("=> Send header", 1)[1].split("<= Recv", 1)[0])
        match = re.search(rb"\nAuthorization: (Basic|Bearer) ", block)
        self.assertIsNotNone(match, block)
        return match.end()

    def test_every_source_and_channel_over_http1_and_http2(self):
        for protocol in PROTOCOLS:
            for source in SOURCES:
                for channel in CHANNELS:
                    path = "/denied/list" if channel == "error-messages" else CLUSTERS
                    self.check(protocol, source, channel, self.server.origin + path)

    def test_http2_with_a_long_url(self):
        url = self.server.origin + CLUSTERS + "?q=" + "x" * 20000
        for source in SOURCES:
            for channel in TRACE_CHANNELS:
                self.check("HTTP/2.0", source, channel, url)

    def test_http1_header_block_cut_inside_the_token(self):
        for source in SOURCES:
            start = self.value_offset(source)
            for into_value in (3, 17):
                url = self.server.origin + CLUSTERS + "?q=" + "x" * (HEADER_PIECE - into_value - start)
                for channel in TRACE_CHANNELS:
                    self.check("HTTP/1.1", source, channel, url, split=True)


class ReadableMessages(SandboxTest):
    """Item 12: a secret that is a common word does not garble dbcurl's messages."""

    def test_password_named_password(self):
        self.sandbox.write(".databrickscfg", "[DEFAULT]\nhost = https://127.0.0.1:9\nusername = me\npassword = password\n")
        run = self.dbcurl("https://127.0.0.1:9" + CLUSTERS)
        self.assertEqual(run.code, 100, run.err)
        self.assertIn("refusing to send a password (username/password from ", run.err)
        self.assertNotIn("(redacted)", run.err)

    def test_short_secret_still_hidden_where_it_is_a_value(self):
        self.sandbox.env["DATABRICKS_HOST"] = "https://127.0.0.1:9"
        run = self.dbcurl("--explain", "-w", "%{url}", "https://token:password@127.0.0.1:9" + CLUSTERS)
        self.assertNotIn("token:password@", run.out + run.err)


if __name__ == "__main__":
    unittest.main()
