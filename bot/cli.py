"""The `briefbot` command line: a thin adapter over the store and the engine."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from bot.config import Settings
from faq.answer import Answer
from faq.conversation import Context
from faq.curated import DATA_DIR
from faq.engine import Engine
from faq.evaluation import (
    BriefingResult,
    CurvePoint,
    curve_points,
    evaluate,
    format_curve,
    read_questions,
)
from store import insight
from store.document import Quote, plural
from store.errors import BriefbotError
from store.repository import Repository, Version, check_store


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `briefbot` command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
        if args.db:
            settings = _with_db(settings, args.db)
        status: int = args.command(args, settings)
        return status
    except BriefbotError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away (`briefbot ask --json | head`): stop quietly, and keep
        # Python from failing again when it flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("error: the output was closed before everything was written", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="Answer questions about a news briefing, with sources and direct quotes.",
    )
    parser.add_argument(
        "--db", metavar="URL", help="database URL (default: $BRIEFBOT_DATABASE_URL)"
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    load = commands.add_parser("load", help="ingest a briefing and make it active")
    load.add_argument("file", type=Path)
    load.add_argument(
        "--force", action="store_true", help="load it even if it has fewer than two sentences"
    )
    load.set_defaults(command=cmd_load)

    ask = commands.add_parser("ask", help="answer a question (or stdin lines with --json)")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument(
        "--conversation",
        action="store_true",
        help="with --json: stdin holds conversations, a blank line between them; a "
        "follow-up is read in the context of the answers before it",
    )
    ask.set_defaults(command=cmd_ask)

    quotes = commands.add_parser("quotes", help="list every direct quote with its speaker")
    quotes.add_argument("--json", action="store_true")
    quotes.set_defaults(command=cmd_quotes)

    chat = commands.add_parser("chat", help="chat with the engine in the terminal")
    chat.set_defaults(command=cmd_chat)

    who = commands.add_parser("who", help="the people and organisations, with their roles")
    who.add_argument("name", nargs="?")
    who.set_defaults(command=cmd_who)

    source = commands.add_parser("source", help="describe the loaded briefing")
    source.set_defaults(command=cmd_source)

    versions = commands.add_parser("versions", help="list the stored versions of the briefing")
    versions.set_defaults(command=cmd_versions)

    activate = commands.add_parser(
        "activate", help="make a stored version active (roll back to it)"
    )
    activate.add_argument("id", type=int, help="the version's id, as `briefbot versions` lists")
    activate.set_defaults(command=cmd_activate)

    prune = commands.add_parser(
        "prune", help="delete old versions: all but the newest N and the active one"
    )
    prune.add_argument("--keep", type=_count, required=True, metavar="N")
    prune.set_defaults(command=cmd_prune)

    stats = commands.add_parser(
        "stats", help="questions the bot handled, the share answered and the median time"
    )
    stats.set_defaults(command=cmd_stats)

    unanswered = commands.add_parser(
        "unanswered", help="the questions the bot abstained on, the most asked first"
    )
    unanswered.add_argument("--limit", type=_count, default=20, metavar="N")
    unanswered.set_defaults(command=cmd_unanswered)

    health = commands.add_parser(
        "health", help="exit 0 if the store opens with a briefing and the bot's loop is alive"
    )
    health.set_defaults(command=cmd_health)

    ev = commands.add_parser("eval", help="score the engine on a questions file")
    ev.add_argument("file", type=Path)
    ev.add_argument("--curve", action="store_true", help="also print the coverage/accuracy curve")
    ev.set_defaults(command=cmd_eval)

    run = commands.add_parser("run", help="run the Telegram bot (terminal chat without a token)")
    run.add_argument("--webhook", metavar="URL", help="serve a webhook at this public HTTPS URL")
    run.add_argument("--listen", default="0.0.0.0", help="webhook listen address")
    run.add_argument("--port", type=int, default=8443, help="webhook port")
    run.add_argument("--secret-token", help="webhook secret token")
    run.set_defaults(command=cmd_run)
    return parser


def _count(text: str) -> int:
    """Parse a whole number of zero or more (argparse prints the error)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is below zero")
    return value


def _with_db(settings: Settings, url: str) -> Settings:
    return replace(settings, database_url=url)


def _engine(settings: Settings, *, autoload: bool = False) -> Engine:
    """Return an engine on the configured store, loading the default briefing if empty."""
    engine = Engine(
        Repository(settings.database_url),
        curated_dir=DATA_DIR,
        max_briefing_bytes=settings.max_briefing_bytes,
    )
    if autoload and engine.repository.active_id() is None:
        # instances starting together on an empty store: the first one's load wins
        engine.load_file(settings.briefing, if_empty=True)
    return engine


