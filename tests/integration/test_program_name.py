"""Messages start with the invoked name: "dbcurl:" by default, "curl:" through a
`curl` symlink, so dbcurl can stand in for curl where its messages are compared."""

import os

from harness import DBCURL, SandboxTest


class ProgramName(SandboxTest):
    def curl_symlink(self):
        link = self.sandbox.path("bin/curl")
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(os.path.abspath(DBCURL), link)
        return link

    def test_default_prefix_is_dbcurl(self):
        run = self.dbcurl("--no-such-option")
        self.assertEqual(run.code, 2)
        self.assertEqual(run.err, "dbcurl: option --no-such-option: is unknown\n"
                         "dbcurl: try 'dbcurl --help' or 'dbcurl --manual' for more information\n")

    def test_curl_symlink_speaks_as_curl(self):
        link = self.curl_symlink()
        unknown = self.sandbox.run(["--no-such-option"], program=link)
        self.assertEqual(unknown.code, 2)
        self.assertEqual(unknown.err, "curl: option --no-such-option: is unknown\n"
                         "curl: try 'curl --help' or 'curl --manual' for more information\n")
        refused = self.sandbox.run(["-sS", "http://127.0.0.1:1/"], program=link)
        self.assertEqual(refused.code, 7)
        self.assertRegex(refused.err, r"^curl: \(7\) ")
        self.assertTrue(self.sandbox.run(["--help"], program=link).out.startswith("Usage: curl [options...] <url>\n"))

    def test_curl_symlink_help_is_curls_and_still_finds_the_databricks_options(self):
        # curl tests 1461 and 1462 compare these outputs byte for byte.
        link = self.curl_symlink()
        for args in (["--help"], ["--help", "category"], ["--help", "no-such-category"]):
            with self.subTest(args=args):
                mine, theirs = self.sandbox.run(args, program=link), self.curl(*args)
                self.assertEqual((mine.code, mine.out), (theirs.code, theirs.out))
        for args in (["--help", "databricks"], ["--help", "all"]):
            with self.subTest(args=args):
                listed = self.sandbox.run(args, program=link).out
                self.assertIn("     --profile <name>", listed)
                self.assertIn("     --explain", listed)

    def test_version_banner_still_names_dbcurl(self):
        link = self.curl_symlink()
        self.assertRegex(self.sandbox.run(["--version"], program=link).out, r"^dbcurl \d+\.\d+\.\d+ libcurl/7\.\d+\.\d+\ncurl 7\.")
