"""Issue 16, precedence: each token source's place in the default order and
auth_type selecting each one, on the fake workspace with every source able to
give a token at once. The order is the Go SDK's DefaultCredentials
(config/auth_default.go): pat, basic, oauth-m2m, databricks-cli,
metadata-service, github-oidc, azure-devops-oidc, env-oidc, file-oidc,
azure-github-oidc, azure-msi, azure-client-secret, azure-cli. Sources whose
attributes carry different auth tags cannot be configured together without
auth_type (the SDK's attributes.Validate refuses it, and so does dbcurl), so
the walk drops the winner at each step and adds what the next step needs."""

import os
import re
import unittest

from fake_token_service import TokenService
from integration.test_azure_cli import RESOURCE_ID
from integration.test_credentials import OAUTH_TOKEN, HelperTest

CLUSTERS = "/api/2.0/clusters/list"
CLIENT_ID = "c0ffee00-1234-4321-abcd-0123456789ab"
CLIENT_SECRET = "dose0rder5ecre75ecre75ecre75ecre7"
ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9yZy9vcmRlciJ9.b3JkZXItaWQtdG9rZW4tc2lnbmF0dXJl"
GITHUB_REQUEST_TOKEN = "ghrt0rder0rder0rder0rder0rder0rder"
ARM = {"ARM_CLIENT_ID": "client-1", "ARM_CLIENT_SECRET": "azure-order-secret-value", "ARM_TENANT_ID": "tenant-1"}

# What --explain names for each source (its "looks at" text) when it gives the token.
FOUND = {
    "pat": "'token' of ",
    "oauth-m2m": "oauth-m2m (",
    "databricks-cli": "the databricks CLI",
    "metadata-service": "the metadata service of ",
    "github-oidc": "github-oidc (",
    "env-oidc": "env-oidc (",
    "file-oidc": "file-oidc (",
    "azure-client-secret": "the Azure service principal ",
    "azure-cli": "the Azure CLI ",
}


