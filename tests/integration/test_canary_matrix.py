"""docs/SECURITY.md over a real HTTP/2 server: every token source × every output
channel dbcurl writes, over HTTP/1.1 and HTTP/2, with URLs long enough to cut
the request header block in two (inside the token). The token (in clear, as
Basic base64, or any 8 characters of it past the four the redacted form
shows) appears nowhere dbcurl writes (but the token cache); the server's log
shows it was sent. Channels that can share a run share one, to keep the
matrix fast."""

import base64
import os
import re
import shutil
import unittest

from fake_token_service import TokenService
from harness import CANARY, SandboxTest
from nginx_server import NGINX, Nginx

CLUSTERS = "/api/2.0/clusters/list"
# Bearer tokens without the PAT shape: only the Authorization rules can hide them.
OPAQUE = "opaque-5ca1ab1e-canary-QZXW-token-JKVY-value"
OAUTH = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnktbWF0cml4In0.c2lnbmF0dXJlLWNhbmFyeQ"
# An Azure service principal's client secret: dbcurl sends it to the token service only.
CLIENT_SECRET = "Zq8~Xw7Vk.QZXWcanaryJKVY9vTtRb"
# A Databricks service principal's OAuth secret (oauth-m2m), sent as HTTP Basic to the token endpoint.
M2M_SECRET = "dose7Hq2Lm9XvRcanaryWpB4ZtK8NyF3"
# An OIDC id token (workload identity federation) and GitHub's request token, both bearer credentials.
ID_TOKEN = "eyJraWQiOiJjYW5hcnkifQ.eyJzdWIiOiJyZXBvOlFaWFctY2FuYXJ5In0.aWQtdG9rZW4tSktWWS1zaWduYXR1cmU"
GITHUB_REQUEST_TOKEN = "ghrtQv7Zp3Wc9KcanaryXm2Rb8Ld5Tn"
AZURE_RESOURCE_ID = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Databricks/workspaces/w"


def basic(token):
    return base64.b64encode(f"token:{token}".encode()).decode()


M2M_CLIENT_ID = "sp-7f3e"
SECRETS = (CANARY, basic(CANARY), OPAQUE, OAUTH, CLIENT_SECRET, M2M_SECRET,
           base64.b64encode(f"{M2M_CLIENT_ID}:{M2M_SECRET}".encode()).decode(), ID_TOKEN, GITHUB_REQUEST_TOKEN)
# libcurl 7.88 sends a request header block over TLS in pieces of this size.
HEADER_PIECE = 65536


def fragments(secret, width=8):
    """What a token cut in two would leave in sight: its windows past the four
    characters the redacted form keeps ("dapi…(redacted)")."""
    return {secret[start:start + width] for start in range(4, len(secret) - width + 1)}


def shown(data, secrets=SECRETS):
    """The pieces of secrets that data holds (none is the only good answer).
    Every window holds the secret's four characters at 4, 8, 12 ... that start
    in it, so only a secret with one of those in data has its windows looked
    for: a quarter of the searches through data as long as 64 KB URLs."""
    found = set()
    for secret in secrets:
        anchors = {secret[start:start + 4].encode() for start in range(4, len(secret) - 3, 4)}
        if any(anchor in data for anchor in anchors):
            found.update(fragment for fragment in fragments(secret) if fragment.encode() in data)
    return sorted(found)


def hex_dump_bytes(text):
    """The bytes a --trace hex dump shows, read back from its hex columns."""
    data = bytearray()
    for line in text.splitlines():
        match = re.match(r"^[0-9a-f]{4}: ((?:[0-9a-f]{2} ){1,16})", line)
        if match:
            data += bytes.fromhex(match.group(1).replace(" ", ""))
    return bytes(data)


def executable(body):
    """A file under bin/ that use_source writes executable."""
    return "#!/bin/sh\n" + body


