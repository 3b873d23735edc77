"""Runs each line of corpus.txt with dbcurl and with the system curl against
the same servers and compares exit code, stdout, files written and the
requests received (for plain requests dbcurl is curl, byte for byte: docs/differences.md)."""

import dataclasses
import os
import re
import shlex
import tempfile
import unittest

from fake_workspace import Workspace
from harness import CANARY, Sandbox

CORPUS = os.path.join(os.path.dirname(__file__), "corpus.txt")
# DBCURL_DIFF_SHARD=i/N: this run takes lines i, i+N, i+2N ... (ctest runs the shards side by side).
SHARD = os.environ.get("DBCURL_DIFF_SHARD", "0/1")
# DBCURL_DIFF_TRACED=1: each line runs with -v and --trace-ascii added (the sanitizer build's mode, see compare).
TRACED = os.environ.get("DBCURL_DIFF_TRACED") == "1"
TRACE_ARGS = ["-v", "--trace-ascii", "{tmp}/added-trace.txt"]
SANITIZER_REPORT = re.compile(rb"ERROR: (Address|Leak)Sanitizer|runtime error:")
PLACEHOLDER = "<personal-access-token>"
PARALLEL = re.compile(r"(^|\s)(-[a-zA-Z#:]*Z|--parallel)")
AGENT = re.compile(rb"dbcurl/\d+\.\d+\.\d+ curl/(\d+\.\d+\.\d+) auth/\w+")

# Timings in libcurl's error texts, which reach stdout (-w '%{errormsg}', --stderr -)
# and files as well as stderr: masked the same way in every stream compared.
TIMING_RULES = [
    (re.compile(rb"after \d+ ms"), b"after N ms"),
    (re.compile(rb"Operation timed out after \d+ milliseconds with \d+ (out of \d+ )?bytes received"),
     b"Operation timed out after N milliseconds"),
]

# What legitimately differs between two runs of the same command on stderr:
# the program's name in its messages, progress-meter figures, timings, ports,
# TLS session details, and dbcurl's redaction of Authorization values.
STDERR_RULES = TIMING_RULES + [
    (re.compile(rb"try '(db)?curl --help' or '(db)?curl --manual'"), b"try 'PROG --help' or 'PROG --manual'"),
    # -# frames before the last (how many, and which, depends on timing); the first has no \r before it.
    (re.compile(rb"(?:^|\r)[-#=O ]*(?:[0-9.]+%)?(?=\r)", re.M), b""),
    (re.compile(rb"\r[-0-9 :%.kMGT]*"), b""),  # progress-meter updates (curl may print a message right after one)
    (re.compile(rb"^DL% UL% .*\n", re.M), b""),  # curl's -Z meter (its header even under -s)
    (re.compile(rb"^\n", re.M), b""),  # what is left of a meter line once its updates are gone
    (re.compile(rb"^(dbcurl|curl): ", re.M), b"PROG: "),
    (re.compile(rb"^ *(% Total|Dload|[0-9]{1,3} +[0-9.]+[kMG]?) .*\n", re.M), b""),
    (re.compile(rb"port \d+"), b"port N"),
    (re.compile(rb":\d{4,5}"), b":PORT"),
    (re.compile(rb"^(\*|== Info:) +(start date|expire date|old SSL session ID|SSL re-using|TLSv1\.3 \(IN\), TLS handshake, Newsession).*\n", re.M), b""),
    (re.compile(rb"(Authorization: \w+ )\S+"), rb"\1CREDENTIAL"),
    (re.compile(rb"\[\d+ bytes data\]"), b"[N bytes data]"),
    (re.compile(rb"0x[0-9a-f]{6,}"), b"0xPOINTER"),  # connection addresses in libcurl's -v text
]


# Where dbcurl's own messages land on stdout or in files (--stderr), its name differs by design.
PROGRAM_NAME = re.compile(rb"^dbcurl: ", re.M)
# Expiry times libcurl writes into --hsts and --alt-svc caches: seconds apart between two runs.
CACHE_EXPIRY = re.compile(rb'"\d{8} \d\d:\d\d:\d\d"')


def normalized(data, rules):
    for pattern, replacement in rules:
        data = pattern.sub(replacement, data)
    return data


