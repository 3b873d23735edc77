"""README's first-use blocks, copied as a user pastes them into bash (the token
typed on stdin), with the example workspace replaced by the fake one: each way
of storing the token then gets dbcurl's first command through."""

import os
import re
import shutil
import unittest

from harness import CANARY, DBCURL
from integration.test_main_job import CLUSTERS, WorkspaceTest

README = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")
EXAMPLE_HOST = "adb-1234567890123456.7.azuredatabricks.net"


def first_use_blocks():
    """The sh blocks between "## First use" and "Then:"."""
    with open(README) as handle:
        text = handle.read()
    section = text[text.index("## First use"):]
    section = section[:section.index("\nThen:")]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


class FirstUse(WorkspaceTest):
    def paste_then_run(self, block):
        block = block.replace(f"https://{EXAMPLE_HOST}", self.workspace.origin).replace(EXAMPLE_HOST, "127.0.0.1")
        self.sandbox.env["PATH"] = os.path.dirname(os.path.abspath(DBCURL)) + ":/usr/bin:/bin"
        script = block + f"\nexec dbcurl {CLUSTERS}\n"
        return self.sandbox.run(["-c", script], program="/bin/bash", stdin=f"{CANARY}\n".encode())

    def test_four_ways(self):
        blocks = first_use_blocks()
        self.assertEqual(len(blocks), 4)
        for block, needs in zip(blocks, (None, None, None, "/usr/bin/keyring")):
            with self.subTest(block=block.splitlines()[0]):
                if needs and not shutil.which(needs):
                    self.skipTest(f"{needs} not installed")
                self.sandbox.cleanup()
                os.makedirs(self.sandbox.home)
                self.workspace.clear()
                self.sandbox.env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
                run = self.paste_then_run(block)
                self.assertClustersListed(run)
                self.assertEqual(self.only_request().header("Authorization"), f"Bearer {CANARY}")
                self.assertNoCanary(run.stdout)
                for name in (".databrickscfg", ".netrc"):
                    path = self.sandbox.path(name)
                    if not os.path.exists(path):
                        continue
                    with open(path) as handle:
                        if CANARY in handle.read():
                            self.assertEqual(os.stat(path).st_mode & 0o077, 0, f"{name} is readable by others")


if __name__ == "__main__":
    unittest.main()
