"""-u user without a password: curl prompts for it, except when --oauth2-bearer
gives the credential (curl tests 908 922 946 947: the mail body on stdin must
not be read as the password)."""

import os

from harness import SandboxTest


class PasswordPrompt(SandboxTest):
    def upload_from_stdin(self, *options):
        target = self.sandbox.path("uploaded")
        run = self.dbcurl("-s", *options, "-T", "-", "file://" + target, stdin=b"mail body\n")
        self.assertEqual(run.code, 0, run.err)
        with open(target, "rb") as handle:
            return handle.read()

    def test_oauth2_bearer_means_no_password_prompt(self):
        self.assertEqual(self.upload_from_stdin("-u", "user", "--oauth2-bearer", "token"), b"mail body\n")

    def test_user_alone_still_prompts(self):
        # The prompt (no terminal here) reads the first line: nothing is left to upload.
        self.assertEqual(self.upload_from_stdin("-u", "user"), b"")
        self.assertTrue(os.path.exists(self.sandbox.path("uploaded")))
