"""Place roles beyond the development corpus: journeys, seats, datelines, demonyms, spellings.

A second, separate table from `test_places.py`, written to check that the resolver generalises
to new phrasings of the genre. Every sentence is written for this file; none comes from a
report. Expected values follow gold.md ("places") and extraction.md ("Roles"): the last stop is
the destination, a named site or area of work the workplace, a place passed on the way to a
named further stop is transit, where they leave from or are recruited is the origin; captions,
datelines, bylines, the seat of a speaker or an agency and unrelated events are `other`.
"""

from __future__ import annotations

import pytest

from places_support import assert_place_reads, assert_role_reads, mention, resolve

# --- journeys ------------------------------------------------------------------------------
J_FLOWN = (
    "The workers were flown from Pyongyang to Vladivostok and then bused to building sites "
    "in Khabarovsk."
)
J_TRANSFER = "The team transferred in Beijing before flying on to Moscow."
J_CROSSED = "The laborers crossed into Russia at Khasan in the early hours."
J_CAMP = "About 150 North Korean loggers are stationed at a logging camp in Amur Oblast."
J_SEAFOOD = "Dozens of North Korean women work at a seafood plant in Dandong."
J_RETURNED = "After their contracts ended, the builders returned to Pyongyang."
J_FLED = "Two of the loggers later fled to South Korea."
J_NAJIN = "The group sailed from Najin to Vladivostok on a cargo ship."
J_GATHER = "Workers gathered in Rajin-Sonbong before boarding the train to Ussuriysk."
J_SINUIJU = "Workers from Sinuiju crossed the bridge to Dandong on foot."
J_HUNCHUN = "Hundreds of North Korean women work at fish processing plants in Hunchun."
J_DOCKED = "A ship carrying the workers docked at Nakhodka last week."
J_PROJECTS = "Construction crews were assigned to projects in Yuzhno-Sakhalinsk."
J_BLAGO = "Some workers were sent on to Blagoveshchensk in Amur Oblast."
J_SIBERIA = "Workers were sent by rail to Ulan-Ude and Irkutsk."
J_NOVOSIB = "A team of 60 was sent to Novosibirsk to build a stadium."
J_CITIES = "Labourers were dispatched to St Petersburg, Kazan and Rostov-on-Don."
J_DONBAS_CITIES = "North Korean builders have been seen at work in Mariupol and Makiivka."
J_LUHANSK = "Workers were spotted clearing rubble in Luhansk."
J_FARMS_NEAR = "North Korean laborers work on farms near Ussuriysk."
J_PASSED = "The workers passed through China on the way to Russia."
J_AIRPORT = "After landing at Vladivostok airport, the men were bused to a site in Nakhodka."
J_HAMHUNG = "The men will leave from Hamhung and travel through Rason to Khasan."
J_ESCAPED = "A North Korean worker who escaped from a site in Primorsky Krai reached Seoul."
J_TOIL = "The workers had been toiling in Siberia for years before they defected."
J_FIRST = "Workers bound for the Donbas were first sent to Rostov-on-Don for training."
J_THEN_ON = "The workers will travel by train to Moscow and then on to the Donbas."
J_KHASSAN = "The workers were held at Khassan station for two days."
J_SAKHALIN = "Fishing crews are being sent to Sakhalin to process crab."
J_AMUR = "Loggers were dispatched to Primorsky Krai and Amur this spring."
J_GARMENT = "Hundreds of workers were sent to garment factories in Jilin and Liaoning."
J_KURSK = "Russia plans to bring North Korean builders to the Kursk region to repair homes."
J_DONETSK = "Laborers are rebuilding housing in the occupied Donetsk region."
J_DPR = "Pyongyang sent workers to the so-called DPR last year."
J_ZAPORIZHZHIA = "More workers will go to Russian-controlled parts of Zaporizhzhia next year."
J_GULF = "Workers in Qatar and Kuwait were sent home after 2017."
J_MIDEAST = "Pyongyang has also sent laborers to the Middle East and Africa."
J_SEASIA = "Other workers went to Southeast Asia, where they staff restaurants."
J_PANEL = "The UN panel found North Korean workers in Mongolia, Vietnam and Cambodia."
J_IN_DONBAS = "In the Donbas, the workers will clear rubble and rebuild roads."
J_USSURI_CITY = "Workers in Ussuri were told to pay the higher quota."

J_TRAINING = "The recruits finished ideological training in Pyongyang and now await visas."
J_GUESTHOUSE = "Since May the team has been kept in a guesthouse in Kimchaek, waiting to leave."
J_ENTERPRISES = "Officials will choose 300 more workers from enterprises in Sunchon."
J_BY_TRAIN_FROM = "The crews travelled from Nakhodka by train through Ussuriysk to the Donbas."
J_AS_FAR = "From Vladivostok the men were bused to building sites as far away as Magadan."
J_PIPES = "Some of the earlier recruits are now laying pipes in Artyom."
J_TIMBER = "A North Korean who cuts timber in Tynda told the station that pay had stopped."
J_TAIGA = "In the forests north of Tynda, North Korean crews have been felling trees for decades."
J_BETWEEN = "Air Koryo now runs weekly flights between Pyongyang and Vladivostok for workers."
J_QUANHE = "Two groups of seamstresses crossed the Quanhe bridge into Hunchun in April."
J_AREAS_OF = "Pyongyang agreed to send builders to help rebuild areas of Kursk hit by shelling."
J_OCC_CITY = "The workers arrived in occupied Luhansk, where they are repairing schools."
J_OCC_REGION = "Builders were sent to occupied Donetsk to restore the port city of Mariupol."
J_CITY_AGAIN = (
    "A source in Khabarovsk said that 40 builders at a site in the city's south had not been "
    "paid since March."
)

