"""dbcurl's own failures (exit 100-119) are never silent: under -s each still
prints its one `dbcurl:` line (the hint lines after it stay hidden), as curl
prints usage errors under -s. One case per code that can happen before a
transfer; nothing is sent in any of them."""

import json
import unittest

from harness import CANARY
from integration.test_main_job import CLUSTERS, WorkspaceTest


class SilentSetupFailures(WorkspaceTest):
    def run_silent(self, *args):
        run = self.dbcurl("-s", *args)
        self.assertEqual(run.out, "")
        self.assertEqual(self.workspace.requests, [])
        self.assertNoCanary(run.stdout, run.stderr)
        lines = run.err.splitlines()
        self.assertEqual(len(lines), 1, run.err)
        self.assertTrue(lines[0].startswith("dbcurl: "), run.err)
        return run.code, lines[0]

    def expect(self, code, text, *args):
        got, line = self.run_silent(*args)
        self.assertEqual(got, code, line)
        self.assertIn(text, line)
        return line

    def test_100_password_refused_says_what_to_use_instead(self):
        self.use_environment()
        line = self.expect(100, "refusing to send a password (-u)", "-u", "alice:hunter2", CLUSTERS)
        self.assertIn("use a personal access token: DATABRICKS_TOKEN, 'token =' in ~/.databrickscfg, "
                      "or a netrc 'login token' line", line)
        self.assertNotIn("hunter2", line)

    def test_101_nothing_configured(self):
        self.expect(101, "no Databricks workspace configured for /api/2.0/clusters/list", CLUSTERS)

    def test_101_no_token(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.env["PATH"] = "/usr/bin:/bin"  # no databricks CLI
        self.expect(101, "no Databricks token found for", CLUSTERS)

    def test_102_missing_profile(self):
        self.sandbox.write(".databrickscfg", f"[DEFAULT]\nhost = {self.workspace.origin}\ntoken = {CANARY}\n")
        self.expect(102, "has no nosuch profile configured", "--profile", "nosuch", CLUSTERS)

    def test_102_missing_profile_with_a_full_url(self):
        path = self.sandbox.write(".databrickscfg", f"[DEFAULT]\nhost = {self.workspace.origin}\ntoken = {CANARY}\n")
        for args, env in ((("--profile", "nosuch"), {}), ((), {"DATABRICKS_CONFIG_PROFILE": "nosuch"})):
            for url in (self.workspace.origin + CLUSTERS, "https://127.0.0.1:9/other"):
                with self.subTest(args=args, env=env, url=url):
                    self.sandbox.env.update(env)
                    line = self.expect(102, "has no nosuch profile configured", *args, url)
                    self.assertEqual(line, f"dbcurl: {path} has no nosuch profile configured")
                    self.sandbox.env.pop("DATABRICKS_CONFIG_PROFILE", None)

    def test_101_netrc_login_token_without_a_password_names_only_the_netrc(self):
        # The entry makes the host a workspace (rule 4) but holds no token; the
        # message names that entry, not a profile or DATABRICKS_TOKEN, which are
        # not for this host.
        self.sandbox.env["DATABRICKS_TOKEN"] = CANARY
        netrc = self.sandbox.write(".netrc", "machine 127.0.0.1 login token\n")
        line = self.expect(101, "no Databricks token found for http://127.0.0.1:9", "http://127.0.0.1:9/x")
        self.assertIn(f"looked at a 'login token' entry for 127.0.0.1 in {netrc} (nothing)", line)
        self.assertNotIn("DATABRICKS_TOKEN", line)

    def test_102_malformed_config_toml(self):
        self.use_environment()
        self.sandbox.write(".config/dbcurl/config.toml", "[profiles.p\n")
        self.expect(102, "config.toml:1:", CLUSTERS)

    def test_102_reserved_profile(self):
        self.use_environment()
        self.sandbox.write(".databrickscfg", "[__settings__]\ndefault_profile = DEFAULT\n")
        self.expect(102, "__settings__ is a reserved section name and cannot be used as a profile",
                    "--profile", "__settings__", CLUSTERS)

    def test_103_helper_failed(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.write(".config/dbcurl/config.toml",
                           f'[hosts."127.0.0.1:{self.workspace.port}"]\ntoken_command = ["false"]\n')
        self.expect(103, "token helper 'false' failed with exit code 1", CLUSTERS)

    def test_104_plain_http_to_a_remote_host(self):
        self.sandbox.env["DATABRICKS_HOST"] = "http://dbc-a1b2.cloud.databricks.com"
        self.sandbox.env["DATABRICKS_TOKEN"] = CANARY
        self.expect(104, "refusing to send a Databricks token over plain http://", CLUSTERS)

    def test_105_two_profiles_name_the_host(self):
        self.sandbox.write(".databrickscfg", f"[a]\nhost = {self.workspace.origin}\ntoken = {CANARY}\n\n"
                                             f"[b]\nhost = {self.workspace.origin}\ntoken = {CANARY}\n")
        self.expect(105, "is named by several profiles: a, b", self.workspace.origin + CLUSTERS)

    def test_106_unsupported_auth_type(self):
        self.use_environment()
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-msi"
        self.expect(106, "auth_type 'azure-msi' (from DATABRICKS_AUTH_TYPE) is not supported", CLUSTERS)

    def test_107_header_with_a_line_break(self):
        self.use_environment()
        self.expect(107, "refusing a header with a line break", "-H", "X-A: a\r\nX-Smuggled: b", CLUSTERS)

    def test_without_s_the_hint_follows(self):
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 101)
        self.assertGreater(len(run.err.splitlines()), 1, run.err)

    def test_warnings_stay_hidden_under_s(self):
        self.use_environment()
        run = self.dbcurl("-s", "-u", f"token:{CANARY}", CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(run.err, "")
        self.assertIn("Warning", self.dbcurl("-u", f"token:{CANARY}", CLUSTERS).err)
        self.assertEqual(json.loads(run.out)["clusters"][0]["cluster_name"], "demo")


class FirstUse(WorkspaceTest):
    """What a newcomer with nothing configured sees."""

    def test_explain_without_a_url_says_what_it_looked_at_and_the_first_step(self):
        run = self.dbcurl("--explain")
        self.assertEqual(run.code, 0, run.err)
        self.assertIn("nothing from DATABRICKS_* variables", run.out)
        self.assertIn(f"config file {self.sandbox.path('.databrickscfg')}: not found", run.out)
        self.assertIn("workspace: none configured", run.out)
        self.assertIn("first step: export DATABRICKS_HOST=https://<workspace-host> "
                      "DATABRICKS_TOKEN=<personal-access-token>", run.out)
        self.assertIn("'man dbcurl'", run.out)

    def test_explain_of_a_request_that_cannot_be_planned_still_shows_the_resolution(self):
        run = self.dbcurl("--explain", CLUSTERS)
        self.assertEqual(run.code, 101, run.err)
        self.assertIn("first step:", run.out)
        self.assertIn("no Databricks workspace configured", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_hints_point_to_the_man_page_not_to_a_file_the_package_lacks(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.env["PATH"] = "/usr/bin:/bin"
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 101, run.err)
        self.assertIn("see FILES in 'man dbcurl'", run.err)
        self.assertNotIn("docs/", run.err)


if __name__ == "__main__":
    unittest.main()
