"""Limits on what resolution does to get a token: -m bounds the token
requests and helpers together, an az that timed out is not run again, a
token that would be refused is never cached, and --explain runs and asks
nothing. The token sources here are stubs
on PATH, a fake metadata service (tests/fake_token_service.py) and a socket
that never answers, all on this machine."""

import json
import os
import socket
import time

from harness import CANARY

from fake_token_service import TokenService
from integration.test_credentials import HelperTest

CLUSTERS = "/api/2.0/clusters/list"
RESOURCE_ID = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws"
# What a token with a line break would add to the request, were it sent.
SMUGGLED = "X-Injected: 5ca1ab1e"
BROKEN_TOKEN = "eyJ0b2tlbg.payload\r\n" + SMUGGLED


class TokenLimitsTest(HelperTest):
    def cache_texts(self):
        texts = []
        for folder, _, names in os.walk(self.sandbox.path(".cache")):
            for name in names:
                with open(os.path.join(folder, name), errors="replace") as handle:
                    texts.append(handle.read())
        return texts

    def silent_endpoint(self):
        """A port that accepts connections (the kernel's backlog) and never answers."""
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        self.addCleanup(listener.close)
        return f"http://127.0.0.1:{listener.getsockname()[1]}"

    def timed(self, *args):
        started = time.monotonic()
        run = self.dbcurl(*args)
        return run, time.monotonic() - started

    def fake_az(self, answer):
        # printf, not echo: dash's echo would turn the JSON's \r\n escapes into raw line breaks.
        return self.script("az", f'echo "$@" >> "$HOME/az-calls"\nprintf "%s\\n" \'{answer}\'\n')

    def az_calls(self):
        return self.count("az-calls")


class TokensWithLineBreaks(TokenLimitsTest):
    def assertRefusedAndNotCached(self, run):
        self.assertEqual(run.code, 107, run.err)
        self.assertIn("refusing a token that holds a control character", run.err)
        self.assertEqual(self.workspace.requests, [], "nothing is sent")
        for text in self.cache_texts():
            self.assertNotIn("5ca1ab1e", text, "the refused token is in the token cache")
        self.assertNotIn("5ca1ab1e", run.out + run.err)

    def test_from_az(self):
        self.sandbox.env["DATABRICKS_AZURE_RESOURCE_ID"] = RESOURCE_ID
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-cli"
        self.fake_az(json.dumps({"accessToken": BROKEN_TOKEN, "expires_on": int(time.time()) + 3600}))
        self.assertRefusedAndNotCached(self.dbcurl(CLUSTERS))
        self.assertRefusedAndNotCached(self.dbcurl(CLUSTERS))
        self.assertEqual(self.az_calls(), 2, "nothing was answered from the cache")

    def test_from_the_metadata_service(self):
        service = TokenService(BROKEN_TOKEN).start()
        self.addCleanup(service.stop)
        self.sandbox.env["DATABRICKS_METADATA_SERVICE_URL"] = service.origin + "/metadata/token"
        self.assertRefusedAndNotCached(self.dbcurl(CLUSTERS))
        self.assertRefusedAndNotCached(self.dbcurl(CLUSTERS))
        self.assertEqual(len(service.requests), 2, "nothing was answered from the cache")


class MaxTimeBoundsResolution(TokenLimitsTest):
    """With -m N the token requests and helpers end within N seconds together
    (each alone would wait 30 s), with the source's exit code; the transfer
    then gets -m as curl gives it."""

    def assertEndedByTheDeadline(self, run, elapsed, code):
        self.assertEqual(run.code, code, run.err)
        self.assertLess(elapsed, 10, "resolution ran past -m 2")
        self.assertEqual(self.workspace.requests, [], "nothing is sent")
        self.assertNoCanary(run.stdout, run.stderr)

    def test_a_token_endpoint_that_never_answers(self):
        # The URL holds the canary: the metadata service URL is a secret, and the timeout names it.
        self.sandbox.env["DATABRICKS_METADATA_SERVICE_URL"] = self.silent_endpoint() + "/" + CANARY
        run, elapsed = self.timed("-s", "-m", "2", CLUSTERS)
        self.assertEndedByTheDeadline(run, elapsed, 110)
        self.assertRegex(run.err, r"token request to \S+ failed: \(28\) Operation timed out after \d+ milliseconds"
                                  r" .*, what was left of -m 2 s")

    def test_helpers_share_the_deadline(self):
        self.script("slow-keyring", 'echo called >> "$HOME/calls"\nexec sleep 30\n')
        self.host_helper(["slow-keyring"])
        run, elapsed = self.timed("-m", "2", CLUSTERS)
        self.assertEndedByTheDeadline(run, elapsed, 103)
        self.assertRegex(run.err, r"token helper 'slow-keyring' timed out after \d(\.\d+)? s, what was left of -m 2 s")
        self.assertEqual(self.count("calls"), 1)

    def test_az_that_times_out_is_not_run_again(self):
        self.sandbox.env["DATABRICKS_AZURE_RESOURCE_ID"] = RESOURCE_ID
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-cli"
        self.script("az", 'echo "$@" >> "$HOME/az-calls"\nexec sleep 30\n')
        run, elapsed = self.timed("-m", "2", CLUSTERS)
        self.assertEndedByTheDeadline(run, elapsed, 103)
        self.assertIn("timed out after", run.err)
        self.assertEqual(self.az_calls(), 1, "az was run again after it timed out")

    def test_the_transfer_gets_all_of_max_time(self):
        # 2.5 s for the token, then 2.5 s for the answer: each within -m 4, both together not.
        self.script("slow-keyring", f'sleep 2.5\necho {CANARY}\n')
        self.host_helper(["slow-keyring"])
        run = self.dbcurl("-m", "4", "/api/2.0/test/endless?delay=2.5")
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(json.loads(run.out)["items"], [1])
        self.assertNoCanary(run.stdout, run.stderr)


class ExplainRunsNothing(TokenLimitsTest):
    def test_no_helper_runs_and_no_token_request_is_sent(self):
        self.script("fake-keyring", f'echo called >> "$HOME/calls"\necho {CANARY}\n')
        self.host_helper(["fake-keyring", "get", "databricks"])
        run = self.dbcurl("--explain", CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertTrue(run.out.startswith("dbcurl --explain: nothing is sent, no token helper runs.\n"), run.out)
        self.assertIn("would run 'fake-keyring get databricks' (not under --explain)", run.out)
        self.assertIn("auth: bearer token from token_command 'fake-keyring get databricks'", run.out)
        self.assertEqual(self.count("calls"), 0, "--explain ran the helper")
        self.assertEqual(self.workspace.requests, [])
        self.assertNoCanary(run.stdout, run.stderr)

    def test_a_token_endpoint_sees_no_request(self):
        service = TokenService(CANARY).start()
        self.addCleanup(service.stop)
        self.sandbox.env["DATABRICKS_METADATA_SERVICE_URL"] = service.origin + "/metadata/token"
        run = self.dbcurl("--explain", CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(service.requests, [], "--explain asked the metadata service")
        self.assertEqual(self.workspace.requests, [])
