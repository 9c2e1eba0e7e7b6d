"""Relevance: DPRK labour dispatch versus look-alikes (missiles, soldiers, other workers)."""

from __future__ import annotations

import pytest

from tumen.extract.relevance import assess_relevance, triage

RELEVANT = [
    "North Korea is recruiting workers to send to Russia. The workers will leave in teams, "
    "a source said. Selections were completed last month and laborers wait in Pyongyang.",
    "Pyongyang ordered trading companies to select personnel for construction works in the "
    "Donbas. The personnel will be dispatched in spring; the selection ends in January.",
    "Thousands of North Korean labourers were sent overseas to earn foreign currency, and "
    "their wages were confiscated as loyalty funds, defectors said.",
]
NOT_RELEVANT = [
    "North Korea fired a ballistic missile into the sea on Monday, the military said. The "
    "missile flew 300 km. Troops were on alert.",
    "Ukraine said it captured two North Korean soldiers in Kursk. The soldiers were wounded "
    "in combat; troops found them after a battle.",
    "Unions said 40,000 workers would strike over wages in Seoul next week.",
    "Migrant workers from Central Asia fill a labour shortage in Russia's construction sector.",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The DPRK said", True),
        ("news from pyongyang", True),
        ("N. Korea workers", True),
        ("Kim Jong Un visited a factory", True),
        # The prefilter lets South Korean news through; the scoring step drops it.
        ("South Korean exports rose", True),
        ("Japan's weather turned cold", False),
        ("Russian builders hired migrants", False),
    ],
)
def test_relevance_triage_prefilter(text: str, expected: bool) -> None:
    assert triage(text) is expected


def test_relevance_south_korean_news_is_dropped_after_triage() -> None:
    text = "South Korean workers went on strike in Seoul over wages; 3,000 workers marched."
    assert triage(text)
    assert not assess_relevance(text).relevant


# Short reports that name the DPRK once, and look-alikes that name it in passing.
RELEVANT_HELDOUT = [
    "North Korea has begun a third round of worker selections for building sites in Russia, "
    "a source said. About 500 people were chosen in the first round.",
    "In the taiga, North Korean loggers fell timber for Russian firms. The camps employ about "
    "400 men on two-year rotations, a contractor said.",
    "Hundreds of North Korean women still peel shrimp in seafood processing plants in Dalian. "
    "Their wages go to a trading company, a broker said.",
]
NOT_RELEVANT_HELDOUT = [
    # South Korean labour news that mentions North Korea once.
    "Thousands of unionized workers walked off the job in Ulsan on Thursday in a general "
    "strike over wages. The union rallied in Seoul and called for labour exchanges with North "
    "Korea to resume. About 5,000 workers joined the strike.",
    # Defectors' jobs in the South: no dispatch abroad.
    "Shipbuilders are turning to North Korean defectors and foreign workers to fill a shortage "
    "of welders. About 300 defectors finished a welding course, and workers earn more now.",
    # Russia's labour market: North Korea only in a military aside.
    "Russia's builders lack 500,000 workers as migrants from Uzbekistan leave. Lawmakers want "
    "workers from India. Moscow is also deepening military ties with North Korea.",
]


# Second held-out set (tests/heldout2): labour words without labour abroad.
RELEVANT_HELDOUT2 = [
    # Crews and men, never "workers": still DPRK nationals working in Russia.
    "North Korean construction crews bound for Kazan now travel by ferry and plane. Groups of "
    "40 men leave Rajin every month for building sites in Russia, a source said.",
]
NOT_RELEVANT_HELDOUT2 = [
    # Factories in a Chinese border city: only local workers named.
    "Seafood plants in Dandong are laying off local workers as trade with North Korea stays "
    "frozen. One plant cut its staff to 80 Chinese employees; wages fell by a fifth.",
    # Defectors' jobs in the South, with a temp agency's "dispatched workers".
    "North Korean defectors crowded a job fair in Incheon. Agencies offered placements for "
    "dispatched workers at factories, and 400 applicants were recruited for interviews.",
    # Domestic mobilisation in the DPRK.
    "Kim Jong Un ordered shock brigades dispatched from the provinces to build 10,000 flats in "
    "Pyongyang. North Korean builders there receive no wages, defectors say.",
]


# Less usual host countries count as "abroad" beside the DPRK; alone, another country's
# workers are its own labour market.
@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        (
            "A team of 40 North Korean construction workers is building a stadium in Bissau, "
            "Guinea-Bissau, a source said. The workers travelled via Beijing and are paid "
            "little; their wages go to the state.",
            True,
        ),
        (
            "Shipbuilders will hire skilled workers from Vietnam and Nepal to fill a shortage of "
            "welders, the ministry said. North Korean defectors will get training. The workers "
            "will earn wages above the minimum.",
            False,
        ),
    ],
)
def test_relevance_other_host_countries(text: str, relevant: bool) -> None:
    assert assess_relevance(text).relevant is relevant


