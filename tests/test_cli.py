"""The `briefbot` command line, through its real entry point."""

from __future__ import annotations

import io
import json
import os
import select
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings

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
    assert len(lines) == 3  # one object per input line, the blank one included
    first, blank, third = (json.loads(line) for line in lines)
    assert set(first) == {"question", "answered", "answer", "confidence", "quotes", "sources"}
    assert first["answered"] is True
    assert set(first["sources"][0]) == {"briefing", "paragraph", "sentence", "text"}
    assert blank == {
        "question": "",
        "answered": False,
        "answer": "",
        "confidence": 0.0,
        "quotes": [],
        "sources": [],
    }
    assert set(blank) == set(first)  # every object has the same fields
    assert third["answered"] is False
    assert third["sources"] == []


def test_ask_json_conversation_reads_follow_ups_in_context(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    conversations = (
        "Where did the UK and French military chiefs meet Zelensky?\n"
        "When was that?\n"
        "\n"
        "When was that?\n"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(conversations))
    assert main(["ask", "--json", "--conversation"]) == 0
    first, second, blank, alone = (
        json.loads(line) for line in capsys.readouterr().out.splitlines()
    )
    assert first["resolved"] == first["question"]
    assert second["question"] == "When was that?"
    assert second["resolved"] == "When did the UK and French military chiefs meet Zelensky?"
    assert second["answered"] is True
    assert "last weekend" in second["answer"]
    assert blank["question"] == ""
    # a blank line ends the conversation: the same words now have no context
    assert alone["resolved"] == "When was that?"
    assert alone["answered"] is False


def test_ask_conversation_needs_json_and_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--conversation", "When was that?"]) == 2
    assert "--conversation reads stdin" in capsys.readouterr().err


@pytest.mark.parametrize("flags", [[], ["--json"]])
def test_ask_refuses_an_empty_question(
    capsys: pytest.CaptureFixture[str], flags: list[str]
) -> None:
    assert main(["ask", *flags, "  "]) == 2
    captured = capsys.readouterr()
    assert captured.err == "error: the question is empty: ask something about the briefing\n"
    assert captured.out == ""


def test_chat_takes_ask_as_in_telegram_and_refuses_an_over_long_question(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = f"/ask Where will the defence ministers meet?\n{'why ' * 200}?\nquit\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "Brussels" in out
    assert "I don't know" not in out
    assert "error: the question is over 500 characters (BRIEFBOT_MAX_QUESTION_CHARS)" in out


def test_chat_reads_a_follow_up_in_the_context_of_the_last_answer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = "Where did the UK and French military chiefs meet Zelensky?\nWhen was that?\nquit\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "(Taking this as “When did the UK and French military chiefs meet Zelensky?”)" in out
    assert out.count("last weekend") == 2


def test_ask_json_refuses_an_over_long_question_at_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("why " * 50_000 + "\nWho is Boris Pistorius?\n"))
    assert main(["ask", "--json"]) == 0
    long, short = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert long["answered"] is False
    assert "over 500 characters" in long["error"]
    assert short["answered"] is True


def test_ask_json_answers_each_line_as_soon_as_it_is_read(db_url: str) -> None:
    script = Path(sys.executable).parent / "briefbot"
    with subprocess.Popen(
        [str(script), "ask", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "BRIEFBOT_DATABASE_URL": db_url},
    ) as process:
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.write("Who is Boris Pistorius?\n")
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "no answer while stdin was still open"
        first = json.loads(process.stdout.readline())
        assert first["answered"] is True
        process.stdin.close()
        assert process.wait(timeout=60) == 0


def test_a_closed_output_pipe_is_one_line_not_a_traceback(db_url: str, tmp_path: Path) -> None:
    questions = tmp_path / "questions.txt"
    questions.write_text("Who is Boris Pistorius?\n" * 2000, encoding="utf-8")
    script = Path(sys.executable).parent / "briefbot"
    with (
        questions.open(encoding="utf-8") as stdin,
        subprocess.Popen(
            [str(script), "ask", "--json"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "BRIEFBOT_DATABASE_URL": db_url},
        ) as process,
    ):
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        err = process.stderr.read().decode()
        assert process.wait(timeout=60) != 0
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert err.startswith("error: ")


def test_a_bad_database_url_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", "bogus")
    assert main(["ask", "Who is Boris Pistorius?"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: 'bogus' is not a database URL")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("- just\n- a list\n", "not in the questions format"),
        ("briefings: [unclosed\n", "not a YAML questions file"),
    ],
)
def test_a_missing_or_malformed_eval_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    path = tmp_path / "questions.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["eval", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


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


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_run_without_token_falls_back_to_the_terminal_chat(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal(""))
    assert main(["run"]) == 0
    captured = capsys.readouterr()
    assert "TELEGRAM_BOT_TOKEN is not set" in captured.err


def test_run_without_token_or_terminal_fails_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # as under `docker run -d`
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: TELEGRAM_BOT_TOKEN is not set")
    assert err.count("\n") == 1


def test_eval_prints_figures_per_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(EVAL / "harbour-ferry-strike.yaml")]) == 0
    out = capsys.readouterr().out
    assert "harbour-ferry-strike: answerable" in out
    assert "quotes attributed 6/6" in out


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    commands = ("load", "ask", "quotes", "who", "source", "chat", "eval", "run", "versions")
    for command in (*commands, "activate", "prune --keep"):
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


