"""--libcurl writes a C program that makes the same request; dbcurl's own
token never goes into it (the program reads DATABRICKS_TOKEN instead)."""

import os
import subprocess
import unittest

from fake_workspace import Workspace
from harness import CANARY, SandboxTest


class LibcurlSource(SandboxTest):
    def setUp(self):
        super().setUp()
        self.workspace = Workspace(token=CANARY, tls=False)
        self.workspace.start()
        self.addCleanup(self.workspace.stop)

    def build(self, source):
        program = self.sandbox.path("program")
        built = subprocess.run(["cc", "-Wall", "-Werror", source, "-o", program, "-lcurl"], capture_output=True,
                               text=True)
        self.assertEqual(built.returncode, 0, built.stderr)
        return program

    def request(self, argv, env=None):
        self.workspace.clear()
        run = subprocess.run(argv, capture_output=True, env=dict(self.sandbox.env, **(env or {})), timeout=60)
        self.assertEqual(run.returncode, 0, run.stderr)
        (received,) = self.workspace.requests
        return run.stdout, (received.method, received.target, sorted(received.headers), received.body)

    def test_program_sends_what_dbcurl_sent(self):
        source = self.sandbox.path("request.c")
        args = ["-s", "-X", "PUT", "-H", "X-Trace: 7", "-A", "agent/1", "--data-binary", "a=1&b=\x01two\n",
                "--compressed", self.workspace.origin + "/echo?x=y"]
        run = self.sandbox.run(["--libcurl", source] + args)
        self.assertEqual(run.code, 0, run.err)
        self.workspace.clear()
        self.sandbox.run(args)
        (by_dbcurl,) = self.workspace.requests
        body, by_program = self.request([self.build(source)])
        self.assertEqual(by_program, (by_dbcurl.method, by_dbcurl.target, sorted(by_dbcurl.headers), by_dbcurl.body))
        self.assertIn(b'"target": "/echo?x=y"', body)

    def test_program_reads_as_curls(self):
        # curl's option order, names for symbolic values, defaults left out (curl tests 1400 1401).
        args = ["-s", "-v", "--basic", "-u", "fake:user", "-H", "X-Files: Mulder", "-b", "a=b", "--proto",
                "=http,ftp,file", "--ftp-ssl-ccc", self.workspace.origin + "/echo"]
        varying = ("CURLOPT_USERAGENT", "CURLOPT_HTTP_VERSION", "CURLOPT_CAINFO", "CURLOPT_CAPATH",
                   "CURLOPT_SSH_KNOWNHOSTS", "CURLOPT_FTP_SSL_CCC")
        programs = []
        for program in (None, "curl"):
            source = self.sandbox.path(f"{program or 'dbcurl'}.c")
            run = self.sandbox.run(["--libcurl", source] + args, program=program)
            self.assertEqual(run.code, 0, run.err)
            with open(source) as handle:
                programs.append([line for line in handle if not any(name in line for name in varying)])
        self.assertEqual(programs[0], programs[1])
        self.assertIn("  curl_easy_setopt(hnd, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);\n", programs[0])

    def test_post_data_reads_as_curls(self):
        # curl's program sets the body with CURLOPT_POSTFIELDS (curl tests 1402 1465).
        for data in ("foo=bar&baz=quux", "a\x01b\x02\xe4\n"):
            programs = []
            for program in (None, "curl"):
                source = self.sandbox.path(f"{program or 'dbcurl'}-post.c")
                run = self.sandbox.run(["--libcurl", source, "-s", "--data-binary", data,
                                        self.workspace.origin + "/echo"], program=program)
                self.assertEqual(run.code, 0, run.err)
                with open(source, encoding="latin-1") as handle:
                    programs.append([line for line in handle if "CURLOPT_POST" in line])
            self.assertEqual(programs[0], programs[1])
            self.assertEqual(len(programs[0]), 2, programs[0])

    def test_form_is_built_with_curls_mime_calls(self):
        # -F parts as curl_mime_* calls, variables and clean-up as curl writes them (curl test 1404).
        attached = self.sandbox.path("attached.txt")
        with open(attached, "w") as handle:
            handle.write("dummy data\n")
        args = ["-s", "-H", "X-Top: 1", "-F", "name=value", "-F",
                f"file=@{attached},{attached};type=magic/content;encoder=8bit,{attached};headers=X-One: 1;headers=X-Two: 2",
                "-F", "text=<" + attached, "-F", "=(;type=multipart/alternative", "-F", "=the html version;type=text/html",
                "-F", "=)", "-F", "upload=@" + attached + ";filename=renamed.txt", self.workspace.origin + "/echo"]
        varying = ("CURLOPT_USERAGENT", "CURLOPT_HTTP_VERSION", "CURLOPT_CAINFO", "CURLOPT_CAPATH",
                   "CURLOPT_SSH_KNOWNHOSTS")
        programs = []
        for program in (None, "curl"):
            source = self.sandbox.path(f"{program or 'dbcurl'}-form.c")
            run = self.sandbox.run(["--libcurl", source] + args, program=program)
            self.assertEqual(run.code, 0, run.err)
            with open(source) as handle:
                programs.append([line for line in handle if not any(name in line for name in varying)])
        self.assertEqual(programs[0], programs[1])
        self.assertIn("  curl_easy_setopt(hnd, CURLOPT_MIMEPOST, mime1);\n", programs[0])
        self.build(self.sandbox.path("dbcurl-form.c"))

    def test_workspace_token_stays_out_of_the_program(self):
        source = self.sandbox.path("workspace.c")
        env = {"DATABRICKS_HOST": self.workspace.origin, "DATABRICKS_TOKEN": CANARY}
        run = self.sandbox.run(["-s", "--libcurl", source, "/api/2.0/clusters/list"], env=env)
        self.assertEqual(run.code, 0, run.err)
        with open(source) as handle:
            text = handle.read()
        self.assertNoCanary(text)
        self.assertIn('CURLOPT_XOAUTH2_BEARER, getenv("DATABRICKS_TOKEN")', text)
        body, (method, target, headers, _) = self.request([self.build(source)], {"DATABRICKS_TOKEN": CANARY})
        self.assertEqual((method, target), ("GET", "/api/2.0/clusters/list"))
        self.assertIn(b'"clusters"', body)
        # assertTrue, not assertIn: a failure must not print the token.
        self.assertTrue(("Authorization", "Bearer " + CANARY) in headers, "no bearer from DATABRICKS_TOKEN")


if __name__ == "__main__":
    unittest.main()
