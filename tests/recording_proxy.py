"""An HTTP proxy for the tests: CONNECT tunnels (relayed, every byte
recorded) and plain absolute-form requests (recorded, answered 502)."""

import select
import socket
import socketserver
import threading


class RecordingProxy:
    def __init__(self):
        self.seen = bytearray()
        self.connects = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                proxy._serve(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def _record(self, data):
        with self._lock:
            self.seen += data

    def _serve(self, client):
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(4096)
            if not chunk:
                return
            head += chunk
        self._record(head)
        request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
        if not request_line.startswith("CONNECT "):
            client.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        host, port = request_line.split()[1].rsplit(":", 1)
        self.connects.append(request_line)
        upstream = socket.create_connection((host, int(port)))
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        sockets = [client, upstream]
        while True:
            readable, _, _ = select.select(sockets, [], [], 10)
            if not readable:
                break
            for sock in readable:
                data = sock.recv(65536)
                if not data:
                    upstream.close()
                    return
                self._record(data)
                (upstream if sock is client else client).sendall(data)
