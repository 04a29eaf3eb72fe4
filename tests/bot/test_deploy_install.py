"""A deploy from the lock: deploy/requirements.txt into a fresh venv, then the Procfile's web process.

This is what a pip-based platform does: the app's files (not an installed package) in a directory, the
hash-pinned requirements installed into an empty environment, then the `web:` line run through a shell.
Nothing from the test's own environment (its venv, PYTHONPATH, the repository) is visible to the bot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fake_slack import FakeSlack
from slack_harness import BOT_TOKEN, REPO, SIGNING_SECRET, BotServer, free_port, procfile_command

#: What a platform's slug holds of the repository for the processes to run.
APP_FILES = ("bot", "pricing", "locales", "Procfile")


@pytest.fixture(scope="module")
def deployed_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("deploy") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-r", str(REPO / "deploy" / "requirements.txt")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return venv


def _app_dir(root: Path) -> Path:
    app = root / "app"
    for name in APP_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, app / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            app.mkdir(exist_ok=True)
            shutil.copy2(source, app / name)
    return app


def test_the_venv_holds_exactly_the_locked_runtime(deployed_venv: Path) -> None:
    frozen = subprocess.run(
        [str(deployed_venv / "bin" / "python"), "-m", "pip", "freeze", "--all", "--disable-pip-version-check"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    installed = {line.split("==")[0].lower().replace("_", "-") for line in frozen.splitlines() if "==" in line}
    assert {"slack-bolt", "sqlalchemy", "uvicorn", "genai-prices"} <= installed
    assert not {"gemini-cost", "pytest", "litellm", "hypothesis"} & installed


def test_procfile_web_serves_from_the_fresh_venv(deployed_venv: Path, fake_slack: FakeSlack, tmp_path: Path) -> None:
    app = _app_dir(tmp_path)
    port = free_port()
    env = {
        "PATH": f"{deployed_venv / 'bin'}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PORT": str(port),
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
    }
    log = tmp_path / "web.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["bash", "-c", "exec " + procfile_command("web")], cwd=app, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    server = BotServer(f"http://127.0.0.1:{port}", process, fake_slack)
    try:
        deadline = time.monotonic() + 60
        health = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                health = httpx.get(f"{server.url}/healthz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert health is not None and health.status_code == 200, log.read_text()
        assert health.text == "ok"

        answer = server.command("1M in 50k out")
        assert answer.status_code == 200
        assert "$4.90" in answer.text
        # The answer came from the fresh venv (bash found its `python` first on PATH: the process has the
        # venv's packages loaded), on uvloop and httptools (uvicorn[standard]): uvicorn falls back to
        # asyncio and h11 silently, so look at what the process has loaded.
        maps = Path(f"/proc/{process.pid}/maps").read_text()
        assert f"{deployed_venv}/lib/" in maps and "/uvloop/" in maps and "/httptools/" in maps
    finally:
        server.stop()
