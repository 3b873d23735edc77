"""Databricks credentials go only over https:// (and http:// to loopback): a
workspace host under any other scheme is refused before a byte is sent, with
a token from dbcurl, from netrc or a password (docs/SECURITY.md)."""

import socket
import threading
import unittest

from harness import CANARY, SandboxTest

WORKSPACE = "https://ws.example.com"


class LineRecorder:
    """A raw TCP server on 127.0.0.1 that records every byte and answers each
    line as an FTP, IMAP or RTSP server would let a client go on to send its
    credentials."""

    def __init__(self, greeting, reply):
        self.seen = bytearray()
        self.connections = 0
        self._greeting, self._reply = greeting, reply
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(4)
        self._socket.settimeout(0.2)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def port(self):
        return self._socket.getsockname()[1]

    def stop(self):
        self._stopping.set()
        self._thread.join()
        self._socket.close()

    def _serve(self):
        while not self._stopping.is_set():
            try:
                client, _ = self._socket.accept()
            except socket.timeout:
                continue
            self.connections += 1
            with client:
                client.settimeout(2)
                client.sendall(self._greeting)
                pending = b""
                try:
                    while not self._stopping.is_set():
                        data = client.recv(4096)
                        if not data:
                            break
                        self.seen += data
                        pending += data
                        while b"\n" in pending:
                            line, pending = pending.split(b"\n", 1)
                            client.sendall(self._reply(line.strip()))
                except OSError:
                    pass


def ftp_reply(line):
    return b"331 go on\r\n" if line.upper().startswith(b"USER") else b"530 no\r\n"


def imap_reply(line):
    tag = line.split(b" ", 1)[0]
    return b"* CAPABILITY IMAP4rev1\r\n" + tag + b" OK done\r\n"


def rtsp_reply(line):
    return b"RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n" if not line else b""


PROTOCOLS = {
    "ftp": (b"220 hi\r\n", ftp_reply, 21),
    "imap": (b"* OK hi\r\n", imap_reply, 143),
    "rtsp": (b"", rtsp_reply, 554),
}


class OtherSchemesRefused(SandboxTest):
    def recorder(self, protocol):
        greeting, reply, _ = PROTOCOLS[protocol]
        recorder = LineRecorder(greeting, reply)
        self.addCleanup(recorder.stop)
        return recorder

    def assertRefusedUnsent(self, run, recorder, scheme):
        self.assertEqual(run.code, 104, run.err)
        self.assertIn(f"over {scheme}://", run.err)
        self.assertIn("https://", run.err)
        self.assertEqual(recorder.connections, 0, bytes(recorder.seen))
        self.assertNotIn(CANARY.encode(), bytes(recorder.seen))
        self.assertNoCanary(run.stdout, run.stderr)

    def test_environment_token_over_each_scheme(self):
        self.sandbox.env.update(DATABRICKS_HOST=WORKSPACE, DATABRICKS_TOKEN=CANARY)
        for scheme, (_, _, port) in PROTOCOLS.items():
            with self.subTest(scheme=scheme):
                recorder = self.recorder(scheme)
                run = self.dbcurl("-sS", "-m", "10", "--connect-to", f"ws.example.com:{port}:127.0.0.1:{recorder.port}",
                                  f"{scheme}://ws.example.com/x")
                self.assertRefusedUnsent(run, recorder, scheme)

    def test_explicit_port_is_still_the_workspace_host(self):
        self.sandbox.env.update(DATABRICKS_HOST=WORKSPACE, DATABRICKS_TOKEN=CANARY)
        recorder = self.recorder("ftp")
        run = self.dbcurl("-sS", "-m", "10", f"ftp://ws.example.com:{recorder.port}/f", "--connect-to",
                          f"ws.example.com:{recorder.port}:127.0.0.1:{recorder.port}")
        self.assertRefusedUnsent(run, recorder, "ftp")

    def test_netrc_token_host_over_ftp(self):
        # No DATABRICKS_HOST: the netrc 'login token' line alone makes the host a workspace.
        self.sandbox.write(".netrc", f"machine ws.example.com login token password {CANARY}\n")
        for url in ("ftp://ws.example.com/f", "ftp://ws.example.com:2121/f"):
            with self.subTest(url=url):
                recorder = self.recorder("ftp")
                port = "2121" if ":2121" in url else "21"
                run = self.dbcurl("-sS", "-m", "10", "-n", "--connect-to",
                                  f"ws.example.com:{port}:127.0.0.1:{recorder.port}", url)
                self.assertRefusedUnsent(run, recorder, "ftp")

    def test_password_over_imap(self):
        self.sandbox.env.update(DATABRICKS_HOST=WORKSPACE)
        recorder = self.recorder("imap")
        run = self.dbcurl("-sS", "-m", "10", "-u", f"token:{CANARY}", "--connect-to",
                          f"ws.example.com:143:127.0.0.1:{recorder.port}", "imap://ws.example.com/INBOX")
        self.assertRefusedUnsent(run, recorder, "imap")

    def test_scheme_less_url_has_libcurls_scheme(self):
        # libcurl guesses ftp:// for an "ftp." host; --proto-default comes first.
        self.sandbox.env.update(DATABRICKS_HOST="https://ftp.example.com", DATABRICKS_TOKEN=CANARY)
        recorder = self.recorder("ftp")
        run = self.dbcurl("-sS", "-m", "10", "--connect-to", f"ftp.example.com:21:127.0.0.1:{recorder.port}",
                          "ftp.example.com/f")
        self.assertRefusedUnsent(run, recorder, "ftp")
        self.sandbox.env.update(DATABRICKS_HOST=WORKSPACE)
        recorder = self.recorder("imap")
        run = self.dbcurl("-sS", "-m", "10", "--proto-default", "imap", "--connect-to",
                          f"ws.example.com:143:127.0.0.1:{recorder.port}", "ws.example.com/INBOX")
        self.assertRefusedUnsent(run, recorder, "imap")

    def test_plain_hosts_keep_their_schemes(self):
        # Not a workspace host: curl's behaviour, credentials and all.
        self.sandbox.env.update(DATABRICKS_HOST=WORKSPACE, DATABRICKS_TOKEN=CANARY)
        recorder = self.recorder("ftp")
        run = self.dbcurl("-s", "-m", "10", "-u", "alice:pw", f"ftp://127.0.0.1:{recorder.port}/f")
        self.assertNotEqual(run.code, 104, run.err)
        self.assertIn(b"PASS pw", bytes(recorder.seen))
        self.assertNotIn(CANARY.encode(), bytes(recorder.seen))


if __name__ == "__main__":
    unittest.main()