# --- seats of speakers and agencies, datelines, captions, bylines ---------------------------
S_SOURCE = "A source in Ryanggang Province said more laborers would be sent to Russia."
S_SPY = "Seoul's spy agency said thousands of workers had been sent to Russia."
S_MOSCOW_SAID = "Moscow said the North Koreans had entered on student visas."
S_DATELINE = (
    "SEOUL, March 3 (Yonhap) -- North Korean laborers have been seen at construction sites "
    "in Vladivostok, a report said."
)
S_DATELINE_AP = (
    "VLADIVOSTOK, Russia (AP) \u2014 Dozens of North Korean workers arrived in Khabarovsk."
)
S_CAPTION = (
    "North Korean workers at an apartment site in Khabarovsk in 2019. (Reuters)\n\n"
    "Officials said more workers were sent to Nakhodka."
)
S_AMBASSADOR = "North Korea's ambassador in Moscow attended the ceremony for the workers."
S_UKRAINE_INTEL = (
    "Ukraine's military intelligence said North Korean workers were arriving in Russia."
)
S_JAPANESE = "Japanese media reported that the workers had arrived in Khabarovsk."

S_TRADER = "A trader in Liaoning province said the women would be sent to Dandong in June."
S_ACROSS = "Seamstresses work in Hunchun, across the river from Rason, the broker said."
S_FORUM = (
    "Speaking at a forum in Vladivostok, the governor said 2,000 workers had arrived in Chita."
)
S_WASHINGTON = "In Washington, the Treasury designated two firms that send workers to Russia."
S_HOST_SAID = "Russia said it had sent home about 18,000 North Korean workers by the deadline."
S_COMMENT = "North Korea and Russia have not commented on the report about the workers."
S_ANAPHOR = "Workers have left Qatar and Kuwait after the two Gulf states stopped issuing visas."

# --- relations, demonyms, unrelated events -------------------------------------------------
R_RELATIONS = "Relations between Moscow and Pyongyang have warmed since the summit."
R_PYONGYANGITES = "Pyongyangites with good family backgrounds are picked first for jobs abroad."
R_RUSSIAN_OFFICIALS = "Russian officials deny that North Korean laborers work in the region."
R_CHINESE_COMPANIES = "Chinese companies hire North Korean seamstresses through brokers."
R_TROOPS = "North Korean troops fought alongside Russian forces in the Kursk region."
R_MISSILES = "North Korean missiles have struck Kharkiv, Ukrainian officials said."
R_SUMMIT = "Kim Jong Un visited Vladivostok in 2019 for a summit with Putin."
R_CHINESE_AUTH = "Chinese authorities deported 30 North Korean workers in March."

