"""CURL_CA_BUNDLE, SSL_CERT_DIR and SSL_CERT_FILE as curl 7.88's tool reads
them: only when neither --cacert nor --capath is given and a peer is verified,
and only the first one set, in that order; a directory (--capath or
SSL_CERT_DIR) also verifies an HTTPS proxy unless --proxy-capath is given.
Each case runs dbcurl and the system curl and compares."""

import os
import re

from fake_workspace import Workspace
from harness import SandboxTest

CA_SETOPT = re.compile(r"^  curl_easy_setopt\(hnd, CURLOPT_(PROXY_)?CA(INFO|PATH), .*$", re.M)


class CaEnvironment(SandboxTest):
    @classmethod
    def setUpClass(cls):
        cls.server = Workspace(tls=True)
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        super().setUp()
        self.empty_dir = self.sandbox.path("no-certs")
        os.makedirs(self.empty_dir)
        self.missing = self.sandbox.path("missing.pem")

    def compare(self, env, *args):
        """The exit code and the CA setopts --libcurl writes, dbcurl's and curl's."""
        words = ["-s", "-o", "/dev/null", "--libcurl", "-", *args, self.server.origin + "/echo"]
        mine, theirs = self.dbcurl(*words, env=env), self.curl(*words, env=env)
        outcomes = [(run.code, [m.group(0) for m in CA_SETOPT.finditer(run.out)]) for run in (mine, theirs)]
        self.assertEqual(outcomes[0], outcomes[1], f"dbcurl: {mine.err}\ncurl: {theirs.err}")
        return mine

    def test_the_first_variable_set_wins_in_curls_order(self):
        good = self.server.cafile
        # The directory comes before SSL_CERT_FILE: the test CA is in neither the empty directory nor the system bundle.
        self.assertEqual(self.compare({"SSL_CERT_DIR": self.empty_dir, "SSL_CERT_FILE": good}).code, 60)
        self.assertEqual(self.compare({"CURL_CA_BUNDLE": good, "SSL_CERT_DIR": self.empty_dir}).code, 0)
        self.assertEqual(self.compare({"SSL_CERT_FILE": good}).code, 0)
        self.assertEqual(self.compare({"CURL_CA_BUNDLE": self.missing, "SSL_CERT_FILE": good}).code, 77)
        self.assertEqual(self.compare({"CURL_CA_BUNDLE": "", "SSL_CERT_FILE": good}).code, 0)  # empty is unset

    def test_cacert_or_capath_turns_every_variable_off(self):
        good = self.server.cafile
        self.assertEqual(self.compare({"CURL_CA_BUNDLE": good}, "--capath", self.empty_dir).code, 60)
        self.assertEqual(self.compare({"SSL_CERT_DIR": self.empty_dir}, "--cacert", good).code, 0)

    def test_insecure_reads_no_variable_unless_doh_is_verified(self):
        self.assertEqual(self.compare({"CURL_CA_BUNDLE": self.missing}, "-k").code, 0)
        # A verified DoH server needs the locations: curl keeps them (DoH itself not reached here).
        self.compare({"SSL_CERT_DIR": self.empty_dir}, "-k", "--doh-url", "https://127.0.0.1:9/dns-query")

    def test_a_directory_also_verifies_the_proxy(self):
        for env, args in (({"SSL_CERT_DIR": self.empty_dir}, ()), ({}, ("--capath", self.empty_dir)),
                          ({}, ("--capath", self.empty_dir, "--proxy-capath", self.sandbox.home))):
            with self.subTest(env=env, args=args):
                run = self.compare(env, "-x", "https://127.0.0.1:9", *args)
                self.assertIn("CURLOPT_PROXY_CAPATH", run.out)
