"""The `briefbot` command line, through its real entry point."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

BRIEFINGS = Path(__file__).parent / "briefings"
EVAL = Path(__file__).parent / "eval"


@pytest.fixture(autouse=True)
def isolated_store(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", db_url)
    monkeypatch.delenv("BRIEFBOT_BRIEFING", raising=False)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)


def test_load_prints_one_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(BRIEFINGS / "riverside-library.txt")]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert "12 paragraphs" in out
    assert "3 quotes (3 with a speaker)" in out


def test_bad_load_is_one_line_and_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00")
    assert main(["load", str(binary)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1


def test_ask_loads_the_bundled_briefing_when_empty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Where will the defence ministers meet?"]) == 0
    out = capsys.readouterr().out
    assert "Brussels" in out
    assert "Source: " in out


def test_ask_uses_the_configured_briefing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BRIEFBOT_BRIEFING", str(BRIEFINGS / "riverside-library.txt"))
    assert main(["ask", "When does the library reopen?"]) == 0
    assert "3 March" in capsys.readouterr().out


def test_ask_json_reads_questions_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.StringIO("Who is Boris Pistorius?\n\nWhat is the population of Brazil?\n")
    )
    assert main(["ask", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert set(first) == {"question", "answered", "answer", "confidence", "quotes", "sources"}
    assert first["answered"] is True
    assert set(first["sources"][0]) == {"briefing", "paragraph", "sentence", "text"}
    assert second["answered"] is False
    assert second["sources"] == []


def test_quotes_json_lists_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    main(["load", str(BRIEFINGS / "riverside-library.txt")])
    capsys.readouterr()
    assert main(["quotes", "--json"]) == 0
    quotes = json.loads(capsys.readouterr().out)
    assert {q["speaker"] for q in quotes} == {"Tom Alvarez", "Helen Baptiste"}
    assert all(set(q) == {"text", "speaker", "paragraph"} for q in quotes)


def test_chat_answers_until_quit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("who is zelensky\nquit\n"))
    assert main(["chat"]) == 0
    assert "Ukrainian President" in capsys.readouterr().out


def test_run_without_token_falls_back_to_the_terminal_chat(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["run"]) == 0
    captured = capsys.readouterr()
    assert "TELEGRAM_BOT_TOKEN is not set" in captured.err


def test_eval_prints_figures_per_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(EVAL / "harbour-ferry-strike.yaml")]) == 0
    out = capsys.readouterr().out
    assert "harbour-ferry-strike: answerable" in out
    assert "quotes attributed 6/6" in out


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for command in ("load", "ask", "quotes", "chat", "eval", "run"):
        assert f"briefbot {command}" in readme


def test_console_script_runs(db_url: str) -> None:
    script = Path(sys.executable).parent / "briefbot"
    result = subprocess.run(
        [str(script), "ask", "who is lecornu"],
        capture_output=True,
        text=True,
        env={**os.environ, "BRIEFBOT_DATABASE_URL": db_url},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Lecorno" in result.stdout
