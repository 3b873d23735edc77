"""curl's default .curlrc (and -q) apply to dbcurl as to curl: the same
request arrives from both."""

import os
import unittest

from fake_workspace import Workspace
from harness import SandboxTest


class DefaultCurlrc(SandboxTest):
    def setUp(self):
        super().setUp()
        self.workspace = Workspace(tls=False)
        self.workspace.start()
        self.addCleanup(self.workspace.stop)

    def headers_sent(self, program, *args):
        self.workspace.clear()
        run = self.sandbox.run(list(args) + [self.workspace.origin + "/echo"], program=program)
        self.assertEqual(run.code, 0, run.err)
        return sorted(self.workspace.requests[0].headers)

    def test_curlrc_locations_and_q(self):
        # (file, environment changes, whether curl 7.88.1 reads it) — checked against the system curl.
        cases = [(".curlrc", {}, True),
                 ("curl-home/.curlrc", {"CURL_HOME": "curl-home"}, True),
                 ("xdg/.curlrc", {"XDG_CONFIG_HOME": "xdg"}, True),
                 (".config/curlrc", {"XDG_CONFIG_HOME": None}, True),
                 ("curl-home/.config/curlrc", {"XDG_CONFIG_HOME": None, "CURL_HOME": "curl-home"}, True),
                 (".config/curlrc", {"XDG_CONFIG_HOME": None, "CURL_HOME": "curl-home"}, False)]
        base = dict(self.sandbox.env)
        for location, env, read in cases:
            with self.subTest(location=location, env=env):
                self.sandbox.env = dict(base)
                for name, value in env.items():
                    if value is None:
                        self.sandbox.env.pop(name, None)
                    else:
                        self.sandbox.env[name] = self.sandbox.path(value)
                os.makedirs(self.sandbox.path("curl-home"), exist_ok=True)
                self.sandbox.write(location, '-H "X-From-Curlrc: 1"\n-A from-curlrc\n')
                for args in ((), ("-q",), ("-s",)):
                    self.assertEqual(self.headers_sent(None, *args), self.headers_sent("curl", *args), f"args {args}")
                self.assertEqual(("X-From-Curlrc", "1") in self.headers_sent(None), read)
                self.assertNotIn(("X-From-Curlrc", "1"), self.headers_sent(None, "-q"))
                os.remove(self.sandbox.path(location))


if __name__ == "__main__":
    unittest.main()
