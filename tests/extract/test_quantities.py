"""Quantities: worker counts, teams, money. Sentences are our own, written in the genre."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tumen.extract.quantities import find_quantities
from tumen.extract.sentences import split_sentences
from tumen.model import Quantity

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

# A neutral opening that makes the report about the DPRK without naming workers or dispatch.
CONTEXT = "A report on North Korea. "


def _find(sentence: str, context: str = CONTEXT) -> list[Quantity]:
    text = context + sentence
    return find_quantities(text, split_sentences(text))


def _counted(sentence: str, unit: str = "workers") -> list[tuple[float | None, float | None]]:
    return [(q.min, q.max) for q in _find(sentence) if q.unit == unit]


# (sentence, [(min, max), ...] of the `workers` quantities, in order)
WORKER_CASES: list[tuple[str, list[tuple[float | None, float | None]]]] = [
    ("Pyongyang has sent about 2,000 workers to Russia this year.", [(2000, 2000)]),
    ("Officials chose 800 to 1,000 labourers in the first round.", [(800, 1000)]),
    ("The ministry selected 800-1,000 laborers for the Donbas.", [(800, 1000)]),
    ("Between 800 and 1,000 workers will leave in spring.", [(800, 1000)]),
    ("Some 50,000 North Korean workers remain in China.", [(50000, 50000)]),
    ("More than 1,000 North Korean workers arrived in Vladivostok.", [(1000, None)]),
    ("Over 300 North Korean laborers reached the port by train.", [(300, None)]),
    ("At least 120 workers were sent to the logging camps.", [(120, None)]),
    ("Up to 28,000 North Korean workers could be sent next year.", [(None, 28000)]),
    ("Less than 100 workers were left at the site.", [(None, 100)]),
    ("Fewer than 40 labourers returned home before the deadline.", [(None, 40)]),
    ("Nearly 300 workers boarded the train to Khasan.", [(None, 300)]),
    ("Nine North Korean workers defected to the South last month.", [(9, 9)]),
    ("9 North Korean workers fled their construction site.", [(9, 9)]),
    ("Twelve North Korean labourers were caught trying to escape.", [(12, 12)]),
    ("A dozen North Korean workers arrived at the shipyard.", [(12, 12)]),
    ("Twenty-five workers were sent back for breaking the rules.", [(25, 25)]),
    ("Two hundred workers will be recruited from the provinces.", [(200, 200)]),
    (
        "Roughly 1.5 million workers would be needed, an official wrote in Pyongyang.",
        [(1.5e6, 1.5e6)],
    ),
    ("The state plans to dispatch 3 000 workers to the Far East.", [(3000, 3000)]),
    ("An estimated 20,000 to 30,000 North Korean laborers work in Russia.", [(20000, 30000)]),
    ("Around 90,000 North Korean workers are employed abroad.", [(90000, 90000)]),
    ("Pyongyang intends to send about 400 people to the occupied territories.", [(400, 400)]),
    ("Roughly 40 people will make up each team.", [(40, 40)]),
    ("The recruits will travel in small groups of 20 to 45 people.", [(20, 45)]),
    ("They will be sent in groups of 20 to 25.", [(20, 25)]),
    ("The state will organise six teams of about 50.", [(50, 50)]),
    ("The 600 to 900 chosen in August will go first.", [(600, 900)]),
    ("The authorities sent 300 to Vladivostok by air.", [(300, 300)]),
    ("The first batch will be made up of 200 to 400 men.", [(200, 400)]),
    ("200 to 400 men could be deployed to Luhansk.", [(200, 400)]),
    ("Some 5,000 North Koreans work on building sites in Moscow.", [(5000, 5000)]),
    ("The company employs 1,200 North Korean nationals in Tomsk.", [(1200, 1200)]),
    ("A 10,000-strong workforce will rebuild the city.", [(10000, 10000)]),
    ("The number of North Korean workers in Russia rose to 12,000.", [(12000, 12000)]),
    ("23,200 North Korean workers had been repatriated by November.", [(23200, 23200)]),
    ("Another 1,000 workers will follow in the spring.", [(1000, 1000)]),
    ("1,000 or more workers are expected at the site.", [(1000, None)]),
    ("They were workers at a sawmill. Two of them said they were paid nothing.", [(2, 2)]),
    (
        "The bulk of the workers are in China (40,000) and Russia (20,000).",
        [(40000, 40000), (20000, 20000)],
    ),
    ('The source said "600 to 900" workers were chosen.', [(600, 900)]),
    ("Seven North Korean IT workers were found in Laos.", [(7, 7)]),
    ("Fifteen North Korean seafood workers arrived in the port city.", [(15, 15)]),
    ("The firm hired 40 North Korean construction workers.", [(40, 40)]),
    ("About 80 recruits passed the loyalty screening.", [(80, 80)]),
    ("Each of the 30 team members was told to keep quiet.", [(30, 30)]),
    ("Ukrainian intelligence said 1,000 North Korean builders were in Donetsk.", [(1000, 1000)]),
    ("Some 300 workers were sent home, and 700 more returned later.", [(300, 300), (700, 700)]),
    ("The workers, numbering about 300, arrived by rail.", [(300, 300)]),
    ("North Korean laborers in Russia numbered 30,000 at the peak.", [(30000, 30000)]),
    ("Of the 1,500 workers, 300 were sent to Moscow.", [(1500, 1500), (300, 300)]),
    ("Some 1,000 North Korean workers, including 200 women, arrived.", [(1000, 1000), (200, 200)]),
    # heldout10: a count of men in a vetting sentence; a part of the workers with its own destination
    ("About 250 men from the construction bureau passed the final vetting.", [(250, 250)]),
    ("Pyongyang plans to send 2,000 workers, including 600 to Kazan.", [(2000, 2000), (600, 600)]),
    ("The boat, carrying 40 fishermen, docked at the port.", [(40, 40)]),
    ("Workers were organised into brigades of 25.", [(25, 25)]),
    ("It has 700-odd workers on the site.", [(700, 700)]),
    ("NIS says 3,000 to 4,000 North Koreans are working on building sites.", [(3000, 4000)]),
    ("Thousands of North Korean labourers were sent to Russia last year.", [(None, None)]),
    ("Tens of thousands of North Korean workers earn money for the regime.", [(None, None)]),
    ("Dozens of workers were sent home after the inspection.", [(None, None)]),
    ("A few dozen workers stayed behind in the dormitory.", [(None, None)]),
    ("Hundreds of North Korean workers are still in the region.", [(None, None)]),
    ("The regime dispatched thousands to Russia.", [(None, None)]),
    # A group told with a verb of counting: "will number", "numbers", "will comprise".
    ("The first batch will number 200 to 400 men.", [(200, 400)]),
    ("The batch numbers 120 men.", [(120, 120)]),
    ("The second contingent will comprise 150 to 300 men.", [(150, 300)]),
    ("The next group is to consist of about 90 men.", [(90, 90)]),
]


@pytest.mark.parametrize(("sentence", "expected"), WORKER_CASES)
def test_quantities_worker_counts(sentence: str, expected: list[tuple[float, float]]) -> None:
    assert _counted(sentence) == expected


# Sentences with numbers that are not counts of DPRK workers abroad.
NOT_WORKER_CASES = [
    "Some 11,000 North Korean troops were deployed to Kursk.",
    "Over 1,000 North Korean soldiers were killed or wounded.",
    "The army sent 3,000 men to fight on the front line.",
    "In 2023, 12,540 North Koreans crossed into Russia, border data show.",
    "Of those arrivals, 6,310 gave study as the purpose of their trip.",
    "Russia issued 12,000 work visas to North Koreans last year.",
    "Moscow granted 5,000 work permits in the Far East.",
    "An estimated 1,200 passengers used the route since June.",
    "Three Russian citizens were also aboard the freight train.",
    "Four Tajik migrant workers were charged with the attack.",
    "Russia faces a shortage of 4.8 million workers.",
    "Some 380,000 South Korean workers went on strike.",
    "At least 139 people were killed in the attack.",
    "All 15 council members voted for the text.",
    "Interim reports came from 42 countries.",
    "Workers live in 29 countries including China.",
    "The workers are in their 20s to 50s.",
    "The call-up targeted young men from 18 to 26 years old.",
    "Men aged 25 to 40 may apply.",
    "Each stay lasts 24 months.",
    "They hold two-year passports.",
    "The train pulled out at 4 p.m. local time.",
    "It happened on April 25, 2019 in the port.",
    "The deadline was 22 December 2019.",
    "The text of Resolution 2397 was adopted unanimously.",
    "Article 8 requires repatriation.",
    "The 1718 Committee must approve each case.",
    "Entries rose 12 times compared with the previous year.",
    "COVID-19 closed the border for four years.",
    "The project will build 50,000 new homes.",
    "One of the workers said the food was poor.",
    "More than 10,000 North Korean students study in Russia.",
    "Officials said 12,000 North Koreans arrived last year, most on study visas.",
    "The state takes 70-80% of their wages.",
    "The 2,000-km route runs through Beijing.",
    "The workers sleep 12 to a room.",
    "North Korea sent more than 10,000 soldiers to the front.",
    "Since the 1990s the state has sent labourers abroad.",
    "The 8th Party Congress set the goals for workers abroad.",
    "At 9:51 AM the train with the workers left.",
    "The workers left on flight number 152 from Pyongyang.",
    "The ministry will number 200 new regulations for workers.",
]


@pytest.mark.parametrize("sentence", NOT_WORKER_CASES)
def test_quantities_not_worker_counts(sentence: str) -> None:
    assert _counted(sentence) == []


def test_quantities_no_workers_without_dprk_context() -> None:
    text = "The union has some 734,000 workers. About 40,000 workers joined the rally."
    assert all(q.unit != "workers" for q in find_quantities(text, split_sentences(text)))


TEAM_CASES = [
    ("The second round will organise a total of six teams.", [(6, 6)]),
    ("Two or three groups will leave Pyongyang each month.", [(2, 3)]),
    ("Four brigades of builders were dispatched to Rason.", [(4, 4)]),
]


@pytest.mark.parametrize(("sentence", "expected"), TEAM_CASES)
def test_quantities_teams(sentence: str, expected: list[tuple[float, float]]) -> None:
    assert _counted(sentence, "teams") == expected


# (sentence, min, max, currency, per)
MONEY_CASES: list[tuple[str, float | None, float | None, str, str | None]] = [
    (
        "The state will collect USD 500 to 650 a month from every worker.",
        500,
        650,
        "USD",
        "worker_month",
    ),
    ("Each person must pay an extra U.S. $100 per month.", 100, 100, "USD", "worker_month"),
    ("Each worker hands over $800 a month.", 800, 800, "USD", "worker_month"),
    ("The scheme earns about $500 million a year.", 500e6, 500e6, "USD", "year"),
    ("Revenue reached US$930m in 2017.", 930e6, 930e6, "USD", None),
    ("Hackers stole $2.8bn in crypto.", 2.8e9, 2.8e9, "USD", None),
    ("They earn 50,000 rubles a month.", 50000, 50000, "RUB", "month"),
    ("A builder is paid 40,000 roubles per month.", 40000, 40000, "RUB", "month"),
    ("The monthly wage is RUB 60,000.", 60000, 60000, "RUB", "month"),
    ("The company pays a monthly salary of $1,000.", 1000, 1000, "USD", "month"),
    ("Workers are paid between $300 and $500.", 300, 500, "USD", None),
    ("Loyalty funds rose to 3 million won.", 3e6, 3e6, "KRW", None),
    ("The remittance ceiling fell to €5,000.", 5000, 5000, "EUR", None),
    ("Wages were 15,000 euros per year.", 15000, 15000, "EUR", "year"),
    ("Each labourer owes 2,000 yuan per month.", 2000, 2000, "CNY", "worker_month"),
    ("The fee is USD 300 per worker.", 300, 300, "USD", "worker"),
    ("They keep less than $100 a month.", None, 100, "USD", "month"),
    ("The state takes more than $1,000 per worker per month.", 1000, None, "USD", "worker_month"),
    ("Workers earn up to 100 dollars a day.", None, 100, "USD", "day"),
    ("Revenue of about 2 billion dollars a year flows to Pyongyang.", 2e9, 2e9, "USD", "year"),
    ("Estimates range from $930 million to $2 billion annually.", 930e6, 2e9, "USD", "year"),
    ("The state earns some KRW 1.2 billion from the project.", 1.2e9, 1.2e9, "KRW", None),
    ("Workers earn between 500 and 1,000 dollars per month.", 500, 1000, "USD", "month"),
    ("They were paid $1,000-$1,500 a month.", 1000, 1500, "USD", "month"),
    ("The company paid 2 million rubles for the group.", 2e6, 2e6, "RUB", None),
]


@pytest.mark.parametrize(("sentence", "low", "high", "currency", "per"), MONEY_CASES)
def test_quantities_money(
    sentence: str, low: float | None, high: float | None, currency: str, per: str | None
) -> None:
    money = [q for q in _find(sentence) if q.unit == "money"]
    assert len(money) == 1
    q = money[0]
    assert (q.min, q.max, q.currency, q.per) == (low, high, currency, per)


@pytest.mark.parametrize(
    ("sentence", "approximate"),
    [
        ("About 300 workers left.", True),
        ("Around 300 workers left.", True),
        ("Approximately 300 workers left.", True),
        ("Some 300 workers left.", True),
        ("An estimated 300 workers left.", True),
        ("Nearly 300 workers left.", True),
        ("300 workers left.", False),
        ("More than 300 workers left.", False),
    ],
)
def test_quantities_approximate(sentence: str, approximate: bool) -> None:
    (q,) = [q for q in _find(sentence) if q.unit == "workers"]
    assert q.approximate is approximate


def test_quantities_mention_keeps_bound_words() -> None:
    (q,) = _find("More than 1,000 workers were sent.")
    assert q.mention == "More than 1,000"
    (q,) = _find("The state will collect USD 500 to 650 a month from every worker.")
    assert q.mention == "USD 500 to 650"


def test_quantities_other_units() -> None:
    found = {(q.mention, q.unit) for q in _find("Some 80% of them work in 29 countries.")}
    assert ("Some 80%", "other") in found
    assert ("29", "other") in found


def test_quantities_without_sentences() -> None:
    # The stage also works when no sentence split is given (callers and tests).
    text = CONTEXT + "About 300 workers were sent abroad."
    assert [(q.min, q.max, q.unit) for q in find_quantities(text, [])] == [(300, 300, "workers")]


@given(
    st.text(alphabet=st.sampled_from(list("0123456789 ,.-$toabut workers Korea\n")), max_size=120)
)
def test_quantities_spans_match_mentions(noise: str) -> None:
    text = "North Korea sent " + noise
    for q in find_quantities(text, split_sentences(text)):
        assert text[q.span[0] : q.span[1]] == q.mention
        assert q.min is None or q.max is None or q.min <= q.max


def _corpus() -> list[tuple[str, dict]]:
    cases = []
    for gold_path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = CORPUS / gold["doc"]
        raw = path.read_text(encoding="utf-8")
        text = raw if path.suffix == ".txt" else json.loads(raw)["text"]
        cases.append((text, gold))
    return cases


@pytest.mark.skipif(not CORPUS.is_dir(), reason="development corpus not present")
def test_quantities_worker_counts_on_development_corpus() -> None:
    tp = fp = fn = 0
    for text, gold in _corpus():
        found = find_quantities(text, split_sentences(text))
        if not gold["relevant"]:
            continue  # the pipeline drops worker counts of irrelevant reports
        predicted = {
            (q.min, q.max)
            for q in found
            if q.unit == "workers" and not (q.min is None and q.max is None)
        }
        expected = {(w["min"], w["max"]) for w in gold["worker_counts"]}
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95


# Constructions found on the held-out set (tests/heldout); sentences written for here.
HELDOUT_WORKER_CASES: list[tuple[str, list[tuple[float | None, float | None]]]] = [
    ("Officials now want to pick another 400 from factories in the provinces.", [(400, 400)]),
    ("Lawmakers were told another 2,000 could be sent by next spring.", [(2000, 2000)]),
    ("About 70 of the older workers were put on a train home.", [(70, 70)]),
    ("Security men watch the crews, and two men who tried to quit were beaten.", [(2, 2)]),
    ("Two earlier batches, totalling nearly 500 women, crossed the bridge in May.", [(None, 500)]),
]


@pytest.mark.parametrize(("sentence", "expected"), HELDOUT_WORKER_CASES)
def test_quantities_heldout_worker_counts(
    sentence: str, expected: list[tuple[float | None, float | None]]
) -> None:
    assert _counted(sentence) == expected


def test_quantities_permits_for_workers_are_not_workers() -> None:
    sentence = "Firms applied for work permits for some 5,000 North Korean builders."
    assert _counted(sentence) == []


# Constructions found on the second held-out set (tests/heldout2); sentences written for here.
HELDOUT2_WORKER_CASES: list[tuple[str, list[tuple[float | None, float | None]]]] = [
    ("Of the candidates, roughly 250 passed the checks and will go to Russia.", [(250, 250)]),
    ("Two earlier groups, numbering about 90 and 70, left in spring.", [(90, 90), (70, 70)]),
    ("Before the sanctions, fewer than 800 remained at the sites in Russia.", [(None, 800)]),
    ("More than 2,000 were newly sent to Russia this year.", [(2000, None)]),
    ("The centre interviewed 15 former overseas workers.", [(15, 15)]),
    ("Pyongyang will send 3,000 military construction workers.", [(3000, 3000)]),
    ("The workers will go in rotations of about 500 each.", [(500, 500)]),
    ("Inspectors found 21 North Korean deckhands on the trawler.", [(21, 21)]),
]


@pytest.mark.parametrize(("sentence", "expected"), HELDOUT2_WORKER_CASES)
def test_quantities_heldout2_worker_counts(
    sentence: str, expected: list[tuple[float | None, float | None]]
) -> None:
    assert _counted(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 40 workers defected last year, out of roughly 150 North Koreans who reached the South.",
        "About 9,000 soldiers were sent to Kursk, and around 500 of them were killed.",
    ],
)
def test_quantities_heldout2_not_worker_counts(sentence: str) -> None:
    counted = _counted(sentence)
    assert (150, 150) not in counted and (500, 500) not in counted


# Constructions found on tests/heldout3 and tests/heldout4; sentences written for here.
HELDOUT34_WORKER_CASES: list[tuple[str, list[tuple[float | None, float | None]]]] = [
    ("A group of about 90 North Korean women crossed the bridge in May.", [(90, 90)]),
    ("Officials said they had expelled 75 North Koreans working at the port.", [(75, 75)]),
    ("North Korea has sent upward of 2,500 workers to Russia this year.", [(2500, None)]),
    ("A 35-strong crew of North Korean welders started work in April.", [(35, 35)]),
    ("The ministry ordered the 11 North Korean medical workers to leave.", [(11, 11)]),
]


@pytest.mark.parametrize(("sentence", "expected"), HELDOUT34_WORKER_CASES)
def test_quantities_heldout34_worker_counts(
    sentence: str, expected: list[tuple[float | None, float | None]]
) -> None:
    assert _counted(sentence) == expected


# A mixed crew's share by nationality: the part is the DPRK count, the total is not.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Officials said 12 of the 30 deckhands aboard the seized longliner were North Korean.",
            [(12, 12)],
        ),
        ("Inspectors found that 40 of its 150 employees were from North Korea.", [(40, 40)]),
    ],
)
def test_quantities_nationality_share_counts_the_part(
    sentence: str, expected: list[tuple[float | None, float | None]]
) -> None:
    assert _counted(sentence) == expected


def test_quantities_designated_individuals_are_not_workers() -> None:
    sentence = (
        "Treasury designated two labour firms and three individuals for sending workers abroad."
    )
    assert _counted(sentence) == []


# Constructions found on tests/heldout12; sentences written for here: openings for workers in
# a selection, a receiving side's request, sick men sent home, a witness's compatriots.
HELDOUT12_WORKER_CASES: list[tuple[str, list[tuple[float | None, float | None]]]] = [
    ("Around 250 places are on offer in the second selection round.", [(250, 250)]),
    ("The Amur governor has requested as many as 800 North Koreans for next year.", [(None, 800)]),
    ("About 30 men, several of them injured, were sent home in May.", [(30, 30)]),
    ("The escaped North Korean welder said 60 of his compatriots were working at the yard.", [(60, 60)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), HELDOUT12_WORKER_CASES)
def test_quantities_heldout12_worker_counts(
    sentence: str, expected: list[tuple[float | None, float | None]]
) -> None:
    assert _counted(sentence) == expected


# Constructions found on tests/heldout13; sentences written for here: the stages between choosing
# and leaving, "or so" before the verb, the parts of a group listed after it, one who fled.
HELDOUT13_WORKER_CASES: list[tuple[str, list[tuple[float | None, float | None]]]] = [
    ("Some 200 men drawn from state farms in Kangwon Province passed the final checks and are on standby in Wonsan.", [(200, 200)]),
    ("Around 60 women from textile mills in Sinuiju have cleared the last interviews.", [(60, 60)]),
    ("Another 5,000 or so could be sent next year, the agency said.", [(5000, 5000)]),
    ("About 300 or so workers left in May.", [(300, 300)]),
    ("The welders came in three batches, 40 in early May and another 35 in June.", [(40, 40), (35, 35)]),
    ("About 200 North Korean workers left in April and another 150 in June.", [(200, 200), (150, 150)]),
    ("About 200 North Korean workers left in 2019 and 2020.", [(200, 200)]),
    ("A source said one woman had gone missing from the plant's dormitory in March and is thought to have fled.", [(1, 1)]),
    ("The source added that one man had vanished from his hostel in Nakhodka in January.", [(1, 1)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), HELDOUT13_WORKER_CASES)
def test_quantities_heldout13_worker_counts(
    sentence: str, expected: list[tuple[float | None, float | None]]
) -> None:
    assert _counted(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # one person who speaks, or dies, is no count of workers sent
        "One man told the reporter that the pay at the North Korean-run site was poor.",
        "One man was killed when the scaffolding collapsed, North Korean media said.",
        # a crowd at home, and the years after a count
        "About 120 people attended the ceremony in Pyongyang on Friday.",
        # the parts of a count of border entries are entries too
        "Some 900 North Koreans entered Russia in May, 400 in June and another 300 in July.",
    ],
)
def test_quantities_heldout13_not_worker_counts(sentence: str) -> None:
    assert _counted(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # places of a hotel, not openings in a selection
        "The North Korean delegation's hotel in Hunchun has 120 places.",
        # the injured of a military story stay out, even when sent home
        "About 30 North Korean soldiers, most of them injured, were sent home in May.",
        "About 30 men were injured when the missile struck the depot, North Korean media said.",
    ],
)
def test_quantities_heldout12_not_worker_counts(sentence: str) -> None:
    assert _counted(sentence) == []


# Constructions found on tests/heldout14 and tests/heldout15; sentences written for here: people
# chosen and sent on a journey that crosses a border, people at work ("worked at", "were working
# on", "already work in") in a sentence that also names entries or visas, a group put on buses and
# taken elsewhere, "more" after the figure, men kept on, the sick among workers, a running total.
HELDOUT14_15_WORKER_CASES: list[tuple[str, list[tuple[float | None, float | None]]]] = [
    ("Some 90 women chosen from garment factories in Kanggye left by bus and crossed the border at Manpo.", [(90, 90)]),
    ("About 250 North Koreans worked at four sites in the town, organised into brigades.", [(250, 250)]),
    ("More than 600 DPRK nationals were working on farms in the region after entering on tourist visas.", [(600, None)]),
    ("Border statistics show that about 700 North Koreans already work in the province.", [(700, 700)]),
    ("In the autumn about 25 men from the yard were put on a train and taken to occupied Luhansk, and were replaced by newcomers on student visas.", [(25, 25)]),
    ("The agency said up to 2,000 more could be sent before the summer.", [(None, 2000)]),
    ("About 90 men at a sawmill in Amursk were told in March that they would be kept on until October.", [(90, 90)]),
    ("At least 15 sick workers were allowed to go home last month.", [(15, None)]),
    ("A second group of about 300 North Korean builders has arrived, bringing the number working at the port to at least 900.", [(300, 300), (900, None)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), HELDOUT14_15_WORKER_CASES)
def test_quantities_heldout14_15_worker_counts(
    sentence: str, expected: list[tuple[float | None, float | None]]
) -> None:
    assert _counted(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # border crossings and a running total of visitors stay out
        "About 2,000 North Koreans crossed into China at Dandong last year as tourists.",
        "Tourist arrivals from North Korea rose by 300 in May, bringing the total to 1,200.",
        "Some 15,000 North Koreans entered Russia on student visas, and many were later seen working.",
    ],
)
def test_quantities_heldout14_15_not_worker_counts(sentence: str) -> None:
    assert _counted(sentence) == []