def cmd_load(args: argparse.Namespace, settings: Settings) -> int:
    """Ingest FILE and make it the active briefing.

    Example: briefbot load briefing.txt
    """
    report = _engine(settings).load_file(args.file, force=args.force)
    print(report.summary())
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer QUESTION, or with --json and no question, each line of stdin."""
    if args.question is None and not args.json:
        print("error: give a question, or use --json to read questions from stdin", file=sys.stderr)
        return 2
    if args.conversation and (args.question is not None or not args.json):
        print(
            "error: --conversation reads stdin: use it with --json and no question", file=sys.stderr
        )
        return 2
    if args.question is not None and not args.question.strip():
        print("error: the question is empty: ask something about the briefing", file=sys.stderr)
        return 2
    engine = _engine(settings, autoload=True)
    if args.question is not None:
        answer, _ = _answer_or_refuse(engine, args.question, settings.max_question_chars)
        if args.json:
            print(json.dumps(answer, ensure_ascii=False))
        elif answer.get("error"):
            print(f"error: {answer['error']}", file=sys.stderr)
            return 1
        else:
            print(format_answer(engine.ask(args.question), engine.coverage()))
        return 0
    # one object per input line, written as soon as the line is read
    context: Context | None = None
    for line in sys.stdin:
        question = line.rstrip("\n")
        answer, after = _answer_or_refuse(
            engine, question, settings.max_question_chars, context=context
        )
        if args.conversation:
            answer["resolved"] = answer.get("resolved") or answer["question"]
            # a blank line ends a conversation; a refused question leaves it as it was
            context = None if not question.strip() else after or context
        print(json.dumps(answer, ensure_ascii=False), flush=True)
    return 0


def _answer_or_refuse(
    engine: Engine, question: str, max_chars: int, *, context: Context | None = None
) -> tuple[dict[str, Any], Context | None]:
    """Return the JSON of the answer to `question` and the context after it; a blank line
    gets an unanswered object and a question over the length limit an object with an
    error, both at once (and no context)."""
    empty = {"answered": False, "answer": "", "confidence": 0.0, "quotes": [], "sources": []}
    if not question.strip():
        return {"question": "", **empty}, None
    if len(question) > max_chars:
        return {
            "question": question[:max_chars],
            **empty,
            "error": _too_long(max_chars),
        }, None
    answer = engine.ask(question, context=context)
    return answer.to_json(resolved=context is not None), answer.context


def _too_long(max_chars: int) -> str:
    return f"the question is over {max_chars} characters (BRIEFBOT_MAX_QUESTION_CHARS)"


def cmd_quotes(args: argparse.Namespace, settings: Settings) -> int:
    """List every direct quote with its speaker."""
    engine = _engine(settings, autoload=True)
    quotes = engine.quotes()
    if args.json:
        data = [{"text": q.text, "speaker": q.speaker, "paragraph": q.paragraph} for q in quotes]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_quotes(quotes) or "The briefing has no direct quotes.")
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Chat with the engine in the terminal (Ctrl-D or "quit" to leave)."""
    return chat(
        _engine(settings, autoload=True),
        sys.stdin,
        sys.stdout,
        max_question_chars=settings.max_question_chars,
    )


def cmd_who(args: argparse.Namespace, settings: Settings) -> int:
    """List the people and organisations (those matching NAME), with their roles."""
    print(format_people(_engine(settings, autoload=True), args.name))
    return 0


def cmd_source(args: argparse.Namespace, settings: Settings) -> int:
    """Describe the loaded briefing: title, when it was loaded, what it holds."""
    print(format_source(_engine(settings, autoload=True)))
    return 0


def cmd_versions(args: argparse.Namespace, settings: Settings) -> int:
    """List the stored versions, newest first; the active one is marked with "*"."""
    repository = Repository(settings.database_url)
    try:
        versions = repository.versions()
    finally:
        repository.close()
    print(format_versions(versions) if versions else "No briefing has been loaded yet.")
    return 0


def cmd_activate(args: argparse.Namespace, settings: Settings) -> int:
    """Make version ID active; running bots answer from it within a few seconds."""
    repository = Repository(settings.database_url)
    try:
        version = repository.activate(args.id)
    finally:
        repository.close()
    print(
        f"Version {version.id} is active: “{version.title}”, loaded "
        f"{version.loaded_at:%Y-%m-%d %H:%M} UTC, {plural(version.sentences, 'sentence')}. "
        "Running bots answer from it within seconds."
    )
    return 0


def cmd_prune(args: argparse.Namespace, settings: Settings) -> int:
    """Delete all versions but the newest N and the active one."""
    repository = Repository(settings.database_url)
    try:
        removed = repository.prune(args.keep)
        kept = repository.versions()
    finally:
        repository.close()
    gone = f"Removed {plural(len(removed), 'version')}"
    if removed:
        gone += " (" + ", ".join(str(i) for i in removed) + ")"
    print(f"{gone}; kept {plural(len(kept), 'version')}.")
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    """Print the questions every bot instance handled, the share answered and the median
    handling time: today and since the oldest kept record."""
    repository = Repository(settings.database_url)
    try:
        periods = insight.stats(repository)
    finally:
        repository.close()
    for period in periods:
        print(period.summary())
    return 0