SOURCES = {
    # name: (expected Authorization on the wire, files to write ({origin}, {home}
    # and {hostport} filled in), environment ({home} filled in; None removes), extra arguments)
    "environment": (f"Bearer {CANARY}", {}, {"DATABRICKS_TOKEN": CANARY}, []),
    "profile": (f"Bearer {CANARY}", {".databrickscfg": "[DEFAULT]\nhost = {origin}\ntoken = " + CANARY + "\n"},
                {"DATABRICKS_HOST": None}, []),
    "netrc": (f"Basic {basic(CANARY)}", {".netrc": f"machine 127.0.0.1 login token password {CANARY}\n"}, {}, ["-n"]),
    "netrc-default": (f"Basic {basic(CANARY)}", {".netrc": f"default login token password {CANARY}\n"}, {}, ["-n"]),
    "user": (f"Basic {basic(CANARY)}", {}, {}, ["-u", f"token:{CANARY}"]),
    "header": (f"Bearer {CANARY}", {}, {}, ["-H", f"Authorization: Bearer {CANARY}"]),
    "header-opaque": (f"Bearer {OPAQUE}", {}, {}, ["-H", f"Authorization: Bearer {OPAQUE}"]),
    "oauth2-bearer": (f"Bearer {CANARY}", {}, {}, ["--oauth2-bearer", CANARY]),
    # dbcurl's config.toml token_command for the workspace host.
    "token-command": (f"Bearer {OPAQUE}", {
        "bin/token-helper": executable(f"echo {OPAQUE}\n"),
        ".config/dbcurl/config.toml": '[hosts."{hostport}"]\ntoken_command = ["{home}/bin/token-helper"]\n'}, {}, []),
    # `databricks auth token --host …` from a databricks CLI on PATH (no other token).
    "databricks-cli": (f"Bearer {OAUTH}", {
        "bin/databricks": executable(f"""echo '{{"access_token": "{OAUTH}", "token_type": "Bearer", """
                                     f""""expiry": "2099-01-01T00:00:00.0Z"}}'\n""")},
        {"PATH": "{home}/bin:" + os.environ.get("PATH", "/usr/bin:/bin")}, []),
    # `az account get-access-token` from an Azure CLI on PATH, for a workspace
    # made an Azure one by its resource id.
    "azure-cli": (f"Bearer {OAUTH}", {
        "bin/az": executable(f"""echo '{{"accessToken": "{OAUTH}", "expires_on": 4070908800}}'\n""")},
        {"PATH": "{home}/bin:" + os.environ.get("PATH", "/usr/bin:/bin"),
         "DATABRICKS_AZURE_RESOURCE_ID": AZURE_RESOURCE_ID},
        []),
    # A metadata service on 127.0.0.1 (the test's token service).
    "metadata-service": (f"Bearer {OAUTH}", {}, {"DATABRICKS_METADATA_SERVICE_URL": "{token_service}/metadata/token"},
                         []),
    # An Azure service principal's client secret, exchanged at the token service
    # standing in for Microsoft Entra ID.
    "azure-client-secret": (f"Bearer {OAUTH}", {}, {
        "ARM_CLIENT_ID": "client-1", "ARM_CLIENT_SECRET": CLIENT_SECRET, "ARM_TENANT_ID": "tenant-1",
        "DATABRICKS_AZURE_RESOURCE_ID": AZURE_RESOURCE_ID, "DBCURL_TEST_AZURE_LOGIN_ENDPOINT": "{token_service}/"}, []),
    # A Databricks service principal: the workspace's OAuth discovery names the
    # token service as its token endpoint.
    "oauth-m2m": (f"Bearer {OAUTH}", {}, {"DATABRICKS_CLIENT_ID": M2M_CLIENT_ID, "DATABRICKS_CLIENT_SECRET": M2M_SECRET},
                  []),
    # Workload identity federation: the id token exchanged at the same endpoint.
    "env-oidc": (f"Bearer {OAUTH}", {}, {"DATABRICKS_OIDC_TOKEN": ID_TOKEN}, []),
    "file-oidc": (f"Bearer {OAUTH}", {"id-token.jwt": ID_TOKEN + "\n"},
                  {"DATABRICKS_OIDC_TOKEN_FILEPATH": "{home}/id-token.jwt"}, []),
    "github-oidc": (f"Bearer {OAUTH}", {}, {
        "ACTIONS_ID_TOKEN_REQUEST_URL": "{token_service}/github/id-token?api-version=2.0",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN": GITHUB_REQUEST_TOKEN}, []),
}
# The sources that ask the token service, and the auth_type that makes their failure the error.
TOKEN_SERVICE_SOURCES = ("metadata-service", "azure-client-secret", "oauth-m2m", "env-oidc", "file-oidc",
                         "github-oidc")
# Only source-specific files are removed between runs; the token cache may hold
# a token (docs/SECURITY.md row 4 allows it there) and is emptied so that each run asks the CLI.
TOKEN_CACHE = ".cache/dbcurl"
WRITE_OUT = "%{url}|%{url_effective}|%{json}|%{errormsg}|%{redirect_url}|%{referer}"

# What each run shows: one channel per run where they exclude one another
# (-v, --trace, --trace-ascii), everything else added to one of them.
TRACE_CHANNELS = {
    "verbose-to-stderr-file": ["-v", "--stderr", "{home}/stderr.txt", "-w", WRITE_OUT,
                               "-D", "{home}/headers.txt", "--libcurl", "{home}/program.c"],
    "trace-hex-stdout": ["--trace", "-", "--trace-time"],
    "trace-ascii-stdout": ["--trace-ascii", "-"],
    "trace-ascii-file": ["--trace-ascii", "{home}/trace.txt", "--trace-time", "-D", "-"],
}
CHANNELS = dict(TRACE_CHANNELS, **{
    "explain": ["--explain"],
    # To /denied/: a 401, curl's error line and dbcurl's lines about it, -v on the real stderr.
    "error-messages": ["-f", "-S", "-v", "-w", WRITE_OUT],
})
WRITTEN = ("trace.txt", "headers.txt", "program.c", "stderr.txt")
SOURCE_FILES = tuple({path for _, files, _, _ in SOURCES.values() for path in files})

PROTOCOLS = {"HTTP/1.1": ["--http1.1"], "HTTP/2.0": ["--http2"]}


class NginxCanaryTest(SandboxTest):
    """Runs dbcurl against the nginx server with one token source at a time and
    checks what it wrote (no tests of its own: the canary test files share it)."""

    @classmethod
    def setUpClass(cls):
        cls.token_service = TokenService(OAUTH, id_token=ID_TOKEN).start()
        cls.server = Nginx(oauth_token_endpoint=cls.token_service.origin + "/oidc/v1/token")
        try:
            cls.server.start()
        except Exception:
            cls.token_service.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.token_service.stop()
        cls.server.stop()

    def use_source(self, name):
        """A clean sandbox with one token source; returns (expected Authorization, extra args)."""
        expected, files, env, extra = SOURCES[name]
        self.sandbox.env = {k: v for k, v in self.sandbox.env.items()
                            if not k.startswith(("DATABRICKS_", "ARM_", "DBCURL_TEST_", "ACTIONS_"))}
        self.sandbox.env["CURL_CA_BUNDLE"] = self.server.cafile
        self.sandbox.env["DATABRICKS_HOST"] = self.server.origin
        self.sandbox.env["PATH"] = os.environ.get("PATH", "/usr/bin:/bin")
        for variable, value in env.items():
            if value is None:
                del self.sandbox.env[variable]
            else:
                self.sandbox.env[variable] = (value.replace("{home}", self.sandbox.home)
                                              .replace("{token_service}", self.token_service.origin))
        shutil.rmtree(self.sandbox.path(TOKEN_CACHE), ignore_errors=True)
        for leftover in SOURCE_FILES + WRITTEN:
            if os.path.exists(self.sandbox.path(leftover)):
                os.remove(self.sandbox.path(leftover))
        for path, text in files.items():
            text = (text.replace("{origin}", self.server.origin).replace("{home}", self.sandbox.home)
                    .replace("{hostport}", f"127.0.0.1:{self.server.port}"))
            self.sandbox.write(path, text, mode=0o700 if path.startswith("bin/") else 0o600)
        return expected, extra

    def run_recorded(self, args, env=None):
        """Runs dbcurl ({home} filled in); returns the run and the files it
        wrote or changed, the token cache aside."""
        before = self.file_states()
        run = self.dbcurl(*[a.replace("{home}", self.sandbox.home) for a in args], env=env)
        written = {}
        for path, state in self.file_states().items():
            if before.get(path) != state and not path.startswith(self.sandbox.path(TOKEN_CACHE)):
                with open(path, "rb") as handle:
                    written[path] = handle.read()
        return run, written

    def assertNothingShown(self, run, written, secrets=SECRETS):
        texts = {"stdout": run.stdout, "stderr": run.stderr, "stdout, hex columns": hex_dump_bytes(run.out)}
        texts.update(written)
        texts.update({f"{path}, hex columns": hex_dump_bytes(data.decode("utf-8", "replace"))
                      for path, data in written.items()})
        for where, data in texts.items():
            self.assertEqual(shown(data, secrets), [], f"part of a secret shows in {where}")


@unittest.skipUnless(os.path.exists(NGINX), "nginx is not installed (scripts/install-deps.sh)")
class CanaryMatrix(NginxCanaryTest):
    def assertSent(self, protocol, expected, logged_before, count=1):
        logged = self.server.wait_for_requests(logged_before + count)
        self.assertEqual(logged[logged_before:], [(protocol, expected)] * count, "the request did not carry the token")

    def check(self, protocol, source, channel, *urls, split=False):
        """Runs one channel with one source on urls (one transfer each, in one run)."""
        with self.subTest(protocol=protocol, source=source, channel=channel, url_lengths=[len(u) for u in urls]):
            expected, extra = self.use_source(source)
            logged_before = len(self.server.logged())
            run, written = self.run_recorded(PROTOCOLS[protocol] + CHANNELS[channel] + extra + list(urls))
            self.assertNothingShown(run, written)
            if channel == "explain":
                self.assertEqual(run.code, 0, run.err)
                self.assertEqual(self.server.logged()[logged_before:], [])
                return
            self.assertSent(protocol, expected, logged_before, len(urls))
            if channel == "error-messages":
                self.assertEqual(run.code, 22, run.err)
                self.assertIn("(22) The requested URL returned error: 401", run.err)
                return
            self.assertEqual(run.code, 0, run.err)
            trace = run.out if channel.endswith("stdout") else written.get(self.sandbox.path("trace.txt"), b"").decode()
            verbose = written.get(self.sandbox.path("stderr.txt"), b"").decode()
            if channel == "verbose-to-stderr-file":
                self.assertEqual(run.err, "", "--stderr sends all of stderr to the file")
                self.assertIn("> GET ", verbose)
            elif split:
                self.assertGreaterEqual(trace.count("=> Send header"), 2 * len(urls), "a header block was not cut in two")
            if channel == "verbose-to-stderr-file" and protocol == "HTTP/2.0":
                scheme, value = expected.split(" ")
                self.assertIn(f"* h2h3 [authorization: {scheme} {value[:4]}\u2026(redacted)]", verbose)
            if "--trace-time" in CHANNELS[channel]:
                self.assertRegex(trace, r"(?m)^\d\d:\d\d:\d\d\.\d{6} => Send header")

    def test_refusals_echoing_what_was_sent(self):
        """A token service that refuses and echoes the secrets it was sent (in
        its OAuth error_description): dbcurl's message shows none of them, -v
        included, and nothing reaches the workspace."""
        self.token_service.echo = True
        self.addCleanup(setattr, self.token_service, "echo", False)
        for protocol in PROTOCOLS:
            for source in TOKEN_SERVICE_SOURCES:
                with self.subTest(protocol=protocol, source=source):
                    _, extra = self.use_source(source)
                    self.sandbox.env["DATABRICKS_AUTH_TYPE"] = source
                    asked_before, logged_before = len(self.token_service.requests), len(self.server.logged())
                    run, written = self.run_recorded(PROTOCOLS[protocol] + ["-v"] + extra +
                                                     [self.server.origin + CLUSTERS])
                    self.assertEqual(run.code, 110, run.err)
                    self.assertGreater(len(self.token_service.requests), asked_before)
                    self.assertNothingShown(run, written)
                    self.assertEqual(self.server.logged()[logged_before:], [], "nothing is sent")

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
        # Over HTTP/2 the trace channels' runs send a second, long URL (a
        # header block of several frames) on the same connection.
        long_url = self.server.origin + CLUSTERS + "?q=" + "x" * 20000
        for protocol in PROTOCOLS:
            for source in SOURCES:
                for channel in CHANNELS:
                    urls = [self.server.origin + ("/denied/list" if channel == "error-messages" else CLUSTERS)]
                    if protocol == "HTTP/2.0" and channel in TRACE_CHANNELS:
                        urls.append(long_url)
                    self.check(protocol, source, channel, *urls)

    def test_http1_header_block_cut_inside_the_token(self):
        for source in SOURCES:
            start = self.value_offset(source)
            # Two transfers in one run: cut 3 and 17 bytes into the value.
            urls = [self.server.origin + CLUSTERS + "?q=" + "x" * (HEADER_PIECE - into_value - start)
                    for into_value in (3, 17)]
            for channel in TRACE_CHANNELS:
                self.check("HTTP/1.1", source, channel, *urls, split=True)


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