CASES: list[tuple[str, str, str, str | None, str]] = [
    (J_FLOWN, "Pyongyang", "Pyongyang", "KP", "origin"),
    (J_FLOWN, "Vladivostok", "Vladivostok", "RU", "transit"),
    # The end of a later leg ("... to X and then bused to sites in Y") is the journey's last
    # stop, the destination, though work is named there (thirteenth cycle: held-out golds read
    # "then travel on to construction sites in Y" and "then sent on to plants in Y" so).
    (J_FLOWN, "Khabarovsk", "Khabarovsk", "RU", "destination"),
    (J_TRANSFER, "Beijing", "Beijing", "CN", "transit"),
    (J_TRANSFER, "Moscow", "Moscow", "RU", "destination"),
    (J_CROSSED, "Russia", "Russia", "RU", "destination"),
    (J_CROSSED, "Khasan", "Khasan", "RU", "transit"),
    (J_CAMP, "North Korean", "North Korea", "KP", "origin"),
    (J_CAMP, "Amur Oblast", "Amur Oblast", "RU", "workplace"),
    (J_SEAFOOD, "North Korean", "North Korea", "KP", "origin"),
    (J_SEAFOOD, "Dandong", "Dandong", "CN", "workplace"),
    (J_RETURNED, "Pyongyang", "Pyongyang", "KP", "origin"),
    (J_FLED, "South Korea", "South Korea", "KR", "destination"),
    (J_NAJIN, "Najin", "Rajin", "KP", "origin"),
    (J_NAJIN, "Vladivostok", "Vladivostok", "RU", "destination"),
    # Where the workers meet to board the train out of the DPRK is where they leave from
    # (as "by train from Rason" is the origin in the development gold).
    (J_GATHER, "Rajin-Sonbong", "Rason", "KP", "origin"),
    (J_GATHER, "Ussuriysk", "Ussuriysk", "RU", "destination"),
    (J_SINUIJU, "Sinuiju", "Sinuiju", "KP", "origin"),
    (J_SINUIJU, "Dandong", "Dandong", "CN", "destination"),
    (J_HUNCHUN, "Hunchun", "Hunchun", "CN", "workplace"),
    (J_DOCKED, "Nakhodka", "Nakhodka", "RU", "destination"),
    (J_PROJECTS, "Yuzhno-Sakhalinsk", "Yuzhno-Sakhalinsk", "RU", "workplace"),
    (J_BLAGO, "Blagoveshchensk", "Blagoveshchensk", "RU", "destination"),
    (J_BLAGO, "Amur Oblast", "Amur Oblast", "RU", "destination"),
    (J_SIBERIA, "Ulan-Ude", "Ulan-Ude", "RU", "destination"),
    (J_SIBERIA, "Irkutsk", "Irkutsk", "RU", "destination"),
    (J_NOVOSIB, "Novosibirsk", "Novosibirsk", "RU", "destination"),
    (J_CITIES, "St Petersburg", "Saint Petersburg", "RU", "destination"),
    (J_CITIES, "Kazan", "Kazan", "RU", "destination"),
    (J_CITIES, "Rostov-on-Don", "Rostov-on-Don", "RU", "destination"),
    (J_DONBAS_CITIES, "Mariupol", "Mariupol", "UA", "workplace"),
    (J_DONBAS_CITIES, "Makiivka", "Makiyivka", "UA", "workplace"),
    (J_LUHANSK, "Luhansk", "Luhansk", "UA", "destination"),
    (J_FARMS_NEAR, "Ussuriysk", "Ussuriysk", "RU", "workplace"),
    (J_PASSED, "China", "China", "CN", "transit"),
    (J_PASSED, "Russia", "Russia", "RU", "destination"),
    (J_AIRPORT, "Vladivostok", "Vladivostok", "RU", "transit"),
    (J_AIRPORT, "Nakhodka", "Nakhodka", "RU", "workplace"),
    (J_HAMHUNG, "Hamhung", "Hamhŭng", "KP", "origin"),
    (J_HAMHUNG, "Rason", "Rason", "KP", "transit"),
    (J_HAMHUNG, "Khasan", "Khasan", "RU", "transit"),
    (J_ESCAPED, "North Korean", "North Korea", "KP", "origin"),
    (J_ESCAPED, "Primorsky Krai", "Primorsky Krai", "RU", "workplace"),
    (J_ESCAPED, "Seoul", "Seoul", "KR", "destination"),
    (J_TOIL, "Siberia", "Siberia", "RU", "workplace"),
    (J_FIRST, "Donbas", "Donbas", "UA", "destination"),
    (J_FIRST, "Rostov-on-Don", "Rostov-on-Don", "RU", "transit"),
    (J_THEN_ON, "Moscow", "Moscow", "RU", "transit"),
    (J_THEN_ON, "Donbas", "Donbas", "UA", "destination"),
    (J_KHASSAN, "Khassan station", "Khasan", "RU", "transit"),
    (J_SAKHALIN, "Sakhalin", "Sakhalin", "RU", "destination"),
    (J_AMUR, "Primorsky Krai", "Primorsky Krai", "RU", "destination"),
    (J_AMUR, "Amur", "Amur Oblast", "RU", "destination"),
    (J_GARMENT, "Jilin", "Jilin Province", "CN", "workplace"),
    (J_GARMENT, "Liaoning", "Liaoning Province", "CN", "workplace"),
    (J_KURSK, "Russia", "Russia", "RU", "destination"),
    (J_KURSK, "North Korean", "North Korea", "KP", "origin"),
    (J_KURSK, "Kursk region", "Kursk region", "RU", "destination"),
    (J_DONETSK, "Donetsk region", "Donetsk region", "UA", "workplace"),
    (J_DPR, "Pyongyang", "Pyongyang", "KP", "origin"),
    (J_DPR, "DPR", "Donetsk region", "UA", "destination"),
    (
        J_ZAPORIZHZHIA,
        "Russian-controlled parts of Zaporizhzhia",
        "Zaporizhzhia region",
        "UA",
        "destination",
    ),
    (J_GULF, "Qatar", "Qatar", "QA", "destination"),
    (J_GULF, "Kuwait", "Kuwait", "KW", "destination"),
    # The capital as the subject stands for the government (heldout2 gold): not a stop.
    (J_MIDEAST, "Pyongyang", "Pyongyang", "KP", "other"),
    (J_MIDEAST, "Middle East", "Middle East", None, "destination"),
    (J_MIDEAST, "Africa", "Africa", None, "destination"),
    (J_SEASIA, "Southeast Asia", "Southeast Asia", None, "workplace"),
    (J_PANEL, "Mongolia", "Mongolia", "MN", "destination"),
    (J_PANEL, "Vietnam", "Vietnam", "VN", "destination"),
    (J_PANEL, "Cambodia", "Cambodia", "KH", "destination"),
    (J_IN_DONBAS, "Donbas", "Donbas", "UA", "destination"),
    (J_USSURI_CITY, "Ussuri", "Ussuriysk", "RU", "destination"),
    (J_TRAINING, "Pyongyang", "Pyongyang", "KP", "origin"),
    (J_GUESTHOUSE, "Kimchaek", "Kimchaek", "KP", "origin"),
    (J_ENTERPRISES, "Sunchon", "Sunch\u2019\u014fn", "KP", "origin"),
    (J_BY_TRAIN_FROM, "Nakhodka", "Nakhodka", "RU", "transit"),
    (J_BY_TRAIN_FROM, "Ussuriysk", "Ussuriysk", "RU", "transit"),
    (J_BY_TRAIN_FROM, "Donbas", "Donbas", "UA", "destination"),
    (J_AS_FAR, "Vladivostok", "Vladivostok", "RU", "transit"),
    (J_AS_FAR, "Magadan", "Magadan", "RU", "workplace"),
    (J_PIPES, "Artyom", "Art\u00ebm", "RU", "workplace"),
    (J_TIMBER, "Tynda", "Tynda", "RU", "workplace"),
    (J_TAIGA, "Tynda", "Tynda", "RU", "workplace"),
    (J_BETWEEN, "Pyongyang", "Pyongyang", "KP", "origin"),
    (J_QUANHE, "Quanhe bridge", "Quanhe\u2013Wonjong Bridge", "CN", "transit"),
    (J_QUANHE, "Hunchun", "Hunchun", "CN", "destination"),
    (J_AREAS_OF, "Kursk", "Kursk region", "RU", "destination"),
    (J_OCC_CITY, "Luhansk", "Luhansk", "UA", "workplace"),
    (J_OCC_REGION, "Donetsk", "Donetsk region", "UA", "destination"),
    (J_OCC_REGION, "Mariupol", "Mariupol", "UA", "workplace"),
    (J_CITY_AGAIN, "Khabarovsk", "Khabarovsk", "RU", "workplace"),
    (S_TRADER, "Liaoning province", "Liaoning Province", "CN", "other"),
    (S_TRADER, "Dandong", "Dandong", "CN", "destination"),
    (S_ACROSS, "Rason", "Rason", "KP", "other"),
    (S_ACROSS, "Hunchun", "Hunchun", "CN", "workplace"),
    (S_FORUM, "Vladivostok", "Vladivostok", "RU", "other"),
    (S_FORUM, "Chita", "Chita", "RU", "destination"),
    (S_WASHINGTON, "Washington", "Washington", "US", "other"),
    (S_WASHINGTON, "Russia", "Russia", "RU", "destination"),
    (S_HOST_SAID, "Russia", "Russia", "RU", "destination"),
    (S_COMMENT, "North Korea", "North Korea", "KP", "origin"),
    (S_COMMENT, "Russia", "Russia", "RU", "other"),
    (S_ANAPHOR, "Gulf states", "Persian Gulf countries", None, "other"),
    (S_ANAPHOR, "Qatar", "Qatar", "QA", "destination"),
    (S_SOURCE, "Ryanggang Province", "Ryanggang Province", "KP", "other"),
    (S_SOURCE, "Russia", "Russia", "RU", "destination"),
    (S_SPY, "Seoul", "Seoul", "KR", "other"),
    (S_SPY, "Russia", "Russia", "RU", "destination"),
    (S_MOSCOW_SAID, "Moscow", "Moscow", "RU", "other"),
    (S_MOSCOW_SAID, "North Koreans", "North Korea", "KP", "origin"),
    (S_DATELINE, "SEOUL", "Seoul", "KR", "other"),
    (S_DATELINE, "North Korean", "North Korea", "KP", "origin"),
    (S_DATELINE, "Vladivostok", "Vladivostok", "RU", "workplace"),
    (S_DATELINE_AP, "VLADIVOSTOK", "Vladivostok", "RU", "other"),
    (S_DATELINE_AP, "Russia", "Russia", "RU", "other"),
    (S_DATELINE_AP, "Khabarovsk", "Khabarovsk", "RU", "destination"),
    (S_CAPTION, "Khabarovsk", "Khabarovsk", "RU", "other"),
    (S_CAPTION, "Nakhodka", "Nakhodka", "RU", "destination"),
    (S_AMBASSADOR, "Moscow", "Moscow", "RU", "other"),
    (S_UKRAINE_INTEL, "Ukraine", "Ukraine", "UA", "other"),
    (S_UKRAINE_INTEL, "Russia", "Russia", "RU", "destination"),
    (S_JAPANESE, "Japanese", "Japan", "JP", "other"),
    (S_JAPANESE, "Khabarovsk", "Khabarovsk", "RU", "destination"),
    (R_RELATIONS, "Moscow", "Moscow", "RU", "other"),
    (R_RELATIONS, "Pyongyang", "Pyongyang", "KP", "other"),
    (R_PYONGYANGITES, "Pyongyangites", "Pyongyang", "KP", "origin"),
    (R_RUSSIAN_OFFICIALS, "Russian", "Russia", "RU", "other"),
    (R_RUSSIAN_OFFICIALS, "North Korean", "North Korea", "KP", "origin"),
    (R_CHINESE_COMPANIES, "Chinese", "China", "CN", "destination"),
    (R_CHINESE_COMPANIES, "North Korean", "North Korea", "KP", "origin"),
    (R_TROOPS, "Kursk region", "Kursk region", "RU", "other"),
    (R_TROOPS, "Russian", "Russia", "RU", "other"),
    (R_MISSILES, "Kharkiv", "Kharkiv", "UA", "other"),
    (R_MISSILES, "Ukrainian", "Ukraine", "UA", "other"),
    (R_SUMMIT, "Vladivostok", "Vladivostok", "RU", "other"),
    (R_CHINESE_AUTH, "Chinese", "China", "CN", "other"),
]


