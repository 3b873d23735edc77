"""The host and port a request goes to are libcurl's reading of the URL, not
its text (docs/SECURITY.md, "Where a request goes"): every spelling of the
workspace's host is a workspace request (its token attached, a password
refused), every spelling of loopback is loopback, and the token never goes to
a host libcurl reads as another one."""

import re
import unittest

from harness import CANARY, SandboxTest
from integration.test_main_job import CLUSTERS, WorkspaceTest
from integration.test_other_schemes import LineRecorder, ftp_reply

NAMED_HOST = "adb-1.azuredatabricks.net"


def loopback_spellings(port):
    """The workspace https://127.0.0.1:port, spelled as libcurl still reads it."""
    return [f"https://127.1:{port}{CLUSTERS}",
            f"https://2130706433:{port}{CLUSTERS}",
            f"https://0x7f.0.0.1:{port}{CLUSTERS}",
            f"https://0X7F.0.0.1:{port}{CLUSTERS}",
            f"https://0177.0.0.1:{port}{CLUSTERS}",
            f"https://%31%32%37.0.0.1:{port}{CLUSTERS}",
            f"https://127.0.0.1:00{port}{CLUSTERS}",
            f"https:/127.0.0.1:{port}{CLUSTERS}",
            f"HTTPS://127.1:{port}{CLUSTERS}"]


def named_spellings():
    """The workspace https://adb-1.azuredatabricks.net, spelled as libcurl still reads it."""
    return ["https://ADB-1.AzureDatabricks.NET" + CLUSTERS,
            f"https://{NAMED_HOST}.{CLUSTERS}",
            f"https://{NAMED_HOST}:0443{CLUSTERS}",
            f"https://%61db-1.azuredatabricks.net{CLUSTERS}",
            f"https://adb-1.azuredatabricks.ne%74{CLUSTERS}",
            f"https:/{NAMED_HOST}{CLUSTERS}",
            f"https:///{NAMED_HOST}{CLUSTERS}"]


