"""The team-written held-out sets: synthetic reports in the genre's phrasing, annotated by hand
per gold.md before the extractor was run on them. Per-field F1 floors sit a little under the
scores reached, so a change that loses generalisation fails here rather than silently. Raise a
floor when the scores rise; never lower one to make a change pass.

- `tests/heldout`: the first batch (27 documents).
- `tests/heldout3`: a third batch (8 documents) on varied geography and journeys (China border
  cities, the Gulf, Africa, South-East Asia, Mongolia, the Far East to European Russia, occupied
  Ukraine). Its honest first score, after the heldout2 place fixes and before any rule was tuned
  on it: relevance 0.923, places 0.816 (role accuracy 0.903), worker_counts 0.824, times 1.0,
  durations 0.923, event_types 0.727, rounds 0.667, sanctions 1.0. After the event, count and
  relevance fixes (and one gold correction: a ministry's expulsion of workers is `enforcement`,
  as in tests/heldout): relevance 1.0, worker_counts 1.0, event_types 1.0, rounds 1.0.
- `tests/heldout4`: a fourth batch (13 documents, 4 negatives) in wire, regional-media, UN
  panel, NGO-testimony and enforcement styles (IT workers, fishing crews, medical staff,
  restaurants, Africa and South-East Asia). Its honest first score, after the heldout3 fixes
  and before any rule was tuned on it: relevance 1.0, places 0.906 (role accuracy 0.887),
  worker_counts 0.865, times 0.946, durations 0.533, event_types 0.835, rounds 0.750,
  sanctions 1.0.
- `tests/heldout5`: a fifth batch (9 documents, 1 negative) on the Middle East, Africa, South-East
  Asia, Mongolia, China's northeast, Russian regions from Sakha to Tatarstan and occupied
  Ukraine, with varied journey phrasing ("by way of", "across the border at", "crossed into X
  at Y", relocations between postings). Its honest first score, after the heldout3/heldout4
  place fixes and before any rule was tuned on it: relevance 0.769, places 0.675 (role accuracy
  0.889), worker_counts 0.667, times 0.949, durations 0.667, event_types 0.658, rounds 0.667,
  sanctions 1.0. Three relevant reports (bricklayers in Kazan, a Yanji plant, medics leaving
  Nigeria) are read as irrelevant, so every place, count and event in them is missed.
- `tests/heldout6`: a sixth batch (10 documents, 3 negatives), mostly short reports (about 80
  words) naming labour by its trade (tilers, medics, seamen, painters, electricians, chefs) and
  negatives that use the same trades (military engineers in Kursk, defectors' nursing jobs in
  Seoul, bricklayers on Pyongyang's housing drive). Honest first score, after the heldout5
  relevance fixes and before any rule was tuned on it: relevance 0.923, places 0.889,
  worker_counts 0.941, times 0.923, durations 0.800, event_types 0.678, rounds 1.0,
  sanctions 1.0.
- `tests/heldout7`: a seventh batch (11 documents, 4 negatives): short and longer reports on
  Omsk, Kuwait, Hunchun, Tanzania, Chita, Sihanoukville and occupied Mariupol (roofers, builders,
  seafood women, doctors, loggers, IT workers), and negatives sharing their words (Nepali welders
  in Ulsan, troops rebuilding bridges in Kursk, a defector's noodle shop, Pyongyang's flats).
  Honest first score, after the heldout5/heldout6 event and gazetteer-relevance fixes and before
  any rule was tuned on it: relevance 1.0, places 0.926 (role accuracy 0.840), worker_counts
  1.0, times 0.958, durations 0.800, event_types 0.794, rounds 1.0, sanctions 1.0.
- `tests/heldout8`: an eighth batch (9 documents, 3 negatives) in new styles: a UN panel
  summary, a court case, a Russian regional press release, a think-tank Q&A, a worker's
  first-person testimony, a business item on a seafood exporter; negatives on Uzbek seasonal
  farm hands, ship-to-ship oil transfers and a Seoul court jailing a defectors' broker. Honest
  first score, after the heldout7 event fixes and before any rule was tuned on it (and after
  adding four times the gold of two negatives had left out): relevance 0.727, places 0.595,
  worker_counts 0.833, times 1.0 (0.846 before that gold fix), durations 1.0, event_types 0.706,
  rounds 1.0, sanctions 1.0. The Q&A and the first-person testimony are read as irrelevant
  (so all their places, counts and events are missed) and the broker case as relevant.
- `tests/heldout9`: a ninth batch (8 documents, 2 negatives) in styles not used before: a long
  feature with background paragraphs (Blagoveshchensk), a brief wire item (Mongolia sends the
  last workers home), a foreign ministry's policy statement, a port's report on a trawler crew,
  a Russian regional job-portal story (Irkutsk), a summary of a state's implementation report to
  the 1718 Committee (Qatar); negatives on a coal freighter's crew and Central Asian migrants on
  Irkutsk job portals. Honest first score, before any rule was tuned on it: relevance 0.800,
  places 0.632 (role accuracy 1.0), worker_counts 0.600, times 1.0, durations 0.909,
  event_types 0.681, rounds (none named), sanctions 1.0. The job-portal story and the committee
  summary are read as irrelevant (a quoted "brigade of 40 finishers from the DPRK" split from
  its sentence; the state's full name not known as the DPRK).
- `tests/heldout10`: a tenth batch (6 documents, 1 negative) in the commonest real genre: Daily
  NK-style and Yonhap/NK News-style reports on dispatch to Russia and occupied Ukraine (a third
  selection round for Primorsky Krai by train via Tumangang and Khasan, an NIS briefing on builders
  flown to Vladivostok and moved on to Donetsk, a Moscow brigade's pay and two who fled, a second
  batch held up by visas, a Treasury designation under an executive order); the negative is a
  tourist train to Wonsan over the same border crossing. Honest first score, before any rule was
  tuned on it: relevance 1.0, places 0.967 (role accuracy 0.862), worker_counts 0.875, times 1.0,
  durations 1.0, event_types 0.893, rounds 1.0, sanctions 1.0.
- `tests/heldout11`: an eleventh batch (6 documents, 1 negative) in the commonest real genre again:
  a fourth batch flown to Vladivostok and sent on by train to Blagoveshchensk, an NIS briefing on
  factory hands bussed from Sinuiju through Dandong to Donggang on trainee visas, residents'
  account of a brigade in occupied Donetsk come by way of Moscow, selections in Hyesan with
  passports held by a security officer, an EU listing of a trading firm citing four
  instruments; the negative is a Primorye children's camp group by train. Honest first score,
  before any rule was tuned on it: relevance 1.0, places 0.920 (role accuracy 0.783),
  worker_counts 1.0, times 0.895, durations 1.0, event_types 0.885, rounds 1.0, sanctions 1.0.
  Three gold items were then added that the hand annotation had left out ("this year" in a
  headline, "a week ago", and trainee visas as `terms` as well as `evasion`, the convention
  recorded in the heldout10 event tests).
- `tests/heldout12`: a twelfth batch (8 documents, 2 negatives) in the commonest real genre with
  new destinations and phrasing: a second screening round for a first posting to Kamchatka
  (vetting rules, "as many as 500" requested), a foreman's account of pay and the state's cut in
  Krasnoyarsk (USD figures, percentages), contracts in Sverdlovsk Oblast extended by 18 months
  with the sick sent home before the Lunar New Year, a wire item on a Security Council meeting
  citing resolutions 2397, 2375 and 1874 and the Panel of Experts' findings, a group bussed from
  Namyang through Tumen and Hunchun to Kraskino and on to Birobidzhan, a welder who fled a
  Kaliningrad shipyard (worker counts among ages, roubles, percentages and page counts);
  negatives on Krasnodar builders rotated to occupied Mariupol and youth volunteers sent to a
  power station site at home. Honest first score, before any rule was tuned on it: relevance
  0.909, places 0.838 (role accuracy 0.839), worker_counts 0.533, times 1.0, durations 0.923,
  event_types 0.794, rounds 0.889, sanctions 1.0. The welder's story is read as irrelevant (one
  "North Korean welder", and "labour abroad" not read as labour), so all its places, counts and
  events are missed. Two gold corrections followed, to the earlier sets' conventions: "some
  15,000 North Koreans had entered Russia on student or trainee visas" is an entry figure, not a
  worker count (as in the development corpus), and "hiring North Korean labour" is `demand` (as
  in tests/heldout8 and tests/heldout10); and one removal: "due to fly from Pyongyang to
  Vladivostok ... and then sail to" is departure and transit, not `arrival` (as "be ready to fly
  to Vladivostok" in tests/heldout10 and "flown from Pyongyang to Moscow" in tests/heldout).
- `tests/heldout13`: a thirteenth batch (8 documents, 2 negatives) in the commonest real genre: a
  second selection round for Novosibirsk (men on standby at a Hamhung guesthouse, teams to go by
  train through Tumangang and Khasan), an NIS briefing on workers flown to Vladivostok, spread by
  rail to Khabarovsk, Chita and Irkutsk and moved on to Mariupol, Hunchun seafood women kept a
  further year, a wire item on builders due in occupied Luhansk by way of Moscow and Rostov-on-Don,
  welders at a St. Petersburg shipyard on study visas (two groups, procurement records, border
  statistics), Sakhalin fish-plant workers sent home with a replacement group to follow (and one
  man who fled); negatives on a youth wrestling team crossing at Khasan and Far East quotas for
  Central Asian builders. Honest first score, before any rule was tuned on it: relevance 1.0,
  places 0.964 (role accuracy 0.875), worker_counts 0.800, times 0.944, durations 0.909,
  event_types 0.897, rounds 1.0, sanctions 1.0. Two gold corrections followed, to the earlier
  sets' conventions: a journey still ahead told by its legs ("go by train to Tumangang, cross the
  bridge to Khasan and change at Ussuriysk for ... Novosibirsk"; "will fly to Vladivostok ... and
  then take a domestic flight to Yuzhno-Sakhalinsk") is departure and transit, not `arrival` (as
  "would cross the bridge to Dandong" in tests/heldout2, "be ready to fly to Vladivostok" in
  tests/heldout10 and "due to fly ... and then sail to" in tests/heldout12); event_types 0.918 on
  first sight with them.
- `tests/heldout14`: a fourteenth batch (8 documents, 2 negatives) mostly away from Russia: a
  second group of seafood women taken by train and bus to Dalian plants (vetting, a "plan"
  payment, trainee visas), a Yonhap item on IT teams in Shenyang and Yanji (business visas
  extended, a Treasury designation), builders and medics still in Senegal (tourist visas, a
  blacklisted company), an NGO's account of a Tomsk plasterer (selection, brigades, a group
  bussed to occupied Donetsk, his escape), a 1718 Committee chair's briefing (the Panel's
  findings, deportations from the UAE, a repatriation from Laos), a Russian regional quota story
  (Zabaykalsky Krai, permits and border-entry figures beside worker counts); negatives on an art
  troupe touring China and South Korean shipyards hiring foreign welders. Honest first score,
  before any rule was tuned on it: relevance 1.0, places 0.926 (role accuracy 0.864),
  worker_counts 0.884, times 0.965, durations 0.947, event_types 0.937, rounds 1.0,
  sanctions 1.0.
- `tests/heldout15`: a fifteenth batch (8 documents, 2 negatives) of short news items across
  Russia, occupied Ukraine and Laos: a first selection round for a gas chemical complex in
  Svobodny (men on standby in Chongjin, teams spread across contractors so as not to be seen),
  an NIS briefing on workers flown to Vladivostok, taken west by train to the Moscow region and
  Rostov Oblast and moved on to Donetsk and Luhansk, Khabarovsk Krai loggers kept on six more
  months, a third batch reaching occupied Mariupol by way of Moscow, builders sent to Vientiane
  through Beijing, Kunming and the Laos-China railway, farm hands landed at Vladivostok from
  Rajin; negatives on Chinese seasonal farm workers in Amur Oblast and a Primorye delegation's
  tourist groups to Wonsan. Honest first score, before any rule was tuned on it: relevance 1.0,
  places 0.968 (role accuracy 0.804), worker_counts 0.882, times 0.950, durations 1.0,
  event_types 0.875, rounds 1.0, sanctions 1.0.
- `tests/heldout16`: a sixteenth batch (8 documents, 2 negatives) of follow-ups, histories and
  disputed accounts: builders for Kemerovo Oblast who left later and fewer than planned (flown to
  Vladivostok, on to Kemerovo and by bus to Novokuznetsk, passports collected on arrival), a
  think tank's history of the workforce in Russia (figures before and after the sanctions
  deadline, visits declared as study), builders who stay on in Kuwait (permits renewed under a
  local firm's name, a few flown home by way of Dubai, the state's report to the 1718 Committee),
  two accounts of a crew in Nizhny Novgorod ("no more than 120" on study visas against about
  300; some 80 to be moved on to occupied Berdiansk), seafood women shipped from Rajin to
  Nakhodka, IT workers in Shenyang, Dandong and Vladivostok ordered to send extra cash before the
  Lunar New Year (minders living with them, a listing on Seoul's sanctions list); negatives on
  replacement troops for Kursk and China's trade with the North (wigs made by workers in Sinuiju).
  Honest first score, before any rule was tuned on it: relevance 0.923, places 0.935 (role
  accuracy 0.907), worker_counts 0.909, times 1.0, durations 1.0, event_types 0.879, rounds 1.0,
  sanctions 1.0. The trade report is read as relevant, so its places and events are spurious.
- `tests/heldout17`: a seventeenth batch (8 documents, 2 negatives) in the commonest real genres:
  a third selection round for welders at a Bolshoy Kamen shipyard (waiting at a hostel near
  Chongjin Station, a bridge crossed from Tumangang on the way on), an NIS briefing relayed as
  bullet points (Kursk and the Moscow region, a count "up from" last year's, a correction
  withdrawing a figure), a garment worker's Q&A on her years in Dandong, builders taken through
  Voronezh and Rostov-on-Don to occupied Sievierodonetsk (guarded by military police, "study"
  visas), a first batch flown to Tyumen (a lodging house in Pyongyang, told to call themselves
  trainees), two groups on a Nizhny Novgorod estate found in procurement records; negatives on
  KCNA's riverside brigades in Pyongyang and Russian track crews sent to Mongolia. Honest first
  score, before any rule was tuned on it: relevance 1.0, places 0.933 (role accuracy 0.857),
  worker_counts 0.909, times 0.962, durations 0.900, event_types 0.899, rounds 1.0, sanctions
  1.0. One gold correction followed, to the earlier sets' conventions: crossing the bridge from
  Sinuiju to Dandong is `transit` even where Dandong is the workplace (as "crossed the Tumen
  River bridge from Rason" to a Hunchun plant in tests/heldout7); event_types 0.911 on first
  sight with it.
- `tests/heldout18`: an eighteenth batch (12 brief wire-style items of one to four sentences, 4
  negatives): a second batch of builders to Krasnoyarsk, laborers taken across Russia to occupied
  Donetsk and Luhansk, a ministry's nationals near Vanino, a trading firm's women at Donggang
  seafood plants, the state's plan for Moscow-region estates reported by a business daily,
  loggers sent home from near Tynda with replacements waiting, a state's sanctions on a firm over
  workers in Primorye, contracts extended by a year in Nizhnekamsk; negatives on a women's
  football team crossing at Khasan, Central Asian work patents, troops and sappers for Kursk and
  builders sent to flood-hit Kimchaek. Honest first score, before any rule was tuned on it:
  relevance 1.0, places 0.977 (role accuracy 0.860), worker_counts 0.952, times 1.0, durations
  0.941, event_types 0.866, rounds 1.0, sanctions 1.0. One gold correction followed, to the
  earlier sets' conventions: a town named only as where the unnamed sites a dispatch is sent to
  stand ("sent ... to seafood processing plants in Donggang") is the `workplace`, as "sent to
  construction sites in Moscow" (tests/heldout h03) and "to garment factories in Hunchun" (h17);
  role accuracy 0.884 on first sight with it. (Also found: a one-sentence item "North Korea sent
  200 construction workers to Russia" read as not relevant; now tested in
  tests/extract/test_relevance.py.)
- `tests/heldout19`: a nineteenth batch (10 documents, 3 negatives), the final representative
  sample: briefs, mid-length reports and a long feature (builders kept on standby for Yaroslavl,
  an NIS briefing on Kaluga plants and occupied Kherson, Heilongjiang plants ordered to send
  women home across the Tumen bridge, crews in Samara and Tolyatti, a ship to Magadan, a
  deportation from Bishkek, an NGO's forced-labour report). Honest first score, after every
  earlier cycle and before any rule was tuned on it: relevance 1.0, places 0.900 (role accuracy
  0.867), worker_counts 0.944, times 0.971, durations 0.947, event_types 0.937, rounds 1.0,
  sanctions 1.0. After the fixes (Kaluga, Samara, Yaroslavl, Tula and Volgograd oblasts;
  "occupied Kherson" as the oblast, since Ukraine holds the city; "the Russian-occupied part of
  Ukraine's X region" as X region; a dateline with its country; a border city "crossed ... from"
  on the way home and a region "crossed" by train as transit; "Some 400 others", "Five of them"
  after the men are named; "stay one more year"; stranded abroad is no standby), no gold
  correction: places 0.960 (role accuracy 0.875), worker_counts 1.0, event_types 0.955, the rest
  unchanged. Left: workplace against destination where a journey verb reaches a town whose work
  is named (Yaroslavl, Tolyatti, Magadan, the Far East, Kherson region): the earlier sets' golds
  decide the same phrasing the other way (Bolshoy Kamen in tests/heldout17, Donetsk in
  tests/heldout11, Primorsky Krai in tests/heldout15), so it is not chased; crews that "have
  appeared in" Moscow and St. Petersburg; the Gulf; a recruitment only wondered about, an arrival
  still ahead, abuse, a visa's terms and a departure told as "workers sent to".
- `tests/heldout20`: a twentieth batch (10 documents, 3 negatives), a second representative
  sample (a second screening round for Yakutsk, an NIS briefing on Belgorod and occupied
  Melitopol, unpaid builders in Ulan-Ude, a brief on a ship taking fish-plant workers from
  Chongjin to Kamchatka, an NGO's interview-based report on Irkutsk and Tatarstan, a third group
  of women for Jilin city plants, builders leaving Moscow by train; negatives on a defector family
  via Laos, Air Koryo flights to Shenyang and fishermen rescued off Sakhalin). Honest first
  score, after every earlier cycle and before any rule was tuned on it: relevance 0.857, places
  0.891 (role accuracy 0.887), worker_counts 0.778, times 0.959, durations 1.0, event_types
  0.885, rounds 0.941, sanctions 1.0. The rescued fishermen were read as relevant (their numbers
  as worker counts) and the three-sentence Kamchatka brief as not relevant. After the fixes (a
  rescue at sea with no labour word is no dispatch; a region reached names a host, as a city
  does; "fish processing workers"; a survey's shares: "Eleven worked in", "15 of the 23", "Seven
  of the interviewees"; a quoted "one former worker told" is a speaker; "the second by ..." with
  the round's head left out; papers arranged while the men wait; "spend the nine-month season";
  "turning to North Korean labour"; "taken from the airport to"; "had built housing estates in"
  and leaving the city after it; "Jilin city" as the city; bare "occupied areas" after one named
  oblast as that oblast), no gold correction: relevance, places, worker_counts, rounds and
  sanctions 1.0, event_types 0.983, role accuracy 0.879 (more places matched), times 0.959 and
  durations 1.0 (the time package's). Left: roles where the golds of earlier sets decide the same
  phrasing both ways (Belgorod "where most are clearing rubble" and Jilin city, gold workplace;
  Melitopol at the end of "sent on by bus to", gold destination; Shenyang flown to before a bus
  leg, gold transit; Buryatia holding the workplace city, gold destination; Kazan and Irkutsk,
  gold workplace); a deployment told only by the work ahead and "will enter Russia on study
  visas" read as an arrival (Yakutsk).
- `tests/heldout2`: a second batch (23 documents) written with wording deliberately away from
  the trigger lexicon (nominalisations, passives, reported speech, negation, conditionals,
  lists). Its honest first score, before any rule was changed: relevance 0.882, places 0.738,
  worker_counts 0.754, times 0.963, durations 0.762, event_types 0.655, rounds 0.778,
  sanctions 1.0. Places, times and durations belong to the resolve stages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tumen.scoring import Scoreboard, evaluate, gold_files, load_gold

TESTS = Path(__file__).resolve().parent

# Reached when the floors were set (heldout): relevance 1.0, worker_counts 1.0, event_types
# 0.978, rounds 1.0, sanctions 1.0, places 0.937, times 0.958, durations 0.667.
# (heldout2): relevance 1.0, worker_counts 0.986, event_types 0.983, rounds 1.0, sanctions 1.0,
# places 0.822, times 0.963, durations 0.762; places 0.956 after the place/role fixes.
# (heldout3): relevance 0.923, places 0.886, worker_counts 0.824, times 1.0, durations 0.923,
# event_types 0.727, rounds 0.667, sanctions 1.0; then relevance, worker_counts, event_types and
# rounds 1.0, places 0.989.
# (heldout4): relevance 1.0, places 0.906, worker_counts 0.973, times 0.946, durations 0.533,
# event_types 0.959, rounds 0.889, sanctions 1.0; places 0.992 after the place/role fixes.
# (heldout5): relevance 0.769, places 0.747 (0.98 on the reports read as relevant), worker_counts
# 0.667, times 0.949, durations 0.667, event_types 0.658, rounds 0.667, sanctions 1.0; after the
# occupational-lexicon relevance and event fixes: relevance 1.0, places 0.980, worker_counts 1.0,
# event_types 0.844, rounds 1.0.
# (heldout6, honest first score): relevance 0.923, places 0.889, worker_counts 0.941, times 0.923,
# durations 0.800, event_types 0.678, rounds 1.0, sanctions 1.0; then relevance 1.0, places
# 0.966, worker_counts 1.0, event_types 0.762; after the transit/enforcement/revenue/return
# event fixes: event_types 0.986 (heldout5 0.980).
# (heldout7, honest first score): see the docstring; event_types 0.866 after its fixes, 0.986
# after the second cycle ("came from", "told ... to go home", bridge from a DPRK town, stay terms).
# (heldout8, honest first score): see the docstring; after the first-person, Q&A, IT-trade and
# defector-escape relevance fixes: relevance 1.0, places 0.850, worker_counts 1.0, event_types
# 0.915 (with "hiring ... North Korean women" as demand); places 0.955 (role accuracy 0.905)
# after islands, Q&A answers and admin1 regions of GeoNames towns.
# (heldout9, honest first score): see the docstring; after the full-name, finishers, closing-quote,
# "nationals of" relevance fixes, the event fixes (keeps the passports, seven days a week, citing
# UN sanctions, hired through an agency, earning income, non-work visas), the nationality-share
# count ("18 of the 25 crew ... were North Korean") and task times ("take up to three weeks to
# assemble"): relevance 1.0, places 0.875 (role accuracy 0.857), worker_counts 1.0, times 1.0,
# durations 1.0, event_types 0.969, sanctions 1.0.
# (heldout10, honest first score): see the docstring; after the count fixes ("400 men ... passed
# the vetting", "including more than 5,000 to ..."), the event fixes (draw less attention, an
# optional extension, in return for food and oil, "bars ... from hiring" as background) and one
# gold correction ("the Russian capital" names Russia): places 0.984 (role accuracy 0.867),
# worker_counts 1.0, event_types 0.966, the rest 1.0.
# (heldout11, honest first score): see the docstring; after "is working on a ... project",
# "plans to bring in up to 5,000 ...", passive held passports, "take home barely a fifth", kin
# "who have defected" as a vetting rule, and "follows a designation in March" as past: times
# 1.0, event_types 0.982, places 0.920 (role accuracy 0.783; place/role misses left to resolve).
# (heldout12, honest first score): see the docstring; after the single-trade and "labour abroad"
# relevance fixes, the count fixes (places on offer in a selection, "requested as many as 500
# North Koreans", the injured sent home, "160 of his compatriots"), the event fixes (a second leg
# "and then sail to", "where they will build", an order dated "Dec. 22" as background up to its
# stated reason, a panel's "mandate" as a noun) and the gold corrections: relevance, places,
# worker_counts, times, event_types, rounds and sanctions 1.0 (role accuracy 0.951, with the
# resolve owner's place work at the time; places 0.938 without it), durations 0.923 ("extended
# ... by 18 months" is left to the time package).
# (heldout13, honest first score): see the docstring; after the count fixes (men "drawn from"
# plants who "passed the final interviews" and wait on "standby", "another 10,000 or so could be
# sent", the parts of a group "24 in late August and another 18", "one man" who fled), the event
# fixes ("and then take a domestic flight to", a later leg joined by "and" to one whose subject
# stands far back, "were brought from Rason", "an option to extend the work", a denied subject
# "not one of them was allowed to go home", lodging at the site is no standby, a subcontractor's
# fee is no revenue) and the gold corrections: relevance, worker_counts, event_types, rounds and
# sanctions 1.0, places 1.0 (role accuracy 1.0, with the resolve owner's place work in progress
# at the time), times 0.944 and durations 0.909 (left to the resolve stages).
# (heldout14 and heldout15, honest first scores): see the docstring; after the count fixes
# (people "chosen from" mills, "worked at", "were working on", "already work in", "were put on
# buses and taken to", counted even where the sentence also names entries or visas; "as many as
# 5,000 more could be sent"; men "kept on"; "injured workers"; "bringing the number working in
# the port city to at least 1,100") and the event fixes (waiting at a firm's guesthouse, visas
# "that their handlers have had extended" or "which a broker renews", hours by the clock, not a
# single day off, passports "kept in" a safe, travel "in groups of 50 to 80 from Pyongyang", the
# visa entered on when two kinds are named, a gas chemical complex as a workplace, "so that the
# Russians do not see", later legs "and then taken west", "moved on from", "and then rode",
# "after which it was taken", a request "for up to 600" workers; money "sent back" and passports
# that "come back" are no return, what "reaches the worker" is no arrival, a border crossed on the
# way to a further leg is no arrival, "obliges" words a resolution), no gold correction needed:
# worker_counts and event_types 1.0 on both, relevance, rounds and sanctions 1.0; heldout14
# places 0.990 (role accuracy 0.959, with the resolve owner's place work in progress at the
# time), times 0.965, durations 0.947; heldout15 places 0.968 (role accuracy 0.826), times
# 0.950, durations 1.0 (place, role, time and duration misses left to the resolve stages).
# (heldout16 and heldout17, honest first scores): see the docstring; after the relevance fix (one
# or two worker nouns alone do not make trade news relevant; "the North's IT workers" names DPRK
# workers), the count fixes ("Their number fell to roughly 4,000", a small quoted group that came
# on study visas, "some 80 of the men would be moved on", "up from about 4,000", a bullet "Between
# 2,000 and 3,000 are employed", a correction's withdrawn figure) and the event fixes (passports
# collected or left in a safe, a minder "to watch them", "made to work", guards from the police, a
# repatriation "in line with" a resolution or ahead of its deadline, a listing "on its sanctions
# list", study declared as the purpose of a visit, a firm's name used so that workers "do not
# show up", "call themselves trainees", "arrived in X from Pyongyang", North Korean workers
# crossing into China, "and then made a train journey to", "both" for two groups, a lodging house,
# "stay for at least a year", the visa most of them entered on, a narrator whose group left a DPRK
# city; "told to be ready to leave" is no order home, a camp "they could leave only with a minder"
# is no departure, a bridge crossed on the way "and go on to" is no arrival) and the heldout17
# gold correction: relevance, worker_counts, event_types, rounds and sanctions 1.0 on both;
# heldout16 places 1.0 (role accuracy 0.909), times 1.0, durations 1.0; heldout17 places 1.0
# (role accuracy 0.930), times 0.962, durations 0.900 (with the resolve owners' place and time
# work in progress at the time; role, time and duration misses left to the resolve stages).
# Places after the sixth place/role cycle: heldout 1.0, heldout2 0.975, heldout3 1.0, heldout4
# 0.992, heldout5 1.0, heldout6 1.0, heldout7 0.982 (role accuracy 0.964).
# After the twelfth place/role cycle (gathering points, "transited X", kin-vetting places,
# countries passed through, towns inside their GeoNames province, more Russian regions): places
# and role accuracy unchanged on heldout-heldout10 except heldout7 role accuracy 1.0; heldout11
# role accuracy 0.840; heldout12 places 1.0 (0.938 before), role accuracy 0.951 (0.842 before).
# After the thirteenth place/role cycle (groups shared out among several cities, the end of a
# later leg of the route, modals kept to their own clause): heldout13 places 1.0 (0.964 before),
# role accuracy 1.0 (0.875); heldout6 role accuracy 1.0 (0.967), heldout11 0.920 (0.840),
# heldout12 0.976 (0.951), heldout10 0.967 (1.0: "then by bus to Donetsk", gold workplace).
# After the fourteenth/fifteenth place/role cycle (a place a journey verb reaches is the
# destination though work is named there, unless a clause or purpose puts the work there; "taken
# on by bus to X" and "on to X via Y" end a later leg; a country only entered on the way, or
# named as where a stop lies, is transit; "works out of", "operate from", sawmills; Jongju,
# Tungokochensky district, the Lao PDR): heldout14 places 0.990 (0.926 first), role accuracy
# 0.980 (0.864); heldout15 places 1.0 (0.968), role accuracy 0.878 (0.804); heldout7 places 1.0
# (0.982); role accuracy heldout2 1.0 (0.990), heldout11 0.960 (0.920), heldout12 1.0 (0.976),
# heldout5 0.981 (1.0: Kazan, "arrived in" and worked in, gold workplace); the dev set 1.0.
# After the sixteenth/seventeenth place/role cycle (lists of other stories and image credits are
# furniture; "near X" where X is also named plainly is X; "the occupied territory" after a named
# oblast is that oblast; a site "on the outskirts of X" keeps X a site of work; a last leg to an
# unnamed site inside X, work named by its trade, "in X and the wider Y region"; a DPRK town the
# workers are taken to after being drawn from others is transit; Nizhny Novgorod, Ufa):
# heldout16 places 1.0 (0.935 first), role accuracy 0.955 (0.907); heldout17 places 1.0
# (0.933), role accuracy 0.977 (0.857); heldout5 role accuracy 1.0 (0.981); the dev set 1.0.
F1_FLOORS: dict[str, dict[str, float]] = {
    "heldout": {
        "relevance": 0.95,
        "places": 0.97,
        "worker_counts": 0.93,
        "times": 0.90,
        "durations": 0.60,
        "event_types": 0.93,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout2": {
        "relevance": 0.95,
        "places": 0.96,
        "worker_counts": 0.93,
        "times": 0.92,
        "durations": 0.70,
        "event_types": 0.94,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout3": {
        "relevance": 0.95,
        "places": 0.97,
        "worker_counts": 0.95,
        "times": 0.95,
        "durations": 0.90,
        "event_types": 0.95,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout4": {
        "relevance": 0.95,
        "places": 0.97,
        "worker_counts": 0.93,
        "times": 0.95,
        "durations": 0.90,
        "event_types": 0.93,
        "rounds": 0.85,
        "sanctions": 0.95,
    },
    "heldout5": {
        "relevance": 0.95,
        "places": 0.97,
        "worker_counts": 0.95,
        "times": 0.95,
        "durations": 0.90,
        "event_types": 0.95,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout6": {
        "relevance": 0.95,
        "places": 0.97,
        "worker_counts": 0.95,
        "times": 0.95,
        "durations": 0.90,
        "event_types": 0.95,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout7": {
        "relevance": 0.95,
        "places": 0.98,
        "worker_counts": 0.95,
        "times": 0.95,
        "durations": 0.75,
        "event_types": 0.95,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout8": {
        "relevance": 0.95,
        "places": 0.93,
        "worker_counts": 0.95,
        "times": 0.95,
        "durations": 0.95,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout9": {
        "relevance": 0.95,
        "places": 0.9,
        "worker_counts": 0.95,
        "times": 0.95,
        "durations": 0.95,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout10": {
        "relevance": 0.95,
        "places": 0.98,
        "worker_counts": 0.95,
        "times": 0.95,
        "durations": 0.95,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout11": {
        "relevance": 0.95,
        "places": 0.97,
        "worker_counts": 0.95,
        "times": 0.95,
        "durations": 0.95,
        "event_types": 0.95,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout12": {
        "relevance": 0.95,
        "places": 0.92,
        "worker_counts": 0.95,
        "times": 0.95,
        "durations": 0.9,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout13": {
        "relevance": 0.95,
        "places": 0.98,
        "worker_counts": 0.95,
        "times": 0.92,
        "durations": 0.88,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout14": {
        "relevance": 0.95,
        "places": 0.97,
        "worker_counts": 0.97,
        "times": 0.94,
        "durations": 0.92,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout15": {
        "relevance": 0.95,
        "places": 0.98,
        "worker_counts": 0.97,
        "times": 0.93,
        "durations": 0.95,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout16": {
        "relevance": 0.95,
        "places": 0.98,
        "worker_counts": 0.97,
        "times": 0.95,
        "durations": 0.95,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout17": {
        "relevance": 0.95,
        "places": 0.98,
        "worker_counts": 0.97,
        "times": 0.93,
        "durations": 0.85,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout18": {
        "relevance": 0.95,
        "places": 0.98,
        "worker_counts": 0.97,
        "times": 0.97,
        "durations": 0.9,
        "event_types": 0.97,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout19": {
        "relevance": 0.95,
        "places": 0.94,
        "worker_counts": 0.97,
        "times": 0.95,
        "durations": 0.9,
        "event_types": 0.94,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
    "heldout20": {
        "relevance": 0.95,
        "places": 0.97,
        "worker_counts": 0.97,
        "times": 0.93,
        "durations": 0.95,
        "event_types": 0.95,
        "rounds": 0.95,
        "sanctions": 0.95,
    },
}
MIN_DOCUMENTS = {
    "heldout": 15,
    "heldout2": 20,
    "heldout3": 8,
    "heldout4": 12,
    "heldout5": 9,
    "heldout6": 10,
    "heldout7": 11,
    "heldout8": 9,
    "heldout9": 8,
    "heldout10": 6,
    "heldout11": 6,
    "heldout12": 8,
    "heldout13": 8,
    "heldout14": 8,
    "heldout15": 8,
    "heldout16": 8,
    "heldout17": 8,
    "heldout18": 12,
    "heldout19": 10,
    "heldout20": 10,
}
MIN_NEGATIVES = {
    "heldout": 4,
    "heldout2": 6,
    "heldout3": 1,
    "heldout4": 4,
    "heldout5": 1,
    "heldout6": 3,
    "heldout7": 4,
    "heldout8": 3,
    "heldout9": 2,
    "heldout10": 1,
    "heldout11": 1,
    "heldout12": 2,
    "heldout13": 2,
    "heldout14": 2,
    "heldout15": 2,
    "heldout16": 2,
    "heldout17": 2,
    "heldout18": 4,
    "heldout19": 3,
    "heldout20": 3,
}


@pytest.fixture(scope="module", params=sorted(F1_FLOORS))
def heldout(request: pytest.FixtureRequest) -> tuple[str, Scoreboard]:
    name: str = request.param
    return name, evaluate(TESTS / name)


@pytest.mark.parametrize("name", sorted(F1_FLOORS))
def test_heldout_set_is_large_and_has_negatives(name: str) -> None:
    folder = TESTS / name
    golds = [load_gold(path) for path in gold_files(folder)]
    assert len(golds) >= MIN_DOCUMENTS[name]
    assert sum(not g["relevant"] for g in golds) >= MIN_NEGATIVES[name]
    for gold in golds:
        report = folder / gold["doc"]
        assert report.is_file(), gold["doc"]
        assert "Synthetic example written by the Tumen team" in report.read_text(encoding="utf-8")


def test_heldout_extraction_never_fails(heldout: tuple[str, Scoreboard]) -> None:
    name, board = heldout
    assert board.failures == [], name


@pytest.mark.parametrize("field", sorted(F1_FLOORS["heldout"]))
def test_heldout_f1_floor(heldout: tuple[str, Scoreboard], field: str) -> None:
    name, board = heldout
    score = board.fields[field]
    floor = F1_FLOORS[name][field]
    assert score.f1 >= floor, (
        f"{name} {field}: F1 {score.f1:.3f} < floor {floor} "
        f"(tp {score.tp}, fp {score.fp}, fn {score.fn}); "
        f"see `tumen eval tests/{name} --show-errors`"
    )
