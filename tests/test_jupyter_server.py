"""Each notebook runs in JupyterLab's way: opened through a live Jupyter server's contents API and executed,
top to bottom with its defaults, in a real `python3` kernel the server started (in the notebook's folder).

The server serves a temporary copy of the project, so the defaults (data/raw -> data/processed -> reports)
write there and never into the working tree. No EVIDENCE_REVIEW_ROOT is set: as in JupyterLab, the kernel starts
in notebooks/ and the package must find the repository root itself (checked before any cell runs).
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests
import websocket

from conftest import REPO_ROOT, console_script

pytestmark = pytest.mark.slow

NOTEBOOK_NAMES = ["01_ingest.ipynb", "02_extract.ipynb", "03_pool.ipynb", "04_report.ipynb"]
CELL_TIMEOUT = 600


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _project_copy(target: Path) -> Path:
    for folder in ("notebooks", "data/raw", "data/curation"):
        if (REPO_ROOT / folder).exists():
            shutil.copytree(REPO_ROOT / folder, target / folder,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy2(REPO_ROOT / "pyproject.toml", target / "pyproject.toml")
    (target / "data" / "processed").mkdir(parents=True, exist_ok=True)
    (target / "data" / "curation").mkdir(parents=True, exist_ok=True)
    (target / "reports").mkdir(exist_ok=True)
    return target


class Server:
    def __init__(self, root: Path, workdir: Path):
        self.root, self.port, self.token = root, _free_port(), secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "EVIDENCE_REVIEW_ROOT"}
        # A private Jupyter config/runtime: no user settings or extensions leak in.
        env.update(JUPYTER_CONFIG_DIR=str(workdir / "config"), JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
                   JUPYTER_DATA_DIR=str(workdir / "data"))
        self.log = open(workdir / "server.log", "w")
        self.proc = subprocess.Popen(
            [console_script("jupyter"), "server", "--no-browser", "--ServerApp.ip=127.0.0.1",
             "--ServerApp.allow_root=True",  # CI machines run as root
             f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
             f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={root}"],
            cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"token {self.token}"

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"jupyter server exited: {self.log_text()}"
            try:
                if self.http.get(f"{self.base}/api/status", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        pytest.fail(f"jupyter server did not answer within {timeout} s: {self.log_text()}")

    def api(self, method: str, path: str, **kw):
        response = self.http.request(method, f"{self.base}{path}", timeout=60, **kw)
        assert response.status_code < 300, (method, path, response.status_code, response.text[:500])
        return response.json() if response.content else None

    def log_text(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        try:
            self.http.post(f"{self.base}/api/shutdown", timeout=10)
        except requests.RequestException:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            self.proc.wait(timeout=30)
        self.log.close()


def _execute(ws: websocket.WebSocket, session_id: str, code: str) -> dict:
    """Run one cell over the kernel's websocket; return the reply status and any error outputs."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": "test", "session": session_id, "msg_type": "execute_request",
                   "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    reply, idle, errors, outputs, stdout = None, False, [], 0, []
    while reply is None or not idle:
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "execute_reply":
            reply = msg["content"]
        elif kind == "error":
            errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
        elif kind in ("stream", "display_data", "execute_result"):
            outputs += 1
            if kind == "stream" and msg["content"]["name"] == "stdout":
                stdout.append(msg["content"]["text"])
    return {"status": reply["status"], "errors": errors, "outputs": outputs, "stdout": "".join(stdout)}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("jupyter")
    root = _project_copy(work / "project")
    srv = Server(root, work)
    try:
        srv.wait_ready()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def notebook_runs(server):
    """Open and run each notebook in order (each writes what the next one reads)."""
    kernelspecs = server.api("GET", "/api/kernelspecs")
    assert "python3" in kernelspecs["kernelspecs"]
    runs = {}
    for name in NOTEBOOK_NAMES:
        model = server.api("GET", f"/api/contents/notebooks/{name}", params={"content": 1, "type": "notebook"})
        assert model["type"] == "notebook" and model["content"]["cells"]
        session = server.api("POST", "/api/sessions", json={
            "path": f"notebooks/{name}", "type": "notebook", "name": name, "kernel": {"name": "python3"}})
        kernel_id = session["kernel"]["id"]
        ws_url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels?token={server.token}"
        ws = websocket.create_connection(ws_url, timeout=CELL_TIMEOUT)
        try:
            # Where the kernel runs and which root the package finds there; never run the cells
            # against another tree than the served copy.
            probe = _execute(ws, session["id"], "import json, os\nfrom evidence_review.paths import repo_root\n"
                                                "print(json.dumps([os.getcwd(), str(repo_root())]))")
            assert probe["status"] == "ok", probe
            kernel_cwd, found_root = json.loads(probe["stdout"])
            assert Path(found_root).resolve() == server.root.resolve(), (kernel_cwd, found_root)
            cells = [c for c in model["content"]["cells"] if c["cell_type"] == "code"]
            results = []
            for cell in cells:
                source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                result = _execute(ws, session["id"], source)
                results.append(result)
                if result["status"] != "ok":
                    break  # as JupyterLab's "run all" stops
            runs[name] = {"cells": len(cells), "results": results, "kernel": session["kernel"]["name"],
                          "kernel_cwd": Path(kernel_cwd)}
        finally:
            ws.close()
            server.api("DELETE", f"/api/sessions/{session['id']}")
    return runs


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_runs_to_the_end_in_a_python3_kernel(notebook_runs, name):
    run = notebook_runs[name]
    assert run["kernel"] == "python3"
    failures = [(i, r) for i, r in enumerate(run["results"], 1) if r["status"] != "ok" or r["errors"]]
    assert not failures, f"{name}: code cell(s) failed: {failures}"
    assert len(run["results"]) == run["cells"] > 0


def test_kernels_start_in_the_notebooks_folder_as_in_jupyterlab(server, notebook_runs):
    for run in notebook_runs.values():
        assert run["kernel_cwd"].resolve() == (server.root / "notebooks").resolve()


def test_defaults_wrote_the_tables_into_the_served_copy(server, notebook_runs):
    processed = server.root / "data" / "processed"
    for table in ("documents.csv", "texts.jsonl", "estimates.csv", "pooled.csv"):
        assert (processed / table).is_file() and (processed / table).stat().st_size > 0, table
    raw_files = sorted(p.name for p in (server.root / "data" / "raw").iterdir() if p.is_file())
    documents = (processed / "documents.csv").read_text(encoding="utf-8")
    assert all(name in documents for name in raw_files)