def cmd_unanswered(args: argparse.Namespace, settings: Settings) -> int:
    """Print the questions the bot abstained on most often (text only, kept for
    insight.KEEP_DAYS days), to add curated answers for."""
    repository = Repository(settings.database_url)
    try:
        found = insight.unanswered(repository, args.limit)
    finally:
        repository.close()
    if not found:
        print(f"No unanswered questions in the last {insight.KEEP_DAYS} days.")
    for item in found:
        print(f"{item.count:5d}×  {item.last_asked:%Y-%m-%d %H:%M}  {item.text}")
    return 0


def format_versions(versions: Sequence[Version]) -> str:
    """Return the versions, one a line: "*" for the active one, id, loaded date, size, title."""
    width = max(len(str(v.id)) for v in versions)
    return "\n".join(
        f"{'*' if v.active else ' '} {v.id:>{width}}  {_version_line(v)}" for v in versions
    )


def _version_line(version: Version) -> str:
    return (
        f"{version.loaded_at:%Y-%m-%d %H:%M} UTC  {plural(version.sentences, 'sentence'):>13}  "
        f"“{version.title}”"
    )


def cmd_health(args: argparse.Namespace, settings: Settings) -> int:
    """Check, writing nothing, that the store opens with an active briefing and, when
    BRIEFBOT_HEARTBEAT_FILE is set, that the running bot touched it recently."""
    check_store(settings.database_url)
    heartbeat = settings.heartbeat_file
    if heartbeat is not None:
        stale_after = 3 * settings.reload_poll_seconds + HEARTBEAT_GRACE_SECONDS
        try:
            age = time.time() - heartbeat.stat().st_mtime
        except OSError:
            print(f"error: the bot has not started: no heartbeat at {heartbeat}", file=sys.stderr)
            return 1
        if age > stale_after:
            print(f"error: the bot's loop is stuck: heartbeat {age:.0f} s old", file=sys.stderr)
            return 1
    print("ok")
    return 0


HEARTBEAT_GRACE_SECONDS = 30

CHAT_HELP = """Ask a question about the briefing in plain words; a follow-up ("What did she
say about it?", "And Kyiv?") is read in the context of the last answer. Or:
  /quotes [name]  the direct quotes, or those of one speaker
  /who [name]     the people and organisations, with their roles
  /source         the briefing: title, when it was loaded, what it holds
  /help           this list; quit (or Ctrl-D) leaves"""


def chat(engine: Engine, stdin: TextIO, stdout: TextIO, *, max_question_chars: int = 500) -> int:
    """Run the terminal chat over `stdin`/`stdout`: a follow-up is read in the context of
    the last answer, and a briefing loaded by another process is picked up before the
    next question."""
    document = engine.document
    print(
        f"briefbot — ask about “{document.title}” (/help for commands, Ctrl-D or 'quit' to leave)",
        file=stdout,
    )
    context: Context | None = None
    while True:
        print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line or line.strip().lower() in ("quit", "exit", "/quit"):
            print(file=stdout)
            return 0
        text = line.strip()
        if not text:
            continue
        if engine.refresh():
            print(f"(now answering from “{engine.document.title}”)", file=stdout)
        asking = text.lower().split(" ", 1)[0].split("@", 1)[0] == "/ask"  # as in Telegram
        if (text.startswith("/") and not asking) or text.lower() == "help":
            print(_chat_command(engine, text), file=stdout)
            continue
        if len(text) > max_question_chars:
            print(f"error: {_too_long(max_question_chars)}", file=stdout)
            continue
        answer = engine.ask(text, context=context)
        context = answer.context
        print(format_answer(answer, engine.coverage()), file=stdout)


def _chat_command(engine: Engine, text: str) -> str:
    """Return the reply to a chat command."""
    command, _, rest = text.partition(" ")
    argument = rest.strip() or None
    if command.lower() in ("/help", "help", "/start"):
        return CHAT_HELP
    if command.lower() == "/quotes":
        return format_quotes(engine.quotes(argument)) or "No quotes found."
    if command.lower() == "/who":
        return format_people(engine, argument)
    if command.lower() == "/source":
        return format_source(engine)
    return f"I don't know {command}: see /help."


def format_quotes(quotes: Sequence[Quote]) -> str:
    """Return the quotes as lines of text: paragraph, speaker, words."""
    return "\n".join(f"¶{q.paragraph} {q.speaker}: “{q.text}”" for q in quotes)


