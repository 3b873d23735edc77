"""docs/SECURITY.md: the token goes where it belongs and nowhere else, and bad input
never hurts. Each test tries to make dbcurl leak or misbehave."""

import base64
import itertools
import json
import os
import time
import unittest

from fake_workspace import Workspace
from harness import CANARY, WRONG_TOKEN
from integration.test_main_job import CLUSTERS, WorkspaceTest

BASIC_CANARY = base64.b64encode(f"token:{CANARY}".encode()).decode()


class Redirects(WorkspaceTest):
    def setUp(self):
        super().setUp()
        self.other = Workspace(token=CANARY, tls=False)
        self.other.start()
        self.addCleanup(self.other.stop)

    def redirect(self, target):
        return f"{self.workspace.origin}/redirect-to?url={target}"

    def auth_headers(self):
        return [r.header("Authorization") for r in self.workspace.requests + self.other.requests]

    def test_token_dropped_on_redirect_to_other_host_port_or_scheme(self):
        self.use_environment()
        targets = [f"https://localhost:{self.workspace.port}/echo",  # host
                   f"http://127.0.0.1:{self.other.port}/echo"]         # scheme and port
        for target, follow in itertools.product(targets, ["-L", "--location-trusted"]):
            with self.subTest(target=target, follow=follow):
                self.workspace.clear()
                self.other.clear()
                run = self.dbcurl("-s", follow, self.redirect(target))
                self.assertEqual(run.code, 0, run.err)
                self.assertEqual(self.auth_headers(), [f"Bearer {CANARY}", None])

    def test_redirect_within_the_workspace_keeps_the_token(self):
        self.use_environment()
        self.dbcurl("-s", "-L", self.redirect("/api/2.0/clusters/list"))
        self.assertEqual(self.auth_headers(), [f"Bearer {CANARY}", f"Bearer {CANARY}"])

    def test_netrc_token_dropped_even_with_location_trusted(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.write(".netrc", f"machine 127.0.0.1 login token password {CANARY}\n")
        self.dbcurl("-s", "-n", "--location-trusted", self.redirect(f"https://localhost:{self.workspace.port}/echo"))
        self.assertEqual(self.auth_headers(), ["Basic " + BASIC_CANARY, None])

    def test_location_trusted_still_applies_to_typed_credentials(self):
        self.use_environment(WRONG_TOKEN)
        self.dbcurl("-s", "--location-trusted", "-H", "Authorization: Bearer typed-by-user",
                    self.redirect(f"https://localhost:{self.workspace.port}/echo"))
        self.assertEqual(self.auth_headers(), ["Bearer typed-by-user", "Bearer typed-by-user"])


class CanaryMatrix(WorkspaceTest):
    """Every output option × every token source: the canary appears nowhere
    dbcurl writes (stdout, stderr, files), in clear or Basic-encoded."""

    OUTPUTS = {
        "verbose": ["-v"],
        "trace-stdout": ["--trace", "-"],
        "trace-ascii-file": ["--trace-ascii", "{home}/trace.txt"],
        "trace-time": ["-v", "--trace-time"],
        "write-out": ["-w", "%{json}|%{url}|%{url_effective}|%{header_json}|%{errormsg}|%{redirect_url}"],
        "include": ["-i"],
        "dump-header-file": ["-D", "{home}/dumped-headers.txt"],
        "dump-header-stdout": ["-D", "-"],
        "explain": ["--explain"],
        "error-message": ["-f", "-S", "--cacert", "/etc/ssl/certs/ca-certificates.crt"],
    }

    def source_setup(self, source):
        """Configures one token source; returns the URL to ask for and extra args."""
        host = self.workspace.origin
        if source == "environment":
            self.use_environment()
        elif source == "profile":
            self.sandbox.write(".databrickscfg", f"[p]\nhost = {host}\ntoken = {CANARY}\n")
            return CLUSTERS, ["--profile", "p"]
        elif source == "netrc-bearer":
            self.sandbox.env["DATABRICKS_HOST"] = host
            self.sandbox.write(".netrc", f"machine 127.0.0.1 login token password {CANARY}\n")
        elif source == "netrc-basic":
            self.sandbox.env["DATABRICKS_HOST"] = host
            self.sandbox.write(".netrc", f"machine 127.0.0.1 login token password {CANARY}\n")
            return CLUSTERS, ["-n"]
        elif source == "helper":
            self.sandbox.env["DATABRICKS_HOST"] = host
            bin_dir = self.sandbox.path("bin")
            os.makedirs(bin_dir, exist_ok=True)
            with open(os.path.join(bin_dir, "helper"), "w") as handle:
                handle.write(f"#!/bin/sh\necho {CANARY}\n")
            os.chmod(os.path.join(bin_dir, "helper"), 0o755)
            self.sandbox.write(".config/dbcurl/config.toml",
                               f'[hosts."127.0.0.1:{self.workspace.port}"]\ntoken_command = ["{bin_dir}/helper"]\n')
        elif source == "placeholder":
            self.use_environment()
            return "https://<databricks-instance>" + CLUSTERS, ["-H", "Authorization: Bearer <personal-access-token>"]
        return CLUSTERS, []

    def test_matrix(self):
        sources = ["environment", "profile", "netrc-bearer", "netrc-basic", "helper", "placeholder"]
        for source, (name, output) in itertools.product(sources, self.OUTPUTS.items()):
            with self.subTest(source=source, output=name):
                self.sandbox.env = {k: v for k, v in self.sandbox.env.items() if not k.startswith("DATABRICKS_")}
                for leftover in (".netrc", ".databrickscfg", ".config/dbcurl/config.toml"):
                    if os.path.exists(self.sandbox.path(leftover)):
                        os.remove(self.sandbox.path(leftover))
                url, extra = self.source_setup(source)
                args = [a.replace("{home}", self.sandbox.home) for a in output] + extra + [url]
                before = self.file_states()
                run = self.dbcurl(*args)
                for canary in (CANARY, BASIC_CANARY):
                    self.assertNoCanary(run.stdout, run.stderr, canary=canary)
                    self.assertNoCanaryInWrittenFiles(before, canary=canary)
                if name not in ("explain", "error-message"):
                    self.assertEqual(run.code, 0, run.err)


class FilePermissions(WorkspaceTest):
    def test_readable_credential_files_draw_one_warning_each(self):
        self.sandbox.env["DATABRICKS_CONFIG_PROFILE"] = "p"
        files = {
            # A secret in another profile: the token still comes from netrc, which is read too.
            ".databrickscfg": f"[p]\nhost = {self.workspace.origin}\n\n[other]\ntoken = {CANARY}\n",
            ".netrc": f"machine 127.0.0.1 login token password {CANARY}\n",
            ".config/dbcurl/config.toml": 'default_profile = "p"\n',
        }
        for name, text in files.items():
            self.sandbox.write(name, text, mode=0o644)
        run = self.dbcurl(CLUSTERS)
        self.assertClustersListed(run)
        # Undo curl's wrapping: each cut keeps its blank at the end of the line.
        warning = "".join(line.removeprefix("Warning: ") for line in run.err.splitlines() if line.startswith("Warning: "))
        for name in files:
            path = self.sandbox.path(name)
            self.assertIn(f"{path} holds credentials and is readable by others; run: chmod 600 {path}", warning)
            self.assertEqual(warning.count(f"chmod 600 {path}"), 1)
        quiet = self.dbcurl("-s", CLUSTERS)
        self.assertNotIn("Warning", quiet.err)

    def test_a_readable_databrickscfg_without_a_secret_draws_no_warning(self):
        self.sandbox.env["DATABRICKS_TOKEN"] = CANARY
        self.sandbox.env["DATABRICKS_CONFIG_PROFILE"] = "p"
        self.sandbox.write(".databrickscfg", f"[p]\nhost = {self.workspace.origin}\nauth_type = pat\n", mode=0o644)
        run = self.dbcurl(CLUSTERS)
        self.assertClustersListed(run)
        self.assertNotIn("readable by others", run.err)
        for secret in ("token", "password", "client_secret"):
            with self.subTest(secret=secret):
                self.sandbox.write(".databrickscfg", f"[p]\nhost = {self.workspace.origin}\n\n"
                                                     f"[other]\n{secret} = x\n", mode=0o644)
                self.assertIn("readable by others", self.dbcurl("--explain", CLUSTERS).err)


class HostileInput(WorkspaceTest):
    """Bad input of every kind: one clear error line, the documented exit code,
    nothing sent, no crash and no hang."""

    def expect(self, run, code, text):
        self.assertEqual(run.code, code, run.err)
        self.assertIn(text, run.err)
        self.assertNotIn("Sanitizer", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_nul_byte_in_config_file(self):
        self.sandbox.write(".databrickscfg", f"[DEFAULT]\nhost = {self.workspace.origin}\ntoken = a\0b\n")
        self.expect(self.dbcurl(CLUSTERS), 102, ".databrickscfg:3: NUL byte in line")

    def test_huge_files(self):
        line = "x" * 1000 + "\n"
        self.sandbox.write(".databrickscfg", "[DEFAULT]\n" + "# " + line * 2000)
        self.expect(self.dbcurl(CLUSTERS), 102, "larger than 1048576 bytes")

    def test_hundred_megabyte_netrc(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        path = self.sandbox.path(".netrc")
        with open(path, "wb") as handle:
            handle.truncate(100 * 1024 * 1024)
        os.chmod(path, 0o600)
        started = time.monotonic()
        self.expect(self.dbcurl(CLUSTERS), 102, "larger than 1048576 bytes")
        self.assertLess(time.monotonic() - started, 10)

    def test_unterminated_quote_in_netrc(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.write(".netrc", 'machine 127.0.0.1 login token password "open\n')
        self.expect(self.dbcurl("-n", CLUSTERS), 102, ".netrc:1: unterminated quoted string")

    def test_profile_named_like_a_path(self):
        self.sandbox.write(".databrickscfg", f"[DEFAULT]\nhost = {self.workspace.origin}\n")
        self.expect(self.dbcurl("--profile", "../../etc/passwd", CLUSTERS), 102,
                    "has no ../../etc/passwd profile configured")

    def test_helper_printing_endlessly(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.write(".config/dbcurl/config.toml",
                           f'[hosts."127.0.0.1:{self.workspace.port}"]\ntoken_command = ["yes", "{CANARY}"]\n')
        run = self.dbcurl(CLUSTERS)
        self.expect(run, 103, "printed more than 64 KiB")
        self.assertNoCanary(run.stdout, run.stderr)

    def test_header_injection_on_workspace_request(self):
        self.use_environment()
        self.expect(self.dbcurl("-H", "X-A: a\r\nX-Smuggled: b", CLUSTERS), 107, "line break")

    def test_bad_toml(self):
        self.use_environment()
        self.sandbox.write(".config/dbcurl/config.toml", "[profiles.p\n")
        run = self.dbcurl("--profile", "p", CLUSTERS)
        self.expect(run, 102, "config.toml:1:")

    def test_bad_host_in_config(self):
        self.sandbox.env["DATABRICKS_HOST"] = "https://"
        self.sandbox.env["DATABRICKS_TOKEN"] = CANARY
        run = self.dbcurl(CLUSTERS)
        self.expect(run, 102, "invalid Databricks host")
        self.assertNoCanary(run.stdout, run.stderr)


if __name__ == "__main__":
    unittest.main()


class Proxies(WorkspaceTest):
    """A token crosses a proxy only inside TLS to the workspace."""

    def setUp(self):
        super().setUp()
        from recording_proxy import RecordingProxy
        self.proxy = RecordingProxy()
        self.addCleanup(self.proxy.stop)

    def test_https_workspace_through_a_proxy_keeps_the_token_inside_tls(self):
        self.use_environment()
        for args, env in ((["-x", self.proxy.url], {}), ([], {"https_proxy": self.proxy.url})):
            with self.subTest(args=args, env=env):
                run = self.dbcurl(*args, CLUSTERS, env=env)
                self.assertClustersListed(run)
                self.assertTrue(self.proxy.connects, "the request did not go through the proxy")
                self.assertNotIn(CANARY.encode(), bytes(self.proxy.seen))
                self.assertNotIn(BASIC_CANARY.encode(), bytes(self.proxy.seen))


class PlainHttpProxies(WorkspaceTest):
    tls = False

    def setUp(self):
        super().setUp()
        from recording_proxy import RecordingProxy
        self.proxy = RecordingProxy()
        self.addCleanup(self.proxy.stop)

    def test_token_over_http_through_a_proxy_is_refused(self):
        self.use_environment()
        for args, env in ((["-x", self.proxy.url], {}), ([], {"http_proxy": self.proxy.url}),
                          ([], {"ALL_PROXY": self.proxy.url})):
            with self.subTest(args=args, env=env):
                run = self.dbcurl(*args, CLUSTERS, env=env)
                self.assertEqual(run.code, 104, run.err)
                self.assertIn("through a proxy", run.err)
        self.assertEqual(bytes(self.proxy.seen), b"")
        self.assertEqual(self.workspace.requests, [])

    def test_noproxy_exempts_the_host(self):
        self.use_environment()
        run = self.dbcurl("-x", self.proxy.url, "--noproxy", "127.0.0.1", CLUSTERS)
        self.assertClustersListed(run)
        self.assertEqual(bytes(self.proxy.seen), b"")
        quiet = self.dbcurl(CLUSTERS, env={"http_proxy": self.proxy.url, "no_proxy": "localhost,127.0.0.1"})
        self.assertClustersListed(quiet)

    def test_plain_requests_still_use_the_proxy_as_curl(self):
        run = self.dbcurl("-s", "-x", self.proxy.url, f"{self.workspace.origin}/echo")
        self.assertEqual(run.code, 0)
        self.assertIn(b"GET http://127.0.0.1", bytes(self.proxy.seen))


class HostileCommandLines(WorkspaceTest):
    def test_glob_of_a_million_urls_is_refused_quickly(self):
        started = time.monotonic()
        run = self.dbcurl(f"{self.workspace.origin}/echo?n=[1-1000000]")
        self.assertEqual(run.code, 3)
        self.assertIn("expands to more than 100000 URLs", run.err)
        self.assertLess(time.monotonic() - started, 10)
        self.assertEqual(self.workspace.requests, [])

    def test_config_file_including_itself_is_refused(self):
        path = self.sandbox.write("self.cfg", "-H X-Self:1\n-K " + self.sandbox.path("self.cfg") + "\n")
        run = self.dbcurl("-K", path, f"{self.workspace.origin}/echo")
        self.assertEqual(run.code, 26)
        self.assertIn("nested more than 16 deep", run.err)
        self.assertEqual(self.workspace.requests, [])