def test_the_default_store_is_in_the_user_data_folder_whatever_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BRIEFBOT_DATABASE_URL")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    assert main(["ask", "Where will the defence ministers meet?"]) == 0
    assert "Brussels" in capsys.readouterr().out
    assert (tmp_path / "data" / "briefbot" / "briefbot.db").is_file()
    assert list(elsewhere.iterdir()) == []


def test_the_default_store_without_xdg_is_under_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    url = Settings.from_env({}).database_url
    assert url == f"sqlite:///{tmp_path / '.local' / 'share' / 'briefbot' / 'briefbot.db'}"


def test_a_sqlite_url_in_a_missing_folder_is_an_error_not_a_new_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'typo' / 'b.db'}")
    assert main(["ask", "Who is Boris Pistorius?"]) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err
    assert err.count("\n") == 1
    assert not (tmp_path / "typo").exists()


def test_chat_understands_its_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = "help\n/quotes healey\n/who Pistorius\n/source\n/frobnicate\nquit\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "/quotes [name]" in out  # help, not an answer from the article
    assert "John Healey: “" in out
    assert "Boris Pistorius (person): German defence minister" in out
    assert "Answering: semantic" in out
    assert "I don't know /frobnicate" in out
    assert "The briefing doesn't say" not in out


def test_chat_picks_up_a_briefing_loaded_by_another_process(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from faq.engine import Engine
    from store.repository import Repository

    engine = Engine(Repository(db_url))
    engine.load_file(BRIEFINGS / "coalition-of-the-willing.txt")

    class Stdin(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            line = super().readline()
            if line.startswith("When does the library"):
                other = Engine(Repository(db_url))  # as `briefbot load` elsewhere
                other.load_file(BRIEFINGS / "riverside-library.txt")
                other.repository.close()
            return line

    from bot.cli import chat

    chat(engine, Stdin("When does the library reopen?\nquit\n"), sys.stdout)
    out = capsys.readouterr().out
    assert "now answering from “Northfield City Council" in out
    assert "3 March" in out
    engine.repository.close()


def test_who_and_source_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["who", "healey"]) == 0
    assert capsys.readouterr().out.startswith("John Healey (person)")
    assert main(["source"]) == 0
    out = capsys.readouterr().out
    assert "paragraphs" in out
    assert "Answering: semantic" in out


def test_a_headline_alone_is_refused_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["load", str(BRIEFINGS / "riverside-library.txt")])
    headline = tmp_path / "headline.txt"
    headline.write_text("Council approves new budget\n", encoding="utf-8")
    assert main(["load", str(headline)]) == 1
    err = capsys.readouterr().err
    assert "has only 1 sentence" in err
    assert err.count("\n") == 1
    assert main(["source"]) == 0
    assert capsys.readouterr().out.startswith("Northfield City Council")  # still active
    assert main(["load", "--force", str(headline)]) == 0
    assert "1 paragraph, 1 sentence, 0 quotes" in capsys.readouterr().out


def test_health_writes_nothing_and_fails_on_an_empty_or_missing_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", f"sqlite:///{missing}")
    assert main(["health"]) == 1
    assert "no store" in capsys.readouterr().err
    assert not missing.exists()  # the check created nothing


def test_health_checks_the_store_and_the_bot_s_heartbeat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["load", str(BRIEFINGS / "riverside-library.txt")])
    assert main(["health"]) == 0  # no heartbeat file configured: the store alone
    heartbeat = tmp_path / "heartbeat"
    monkeypatch.setenv("BRIEFBOT_HEARTBEAT_FILE", str(heartbeat))
    assert main(["health"]) == 1
    assert "has not started" in capsys.readouterr().err
    heartbeat.touch()
    assert main(["health"]) == 0
    os.utime(heartbeat, (0, 0))
    assert main(["health"]) == 1
    assert "stuck" in capsys.readouterr().err


