"""docs/beyond-curl.md: --paginate, Databricks error lines, trap hints, and --retry with
Retry-After — each opt-in or only adding to what curl prints on stderr."""

import json
import unittest
import uuid
from urllib.parse import parse_qs, urlsplit

from harness import CANARY, WRONG_TOKEN
from integration.test_main_job import CLUSTERS, WorkspaceTest


class Paginate(WorkspaceTest):
    def setUp(self):
        super().setUp()
        self.use_environment()

    def queries(self):
        return [{k: v[-1] for k, v in parse_qs(urlsplit(r.target).query).items()} for r in self.workspace.requests]

    def test_get_with_page_tokens(self):
        run = self.dbcurl("-s", "--paginate", "/api/2.1/jobs/list")
        self.assertEqual(run.code, 0, run.err)
        document = json.loads(run.out)
        self.assertEqual([job["job_id"] for job in document["jobs"]], [1, 2, 3, 4, 5])
        self.assertNotIn("next_page_token", document)
        self.assertNotIn("has_more", document)
        self.assertEqual([q.get("page_token") for q in self.queries()], [None, "p2", "p4"])
        self.assertTrue(all(r.header("Authorization") == f"Bearer {CANARY}" for r in self.workspace.requests))

    def test_offset_and_limit_style(self):
        run = self.dbcurl("-s", "--paginate", "/api/2.0/jobs/list?limit=2")
        self.assertEqual([job["job_id"] for job in json.loads(run.out)["jobs"]], [1, 2, 3, 4, 5])
        self.assertEqual([(q.get("offset"), q.get("limit")) for q in self.queries()],
                         [(None, "2"), ("2", "2"), ("4", "2")])

    def test_post_puts_page_token_in_the_body(self):
        run = self.dbcurl("-s", "--paginate", "-X", "POST", "/api/2.0/test/search", "--json", '{"filter": "x"}')
        self.assertEqual(run.code, 0, run.err)
        document = json.loads(run.out)
        self.assertEqual(len(document["results"]), 5)
        self.assertEqual(document["echo"], "x")
        bodies = [json.loads(r.body) for r in self.workspace.requests]
        self.assertEqual(bodies, [{"filter": "x"}, {"filter": "x", "page_token": "p2"},
                                  {"filter": "x", "page_token": "p4"}])

    def test_output_file_and_page_limit(self):
        out = self.sandbox.path("jobs.json")
        run = self.dbcurl("-s", "--paginate", "--paginate-max", "2", "-o", out, "/api/2.1/jobs/list")
        self.assertEqual((run.code, run.out), (0, ""))
        with open(out) as handle:
            self.assertEqual(len(json.load(handle)["jobs"]), 4)
        self.assertEqual(len(self.workspace.requests), 2)

    def test_failure_midway_prints_nothing_partial(self):
        for extra in ([], ["-f"]):
            with self.subTest(extra=extra):
                run = self.dbcurl("-sS", *extra, "--paginate", "/api/2.0/test/fail-page2")
                self.assertEqual(run.code, 22, run.err)
                self.assertEqual(run.out, "")
                self.assertIn("HTTP 500 INTERNAL_ERROR: page two broke", run.err)

    def test_first_page_error_is_printed_as_curl_would(self):
        self.use_environment(WRONG_TOKEN)
        run = self.dbcurl("-s", "--paginate", "/api/2.1/jobs/list")
        self.assertEqual(run.code, 0)
        self.assertEqual(json.loads(run.out)["message"], "Invalid access token.")

    def test_plain_requests_are_not_paginated(self):
        run = self.dbcurl("-s", "--paginate", f"https://localhost:{self.workspace.port}/echo?x=1")
        self.assertEqual(json.loads(run.out)["target"], "/echo?x=1")
        self.assertEqual(len(self.workspace.requests), 1)


