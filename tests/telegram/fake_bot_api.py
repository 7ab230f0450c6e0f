"""A fake Telegram Bot API server on 127.0.0.1, strict where Telegram is strict.

It serves the methods briefbot uses (getMe, getUpdates with long polling, sendMessage,
editMessageText, answerCallbackQuery, answerInlineQuery, setMyCommands, deleteWebhook,
getFile and file downloads), records every call, and rejects what Telegram rejects:
text over 4096 characters, HTML that Telegram's parser refuses, replies to unknown
messages, callback data over 64 bytes. Tests push real update JSON and assert on the
recorded calls. `serving()` drives an Application against it the way `run_polling` does.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import json
import logging
import re
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
MAX_CALLBACK_ANSWER = 200
BOT_ID = 7000001
BOT_USERNAME = "briefbot_test_bot"
TOKEN = f"{BOT_ID}:AAFakeTokenForTests-do-not-log-me_0123456789"

# Values PTB sends as plain strings; every other form field is JSON-encoded.
STRING_FIELDS = frozenset(
    {"text", "parse_mode", "callback_query_id", "inline_query_id", "file_id", "next_offset",
     "url", "secret_token", "caption", "language_code", "ip_address"}
)  # fmt: skip

ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "b": frozenset(), "strong": frozenset(), "i": frozenset(), "em": frozenset(),
    "u": frozenset(), "ins": frozenset(), "s": frozenset(), "strike": frozenset(),
    "del": frozenset(), "span": frozenset({"class"}), "tg-spoiler": frozenset(),
    "a": frozenset({"href"}), "code": frozenset({"class"}), "pre": frozenset(),
    "blockquote": frozenset({"expandable"}), "tg-emoji": frozenset({"emoji-id"}),
}  # fmt: skip
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Briefbot",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
ALICE = {"id": 1001, "is_bot": False, "first_name": "Alice", "language_code": "en"}
BOB = {"id": 1002, "is_bot": False, "first_name": "Bob", "language_code": "en"}
OPERATOR = {"id": 4242, "is_bot": False, "first_name": "Olga", "username": "olga_ops"}
GROUP = {"id": -1001234567890, "type": "supergroup", "title": "Briefing readers"}

_COMMAND_RE = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{5,32})?")
_MENTION_RE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{5,32}")
_COMMAND_NAME_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_START_PARAMETER_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class Rejected(Exception):
    """A request Telegram would refuse, with its error code and description."""

    def __init__(self, description: str, code: int = 400, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.description = description
        self.code = code
        self.retry_after = retry_after


# -- HTML as Telegram parses it ---------------------------------------------------


class _TelegramHTML(HTMLParser):
    """Telegram's HTML subset: allowed tags only, properly nested, < and & escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            raise Rejected(f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}"')
        for name, value in attrs:
            if name not in ALLOWED_TAGS[tag]:
                raise Rejected(f"Bad Request: can't parse entities: bad attribute {name!r}")
            if tag == "span" and value != "tg-spoiler":
                raise Rejected("Bad Request: can't parse entities: span without tg-spoiler")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise Rejected(f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}/"')

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            expected = f"</{self.open[-1]}>" if self.open else "nothing"
            raise Rejected(
                "Bad Request: can't parse entities: Unmatched end tag "
                f'"</{tag}>", expected {expected}'
            )
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for char in "<&":
            if char in data:
                raise Rejected(
                    f"Bad Request: can't parse entities: unescaped {char!r} in {data[:40]!r}"
                )
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in NAMED_ENTITIES:
            raise Rejected(f'Bad Request: can\'t parse entities: Unsupported entity "&{name};"')
        self.text.append(NAMED_ENTITIES[name])

    def handle_charref(self, name: str) -> None:
        code = int(name[1:], 16) if name[:1] in "xX" else int(name)
        self.text.append(chr(code))

    def handle_comment(self, data: str) -> None:
        raise Rejected("Bad Request: can't parse entities: comments are not supported")

    def handle_decl(self, decl: str) -> None:
        raise Rejected("Bad Request: can't parse entities: declarations are not supported")

    def handle_pi(self, data: str) -> None:
        raise Rejected("Bad Request: can't parse entities: processing instructions")

    def unknown_decl(self, data: str) -> None:
        raise Rejected("Bad Request: can't parse entities: unknown declaration")


