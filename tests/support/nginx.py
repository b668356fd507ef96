"""nginx from Debian serving a built site with the project's sample
configuration (deploy/nginx/), on 127.0.0.1, for the browser tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

from build_tools.nginx_conf import render

BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"  # libnginx-mod-http-brotli-static
MAIN_CONF = """\
# Test wrapper around the sample configuration: foreground, files in {work}.
load_module {brotli};
daemon off;
worker_processes 1;
user root;  # the tests run as root and the site is in a private temporary folder
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {work}/access.log;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        include {work}/follow-up-guide.conf;
    }}
}}
"""


def nginx_path() -> str:
    path = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(path).exists():
        raise RuntimeError("nginx is needed for these tests: apt-get install nginx (make test does this as root)")
    return path


class NginxServer:
    root: Path  # set by the fixture that built the site
    allowed: str  # an origin allowed to frame the guide, set by the fixture

    def __init__(
        self,
        site_dir: Path,
        work: Path,
        port: int,
        prefix: str,
        frame_ancestors: tuple[str, ...] = (),
        hsts: int = 0,
    ):
        self.work, self.port, self.prefix = work, port, prefix
        work.mkdir(parents=True, exist_ok=True)
        self.snippet = render(site_dir, prefix, str(site_dir), list(frame_ancestors), hsts)
        (work / "follow-up-guide.conf").write_text(self.snippet)
        (work / "nginx.conf").write_text(MAIN_CONF.format(work=work, port=port, brotli=BROTLI_MODULE))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    def access_log(self) -> list[str]:
        return (self.work / "access.log").read_text().splitlines()

    def check(self) -> subprocess.CompletedProcess[str]:
        """``nginx -t`` on the configuration."""
        conf = str(self.work / "nginx.conf")
        return subprocess.run([nginx_path(), "-t", "-p", str(self.work), "-c", conf], capture_output=True, text=True)

    def __enter__(self) -> NginxServer:
        conf = str(self.work / "nginx.conf")
        check = self.check()
        assert check.returncode == 0, check.stderr
        process = self.process = subprocess.Popen(
            [nginx_path(), "-p", str(self.work), "-c", conf], stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 10
        while True:  # until nginx accepts connections
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {process.communicate()[1].decode()}") from None
                time.sleep(0.05)

    def __exit__(self, *exc) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