class ErrorLines(WorkspaceTest):
    def test_fail_adds_the_databricks_line_and_the_credential_source(self):
        self.use_environment(WRONG_TOKEN)
        run = self.dbcurl("-f", CLUSTERS)
        self.assertEqual((run.code, run.out), (22, ""))
        lines = [line for line in run.err.splitlines() if line.startswith("dbcurl:")]
        self.assertEqual(lines, ["dbcurl: (22) The requested URL returned error: 403",
                                 "dbcurl: HTTP 403: Invalid access token.",
                                 "dbcurl: the credential sent came from DATABRICKS_TOKEN (dapi\u2026(redacted))"])
        self.assertNoCanary(run.err, canary=WRONG_TOKEN)

    def test_each_kind_of_error_body(self):
        self.use_environment()
        cases = {"/api/2.0/test/error/permission": "HTTP 403 PERMISSION_DENIED: You do not own this cluster.",
                 "/api/2.0/test/error/legacy": "HTTP 400: Legacy error message",
                 "/api/2.0/test/error/scim": "HTTP 404 invalidValue: User 42 not found",
                 "/api/2.0/no/such/endpoint": "HTTP 404 ENDPOINT_NOT_FOUND: No API found for"}
        for path, line in cases.items():
            with self.subTest(path=path):
                run = self.dbcurl("-s", "-S", "--fail-with-body", path)
                self.assertEqual(run.code, 22)
                self.assertIn(f"dbcurl: {line}", run.err)
                self.assertTrue(run.out.startswith("{"), "--fail-with-body keeps the body on stdout")

    def test_verbose_without_fail_adds_the_line_and_keeps_exit_0(self):
        self.use_environment()
        run = self.dbcurl("-v", "/api/2.0/test/error/legacy")
        self.assertEqual(run.code, 0)
        self.assertIn("dbcurl: HTTP 400: Legacy error message", run.err)

    def test_without_fail_or_verbose_nothing_is_added(self):
        self.use_environment()
        run = self.dbcurl("-s", "-S", "/api/2.0/test/error/legacy")
        self.assertEqual((run.code, run.err), (0, ""))


class Traps(WorkspaceTest):
    def setUp(self):
        super().setUp()
        self.use_environment()

    def test_login_redirect_and_html_get_a_hint_without_changing_stdout_or_exit(self):
        for args in (["/api/2.0/test/login-redirect"], ["-L", "/api/2.0/test/login-redirect"],
                     ["/api/2.0/test/html"]):
            with self.subTest(args=args):
                run = self.dbcurl(*args)
                quiet = self.dbcurl("-s", *args)
                self.assertEqual(run.code, 0)
                self.assertIn("expired", run.err)
                self.assertIn("?o=<workspace-id>", " ".join(l.removeprefix("Warning: ") for l in run.err.splitlines()))
                self.assertEqual(run.out, quiet.out)
                self.assertEqual(quiet.err, "")

    def test_git_bash_path_is_repaired(self):
        run = self.dbcurl("C:/Program Files/Git/api/2.0/clusters/list")
        self.assertClustersListed(run)
        self.assertEqual(self.only_request().target, CLUSTERS)
        self.assertIn("Git Bash", run.err)

    def test_doubled_scheme_is_repaired(self):
        run = self.dbcurl(f"https://{self.workspace.origin}{CLUSTERS}")
        self.assertClustersListed(run)
        self.assertIn("doubled scheme", run.err)

    def test_pat_to_account_host_warns(self):
        self.sandbox.env["DATABRICKS_HOST"] = "https://accounts.cloud.databricks.com"
        run = self.dbcurl("--explain", "/api/2.0/accounts/x/workspaces")
        self.assertEqual(run.code, 0)
        self.assertIn("account host", run.err)


class RetryAfter(WorkspaceTest):
    """curl honours Retry-After on 429/503 with --retry; so does dbcurl, on the same rules."""

    def test_retry_after_on_429_and_503_matches_curl(self):
        self.use_environment()
        for status in ("429", "503"):
            with self.subTest(status=status):
                outputs = []
                for program in ("dbcurl", "curl"):
                    self.workspace.clear()
                    url = f"/api/2.0/test/busy?id={uuid.uuid4()}&status={status}"
                    if program == "dbcurl":
                        run = self.dbcurl("--retry", "3", url)
                    else:
                        run = self.curl("--retry", "3", "-H", f"Authorization: Bearer {CANARY}",
                                        self.workspace.origin + url)
                    warnings = [l for l in run.err.replace("\r", "\n").splitlines() if l.startswith("Warning:")]
                    outputs.append((run.code, run.out, warnings, len(self.workspace.requests)))
                self.assertEqual(outputs[0], outputs[1])
                self.assertEqual(outputs[0][3], 3)
                self.assertEqual(outputs[0][2][0],
                                 "Warning: Problem : HTTP error. Will retry in 1 seconds. 3 retries left.")


if __name__ == "__main__":
    unittest.main()