# Short reports that name the labour by its trade, and look-alikes that use the same trades.
SHORT_BY_TRADE = [
    # A host named only by its city: the gazetteer says Irkutsk is abroad.
    "A crew of about 90 North Korean carpenters has been working on a hotel in Irkutsk since "
    "spring. They came by train from Vladivostok and hold student visas, a source said.",
    "Some 40 North Korean welders are fitting out a tanker at a yard in Nakhodka, a port "
    "official said.",
    "Eighteen North Korean nurses and acupuncturists who worked at a hospital in Lusaka left "
    "Zambia on Friday after the government ordered them out, officials said.",
    "A textile mill in Tumen employs some 300 North Koreans, a source in Jilin said. The "
    "women sew uniforms for export and live in a guarded dormitory.",
    "Angola is still hosting North Korean medical teams, a UN panel said; the doctors' fees "
    "go to Pyongyang.",
]
LOOK_ALIKES = [
    # A city of the DPRK is not abroad, whatever the gazetteer holds.
    "North Korean welders and tilers are finishing flats in Chongjin, state media said; the "
    "builders came from Hamhung.",
    "About 300 North Korean military engineers and sappers have been sent to Russia's Kursk "
    "region to clear mines, the spy agency said. The troops are working with Russian units.",
    "North Korean defectors are working as nurses and cooks in Seoul hospitals, the ministry "
    "said. About 900 defectors finished nursing courses.",
    "North Korean bricklayers are working day and night on tower blocks in Pyongyang, state "
    "media said; shock brigades came from the provinces.",
    "North Korea's football team arrived in Tashkent via Beijing for a qualifier; the players "
    "will return home after the match.",
]


# Eighth held-out set (tests/heldout8): unusual formats. First-person testimony counts as DPRK
# nationals at work when the narrator is placed in the DPRK or named North Korean; a Q&A
# answer keeps the subject of its question; IT trades abroad are labour.
FIRST_PERSON = [
    "I was sent to a building site in Novosibirsk in 2018 with 30 other men from my town. We "
    "left Pyongyang in March and worked there for two years; the foreman kept my wages.",
    "I am a North Korean who worked in Kuwait for three years. Our brigade built villas and my "
    "wages went to the party.",
]
QUESTION_AND_ANSWER = [
    "Q: Where do the North Korean programmers work now?\nA: Mostly in Vladivostok and in "
    "Vientiane, in small teams that take freelance orders.",
    # Markers inside one line, after a sentence.
    "Interview on North Korea. Q: How many of the North's IT workers are left? A: A few hundred "
    "remain in Dandong and Yanji.",
]
IT_TRADES = [
    "North Korea's software developers take orders from abroad through freelance sites, using "
    "fake identities, investigators said.",
]


# Look-alikes: first person without a DPRK narrator, an escapee's own story, a Q&A on ships,
# and reports on smuggling defectors (brokers, escape routes, resettlement, courts in the South).
UNUSUAL_LOOK_ALIKES = [
    "We worked with partners in China and Russia to track North Korea's missile programme, the "
    "analyst said. Our team found new launch sites.",
    "I fled North Korea in 2015. A broker smuggled me through China to Laos, and we waited in a "
    "safe house for a month before reaching Seoul, where I now work in a cafe.",
    "Q: What did the panel find about North Korea's oil imports?\nA: Tankers met in the East "
    "China Sea and transferred fuel to North Korean vessels.",
    "Broker jailed for smuggling defectors\n\nA district court in Seoul sentenced a broker to "
    "four years in prison on Tuesday for smuggling 11 North Korean defectors from Dandong through "
    "Vietnam to Cambodia. The defectors had escaped from North Korea in 2021.",
    "Police in Busan arrested two brokers who guided North Korean defectors out of Yanji along an "
    "escape route through Laos to Thailand. The defectors, who fled North Korea last year, were "
    "resettled in the South. Both defectors now work in Incheon.",
    "Brokers now charge North Korean defectors 15,000 dollars for the escape route through China "
    "and Myanmar, a resettlement group in Seoul said. Most defectors wait months in safe houses "
    "in China, and some defectors pay in instalments from their wages.",
]


# An escape story that also names workers the state sent abroad stays about dispatch.
def test_relevance_escape_of_dispatched_workers_is_relevant() -> None:
    text = (
        "A broker helped 5 North Korean workers who had escaped from a building site in "
        "Vladivostok reach Seoul, a defectors' group said. The workers had been sent abroad in "
        "2019."
    )
    assert assess_relevance(text).relevant


# Heldout9: the state's full name in UN and ministry prose, trades such as finishers, and a
# closing quotation mark that does not end its sentence.
RELEVANT_HELDOUT9 = [
    "The Kingdom told the committee that the 80 nationals of the Democratic People's Republic of "
    "Korea earning income in its territory had left for home through Bangkok.",
    'A listing offers a "team of 25 finishers from the DPRK" for repair work in Novosibirsk, with '
    "a minimum order of three months.",
]