class AuthOrder(HelperTest):
    def setUp(self):
        super().setUp()
        self.workspace.token = OAUTH_TOKEN
        self.workspace.oauth_clients[CLIENT_ID] = CLIENT_SECRET
        self.workspace.github_id_token = ID_TOKEN
        self.workspace.github_request_token = GITHUB_REQUEST_TOKEN
        self.service = TokenService(OAUTH_TOKEN).start()  # metadata service and Entra ID
        self.addCleanup(self.service.stop)
        self.script("databricks", f'echo \'{{"access_token": "{OAUTH_TOKEN}", "expiry": "2099-01-01T00:00:00Z"}}\'\n')
        self.script("az", f'echo \'{{"accessToken": "{OAUTH_TOKEN}", "expires_on": 4070908800}}\'\n')
        self.id_token_file = self.sandbox.write("id-token.jwt", ID_TOKEN + "\n")
        self.sandbox.env["DBCURL_TEST_AZURE_LOGIN_ENDPOINT"] = self.service.origin + "/"

    def found(self):
        """The source --explain says gives the token (it runs and sends nothing: a source that would run
        a helper or ask a server is named as the one it would ask)."""
        run = self.dbcurl("--explain", CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        found = re.findall(r"token source \d+, (.*?): (?:found|would (?:run|ask) .* \(not under --explain\))$",
                           run.out, re.MULTILINE)
        self.assertEqual(len(found), 1, run.out)
        for name, text in FOUND.items():
            if found[0].startswith(text):
                return name
        self.fail(f"unknown source: {found[0]}")

    def github(self):
        return {"ACTIONS_ID_TOKEN_REQUEST_URL": self.workspace.origin + "/github/id-token?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN": GITHUB_REQUEST_TOKEN}

    def test_each_source_in_the_go_sdk_order(self):
        env = self.sandbox.env
        # Sources without an auth tag (the CLI, az, GitHub's and the default
        # OIDC variable) may stand next to any one tagged method.
        env.update(self.github())
        env["DATABRICKS_OIDC_TOKEN"] = ID_TOKEN
        env["DATABRICKS_TOKEN"] = "dapi0rder0rder0rder0rder0rder0rder0"
        self.assertEqual(self.found(), "pat")
        del env["DATABRICKS_TOKEN"]
        env.update({"DATABRICKS_CLIENT_ID": CLIENT_ID, "DATABRICKS_CLIENT_SECRET": CLIENT_SECRET})
        self.assertEqual(self.found(), "oauth-m2m")
        del env["DATABRICKS_CLIENT_ID"], env["DATABRICKS_CLIENT_SECRET"]
        env["DATABRICKS_METADATA_SERVICE_URL"] = self.service.origin + "/metadata/token"
        self.assertEqual(self.found(), "databricks-cli")
        os.remove(os.path.join(self.bin, "databricks"))
        self.assertEqual(self.found(), "metadata-service")
        del env["DATABRICKS_METADATA_SERVICE_URL"]
        self.workspace.oidc_tokens[ID_TOKEN] = None  # account-wide federation: no client_id
        env["DATABRICKS_OIDC_TOKEN_FILEPATH"] = self.id_token_file
        self.assertEqual(self.found(), "github-oidc")
        del env["ACTIONS_ID_TOKEN_REQUEST_URL"], env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"]
        self.assertEqual(self.found(), "env-oidc")
        del env["DATABRICKS_OIDC_TOKEN"]
        self.assertEqual(self.found(), "file-oidc")
        del env["DATABRICKS_OIDC_TOKEN_FILEPATH"]
        # Azure's sources need an Azure workspace: the resource id makes the fake one so.
        env.update(ARM, DATABRICKS_AZURE_RESOURCE_ID=RESOURCE_ID, DATABRICKS_OIDC_TOKEN=ID_TOKEN)
        self.assertEqual(self.found(), "env-oidc")
        del env["DATABRICKS_OIDC_TOKEN"]
        self.assertEqual(self.found(), "azure-client-secret")
        del env["ARM_CLIENT_SECRET"]
        self.assertEqual(self.found(), "azure-cli")

    def test_auth_type_selects_each_source(self):
        self.workspace.oidc_tokens[ID_TOKEN] = CLIENT_ID
        self.sandbox.env.update(self.github(), **ARM)
        self.sandbox.env.update({
            "DATABRICKS_TOKEN": "dapi0rder0rder0rder0rder0rder0rder0",
            "DATABRICKS_CLIENT_ID": CLIENT_ID, "DATABRICKS_CLIENT_SECRET": CLIENT_SECRET,
            "DATABRICKS_METADATA_SERVICE_URL": self.service.origin + "/metadata/token",
            "DATABRICKS_OIDC_TOKEN": ID_TOKEN, "DATABRICKS_OIDC_TOKEN_FILEPATH": self.id_token_file,
            "DATABRICKS_AZURE_RESOURCE_ID": RESOURCE_ID,
        })
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 102, run.err)
        self.assertIn("more than one authorization method configured: azure (", run.err)
        self.assertIn("set auth_type to pick one", run.err)
        for name in FOUND:
            with self.subTest(auth_type=name):
                self.sandbox.env["DATABRICKS_AUTH_TYPE"] = name
                if name == "databricks-cli":  # an explicit token first (docs/resolution.md)
                    self.assertEqual(self.found(), "pat")
                    token = self.sandbox.env.pop("DATABRICKS_TOKEN")
                    self.assertEqual(self.found(), name)
                    self.sandbox.env["DATABRICKS_TOKEN"] = token
                else:
                    self.assertEqual(self.found(), name)
        self.assertEqual([r for r in self.workspace.requests if r.path.startswith("/api/")], [], "nothing is sent")


if __name__ == "__main__":
    unittest.main()
