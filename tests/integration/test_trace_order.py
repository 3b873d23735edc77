"""--trace-ascii - puts each "<= Recv data" block before the body it traces,
as curl does, over HTTP/2 and HTTP/1.1 (nginx's JSON body has no final line
break, so dbcurl's redaction stream held it until the transfer ended)."""

import os
import unittest

from harness import SandboxTest
from nginx_server import NGINX, CLUSTERS_JSON, Nginx


@unittest.skipUnless(os.path.exists(NGINX), "nginx is not installed (scripts/install-deps.sh)")
class TraceOrder(SandboxTest):
    @classmethod
    def setUpClass(cls):
        cls.server = Nginx()
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_data_block_comes_before_the_body_as_in_curls_trace(self):
        self.sandbox.env["CURL_CA_BUNDLE"] = self.server.cafile
        for version in ("--http2", "--http1.1"):
            for extra in ([], ["-i"]):
                with self.subTest(version=version, extra=extra):
                    args = ["-s", version, *extra, "--trace-ascii", "-", self.server.origin + "/api/2.0/clusters/list"]
                    orders = []
                    for run in (self.dbcurl(*args), self.curl(*args)):
                        self.assertEqual(run.code, 0, run.err)
                        # The data block's header, its text row and the body itself, in the order written.
                        orders.append([line for line in run.out.splitlines()
                                       if line.startswith("<= Recv data") or CLUSTERS_JSON in line])
                    self.assertEqual(orders[0], orders[1])
                    self.assertEqual(len(orders[0]), 3, orders[0])
