"""The engine around the matcher, on SQLite and PostgreSQL: loading, failed loads,
refresh, rollback, curated answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from faq.curated import DATA_DIR
from faq.engine import Engine
from store.errors import (
    BriefingNotFound,
    BriefingTooLarge,
    EmptyBriefing,
    LoadError,
    NoSentences,
    NotText,
    StoreEmpty,
)
from store.repository import Repository

BRIEFINGS = Path(__file__).parent / "briefings"


@pytest.fixture
def db_url(store_url: str) -> str:
    """Every test here runs on both backends."""
    return store_url


def test_empty_store_says_so(engine: Engine) -> None:
    with pytest.raises(StoreEmpty, match="briefbot load"):
        engine.ask("Where do the ministers meet?")


def test_load_reports_what_it_learned(engine: Engine) -> None:
    report = engine.load_file(BRIEFINGS / "riverside-library.txt")
    assert report.paragraphs == 12
    assert report.quotes == report.quotes_with_speaker == 3
    assert "Tom Alvarez" in report.people
    assert "Helen Baptiste" in report.people
    assert "12 paragraphs" in report.summary()


def test_second_load_reports_people_added_and_gone(engine: Engine) -> None:
    engine.load_file(BRIEFINGS / "coalition-of-the-willing.txt")
    report = engine.load_file(BRIEFINGS / "riverside-library.txt")
    assert report.had_previous
    assert "Tom Alvarez" in report.people_added
    assert "John Healey" in report.people_gone


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyBriefing),
        (b"   \n\n  ", EmptyBriefing),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", NotText),
        ("Caf\u00e9 news.".encode("latin-1"), NotText),
        (b"... !!! ???", NoSentences),
        (b"A sentence. " * 200_000, BriefingTooLarge),
    ],
)
def test_failed_load_keeps_the_previous_facts(
    coalition: Engine, tmp_path: Path, content: bytes, error: type[LoadError]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    before = coalition.repository.active_id()
    with pytest.raises(error) as raised:
        coalition.load_file(bad)
    assert "\n" not in str(raised.value)
    assert coalition.repository.active_id() == before
    assert "Brussels" in coalition.ask("Where do the defence ministers meet?").answer


def test_missing_file_is_a_clear_error(coalition: Engine, tmp_path: Path) -> None:
    with pytest.raises(BriefingNotFound, match=r"nope\.txt"):
        coalition.load_file(tmp_path / "nope.txt")


def test_upload_loads_like_a_file(engine: Engine) -> None:
    data = (BRIEFINGS / "riverside-library.txt").read_bytes()
    report = engine.load_bytes(data, file_name="library.txt")
    assert report.sentences > 10
    assert "3 March" in engine.ask("When does the library reopen?").answer


def test_refresh_picks_up_a_briefing_loaded_elsewhere(coalition: Engine, db_url: str) -> None:
    other = Engine(Repository(db_url))
    other.load_file(BRIEFINGS / "riverside-library.txt")
    other.repository.close()
    assert coalition.refresh() is True
    assert coalition.document.title.startswith("Northfield City Council")
    assert coalition.refresh() is False


async def test_answer_loads_facts_off_the_loop(repository: Repository) -> None:
    Engine(repository).load_file(BRIEFINGS / "riverside-library.txt")
    fresh = Engine(repository)
    answer = await fresh.answer("When will the library reopen?")
    assert "3 March" in answer.answer


def test_sentence_vectors_are_stored_with_the_briefing_and_read_back(
    repository: Repository,
) -> None:
    loader = Engine(repository)
    report = loader.load_file(BRIEFINGS / "riverside-library.txt")
    assert loader.embedder is not None, "the packaged model must load in the test environment"
    stored = repository.vectors(report.briefing_id, loader.embedder.name)
    assert stored is not None
    assert stored.rows == report.sentences

    class NoPassages:
        """An embedder that can embed questions but refuses to embed a briefing again."""

        name = loader.embedder.name

        def passages(self, texts: list[str]) -> None:
            raise AssertionError("the stored vectors should have been read, not recomputed")

        def query(self, text: str) -> object:
            return loader.embedder.query(text)  # type: ignore[union-attr]

    fresh = Engine(repository)
    fresh.embedder = NoPassages()  # type: ignore[assignment]
    assert fresh.mode == "semantic"
    assert "3 March" in fresh.ask("When will the library reopen?").answer


def test_without_the_model_the_engine_answers_lexically(repository: Repository) -> None:
    engine = Engine(repository, semantic=False)
    engine.load_file(BRIEFINGS / "riverside-library.txt")
    assert engine.mode == "lexical"
    assert "3 March" in engine.ask("When will the library reopen?").answer


def test_curated_answer_is_matched_first(repository: Repository) -> None:
    engine = Engine(repository, curated_dir=DATA_DIR)
    engine.load_file(BRIEFINGS / "coalition-of-the-willing.txt")
    answer = engine.ask("which countries are leading the talks on a reassurance force")
    assert answer.answered
    assert answer.answer.startswith("The UK and France")
    assert answer.sources[0].paragraph == 3


def test_curated_answers_go_stale_when_the_text_changes(
    repository: Repository, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    changed = tmp_path / "coalition-of-the-willing.txt"
    text = (BRIEFINGS / "coalition-of-the-willing.txt").read_text(encoding="utf-8")
    changed.write_text(text.replace("about 30 countries", "about 31 countries"), encoding="utf-8")
    engine = Engine(repository, curated_dir=DATA_DIR)
    engine.load_file(changed)
    answer = engine.ask("Which countries are leading the talks on a reassurance force?")
    assert not answer.answer.startswith("The UK and France, which")
    assert "stale" in caplog.text


def test_quotes_filter_by_speaker(coalition: Engine) -> None:
    quotes = coalition.quotes("healey")
    assert quotes
    assert {q.speaker for q in quotes} == {"John Healey"}
    assert coalition.quotes("Nobody Here") == []


def test_who_finds_people_with_typos(coalition: Engine) -> None:
    (entity,) = coalition.who("Pistorious")
    assert entity.name == "Boris Pistorius"
    assert entity.role is not None
    assert "German defence minister" in entity.role


def test_the_coverage_line_writes_common_words_in_lower_case() -> None:
    from faq.index import BriefingIndex
    from store.ingest import parse_document

    text = (
        "Bridge closure\n\n"
        "Bridge repairs will start on Monday, the council said.\n\n"
        "Council engineers found cracks in the bridge last year.\n\n"
        "The council says the bridge work will take six weeks, and engineers will work "
        "at night.\n"
    )
    line = BriefingIndex(parse_document(text)).coverage()
    assert line.startswith("It covers ")
    assert "Bridge" not in line
    assert "Council" not in line
    assert "bridge" in line


def test_going_back_to_a_recent_version_reuses_its_index(engine: Engine) -> None:
    engine.load_file(BRIEFINGS / "riverside-library.txt")
    riverside_index = engine.index
    engine.load_file(BRIEFINGS / "coalition-of-the-willing.txt")
    [newer, older] = engine.versions()

    engine.activate(older.id)

    assert engine.index is riverside_index
    assert engine.ask("Who is Tom Alvarez?").answered
    engine.activate(newer.id)
    assert not engine.ask("Who is Tom Alvarez?").answered
