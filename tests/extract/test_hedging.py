"""Certainty, negation and unknowns. Sentences written for these tests in the genre's phrasing."""

from __future__ import annotations

import pytest

from tumen.extract.hedging import ICD203_BANDS, Hedge, assess, lower_same_length


def hedge(sentence: str, trigger: str) -> Hedge:
    start = sentence.index(trigger)
    return assess(sentence, start, start + len(trigger), 0, len(sentence))


# (sentence, trigger word, certainty, cue)
CUES = [
    ("North Korea sent 300 workers to Russia in July.", "sent", "certain", None),
    ("The workers arrived in Khabarovsk on Monday.", "arrived", "certain", None),
    (
        "It has been confirmed that the workers arrived in Khabarovsk.",
        "arrived",
        "certain",
        "has been confirmed",
    ),
    ("The workers will likely be sent through overland routes.", "sent", "likely", "likely"),
    ("The laborers are probably working in Amur.", "working", "likely", "probably"),
    ("The workers reportedly arrived in Vladivostok by train.", "arrived", "likely", "reportedly"),
    (
        "Pyongyang is believed to have dispatched hundreds of builders to Siberia.",
        "dispatched",
        "likely",
        "is believed to",
    ),
    (
        "The workers are estimated to have earned USD 500 million.",
        "earned",
        "likely",
        "are estimated to",
    ),
    (
        "Moscow and Pyongyang are suspected of using trainee permits for labourers.",
        "using",
        "likely",
        "suspected",
    ),
    ("The workers appear to have left Pyongyang.", "left", "likely", "appear"),
    ("The move apparently aims to send more workers.", "send", "likely", "apparently"),
    ("Presumably the workers already know about Ukraine.", "know", "likely", "Presumably"),
    ("The crews are likely to be deployed after the thaw.", "deployed", "likely", "likely"),
    ("North Korea may send more workers next year.", "send", "possible", "may"),
    ("They could divide up at Ussuriysk.", "divide", "possible", "could"),
    ("The laborers might be dispatched to the front.", "dispatched", "possible", "might"),
    ("Pyongyang is allegedly sending loggers to Amur.", "sending", "possible", "allegedly"),
    (
        "It is widely rumored in Hyesan that another crew will be dispatched.",
        "dispatched",
        "possible",
        "rumored",
    ),
    (
        "Party cadres are discussing a plan to send the crew by bus.",
        "send",
        "possible",
        "are discussing",
    ),
    (
        "The site would hire them at once if the builders were to arrive.",
        "arrive",
        "possible",
        "if",
    ),
    ("Possibly the workers will stay for seven years.", "stay", "possible", "Possibly"),
    ("PYONGYANG MAY OPEN A FOURTH ROUND OF HIRING", "HIRING", "possible", "MAY"),
    (
        "It seemed unlikely the crews would fight beside Russian units.",
        "fight",
        "doubtful",
        "unlikely",
    ),
    (
        "Several analysts doubt Pyongyang will send builders before spring.",
        "send",
        "doubtful",
        "doubt",
    ),
    (
        "Analysts are doubtful that the workers will arrive this year.",
        "arrive",
        "doubtful",
        "doubtful",
    ),
    ("How many workers were recruited remains unknown.", "recruited", "unknown", "remains unknown"),
    ("It is unclear whether the workers have left.", "left", "unknown", "It is unclear"),
    (
        "The paper was unable to find out where the crew had been sent.",
        "sent",
        "unknown",
        "was unable to find out",
    ),
    (
        "The claim could not be independently verified, but workers arrived.",
        "arrived",
        "certain",
        None,
    ),
    (
        "The number of workers sent could not be independently verified.",
        "sent",
        "unknown",
        "could not be independently verified",
    ),
    (
        "It was not specified where the workers would be deployed.",
        "deployed",
        "unknown",
        "not specified",
    ),
    (
        "The NIS declined to confirm whether workers were sent.",
        "sent",
        "unknown",
        "declined to confirm",
    ),
    ("The workers left in May 2023.", "left", "certain", None),
    ("The workers will leave in early May.", "leave", "certain", None),
    ("The workers have left, but more may follow later.", "left", "certain", None),
    ("Workers were sent abroad; some may have been returned.", "sent", "certain", None),
]


@pytest.mark.parametrize(("sentence", "trigger", "certainty", "cue"), CUES)
def test_hedging_certainty_and_cue(
    sentence: str, trigger: str, certainty: str, cue: str | None
) -> None:
    result = hedge(sentence, trigger)
    assert (result.certainty, result.cue) == (certainty, cue)
    if cue is not None:
        assert result.cue_span is not None
        assert sentence[result.cue_span[0] : result.cue_span[1]] == cue


# (sentence, trigger, polarity)
POLARITY = [
    ("No workers were sent to Russia this year.", "sent", "denied"),
    ("North Korea did not send any workers in 2021.", "send", "denied"),
    ("The company has never employed North Koreans.", "employed", "denied"),
    ("The ministry denied sending laborers abroad.", "sending", "denied"),
    ("The workers have yet to leave North Korea.", "leave", "delayed"),
    ("The workers have not yet left Pyongyang.", "left", "delayed"),
    ("Their departure was postponed until spring.", "departure", "delayed"),
    ("The dispatch was cancelled after the border closed.", "dispatch", "cancelled"),
    ("The plan to send more workers was called off.", "send", "cancelled"),
    ("North Korea sent 300 workers to Russia.", "sent", "affirmed"),
    ("Not only workers but also soldiers were sent.", "sent", "affirmed"),
    ("The workers are no longer sent through China.", "sent", "cancelled"),
    # a denied subject (heldout13): nobody did it
    ("None of the North Korean seamstresses was allowed to go home for Chuseok.", "go home", "denied"),
    ("Not one of them has been permitted to leave the compound since May.", "leave", "denied"),
    ("Nobody from the second brigade returned home last winter.", "returned", "denied"),
    ("No one knows when the North Korean loggers will return home.", "return", "affirmed"),
    ("The cooks, none of whom speak Russian, were sent home in May.", "sent", "affirmed"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "trigger", "polarity"), POLARITY)
def test_hedging_polarity(sentence: str, trigger: str, polarity: str) -> None:
    assert hedge(sentence, trigger).polarity == polarity


def test_hedging_icd203_bands_are_ordered_and_never_reach_certainty() -> None:
    order = ["doubtful", "possible", "likely", "certain"]
    bands = [ICD203_BANDS[level] for level in order]
    assert all(band is not None for band in bands)
    lows = [band[0] for band in bands if band]
    assert lows == sorted(lows)
    assert all(0 < band[0] < band[1] < 100 for band in bands if band)
    assert ICD203_BANDS["unknown"] is None


def test_hedging_lower_same_length_keeps_offsets() -> None:
    text = "\u0130stanbul WORKERS"
    assert len(lower_same_length(text)) == len(text)
    assert lower_same_length("Daily NK") == "daily nk"
