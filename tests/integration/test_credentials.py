"""Token helpers and the databricks CLI, run for real: stub commands written by
the tests count their invocations, sleep past the timeout, fail, print
garbage; a stub `databricks` prints `auth token` JSON; the Python keyring
recipe runs Debian's real `keyring`."""

import json
import os
import shutil
import stat
import subprocess
import time
import unittest

from harness import CANARY, DBCURL, WRONG_TOKEN
from integration.test_main_job import CLUSTERS, WorkspaceTest

OAUTH_TOKEN = "eyJraWQiOiJjYW5hcnkiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ"


class HelperTest(WorkspaceTest):
    def setUp(self):
        super().setUp()
        self.bin = self.sandbox.path("bin")
        os.makedirs(self.bin)
        self.sandbox.env["PATH"] = self.bin + ":" + os.environ.get("PATH", "/usr/bin:/bin")
        self.sandbox.env["DATABRICKS_HOST"] = self.workspace.origin

    def script(self, name, body):
        path = os.path.join(self.bin, name)
        with open(path, "w") as handle:
            handle.write("#!/bin/sh\n" + body)
        os.chmod(path, 0o755)
        return path

    def config(self, text):
        return self.sandbox.write(".config/dbcurl/config.toml", text)

    def host_helper(self, argv, timeout=None):
        lines = [f'[hosts."127.0.0.1:{self.workspace.port}"]', "token_command = " + json.dumps(argv)]
        if timeout:
            lines.append(f"token_timeout = {timeout}")
        self.config("\n".join(lines) + "\n")

    def count(self, name):
        path = self.sandbox.path(name)
        return len(open(path).read().splitlines()) if os.path.exists(path) else 0


