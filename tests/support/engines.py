"""The two other browser engines, behind one small interface, so one scenario
(tests/support/engine_checks.py) runs in each:

- Firefox ESR (Debian ``firefox-esr``), driven by npm ``puppeteer-core`` over
  WebDriver BiDi, through tests/support/firefox_bridge.mjs;
- WebKitGTK (Debian ``webkit2gtk-driver``), driven by Selenium's WebKitGTK
  driver, on an Xvfb display the tests start.

Both run the page's scripts under its real Content-Security-Policy: the
drivers' own script evaluation is not subject to it.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.support.site_build import ROOT, build_site
from tests.support.static_server import StaticServer, free_port

MOUNT = "/careers/guide/"
# WebKitGTK was seen to take over 12 s to start Pyodide on this kind of machine;
# a busy 2-core CI machine needs more.
READY_S = 180.0
# Longest a single driver command may take before the engine counts as hung.
COMMAND_S = 300.0


def debian_program(name: str, package: str) -> str:
    path = shutil.which(name) or f"/usr/bin/{name}"
    if not Path(path).exists():
        raise RuntimeError(f"{name} is needed for these tests: apt-get install {package} (make test does this as root)")
    return path


class Engine:
    """What the scenario needs from a browser: open, reload, run a script."""

    name = ""

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def run(self, body: str, *args: Any) -> Any:
        """Run a function body in the page (``arguments`` holds ``args``); its return value."""
        raise NotImplementedError

    def page_errors(self) -> list[str]:
        """Uncaught errors and dialogs since the last call (what the engine reports)."""
        return []

    def wait_until(self, body: str, *args: Any, timeout: float = READY_S, what: str = "") -> Any:
        """Poll a condition in the page until it returns something truthy."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(body, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: timed out after {timeout:.0f} s waiting for {what or body}")
            time.sleep(0.1)  # between polls of the condition


class Firefox(Engine):
    name = "firefox"

    def __init__(self) -> None:
        env = dict(os.environ, FIREFOX=debian_program("firefox-esr", "firefox-esr"))
        self.process = subprocess.Popen(
            ["node", str(ROOT / "tests" / "support" / "firefox_bridge.mjs")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=ROOT,
        )

    def _send(self, op: str, **fields: Any) -> Any:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"op": op, **fields}) + "\n")
        self.process.stdin.flush()
        # One reply line per command: a hung browser fails the test, not the run.
        if not select.select([self.process.stdout], [], [], COMMAND_S)[0]:
            self.process.kill()
            raise AssertionError(f"firefox: {op}: no reply in {COMMAND_S:.0f} s")
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the Firefox driver stopped (exit {self.process.wait()})")
        reply = json.loads(line)
        if "error" in reply:
            raise AssertionError(f"firefox: {op}: {reply['error']}")
        return reply["ok"]

    def goto(self, url: str) -> None:
        self._send("goto", url=url)

    def reload(self) -> None:
        self._send("reload")

    def run(self, body: str, *args: Any) -> Any:
        return self._send("run", body=body, args=list(args))

    def page_errors(self) -> list[str]:
        return self._send("errors")

    def close(self) -> None:
        try:
            self._send("close")
        finally:
            self.process.wait(timeout=30)


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X display (":N") for the duration; Xvfb picks a free number."""
    read, write = os.pipe()
    server = subprocess.Popen(
        [debian_program("Xvfb", "xvfb"), "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=[write],
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):  # Xvfb writes the number once it is ready
        chunk = os.read(read, 16)
        if not chunk:
            raise RuntimeError(f"Xvfb did not start (exit {server.wait()})")
        number += chunk
    os.close(read)
    try:
        yield ":" + number.decode().strip()
    finally:
        server.terminate()
        server.wait(timeout=10)


class WebKit(Engine):
    name = "webkit"

    def __init__(self, display: str) -> None:
        from selenium import webdriver
        from selenium.webdriver.remote.client_config import ClientConfig
        from selenium.webdriver.remote.remote_connection import RemoteConnection

        self.service = webdriver.WebKitGTKService(
            executable_path=debian_program("WebKitWebDriver", "webkit2gtk-driver"),
            env=dict(os.environ, DISPLAY=display),
        )
        self.service.start()
        # What webdriver.WebKitGTK does, but with the driver's address in a
        # ClientConfig: WebKitGTK passes it to RemoteConnection directly, which
        # Selenium deprecates with a warning in every run (its fix for
        # SeleniumHQ/selenium#14686 left WebKitGTK out).
        try:
            connection = RemoteConnection(client_config=ClientConfig(remote_server_addr=self.service.service_url))
            self.driver = webdriver.Remote(command_executor=connection, options=webdriver.WebKitGTKOptions())
        except Exception:
            self.service.stop()
            raise
        self.driver.set_script_timeout(30)

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def reload(self) -> None:
        self.driver.refresh()

    def run(self, body: str, *args: Any) -> Any:
        return self.driver.execute_script(body, *args)

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.service.stop()


@contextmanager
def served_site(tmp_path_factory: Any) -> Iterator[StaticServer]:
    """The guide, built for and served on 127.0.0.1 under /careers/guide/."""
    port = free_port()
    root = tmp_path_factory.mktemp("site") / "site"
    done = build_site(root, site_url=f"http://127.0.0.1:{port}{MOUNT}")
    assert done.returncode == 0, done.stdout + done.stderr
    with StaticServer(root, MOUNT, port) as server:
        server.root = root
        yield server


@contextmanager
def isolated_copy(server: StaticServer) -> Iterator[StaticServer]:
    """The same built site on another port, sent with the nginx config's COOP
    and COEP headers: its pages are cross-origin isolated."""
    with StaticServer(server.root, MOUNT, isolated=True) as isolated:
        isolated.root = server.root
        yield isolated
