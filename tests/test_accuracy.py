"""Accuracy floors on the eval sets, so a change that loses answers fails the suite.

The figures themselves are printed by `briefbot eval tests/eval/…`; these floors are the
figures the fitted engine measured when it was frozen (rounded down). They move down only
with a refit that is better over all the sets, and the commit says which and why.
"Answerable" counts right answers; the engine abstains when its calibrated confidence is
below the fitted threshold, so a floor is lower than the share it ranks first.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from faq.engine import Engine
from faq.evaluation import BriefingResult, evaluate, read_questions
from store.repository import Repository

EVAL = Path(__file__).parent / "eval"

# briefing: (answerable, off-topic abstained, quotes attributed)
FLOORS = {
    "coalition-of-the-willing": (0.7, 1.0, 1.0),
    "riverside-library": (0.88, 1.0, 1.0),
    "harbour-ferry-strike": (0.88, 1.0, 1.0),
    "imperialism": (0.5, None, None),
    "yuan-dynasty": (0.59, None, None),
    # tests/eval/heldout/: written by a colleague who never read the engine's code
    "kingsway-roadworks": (0.76, 1.0, 1.0),
    "fernhollow-insulation": (0.72, 1.0, 1.0),
    "river-wend-swimming": (0.88, 1.0, 1.0),
    # tests/eval/heldout2/ to heldout5/: more independent sets (see the README for which
    # were measured before any tuning on them)
    "match-report": (0.44, 1.0, 1.0),
    "court-report": (0.48, 1.0, 1.0),
    "health-tech": (0.68, 1.0, 1.0),
    "kelbrook-bus-lanes": (0.76, 1.0, 1.0),
    "tidewell-sodium-battery": (0.6, 1.0, 1.0),
    "ashbury-cup-final": (0.64, 1.0, 1.0),
    "harbrook-inspection": (0.72, 1.0, 1.0),
    "selbridge-floods": (0.72, 1.0, 1.0),
    "drummore-windfarm": (0.56, 1.0, 1.0),
    "heart-clinic": (0.72, 1.0, 1.0),
    "school-embezzlement": (0.6, 1.0, 1.0),
    "harbour-museum": (0.68, 1.0, 1.0),
    # tests/eval/heldout6/ to heldout10/: more sets written without reading the engine
    "castlebrook-budget": (0.68, 1.0, 1.0),
    "gallows-hill-bats": (0.6, 1.0, 1.0),
    "keystone-plant-closure": (0.64, 1.0, 1.0),
    "airport-it-failure": (0.72, 1.0, 1.0),
    "jewellery-robbery": (0.6, 1.0, 1.0),
    "harrowfield-by-election": (0.56, 1.0, 1.0),
    "kidney-drug-trial": (0.44, 1.0, 1.0),
    "foxes-t20-final": (0.44, 1.0, 1.0),
    "alhambra-theatre": (0.76, 1.0, 1.0),
    "cedar-ridge-fire": (0.72, 1.0, 1.0),
    "marlowe-house-cladding": (0.6, 1.0, 1.0),
    "harland-bank-branches": (0.72, 1.0, 1.0),
    "lifeboat-rescue": (0.92, 1.0, 1.0),
    "teachers-pay-deal": (0.92, 1.0, 1.0),
    "methane-satellite": (0.8, 1.0, 1.0),
    # tests/eval/heldout11/ and heldout12/: a short notice, a long feature, a US wire story,
    # a planning inquiry, an obituary and a zoo birth (first run: 47/75 and 43/75)
    "rail-timetable-notice": (0.76, 1.0, 1.0),
    "fishing-town-feature": (0.72, 1.0, 1.0),
    "product-recall": (0.52, 1.0, 1.0),
    "housing-inquiry": (0.64, 1.0, 1.0),
    "obituary-boatbuilder": (0.6, 1.0, 1.0),
    "zoo-birth": (0.72, 1.0, 1.0),
    # tests/eval/heldout13/ and heldout14/ (first run: 53/75 and 43/75)
    "hospital-parking": (0.76, 1.0, 1.0),
    "tech-layoffs": (0.48, 1.0, 1.0),
    "storm-power-cuts": (0.76, 1.0, 1.0),
    "city-marathon": (0.52, 1.0, 1.0),
    "roman-villa-dig": (0.44, 1.0, 1.0),
    "school-closure-consultation": (0.76, 1.0, 1.0),
    # tests/eval/heldout15/ and heldout16/ (first run: 40/75 and 53/75)
    "takeaway-hygiene-fine": (0.36, 1.0, 1.0),
    "liver-breath-test": (0.6, 1.0, 1.0),
    "rovers-takeover": (0.6, 1.0, 1.0),
    "seravan-river-treaty": (0.72, 1.0, 1.0),
    "letterpress-print-shop": (0.68, 1.0, 1.0),
    "halden-viaduct-closure": (0.68, 1.0, 1.0),
    # tests/eval/heldout17/ and heldout18/ (first run: 42/75 and 53/75)
    "wharram-street-fire": (0.52, 1.0, 1.0),
    "thwaite-painting-appeal": (0.48, 1.0, 1.0),
    "bellhaven-plant-closure": (0.44, 1.0, 1.0),
    "seagrass-survey": (0.8, 1.0, 1.0),
    "brackley-tram-extension": (0.76, 0.8, 1.0),
    "ashcombe-tennis-final": (0.6, 1.0, 1.0),
    # tests/eval/heldout19/ and heldout20/ (first run: 50/75 and 41/75)
    "minister-ferry-inquiry": (0.68, 1.0, 1.0),
    "broadband-outage": (0.8, 1.0, 1.0),
    "church-clock-restored": (0.56, 1.0, 1.0),
    "telehealth-data-breach": (0.48, 1.0, 1.0),
    "blackcombe-fell-race": (0.36, 1.0, 1.0),
    "ellerby-water-shutdown": (0.56, 1.0, 1.0),
    # tests/eval/heldout21/ to heldout23/: written after the scorer was frozen (first run:
    # 46/75, 48/75 and 38/75); one quote of set 23 goes to the wrong speaker
    "hartmoor-ae-waits": (0.64, 1.0, 1.0),
    "harvest-lane-price-fixing": (0.52, 1.0, 1.0),
    "tarsay-electric-ferry": (0.6, 1.0, 1.0),
    "belmora-water-rationing": (0.6, 1.0, 1.0),
    "ridley-valley-bus-cuts": (0.4, 1.0, 1.0),
    "potato-blight-early-warning": (0.68, 1.0, 1.0),
    "velmora-kastrin-ceasefire": (0.52, 1.0, 0.85),
    "northwind-bluecrest-merger": (0.52, 1.0, 1.0),
    "kellingford-playhouse-reopens": (0.52, 1.0, 1.0),
    # tests/eval/heldout24/ to heldout26/: written after the refit was frozen (first run:
    # 40/75, 39/75 and 38/75)
    "norchester-traffic-vote": (0.64, 1.0, 0.85),
    "kidease-medicine-recall": (0.32, 1.0, 0.83),
    "severn-cup-final": (0.4, 1.0, 0.85),
    "nepal-earthquake-relief": (0.36, 1.0, 1.0),
    "rail-app-launch-failure": (0.64, 1.0, 1.0),
    "hospice-treasurer-fraud": (0.52, 1.0, 1.0),
    "estravia-election": (0.48, 1.0, 1.0),
    "river-lenn-sewage-fine": (0.48, 1.0, 1.0),
    "hollinsby-village-shop": (0.56, 1.0, 0.42),
    # tests/eval/heldout27/ to heldout29/: written after the adversarial refit (beab52a)
    # was frozen; their first run (50/75, 48/75 and 47/75)
    "stanway-incinerator": (0.68, 1.0, 1.0),
    "lake-hemsjo-shipwreck": (0.56, 1.0, 1.0),
    "eastmoor-ambulance-handovers": (0.76, 1.0, 1.0),
    "carverton-baggage-strike": (0.64, 1.0, 1.0),
    "pendleford-bakery-award": (0.64, 1.0, 1.0),
    "canal-row-mould-case": (0.6, 1.0, 0.5),
    "ostrevan-minimum-wage": (0.48, 1.0, 1.0),
    "grauberg-railway-landslide": (0.6, 1.0, 0.75),
    "brackenmoor-orchestra-tour": (0.72, 0.8, 1.0),
    # tests/eval/heldout30/ to heldout32/: written after 1293174 (headlines, refit); first run
    "caldonia-energy-price-cap": (0.48, 1.0, 1.0),
    "ashcombe-corn-exchange-reopens": (0.64, 1.0, 0.66),
    "retina-scan-dementia-study": (0.56, 1.0, 1.0),
    "halbury-elridge-transfer": (0.6, 1.0, 1.0),
    "millbrook-meadows-housing": (0.56, 1.0, 1.0),
    "wendlow-tunnel-breakdown": (0.32, 1.0, 1.0),
    "tarsenia-presidential-runoff": (0.6, 1.0, 1.0),
    "thackeray-lowe-takeover": (0.48, 1.0, 1.0),
    "harrow-ridge-wildfire": (0.52, 1.0, 1.0),
    # tests/eval/heldout33/ to heldout35/: written after d0c1b69 (validation 28-32); first run
    "ashcombe-hip-knee-waiting-list": (0.6, 0.8, 1.0),
    "porthaven-mackerel-quota-cut": (0.72, 1.0, 1.0),
    "missing-electrician-owen-tarrant": (0.64, 1.0, 1.0),
    "stridelog-data-breach": (0.44, 1.0, 1.0),
    "thornwick-vale-exam-results": (0.72, 1.0, 1.0),
    "larkmoor-prize-lantern-keepers": (0.48, 1.0, 0.66),
    "velmark-pension-age-budget": (0.72, 0.8, 1.0),
    "kelsby-deep-water-berth": (0.68, 1.0, 1.0),
    "hollin-hills-bison-return": (0.52, 1.0, 1.0),
    # tests/eval/heldout36/-38/, written while the engine stood at bd4c5bd: their first run
    "ardmere-hospital-norovirus": (0.56, 1.0, None),
    "corrin-roofer-fraud-sentence": (0.52, 0.8, None),
    "greywick-colliery-band-title": (0.64, 1.0, None),
    "marendy-valley-earthquake": (0.68, 1.0, None),
    "sorel-rail-brake-fraud-verdict": (0.8, 1.0, None),
    "kestrel-asteroid-sample-return": (0.52, 1.0, None),
    "brackmoor-three-weekly-bins": (0.6, 1.0, None),
    "aldwick-minor-injuries-overnight": (0.6, 1.0, None),
    "roofer-jailed-doorstep-fraud": (0.52, 1.0, None),
    # tests/eval/heldout39/-41/, written after the refit with 34-38 as validation (29e491c):
    # their first run
    "ashcombe-eastside-tram-line": (0.64, 1.0, None),
    "castlegate-museum-wexcombe-hours": (0.72, 1.0, None),
    "kestrel-dockmate-charger-recall": (0.76, 1.0, None),
    "dalmeria-rate-cut": (0.48, 1.0, None),
    "dravna-mine-rescue": (0.52, 1.0, None),
    "brevik-solmara-airline-merger": (0.64, 1.0, None),
    "ashcombe-plough-community-pub": (0.52, 1.0, 1.0),
    "hallerton-pool-closure": (0.68, 1.0, 1.0),
    "kingsmere-cycle-lane-dispute": (0.56, 1.0, 0.66),
    # tests/eval/heldout42/, written while the engine stood at 6173d8c: its first run at 75bf98d
    "skarvik-cargo-ship-aground": (0.48, 1.0, None),
    "pennmouth-cancer-centre-opens": (0.88, 1.0, None),
    "tollerby-high-street-grant": (0.72, 1.0, None),
}
QUESTION_FILES = (
    EVAL / "dev-questions.yaml",
    EVAL / "harbour-ferry-strike.yaml",
    *(EVAL / f"heldout{n}" / f"heldout{n}-questions.yaml" for n in ("", *range(2, 43))),
)


BRIEFINGS = {b.name: b for path in QUESTION_FILES for b in read_questions(path)}


def measure(name: str, tmp_path: Path) -> BriefingResult:
    """Load one eval briefing into a fresh store and ask it its questions."""
    briefing = BRIEFINGS[name]
    engine = Engine(Repository(f"sqlite:///{tmp_path / 'eval.db'}"))
    try:
        engine.load_file(briefing.path)
        return evaluate(briefing, engine.ask, list(engine.document.quotes))
    finally:
        engine.repository.close()


# The same code and lock answer a question near a tie or near the threshold differently
# on another CPU (the model quantises its activations, and libm picks its functions per
# CPU): kellingford-playhouse-reopens measured 14/25 on one machine and 13/25 on the
# next. An answerable floor allows that one question, so CI is not a coin toss.
DRIFT = 1


def allowed(floor: float, total: int) -> int:
    """The fewest right answers a floor (a share of `total`, rounded down) accepts."""
    return math.ceil(floor * total - 1e-9) - DRIFT


def test_every_eval_briefing_has_a_floor() -> None:
    assert set(BRIEFINGS) == set(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_stays_above_its_floor(tmp_path: Path, name: str) -> None:
    result = measure(name, tmp_path)
    answerable, offtopic, quotes = FLOORS[name]
    assert result.answerable.passed >= allowed(answerable, result.answerable.total), result.failures
    if offtopic is not None:
        assert result.offtopic.passed / result.offtopic.total >= offtopic, result.failures
    if quotes is not None:
        assert result.quotes.passed / result.quotes.total >= quotes, result.failures


# tests/eval/conversations/: follow-up turns, read in the context of the turns before
# (right, asked in context; right, the same turns asked alone), as measured
CONVERSATION_FILES = (
    EVAL / "conversations" / "conversations.yaml",
    EVAL / "conversations-blind1" / "conversations.yaml",
    EVAL / "conversations-blind2" / "conversations.yaml",
    EVAL / "conversations-blind3" / "conversations.yaml",
    EVAL / "conversations-blind4" / "conversations.yaml",
    EVAL / "conversations-blind5" / "conversations.yaml",
    EVAL / "conversations-blind6" / "conversations.yaml",
    EVAL / "conversations-blind7" / "conversations.yaml",
    EVAL / "conversations-blind8" / "conversations.yaml",
    EVAL / "conversations-blind9" / "conversations.yaml",
)
FOLLOW_UP_FLOORS = {
    "coalition-of-the-willing": (6, 6),
    "riverside-library": (5, 5),
    "harbour-ferry-strike": (7, 5),
    "hartmoor-ae-waits": (8, 7),
    "ridley-valley-bus-cuts": (6, 6),
    "velmora-kastrin-ceasefire": (7, 5),
    # conversations-blind1/ and blind2/: first runs in tests/eval/README.md; these floors
    # are what the engine measures since the changes made after seeing their failures
    "kelbridge-bridge": (14, 12),
    "hospice-fraud": (8, 9),
    "dairy-takeover": (12, 11),
    "asthma-spray": (10, 9),
    "ridgeway-rail-closure": (14, 12),
    "millbrook-school-closure": (11, 7),
    "harbour-road-inquest": (16, 12),
    "lynford-beavers-study": (11, 10),
    # conversations-blind3/, written after 0a61262: its first run
    "dunmore-minor-injuries": (11, 9),
    "brookfield-cup-comeback": (6, 5),
    "ridgeway-quarry-homes": (9, 8),
    "marlow-finch-factory": (10, 9),
    # conversations-blind4/, written after beab52a: its first run
    "kettleby-pier-collapse": (6, 4),
    "harwick-rovers-manager-sacked": (7, 4),
    "ashbury-council-four-day-week": (4, 2),
    "medwell-cough-syrup-recall": (5, 5),
    # conversations-blind5/, written after 1293174: its first run
    "dunmore-overnight-births-suspended": (7, 5),
    "hatherley-biscuit-factory-closure": (7, 6),
    "care-home-manager-jailed": (5, 5),
    "river-callow-fish-kill": (4, 3),
    # conversations-blind6/, written after b2d14a0: its first run at 7a43d4d
    "thornwick-primary-closure": (5, 5),
    "calderford-stadium-plan": (8, 7),
    "hatherley-meadows-homes": (6, 6),
    "curlew-1-satellite-launch": (8, 7),
    # conversations-blind7/, written while the engine stood at bd4c5bd: its first run
    "dunmore-biscuit-factory-closure": (8, 6),
    "cairnbrae-missing-climber-found": (4, 3),
    "wrenfield-stolen-painting-returned": (6, 5),
    "brayford-boil-water-notice": (5, 5),
    # conversations-blind8/, written after 29e491c: its first run
    "caldbeck-water-sewage-fine": (8, 5),
    "elmstead-roman-coin-hoard": (4, 3),
    "skyvale-harrowfield-airport-exit": (5, 5),
    "larkhill-fields-festival-licence": (6, 5),
    # conversations-blind9/, written while the engine stood at 6173d8c: its first run at 75bf98d
    "harrowdale-moor-wildfire": (8, 9),
    "fenmoor-red-panda-escape": (6, 6),
    "northvale-sinfonia-funding-cut": (5, 4),
    "wrenfield-maternity-unit-downgrade": (5, 2),
}
CONVERSATIONS = {b.name: b for path in CONVERSATION_FILES for b in read_questions(path)}


@pytest.mark.parametrize("name", sorted(FOLLOW_UP_FLOORS))
def test_follow_ups_stay_above_their_floor(tmp_path: Path, name: str) -> None:
    briefing = CONVERSATIONS[name]
    engine = Engine(Repository(f"sqlite:///{tmp_path / 'eval.db'}"))
    try:
        engine.load_file(briefing.path)
        result = evaluate(briefing, engine.ask, [])
    finally:
        engine.repository.close()
    in_context, alone = FOLLOW_UP_FLOORS[name]
    assert result.followups.passed >= in_context - DRIFT, result.failures
    assert result.followups_alone.passed >= alone - DRIFT


def test_every_conversation_briefing_has_a_floor() -> None:
    assert set(CONVERSATIONS) == set(FOLLOW_UP_FLOORS)