class TokenCommand(HelperTest):
    def test_helper_token_is_used_and_never_echoed(self):
        self.script("fake-keyring", f'echo called >> "$HOME/calls"\necho {CANARY}\n')
        self.host_helper(["fake-keyring", "get", "databricks", "prod"])
        run = self.dbcurl("-v", CLUSTERS)
        self.assertClustersListed(run)
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")
        self.assertNoCanary(run.stdout, run.stderr)
        self.assertEqual(self.count("calls"), 1)

    def test_profile_token_command_with_toml_default_profile(self):
        self.sandbox.env.pop("DATABRICKS_HOST")
        self.script("fake-keyring", f"echo {CANARY}\n")
        self.config(f'default_profile = "prod"\n[profiles.prod]\nhost = "{self.workspace.origin}"\n'
                    'token_command = ["fake-keyring", "get", "databricks", "prod"]\n')
        self.assertClustersListed(self.dbcurl(CLUSTERS))

    def test_helper_that_sleeps_past_the_timeout_is_killed(self):
        pid_file = self.sandbox.path("helper.pid")
        self.script("slow-helper", f'echo $$ > "{pid_file}"\nexec sleep 30\n')
        self.host_helper(["slow-helper"], timeout=1)
        started = time.monotonic()
        run = self.dbcurl(CLUSTERS)
        elapsed = time.monotonic() - started
        self.assertEqual(run.code, 103, run.err)
        self.assertIn("token helper 'slow-helper' timed out after 1 s", run.err)
        self.assertLess(elapsed, 10)
        self.assertEqual(self.workspace.requests, [])
        self.assertProcessGone(int(open(pid_file).read()))

    def test_helper_that_closes_stdout_but_keeps_running_is_killed(self):
        pid_file = self.sandbox.path("helper.pid")
        self.script("lingering-helper", f'echo {CANARY}\necho $$ > "{pid_file}"\nexec >&-\nexec sleep 30\n')
        self.host_helper(["lingering-helper"], timeout=1)
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 103, run.err)
        self.assertIn("timed out", run.err)
        self.assertNoCanary(run.stdout, run.stderr)
        self.assertProcessGone(int(open(pid_file).read()))

    def test_helper_that_forks_is_killed_with_its_whole_group(self):
        pid_file = self.sandbox.path("helper.pid")
        # The grandchild holds stderr (and stdout) open and outlives the helper's own sleep.
        self.script("forking-helper", f'echo $$ > "{pid_file}"\nsleep 60 &\nexec sleep 30\n')
        self.host_helper(["forking-helper"], timeout=1)
        started = time.monotonic()
        run = self.dbcurl(CLUSTERS)
        self.assertLess(time.monotonic() - started, 10)
        self.assertEqual(run.code, 103, run.err)
        self.assertIn("timed out after 1 s", run.err)
        self.assertGroupGone(int(open(pid_file).read()))

        # A pipe reader sees the end as soon as dbcurl exits: no grandchild holds stderr.
        started = time.monotonic()
        piped = subprocess.run(["sh", "-c", f'"$0" {CLUSTERS} 2>&1 | cat', DBCURL], env=self.full_env(),
                               cwd=self.sandbox.home, capture_output=True, timeout=30)
        self.assertLess(time.monotonic() - started, 10)
        self.assertIn(b"timed out", piped.stdout)
        self.assertGroupGone(int(open(pid_file).read()))

    def test_helper_inherits_no_descriptor_but_its_pipes(self):
        marker = self.sandbox.path("fds")
        self.script("fd-helper", f'for fd in /proc/$$/fd/*; do echo "${{fd##*/}}"; done > "{marker}"\necho {CANARY}\n')
        self.host_helper(["fd-helper"])
        read_end, write_end = os.pipe()
        self.addCleanup(os.close, read_end)
        with open(self.sandbox.path("extra"), "w") as extra:
            extra_fd = extra.fileno()
            completed = subprocess.run([DBCURL, CLUSTERS], env=self.full_env(), cwd=self.sandbox.home,
                                       capture_output=True, timeout=60, pass_fds=(write_end, extra_fd))
        os.close(write_end)
        self.assertEqual(completed.returncode, 0, completed.stderr)
        fds = set(open(marker).read().split())
        # The shell itself may hold its script open; dbcurl's own descriptors must not reach it.
        self.assertTrue({"0", "1", "2"} <= fds, fds)
        self.assertNotIn(str(write_end), fds)
        self.assertNotIn(str(extra_fd), fds)

    def full_env(self):
        return dict(self.sandbox.env)

    def assertGroupGone(self, group):
        deadline = time.monotonic() + 5
        while True:
            alive = [pid for pid in os.listdir("/proc") if pid.isdigit() and self.live_in_group(pid, group)]
            if not alive or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        self.assertEqual(alive, [], f"processes of helper group {group} still running")

    @staticmethod
    def live_in_group(pid, group):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            return False
        return fields[0] != "Z" and int(fields[2]) == group

    def assertProcessGone(self, pid):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                state = handle.read().split(")")[-1].split()[0]
            self.assertEqual(state, "Z", f"helper {pid} still running")  # a zombie would be reaped by init
        except FileNotFoundError:
            pass

    def test_nonzero_exit_names_command_and_passes_stderr_through(self):
        self.script("failing-helper", 'echo "helper says: item not found" >&2\nexit 3\n')
        self.host_helper(["failing-helper", "lookup"])
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 103)
        self.assertIn("token helper 'failing-helper lookup' failed with exit code 3", run.err)
        self.assertIn("helper says: item not found", run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_garbage_empty_and_oversized_output(self):
        cases = {
            "printf 'not a token\\nsecond line\\n'\n": "printed more than one token",
            "true\n": "printed nothing",
            "head -c 100000 /dev/zero | tr '\\\\0' a\n": "printed more than 64 KiB",
            "echo '{\"nope\": 1}'\n": "without an \"access_token\"",
        }
        for body, expected in cases.items():
            with self.subTest(expected=expected):
                self.script("odd-helper", body)
                self.host_helper(["odd-helper"])
                run = self.dbcurl(CLUSTERS)
                self.assertEqual(run.code, 103, run.err)
                self.assertIn(expected, run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_no_shell_and_missing_command(self):
        self.host_helper(["echo $HOME"])
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 103)
        self.assertIn("token helper 'echo $HOME' was not found on PATH", run.err)

    def test_helper_stdin_is_closed(self):
        self.script("stdin-reader", f'if read line; then echo dapi-stole-stdin; else echo {CANARY}; fi\n')
        self.host_helper(["stdin-reader"])
        run = self.dbcurl("-X", "POST", "/api/2.1/jobs/run-now", "--json", "@-", stdin=b'{"job_id": 1}\n')
        self.assertEqual(run.code, 0, run.err)
        request = self.only_request()
        self.assertEqual(request.header("Authorization"), f"Bearer {CANARY}")
        self.assertEqual(request.body, b'{"job_id": 1}\n')

    def test_plain_token_output_is_not_cached(self):
        self.script("fake-keyring", f'echo called >> "$HOME/calls"\necho {CANARY}\n')
        self.host_helper(["fake-keyring"])
        before = self.file_states()
        self.dbcurl("-s", CLUSTERS)
        self.dbcurl("-s", CLUSTERS)
        self.assertEqual(self.count("calls"), 2)
        self.assertNoCanaryInWrittenFiles(before)

    def test_json_output_with_expiry_is_cached(self):
        expiry = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() + 3600))
        self.script("json-helper", f'echo called >> "$HOME/calls"\n'
                                   f'echo \'{{"access_token": "{CANARY}", "expiry": "{expiry}"}}\'\n')
        self.host_helper(["json-helper"])
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(self.count("calls"), 1)

    def test_invalid_config_toml_names_file_line_column(self):
        path = self.config('[profiles.p]\ntoken_command = "keyring get x y"\n')
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 102)
        self.assertIn(f"{path}:2:17: 'token_command' must be a non-empty array of strings", run.err)
        plain = self.dbcurl("-s", f"https://localhost:{self.workspace.port}/echo")
        self.assertEqual(plain.code, 0, "a broken config must not break plain requests")


