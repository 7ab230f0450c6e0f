"""The fitted scorer file, the packaged model and the answer path that uses them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from faq import embedding
from faq.engine import Engine
from faq.pipeline import scorers
from faq.scorer import SCORER_FILE, Linear, ScorerMismatch, choose, load_scorers
from faq.signals import ANSWER_SIGNALS, SENTENCE_SIGNALS
from store.repository import Repository


def test_the_scorer_file_was_fitted_on_the_signals_the_code_measures() -> None:
    for variant, scorer in load_scorers().items():
        assert scorer.sentence_signals == SENTENCE_SIGNALS, variant
        assert scorer.answer_signals == ANSWER_SIGNALS, variant
        assert len(scorer.ranker.weights) == len(SENTENCE_SIGNALS)
        assert len(scorer.calibrator.weights) == len(ANSWER_SIGNALS)
        assert 0.0 < scorer.threshold < 1.0


def test_the_scorer_file_records_what_it_was_trained_on() -> None:
    data = json.loads(SCORER_FILE.read_text(encoding="utf-8"))
    assert len(data["data_sha256"]) == 64
    assert "tests/train/squad.yaml" in data["trained_on"]


def test_a_scorer_fitted_on_other_signals_is_refused(tmp_path: Path) -> None:
    data = json.loads(SCORER_FILE.read_text(encoding="utf-8"))
    data["semantic"]["sentence_signals"][0] = "something else"
    changed = tmp_path / "scorer.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    scorer = load_scorers(changed)["semantic"]
    with pytest.raises(ScorerMismatch, match="make train"):
        scorer.check(SENTENCE_SIGNALS, ANSWER_SIGNALS)
    assert scorers()["semantic"].sentence_signals == SENTENCE_SIGNALS


def test_the_ranker_picks_the_highest_score_and_calibration_is_a_probability() -> None:
    linear = Linear(np.zeros(2), np.ones(2), np.array([1.0, -1.0]), 0.0)
    signals = np.array([[0.0, 1.0], [2.0, 0.0], [1.0, 0.0]])
    assert choose(linear.logits(signals)) == 1
    probabilities = linear.probabilities(signals)
    assert np.all((probabilities > 0) & (probabilities < 1))


def test_the_packaged_weights_are_checked_against_their_sha256(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert embedding.verified_weights().name == embedding.WEIGHTS_FILE
    monkeypatch.setattr(embedding, "WEIGHTS_SHA256", "0" * 64)
    with pytest.raises(embedding.ModelUnavailable, match="SHA-256"):
        embedding.verified_weights()


def test_a_model_that_cannot_be_loaded_is_logged_once_and_answers_go_lexical(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    monkeypatch.setattr(embedding, "_loaded", None)
    monkeypatch.setattr(embedding, "_failed", None)
    monkeypatch.setattr(embedding, "MODEL_PACKAGE", "no_such_model_package")
    assert embedding.load_embedder() is None
    assert embedding.load_embedder() is None
    warnings = [r for r in caplog.records if "answering lexically" in r.getMessage()]
    assert len(warnings) == 1
    engine = Engine(Repository(f"sqlite:///{tmp_path / 'store.db'}"))
    engine.load_file(Path(__file__).parent / "briefings" / "riverside-library.txt")
    assert engine.mode == "lexical"
    assert "not installed" in engine.matching
    assert "3 March" in engine.ask("When will the library reopen?").answer
    engine.repository.close()


def test_question_vectors_are_unit_length_and_closer_for_paraphrases() -> None:
    model = embedding.load_embedder()
    assert model is not None
    ceasefire, truce, bread = (
        model.query(q) for q in ("ceasefire talks", "truce negotiations", "price of bread")
    )
    assert abs(float(np.linalg.norm(ceasefire)) - 1.0) < 1e-3
    assert float(ceasefire @ truce) > float(ceasefire @ bread)


def test_remembered_sentence_vectors_are_the_ones_the_model_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(embedding, "REMEMBERED_SENTENCES", 3)
    model = embedding.Embedder(embedding.verified_weights())
    first = model.passages(["The road opens in 2027.", "It cost £40 million."])
    later = ["It cost £40 million.", "A new sentence.", "Another one."]
    again = model.passages(later)
    fresh = embedding.Embedder(embedding.verified_weights()).passages(later)
    assert np.array_equal(again, fresh)
    assert np.array_equal(again[0], first[1])
    assert model.remembered == 3  # bounded: the oldest sentence was forgotten


@pytest.mark.parametrize(
    "question",
    ["\ud800 lone surrogate", "a\x00b", "🙂" * 300, "ש" * 500, "", "\u202e", "<b>&amp;</b>"],
)
def test_hostile_questions_are_answered_or_abstained_on(question: str, tmp_path: Path) -> None:
    engine = Engine(Repository(f"sqlite:///{tmp_path / 'store.db'}"))
    engine.load_file(Path(__file__).parent / "briefings" / "riverside-library.txt")
    assert engine.mode == "semantic"
    answer = engine.ask(question)
    assert isinstance(answer.answered, bool)
    engine.repository.close()