class LoopbackWorkspaceSpellings(WorkspaceTest):
    def test_each_spelling_gets_the_token(self):
        self.use_environment()
        for url in loopback_spellings(self.workspace.port):
            with self.subTest(url=url):
                self.workspace.clear()
                run = self.dbcurl("-sS", url)
                self.assertClustersListed(run)
                self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")
                self.assertNoCanary(run.stdout, run.stderr)

    def test_each_spelling_refuses_a_password(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        port = self.workspace.port
        spellings = loopback_spellings(port) + [f"https://127.0.0.1.:{port}{CLUSTERS}"]
        for url in spellings:
            for how in (["-u", "alice:pw", url], [url.replace("://", "://alice:pw@", 1).replace(":/1", ":/alice:pw@1")]):
                with self.subTest(args=how):
                    run = self.dbcurl("-sS", *how)
                    self.assertEqual(run.code, 100, run.err)
                    self.assertIn("refusing to send a password", run.err)
                    self.assertEqual(self.workspace.requests, [])


class LoopbackOverHttp(WorkspaceTest):
    tls = False

    def test_loopback_spellings_count_as_loopback(self):
        self.use_environment()
        port = self.workspace.port
        for url in (f"http://127.1:{port}{CLUSTERS}", f"http://2130706433:{port}{CLUSTERS}",
                    f"http://0x7f.1:{port}{CLUSTERS}", f"http:/127.0.0.1:{port}{CLUSTERS}"):
            with self.subTest(url=url):
                self.workspace.clear()
                run = self.dbcurl("-sS", url)
                self.assertClustersListed(run)
                self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_a_trailing_dot_is_not_taken_for_loopback(self):
        # "127.0.0.1." is a name for DNS, not an address: plain http to it is refused.
        self.use_environment()
        run = self.dbcurl("-sS", f"http://127.0.0.1.:{self.workspace.port}{CLUSTERS}")
        self.assertEqual(run.code, 104, run.err)
        self.assertEqual(self.workspace.requests, [])


class ReroutedPlainHttp(WorkspaceTest):
    """--resolve and --connect-to move the connection away from the URL's host:
    a token over plain http:// goes only where every address they name is
    loopback (192.0.2.1 is TEST-NET-1: nothing answers there)."""
    tls = False

    def test_a_reroute_away_from_loopback_is_refused(self):
        self.use_environment()
        port = self.workspace.port
        for args in (["--connect-to", "::192.0.2.1:"],
                     ["--connect-to", f"127.0.0.1:{port}:[2001:db8::1]:{port}"],
                     ["--resolve", f"127.0.0.1:{port}:192.0.2.1"],
                     ["--resolve", f"+127.0.0.1:{port}:127.0.0.1,192.0.2.1"],
                     ["--resolve", f"other.example:80:192.0.2.1"]):
            with self.subTest(args=args):
                run = self.dbcurl("-sS", "-m", "5", *args, f"http://127.0.0.1:{port}{CLUSTERS}")
                self.assertEqual(run.code, 104, run.err)
                self.assertIn("refusing to send a Databricks token over plain http://", run.err)
                self.assertIn(args[0], run.err)
                self.assertNoCanary(run.stdout, run.stderr)
                self.assertEqual(self.workspace.requests, [])

    def test_a_reroute_to_loopback_still_gets_the_token(self):
        self.use_environment()
        port = self.workspace.port
        url = f"http://127.0.0.1:{port}{CLUSTERS}"
        for args in (["--connect-to", f"::127.0.0.1:{port}"],
                     ["--connect-to", f"127.0.0.1:{port}::{port}"],
                     ["--resolve", f"-127.0.0.1:{port}"],
                     ["--resolve", f"localhost:{port}:127.0.0.1"]):
            with self.subTest(args=args):
                self.workspace.clear()
                run = self.dbcurl("-sS", *args, url)
                self.assertClustersListed(run)
                self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")


class NamedWorkspaceSpellings(WorkspaceTest):
    """DATABRICKS_HOST names a real workspace host; --connect-to sends every
    connection to the fake workspace, so that what arrives there shows where
    the token went."""

    def setUp(self):
        super().setUp()
        self.sandbox.env["DATABRICKS_HOST"] = f"https://{NAMED_HOST}"

    def connect_all(self):
        return ["-k", "--connect-to", f"::127.0.0.1:{self.workspace.port}"]

    def test_each_spelling_gets_the_token(self):
        self.sandbox.env["DATABRICKS_TOKEN"] = CANARY
        for url in named_spellings():
            with self.subTest(url=url):
                self.workspace.clear()
                run = self.dbcurl("-sS", *self.connect_all(), url)
                self.assertClustersListed(run)
                self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_each_spelling_refuses_a_password(self):
        for url in named_spellings():
            with self.subTest(url=url):
                run = self.dbcurl("-sS", *self.connect_all(), "-u", "alice:pw", url)
                self.assertEqual(run.code, 100, run.err)
                self.assertIn("refusing to send a password", run.err)
                self.assertEqual(self.workspace.requests, [])

    def test_other_hosts_and_ports_never_get_the_token(self):
        self.sandbox.env["DATABRICKS_TOKEN"] = CANARY
        for url in (f"https://{NAMED_HOST}..{CLUSTERS}", f"https://adb-2.azuredatabricks.net{CLUSTERS}",
                    f"https://{NAMED_HOST}:8443{CLUSTERS}", f"https://{NAMED_HOST}%2eexample.com{CLUSTERS}",
                    f"https://{NAMED_HOST}:443\\@example.com{CLUSTERS}"):
            with self.subTest(url=url):
                self.workspace.clear()
                run = self.dbcurl("-s", *self.connect_all(), url)
                self.assertNoCanary(run.stdout, run.stderr)
                for request in self.workspace.requests:
                    self.assertNotIn(CANARY, str(request.headers))
                    # Only what curl sends itself: the URL's own "user:password" before the '@'.
                    self.assertNotIn("Bearer", str(request.header("Authorization")))


class ProtoDefault(WorkspaceTest):
    def test_proto_default_https_is_https(self):
        # One scheme for every rule: not refused as plain http after passing as https.
        self.use_environment()
        run = self.dbcurl("-sS", "--proto-default", "https", f"127.0.0.1:{self.workspace.port}{CLUSTERS}")
        self.assertClustersListed(run)
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_proto_default_ftp_with_a_port_is_ftp(self):
        # "ws-host:port/path" under --proto-default ftp goes out as ftp://: refused, nothing sent.
        self.sandbox.env.update(DATABRICKS_HOST="https://ws.example.com", DATABRICKS_TOKEN=CANARY)
        recorder = LineRecorder(b"220 hi\r\n", ftp_reply)
        self.addCleanup(recorder.stop)
        for user in ([], ["-u", "alice:pw"]):
            with self.subTest(user=user):
                run = self.dbcurl("-sS", "-m", "10", "--proto-default", "ftp", *user, "--connect-to",
                                  f"ws.example.com:{recorder.port}:127.0.0.1:{recorder.port}",
                                  f"ws.example.com:{recorder.port}/f")
                self.assertEqual(run.code, 104, run.err)
                self.assertIn("over ftp://", run.err)
                self.assertEqual(recorder.connections, 0)


DEFAULT_PORTS = {"http": "80", "https": "443", "ftp": "21"}
EFFECTIVE_URL = re.compile(r"([a-z0-9+.-]+)://(?:[^/]*@)?(\[[^\]]*\]|[^:/]*)(?::(\d+))?")


class DestinationDifferential(SandboxTest):
    """The scheme, host and port dbcurl classifies a request by (--explain's
    destination) are the ones curl's libcurl reads from the same URL and
    --proto-default (%{url_effective}). No workspace is configured, so that
    every URL is planned and shown."""

    CORPUS = ["https://127.1:8443/x", "https://2130706433:8443/x", "https://0x7f.0.0.1:8443/x",
              "https://%31%32%37.0.0.1:8443/x", "https://127.0.0.1:008443/x", "https:/127.0.0.1:8443/x",
              "https:///127.0.0.1:8443/x", "https://127.0.0.1.:8443/x", "HTTPS://ADB-1.AzureDatabricks.NET/x",
              "https://adb-1.azuredatabricks.net:0443/x", "https://[0:0::1]:8443/x", "127.1:8443/x",
              "ftp.example.com/f", "ftp.example.com:21/f", "example.com:8080/x", "example.com/x",
              "https://u:p@example.com:443/x", "https://example.com:443\\@127.0.0.1/x", "Http:/example.com/x",
              "a.b+c-d:/example.com/x", "+http:/example.com/x", "1http:/example.com/x", "a" * 40 + ":/example.com/x",
              "a" * 41 + ":/example.com/x", "HTTPS:example.com:443/x", "https://example.com#@127.0.0.1/x", "https://example.com?@127.0.0.1/x"]

    @staticmethod
    def planned_destination(run):
        for line in run.out.splitlines():
            if line.strip().startswith("destination: "):
                return line.split()[1]
        return None

    @staticmethod
    def libcurl_destination(run):
        match = EFFECTIVE_URL.match(run.out)
        if run.code == 3 or not match:  # CURLE_URL_MALFORMAT: libcurl rejects the URL
            return None
        scheme, host, port = match.groups()
        return f"{scheme}://{host}:{port or DEFAULT_PORTS.get(scheme, '')}"

    def test_dbcurl_reads_urls_as_libcurl(self):
        for url in self.CORPUS:
            for proto in ([], ["--proto-default", "https"], ["--proto-default", "ftp"]):
                with self.subTest(url=url, proto=proto):
                    planned = self.dbcurl("--explain", *proto, url)
                    # Port 1 on loopback refuses at once: curl reads the URL and connects nowhere else.
                    sent = self.curl("-s", "-o", "/dev/null", "-w", "%{url_effective}", "--connect-to",
                                     "::127.0.0.1:1", *proto, url)
                    self.assertEqual(self.planned_destination(planned), self.libcurl_destination(sent),
                                     planned.out + sent.out)


if __name__ == "__main__":
    unittest.main()