def parse_html(text: str) -> str:
    """Return the visible text of Telegram HTML; raise Rejected as Telegram would."""
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.open:
        raise Rejected(
            "Bad Request: can't parse entities: Can't find end tag corresponding to start tag "
            f'"{parser.open[-1]}"'
        )
    return "".join(parser.text)


def utf16_len(text: str) -> int:
    """Return the length of `text` in UTF-16 code units, as Telegram counts."""
    return len(text.encode("utf-16-le")) // 2


def visible_text(text: Any, parse_mode: Any) -> str:
    """Return a message's text after entity parsing; raise Rejected on bad text."""
    if not isinstance(text, str) or not text.strip():
        raise Rejected("Bad Request: message text is empty")
    plain = parse_html(text) if str(parse_mode).upper() == "HTML" else text
    if not plain.strip():
        raise Rejected("Bad Request: message text is empty")
    if utf16_len(plain) > MAX_TEXT:
        raise Rejected("Bad Request: message is too long")
    return plain


# -- recorded calls ---------------------------------------------------------------


@dataclass
class ApiCall:
    """One request the bot made, its decoded parameters and how the fake answered."""

    method: str
    params: dict[str, Any]
    error: str | None = None
    injected: bool = False  # failed on purpose, by fail_next()

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def parse_mode(self) -> str | None:
        return self.params.get("parse_mode")

    @property
    def reply_to(self) -> int | None:
        """Return the id of the message this call replies to, if any."""
        reply = self.params.get("reply_parameters")
        if isinstance(reply, dict):
            return int(reply["message_id"])
        value = self.params.get("reply_to_message_id")
        return None if value is None else int(value)

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """Return the inline keyboard buttons, row by row, flattened."""
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


@dataclass
class _Failure:
    method: str
    error: Rejected


@dataclass
class _File:
    file_id: str
    file_unique_id: str
    path: str
    data: bytes