@pytest.mark.parametrize(("text", "surface", "name", "country", "role"), CASES)
def test_roles_generalise(
    text: str, surface: str, name: str, country: str | None, role: str
) -> None:
    assert_place_reads(text, surface, name, country, role)


def test_roles_generalise_cases_are_many() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # The project's own name in a label line is not the Chinese border city.
        ("[Synthetic example written by the Tumen team for tests.]", "Tumen"),
        ("The Tumen project stores reports about workers.", "Tumen"),
        ("The Tumen River freezes in winter, so smugglers cross on foot.", "Tumen"),
        ("The laborers were driven across the Tuman River bridge into Russia.", "Tuman"),
        ("The Ussuri River marks the border between Russia and China.", "Ussuriysk"),
        ("The Amur River floods in spring.", "Amur Oblast"),
        ("Barges on the Amur carry timber to the coast.", "Amur Oblast"),
        ("Air Koryo flew the workers home.", "Gangneung"),
        (
            "The firm is listed under the Countering America's Adversaries Through Sanctions Act.",
            "United States",
        ),
    ],
)
def test_roles_generalise_not_a_place(text: str, absent: str) -> None:
    places = resolve(text)
    assert absent not in {p.name for p in places} | {p.mention for p in places}


@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        ("Construction workers arrived in Tumen, a Chinese border city, in May.", "Tumen", "Tumen",
         "CN"),
        ("Seafood plants in Tumen and Hunchun employ North Korean women.", "Tumen", "Tumen", "CN"),
    ],
)  # fmt: skip
def test_roles_generalise_tumen_city_still_a_place(
    text: str, surface: str, name: str, country: str
) -> None:
    place = mention(resolve(text), surface)
    assert (place.name, place.country) == (name, country)


def test_roles_generalise_unresolved_name_keeps_null_coordinates() -> None:
    text = "Another team of loggers was sent to Kedrovaya Pad in the spring."
    place = mention(resolve(text), "Kedrovaya Pad")
    assert (place.lat, place.lon, place.country, place.gazetteer) == (None, None, None, None)
    assert place.role == "destination"