def format_people(engine: Engine, name: str | None) -> str:
    """Return the people and organisations (matching `name`), one a line, with roles."""
    found = engine.who(name)
    if not found:
        return f"No one called “{name}” is in the briefing." if name else "No one is named."
    return "\n".join(
        f"{e.name} ({e.kind.value})" + (f": {e.role}" if e.role else "") for e in found
    )


def format_source(engine: Engine) -> str:
    """Return a description of the loaded briefing, as the bot's /source gives it."""
    document = engine.document
    lines = [document.title]
    for label, value in (
        ("Source", document.source),
        ("Link", document.url),
        ("Published", document.published),
        ("File", document.file_name),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if document.loaded_at:
        version = f" (version {document.version})" if document.version else ""
        lines.append(f"Loaded: {document.loaded_at:%Y-%m-%d %H:%M} UTC{version}")
    lines.append(document.counts())
    lines.append(f"Answering: {engine.matching}")
    return "\n".join(lines)


def format_answer(answer: Answer, coverage: str = "") -> str:
    """Return an answer as readable terminal text; `coverage` says what the briefing covers."""
    note = [f"({answer.reading})"] if answer.reading else []
    if not answer.answered:
        lines = [*note, f"{answer.answer} {coverage}".strip()]
        if answer.suggestions:
            lines.append("Did you mean: " + " / ".join(answer.suggestions))
        return "\n".join(lines)
    lines = [*note, answer.answer]
    for quote in answer.quotes:
        lines.append(f"  “{_clip(quote.text.replace(chr(10), ' '))}” — {quote.speaker}")
    for source in answer.sources:
        lines.append(
            f"Source: {source.briefing}, paragraph {source.paragraph}, sentence {source.sentence}"
        )
    return "\n".join(lines)


def _clip(text: str, limit: int = 240) -> str:
    """Return `text` cut at a word to at most `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Score the engine on a questions file and print accuracy per briefing."""
    results = []
    points: list[CurvePoint] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, briefing in enumerate(read_questions(args.file)):
            engine = Engine(Repository(f"sqlite:///{Path(tmp) / f'eval-{n}.db'}"))
            engine.load_file(briefing.path)
            results.append(evaluate(briefing, engine.ask, list(engine.document.quotes)))
            if args.curve:
                points += curve_points(briefing, functools.partial(engine.ask, threshold=0.0))
            engine.repository.close()
    for result in results:
        print(_format_failures(result))
    for result in results:
        print(_format_result(result))
    if args.curve:
        print(
            f"coverage/accuracy curve over all {len(points)} questions (answering mode: "
            f"{engine.mode}):"
        )
        print("\n".join(format_curve(points, CURVE_THRESHOLDS)))
    return 0


CURVE_THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _format_result(result: BriefingResult) -> str:
    line = (
        f"{result.name}: answerable {result.answerable}, off-topic abstained {result.offtopic}, "
        f"unanswerable abstained {result.unanswerable}, quotes attributed {result.quotes}"
    )
    if result.followups.total:
        line += f", follow-ups {result.followups} (asked without context: {result.followups_alone})"
    return line


def _format_failures(result: BriefingResult) -> str:
    lines = [f"== {result.name}: {len(result.failures)} failures"]
    lines += [f"  - {failure}" for failure in result.failures]
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Telegram bot; without TELEGRAM_BOT_TOKEN, the terminal chat instead."""
    if not settings.telegram_bot_token and not sys.stdin.isatty():
        print(
            "error: TELEGRAM_BOT_TOKEN is not set, and without a terminal there is no chat to "
            "start: set TELEGRAM_BOT_TOKEN (in Docker: export it on the host, or pass "
            "-e TELEGRAM_BOT_TOKEN=…)",
            file=sys.stderr,
        )
        return 2
    engine = _engine(settings, autoload=True)
    if not settings.telegram_bot_token:
        print("TELEGRAM_BOT_TOKEN is not set: starting the terminal chat instead.", file=sys.stderr)
        return chat(engine, sys.stdin, sys.stdout, max_question_chars=settings.max_question_chars)
    from telegram.error import NetworkError

    from bot.app import run_bot

    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            run_bot(
                settings,
                engine,
                webhook_url=args.webhook,
                listen=args.listen,
                port=args.port,
                secret_token=args.secret_token,
            )
            return 0
        except NetworkError as error:  # TimedOut is one too
            print(
                f"error: cannot reach the Telegram Bot API at {settings.telegram_api_base_url} "
                f"(attempt {attempt} of {START_ATTEMPTS}): {error}",
                file=sys.stderr,
                flush=True,
            )
            if attempt < START_ATTEMPTS:
                time.sleep(START_BACKOFF_SECONDS * 2 ** (attempt - 1))
    return 1


START_ATTEMPTS = 5
START_BACKOFF_SECONDS = 2.0


if __name__ == "__main__":
    sys.exit(main())