@dataclass
class FakeBotApi:
    """The fake server: push updates in, read the bot's calls out."""

    token: str = TOKEN
    host: str = "127.0.0.1"
    port: int = 0
    calls: list[ApiCall] = field(default_factory=list)
    accepted: collections.Counter[str] = field(default_factory=collections.Counter)
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    _chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    _files: dict[str, _File] = field(default_factory=dict)
    _callback_ids: dict[str, bool] = field(default_factory=dict)
    _inline_ids: dict[str, bool] = field(default_factory=dict)
    _failures: list[_Failure] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None
    _changed: asyncio.Condition | None = None
    _closing: bool = False
    latency: float = 0.0  # seconds added to every answer but getUpdates (Telegram is far away)

    # -- server lifecycle -----------------------------------------------------------

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        self._changed = asyncio.Condition()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, 0).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """End pending long polls and stop listening."""
        self._closing = True
        self._notify()
        await asyncio.sleep(0)
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

    # -- what the bot did -------------------------------------------------------------

    def sent(self, method: str = "sendMessage", *, chat_id: int | None = None) -> list[ApiCall]:
        """Return the accepted calls of `method` (to `chat_id`), in order."""
        return [
            c
            for c in self.calls
            if c.method == method and c.error is None and (chat_id is None or c.chat_id == chat_id)
        ]

    @property
    def rejected(self) -> list[ApiCall]:
        """Return the calls the fake refused (a strict Telegram would have too)."""
        return [c for c in self.calls if c.error is not None and not c.injected]

    async def wait_for(
        self, method: str = "sendMessage", count: int = 1, *, within: float = 10.0
    ) -> list[ApiCall]:
        """Wait until `count` accepted calls of `method` were made; return them."""
        await eventually(lambda: self.accepted[method] >= count, within, f"{count} {method}")
        return self.sent(method)

    def fail_next(
        self, method: str, description: str, *, code: int = 400, retry_after: int | None = None
    ) -> None:
        """Make the next call of `method` fail as given (e.g. 429 with retry_after)."""
        self._failures.append(_Failure(method, Rejected(description, code, retry_after)))

    # -- updates in --------------------------------------------------------------------

    def push(self, *updates: dict[str, Any]) -> None:
        """Queue updates for getUpdates."""
        self._updates.extend(updates)
        self._notify()

    def private_text(self, user: dict[str, Any], text: str) -> dict[str, Any]:
        """Return an update: `user` sends `text` to the bot in a private chat."""
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        return self.message_update(chat, user, text)

    def group_text(
        self,
        user: dict[str, Any],
        text: str,
        *,
        reply_to: dict[str, Any] | None = None,
        chat: dict[str, Any] = GROUP,
    ) -> dict[str, Any]:
        """Return an update: `user` writes `text` in a group, maybe replying to a message."""
        return self.message_update(chat, user, text, reply_to=reply_to)

    def document_upload(
        self,
        user: dict[str, Any],
        data: bytes,
        file_name: str,
        *,
        mime_type: str = "text/plain",
        file_size: int | None = None,
    ) -> dict[str, Any]:
        """Return an update: `user` sends a document privately; its bytes are downloadable."""
        n = next(self._ids)
        stored = _File(f"DOC{n}", f"U{n}", f"documents/file_{n}{_suffix(file_name)}", data)
        self._files[stored.file_id] = stored
        document = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(data) if file_size is None else file_size,
        }
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        return self.message_update(chat, user, None, document=document)

    def message_update(
        self,
        chat: dict[str, Any],
        user: dict[str, Any],
        text: str | None,
        *,
        reply_to: dict[str, Any] | None = None,
        document: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Return a message update with the entities Telegram would add to `text`."""
        self._chats[chat["id"]] = chat
        message: dict[str, Any] = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
        }
        if text is not None:
            message["text"] = text
            entities = _entities(text)
            if entities:
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if document is not None:
            message["document"] = document
        self._messages[(chat["id"], message["message_id"])] = message
        return {"update_id": next(self._update_ids), "message": message}

    def callback(self, user: dict[str, Any], message: dict[str, Any], data: str) -> dict[str, Any]:
        """Return an update: `user` presses the button with `data` under the bot's `message`."""
        query_id = str(next(self._ids) * 1_000_003)
        self._callback_ids[query_id] = False
        query = {
            "id": query_id,
            "from": user,
            "message": message,
            "chat_instance": "ci-1",
            "data": data,
        }
        return {"update_id": next(self._update_ids), "callback_query": query}

    def inline(self, user: dict[str, Any], query: str, chat_type: str = "sender") -> dict[str, Any]:
        """Return an update: `user` types `@botname query` in some chat."""
        query_id = str(next(self._ids) * 1_000_033)
        self._inline_ids[query_id] = False
        inline = {
            "id": query_id,
            "from": user,
            "query": query,
            "offset": "",
            "chat_type": chat_type,
        }
        return {"update_id": next(self._update_ids), "inline_query": inline}

    def message_of(self, call: ApiCall) -> dict[str, Any]:
        """Return the message the fake created for an accepted sendMessage call."""
        for (_, _), message in self._messages.items():
            if message.get("_call") is call:
                return {k: v for k, v in message.items() if not k.startswith("_")}
        raise KeyError("no message for this call")

    # -- HTTP ----------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(Rejected("Unauthorized", 401))
        method = request.match_info["method"]
        params = await _params(request)
        if self.latency and method != "getUpdates":
            await asyncio.sleep(self.latency)
        call = ApiCall(method, params)
        try:
            failure = next((f for f in self._failures if f.method == method), None)
            if failure is not None:
                self._failures.remove(failure)
                call.injected = True
                raise failure.error
            handler = getattr(self, f"_m_{method}", None)
            if handler is None:
                raise Rejected("Not Found", 404)
            if method == "getUpdates":
                result = await self._m_getUpdates(params)
            else:
                result = handler(params, call)
        except Rejected as error:
            call.error = error.description
            self._record(call)
            return _error(error)
        if method != "getUpdates" or result:
            self._record(call)
        return web.json_response({"ok": True, "result": result})

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        path = request.match_info["path"]
        for stored in self._files.values():
            if stored.path == path:
                return web.Response(body=stored.data)
        return web.Response(status=404)

    def _record(self, call: ApiCall) -> None:
        self.calls.append(call)
        if call.error is None:
            self.accepted[call.method] += 1
        self._notify()

    def _notify(self) -> None:
        if self._changed is None:
            return

        async def notify(condition: asyncio.Condition) -> None:
            async with condition:
                condition.notify_all()

        with contextlib.suppress(RuntimeError):  # no running loop: nobody is waiting
            asyncio.get_running_loop().create_task(notify(self._changed))

    # -- methods ---------------------------------------------------------------------------

    def _m_getMe(self, params: dict[str, Any], call: ApiCall) -> Any:
        return BOT_USER

    def _m_deleteWebhook(self, params: dict[str, Any], call: ApiCall) -> Any:
        return True

    def _m_setWebhook(self, params: dict[str, Any], call: ApiCall) -> Any:
        if not str(params.get("url", "")).startswith(("https://", "http://127.0.0.1")):
            raise Rejected("Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        return True

    def _m_setMyCommands(self, params: dict[str, Any], call: ApiCall) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list) or not commands or len(commands) > 100:
            raise Rejected("Bad Request: commands must be a non-empty list")
        for command in commands:
            if not _COMMAND_NAME_RE.match(str(command.get("command", ""))):
                raise Rejected("Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise Rejected("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        return True

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        assert self._changed is not None
        if not self._updates and timeout > 0:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self._updates) or self._closing),
                        timeout,
                    )
        return self._updates[:limit]

    def _m_sendMessage(self, params: dict[str, Any], call: ApiCall) -> Any:
        chat = self._chat(params.get("chat_id"))
        plain = visible_text(params.get("text"), params.get("parse_mode"))
        _check_markup(params.get("reply_markup"))
        reply_to = call.reply_to
        if reply_to is not None and (chat["id"], reply_to) not in self._messages:
            reply = params.get("reply_parameters") or {}
            if not reply.get("allow_sending_without_reply"):
                raise Rejected("Bad Request: message to be replied not found")
        message: dict[str, Any] = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            "text": plain,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self._messages[(chat["id"], message["message_id"])] = {**message, "_call": call}
        return message

    def _m_editMessageText(self, params: dict[str, Any], call: ApiCall) -> Any:
        chat = self._chat(params.get("chat_id"))
        key = (chat["id"], int(params.get("message_id") or 0))
        if key not in self._messages:
            raise Rejected("Bad Request: message to edit not found")
        old = self._messages[key]
        if old.get("from", {}).get("id") != BOT_ID:
            raise Rejected("Bad Request: message can't be edited")
        plain = visible_text(params.get("text"), params.get("parse_mode"))
        if plain == old.get("text") and params.get("reply_markup") == old.get("reply_markup"):
            raise Rejected("Bad Request: message is not modified")
        _check_markup(params.get("reply_markup"))
        old.update(text=plain, reply_markup=params.get("reply_markup"), _call=call)
        return {k: v for k, v in old.items() if not k.startswith("_")}

    def _m_answerCallbackQuery(self, params: dict[str, Any], call: ApiCall) -> Any:
        query_id = str(params.get("callback_query_id"))
        if self._callback_ids.get(query_id) is not False:
            raise Rejected(
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        if len(str(params.get("text") or "")) > MAX_CALLBACK_ANSWER:
            raise Rejected("Bad Request: MESSAGE_TOO_LONG")
        self._callback_ids[query_id] = True
        return True

    def _m_answerInlineQuery(self, params: dict[str, Any], call: ApiCall) -> Any:
        query_id = str(params.get("inline_query_id"))
        if self._inline_ids.get(query_id) is not False:
            raise Rejected(
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        results = params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise Rejected("Bad Request: RESULTS_TOO_MUCH")
        ids = [str(r.get("id", "")) for r in results]
        if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise Rejected("Bad Request: RESULT_ID_INVALID")
        for result in results:
            if result.get("type") != "article" or not str(result.get("title", "")).strip():
                raise Rejected("Bad Request: RESULT_TITLE_EMPTY")
            content = result.get("input_message_content") or {}
            visible_text(content.get("message_text"), content.get("parse_mode"))
            _check_markup(result.get("reply_markup"))
        button = params.get("button")
        if button is not None and not _START_PARAMETER_RE.match(
            str(button.get("start_parameter", ""))
        ):
            raise Rejected("Bad Request: START_PARAM_INVALID")
        self._inline_ids[query_id] = True
        return True

    def _m_getFile(self, params: dict[str, Any], call: ApiCall) -> Any:
        stored = self._files.get(str(params.get("file_id")))
        if stored is None:
            raise Rejected("Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.path,
        }

    def _chat(self, chat_id: Any) -> dict[str, Any]:
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise Rejected("Bad Request: chat not found")
        return chat


# -- helpers ---------------------------------------------------------------------------


async def _params(request: web.Request) -> dict[str, Any]:
    """Return the request's parameters: JSON body, form fields or the query string."""
    if request.content_type == "application/json":
        body = await request.json()
        return dict(body) if isinstance(body, dict) else {}
    raw: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        form = await request.post()
        raw.update({k: v for k, v in form.items() if isinstance(v, str)})
    return {k: _decode(k, v) for k, v in raw.items()}


def _decode(name: str, value: str) -> Any:
    """Return a form value decoded the way PTB encoded it (JSON unless a plain string)."""
    if name in STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _check_markup(markup: Any) -> None:
    """Reject inline keyboards Telegram would refuse (callback data over 64 bytes)."""
    if not markup:
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not str(button.get("text", "")).strip():
                raise Rejected("Bad Request: BUTTON_TEXT_INVALID")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                raise Rejected("Bad Request: BUTTON_DATA_INVALID")


def _entities(text: str) -> list[dict[str, Any]]:
    """Return the bot_command and mention entities Telegram would attach to `text`."""
    entities = []
    command = _COMMAND_RE.match(text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command[0])})
    for mention in _MENTION_RE.finditer(text):
        if command and mention.start() < command.end():
            continue
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: mention.start()]),
                "length": utf16_len(mention[0]),
            }
        )
    return entities