class DatabricksCli(HelperTest):
    def fake_cli(self, token=OAUTH_TOKEN, expires_in=3600):
        expiry = time.strftime("%Y-%m-%dT%H:%M:%S.123456789Z", time.gmtime(time.time() + expires_in))
        body = (f'echo "$@" >> "$HOME/cli-calls"\n'
                f'echo \'{{"access_token": "{token}", "token_type": "Bearer", "expiry": "{expiry}"}}\'\n')
        return self.script("databricks", body)

    def test_auth_type_databricks_cli_runs_auth_token_and_caches(self):
        self.workspace.token = OAUTH_TOKEN
        self.sandbox.env.pop("DATABRICKS_HOST")
        self.fake_cli()
        self.sandbox.write(".databrickscfg", f"[oauth]\nhost = {self.workspace.origin}\nauth_type = databricks-cli\n")
        first = self.dbcurl("--profile", "oauth", CLUSTERS)
        self.assertClustersListed(first)
        self.assertEqual(open(self.sandbox.path("cli-calls")).read(), "auth token --profile oauth\n")
        self.assertRegex(self.workspace.requests[0].header("User-Agent"), r" auth/oauth$")
        second = self.dbcurl("--profile", "oauth", CLUSTERS)
        self.assertClustersListed(second)
        self.assertEqual(self.count("cli-calls"), 1, "the second call must spawn nothing")
        self.assertNoCanary(first.err, second.err, canary=OAUTH_TOKEN)
        cache = self.sandbox.path(".cache/dbcurl")
        self.assertEqual(stat.S_IMODE(os.stat(cache).st_mode), 0o700)
        for name in os.listdir(cache):
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(cache, name)).st_mode), 0o600)

    def test_cli_on_path_is_used_with_host_when_no_token(self):
        self.workspace.token = OAUTH_TOKEN
        self.fake_cli()
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(open(self.sandbox.path("cli-calls")).read(), f"auth token --host {self.workspace.origin}\n")

    def test_expired_cache_entry_runs_the_cli_again(self):
        self.workspace.token = OAUTH_TOKEN
        self.fake_cli(expires_in=30)  # within the one-minute margin: never reused
        self.dbcurl("-s", CLUSTERS)
        self.dbcurl("-s", CLUSTERS)
        self.assertEqual(self.count("cli-calls"), 2)

    def test_corrupt_cache_is_ignored_and_rewritten(self):
        self.workspace.token = OAUTH_TOKEN
        self.fake_cli()
        self.dbcurl("-s", CLUSTERS)
        cache = self.sandbox.path(".cache/dbcurl")
        for name in os.listdir(cache):
            with open(os.path.join(cache, name), "w") as handle:
                handle.write("\x00garbage{")
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertClustersListed(self.dbcurl(CLUSTERS))
        self.assertEqual(self.count("cli-calls"), 2)

    def test_not_logged_in(self):
        self.script("databricks", 'echo "Error: databricks OAuth is not configured for this host" >&2\nexit 1\n')
        run = self.dbcurl(CLUSTERS)
        self.assertEqual(run.code, 101, run.err)
        self.assertIn("databricks CLI", run.err)
        self.sandbox.env["DATABRICKS_AUTH_TYPE"] = "databricks-cli"
        required = self.dbcurl(CLUSTERS)
        self.assertEqual(required.code, 103)
        self.assertIn("databricks OAuth is not configured", required.err)


