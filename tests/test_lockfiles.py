"""pyproject.toml, uv.lock and deploy/requirements.txt agree, so every deploy installs the same versions.

Two independent checks: uv itself (installed with the test extra) says the lock is current and exports
exactly the committed requirements file; and a plain reading of the three files says the same, so a
mismatch is explained by package name rather than only by uv's exit status.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]
REQUIREMENTS = REPO / "deploy" / "requirements.txt"
#: The export that made deploy/requirements.txt (README "Deploy" says when to rerun it).
EXPORT_ARGS = ["export", "--frozen", "--no-emit-project", "--no-dev", "--output-file", "deploy/requirements.txt"]

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text())


def _lock() -> dict:
    return tomllib.loads((REPO / "uv.lock").read_text())


def _locked_versions() -> dict[str, str]:
    return {canonicalize_name(p["name"]): p["version"] for p in _lock()["package"] if "version" in p}


def _pins(text: str) -> dict[str, str]:
    pins = {}
    for line in text.splitlines():
        if match := _PIN.match(line):
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def _uv() -> str:
    from uv import find_uv_bin

    return find_uv_bin()


def _run_uv(*args: str) -> subprocess.CompletedProcess[str]:
    # --offline: the check needs no network; a stale lock cannot be re-resolved and so fails.
    return subprocess.run([_uv(), *args, "--offline"], cwd=REPO, capture_output=True, text=True, timeout=120)


def _without_header(text: str) -> list[str]:
    lines = text.splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return lines


def test_uv_says_the_lock_matches_pyproject() -> None:
    result = _run_uv("lock", "--check")
    assert result.returncode == 0, f"uv.lock is stale; run `uv lock`:\n{result.stderr}"


def test_requirements_file_is_the_export_of_the_lock() -> None:
    result = _run_uv(*EXPORT_ARGS[:-2])  # to stdout: the same export, without writing the file
    assert result.returncode == 0, result.stderr
    assert _without_header(REQUIREMENTS.read_text()) == _without_header(result.stdout), (
        "deploy/requirements.txt differs from `uv export` of uv.lock; regenerate it: uv " + " ".join(EXPORT_ARGS)
    )


def _requirement_key(name: str, extras: list[str], specifier: str, extra: str | None) -> tuple:
    return (canonicalize_name(name), frozenset(extras), SpecifierSet(specifier), extra)


def test_lock_records_exactly_the_dependencies_pyproject_declares() -> None:
    project = _pyproject()["project"]
    (root,) = [p for p in _lock()["package"] if p["name"] == project["name"]]
    recorded = set()
    for r in root["metadata"]["requires-dist"]:
        extra = re.fullmatch(r"extra == '([a-z]+)'", r["marker"])[1] if "marker" in r else None  # type: ignore[index]
        recorded.add(_requirement_key(r["name"], r.get("extras", []), r.get("specifier", ""), extra))
    declared = set()
    groups = {None: project["dependencies"], **project["optional-dependencies"]}
    for extra, texts in groups.items():
        for text in texts:
            req = Requirement(text)
            declared.add(_requirement_key(req.name, sorted(req.extras), str(req.specifier), extra))
    assert recorded == declared, f"only in uv.lock: {recorded - declared}; only in pyproject: {declared - recorded}"


def test_every_locked_version_satisfies_pyproject() -> None:
    locked = _locked_versions()
    project = _pyproject()["project"]
    every = [*project["dependencies"], *(r for reqs in project["optional-dependencies"].values() for r in reqs)]
    for text in every:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is declared but not locked"
        assert requirement.specifier.contains(Version(locked[name]), prereleases=True), (
            f"{name}: locked {locked[name]} is outside {requirement.specifier}"
        )


def test_requirements_pin_the_locked_versions_of_every_runtime_dependency() -> None:
    locked = _locked_versions()
    pins = _pins(REQUIREMENTS.read_text())
    for name, version in pins.items():
        assert locked.get(name) == version, f"{name}: requirements pin {version}, lock has {locked.get(name)}"
    for text in _pyproject()["project"]["dependencies"]:
        name = canonicalize_name(Requirement(text).name)
        assert name in pins, f"{name} is a runtime dependency but deploy/requirements.txt does not pin it"
    # The test and bench extras are not installed on a platform.
    assert "pytest" not in pins and "litellm" not in pins
    # Hash-checked: pip then refuses anything not in the file, so the pins are the whole environment.
    entries = [e for e in REQUIREMENTS.read_text().replace("\\\n", " ").splitlines() if _PIN.match(e)]
    assert len(entries) == len(pins) and all("--hash=sha256:" in entry for entry in entries)


def test_genai_prices_is_pinned_exactly() -> None:
    # The rate-card cross-checks and `admin sync` compare against this package's data: a new release
    # may move prices, so it changes only on purpose.
    (spec,) = [r for r in _pyproject()["project"]["dependencies"] if r.startswith("genai-prices")]
    assert Requirement(spec).specifier == SpecifierSet("==0.2.3")
    assert _locked_versions()["genai-prices"] == "0.2.3"


def test_python_version_file_is_allowed_by_the_project_and_the_lock() -> None:
    wanted = (REPO / ".python-version").read_text().strip()
    assert re.fullmatch(r"3\.\d+", wanted), "a major.minor version, so platforms take the latest patch release"
    for allowed in (_pyproject()["project"]["requires-python"], _lock()["requires-python"]):
        assert SpecifierSet(allowed).contains(Version(wanted + ".0")), (wanted, allowed)


def test_checking_leaves_no_files_behind() -> None:
    # `uv export --output-file -` once wrote a file named "-" at the root; nothing but the checked-in files.
    assert not (REPO / "-").exists()


def test_no_second_package_manager_file_at_the_root() -> None:
    # Heroku's Python buildpack refuses to build when it finds more than one of these at the root
    # ("Multiple Python package manager files were found"); uv.lock is ours.
    present = [n for n in ("requirements.txt", "Pipfile", "Pipfile.lock", "poetry.lock") if (REPO / n).exists()]
    assert present == []
    assert (REPO / "uv.lock").is_file()


@pytest.mark.parametrize("path", ["uv.lock", ".python-version", "deploy/requirements.txt"])
def test_lock_files_are_committed_not_ignored(path: str) -> None:
    result = subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO)
    assert result.returncode == 1, f"{path} is git-ignored"