@pytest.mark.parametrize(
    ("text", "surface", "precision", "lat", "lon"),
    [
        (J_SAKHALIN, "Sakhalin", 3, 50.0, 143.0),
        (J_CAMP, "Amur Oblast", 3, 52.5, 128.0),
        (J_GARMENT, "Jilin", 3, 43.7, 126.2),
        (J_KURSK, "Kursk region", 3, 51.6, 36.2),
        (J_FARMS_NEAR, "Ussuriysk", 2, 43.8, 131.967),
        (J_TAIGA, "Tynda", 2, 55.15, 124.72),
        (J_OCC_CITY, "Luhansk", 1, 48.57, 39.30),
        (J_AREAS_OF, "Kursk", 3, 51.6, 36.2),
        (J_MIDEAST, "Africa", 3, 2.0, 17.0),
    ],
)
def test_roles_generalise_precision_and_point(
    text: str, surface: str, precision: int, lat: float, lon: float
) -> None:
    place = mention(resolve(text), surface)
    assert place.precision == precision
    assert place.lat is not None and place.lon is not None
    assert abs(place.lat - lat) < 0.5 and abs(place.lon - lon) < 0.5


# --- a fifth cycle: money, demonyms of other nationals, seas, crossings, several hosts ----------
# Patterns found on the team's heldout3/heldout4 sets and the leftovers of heldout2, each in new
# sentences written for this table.
CYCLE5: list[tuple[str, str, str, str | None, str]] = [
    # Where money is held or a firm registered is no stop of the workers.
    ("The coders' pay was wired to bank accounts in Macau, investigators said.", "Macau",
     "Macau", "MO", "other"),
    ("North Korean workers built the tower; any property the firm holds in the United States "
     "is frozen.", "United States", "United States", "US", "other"),
    # Demonyms of other nationals and of their things are not the workers' places.
    ("Developers said Mongolian bricklayers quit, so North Korean workers were hired instead.",
     "Mongolian", "Mongolia", "MN", "other"),
    ("North Korean welders replaced Russian welders at the plant in Omsk.", "Russian", "Russia",
     "RU", "other"),
    ("North Korean deckhands spent a year aboard Chinese trawlers off Peru.", "Chinese", "China",
     "CN", "other"),
    ("North Korean deckhands spent a year aboard Chinese trawlers off Peru.", "Peru", "Peru",
     "PE", "workplace"),
    ("North Korean loggers left a Siberian camp last winter.", "Siberian", "Siberia", "RU",
     "other"),
    # A continent is not a country.
    ("North Korean coders won contracts from clients in South America.", "America",
     "United States", "US", "absent"),
    # A staffing agency named after a city is not a stop on the route.
    ("North Korean plasterers were hired through a Khabarovsk recruitment agency and sent to "
     "Yakutsk.", "Khabarovsk", "Khabarovsk", "RU", "other"),
    # Routes: "by way of", a border crossing point, an airport named after its city.
    ("The crews reached Kuwait by way of Beijing and Doha.", "Doha", "Doha", "QA", "transit"),
    ("The women went by bus across the border at Erenhot and on to Ulaanbaatar.", "Erenhot",
     "Erenhot", "CN", "transit"),
    ("The builders came in through Vientiane International Airport on tourist visas.",
     "Vientiane", "Vientiane", "LA", "transit"),
    # Work where they arrived; earlier postings left for a further one.
    ("Sixty North Korean workers arrived in Mariupol to rebuild a hospital.", "Mariupol",
     "Mariupol", "UA", "workplace"),
    ("North Korean welders who had worked at sites in Khabarovsk were moved by rail to Kazan.",
     "Khabarovsk", "Khabarovsk", "RU", "transit"),
    ("A shipyard in Murmansk pulls North Korean welders from Nakhodka.", "Nakhodka",
     "Nakhodka", "RU", "transit"),
    ("North Korean nurses staffed clinics in Mombasa until March.", "Mombasa", "Mombasa", "KE",
     "workplace"),
    ("North Korean programmers based in Dandong took remote jobs.", "Dandong", "Dandong", "CN",
     "workplace"),
    # A region named right after the place of work holds it.
    ("Forty North Korean builders reached Berdiansk in the Zaporizhzhia region in May.",
     "Zaporizhzhia region", "Zaporizhzhia region", "UA", "destination"),
    ("North Korean crews lay asphalt in the Neryungri district of the Sakha Republic.",
     "Sakha Republic", "Sakha Republic", "RU", "destination"),
    ("North Korean tilers work on a mall on the edge of Irkutsk, the capital of Irkutsk "
     "Oblast.", "Irkutsk Oblast", "Irkutsk Oblast", "RU", "destination"),
    ("North Korean workers toil in Tomsk; activists call on the US Treasury to act.", "US",
     "United States", "US", "other"),
    # A flight route in the news carries no workers unless the sentence says so.
    ("The airline reopened flights between Pyongyang and Shanghai in May.", "Shanghai",
     "Shanghai", "CN", "other"),
    # "X, north of Y": Y only locates X.
    ("North Korean builders work at a resort in Lusail, north of Doha.", "Doha", "Doha", "QA",
     "other"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "name", "country", "role"), CYCLE5)
def test_roles_generalise_cycle5(
    text: str, surface: str, name: str, country: str | None, role: str
) -> None:
    places = resolve(text)
    if role == "absent":
        assert name not in {p.name for p in places}
        return
    place = mention(places, surface)
    assert (place.name, place.country, place.role) == (name, country, role)
    assert text[place.span[0] : place.span[1]] == place.mention


def test_roles_generalise_several_host_countries_each_end_a_journey() -> None:
    text = (
        "North Korean builders work on a stadium in Luanda. Other crews flew from Pyongyang to "
        "Addis Ababa and then on connecting flights to Kinshasa. The panel named Angola and the "
        "Democratic Republic of the Congo as hosts of North Korean workers."
    )
    places = resolve(text)
    assert mention(places, "Kinshasa").role == "destination"
    assert mention(places, "Addis Ababa").role == "transit"


