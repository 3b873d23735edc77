"""Shared helpers for the integration and differential tests.

Every run gets its own HOME (no user's ~/.databrickscfg, ~/.netrc or ~/.curlrc
leaks in) and an environment without Databricks or curl variables, unless a
test sets them.
"""

import os
import re
import shutil
import subprocess
import tempfile
import unittest
from dataclasses import dataclass

DBCURL = os.environ.get("DBCURL_BIN") or os.path.join(os.path.dirname(__file__), "..", "build", "dbcurl")
CURL = shutil.which("curl") or "/usr/bin/curl"

# A valid-looking PAT that must never appear in anything dbcurl writes.
CANARY = "dapi5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e"
WRONG_TOKEN = "dapi00000000000000000000000000000000"

# The sanitizer settings, so that tests of the ASan build see its suppressions.
_KEPT_VARIABLES = ("PATH", "LANG", "LC_ALL", "TZ", "ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS")


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self):
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self):
        return self.stderr.decode("utf-8", "replace")


class Sandbox:
    """A throwaway HOME plus the environment a command runs with."""

    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="dbcurl-home-")
        self.env = {name: os.environ[name] for name in _KEPT_VARIABLES if name in os.environ}
        self.env["HOME"] = self.home
        self.env["XDG_CONFIG_HOME"] = os.path.join(self.home, ".config")
        self.env["XDG_CACHE_HOME"] = os.path.join(self.home, ".cache")

    def cleanup(self):
        shutil.rmtree(self.home, ignore_errors=True)

    def path(self, relative):
        return os.path.join(self.home, relative)

    def write(self, relative, text, mode=0o600):
        target = self.path(relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w") as handle:
            handle.write(text)
        os.chmod(target, mode)
        return target

    def run(self, args, program=None, env=None, stdin=b"", timeout=60, cwd=None):
        full_env = dict(self.env)
        full_env.update(env or {})
        completed = subprocess.run([program or DBCURL] + list(args), input=stdin, capture_output=True,
                                   env=full_env, timeout=timeout, cwd=cwd or self.home)
        return Run(completed.returncode, completed.stdout, completed.stderr)


class SandboxTest(unittest.TestCase):
    """A test case with a fresh sandbox per test and canary helpers."""

    def setUp(self):
        self.sandbox = Sandbox()
        self.addCleanup(self.sandbox.cleanup)

    def dbcurl(self, *args, **kwargs):
        return self.sandbox.run(list(args), **kwargs)

    def curl(self, *args, **kwargs):
        return self.sandbox.run(list(args), program=CURL, **kwargs)

    def assertNoCanary(self, *texts, canary=CANARY):
        for text in texts:
            if isinstance(text, bytes):
                text = text.decode("utf-8", "replace")
            self.assertNotIn(canary, text, "the token leaked")

    def file_states(self):
        """Every file under the sandbox HOME with its modification stamp."""
        states = {}
        for root, _, files in os.walk(self.sandbox.home):
            for name in files:
                path = os.path.join(root, name)
                info = os.stat(path)
                states[path] = (info.st_mtime_ns, info.st_size)
        return states

    def assertNoCanaryInWrittenFiles(self, before, canary=CANARY):
        """No file created or changed since `before` (file_states()) holds the canary."""
        for path, state in self.file_states().items():
            if before.get(path) == state:
                continue
            with open(path, "rb") as handle:
                self.assertNotIn(canary.encode(), handle.read(), f"the token leaked into {path}")


HELP_ROW = re.compile(r"^ (?:-(.), |    )(--[a-z0-9.-]+)(?: (<[^>]+>|\[\S+))?\s+(.*)$")


def help_rows(text, group=4):
    """{long option: description} of the option lines of a --help output
    (group 1: the short option, 3: the value name)."""
    found = {}
    for line in text.splitlines():
        match = HELP_ROW.match(line)
        if match:
            found[match.group(2)] = match.group(group)
    return found
