"""Limits on what resolution does to get a token: a token that would be
refused is never cached. The token sources here are a stub `az` on PATH and
a fake metadata service (tests/fake_token_service.py), both on this machine."""

import json
import os
import time

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