def test_an_unreachable_bot_api_is_retried_with_one_line_an_attempt(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    import bot.cli

    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST")
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", f"http://127.0.0.1:{port}/bot")
    monkeypatch.setattr(bot.cli, "START_ATTEMPTS", 3)
    monkeypatch.setattr(bot.cli, "START_BACKOFF_SECONDS", 0.01)
    assert main(["run"]) == 1
    err = capfd.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 3
    assert all("cannot reach the Telegram Bot API" in line for line in lines)
    assert "attempt 3 of 3" in lines[-1]
    assert "Traceback" not in err
    assert "123456:TEST" not in err


def test_a_load_that_finds_the_store_locked_waits_then_says_so_in_one_line(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    import store.sqlite

    assert main(["load", str(BRIEFINGS / "riverside-library.txt")]) == 0
    capsys.readouterr()
    monkeypatch.setattr(store.sqlite, "BUSY_TIMEOUT_MS", 200)
    writer = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # another process in the middle of a write
    try:
        assert main(["load", str(BRIEFINGS / "coalition-of-the-willing.txt")]) == 1
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    err = capsys.readouterr().err
    assert err.startswith("error: the store is locked by another process")
    assert err.count("\n") == 1
    assert main(["source"]) == 0
    assert capsys.readouterr().out.startswith("Northfield City Council")  # unchanged


def test_versions_activate_and_prune(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(BRIEFINGS / "riverside-library.txt")]) == 0
    assert main(["load", str(BRIEFINGS / "coalition-of-the-willing.txt")]) == 0
    assert "(version 2)" in capsys.readouterr().out
    assert main(["versions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("* 2  ")
    assert "The Defence Secretary" in lines[0]
    assert lines[1].startswith("  1  ")
    assert "13 sentences" in lines[1]

    assert main(["activate", "1"]) == 0
    assert capsys.readouterr().out.startswith("Version 1 is active: “Northfield City Council")
    assert main(["source"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Northfield City Council")
    assert "(version 1)" in out

    assert main(["activate", "99"]) == 1
    err = capsys.readouterr().err
    assert err == "error: there is no version 99: `briefbot versions` lists them\n"

    assert main(["prune", "--keep", "0"]) == 0
    assert capsys.readouterr().out == "Removed 1 version (2); kept 1 version.\n"
    assert main(["versions"]) == 0
    assert capsys.readouterr().out.startswith("* 1  ")


def test_loading_the_same_text_again_reactivates_its_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    riverside = str(BRIEFINGS / "riverside-library.txt")
    assert main(["load", riverside]) == 0
    assert main(["load", str(BRIEFINGS / "coalition-of-the-willing.txt")]) == 0
    assert main(["load", riverside]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith("(the same text as version 1, active again)")
    assert main(["versions"]) == 0
    assert capsys.readouterr().out.count("\n") == 2  # no copy stored


def test_versions_on_an_empty_store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["versions"]) == 0
    assert capsys.readouterr().out == "No briefing has been loaded yet.\n"


def test_stats_and_unanswered_read_what_the_bots_recorded(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from store import insight
    from store.repository import Repository

    now = datetime.now(UTC)
    repository = Repository(db_url)
    insight.record(
        repository,
        [insight.Handled(now, True, 12.0), insight.Handled(now, False, 30.0)],
        [("What is the capital of France?", now)],
    )
    repository.close()

    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "today (UTC): 2 questions, 1 answered (50%), median 12 ms" in out
    assert main(["unanswered", "--limit", "5"]) == 0
    assert "    1×  " in capsys.readouterr().out


def test_stats_of_a_new_store_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    assert "today (UTC): no questions" in capsys.readouterr().out
    assert main(["unanswered"]) == 0
    assert "No unanswered questions in the last 30 days." in capsys.readouterr().out


def test_health_on_a_database_nothing_set_up_says_so(
    store_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if store_url.startswith("sqlite"):
        import sqlite3

        sqlite3.connect(store_url.removeprefix("sqlite:///")).close()  # an empty file
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", store_url)
    assert main(["health"]) == 1
    assert capsys.readouterr().err == (
        "error: the store has no briefbot tables yet: run `briefbot load FILE` or start the bot\n"
    )
