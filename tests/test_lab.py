"""JupyterLab starts headless on the project and serves its notebooks."""
from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(tmp_path: Path, attempt: int):
    """A JupyterLab server on a free port and its notebooks' listing (None if it never answered)."""
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_DATA_DIR": str(tmp_path / "data")}
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = (tmp_path / f"lab{attempt}.log").open("w")
    lab = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/api/contents/notebooks?token={token}"
    listing = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and lab.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                listing = json.load(r)
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    return lab, log, port, token, listing


def _stop(lab, log) -> None:
    lab.terminate()
    try:
        lab.wait(timeout=10)
    except subprocess.TimeoutExpired:
        lab.kill()
        lab.wait()
    log.close()


def test_jupyterlab_serves_the_notebooks(tmp_path):
    for attempt in range(3):  # a port taken between choosing it and binding it: start again
        lab, log, port, token, listing = _start(tmp_path, attempt)
        if listing is not None or lab.poll() is None:
            break
        _stop(lab, log)
    try:
        assert listing is not None, (tmp_path / f"lab{attempt}.log").read_text()
        names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
        assert {p.name for p in (ROOT / "notebooks").glob("*.ipynb")} <= names
        assert len(names) >= 5
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}", timeout=5) as r:
            assert "python3" in json.load(r)["kernelspecs"]  # the kernel the notebooks name
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=5) as r:
            assert r.status == 200
    finally:
        _stop(lab, log)