@unittest.skipUnless(shutil.which("keyring", path="/usr/bin"), "Debian's python3-keyring is not installed")
class KeyringRecipe(HelperTest):
    """The recipe in docs/recipes.md, with what the docs' keyring package stored."""

    def test_keyring_get_reads_what_keyring_set_password_stored(self):
        self.sandbox.env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        self.sandbox.run(["-c", f"import keyring; keyring.set_password('databricks', 'prod', '{CANARY}')"],
                         program="/usr/bin/python3")
        self.host_helper(["/usr/bin/keyring", "get", "databricks", "prod"])
        run = self.dbcurl(CLUSTERS)
        self.assertClustersListed(run)
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")


class RecipeOutputShapes(HelperTest):
    """Each recipe of docs/recipes.md with a stub that prints like the real tool."""

    RECIPES = [
        (["secret-tool", "lookup", "service", "databricks", "username", "prod"], "printf '%s' {token}"),
        (["security", "find-generic-password", "-s", "databricks", "-a", "prod", "-w"], "echo {token}"),
        (["pass", "show", "databricks/prod"], "echo {token}"),
        (["op", "read", "op://Private/Databricks dev/credential"], "echo {token}"),
    ]

    def test_each_recipe(self):
        for argv, output in self.RECIPES:
            with self.subTest(tool=argv[0]):
                self.workspace.clear()
                expected_args = " ".join(argv[1:])
                self.script(argv[0], f'[ "$*" = "{expected_args}" ] || exit 9\n' + output.format(token=CANARY) + "\n")
                self.host_helper(argv)
                run = self.dbcurl(CLUSTERS)
                self.assertClustersListed(run)
                self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")


class HostPicksProfile(HelperTest):
    def test_absolute_url_to_a_profiles_host_uses_that_profile(self):
        self.sandbox.env["DATABRICKS_TOKEN"] = WRONG_TOKEN
        self.sandbox.env["DATABRICKS_HOST"] = "https://dbc-other.cloud.databricks.com"
        self.sandbox.write(".databrickscfg", f"[mine]\nhost = https://localhost:{self.workspace.port}\ntoken = {CANARY}\n")
        run = self.dbcurl(f"https://localhost:{self.workspace.port}{CLUSTERS}")
        self.assertClustersListed(run)
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_list_profiles_prints_both_files(self):
        self.sandbox.write(".databrickscfg", "[DEFAULT]\nhost = h\n[prod]\nhost = p\n[__settings__]\ndefault_profile = prod\n")
        self.config('[profiles.prod]\ntoken_command = ["x"]\n[profiles.extra]\nhost = "e"\n')
        run = self.dbcurl("--list-profiles")
        self.assertEqual((run.code, run.out), (0, "DEFAULT\nprod\nextra\n"))