def normalized_stderr(data):
    return normalized(data, STDERR_RULES)


def corpus_lines():
    with open(CORPUS) as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield number, line


def prepare_files(directory):
    files = {
        "data.txt": "line one\r\nline two\r\n",
        "body.json": '{\n  "name": "x"\n}\n',
        "format.txt": "code=%{http_code} type=%{content_type}\\n",
        "headers.txt": "X-From-File: 1\r\n\r\nX-Second: 2\n",
        "netrc": "machine 127.0.0.1 login alice password pw\n",
        "upload.txt": "uploaded body\n",
        "config.txt": "# a -K file\n  silent\nheader = \"X-From-Config: a b\\tc\"\nuser-agent from-config\n"
                      "unknown-option\ndata: \"k=v\"\n",
        # -K files with curl's warnings: bad values, separators, comments, values too many or missing
        "values.txt": "retry = -1\nlimit-rate 5x\nuser-agent from-values\nfail-with-body\nfail\n",
        "separators.txt": "-m=2\n--retry=4\nretry::= 0\ngloboff yes\nuser-agent two words\n/ a comment\n"
                          "* a comment\nconnect-timeout\nheader\t\v\"X-Sep: 1\"\n",
        "cookies.txt": "127.0.0.1\tFALSE\t/\tFALSE\t0\tfromfile\tyes\n",
        "etag.txt": '"v1"\n',  # the ETag of /etag
        # text as curl's file2string reads it (-w @file, -d @file, --etag-compare): line breaks dropped, a CR or
        # NUL ends its 255-byte fgets() piece
        "lines.txt": "A\n%{http_code}\nB\r\nC\rnot kept\nnul\0not kept\n" + "x" * 300 + "\ry" + "z" * 300 + "\nend",
        # a -K file naming files that cannot be read: curl warns and reads on
        "nested.txt": "config = missing.txt\n-K missing.txt\nheader = @.\nuser-agent from-nested\n",
    }
    for name, text in files.items():
        path = os.path.join(directory, name)
        with open(path, "w", newline="") as handle:
            handle.write(text)
        os.chmod(path, 0o600)


def snapshot(directory):
    result = {}
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                result[name] = handle.read()
    return result


BOUNDARY = re.compile(r"boundary=([-\w]+)")


def boundaries(requests):
    """The multipart boundaries of the requests: random, so replaced before comparing."""
    found = []
    for request in requests:
        match = BOUNDARY.search(request.header("Content-Type") or "")
        if match:
            found.append(match.group(1).encode())
    return found


def without_boundaries(data, found):
    for boundary in found:
        data = data.replace(boundary, b"BOUNDARY")
    return data


def request_summary(request, ignore_agent):
    found = boundaries([request])
    headers = sorted((name.lower(), without_boundaries(value.encode(), found)) for name, value in request.headers
                     if not (ignore_agent and name.lower() == "user-agent"))
    return (request.method, request.target, request.version, tuple(headers), without_boundaries(request.body, found))


