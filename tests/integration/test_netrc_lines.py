"""netrc lines as libcurl 7.88 reads them: it drops a line longer than its
4096-byte fgets() buffer holds (4094 bytes and the line break), and dbcurl's
own parser, which decides where a netrc token goes, must agree. Compared with
the system curl's -n against a local server; and a netrc past dbcurl's 1 MiB
read limit is said, never silently skipped."""

import base64

from harness import CANARY, CURL, WRONG_TOKEN
from integration.test_main_job import CLUSTERS, WorkspaceTest

LIBCURL_LINE = 4094  # bytes before the '\n' that libcurl 7.88 still reads
NETRC_BASIC = "Basic " + base64.b64encode(f"token:{CANARY}".encode()).decode()


def entry_line(size, end="\n"):
    """A 'machine 127.0.0.1 login token password CANARY' line of size bytes (its end not counted)."""
    line = f"machine 127.0.0.1 login token password {CANARY} #"
    return line + "x" * (size - len(line)) + end


class NetrcLinesLikeLibcurl(WorkspaceTest):
    def authorization(self, program, netrc_text):
        """The Authorization header program sent with -n --netrc-file holding netrc_text."""
        path = self.sandbox.write("netrc", netrc_text)
        self.workspace.clear()
        run = self.sandbox.run(["-s", "-o", "/dev/null", "-n", "--netrc-file", path, self.workspace.origin + CLUSTERS],
                               program=program)
        self.assertEqual(run.code, 0, run.err)
        self.assertNoCanary(run.stdout, run.stderr)
        return self.only_request().header("Authorization")

    def test_lines_just_under_and_over_libcurls_buffer(self):
        # A workspace request: dbcurl picks the netrc entry itself, else its resolved (wrong) token.
        self.use_environment(WRONG_TOKEN)
        cases = {
            "4094 bytes": (entry_line(LIBCURL_LINE), True),
            "4095 bytes": (entry_line(LIBCURL_LINE + 1), False),
            "4093 bytes and CR": (entry_line(LIBCURL_LINE - 1, "\r\n"), True),
            "4094 bytes and CR": (entry_line(LIBCURL_LINE, "\r\n"), False),
            "last line, 4094 bytes": (entry_line(LIBCURL_LINE, ""), True),
            "last line, 4095 bytes": (entry_line(LIBCURL_LINE + 1, ""), False),
            "10000 bytes": (entry_line(10000), False),
        }
        self.assert_read_as_libcurl_reads_it(cases)

    def assert_read_as_libcurl_reads_it(self, cases):
        """cases: name -> (netrc text, whether libcurl takes its entry). The
        system curl shows libcurl's answer; dbcurl sends the entry's credentials
        exactly then, else its own token."""
        for name, (text, read) in cases.items():
            with self.subTest(name):
                by_curl = self.authorization(CURL, text)
                self.assertEqual(by_curl == NETRC_BASIC, read, by_curl)
                by_dbcurl = self.authorization(None, text)
                self.assertEqual(by_dbcurl, NETRC_BASIC if read else f"Bearer {WRONG_TOKEN}")

    def test_a_macdef_body_ends_where_libcurls_does(self):
        self.use_environment(WRONG_TOKEN)
        entry = f"machine 127.0.0.1 login token password {CANARY}\n"
        cases = {"an empty line ends it": ("macdef init\ncd /\n\n" + entry, True),
                 "a line of blanks does not": ("macdef init\ncd /\n  \t\n" + entry, False)}
        self.assert_read_as_libcurl_reads_it(cases)

    def test_a_long_line_names_no_host(self):
        # Rule 4: a netrc 'login token' entry names its host, only where libcurl reads the line.
        self.sandbox.write(".netrc", entry_line(LIBCURL_LINE + 1))
        run = self.dbcurl(self.workspace.origin + CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        self.assertIsNone(self.only_request().header("Authorization"))
        self.assertNoCanary(run.stdout, run.stderr)


class NetrcPastTheReadLimit(WorkspaceTest):
    def write_large_netrc(self):
        return self.sandbox.write(".netrc", entry_line(100) + ("#" + "x" * 99 + "\n") * (1 << 14))

    def test_a_full_url_says_it_is_skipped(self):
        path = self.write_large_netrc()
        run = self.dbcurl(self.workspace.origin + CLUSTERS)
        self.assertEqual(run.code, 0, run.err)
        warning = "".join(line[len("Warning: "):] for line in run.err.splitlines() if line.startswith("Warning: "))
        self.assertEqual(warning, f"{path}: larger than 1048576 bytes; requests to the hosts it may name go out "
                                  "without Databricks credentials")
        self.assertIsNone(self.only_request().header("Authorization"))

    def test_n_on_a_workspace_request_is_refused(self):
        path = self.write_large_netrc()
        self.use_environment(WRONG_TOKEN)
        run = self.dbcurl("-n", CLUSTERS)
        self.assertEqual(run.code, 102, run.err)
        self.assertEqual(run.err, f"dbcurl: {path}: larger than 1048576 bytes\n")
        self.assertEqual(self.workspace.requests, [])
