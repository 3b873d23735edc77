"""auth_type metadata-service against a fake metadata service on 127.0.0.1
(tests/fake_token_service.py): the headers the SDKs send, the token used and
cached until expires_on, the local-only rule, failures."""

import os
import unittest

from fake_token_service import TokenService
from integration.test_credentials import OAUTH_TOKEN, HelperTest

CLUSTERS = "/api/2.0/clusters/list"


class MetadataService(HelperTest):
    def setUp(self):
        super().setUp()
        self.workspace.token = OAUTH_TOKEN
        self.service = TokenService(OAUTH_TOKEN).start()
        self.addCleanup(self.service.stop)
        self.url = self.service.origin + "/metadata/token"
        self.sandbox.env["DATABRICKS_METADATA_SERVICE_URL"] = self.url

    def test_found_used_cached(self):
        first = self.dbcurl("-v", CLUSTERS)
        self.assertClustersListed(first)
        self.assertEqual(len(self.service.requests), 1)
        method, path, headers, _ = self.service.requests[0]
        self.assertEqual((method, path), ("GET", "/metadata/token"))
        self.assertEqual(headers.get("X-Databricks-Metadata-Version"), "1")
        self.assertEqual(headers.get("X-Databricks-Host"), self.workspace.origin)
        request = self.only_request()
        self.assertEqual(request.header("Authorization"), f"Bearer {OAUTH_TOKEN}")
        self.assertRegex(request.header("User-Agent"), r" auth/metadata-service$")
        second = self.dbcurl(CLUSTERS)
        self.assertClustersListed(second)
        self.assertEqual(len(self.service.requests), 1, "the second call asks the service nothing")
        self.assertNoCanary(first.stdout, first.stderr, second.stdout, second.stderr, canary=OAUTH_TOKEN)
        cache = self.sandbox.path(".cache/dbcurl")
        for name in os.listdir(cache):
            with open(os.path.join(cache, name)) as handle:
                self.assertNotIn(self.service.origin, handle.read(), "the URL is a secret: its hash keys the cache")

    def test_another_service_is_not_answered_from_the_cache(self):
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        other = TokenService(OAUTH_TOKEN).start()
        self.addCleanup(other.stop)
        self.sandbox.env["DATABRICKS_METADATA_SERVICE_URL"] = other.origin + "/metadata/token"
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual((len(self.service.requests), len(other.requests)), (1, 1))

    def test_expired_token_is_asked_again(self):
        self.service.expires_in = 30  # within the one-minute margin: never reused
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(len(self.service.requests), 2)

    def test_only_a_local_service(self):
        for url in ("http://example.com:1/metadata/token", "http://127.0.0.2:1/t", "ftp://localhost/t"):
            with self.subTest(url=url):
                self.sandbox.env["DATABRICKS_METADATA_SERVICE_URL"] = url
                self.sandbox.env.pop("DATABRICKS_AUTH_TYPE", None)
                unnamed = self.dbcurl(CLUSTERS)  # configured: refused without auth_type too
                self.assertEqual(unnamed.code, 102, unnamed.err)
                self.assertIn("the metadata service URL (from DATABRICKS_METADATA_SERVICE_URL) is", unnamed.err)
                self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "metadata-service"
                refused = self.dbcurl(CLUSTERS)
                self.assertEqual(refused.code, 102, refused.err)
                self.assertIn("the metadata service URL (from DATABRICKS_METADATA_SERVICE_URL) is", refused.err)
        self.assertEqual(self.workspace.requests, [])

    def test_failing_service(self):
        self.service.status = 418
        unnamed = self.dbcurl(CLUSTERS)  # no quiet fallback to another identity
        self.assertEqual(unnamed.code, 110, unnamed.err)
        self.assertIn("answered HTTP 418", unnamed.err)
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "metadata-service"
        refused = self.dbcurl(CLUSTERS)
        self.assertEqual(refused.code, 110, refused.err)
        self.assertIn("answered HTTP 418", refused.err)
        self.service.status = 200
        self.service.body = b'{"token_type": "Bearer", "expires_on": 4070908800}'
        empty = self.dbcurl(CLUSTERS)
        self.assertEqual(empty.code, 110, empty.err)
        self.assertIn("answered no JSON with an \"access_token\"", empty.err)
        self.service.body = f'{{"access_token": "{OAUTH_TOKEN}", "token_type": "Bearer"}}'.encode()
        no_expiry = self.dbcurl(CLUSTERS)
        self.assertEqual(no_expiry.code, 110, no_expiry.err)
        self.assertIn("no \"expires_on\"", no_expiry.err)
        self.assertNoCanary(no_expiry.err, canary=OAUTH_TOKEN)
        self.service.stop()
        gone = self.dbcurl(CLUSTERS)
        self.assertEqual(gone.code, 110, gone.err)
        self.assertEqual(self.workspace.requests, [], "nothing is sent")

    def test_precedence(self):
        self.sandbox.env["DATABRICKS_TOKEN"] = OAUTH_TOKEN
        both = self.dbcurl(CLUSTERS)  # as the SDKs: a token and a metadata service, no auth_type to pick one
        self.assertEqual(both.code, 102, both.err)
        self.assertIn("more than one authorization method configured: metadata-service (metadata_service_url from "
                      "DATABRICKS_METADATA_SERVICE_URL) and pat (token from DATABRICKS_TOKEN)", both.err)
        del self.sandbox.env["DATABRICKS_TOKEN"]
        self.script("databricks", f'echo \'{{"access_token": "{OAUTH_TOKEN}", "expiry": "2099-01-01T00:00:00Z"}}\'\n')
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(self.service.requests, [], "the databricks CLI comes first, as in the Go SDK")
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "metadata-service"
        run = self.dbcurl("--explain", CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertIn("token source 1, the metadata service of DATABRICKS_METADATA_SERVICE_URL: would ask GET ", run.out)
        self.assertEqual(self.service.requests, [], "--explain asks the service nothing")
        self.assertNotIn(self.url, run.out + run.err, "the service's URL is a secret, as in the SDKs")


if __name__ == "__main__":
    unittest.main()
