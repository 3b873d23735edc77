"""auth_type azure-client-secret against a fake Microsoft Entra ID on
127.0.0.1 (tests/fake_token_service.py, reached through the test-only
DBCURL_TEST_AZURE_LOGIN_ENDPOINT, which takes loopback URLs only): the form
the SDKs post, the token used and cached, failures, the secret redacted."""

import unittest

from fake_token_service import TokenService
from integration.test_azure_cli import AZURE_APP, RESOURCE_ID
from integration.test_credentials import OAUTH_TOKEN, HelperTest

CLUSTERS = "/api/2.0/clusters/list"
CLIENT_SECRET = "azure-client-secret-5ca1ab1e-canary-value"
TENANT = "tenant-1"


class AzureClientSecret(HelperTest):
    def setUp(self):
        super().setUp()
        self.workspace.token = OAUTH_TOKEN
        self.entra = TokenService(OAUTH_TOKEN).start()
        self.addCleanup(self.entra.stop)
        self.sandbox.env.update({
            "DATABRICKS_AZURE_RESOURCE_ID": RESOURCE_ID,  # makes the fake workspace an Azure one
            "ARM_CLIENT_ID": "client-1", "ARM_CLIENT_SECRET": CLIENT_SECRET, "ARM_TENANT_ID": TENANT,
            "DBCURL_TEST_AZURE_LOGIN_ENDPOINT": self.entra.origin + "/",
        })

    def test_found_used_cached(self):
        first = self.dbcurl("-v", CLUSTERS)
        self.assertClustersListed(first)
        self.assertEqual(len(self.entra.requests), 1)
        method, path, headers, form = self.entra.requests[0]
        self.assertEqual((method, path), ("POST", f"/{TENANT}/oauth2/token"))
        self.assertEqual(form, {"grant_type": "client_credentials", "client_id": "client-1",
                                "client_secret": CLIENT_SECRET, "resource": AZURE_APP})
        request = self.only_request()
        self.assertEqual(request.header("Authorization"), f"Bearer {OAUTH_TOKEN}")
        self.assertRegex(request.header("User-Agent"), r" auth/azure-client-secret$")
        second = self.dbcurl(CLUSTERS)
        self.assertClustersListed(second)
        self.assertEqual(len(self.entra.requests), 1, "the second call asks Entra nothing")
        explain = self.dbcurl("--explain", CLUSTERS)
        for run in (first, second, explain):
            self.assertNoCanary(run.stdout, run.stderr, canary=OAUTH_TOKEN)
            self.assertNoCanary(run.stdout, run.stderr, canary=CLIENT_SECRET)

    def test_expired_token_is_asked_again(self):
        self.entra.expires_in = 30  # within the one-minute margin: never reused
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(len(self.entra.requests), 2)

    def test_refused_secret(self):
        self.entra.status = 401
        self.entra.body = (b'{"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret '
                           b'provided. Trace ID: 1\\r\\nCorrelation ID: 2"}')
        self.script("az", f'echo \'{{"accessToken": "{OAUTH_TOKEN}", "expires_on": 4070908800}}\'\n')
        unnamed = self.dbcurl(CLUSTERS)  # the refusal, not az's identity instead
        self.assertEqual(unnamed.code, 110, unnamed.err)
        self.assertIn("HTTP 401: AADSTS7000215: Invalid client secret provided\n", unnamed.err)
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-client-secret"
        refused = self.dbcurl(CLUSTERS)
        self.assertEqual(refused.code, 110, refused.err)
        self.assertIn("HTTP 401: AADSTS7000215: Invalid client secret provided\n", refused.err)
        self.assertEqual(self.workspace.requests, [], "nothing is sent")
        self.assertNoCanary(unnamed.err, refused.err, canary=CLIENT_SECRET)

    def test_incomplete_or_misplaced(self):
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-client-secret"
        del self.sandbox.env["ARM_TENANT_ID"]
        missing = self.dbcurl(CLUSTERS)
        self.assertEqual(missing.code, 102, missing.err)
        self.assertIn("needs azure_client_id, azure_client_secret and azure_tenant_id", missing.err)
        self.sandbox.env["ARM_TENANT_ID"] = TENANT
        del self.sandbox.env["DATABRICKS_AZURE_RESOURCE_ID"]
        not_azure = self.dbcurl(CLUSTERS)
        self.assertEqual(not_azure.code, 102, not_azure.err)
        self.assertIn("is for Azure Databricks workspaces", not_azure.err)
        self.assertEqual(self.entra.requests, [])
        self.assertEqual(self.workspace.requests, [])

    def test_test_endpoint_takes_loopback_only(self):
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-client-secret"
        self.sandbox.env["DBCURL_TEST_AZURE_LOGIN_ENDPOINT"] = "https://login.example.com/"
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 102, run.err)
        self.assertIn("DBCURL_TEST_AZURE_LOGIN_ENDPOINT must be an http:// or https:// URL on this machine", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_precedence(self):
        self.sandbox.env["DATABRICKS_TOKEN"] = OAUTH_TOKEN
        both = self.dbcurl(CLUSTERS)
        self.assertEqual(both.code, 102, both.err)
        self.assertIn("more than one authorization method configured: azure (", both.err)
        del self.sandbox.env["DATABRICKS_TOKEN"]
        self.script("az", f'echo "$@" >> "$HOME/az-calls"\n'
                          f'echo \'{{"accessToken": "{OAUTH_TOKEN}", "expires_on": 4070908800}}\'\n')
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(len(self.entra.requests), 1)
        self.assertEqual(self.count("az-calls"), 0, "the client secret comes before az, as in the Go SDK")
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-cli"
        self.sandbox.env["XDG_CACHE_HOME"] = self.sandbox.path("other-cache")
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        with open(self.sandbox.path("az-calls")) as handle:
            self.assertEqual(handle.read().splitlines(), [  # auth_type azure-cli picks az, with the tenant
                "account show --output json",
                f"account get-access-token --resource {AZURE_APP} --output json --tenant {TENANT}"])


if __name__ == "__main__":
    unittest.main()
