"""OAuth token sources against the fake workspace's OAuth endpoints:
oauth-m2m (a service principal's client id and secret) and workload identity
federation (env-oidc, file-oidc, github-oidc). The workspace issues the canary
as its access token, so every canary check covers the obtained token too; the
client secret and the OIDC id tokens are canary-like values checked the same
way."""

import base64
import json
import os
import shutil
from urllib.parse import parse_qs

from harness import CANARY, WRONG_TOKEN
from integration.test_main_job import CLUSTERS, WorkspaceTest

CLIENT_ID = "c0ffee00-1234-4321-abcd-0123456789ab"
CLIENT_SECRET = "dose5ecre75ecre75ecre75ecre75ecre7"
ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9yZy9yZXBvIn0.aWQtdG9rZW4tY2FuYXJ5LXNpZ25hdHVyZQ"
# A second identity of the same pipeline (another job, a refreshed file).
OTHER_ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9yZy9vdGhlciJ9.b3RoZXItaWQtdG9rZW4tY2FuYXJ5LXNpZw"
GITHUB_REQUEST_TOKEN = "ghrt5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e"
OTHER_GITHUB_REQUEST_TOKEN = "ghrt0ther0ther0ther0ther0ther0ther0"
SECRETS = (CANARY, CLIENT_SECRET, ID_TOKEN, OTHER_ID_TOKEN, GITHUB_REQUEST_TOKEN, OTHER_GITHUB_REQUEST_TOKEN)


def form_of(request):
    return {k: v[-1] for k, v in parse_qs(request.body.decode()).items()}


class OAuthTest(WorkspaceTest):
    def setUp(self):
        super().setUp()
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin

    def api_requests(self):
        return [r for r in self.workspace.requests if r.path.startswith("/api/")]

    def assertNoSecrets(self, *texts):
        for secret in SECRETS:
            self.assertNoCanary(*texts, canary=secret)

    def assertSentWithObtainedToken(self, run, count=1):
        self.assertClustersListed(run)
        api = self.api_requests()
        self.assertEqual(len(api), count)
        self.assertEqual(api[-1].header("Authorization"), f"Bearer {CANARY}")
        self.assertIn(" auth/oauth", api[-1].header("User-Agent"))


