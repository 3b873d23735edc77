"""Output files as curl 7.88 handles them where the differential corpus cannot
compare (issue 14): --retry against a server that fails once (its state would
differ between the two runs), directories --create-dirs makes (modes, and made
before the transfer), -D across parallel transfers. Each case runs with dbcurl
and with the system curl and compares."""

import os
import re
import stat
import subprocess

from fake_workspace import Workspace
from harness import CURL, DBCURL, SandboxTest

PROGRESS = re.compile(r"^.*(% Total|Dload|\r).*\n?", re.M)


def messages(text):
    """stderr without the progress meter, with one program name."""
    text = re.sub(r"\r[^\n]*", "", text)
    text = PROGRESS.sub("", text)
    return re.sub(r"^(db)?curl: ", "PROG: ", text, flags=re.M)


class OutputLikeCurl(SandboxTest):
    @classmethod
    def setUpClass(cls):
        cls.server = Workspace(tls=False)
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def both(self, args, prepare=None):
        """(run, directory) for dbcurl then curl; {dir} is each one's own directory, {id} a fresh id."""
        results = []
        for program in (None, "curl"):
            name = "curl" if program else "dbcurl"
            directory = os.path.join(self.sandbox.home, name)
            os.makedirs(directory, exist_ok=True)
            if prepare:
                prepare(directory)
            words = [w.replace("{dir}", directory).replace("{id}", f"{self.id()}-{name}") for w in args]
            results.append((self.sandbox.run(words, program=program), directory))
        return results

    def read(self, directory, name):
        with open(os.path.join(directory, name), "rb") as handle:
            return handle.read()

    def test_etag_compare_dash_is_a_file_named_dash_not_standard_input(self):
        with open(os.path.join(self.sandbox.home, "-"), "w") as handle:
            handle.write('"from-the-file"\n')
        for program in (None, "curl"):
            with self.subTest(program=program or "dbcurl"):
                self.server.clear()
                run = self.sandbox.run(["-s", "--etag-compare", "-", self.server.origin + "/echo"], program=program,
                                       stdin=b'"from-stdin"\n')
                self.assertEqual(run.code, 0, run.err)
                self.assertEqual([r.header("If-None-Match") for r in self.server.requests], ['"from-the-file"'])

    def test_retry_keeps_the_headers_of_a_failed_attempt_with_no_body(self):
        url = self.server.origin + "/flaky/429?id={id}"
        (mine, mine_dir), (theirs, theirs_dir) = self.both(["-s", "-i", "--retry", "1", "-o", "{dir}/out", url])
        self.assertEqual((mine.code, theirs.code), (0, 0))
        self.assertIn(b"429 Too Many Requests", self.read(theirs_dir, "out"))
        self.assertEqual(self.read(mine_dir, "out"), self.read(theirs_dir, "out"))

    def test_retry_to_stdout_keeps_everything(self):
        url = self.server.origin + "/flaky/503?id={id}"
        (mine, _), (theirs, _) = self.both(["-s", "-i", "--retry", "1", url])
        self.assertEqual(mine.code, theirs.code)
        self.assertEqual(mine.stdout, theirs.stdout)

    def test_retry_throws_away_the_body_it_wrote(self):
        url = self.server.origin + "/status/503"
        for silent in ([], ["-s"]):
            with self.subTest(silent=silent):
                (mine, mine_dir), (theirs, theirs_dir) = self.both(
                    silent + ["--retry", "1", "--retry-delay", "1", "-o", "{dir}/out", url])
                self.assertEqual(mine.code, theirs.code)
                self.assertEqual(self.read(mine_dir, "out"), self.read(theirs_dir, "out"))
                self.assertEqual("Throwing away 11 bytes" in theirs.err, not silent)
                self.assertEqual(messages(mine.err), messages(theirs.err))

    def test_retry_cuts_a_resumed_file_back_to_the_offset(self):
        url = self.server.origin + "/status/503"

        def existing(directory):
            with open(os.path.join(directory, "out"), "wb") as handle:
                handle.write(b"0123456789")

        # The server ignores the range: libcurl fails the transfer (33), which is retried with --retry-all-errors.
        (mine, mine_dir), (theirs, theirs_dir) = self.both(
            ["-s", "-C", "4", "--retry", "1", "--retry-all-errors", "-o", "{dir}/out", url], prepare=existing)
        self.assertEqual(mine.code, theirs.code)
        self.assertEqual(self.read(mine_dir, "out"), self.read(theirs_dir, "out"))
        self.assertEqual(self.read(mine_dir, "out"), b"0123456789")

    def test_create_dirs_makes_0750_directories_before_the_transfer(self):
        (mine, mine_dir), (theirs, theirs_dir) = self.both(
            ["-s", "--create-dirs", "-o", "{dir}/a/b/file", "http://127.0.0.1:9/"])
        self.assertEqual((mine.code, theirs.code), (7, 7))
        for directory in (mine_dir, theirs_dir):
            for sub in ("a", "a/b"):
                mode = stat.S_IMODE(os.stat(os.path.join(directory, sub)).st_mode)
                self.assertEqual(oct(mode), oct(0o750 & ~self.umask()), f"{directory}/{sub}")
            self.assertFalse(os.path.exists(os.path.join(directory, "a/b/file")))

    def test_create_dirs_failure_is_curls_write_error(self):
        def blocker(directory):
            open(os.path.join(directory, "blocker"), "w").close()

        (mine, _), (theirs, _) = self.both(
            ["-sS", "--create-dirs", "-o", "{dir}/blocker/sub/file", "-w", "%{http_code}\n",
             self.server.origin + "/echo"], prepare=blocker)
        self.assertEqual((mine.code, theirs.code), (23, 23))
        self.assertEqual(mine.stdout, theirs.stdout)
        mine_err = mine.err.replace(os.path.join(self.sandbox.home, "dbcurl"), "{dir}")
        theirs_err = theirs.err.replace(os.path.join(self.sandbox.home, "curl"), "{dir}")
        self.assertEqual(messages(mine_err), messages(theirs_err))

    def test_an_output_that_cannot_be_written_is_curls_write_error(self):
        (mine, _), (theirs, _) = self.both(["-sS", "-o", "/dev/full", self.server.origin + "/echo"])
        self.assertEqual((mine.code, theirs.code), (23, 23))
        self.assertEqual(messages(mine.err), messages(theirs.err))
        self.assertIn("(23) Failed writing body", mine.err)

    def test_a_reader_that_went_away_is_curls_write_error_not_a_signal(self):
        codes = []
        for program in (DBCURL, CURL):
            read_end, write_end = os.pipe()
            os.close(read_end)
            try:
                completed = subprocess.run([program, "-s", self.server.origin + "/echo"], stdout=write_end,
                                           stderr=subprocess.DEVNULL, env=self.sandbox.env, timeout=60)
            finally:
                os.close(write_end)
            codes.append(completed.returncode)
        self.assertEqual(codes, [23, 23])

    def test_a_set_up_failure_stops_the_later_transfers(self):
        # curl sets a transfer up after the one before ran; a file it cannot
        # open or make ends the run there, with that transfer's exit code.
        def blocker(directory):
            open(os.path.join(directory, "blocker"), "w").close()

        url = self.server.origin + "/echo"
        cases = {
            "--create-dirs": ["--create-dirs", "-o", "{dir}/blocker/sub/2"],
            "-C": ["-C", "3", "-o", "{dir}/blocker/2"],
            "-T": ["-T", "{dir}/missing"],
        }
        for option, second in cases.items():
            with self.subTest(option=option):
                (mine, mine_dir), (theirs, theirs_dir) = self.both(
                    ["-sS", "-o", "{dir}/1", url, "--next"] + second + [url, "--next", "-o", "{dir}/3", url],
                    prepare=blocker)
                self.assertIn(theirs.code, (23, 26))
                self.assertEqual(mine.code, theirs.code)
                for directory in (mine_dir, theirs_dir):
                    self.assertEqual(sorted(os.listdir(directory)), ["1", "blocker"])
                    os.remove(os.path.join(directory, "1"))

    def test_upload_to_a_url_libcurl_rejects_is_error_3_before_the_file(self):
        # curl reads a -T URL with libcurl's URL API before it opens the file (curl test 1469).
        url = self.server.origin + "/echo"
        (mine, mine_dir), (theirs, theirs_dir) = self.both(
            ["-sS", "-o", "{dir}/1", url, "--next", "-T", "{dir}/missing", self.server.origin + "/with space/",
             "--next", "-o", "{dir}/3", url])
        self.assertEqual(theirs.code, 3)
        self.assertEqual(mine.code, theirs.code)
        self.assertEqual(messages(mine.err), messages(theirs.err))
        for directory in (mine_dir, theirs_dir):
            self.assertEqual(sorted(os.listdir(directory)), ["1"])

    def test_a_dump_header_file_it_cannot_open_stops_the_run(self):
        # curl 7.88 crashes here (fclose(NULL)); its code means a write error that ends the run.
        directory = self.sandbox.home
        open(os.path.join(directory, "blocker"), "w").close()
        url = self.server.origin + "/echo"
        run = self.sandbox.run(["--no-progress-meter", "-o", f"{directory}/1", url, "--next", "-D", f"{directory}/blocker/h", "-o",
                                f"{directory}/2", url, "--next", "-o", f"{directory}/3", url])
        self.assertEqual(run.code, 23)
        self.assertIn("Failed to open", run.err)
        self.assertTrue(os.path.exists(os.path.join(directory, "1")))
        self.assertFalse(os.path.exists(os.path.join(directory, "2")))
        self.assertFalse(os.path.exists(os.path.join(directory, "3")))

    def test_dump_header_keeps_every_parallel_transfer(self):
        (mine, mine_dir), (theirs, theirs_dir) = self.both(
            ["-s", "-Z", "-D", "{dir}/h.out", "-o", "{dir}/a", "-o", "{dir}/b",
             self.server.origin + "/echo", self.server.origin + "/headers"])
        self.assertEqual((mine.code, theirs.code), (0, 0))
        for directory in (mine_dir, theirs_dir):
            self.assertEqual(self.read(directory, "h.out").count(b"HTTP/1.1 200 OK"), 2)

    @staticmethod
    def umask():
        mask = os.umask(0)
        os.umask(mask)
        return mask