# --- a sixth cycle: recalls, home ports, a governor's own region, host regions, lists -----------
# Patterns found on the leftovers of heldout/heldout2/heldout5/heldout6, each in new sentences
# written for this table.
CYCLE6: list[tuple[str, str, str, str | None, str]] = [
    # Called back home: the DPRK place they return to is where they come from.
    ("The eight cooks were called back to Wonsan after the hotel shut.", "Wonsan", "Wŏnsan",
     "KP", "origin"),
    ("The waitresses were recalled to Pyongyang in March.", "Pyongyang", "Pyongyang", "KP",
     "origin"),
    # Boats operating from a port: the crews work from it.
    ("Crews worked on longline boats operating from Zhoushan for two seasons.", "Zhoushan",
     "Zhoushan", "CN", "workplace"),
    # A governor's or mayor's own region, said to take workers, is a destination ...
    ("The governor of Sakhalin Oblast said his region could take 1,500 North Korean builders.",
     "Sakhalin Oblast", "Sakhalin", "RU", "destination"),
    ("The mayor of Nakhodka said the city would hire 300 North Korean workers for the port.",
     "Nakhodka", "Nakhodka", "RU", "destination"),
    # ... but otherwise only the seat of a speaker.
    ("The governor of Primorsky Krai told reporters the new bridge would open in June.",
     "Primorsky Krai", "Primorsky Krai", "RU", "other"),
    # A region's demonym before "countries hosting ...": the region hosts them.
    ("A report listed Ethiopia among several African countries hosting North Korean doctors.",
     "African", "Africa", None, "destination"),
    ("Builders said Central Asian migrants had left, and North Korean workers came instead.",
     "Central Asian", "Central Asia", None, "other"),
    # A small town listed after a governed place is a place too.
    ("The women were picked in Chongjin and Musan last autumn.", "Musan", "Musan-ŭp", "KP",
     "origin"),
    # "the city's X district": the district of the site of work.
    ("Managers keep 40 North Korean builders at a site in the city's Pervorechensky district.",
     "Pervorechensky district", "Pervorechensky district", "RU", "workplace"),
    # A stop followed by a further leg ("... and were expected to continue to Y") is transit,
    # but a country entered before the leg inside it is still where they went.
    ("The welders were flown to Doha on Friday and were expected to continue to Pyongyang via "
     "Beijing.", "Doha", "Doha", "QA", "transit"),
    ("Eighty loggers arrived in Tynda last week and were driven to camps in the Zeya district.",
     "Tynda", "Tynda", "RU", "transit"),
    ("About 40 women crossed into China at Tumen and were bused to plants in Yanji.", "China",
     "China", "CN", "destination"),
    # A host country telling workers to leave is no mere speaker.
    ("Mongolia has told a team of 30 North Korean builders to leave the country by June.",
     "Mongolia", "Mongolia", "MN", "destination"),
    ("Mongolia said the new rules would take effect in June.", "Mongolia", "Mongolia", "MN",
     "other"),
    # A raided villa is where the programmers worked; tourist visas are no tour; the money's
    # way home is not the workers'.
    ("Police raided a villa in Batumi and detained six North Korean programmers.", "Batumi",
     "Batumi", "GE", "workplace"),
    ("The coders had entered Laos on tourist visas, and their pay was wired to Pyongyang "
     "through Chinese bank accounts.", "Laos", "Laos", "LA", "destination"),
    ("The coders had entered Laos on tourist visas, and their pay was wired to Pyongyang "
     "through Chinese bank accounts.", "Pyongyang", "Pyongyang", "KP", "other"),
    ("The coders had entered Laos on tourist visas, and their pay was wired to Pyongyang "
     "through Chinese bank accounts.", "Chinese", "China", "CN", "other"),
    # A town GeoNames lists only with its article.
    ("North Korean builders worked on a housing project in Jahra.", "Jahra", "Al Jahra", "KW",
     "workplace"),
]  # fmt: skip


def test_roles_generalise_listed_town_needs_a_listed_place() -> None:
    # "Kim and Musan" names people; only a place governed by a preposition carries the list.
    assert resolve("Kim and Musan met the workers.") == []


# Cycle 7: islands, Q&A answers, and towns placed in their region by GeoNames admin1 codes.
CYCLE7 = [
    # "on X Island": the island is where the site of work stands.
    ("Ten North Korean painters were working at a hotel site on Russky Island last year.",
     "Russky Island", "Russky Island", "RU", "workplace"),
    # An answer inherits the workers its question asks about; a work clause after the places
    # makes them places of work.
    ("Q: Where are the North Korean IT workers?\n\nA: They mostly sit in Yanji and "
     "Hunchun, in teams of five, writing games for overseas firms.", "Yanji", "Yanji", "CN",
     "workplace"),
    ("Q: Where are the North Korean IT workers?\n\nA: They mostly sit in Yanji and "
     "Hunchun, in teams of five, writing games for overseas firms.", "Hunchun", "Hunchun", "CN",
     "workplace"),
    # Without a question about workers, an answer is no dispatch.
    ("Q: What is the weather like?\n\nA: It is cold in Yanji, writing is hard outdoors.",
     "Yanji", "Yanji", "CN", "other"),
    # A region whose town is a place of work is a destination (Amursk lies in Khabarovsk Krai).
    ("The Khabarovsk Krai government wants 500 workers from North Korea for housing projects "
     "in Amursk.", "Amursk", "Amursk", "RU", "workplace"),
]  # fmt: skip


