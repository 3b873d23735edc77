"""Work libcurl does while an easy handle is cleaned up: saving a cookie jar,
an HSTS or alt-svc cache, unlinking the -F mime structure. It calls the debug
callback from curl_easy_cleanup, so with -v and --trace every such option must
find the trace writer and the error buffer still alive (issue 12 item 5, one
owner per transfer). Each case runs with dbcurl and with curl: same exit code,
no signal, the same cleanup-time warning in the trace. Run it on the ASan build
too (DBCURL_BIN=build-asan/dbcurl) to prove there is no use after free."""

import os
import re
import unittest

from fake_workspace import Workspace
from harness import SandboxTest

# What libcurl says through the debug callback while it cleans up.
CLEANUP_LINE = re.compile(r"WARNING: failed to save cookies in [^\n:]*")
SANITIZER = re.compile(r"AddressSanitizer|LeakSanitizer|runtime error:")

# Options whose work happens at cleanup; {dir} is a writable directory,
# /nonexistent-dir is not.
CLEANUP_OPTIONS = [
    ["-c", "/nonexistent-dir/jar"],
    ["-c", "{dir}/jar"],
    ["-b", "{dir}/missing-file", "-c", "{dir}/jar"],
    ["--hsts", "{dir}/hsts.txt"],
    ["--hsts", "/nonexistent-dir/hsts.txt"],
    ["--alt-svc", "{dir}/altsvc.txt"],
    ["--alt-svc", "/nonexistent-dir/altsvc.txt"],
    ["-F", "name=value", "-c", "/nonexistent-dir/jar"],
]

TRACES = [["-v"], ["--trace", "{dir}/trace.bin"], ["--trace-ascii", "{dir}/trace.txt"], ["--trace-ascii", "-"]]


class CleanupWithTrace(SandboxTest):
    @classmethod
    def setUpClass(cls):
        cls.server = Workspace()
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def run_both(self, args):
        """Runs args with dbcurl and curl, each in its own directory; returns both runs and traces."""
        results = []
        for program in (None, "curl"):
            directory = os.path.join(self.sandbox.home, "curl" if program else "dbcurl")
            os.makedirs(directory, exist_ok=True)
            words = [word.replace("{dir}", directory) for word in args]
            run = self.sandbox.run(words, program=program, env={"CURL_CA_BUNDLE": self.server.cafile}, timeout=60)
            trace = run.err
            for name in ("trace.txt", "trace.bin"):
                path = os.path.join(directory, name)
                if os.path.exists(path):
                    with open(path, "rb") as handle:
                        trace += handle.read().decode("utf-8", "replace")
            if "-" in args:
                trace += run.out
            results.append((run, trace.replace(directory, "{dir}")))
        return results

    def check(self, args):
        (mine, mine_trace), (theirs, theirs_trace) = self.run_both(args)
        self.assertGreaterEqual(mine.code, 0, f"dbcurl died of signal {-mine.code}\n{mine.err[-2000:]}")
        self.assertNotRegex(mine.err, SANITIZER)
        self.assertEqual(mine.code, theirs.code, f"exit code\n--- dbcurl:\n{mine.err[-2000:]}\n--- curl:\n{theirs.err}")
        self.assertEqual(CLEANUP_LINE.findall(mine_trace), CLEANUP_LINE.findall(theirs_trace),
                         "the cleanup-time warning")

    def test_serial(self):
        urls = {"refused": "http://127.0.0.1:9/", "served": self.server.origin + "/headers"}
        for trace in TRACES:
            for options in CLEANUP_OPTIONS:
                for kind, url in urls.items():
                    with self.subTest(trace=trace, options=options, url=kind):
                        self.check(["-s"] + trace + options + [url])

    def test_the_reported_crash_has_curls_exit_code(self):
        (mine, _), (theirs, _) = self.run_both(["-v", "-c", "/nonexistent-dir/jar", "http://127.0.0.1:9/"])
        self.assertEqual(theirs.code, 7)
        self.assertEqual(mine.code, 7, mine.err[-2000:])
        self.assertIn("failed to save cookies in /nonexistent-dir/jar", mine.err)

    def test_repeated_cookie_jar_trace(self):
        # Intermittent before (the freed trace writer was sometimes still intact): many runs.
        args = ["-s", "-b", "{dir}/missing-file", "-c", "{dir}/jar", "--trace-ascii", "{dir}/trace.txt",
                self.server.origin + "/headers"]
        for _ in range(10):
            self.check(args)

    def test_retries(self):
        url = self.server.origin + "/status/503"
        for trace in TRACES[:2]:
            with self.subTest(trace=trace):
                self.check(["-s", "--retry", "1", "--retry-delay", "1", "-c", "/nonexistent-dir/jar"] + trace + [url])

    def test_parallel(self):
        for trace in TRACES[::2]:
            for options in CLEANUP_OPTIONS:
                with self.subTest(trace=trace, options=options):
                    self.check(["-s", "-Z"] + trace + options +
                               [self.server.origin + "/headers", "http://127.0.0.1:9/", self.server.origin + "/echo"])


if __name__ == "__main__":
    unittest.main()