class CorpusRunner:
    """Runs corpus lines with both programs against one pair of servers (a mixin: no tests of its own)."""

    @classmethod
    def setUpClass(cls):
        cls.tls = Workspace(token=CANARY)
        cls.plain = Workspace(token=CANARY, tls=False)
        cls.tls.start()
        cls.plain.start()

    @classmethod
    def tearDownClass(cls):
        cls.tls.stop()
        cls.plain.stop()

    def substitute(self, words, tmp):
        values = {"{origin}": self.tls.origin, "{http}": self.plain.origin, "{port}": str(self.tls.port),
                  "{tmp}": tmp, "{token}": CANARY, "{e9}": os.fsdecode(b"\xe9")}
        out = []
        for word in words:
            for key, value in values.items():
                word = word.replace(key, value)
            out.append(word)
        return out

    def run_one(self, sandbox, args, program, env):
        tmp = tempfile.mkdtemp(dir=sandbox.home)
        prepare_files(tmp)
        before = snapshot(tmp)
        self.tls.clear()
        self.plain.clear()
        run = sandbox.run(self.substitute(args, tmp), program=program, env=env)
        written = {name: data for name, data in snapshot(tmp).items() if before.get(name) != data}
        requests = list(self.tls.requests) + list(self.plain.requests)
        stdout = without_boundaries(run.stdout.replace(tmp.encode(), b"{tmp}"), boundaries(requests))
        stdout = normalized(PROGRAM_NAME.sub(b"curl: ", stdout), TIMING_RULES)
        run = dataclasses.replace(run, stderr=run.stderr.replace(tmp.encode(), b"{tmp}"))
        written = {name: normalized(CACHE_EXPIRY.sub(b'"<expiry>"', PROGRAM_NAME.sub(b"curl: ", data)), TIMING_RULES)
                   for name, data in written.items()}
        return run, stdout, written, requests

    def compare(self, line, locale=None, traced=False):
        """locale: environment variables that select the locale; C.UTF-8 when None.

        traced: both programs also get -v and --trace-ascii FILE. libcurl calls the
        debug callback until curl_easy_cleanup, so under a sanitizer a use-after-free
        at teardown shows here; trace text differs by design (timestamps, redaction),
        so stderr and files are not compared, but no sanitizer report may appear."""
        # "  # intended: why" marks a documented difference in stderr and files (docs/differences.md).
        intended = "  # intended:" in line
        line = line.split("  # intended:")[0]
        workspace = line.startswith("ws:")
        args = shlex.split(line[3:] if workspace else line)
        sandbox = Sandbox()
        self.addCleanup(sandbox.cleanup)
        sandbox.env["CURL_CA_BUNDLE"] = self.tls.cafile
        sandbox.env.update(locale or {"LC_ALL": "C.UTF-8"})  # a user's usual locale; IDN host names need one
        dbcurl_env, curl_args = {}, args
        if workspace:
            dbcurl_env = {"DATABRICKS_HOST": self.tls.origin, "DATABRICKS_TOKEN": CANARY}
            # dbcurl puts the token in place of a <personal-access-token> placeholder; curl is given it there.
            curl_args = ["{origin}" + a if a.startswith("/api/") else a.replace(PLACEHOLDER, "{token}") for a in args]
            if not any(PLACEHOLDER in a for a in args):
                curl_args += ["-H", "Authorization: Bearer {token}"]
        if traced:
            at = 1 if args[:1] in (["-q"], ["--disable"]) else 0  # -q only counts first; "--" may end the options
            args, curl_args = (words[:at] + TRACE_ARGS + words[at:] for words in (args, curl_args))
        mine = self.run_one(sandbox, args, None, dbcurl_env)
        theirs = self.run_one(sandbox, curl_args, "curl", {})
        (run, stdout, written, requests), (ref, ref_stdout, ref_written, ref_requests) = mine, theirs
        if workspace:
            stdout = AGENT.sub(rb"curl/\1", stdout)
        self.assertNotRegex(run.stderr, SANITIZER_REPORT)
        self.assertEqual(run.code, ref.code, f"exit code\n--- dbcurl stderr:\n{run.err}\n--- curl stderr:\n{ref.err}")
        if not (traced and "--stderr" in line):  # there -v's text goes to stdout
            self.assertEqual(stdout, ref_stdout, "stdout")
        if not workspace and not intended and not traced:
            self.assertEqual(normalized_stderr(run.stderr), normalized_stderr(ref.stderr), "stderr")
        if not intended and not traced:
            self.assertEqual(written, ref_written, "files written")
        mine_received = [request_summary(r, workspace) for r in requests]
        theirs_received = [request_summary(r, workspace) for r in ref_requests]
        if PARALLEL.search(line):  # parallel transfers arrive in any order
            mine_received, theirs_received = sorted(mine_received), sorted(theirs_received)
        self.assertEqual(mine_received, theirs_received, "requests received")
        if workspace:
            self.assertNotIn(CANARY, run.err)


class Differential(CorpusRunner, unittest.TestCase):
    def test_corpus(self):
        lines = list(corpus_lines())
        self.assertGreaterEqual(len(lines), 40)
        index, count = (int(part) for part in SHARD.split("/"))
        for number, line in lines[index::count]:
            with self.subTest(line=number, command=line):
                self.compare(line, traced=TRACED)


if __name__ == "__main__":
    unittest.main()