def test_town_lies_in_its_admin1_region() -> None:
    from tumen.resolve.gazetteer import gazetteer

    g = gazetteer()
    krai = g.get("tumen:khabarovsk-krai")
    town = g.lookup("Amursk")[0]
    assert krai is not None and g.contains(krai, town)
    amur = g.get("tumen:amur-oblast")
    assert amur is not None and not g.contains(amur, town)


# --- cycle 9: leaving when sent home, a region widened to, a firm's seat, residents ---------
CYCLE9: list[tuple[str, str, str, str | None, str]] = [
    # Where the workers leave from when sent home is where they had been: a destination; the
    # stop named after it stays transit.
    ("Malaysia said 40 North Korean miners were deported last year, departing from "
     "Kuching via Beijing.", "Kuching", "Kuching", "MY", "destination"),
    ("Malaysia said 40 North Korean miners were deported last year, departing from "
     "Kuching via Beijing.", "Beijing", "Beijing", "CN", "transit"),
    # Without a return home, "departing from X via Y" is still a stop on the way.
    ("The North Korean builders set off for Moscow, departing from Khabarovsk via Chita.",
     "Khabarovsk", "Khabarovsk", "RU", "transit"),
    # "work in X and across Y": the region holding the named site is a destination.
    ("An agency offers 30 North Korean plasterers for repair jobs in Irkutsk and throughout "
     "Irkutsk Oblast.", "Irkutsk Oblast", "Irkutsk Oblast", "RU", "destination"),
    ("An agency offers 30 North Korean plasterers for repair jobs in Irkutsk and throughout "
     "Irkutsk Oblast.", "Irkutsk", "Irkutsk", "RU", "workplace"),
    # A firm named as an owner: its town is the firm's seat, not a site of work.
    ("North Korean tilers are offered for hire in Irkutsk. The email address in the listing "
     "is registered to a building company in Bratsk.", "Bratsk", "Bratsk", "RU", "other"),
    # Residents of the region holding the site of work: the region is a destination.
    ("Some 80 North Korean welders work at a shipyard in Nakhodka. Residents of Primorsky "
     "Krai say the men never leave the yard.", "Primorsky Krai", "Primorsky Krai", "RU",
     "destination"),
]  # fmt: skip


# --- tenth cycle: towns inside a province of work, ports of entry, sanctioning states ---------
_PICKED = (
    "North Korea has picked a new group of workers for construction sites in Russia's "
    "Khabarovsk Krai. The men will enter Russia by train at Khasan and be sent on to "
    "Khabarovsk and Komsomolsk-on-Amur."
)
_AIRPORT = (
    "The loggers, who fell timber near Khabarovsk, said an overseer took their passports on "
    "arrival at Vladivostok airport."
)
CYCLE10 = [
    # Sites in a province, then "sent on to" towns inside it: the towns end the journey and
    # the province holding them is a destination.
    (_PICKED, "Khabarovsk Krai", "Khabarovsk Krai", "RU", "destination"),
    (_PICKED, "Khabarovsk", "Khabarovsk", "RU", "destination"),
    (_PICKED, "Komsomolsk-on-Amur", "Komsomolsk-on-Amur", "RU", "destination"),
    (_PICKED, "Khasan", "Khasan", "RU", "transit"),
    # Arriving at an airport when the work lies elsewhere: a stop on the way.
    (_AIRPORT, "Vladivostok", "Vladivostok", "RU", "transit"),
    (_AIRPORT, "Khabarovsk", "Khabarovsk", "RU", "workplace"),
    # A state imposing sanctions is `other`, not a host.
    ("Japan on Friday imposed sanctions on a Chinese company that hires North Korean seafood "
     "workers.", "Japan", "Japan", "JP", "other"),
    ("Canada sanctions a Russian firm over hiring North Korean builders.", "Canada", "Canada",
     "CA", "other"),
    ("About 200 North Korean workers were sent to Vladivostok. The United States has imposed "
     "new sanctions on two Russian companies that employ them.", "United States",
     "United States", "US", "other"),
]  # fmt: skip


# Cycles 6, 7, 9 and 10 check the same thing (name, country and role of one mention).
@pytest.mark.parametrize(
    ("text", "surface", "name", "country", "role"), CYCLE6 + CYCLE7 + CYCLE9 + CYCLE10
)
def test_roles_generalise_cycles(
    text: str, surface: str, name: str, country: str | None, role: str
) -> None:
    assert_place_reads(text, surface, name, country, role)


# --- eleventh cycle: a headline place that the body names only as a seat, "posted to" --------
_SEAT_HEADLINE = (
    "Recruitment drive restarts in North Hamgyong Province\n\n"
    "North Korea has begun choosing men for construction jobs in Russia, a source in North "
    "Hamgyong Province told the outlet."
)
_HEADLINE_TRIP = (
    "Builders flown to Vladivostok\n\nAbout 100 North Korean builders were flown to "
    "Vladivostok last week."
)
_POSTED = (
    "The firm supplied North Korean laborers to Russian contractors, most of them posted to "
    "Khabarovsk and Blagoveshchensk."
)
_FOREIGN_HEADLINE = (
    "North Korean builders in Donetsk\n\nRussian-installed officials in Donetsk have brought in "
    "200 North Korean builders to repair housing, a monitoring group said."
)
CYCLE11 = [
    # The body names the province only as the source's seat: the headline's mention is the
    # seat too, not where workers are recruited.
    (_SEAT_HEADLINE, 0, "North Hamgyong Province", "other"),
    (_SEAT_HEADLINE, 1, "North Hamgyong Province", "other"),
    # A headline place the body puts on the journey keeps its role.
    (_HEADLINE_TRIP, 0, "Vladivostok", "destination"),
    # Abroad, the headline's place is where the workers are, though officials speak from it.
    (_FOREIGN_HEADLINE, 0, "Donetsk", "workplace"),
    # "posted to X" dispatches workers there.
    (_POSTED, 0, "Khabarovsk", "destination"),
    (_POSTED, 0, "Blagoveshchensk", "destination"),
]