class MalformedDatabricksConfig(WorkspaceTest):
    """A line of ~/.databrickscfg without its '=' may be a secret: the error
    names the file and line, never the line's text, whether or not its profile
    is the one used."""

    # Not shaped like a PAT: only the INI parser's wording keeps it out of sight.
    SECRET = "opq5ca1ab1eQZXWcanaryJKVY5ca1ab1e"

    def write_config(self):
        return self.sandbox.write(".databrickscfg", f"[DEFAULT]\nhost = {self.workspace.origin}\ntoken = {CANARY}\n\n"
                                                    f"[unused]\nclient_secret {self.SECRET}\n")

    def assertSecretNowhere(self, run):
        shown = [self.SECRET[i:i + 8] for i in range(4, len(self.SECRET) - 7) if self.SECRET[i:i + 8] in run.out + run.err]
        self.assertEqual(shown, [], run.out + run.err)
        self.assertNoCanary(run.stdout, run.stderr)

    def test_the_line_of_a_profile_nobody_selected_is_not_printed(self):
        path = self.write_config()
        for args in ([CLUSTERS], ["--explain", CLUSTERS], ["--profile", "DEFAULT", CLUSTERS],
                     ["--explain", "--profile", "DEFAULT", CLUSTERS]):
            with self.subTest(args=args):
                run = self.dbcurl(*args)
                self.assertSecretNowhere(run)
                self.assertIn(f"{path}:6: no '=' after the key (write key = value)", run.out + run.err)
                if "--explain" not in args:
                    self.assertEqual(run.code, 102, run.err)
        self.assertEqual(self.workspace.requests, [])

    def test_full_url_without_a_named_profile_goes_out_as_curl_with_one_warning(self):
        path = self.write_config()
        run = self.dbcurl(self.workspace.origin + CLUSTERS, self.workspace.origin + CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertSecretNowhere(run)
        warnings = [line for line in run.err.splitlines() if line.startswith("Warning: ")]
        self.assertEqual("".join(line[len("Warning: "):] for line in warnings),
                         f"{path}:6: no '=' after the key (write key = value); requests to the hosts it may name "
                         "go out without Databricks credentials")
        self.assertEqual([request.header("Authorization") for request in self.workspace.requests], [None, None])

    def test_full_url_with_a_named_profile_is_the_files_error(self):
        path = self.write_config()
        for args, env in ((("--profile", "DEFAULT"), {}), ((), {"DATABRICKS_CONFIG_PROFILE": "DEFAULT"})):
            with self.subTest(args=args, env=env):
                run = self.dbcurl(*args, self.workspace.origin + CLUSTERS, env=env)
                self.assertEqual(run.code, 102, run.err)
                self.assertSecretNowhere(run)
                self.assertIn(f"{path}:6: no '=' after the key (write key = value)", run.err)
        self.assertEqual(self.workspace.requests, [])


class BrokenFileLeavesTheOtherSources(WorkspaceTest):
    """A file that cannot be read takes away only what it would have given:
    a malformed config.toml no longer drops DATABRICKS_HOST/DATABRICKS_TOKEN
    for a full URL to that host, nor a malformed ~/.databrickscfg the netrc
    'login token' entry naming it; the file's warning still says so."""

    def warning(self, run):
        return "".join(line[len("Warning: "):] for line in run.err.splitlines() if line.startswith("Warning: "))

    def broken_dbcurl_config(self):
        return self.sandbox.write(".config/dbcurl/config.toml", "[profiles.p\n")

    def test_environment_token_despite_a_malformed_config_toml(self):
        path = self.broken_dbcurl_config()
        self.use_environment()
        run = self.dbcurl(self.workspace.origin + CLUSTERS, self.workspace.origin + CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertNoCanary(run.stdout, run.stderr)
        self.assertTrue(self.warning(run).startswith(path + ":1:"), run.err)
        self.assertTrue(self.warning(run).endswith("; requests to the hosts it may name go out without Databricks "
                                                   "credentials"), run.err)
        self.assertEqual(self.warning(run).count(path), 1, run.err)
        self.assertEqual([request.header("Authorization") for request in self.workspace.requests],
                         [f"Bearer {CANARY}"] * 2)

    def test_netrc_token_despite_a_malformed_databrickscfg(self):
        path = self.sandbox.write(".databrickscfg", "[DEFAULT]\nclient_secret opq5ca1ab1e\n")
        self.sandbox.write(".netrc", f"machine 127.0.0.1 login token password {CANARY}\n")
        run = self.dbcurl(self.workspace.origin + CLUSTERS)
        self.assertClustersListed(run)
        self.assertNoCanary(run.stdout, run.stderr)
        self.assertNotIn("opq5ca1ab1e", run.err)
        self.assertEqual(self.warning(run), f"{path}:2: no '=' after the key (write key = value); requests to the "
                                            "hosts it may name go out without Databricks credentials")
        self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")

    def test_a_named_profile_still_makes_the_broken_file_the_runs_error(self):
        path = self.broken_dbcurl_config()
        self.use_environment()
        for args, env in ((("--profile", "p"), {}), ((), {"DATABRICKS_CONFIG_PROFILE": "p"})):
            with self.subTest(args=args, env=env):
                run = self.dbcurl(*args, self.workspace.origin + CLUSTERS, env=env)
                self.assertEqual(run.code, 102, run.err)
                self.assertIn(path + ":1:", run.err)
                self.assertNoCanary(run.stdout, run.stderr)
        self.assertEqual(self.workspace.requests, [])


if __name__ == "__main__":
    unittest.main()
