"""Settings read once from the environment into one typed, frozen object."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from store.errors import ConfigError

BUNDLED_BRIEFING = Path(__file__).parent / "briefings" / "coalition-of-the-willing.txt"
TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"
TELEGRAM_API_BASE_FILE_URL = "https://api.telegram.org/file/bot"


@dataclass(frozen=True)
class Settings:
    """Everything briefbot reads from the environment."""

    telegram_bot_token: str | None = field(default=None, repr=False)
    telegram_api_base_url: str = TELEGRAM_API_BASE_URL
    telegram_api_base_file_url: str = TELEGRAM_API_BASE_FILE_URL
    database_url: str = ""  # from_env: the user data directory's store, when unset
    briefing: Path = BUNDLED_BRIEFING
    operator_ids: frozenset[int] = frozenset()
    questions_per_minute: int = 20
    max_question_chars: int = 500
    max_briefing_bytes: int = 1_000_000
    reload_poll_seconds: float = 3.0
    messages_per_second: int = 30  # flood control for everything the bot sends
    heartbeat_file: Path | None = None  # touched by the running bot; `briefbot health` reads it

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Return settings from `environ` (default: the process environment)."""
        env = os.environ if environ is None else environ
        defaults = cls()
        return cls(
            telegram_bot_token=env.get("TELEGRAM_BOT_TOKEN") or None,
            telegram_api_base_url=env.get("TELEGRAM_API_BASE_URL")
            or defaults.telegram_api_base_url,
            telegram_api_base_file_url=(
                env.get("TELEGRAM_API_BASE_FILE_URL") or defaults.telegram_api_base_file_url
            ),
            database_url=env.get("BRIEFBOT_DATABASE_URL") or default_database_url(env),
            briefing=Path(env["BRIEFBOT_BRIEFING"])
            if env.get("BRIEFBOT_BRIEFING")
            else BUNDLED_BRIEFING,
            operator_ids=_parse_ids(env.get("BRIEFBOT_OPERATOR_IDS", "")),
            questions_per_minute=_parse_int(
                env, "BRIEFBOT_QUESTIONS_PER_MINUTE", defaults.questions_per_minute
            ),
            max_question_chars=_parse_int(
                env, "BRIEFBOT_MAX_QUESTION_CHARS", defaults.max_question_chars
            ),
            max_briefing_bytes=_parse_int(
                env, "BRIEFBOT_MAX_BRIEFING_BYTES", defaults.max_briefing_bytes
            ),
            messages_per_second=_parse_int(
                env, "BRIEFBOT_MESSAGES_PER_SECOND", defaults.messages_per_second
            ),
            heartbeat_file=Path(env["BRIEFBOT_HEARTBEAT_FILE"])
            if env.get("BRIEFBOT_HEARTBEAT_FILE")
            else None,
        )


def data_dir(env: Mapping[str, str]) -> Path:
    """Return briefbot's folder in the user data directory (XDG), whatever the working
    directory: `$XDG_DATA_HOME/briefbot`, by default `~/.local/share/briefbot`."""
    base = env.get("XDG_DATA_HOME") or ""
    root = Path(base) if Path(base).is_absolute() else Path.home() / ".local" / "share"
    return root / "briefbot"


def default_database_url(env: Mapping[str, str]) -> str:
    """Return the URL of the default store, creating its folder (only this one is made)."""
    folder = data_dir(env)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(
            f"cannot create the default store's folder {folder}: {error.strerror}; "
            "set BRIEFBOT_DATABASE_URL"
        ) from error
    return f"sqlite:///{folder / 'briefbot.db'}"


def _parse_ids(raw: str) -> frozenset[int]:
    """Return the Telegram user ids in a comma- or space-separated list."""
    ids = set()
    for part in raw.replace(",", " ").split():
        try:
            ids.add(int(part))
        except ValueError:
            raise ConfigError(
                f"BRIEFBOT_OPERATOR_IDS must list numeric Telegram user ids, got {part!r}"
            ) from None
    return frozenset(ids)


def _parse_int(env: Mapping[str, str], name: str, default: int) -> int:
    """Return a positive integer setting, or `default` when unset."""
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {value}")
    return value