class OAuthM2m(OAuthTest):
    def setUp(self):
        super().setUp()
        self.workspace.oauth_clients[CLIENT_ID] = CLIENT_SECRET
        self.sandbox.env["DATABRICKS_CLIENT_ID"] = CLIENT_ID
        self.sandbox.env["DATABRICKS_CLIENT_SECRET"] = CLIENT_SECRET

    def test_token_obtained_used_and_cached(self):
        first = self.dbcurl("-v", CLUSTERS)
        self.assertSentWithObtainedToken(first)
        self.assertEqual(len(self.workspace.token_requests), 1)
        token_request = self.workspace.token_requests[0]
        self.assertEqual(token_request.path, "/oidc/v1/token")
        self.assertEqual(token_request.header("Authorization"),
                         "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode())
        self.assertEqual(form_of(token_request), {"grant_type": "client_credentials", "scope": "all-apis"})
        second = self.dbcurl("--trace-ascii", "-", CLUSTERS)
        self.assertEqual(second.code, 0, second.err)
        self.assertEqual(len(self.workspace.token_requests), 1, "the cached token was not reused")
        self.assertEqual(self.api_requests()[-1].header("Authorization"), f"Bearer {CANARY}")
        # -v and --trace show the user's request, not the token requests.
        self.assertNotIn("/oidc/", first.err + second.out)
        self.assertNoSecrets(first.stdout, first.stderr, second.stdout, second.stderr)

    def test_token_fetched_again_after_expiry(self):
        self.workspace.token_lifetime = 30  # within the one-minute margin: never reused
        self.assertSentWithObtainedToken(self.dbcurl(CLUSTERS))
        self.assertSentWithObtainedToken(self.dbcurl(CLUSTERS), count=2)
        self.assertEqual(len(self.workspace.token_requests), 2)

    def test_wrong_secret_fails_and_sends_nothing(self):
        self.workspace.oauth_clients[CLIENT_ID] = "another-secret"
        run = self.dbcurl("-s", CLUSTERS)
        self.assertEqual(run.code, 110, run.err)
        self.assertIn("refused the request: HTTP 401, invalid_client: Client authentication failed", run.err)
        self.assertEqual(len(run.err.strip().splitlines()), 1, run.err)
        self.assertEqual(self.api_requests(), [])
        self.assertNoSecrets(run.stdout, run.stderr)

    def test_profile_keys_and_auth_type_over_a_token(self):
        for name in ("DATABRICKS_HOST", "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET"):
            self.sandbox.env.pop(name)
        self.sandbox.write(".databrickscfg", f"[sp]\nhost = {self.workspace.origin}\ntoken = {WRONG_TOKEN}\n"
                                             f"client_id = {CLIENT_ID}\nclient_secret = {CLIENT_SECRET}\n"
                                             "auth_type = oauth-m2m\n")
        run = self.dbcurl("--profile", "sp", CLUSTERS)
        self.assertSentWithObtainedToken(run)
        self.assertNoSecrets(run.stdout, run.stderr)

    def test_explain_names_the_source_and_asks_nothing(self):
        run = self.dbcurl("--explain", CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertIn("oauth-m2m (client_id and client_secret): would ask GET "
                      f"{self.workspace.origin}/oidc/.well-known/oauth-authorization-server (not under --explain)",
                      run.out)
        self.assertIn(f"DATABRICKS_CLIENT_ID gives {CLIENT_ID}", run.out)
        self.assertIn("auth: bearer token from oauth-m2m (client_id and client_secret), not obtained under --explain\n",
                      run.out)
        self.assertNotIn("Authorization:", run.out)
        self.assertEqual(self.workspace.requests, [], "--explain sends nothing, OAuth discovery included")
        # A token in the cache is shown as found: reading it asks no one.
        self.assertSentWithObtainedToken(self.dbcurl(CLUSTERS))
        cached = self.dbcurl("--explain", CLUSTERS)
        self.assertIn(f"auth: bearer token dapi…(redacted) from oauth-m2m client {CLIENT_ID} (from "
                      "DATABRICKS_CLIENT_ID) (cached in ", cached.out)
        self.assertEqual(len(self.workspace.token_requests), 1)
        self.assertNoSecrets(run.stdout, run.stderr, cached.stdout, cached.stderr)

    def test_auth_type_without_the_secret(self):
        self.sandbox.env.pop("DATABRICKS_CLIENT_SECRET")
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "oauth-m2m"
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 101, run.err)
        self.assertIn("auth_type oauth-m2m (from DATABRICKS_AUTH_TYPE) needs client_id and client_secret", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_workspace_without_oauth(self):
        self.workspace.oauth = lambda request: (__import__("fake_workspace").json_reply(404, {}))
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 110, run.err)
        self.assertIn("does not offer OAuth (HTTP 404 from", run.err)
        self.assertEqual(self.api_requests(), [])


class WorkloadIdentityFederation(OAuthTest):
    def setUp(self):
        super().setUp()
        self.workspace.oidc_tokens[ID_TOKEN] = CLIENT_ID
        self.sandbox.env["DATABRICKS_CLIENT_ID"] = CLIENT_ID

    def assertExchanged(self, run, count=1):
        self.assertSentWithObtainedToken(run)
        self.assertEqual(len(self.workspace.token_requests), count)
        form = form_of(self.workspace.token_requests[-1])
        self.assertEqual(form, {"grant_type": "urn:ietf:params:oauth:grant-type:token-exchange",
                                "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
                                "subject_token": ID_TOKEN, "scope": "all-apis", "client_id": CLIENT_ID})
        self.assertIsNone(self.workspace.token_requests[-1].header("Authorization"))
        self.assertNoSecrets(run.stdout, run.stderr)

    def test_env_oidc_exchanged_used_and_cached(self):
        self.sandbox.env["DATABRICKS_OIDC_TOKEN"] = ID_TOKEN
        self.assertExchanged(self.dbcurl("-v", CLUSTERS))
        run = self.dbcurl("-v", CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(len(self.workspace.token_requests), 1, "the cached token was not reused")
        self.assertNoSecrets(run.stdout, run.stderr)

    def test_env_oidc_variable_named_by_oidc_token_env(self):
        self.sandbox.env["DATABRICKS_OIDC_TOKEN_ENV"] = "MY_CI_TOKEN"
        self.sandbox.env["MY_CI_TOKEN"] = ID_TOKEN
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "env-oidc"
        self.assertExchanged(self.dbcurl(CLUSTERS))

    def test_file_oidc_and_refetch_after_expiry(self):
        self.workspace.token_lifetime = 30
        path = self.sandbox.write("id-token.jwt", ID_TOKEN + "\n")
        self.sandbox.env["DATABRICKS_OIDC_TOKEN_FILEPATH"] = path
        both = self.dbcurl(CLUSTERS)  # the Go SDK's auth tags: file-oidc and oauth (client_id) need auth_type
        self.assertEqual(both.code, 102, both.err)
        self.assertIn("more than one authorization method configured: file-oidc (databricks_id_token_filepath from "
                      "DATABRICKS_OIDC_TOKEN_FILEPATH) and oauth (client_id from DATABRICKS_CLIENT_ID)", both.err)
        self.assertEqual(self.workspace.requests, [])
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "file-oidc"
        self.assertExchanged(self.dbcurl(CLUSTERS))
        run = self.dbcurl(CLUSTERS)
        self.assertClustersListed(run)
        self.assertEqual(len(self.workspace.token_requests), 2)

    def test_github_oidc_asks_github_for_the_token_endpoint_audience(self):
        self.workspace.github_id_token = ID_TOKEN
        self.workspace.github_request_token = GITHUB_REQUEST_TOKEN
        self.sandbox.env["ACTIONS_ID_TOKEN_REQUEST_URL"] = self.workspace.origin + "/github/id-token?api-version=2.0"
        self.sandbox.env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = GITHUB_REQUEST_TOKEN
        run = self.dbcurl("-v", CLUSTERS)
        self.assertExchanged(run)
        github = [r for r in self.workspace.requests if r.path == "/github/id-token"]
        self.assertEqual(len(github), 1)
        self.assertEqual(parse_qs(github[0].target.split("?", 1)[1])["audience"],
                         [self.workspace.origin + "/oidc/v1/token"])

    def cache_files(self):
        cache = self.sandbox.path(".cache")
        found = []
        for folder, _, names in os.walk(cache):
            for name in names:
                with open(os.path.join(folder, name)) as handle:
                    found.append(handle.read())
        return found

    def assertSubjects(self, *subjects):
        self.assertEqual([form_of(r)["subject_token"] for r in self.workspace.token_requests], list(subjects))

    def test_another_id_token_is_not_answered_from_the_cache(self):
        self.workspace.oidc_tokens[OTHER_ID_TOKEN] = CLIENT_ID
        self.sandbox.env["DATABRICKS_OIDC_TOKEN"] = ID_TOKEN
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.sandbox.env["DATABRICKS_OIDC_TOKEN"] = OTHER_ID_TOKEN
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.sandbox.env["DATABRICKS_OIDC_TOKEN"] = ID_TOKEN
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertSubjects(ID_TOKEN, OTHER_ID_TOKEN)  # each cached under its own key
        path = self.sandbox.write("id-token.jwt", ID_TOKEN)
        self.sandbox.env.update({"DATABRICKS_OIDC_TOKEN_FILEPATH": path, "DATABRICKS_AUTH_TYPE": "file-oidc"})
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.sandbox.write("id-token.jwt", OTHER_ID_TOKEN)  # the same file, rewritten by the CI runner
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertSubjects(ID_TOKEN, OTHER_ID_TOKEN, ID_TOKEN, OTHER_ID_TOKEN)
        for text in self.cache_files():
            self.assertNoSecrets(text.replace(CANARY, ""))  # the obtained token is the cache's to hold

    def test_another_github_job_is_not_answered_from_the_cache(self):
        self.workspace.github_id_token = ID_TOKEN
        self.workspace.github_request_token = GITHUB_REQUEST_TOKEN
        self.sandbox.env["ACTIONS_ID_TOKEN_REQUEST_URL"] = self.workspace.origin + "/github/id-token?api-version=2.0"
        self.sandbox.env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = GITHUB_REQUEST_TOKEN
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(len(self.workspace.token_requests), 1)
        self.workspace.github_request_token = OTHER_GITHUB_REQUEST_TOKEN
        self.sandbox.env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = OTHER_GITHUB_REQUEST_TOKEN
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(len(self.workspace.token_requests), 2, "another job's request token asks again")
        for text in self.cache_files():
            self.assertNoSecrets(text.replace(CANARY, ""))

    def use_federation(self, source):
        """Configures one federation source (with DATABRICKS_AUTH_TYPE naming it)."""
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = source
        if source == "env-oidc":
            self.sandbox.env["DATABRICKS_OIDC_TOKEN"] = ID_TOKEN
        elif source == "file-oidc":
            self.sandbox.env["DATABRICKS_OIDC_TOKEN_FILEPATH"] = self.sandbox.write("id.jwt", ID_TOKEN)
        else:
            self.workspace.github_id_token = ID_TOKEN
            self.workspace.github_request_token = GITHUB_REQUEST_TOKEN
            self.sandbox.env["ACTIONS_ID_TOKEN_REQUEST_URL"] = self.workspace.origin + "/github/id-token?api-version=2.0"
            self.sandbox.env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = GITHUB_REQUEST_TOKEN

    def test_each_source_cached_within_its_lifetime_and_asked_again_after(self):
        for source in ("env-oidc", "file-oidc", "github-oidc"):
            with self.subTest(source=source):
                self.use_federation(source)
                for lifetime, runs, exchanges in ((3600, 3, 1), (30, 2, 2)):  # 30 s: within the minute's margin
                    self.workspace.token_lifetime = lifetime
                    shutil.rmtree(self.sandbox.path(".cache"), ignore_errors=True)
                    before = len(self.workspace.token_requests)
                    for _ in range(runs):
                        self.assertClustersListed(self.dbcurl(CLUSTERS))
                    self.assertEqual(len(self.workspace.token_requests) - before, exchanges, f"lifetime {lifetime}")

    def test_github_refusing_the_request_token_fails_and_sends_nothing(self):
        self.use_federation("github-oidc")
        self.workspace.github_request_token = OTHER_GITHUB_REQUEST_TOKEN
        run = self.dbcurl("-v", CLUSTERS)
        self.assertEqual(run.code, 110, run.err)
        self.assertIn("github-oidc (ACTIONS_ID_TOKEN_REQUEST_URL): GitHub's id token endpoint answered HTTP 401", run.err)
        self.assertEqual(self.api_requests(), [])
        self.assertEqual(self.workspace.token_requests, [])
        self.assertNoSecrets(run.stdout, run.stderr)

    def test_rejected_id_token_fails_and_sends_nothing(self):
        self.sandbox.env["DATABRICKS_OIDC_TOKEN"] = ID_TOKEN
        self.workspace.oidc_tokens[ID_TOKEN] = "another-client"
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 110, run.err)
        self.assertIn("refused the request: HTTP 400, invalid_grant: Token exchange failed", run.err)
        self.assertEqual(self.api_requests(), [])
        self.assertNoSecrets(run.stdout, run.stderr)

    def test_missing_file_fails_before_any_request(self):
        self.sandbox.env["DATABRICKS_OIDC_TOKEN_FILEPATH"] = self.sandbox.path("nowhere.jwt")
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "file-oidc"
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 110, run.err)
        self.assertIn("file-oidc: " + self.sandbox.path("nowhere.jwt") + " does not exist", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_auth_type_names_a_source_without_its_token(self):
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "github-oidc"
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 101, run.err)
        self.assertIn("auth_type github-oidc (from DATABRICKS_AUTH_TYPE) found no id token", run.err)
        self.assertEqual(self.workspace.requests, [])


