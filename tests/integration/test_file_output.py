"""What curl does to the files it writes besides their bytes: -R dates them,
--xattr labels them; and --rate spaces serial transfers. Each is checked
against the system curl doing the same. Also --manual, which prints the man
page (curl prints its own manual)."""

import os
import re
import time
import unittest
from urllib.parse import quote

from fake_workspace import Workspace
from harness import SandboxTest

LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"
LAST_MODIFIED_EPOCH = 1445412480


class FileOutput(SandboxTest):
    def setUp(self):
        super().setUp()
        self.workspace = Workspace(tls=False)
        self.workspace.start()
        self.addCleanup(self.workspace.stop)

    def fetch(self, program, name, *args, url=None):
        path = self.sandbox.path(name)
        run = self.sandbox.run(["-s", "-o", path, *args, url or self.workspace.origin + "/echo"], program=program)
        self.assertEqual(run.code, 0, run.err)
        return path

    def test_remote_time_dates_the_file_as_curl(self):
        url = self.workspace.origin + "/response-headers?Last-Modified=" + quote(LAST_MODIFIED)
        for program, name in ((None, "mine"), ("curl", "theirs")):
            dated = self.fetch(program, name + "-dated", "-R", url=url)
            plain = self.fetch(program, name + "-plain", url=url)
            with self.subTest(program=program or "dbcurl"):
                self.assertEqual(int(os.stat(dated).st_mtime), LAST_MODIFIED_EPOCH)
                self.assertGreater(os.stat(plain).st_mtime, LAST_MODIFIED_EPOCH + 86400)

    def test_xattr_labels_the_file_as_curl(self):
        host = self.workspace.origin.split("//", 1)[1]
        url = f"http://user:secret@{host}/response-headers?Content-Type=text/x-test"

        def labels(program, name):
            path = self.fetch(program, name, "--xattr", "-e", "https://referrer.example/page", url=url)
            return {attribute: os.getxattr(path, attribute) for attribute in os.listxattr(path)}

        mine, theirs = labels(None, "mine"), labels("curl", "theirs")
        self.assertEqual(mine, theirs)
        self.assertEqual(mine["user.mime_type"], b"text/x-test")
        self.assertEqual(mine["user.xdg.referrer.url"], b"https://referrer.example/page")
        self.assertNotIn(b"secret", mine["user.xdg.origin.url"])
        self.assertEqual(os.listxattr(self.fetch(None, "bare", url=url)), [])

    def test_rate_spaces_serial_transfers(self):
        urls = [self.workspace.origin + f"/echo?{n}" for n in range(3)]
        started = time.monotonic()
        run = self.sandbox.run(["-v", "--no-progress-meter", "-o", "/dev/null", "-o", "/dev/null", "-o", "/dev/null",
                                "--rate", "4/s", *urls])
        elapsed = time.monotonic() - started
        self.assertEqual(run.code, 0, run.err)
        notes = [line for line in run.err.splitlines() if "as set by --rate" in line]
        self.assertEqual(len(notes), 2, run.err)  # after the first and second, not after the last
        self.assertRegex(notes[0], r"^Note: Transfer took \d+ ms, waits \d+ms as set by --rate$")
        # A lower bound only: two waits of up to 250 ms each (never an upper bound on a shared machine).
        self.assertGreaterEqual(elapsed, 0.4)
        self.assertEqual(len(self.workspace.requests), 3)


if __name__ == "__main__":
    unittest.main()


class Manual(SandboxTest):
    def test_manual_is_the_man_page_with_every_option(self):
        manual = self.sandbox.run(["--manual"])
        self.assertEqual(manual.code, 0, manual.err)
        self.assertIn("RESOLUTION ORDER", manual.out)
        # What curl's test 1026 looks for: its NAME line and a CONTRIBUTORS line, once each.
        self.assertEqual(len(re.findall(r"(?m)^.*(curl\s*-\s*transfer\sa\s*URL|CONTRIBUTORS).*$", manual.out)), 2)
        self.assertEqual(self.sandbox.run(["-M"]).stdout, manual.stdout)
        listed = self.sandbox.run(["--help", "all"]).out
        for name in re.findall(r"--[a-z0-9][a-z0-9.-]+", listed):
            self.assertIn(name, manual.out)