def _suffix(file_name: str) -> str:
    dot = file_name.rfind(".")
    return file_name[dot:] if dot > 0 else ""


def _error(error: Rejected) -> web.Response:
    body: dict[str, Any] = {
        "ok": False,
        "error_code": error.code,
        "description": error.description,
    }
    if error.retry_after is not None:
        body["parameters"] = {"retry_after": error.retry_after}
    return web.json_response(body, status=error.code)


# -- driving an Application against the fake ----------------------------------------------


class UpdateLog(logging.Handler):
    """Collects briefbot's one-line-per-update records (`briefbot.updates`)."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def outcomes(self) -> list[str]:
        return [str(getattr(r, "outcome", "")) for r in self.records]

    def handled(self, update_id: int) -> logging.LogRecord | None:
        """Return the record of update `update_id`, once it has been handled."""
        return next((r for r in self.records if getattr(r, "update_id", None) == update_id), None)

    async def wait_for(self, count: int, *, within: float = 10.0) -> None:
        """Wait until `count` updates have been fully handled."""
        await eventually(lambda: len(self.records) >= count, within, f"{count} updates handled")

    async def wait_for_update(self, update_id: int, *, within: float = 10.0) -> logging.LogRecord:
        """Wait until update `update_id` has been fully handled; return its record."""
        await eventually(lambda: self.handled(update_id) is not None, within, f"update {update_id}")
        record = self.handled(update_id)
        assert record is not None
        return record


async def eventually(done: Callable[[], bool], within: float, what: str) -> None:
    """Wait until `done()` is true, checking every few milliseconds; fail after `within` s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not done():
        if loop.time() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.002)


@contextlib.asynccontextmanager
async def serving(application: Any, *, poll_timeout: float = 1.0) -> AsyncIterator[Any]:
    """Run `application` with long polling as `run_polling` does, hooks included."""
    async with application:
        if application.post_init:
            await application.post_init(application)
        await application.updater.start_polling(poll_interval=0, timeout=poll_timeout)
        await application.start()
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()
            if application.post_stop:
                await application.post_stop(application)
    if application.post_shutdown:
        await application.post_shutdown(application)


def watch_updates() -> tuple[UpdateLog, Callable[[], None]]:
    """Attach an UpdateLog to `briefbot.updates`; return it and a function to detach it."""
    handler = UpdateLog()
    logger = logging.getLogger("briefbot.updates")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)

    def detach() -> None:
        logger.removeHandler(handler)
        logger.setLevel(previous)

    return handler, detach