class AccountProfiles(WorkspaceTest):
    """An account profile on the fake server: its host is not accounts.*, so the
    test reaches it through --connect-to, as a user of a private link would."""

    ACCOUNT = "0d5c1e7a-1111-2222-3333-444455556666"

    def setUp(self):
        super().setUp()
        self.sandbox.write(".databrickscfg",
                           f"[ws]\nhost = {self.workspace.origin}\ntoken = {WRONG_TOKEN}\n\n"
                           f"[acct]\nhost = https://accounts.cloud.databricks.com\naccount_id = {self.ACCOUNT}\n"
                           f"token = {CANARY}\nworkspace_id = 1234567\n")
        self.connect = ["--connect-to", f"accounts.cloud.databricks.com:443:127.0.0.1:{self.workspace.port}",
                        "-k"]

    def test_placeholders_filled_from_the_account_profile(self):
        run = self.dbcurl("--profile", "acct", *self.connect,
                          "https://accounts.cloud.databricks.com/api/2.0/accounts/<account-id>/workspaces/<workspace-id>")
        self.assertEqual(run.code, 0, run.err)
        request = self.only_request()
        self.assertEqual(request.target, f"/api/2.0/accounts/{self.ACCOUNT}/workspaces/1234567")
        self.assertEqual(request.header("Authorization"), f"Bearer {CANARY}")
        self.assertNoCanary(run.stdout, run.stderr)

    def test_account_path_from_a_workspace_profile_goes_to_the_account_profile(self):
        run = self.dbcurl("--profile", "ws", "--explain", f"/api/2.0/accounts/<account-id>/workspaces")
        self.assertEqual(run.code, 0, run.err)
        self.assertIn("account API path: the account profile [acct]", run.out)
        self.assertIn(f"GET https://accounts.cloud.databricks.com/api/2.0/accounts/{self.ACCOUNT}/workspaces",
                      run.out)
        self.assertNoCanary(run.stdout, run.stderr)

    def test_missing_account_id_is_named(self):
        run = self.dbcurl("--profile", "ws", f"{self.workspace.origin}/api/2.0/accounts/<account-id>/workspaces")
        self.assertEqual(run.code, 101, run.err)
        self.assertIn("the URL names <account-id>, but no account_id is configured", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_list_profiles_includes_account_profiles(self):
        run = self.dbcurl("--list-profiles")
        self.assertEqual(run.out.split(), ["ws", "acct"])


class OAuthCanaries(OAuthTest):
    """Every OAuth source × the channels dbcurl writes (docs/SECURITY.md row 4):
    the client secret, the id tokens, GitHub's request token and the obtained
    access token show nowhere, in clear or in pieces."""

    CHANNELS = {
        "verbose": ["-v", "-w", "%{url}|%{json}", "-D", "{home}/headers.txt", "--libcurl", "{home}/program.c"],
        "trace": ["--trace", "-", "--trace-time"],
        "trace-ascii-file": ["--trace-ascii", "{home}/trace.txt", "-D", "-"],
        "explain": ["--explain"],
        "error": ["-f", "-S", "-v"],
    }

    def use(self, source):
        for name in list(self.sandbox.env):
            if name.startswith(("DATABRICKS_", "ACTIONS_")) and name != "DATABRICKS_HOST":
                del self.sandbox.env[name]
        self.workspace.oauth_clients = {CLIENT_ID: CLIENT_SECRET}
        self.workspace.oidc_tokens = {ID_TOKEN: CLIENT_ID}
        self.workspace.github_id_token = ID_TOKEN
        self.workspace.github_request_token = GITHUB_REQUEST_TOKEN
        env = {"DATABRICKS_CLIENT_ID": CLIENT_ID}
        if source == "oauth-m2m":
            env["DATABRICKS_CLIENT_SECRET"] = CLIENT_SECRET
        elif source == "env-oidc":
            env["DATABRICKS_OIDC_TOKEN"] = ID_TOKEN
        elif source == "file-oidc":
            env["DATABRICKS_OIDC_TOKEN_FILEPATH"] = self.sandbox.write("id.jwt", ID_TOKEN)
        else:
            env["ACTIONS_ID_TOKEN_REQUEST_URL"] = self.workspace.origin + "/github/id-token?api-version=2.0"
            env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = GITHUB_REQUEST_TOKEN
        self.sandbox.env.update(env)
        shutil.rmtree(self.sandbox.path(".cache"), ignore_errors=True)

    def test_every_source_and_channel(self):
        for source in ("oauth-m2m", "env-oidc", "file-oidc", "github-oidc"):
            for channel, args in self.CHANNELS.items():
                with self.subTest(source=source, channel=channel):
                    self.use(source)
                    before = self.file_states()
                    url = self.workspace.origin + ("/api/2.0/test/error/permission" if channel == "error" else CLUSTERS)
                    run = self.dbcurl(*[a.replace("{home}", self.sandbox.home) for a in args], url)
                    self.assertEqual(run.code, 22 if channel == "error" else 0, run.err)
                    for secret in SECRETS:
                        for piece in {secret[i:i + 12] for i in range(4, len(secret) - 11)}:
                            self.assertNotIn(piece, run.out + run.err, f"a piece of {secret[:4]}... shows")
                    cache = self.sandbox.path(".cache")
                    for path, state in self.file_states().items():
                        if before.get(path) != state and not path.startswith(cache) and not path.endswith("id.jwt"):
                            with open(path, "rb") as handle:
                                data = handle.read().decode("utf-8", "replace")
                            for secret in SECRETS:
                                self.assertNotIn(secret[4:16], data, f"{path} shows a piece of a secret")
