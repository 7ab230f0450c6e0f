"""Property-based ingestion (hypothesis) over arbitrary Unicode and bytes: the only
exceptions that escape are the documented, one-line `LoadError`s, and a failed load
leaves the active version and its facts as they were (on SQLite and PostgreSQL).

Settings are modest (50 examples a property, no deadline) to keep the suite short.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from store.errors import LoadError
from store.ingest import decode_briefing, parse_document
from store.loader import load_bytes
from store.repository import Repository

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BRIEFING = (
    "Riverside Library will reopen on 3 March after a £2.1 million refit.\n\n"
    'Librarian Tom Alvarez said: "The children\'s room is twice the size it was."\n\n'
    "The council expects 40,000 visitors in the first year.\n"
)
# arbitrary text, text around a real briefing (which often loads), and arbitrary bytes
TEXTS = st.one_of(
    st.text(max_size=400),
    st.tuples(st.text(max_size=200), st.text(max_size=200)).map(
        lambda pair: pair[0] + BRIEFING + pair[1]
    ),
    st.lists(st.sampled_from([*BRIEFING.split(" "), "\n\n", "“", "”", "’"]), max_size=80).map(
        " ".join
    ),
)
DATA = st.one_of(TEXTS.map(lambda t: t.encode("utf-8")), st.binary(max_size=400))


def assert_one_line(error: LoadError) -> None:
    message = str(error)
    assert message, "a load error says why"
    assert "\n" not in message


@pytest.fixture
def db_url(store_url: str) -> str:
    return store_url


@SETTINGS
@given(TEXTS)
def test_parsing_any_text_gives_a_document_or_a_load_error(text: str) -> None:
    try:
        document = parse_document(text, file_name="any.txt")
    except LoadError as error:
        assert_one_line(error)
        return
    assert document.title
    assert document.sentences
    assert all(s.text for s in document.sentences)


@SETTINGS
@given(st.binary(max_size=600))
def test_decoding_any_bytes_gives_text_or_a_load_error(data: bytes) -> None:
    try:
        text = decode_briefing(data, name="any.txt")
    except LoadError as error:
        assert_one_line(error)
        return
    assert text.strip()
    assert "\x00" not in text


@SETTINGS
@given(DATA)
def test_a_load_of_any_bytes_succeeds_completely_or_leaves_the_old_facts(
    repository: Repository, data: bytes
) -> None:
    if repository.active() is None:
        load_bytes(repository, BRIEFING.encode(), file_name="first.txt")
    before = repository.active()
    assert before is not None
    try:
        report = load_bytes(repository, data, file_name="any.txt")
    except LoadError as error:
        event(f"refused: {type(error).__name__}")
        assert_one_line(error)
        assert repository.active() == before  # same version, same facts
        return
    event("loaded")
    after = repository.active()
    assert after is not None
    assert after[0] == report.briefing_id
    parsed = parse_document(decode_briefing(data), file_name="any.txt")
    assert after[1].sentences == parsed.sentences
    assert after[1].entities == parsed.entities
    assert after[1].quotes == parsed.quotes