# Heldout12: one worker named by a manual trade (a single escapee's story) and a report "on
# North Korean labour abroad"; look-alikes with a single trade at home or a defector's new job.
RELEVANT_HELDOUT12 = [
    "A 41-year-old North Korean plasterer who slipped away from a building site near Omsk told "
    "a rights group that his brigade had been sent by a state trading firm.",
    "The rights group's new study of North Korean labour abroad draws on interviews with two "
    "men who fled a sawmill in Siberia last year.",
]
NOT_RELEVANT_HELDOUT12 = [
    "A North Korean welder was praised by state media for finishing a power station in Tanchon "
    "ahead of schedule.",
    "A North Korean defector who now works as a welder in Ulsan spoke at a job fair in Seoul.",
]


# Brief wire items (one or two sentences) in which the state, or one of its ministries or
# firms, is the subject of a verb of dispatch and workers are its object: relevant even with
# no demonym on the workers. The look-alikes send soldiers, athletes or artists, send workers
# at home, or are another country's labour news.
BRIEF_STATE_DISPATCH = [
    "North Korea sent 150 construction workers to Russia last month.",
    "North Korea has dispatched 300 construction workers to Russia.",
    "North Korea sends 90 builders to Vladivostok.",
    "Pyongyang dispatched about 400 labourers to Russia's Far East in March.",
    "Pyongyang plans to send between 800 and 1,000 workers to the Moscow region, a newspaper said.",
    "The DPRK has sent a third batch of some 70 workers to Khabarovsk, a source said.",
    "North Korea's Ministry of Labour has dispatched 120 nationals to a shipyard in Russia.",
    "North Korea will send 500 more workers to Russia next year, officials said.",
    "North Korea deployed 250 loggers to camps in Russia's Amur region this winter.",
    "North Korea is expected to send thousands of laborers to occupied Ukraine.",
    "North Korea has sent 60 seamstresses to a garment plant in Dandong, China.",
    "North Korea sent 40 doctors and nurses to Laos under a new contract, a source said.",
    "Pyongyang has dispatched a new group of 200 fishermen to Russian trawlers.",
    "A North Korean trading firm sent 75 welders to a shipyard in Russia, a source said.",
    "North Korea recently sent 300 construction workers to Kazakhstan, a report said.",
    "A North Korean trading company has sent some 120 women to garment factories in Hunchun, China.",
]
BRIEF_LOOK_ALIKES = [
    "North Korea has sent 3,000 more soldiers to Russia's Kursk region, Seoul said.",
    "North Korea sent 500 troops, including military engineers, to Russia.",
    "North Korea has sent 200 military builders and sappers to Russia to clear mines.",
    "North Korea sent its women's football team to a tournament in Vladivostok.",
    "North Korea's junior table tennis team arrived in China for a friendly match.",
    "North Korea sent 20,000 construction workers to the flood-hit county of Kimchaek.",
    "North Korea has dispatched 5,000 youth volunteers to rebuild homes in South Hamgyong.",
    "About 500,000 labour migrants from Uzbekistan and Tajikistan received Russian work "
    "permits this year, the ministry said.",
    "North Korea sent a delegation of 12 officials to Moscow for talks on trade.",
    "North Korea sent an art troupe of 80 performers to Russia for a festival.",
    "North Korea has sent artillery shells and missiles to Russia, Seoul said.",
    "South Korea sent 200 engineers to a car plant in Russia before the war.",
    "North Korea sent 30 athletes to the Asian Games in China.",
    "North Korea launched two missiles on Monday, the military said.",
    "North Korea sent 40 hackers to China to steal cryptocurrency, investigators said.",
    "North Korea has sent its women's handball team to a tournament in Kazan.",
    "North Korea sent 12 women athletes to a training camp in China.",
    "North Korea sent 2,000 men to Russia's Kursk region to fight, the military said.",
]


# Every relevant text above is relevant with a score of at least 0.5; every look-alike is not,
# with a score below 0.5.
RELEVANT_TEXTS = (
    RELEVANT
    + RELEVANT_HELDOUT
    + RELEVANT_HELDOUT2
    + SHORT_BY_TRADE
    + FIRST_PERSON
    + QUESTION_AND_ANSWER
    + IT_TRADES
    + RELEVANT_HELDOUT9
    + RELEVANT_HELDOUT12
    + BRIEF_STATE_DISPATCH
)
NOT_RELEVANT_TEXTS = (
    NOT_RELEVANT
    + NOT_RELEVANT_HELDOUT
    + NOT_RELEVANT_HELDOUT2
    + LOOK_ALIKES
    + UNUSUAL_LOOK_ALIKES
    + NOT_RELEVANT_HELDOUT12
    + BRIEF_LOOK_ALIKES
)


@pytest.mark.parametrize("text", RELEVANT_TEXTS)
def test_relevance_relevant(text: str) -> None:
    result = assess_relevance(text)
    assert result.relevant and 0.5 <= result.score <= 1.0


@pytest.mark.parametrize("text", NOT_RELEVANT_TEXTS)
def test_relevance_not_relevant(text: str) -> None:
    result = assess_relevance(text)
    assert not result.relevant and 0.0 <= result.score < 0.5
