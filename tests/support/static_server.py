"""Serve a built site on 127.0.0.1 under a sub-path, as a career center would.

Only ``<mount>/...`` is served; anything else is a 404, so a URL that escapes
the sub-path shows up as a failure. Every request is recorded. With
``isolated=True`` every response carries the two headers that make a page
cross-origin isolated, as the nginx config sends them (the widgets' views then
also come through shared memory: web/quick-reply.js).
"""

from __future__ import annotations

import http.server
import mimetypes
import os
import threading
from functools import partial
from pathlib import Path

MIME_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript"}
ISOLATION_HEADERS = {"Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    mount = "/"
    headers_to_send: dict[str, str]
    requests: list[str]
    sent: list[tuple[str, int]]

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.mount):
            return str(Path(self.directory) / ".not-served")
        return super().translate_path("/" + clean[len(self.mount) :])

    def guess_type(self, path) -> str:
        return (
            MIME_TYPES.get(Path(str(path)).suffix) or mimetypes.guess_type(str(path))[0] or "application/octet-stream"
        )

    def log_message(self, format, *args):  # keep test output clean
        pass

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        self.requests.append(self.path)
        body = super().send_head()
        if body is not None and hasattr(body, "fileno"):
            # Bytes of body sent, for the benchmarks' first-visit figures.
            self.sent.append((self.path, os.fstat(body.fileno()).st_size))
        return body


class StaticServer:
    root: Path  # set by the fixture that built the site

    def __init__(self, root: Path, mount: str = "/", port: int = 0, isolated: bool = False):
        if not mount.endswith("/"):
            mount += "/"
        self.requests: list[str] = []
        self.sent: list[tuple[str, int]] = []  # (path, bytes of body), each file served
        handler = type(
            "Handler",
            (_Handler,),
            {
                "mount": mount,
                "requests": self.requests,
                "sent": self.sent,
                "headers_to_send": ISOLATION_HEADERS if isolated else {},
            },
        )
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(root)))
        self.httpd.daemon_threads = True
        # A browser closing mid-download is not an error worth a traceback.
        self.httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self.mount = mount
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def url(self) -> str:
        return self.origin + self.mount

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
