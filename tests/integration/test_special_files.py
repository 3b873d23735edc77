"""The files dbcurl reads without being asked (~/.netrc, ~/.databrickscfg,
config.toml, the OIDC id token file) are read only when they are regular
files: a FIFO there made every run hang, plain `dbcurl https://host/...`
included (netrc is read for each full URL). Files the user names in an option
(-d @file, -K file) are still read as curl reads them, pipes included."""

import os
import subprocess

from harness import CANARY, DBCURL
from integration.test_main_job import CLUSTERS, WorkspaceTest

WARNING_END = "; requests to the hosts it may name go out without Databricks credentials"
TIMEOUT = 30  # far above a run's time; a FIFO opened for reading blocks forever


class CredentialFilesThatAreFifos(WorkspaceTest):
    def fifo(self, relative):
        path = self.sandbox.path(relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.mkfifo(path, 0o600)
        return path

    def run_bounded(self, *args):
        try:
            return self.dbcurl(*args, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.fail(f"dbcurl {args} hung on a FIFO")

    def warning(self, run):
        """The run's warning lines as one text (curl wraps them at 79 columns)."""
        return "".join(line[len("Warning: "):] for line in run.err.splitlines() if line.startswith("Warning: "))

    def test_fifo_netrc_is_skipped_with_a_warning_on_a_full_url(self):
        path = self.fifo(".netrc")
        run = self.run_bounded(self.workspace.origin + CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(self.warning(run), f"{path}: not a regular file (a FIFO or a device){WARNING_END}")
        self.assertIsNone(self.only_request().header("Authorization"))

    def test_fifo_netrc_with_n_is_an_error(self):
        path = self.fifo(".netrc")
        self.use_environment()
        run = self.run_bounded("-n", CLUSTERS)
        self.assertEqual(run.code, 102, run.err)
        self.assertEqual(run.err, f"dbcurl: {path}: not a regular file (a FIFO or a device)\n")
        self.assertEqual(self.workspace.requests, [])

    def test_fifo_databrickscfg(self):
        path = self.fifo(".databrickscfg")
        run = self.run_bounded(CLUSTERS)
        self.assertEqual(run.code, 102, run.err)
        self.assertIn(f"{path}: not a regular file (a FIFO or a device)", run.err)
        run = self.run_bounded(self.workspace.origin + CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(self.warning(run), f"{path}: not a regular file (a FIFO or a device){WARNING_END}")

    def test_fifo_dbcurl_config(self):
        path = self.fifo(".config/dbcurl/config.toml")
        self.use_environment()
        run = self.run_bounded(CLUSTERS)
        self.assertEqual(run.code, 102, run.err)
        self.assertIn(f"{path}: not a regular file (a FIFO or a device)", run.err)
        self.assertNoCanary(run.stdout, run.stderr)
        self.assertEqual(self.workspace.requests, [])

    def test_fifo_oidc_token_file(self):
        path = self.fifo("id-token.jwt")
        self.sandbox.env.update({"DATABRICKS_HOST": self.workspace.origin, "DATABRICKS_AUTH_TYPE": "file-oidc",
                                 "DATABRICKS_OIDC_TOKEN_FILEPATH": path})
        run = self.run_bounded(CLUSTERS)
        self.assertEqual(run.code, 110, run.err)
        self.assertIn(f"{path}: not a regular file (a FIFO or a device)", run.err)
        self.assertEqual(self.workspace.requests, [])


class NamedFilesMayBePipes(WorkspaceTest):
    """curl reads -d @/dev/stdin, -d @<(cmd) and -K <(cmd): so does dbcurl."""

    def test_data_from_dev_stdin(self):
        self.use_environment()
        run = self.dbcurl("-d", "@/dev/stdin", self.workspace.origin + "/api/2.0/echo", stdin=b"from stdin",
                          timeout=TIMEOUT)
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(self.only_request().body, b"from stdin")

    def test_data_and_config_from_process_substitution(self):
        self.use_environment()
        script = (f'"$DBCURL" -K <(printf "url = {self.workspace.origin}/api/2.0/echo\\n") '
                  '-d @<(printf "from a pipe")')
        run = self.sandbox.run(["-c", script], program="/bin/bash", env={"DBCURL": os.path.abspath(DBCURL)},
                               timeout=TIMEOUT)
        self.assertEqual(run.code, 0, run.err)
        request = self.only_request()
        self.assertEqual(request.body, b"from a pipe")
        self.assertEqual(request.header("Authorization"), f"Bearer {CANARY}")
