"""-Z draws curl's multi-transfer meter on stderr (even under -s, as curl
7.88 does; --no-progress-meter hides it): same header, same final totals."""

import re
import unittest

from fake_workspace import Workspace
from harness import SandboxTest

HEADER = "DL% UL%  Dled  Uled  Xfers  Live Total     Current  Left    Speed"
# The final line: percentages, byte counts, transfers, live, three times; the speed varies.
FINAL = re.compile(r"\r(\S+) +(\S+) +(\d+) +(\d+) +(\d+) +(\d+)  ( *[-\d:dh ]{7}\S) ( *\S+) ( *\S+) +\S+ {5}\n$")


class ParallelMeter(SandboxTest):
    def setUp(self):
        super().setUp()
        self.workspace = Workspace(tls=False)
        self.workspace.start()
        self.addCleanup(self.workspace.stop)

    def meter(self, program, *args):
        origin = self.workspace.origin
        run = self.sandbox.run(["-Z", *args, "-o", "/dev/null", "-o", "/dev/null", "-o", "/dev/null",
                                origin + "/bytes/5000", origin + "/bytes/300", "-T", self.upload,
                                origin + "/echo"], program=program)
        self.assertEqual(run.code, 0, run.err)
        return run.err

    def test_meter_as_curl(self):
        self.upload = self.sandbox.write("upload.txt", "twelve bytes")
        for args in ((), ("-s",)):
            mine, theirs = self.meter(None, *args), self.meter("curl", *args)
            with self.subTest(args=args):
                self.assertEqual(mine.splitlines()[0], HEADER)
                self.assertEqual(theirs.splitlines()[0], HEADER)
                mine_final, theirs_final = FINAL.search(mine), FINAL.search(theirs)
                self.assertIsNotNone(mine_final, repr(mine))
                self.assertIsNotNone(theirs_final, repr(theirs))
                # 100% of 5,300 bytes and all 12 uploaded; 3 transfers, none live. (The echo's size varies.)
                self.assertEqual(mine_final.group(1, 2, 4, 5, 6), theirs_final.group(1, 2, 4, 5, 6))
                self.assertEqual(mine_final.group(1, 2, 4, 5, 6), ("100", "100", "12", "3", "0"))
        self.assertEqual(self.meter(None, "--no-progress-meter"), "")


if __name__ == "__main__":
    unittest.main()
