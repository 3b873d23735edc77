"""Everything dbcurl reads has a limit and a clear one-line error past it
(issue 12 item 9): -K /dev/zero grew without bound. The limits are in
src/common/files.hpp and docs/differences.md."""

import os
import subprocess
import tempfile
import time

from harness import DBCURL, SandboxTest

CONFIG_LINE_LIMIT = 102398  # curl 7.88's longest -K line
CONFIG_FILE_LIMIT = 64 << 20
# Peak memory allowed for a run that meets a limit: far below what reading
# without one takes, above a sanitizer build's own footprint.
PEAK_RSS_LIMIT_KB = 400 * 1024


def run_measured(args, env, stdin_path=os.devnull, new_session=False):
    """(exit code, stderr, peak RSS in KB) of one dbcurl run, its memory from wait4."""
    with open(stdin_path, "rb") as stdin, tempfile.TemporaryFile() as err:
        child = subprocess.Popen([DBCURL] + args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=err, env=env,
                                 start_new_session=new_session)
        deadline = time.monotonic() + 120  # a guard against hanging the suite, not a measurement
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        while pid == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid == 0:
            child.kill()
            child.wait()
            raise AssertionError(f"dbcurl {args} did not end: it reads without a limit")
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait again
        err.seek(0)
        return child.returncode, err.read().decode("utf-8", "replace"), usage.ru_maxrss


class InputLimits(SandboxTest):
    def test_config_from_dev_zero_stops_at_the_line_limit(self):
        code, err, peak = run_measured(["-K", "/dev/zero", "http://127.0.0.1:9/"], self.sandbox.env)
        self.assertEqual(code, 26, err)
        self.assertEqual(err.splitlines()[0],
                         f"dbcurl: config file /dev/zero: a line longer than {CONFIG_LINE_LIMIT} bytes")
        self.assertLess(peak, PEAK_RSS_LIMIT_KB)

    def test_config_lines_as_long_as_curl_reads(self):
        # curl 7.88 reads a 102398-byte line and refuses a 102399-byte one; so does dbcurl.
        for length, code in ((CONFIG_LINE_LIMIT, 7), (CONFIG_LINE_LIMIT + 1, 26)):
            with self.subTest(length=length):
                path = self.sandbox.write("long.cfg", "#" + "x" * (length - 1) + "\n")
                mine = self.dbcurl("-K", path, "http://127.0.0.1:9/")
                theirs = self.curl("-K", path, "http://127.0.0.1:9/")
                self.assertEqual((mine.code, theirs.code), (code, code), mine.err)

    def test_endless_config_on_stdin_stops_at_the_file_limit(self):
        path = self.sandbox.write("lines.cfg", "#\n" * (CONFIG_FILE_LIMIT // 2 + 1))
        code, err, peak = run_measured(["-K", "-", "http://127.0.0.1:9/"], self.sandbox.env, stdin_path=path)
        self.assertEqual(code, 26, err)
        self.assertEqual(err.splitlines()[0], f"dbcurl: config file -: larger than {CONFIG_FILE_LIMIT} bytes")
        self.assertLess(peak, PEAK_RSS_LIMIT_KB)

    def test_default_curlrc_has_the_same_limits(self):
        self.sandbox.write(".curlrc", "x" * (CONFIG_LINE_LIMIT + 1))
        run = self.dbcurl("http://127.0.0.1:9/")
        self.assertEqual(run.code, 26, run.err)
        self.assertIn(f"config file {self.sandbox.path('.curlrc')}: a line longer than", run.err)

    def test_password_prompt_reads_at_most_curls_buffer(self):
        # No terminal (own session) and a standard input without a line break: curl reads
        # one buffer's worth and goes on; so does dbcurl, instead of reading forever.
        code, err, peak = run_measured(["-u", "user", "http://127.0.0.1:9/"], self.sandbox.env, stdin_path="/dev/zero",
                                       new_session=True)
        self.assertEqual(code, 7, err)
        self.assertLess(peak, PEAK_RSS_LIMIT_KB)
