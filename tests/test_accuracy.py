"""Accuracy floors on the eval sets, so a change that loses answers fails the suite.

The figures themselves are printed by `briefbot eval tests/eval/…`; these floors
sit a little under the measured figures (see the README) and only move up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faq.engine import Engine
from faq.evaluation import BriefingResult, evaluate, read_questions
from store.repository import Repository

EVAL = Path(__file__).parent / "eval"

# briefing: (answerable, off-topic abstained, quotes attributed); the first five are the
# marks issue 2 asks for: 95% on the news briefings, 85% on the long samples
FLOORS = {
    "coalition-of-the-willing": (0.95, 1.0, 1.0),
    "riverside-library": (0.95, 1.0, 1.0),
    "harbour-ferry-strike": (0.95, 1.0, 1.0),
    "imperialism": (0.85, None, None),
    "yuan-dynasty": (0.85, None, None),
    # tests/eval/heldout/: written by a colleague who never read the engine's code
    "kingsway-roadworks": (0.8, 1.0, 1.0),
    "fernhollow-insulation": (0.92, 1.0, 1.0),
    "river-wend-swimming": (0.84, 1.0, 1.0),
    # tests/eval/heldout2/ to heldout5/: more independent sets (see the README for which
    # were measured before any tuning on them)
    "match-report": (0.44, 1.0, 1.0),
    "court-report": (0.68, 1.0, 1.0),
    "health-tech": (0.76, 1.0, 1.0),
    "kelbrook-bus-lanes": (0.76, 1.0, 1.0),
    "tidewell-sodium-battery": (0.68, 1.0, 1.0),
    "ashbury-cup-final": (0.6, 1.0, 1.0),
    "harbrook-inspection": (0.76, 1.0, 1.0),
    "selbridge-floods": (0.72, 1.0, 1.0),
    "drummore-windfarm": (0.52, 1.0, 1.0),
    "heart-clinic": (0.6, 1.0, 1.0),
    "school-embezzlement": (0.6, 1.0, 1.0),
    "harbour-museum": (0.68, 1.0, 1.0),
    # tests/eval/heldout6/ to heldout10/: more sets written without reading the engine
    "castlebrook-budget": (0.6, 1.0, 1.0),
    "gallows-hill-bats": (0.72, 1.0, 1.0),
    "keystone-plant-closure": (0.64, 1.0, 1.0),
    "airport-it-failure": (0.76, 1.0, 1.0),
    "jewellery-robbery": (0.68, 1.0, 1.0),
    "harrowfield-by-election": (0.48, 1.0, 1.0),
    "kidney-drug-trial": (0.4, 1.0, 1.0),
    "foxes-t20-final": (0.56, 1.0, 1.0),
    "alhambra-theatre": (0.84, 1.0, 1.0),
    "cedar-ridge-fire": (0.76, 1.0, 1.0),
    "marlowe-house-cladding": (0.6, 1.0, 1.0),
    "harland-bank-branches": (0.84, 1.0, 1.0),
    "lifeboat-rescue": (0.8, 1.0, 1.0),
    "teachers-pay-deal": (0.84, 1.0, 1.0),
    "methane-satellite": (0.76, 1.0, 1.0),
    # tests/eval/heldout11/ and heldout12/: a short notice, a long feature, a US wire story,
    # a planning inquiry, an obituary and a zoo birth (first run: 47/75 and 43/75)
    "rail-timetable-notice": (0.64, 1.0, 1.0),
    "fishing-town-feature": (0.72, 1.0, 1.0),
    "product-recall": (0.56, 1.0, 1.0),
    "housing-inquiry": (0.6, 1.0, 1.0),
    "obituary-boatbuilder": (0.56, 1.0, 1.0),
    "zoo-birth": (0.64, 1.0, 1.0),
    # tests/eval/heldout13/ and heldout14/ (first run: 53/75 and 43/75)
    "hospital-parking": (0.8, 1.0, 1.0),
    "tech-layoffs": (0.6, 0.6, 1.0),  # 2 of 5 off-topic questions answered: see the README
    "storm-power-cuts": (0.72, 1.0, 1.0),
    "city-marathon": (0.56, 1.0, 1.0),
    "roman-villa-dig": (0.44, 1.0, 1.0),
    "school-closure-consultation": (0.6, 1.0, 1.0),
    # tests/eval/heldout15/ and heldout16/ (first run: 40/75 and 53/75)
    "takeaway-hygiene-fine": (0.48, 1.0, 1.0),
    "liver-breath-test": (0.56, 1.0, 1.0),
    "rovers-takeover": (0.56, 1.0, 1.0),
    "seravan-river-treaty": (0.84, 1.0, 1.0),
    "letterpress-print-shop": (0.64, 1.0, 1.0),
    "halden-viaduct-closure": (0.64, 1.0, 1.0),
    # tests/eval/heldout17/ and heldout18/ (first run: 42/75 and 53/75)
    "wharram-street-fire": (0.52, 1.0, 1.0),
    "thwaite-painting-appeal": (0.52, 1.0, 1.0),
    "bellhaven-plant-closure": (0.64, 1.0, 1.0),
    "seagrass-survey": (0.76, 1.0, 1.0),
    "brackley-tram-extension": (0.84, 0.8, 1.0),  # 1 of 5 off-topic questions answered
    "ashcombe-tennis-final": (0.52, 1.0, 1.0),
    # tests/eval/heldout19/ and heldout20/ (first run: 50/75 and 41/75)
    "minister-ferry-inquiry": (0.76, 1.0, 1.0),
    "broadband-outage": (0.68, 1.0, 1.0),
    "church-clock-restored": (0.56, 1.0, 1.0),
    "telehealth-data-breach": (0.6, 1.0, 1.0),
    "blackcombe-fell-race": (0.4, 1.0, 1.0),
    "ellerby-water-shutdown": (0.64, 1.0, 1.0),
}
QUESTION_FILES = (
    EVAL / "dev-questions.yaml",
    EVAL / "harbour-ferry-strike.yaml",
    *(
        EVAL / f"heldout{n}" / f"heldout{n}-questions.yaml"
        for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)
    ),
)


def results(tmp_path: Path) -> dict[str, BriefingResult]:
    found = {}
    briefings = [b for path in QUESTION_FILES for b in read_questions(path)]
    for n, briefing in enumerate(briefings):
        engine = Engine(Repository(f"sqlite:///{tmp_path / f'eval-{n}.db'}"))
        engine.load_file(briefing.path)
        found[briefing.name] = evaluate(briefing, engine.ask, list(engine.document.quotes))
        engine.repository.close()
    return found


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BriefingResult]:
    return results(tmp_path_factory.mktemp("eval"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_stays_above_its_floor(measured: dict[str, BriefingResult], name: str) -> None:
    result = measured[name]
    answerable, offtopic, quotes = FLOORS[name]
    assert result.answerable.passed / result.answerable.total >= answerable, result.failures
    if offtopic is not None:
        assert result.offtopic.passed / result.offtopic.total >= offtopic, result.failures
    if quotes is not None:
        assert result.quotes.passed / result.quotes.total >= quotes, result.failures
