"""The main job end to end: the Databricks docs' curl examples, run with
dbcurl against the fake workspace, with the token filled in by dbcurl."""

import base64
import json
import re
import unittest

from fake_workspace import Workspace
from harness import CANARY, WRONG_TOKEN, SandboxTest

CLUSTERS = "/api/2.0/clusters/list"


class WorkspaceTest(SandboxTest):
    """A sandbox plus a fake workspace whose valid token is the canary."""

    tls = True

    def setUp(self):
        super().setUp()
        self.workspace = Workspace(token=CANARY, tls=self.tls)
        self.workspace.start()
        self.addCleanup(self.workspace.stop)
        self.sandbox.env["CURL_CA_BUNDLE"] = self.workspace.cafile

    def use_environment(self, token=CANARY):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.env["DATABRICKS_TOKEN"] = token

    def only_request(self):
        self.assertEqual(len(self.workspace.requests), 1, self.workspace.requests)
        return self.workspace.requests[0]

    def assertClustersListed(self, run):
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(json.loads(run.out)["clusters"][0]["cluster_name"], "demo")


class SeedPageExamples(WorkspaceTest):
    """Every example of reference/databricks-pat-auth.txt with curl replaced by dbcurl."""

    def test_bearer_placeholder_example(self):
        self.use_environment()
        run = self.dbcurl("-X", "GET", "-H", "Authorization: Bearer <personal-access-token>",
                          "https://<databricks-instance>/api/2.0/clusters/list")
        self.assertClustersListed(run)
        request = self.only_request()
        self.assertEqual(request.header("Authorization"), f"Bearer {CANARY}")
        self.assertEqual(request.target, CLUSTERS)
        self.assertNoCanary(run.stdout, run.stderr)

    def test_netrc_example(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.write(".netrc", f"machine 127.0.0.1\nlogin token\npassword {CANARY}\n")
        run = self.dbcurl("-n", "-X", "GET", "https://<databricks-instance>/api/2.0/clusters/list")
        self.assertClustersListed(run)
        auth = self.only_request().header("Authorization")
        self.assertEqual(auth, "Basic " + base64.b64encode(f"token:{CANARY}".encode()).decode())
        self.assertNoCanary(run.stdout, run.stderr)

    def test_password_example_is_refused_and_nothing_is_sent(self):
        self.use_environment()
        run = self.dbcurl("-u", "<your-username>:<your-password>", "-X", "GET",
                          "https://<databricks-instance>/api/2.0/clusters/list")
        self.assertEqual(run.code, 100)
        self.assertIn("refusing to send a password", run.err)
        self.assertIn("personal access token", run.err)
        self.assertEqual(self.workspace.requests, [])


class Resolution(WorkspaceTest):
    def test_path_only_url_gets_workspace_and_bearer_token(self):
        self.use_environment()
        run = self.dbcurl(CLUSTERS)
        self.assertClustersListed(run)
        request = self.only_request()
        self.assertEqual(request.header("Authorization"), f"Bearer {CANARY}")
        self.assertEqual(request.header("Host"), f"127.0.0.1:{self.workspace.port}")

    def test_user_agent_names_dbcurl_and_auth_mode(self):
        self.use_environment()
        self.dbcurl("-s", CLUSTERS)
        agent = self.only_request().header("User-Agent")
        self.assertRegex(agent, r"^dbcurl/\d+\.\d+\.\d+ curl/7\.\d+\.\d+ auth/pat$")

    def test_user_agent_option_overrides(self):
        self.use_environment()
        self.dbcurl("-s", "-A", "mine/1", CLUSTERS)
        self.assertEqual(self.only_request().header("User-Agent"), "mine/1")

    def test_profile_option_selects_profile(self):
        self.sandbox.write(".databrickscfg",
                           f"[DEFAULT]\nhost = https://elsewhere.invalid\ntoken = {WRONG_TOKEN}\n\n"
                           f"[prod]\nhost = {self.workspace.origin}\ntoken = {CANARY}\n")
        run = self.dbcurl("--profile", "prod", CLUSTERS)
        self.assertClustersListed(run)
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_default_profile_of_config_file(self):
        self.sandbox.write(".databrickscfg", f"[DEFAULT]\nhost = {self.workspace.origin}\ntoken = {CANARY}\n")
        self.assertClustersListed(self.dbcurl(CLUSTERS))

    def test_config_profile_variable_and_config_file_variable(self):
        path = self.sandbox.write("elsewhere.cfg", f"[staging]\nhost = {self.workspace.origin}\ntoken = {CANARY}\n")
        run = self.dbcurl(CLUSTERS, env={"DATABRICKS_CONFIG_FILE": path, "DATABRICKS_CONFIG_PROFILE": "staging"})
        self.assertClustersListed(run)

    def test_missing_profile_is_an_error_naming_file_and_profile(self):
        path = self.sandbox.write(".databrickscfg", f"[DEFAULT]\nhost = {self.workspace.origin}\n")
        run = self.dbcurl("--profile", "nope", CLUSTERS)
        self.assertEqual(run.code, 102)
        self.assertIn(f"{path} has no nope profile configured", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_netrc_login_token_is_a_token_source_without_n(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.write(".netrc", f"machine 127.0.0.1 login token password {CANARY}\n")
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_host_equal_to_workspace_gets_the_token(self):
        self.use_environment()
        run = self.dbcurl(self.workspace.origin + CLUSTERS)
        self.assertClustersListed(run)
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_other_host_receives_no_token(self):
        self.use_environment()
        # localhost reaches the same server but is not the workspace's host.
        run = self.dbcurl("-s", f"https://localhost:{self.workspace.port}{CLUSTERS}")
        self.assertEqual(run.code, 0)
        self.assertIsNone(self.only_request().header("Authorization"))
        self.assertIn("Credential was not sent", run.out)
        self.assertRegex(self.only_request().header("User-Agent"), r"^curl/")

    def test_no_workspace_for_path_only_url(self):
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 101)
        self.assertIn("no Databricks workspace configured", run.err)

    def test_no_token_found_says_what_was_looked_at_and_how_to_fix(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 101)
        self.assertIn("no Databricks token found", run.err)
        self.assertIn("DATABRICKS_TOKEN", run.err)
        self.assertIn(".netrc", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_wrong_token_gets_databricks_403_and_f_exits_22(self):
        self.use_environment(WRONG_TOKEN)
        run = self.dbcurl("-s", CLUSTERS)
        self.assertEqual(run.code, 0)
        self.assertEqual(json.loads(run.out)["message"], "Invalid access token.")
        failed = self.dbcurl("-sS", "-f", CLUSTERS)
        self.assertEqual(failed.code, 22)
        self.assertIn("dbcurl: (22) The requested URL returned error: 403", failed.err)

    def test_user_authorization_header_wins(self):
        self.use_environment(WRONG_TOKEN)
        self.dbcurl("-s", "-H", f"Authorization: Bearer {CANARY}", CLUSTERS)
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_several_urls_each_resolved(self):
        self.use_environment()
        run = self.dbcurl("-s", CLUSTERS, "/api/2.0/token/list", f"https://localhost:{self.workspace.port}/echo")
        self.assertEqual(run.code, 0, run.err)
        auths = [r.header("Authorization") for r in self.workspace.requests]
        self.assertEqual(auths, [f"Bearer {CANARY}", f"Bearer {CANARY}", None])

    def test_post_json_run_now(self):
        self.use_environment()
        run = self.dbcurl("-X", "POST", "/api/2.1/jobs/run-now", "--json", '{"job_id": 42}')
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(json.loads(run.out)["run_id"], 455644833)
        request = self.only_request()
        self.assertEqual(request.body, b'{"job_id": 42}')
        self.assertEqual(request.header("Content-Type"), "application/json")


class Refusals(WorkspaceTest):
    def test_user_password_refused(self):
        self.use_environment()
        for credentials in ("alice:secret", "alice@example.com:hunter2"):
            run = self.dbcurl("-s", "-u", credentials, CLUSTERS)
            self.assertEqual(run.code, 100, run.err)
            self.assertIn("refusing to send a password", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_user_without_password_refused_without_prompt(self):
        self.use_environment()
        run = self.dbcurl("-u", "alice", CLUSTERS, stdin=b"typed-password\n")
        self.assertEqual(run.code, 100)
        self.assertNotIn("Enter host password", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_url_credentials_refused(self):
        self.use_environment()
        run = self.dbcurl(f"https://alice:pw@127.0.0.1:{self.workspace.port}{CLUSTERS}")
        self.assertEqual(run.code, 100)
        self.assertEqual(self.workspace.requests, [])

    def test_netrc_password_login_refused(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.write(".netrc", "machine 127.0.0.1 login alice password secret\n")
        run = self.dbcurl("-n", CLUSTERS)
        self.assertEqual(run.code, 100)
        self.assertEqual(self.workspace.requests, [])

    def test_token_login_is_not_a_password(self):
        self.use_environment(WRONG_TOKEN)
        run = self.dbcurl("-s", "-u", f"token:{CANARY}", CLUSTERS)
        self.assertClustersListed(run)
        self.assertIn("process list", self.dbcurl("-u", f"token:{CANARY}", CLUSTERS).err)

    def test_u_token_prompts_like_curl_and_the_typed_token_is_used(self):
        self.use_environment(WRONG_TOKEN)
        run = self.dbcurl("-u", "token", CLUSTERS, stdin=f"{CANARY}\n".encode())
        self.assertClustersListed(run)
        self.assertIn("Enter host password for user 'token':", run.err)
        self.assertNotIn("process list", run.err)
        self.assertNoCanary(run.stdout, run.stderr)

    def test_a_typed_token_is_a_secret_like_any_other(self):
        # Not PAT-shaped, so only its registration as a secret can hide it.
        opaque = "oauthTYPEDtoken0123456789abcdefXYZ"
        self.use_environment(WRONG_TOKEN)
        program = self.sandbox.path("program.c")
        run = self.dbcurl("-v", "-u", "token", "--libcurl", program, CLUSTERS, stdin=f"{opaque}\n".encode())
        with open(program) as handle:
            source = handle.read()
        self.assertIn("CURLOPT_USERPWD", source)
        self.assertNotIn(opaque, source)
        self.assertNotIn(opaque, run.out + run.err)

    def test_profile_password_refused(self):
        self.sandbox.write(".databrickscfg", f"[DEFAULT]\nhost = {self.workspace.origin}\n"
                                             "username = alice@example.com\npassword = hunter2\n")
        run = self.dbcurl("-s", CLUSTERS)
        self.assertEqual(run.code, 100)
        self.assertIn("username/password from", run.err)
        self.assertNotIn("hunter2", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_oauth2_bearer_works_with_a_process_list_warning(self):
        self.use_environment(WRONG_TOKEN)
        run = self.dbcurl("--oauth2-bearer", CANARY, CLUSTERS)
        self.assertClustersListed(run)
        self.assertIn("process list", run.err)
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_password_to_plain_host_is_curl_as_usual(self):
        self.use_environment()
        run = self.dbcurl("-s", "-u", "alice:secret", f"https://localhost:{self.workspace.port}/echo")
        self.assertEqual(run.code, 0)
        expected = "Basic " + base64.b64encode(b"alice:secret").decode()
        self.assertEqual(self.only_request().header("Authorization"), expected)


class PlainHttp(WorkspaceTest):
    tls = False

    def test_token_over_http_to_loopback_is_allowed(self):
        self.use_environment()
        self.assertClustersListed(self.dbcurl(CLUSTERS))

    def test_token_over_http_to_other_host_is_refused_before_connecting(self):
        self.sandbox.env["DATABRICKS_HOST"] = "http://dbc-a1b2.cloud.databricks.com"
        self.sandbox.env["DATABRICKS_TOKEN"] = CANARY
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 104)
        self.assertIn("http://", run.err)
        self.assertIn("https://", run.err)
        self.assertNoCanary(run.stdout, run.stderr)


class NoTokenInDiagnostics(WorkspaceTest):
    def test_verbose_shows_redacted_authorization(self):
        self.use_environment()
        run = self.dbcurl("-v", CLUSTERS)
        self.assertClustersListed(run)
        self.assertIn("> Authorization: Bearer dapi\u2026(redacted)", run.err)
        self.assertNoCanary(run.stdout, run.stderr)

    def test_trace_ascii_to_stdout_and_trace_file(self):
        self.use_environment()
        run = self.dbcurl("--trace-ascii", "-", CLUSTERS)
        self.assertEqual(run.code, 0)
        self.assertIn("Authorization: Bearer dapi", run.out)
        self.assertNoCanary(run.stdout, run.stderr)
        trace = self.sandbox.path("trace.bin")
        self.dbcurl("--trace", trace, "-n", CLUSTERS)
        with open(trace, "rb") as handle:
            self.assertNotIn(CANARY.encode(), handle.read())

    def test_explain_sends_nothing_and_redacts(self):
        self.use_environment()
        run = self.dbcurl("--explain", CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(self.workspace.requests, [])
        self.assertIn("DATABRICKS_HOST", run.out)
        self.assertIn(f"GET {self.workspace.origin}{CLUSTERS}", run.out)
        self.assertIn("Authorization: Bearer dapi\u2026(redacted)", run.out)
        self.assertNoCanary(run.stdout, run.stderr)

    def test_explain_with_netrc_token_and_placeholder_header(self):
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin
        self.sandbox.write(".netrc", f"machine 127.0.0.1 login token password {CANARY}\n")
        run = self.dbcurl("--explain", "-H", "Authorization: Bearer <personal-access-token>",
                          "https://<databricks-instance>/api/2.0/clusters/list")
        self.assertEqual(run.code, 0, run.err)
        self.assertIn(".netrc", run.out)
        self.assertNoCanary(run.stdout, run.stderr)

    def test_write_out_describing_request_has_no_token(self):
        self.use_environment()
        run = self.dbcurl("-s", "-o", "/dev/null", "-w", "%{json}%{url_effective}%{header_json}", CLUSTERS)
        self.assertEqual(run.code, 0)
        self.assertNoCanary(run.stdout, run.stderr)


class WriteOutJson(WorkspaceTest):
    def test_json_http_codes_are_json_numbers(self):
        # curl pads HTTP codes to three digits in plain -w output only; "000"
        # inside %{json} is not JSON.
        run = self.dbcurl("-s", "-o", "/dev/null", "-w", "%{json}|%{http_connect}|%{http_code}",
                          f"https://localhost:{self.workspace.port}/echo")
        self.assertEqual(run.code, 0, run.err)
        document, plain_connect, plain_code = run.out.split("|")
        fields = json.loads(document)
        self.assertEqual((fields["http_connect"], fields["http_code"], fields["response_code"]), (0, 200, 200))
        self.assertEqual((plain_connect, plain_code), ("000", "200"))

    def test_json_of_failed_transfer_parses(self):
        run = self.dbcurl("-s", "-w", "%{json}", "https://127.0.0.1:9/")
        self.assertEqual(run.code, 7)
        fields = json.loads(run.out)
        self.assertEqual((fields["http_code"], fields["http_connect"], fields["exitcode"]), (0, 0, 7))


class PlainAuthMethods(WorkspaceTest):
    def test_aws_sigv4_signs_plain_requests(self):
        # Not in the differential corpus: the signature carries a per-second timestamp.
        run = self.dbcurl("-s", "--aws-sigv4", "aws:amz:us-east-1:s3", "-u", "AKID:secret",
                          f"https://localhost:{self.workspace.port}/echo")
        self.assertEqual(run.code, 0, run.err)
        request = self.only_request()
        self.assertTrue(request.header("Authorization").startswith("AWS4-HMAC-SHA256 Credential=AKID/"))
        self.assertIsNotNone(request.header("X-Amz-Date"))


class TransferErrors(SandboxTest):
    def test_connection_refused_is_curls_exit_7_and_message(self):
        run = self.dbcurl("https://127.0.0.1:9/")
        self.assertEqual(run.code, 7)
        self.assertIn("dbcurl: (7) Failed to connect to 127.0.0.1 port 9", run.err)
        quiet = self.dbcurl("-s", "https://127.0.0.1:9/")
        self.assertEqual((quiet.code, quiet.err), (7, ""))

    def test_unknown_option_is_exit_2_with_curls_wording(self):
        run = self.dbcurl("--foo", "https://127.0.0.1:9/")
        self.assertEqual(run.code, 2)
        self.assertEqual(run.err.splitlines(), [
            "dbcurl: option --foo: is unknown",
            "dbcurl: try 'dbcurl --help' or 'dbcurl --manual' for more information"])

    def test_version_banner_has_curls_format(self):
        run = self.dbcurl("-V")
        lines = run.out.splitlines()
        self.assertRegex(lines[0], r"^dbcurl \d+\.\d+\.\d+ libcurl/7\.\d+\.\d+$")
        self.assertRegex(lines[1], r"^curl 7\.\d+\.\d+ \([^)]+\) libcurl/7\.\d+\.\d+ ")
        # The libcurl version as curl's tests 1022 1023 read it: from the first line.
        libcurl = re.compile(r"libcurl/([.\d]+)")
        self.assertEqual(libcurl.search(lines[0]).group(1), libcurl.search(lines[1]).group(1))
        self.assertTrue(lines[2].startswith("Release-Date: "))
        self.assertTrue(lines[3].startswith("Protocols: ") and " https" in lines[3])
        self.assertTrue(lines[4].startswith("Features: "))


if __name__ == "__main__":
    unittest.main()
