"""auth_type azure-cli with a stub `az` on PATH that prints what the real one
prints for `az account get-access-token` and counts its calls. The fake
workspace is made an Azure one by DATABRICKS_AZURE_RESOURCE_ID (any host with a
resource id is Azure, as in the SDKs)."""

import json
import os
import time
import unittest

from integration.test_credentials import OAUTH_TOKEN, HelperTest

AZURE_APP = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d"
RESOURCE_ID = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws"
CLUSTERS = "/api/2.0/clusters/list"
GET_TOKEN = f"account get-access-token --resource {AZURE_APP} --output json"


class AzureCli(HelperTest):
    def setUp(self):
        super().setUp()
        self.workspace.token = OAUTH_TOKEN
        self.sandbox.env["DATABRICKS_AZURE_RESOURCE_ID"] = RESOURCE_ID

    def fake_az(self, token=OAUTH_TOKEN, expires_in=3600, fail_subscription=False):
        expires_on = int(time.time()) + expires_in
        local = time.strftime("%Y-%m-%d %H:%M:%S.000000", time.localtime(expires_on))
        answer = json.dumps({"accessToken": token, "expiresOn": local, "expires_on": expires_on,
                             "subscription": "sub-1", "tenant": "t-1", "tokenType": "Bearer"})
        refuse = ('case "$*" in *--subscription*) echo "ERROR: subscription sub-1 not found" >&2; exit 1;; esac\n'
                  if fail_subscription else "")
        return self.script("az", f'echo "$@" >> "$HOME/az-calls"\n{refuse}echo \'{answer}\'\n')

    def calls(self):
        with open(self.sandbox.path("az-calls")) as handle:
            return handle.read().splitlines()

    def test_found_used_cached(self):
        self.fake_az()
        first = self.dbcurl("-v", CLUSTERS)
        self.assertClustersListed(first)
        self.assertEqual(self.calls(), [f"{GET_TOKEN} --subscription sub-1"])
        request = self.only_request()
        self.assertEqual(request.header("Authorization"), f"Bearer {OAUTH_TOKEN}")
        self.assertRegex(request.header("User-Agent"), r" auth/azure-cli$")
        second = self.dbcurl(CLUSTERS)
        self.assertClustersListed(second)
        self.assertEqual(len(self.calls()), 1, "the second call must spawn nothing")
        self.assertNoCanary(first.stdout, first.stderr, second.stdout, second.stderr, canary=OAUTH_TOKEN)

    def test_expired_token_runs_az_again(self):
        self.fake_az(expires_in=30)  # within the one-minute margin: never reused
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(len(self.calls()), 2)

    def test_tenant_and_subscription_as_the_sdks_pass_them(self):
        self.fake_az(fail_subscription=True)
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(self.calls(), [f"{GET_TOKEN} --subscription sub-1", GET_TOKEN])
        self.sandbox.env["ARM_TENANT_ID"] = "tenant-1"
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(self.calls()[2:], ["account show --output json", f"{GET_TOKEN} --tenant tenant-1"])

    def test_not_logged_in(self):
        self.script("az", 'echo "ERROR: Please run \'az login\' to setup account." >&2\nexit 1\n')
        quiet = self.dbcurl(CLUSTERS)
        self.assertEqual(quiet.code, 101, quiet.err)
        self.assertIn("the Azure CLI 'az account get-access-token' (", quiet.err)
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-cli"
        required = self.dbcurl(CLUSTERS)
        self.assertEqual(required.code, 103, required.err)
        self.assertIn("Please run 'az login'", required.err, "az's own message is passed through")
        self.assertIn("Sign in with 'az login'", required.err)
        self.assertEqual(self.workspace.requests, [], "nothing is sent")

    def test_bad_json_and_missing_az(self):
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-cli"
        self.script("az", "echo '{\"accessToken\": 42}'\n")
        garbled = self.dbcurl(CLUSTERS)
        self.assertEqual(garbled.code, 103, garbled.err)
        self.assertIn("printed no JSON with an \"accessToken\"", garbled.err)
        os.remove(os.path.join(self.bin, "az"))
        missing = self.dbcurl(CLUSTERS)
        self.assertEqual(missing.code, 103, missing.err)
        self.assertIn("dbcurl: auth_type azure-cli: the Azure CLI 'az' is not on PATH", missing.err)
        self.assertEqual(self.workspace.requests, [])

    def test_not_an_azure_workspace(self):
        self.fake_az()
        del self.sandbox.env["DATABRICKS_AZURE_RESOURCE_ID"]
        self.assertEqual(self.dbcurl(CLUSTERS).code, 101, "az is not asked about a workspace that is not Azure")
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-cli"
        refused = self.dbcurl(CLUSTERS)
        self.assertEqual(refused.code, 102, refused.err)
        self.assertIn("needs an Azure Databricks workspace", refused.err)
        self.assertEqual(self.count("az-calls"), 0)
        self.assertEqual(self.workspace.requests, [])

    def test_precedence(self):
        self.fake_az(token="eyJ-not-this-one")
        self.sandbox.env["DATABRICKS_TOKEN"] = OAUTH_TOKEN
        both = self.dbcurl(CLUSTERS)  # a token and Azure attributes: the SDKs refuse to guess
        self.assertEqual(both.code, 102, both.err)
        self.assertIn("more than one authorization method configured: azure (azure_workspace_resource_id from "
                      "DATABRICKS_AZURE_RESOURCE_ID) and pat (token from DATABRICKS_TOKEN)", both.err)
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "pat"
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        del self.sandbox.env["DATABRICKS_TOKEN"], self.sandbox.env["DATABRICKS_AUTH_TYPE"]
        self.script("databricks", f'echo \'{{"access_token": "{OAUTH_TOKEN}", '
                                  f'"expiry": "2099-01-01T00:00:00Z"}}\'\n')
        self.assertClustersListed(self.dbcurl(CLUSTERS))  # the databricks CLI before az, as the Go SDK
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "azure-cli"
        run = self.dbcurl("--explain", CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertIn(f"token source 1, the Azure CLI 'az account get-access-token': would run 'az {GET_TOKEN} "
                      "--subscription sub-1' (not under --explain)", run.out, "azure-cli picks az over the databricks CLI")
        self.assertEqual(self.count("az-calls"), 0, "--explain runs no helper")


if __name__ == "__main__":
    unittest.main()