@pytest.mark.parametrize(("text", "nth", "surface", "role"), CYCLE11)
def test_roles_generalise_cycle11(text: str, nth: int, surface: str, role: str) -> None:
    found = [p for p in resolve(text) if p.mention == surface]
    assert len(found) > nth, f"{surface!r} mention {nth} not found"
    assert found[nth].role == role


# --- twelfth cycle: DPRK border towns, verbs of passing, kin rules, countries passed through --
_CROSSED_FROM = (
    "The recruits crossed the Tumen River from Namyang on foot and were driven to a camp "
    "outside Tumen."
)
_ASSEMBLED = "About 80 recruits assembled at Hyesan before leaving for construction jobs in Russia."
_GATHER_STATION = (
    "The builders gathered at Tumangang station in April and travelled by rail through Khasan "
    "to Ussuriysk."
)
_KIN = (
    "Candidates for the Russian jobs must have no relatives living in China and no relatives who "
    "have defected to South Korea."
)
_PASSED_CHINA = (
    "Workers headed for Russia's Far East by bus through China\n\n"
    "The 70 builders crossed into China from Onsong and rode on through Yanji before entering "
    "Russia at the Kraskino checkpoint. They were then driven to Ussuriysk and put on a train "
    "to Khabarovsk, where they will build a school."
)
_HOME_FROM_THERE = (
    "After their contracts in Omsk ended, the welders took a train to Vladivostok and flew home "
    "from there."
)
_FAR_KAMCHATKA = (
    "The fishermen will be posted to Russia's Kamchatka Krai. They will fly to Vladivostok and "
    "then sail to Petropavlovsk-Kamchatsky."
)
CYCLE12 = [
    # A DPRK town crossed from, on a route that goes on to named places, is passed through;
    # crossed from with no further leg, it is where they left from.
    (_CROSSED_FROM, "Namyang", "transit"),
    ("The cooks crossed the bridge from Sinuiju and now work in a hotel kitchen.", "Sinuiju",
     "origin"),
    # Where they assemble to set off is where they leave from, even at a border station.
    (_ASSEMBLED, "Hyesan", "origin"),
    (_GATHER_STATION, "Tumangang station", "origin"),
    (_GATHER_STATION, "Khasan", "transit"),
    # "transited X": passed through, and a capital so governed is a place, not a government.
    ("A brigade of 40 North Korean builders transited Moscow on its way to Kazan.", "Moscow",
     "transit"),
    ("A brigade of 40 North Korean builders transited Moscow on its way to Kazan.", "Kazan",
     "destination"),
    # A demonym of a DPRK city after a quantity word: people from that city.
    ("Hundreds of Pyongyangites have been sent to building sites abroad.", "Pyongyangites",
     "origin"),
    # "bound eventually for X": the end, and the earlier stops are on the way.
    ("The recruits flew to Moscow via Vladivostok, bound eventually for Donetsk.", "Donetsk",
     "destination"),
    ("The recruits flew to Moscow via Vladivostok, bound eventually for Donetsk.", "Moscow",
     "transit"),
    # Where kin live or fled to is a rule of the vetting, not a place of the journey.
    (_KIN, "China", "other"),
    (_KIN, "South Korea", "other"),
    # A country passed through, though "crossed into", when the work lies in another country.
    (_PASSED_CHINA, "China", "transit"),
    (_PASSED_CHINA, "Kraskino checkpoint", "transit"),
    (_PASSED_CHINA, "Onsong", "transit"),
    # "... and flew home from there": the journey goes on from X.
    (_HOME_FROM_THERE, "Vladivostok", "transit"),
    # A town inside a named province of the journey ends it: GeoNames towns lie in their
    # province (admin1), so the province is no further place beyond the town.
    (_FAR_KAMCHATKA, "Petropavlovsk-Kamchatsky", "destination"),
    (_FAR_KAMCHATKA, "Vladivostok", "transit"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "role"), CYCLE12)
def test_roles_generalise_cycle12(text: str, surface: str, role: str) -> None:
    assert_role_reads(text, surface, role)


@pytest.mark.parametrize(
    ("text", "surface", "name", "precision"),
    [
        ("Some 60 welders work at a shipyard in the Kaliningrad region.", "Kaliningrad region",
         "Kaliningrad Oblast", 3),
        ("Builders were sent to sites in Sverdlovsk Oblast.", "Sverdlovsk Oblast",
         "Sverdlovsk Oblast", 3),
        ("Loggers were sent to the Krasnoyarsk region last spring.", "Krasnoyarsk region",
         "Krasnoyarsk Krai", 3),
        ("Builders were sent to Krasnoyarsk last spring.", "Krasnoyarsk", "Krasnoyarsk", 1),
    ],
)  # fmt: skip
def test_russian_regions_are_regions(text: str, surface: str, name: str, precision: int) -> None:
    place = mention(resolve(text), surface)
    assert (place.name, place.precision) == (name, precision)


@pytest.mark.parametrize(
    ("town", "region"),
    [
        ("Petropavlovsk-Kamchatsky", "Kamchatka Krai"),
        ("Birobidzhan", "Jewish Autonomous Oblast"),
        ("Yekaterinburg", "Sverdlovsk Oblast"),
        ("Shenyang", "Liaoning Province"),
        ("Melitopol", "Zaporizhzhia region"),
    ],
)
def test_geonames_town_lies_in_its_province(town: str, region: str) -> None:
    from tumen.resolve.gazetteer import gazetteer

    g = gazetteer()
    inner = next(e for e in g.lookup(town) if e.kind in ("city", "town"))
    outer = next(e for e in g.lookup(region) if e.kind == "region")
    assert g.contains(outer, inner)
