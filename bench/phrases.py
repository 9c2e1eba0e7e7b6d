"""The team's own phrase bank for the benchmark corpus: sentence templates and slot fillers.

Everything here was written for the benchmark, in the styles of a general news feed and of
reports on North Korean labour dispatch. Nothing is taken from a real article. Templates use
`{slot}` names filled by `bench/generate.py`. Per topic:

- `titles`: headlines;
- `timed`: sentences that carry a time expression through `{when}` or a date slot;
- `timeless`: sentences with no time expression at all (no dates, weekdays, months, years,
  seasons, "today", "recently" ...). The time-finder benchmark feeds on these, so keep them so.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Anna", "Boris", "Carla", "Daniel", "Elena", "Farid", "Grace", "Hiroshi", "Ingrid", "Jae-won",
    "Kofi", "Lucia", "Mikhail", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Sung-min", "Tomas",
    "Ursula", "Viktor", "Wen", "Yusuf", "Zofia", "Marek", "Leila", "Pablo", "Hana", "Dmitri",
)  # fmt: skip
LAST_NAMES = (
    "Albrecht", "Brennan", "Castillo", "Dufresne", "Eriksen", "Fontaine", "Gallo", "Haddad",
    "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn",
    "Rahman", "Santos", "Takahashi", "Underwood", "Varga", "Whitfield", "Yilmaz", "Zeller",
    "Kim", "Park", "Lee", "Choi", "Morozov",
)  # fmt: skip
OFFICE_TITLES = (
    "Finance Minister", "Prime Minister", "Interior Minister", "Senator", "Governor", "Mayor",
    "opposition leader", "Trade Minister", "Health Minister", "Deputy Foreign Minister",
    "chief executive", "central bank governor", "party chairman", "committee chair",
)  # fmt: skip
CITIES = (
    "Lisbon", "Nairobi", "Toronto", "Osaka", "Krakow", "Lyon", "Manila", "Santiago", "Melbourne",
    "Hamburg", "Busan", "Casablanca", "Denver", "Bangalore", "Rotterdam", "Porto Alegre", "Leeds",
    "Seville", "Gothenburg", "Cebu", "Accra", "Tbilisi", "Almaty", "Hanoi", "Auckland",
)  # fmt: skip
COUNTRIES = (
    "Portugal", "Kenya", "Canada", "Japan", "Poland", "France", "the Philippines", "Chile",
    "Australia", "Germany", "Morocco", "India", "the Netherlands", "Brazil", "Spain", "Sweden",
    "Ghana", "Georgia", "Kazakhstan", "Vietnam", "New Zealand", "Mexico", "Indonesia", "Turkey",
)  # fmt: skip
PARTIES = (
    "the Progressive Alliance", "the National Renewal Party", "the Green Union",
    "the Civic Democrats", "the Labour Front", "the Liberal Forum", "the People's Coalition",
)  # fmt: skip
COMPANIES = (
    "Norvant Systems", "Helix Bioworks", "Castellan Foods", "Orbis Freight", "Quantaleaf",
    "Brightmoor Energy", "Tessaract Labs", "Meridian Steel", "Kestrel Mobile", "Palisade Bank",
    "Arcway Motors", "Lumen Grid", "Solvane Chemicals", "Greyfield Retail", "Vantor Semiconductor",
)  # fmt: skip
TEAMS = (
    "the Harbour City Mariners", "Rovers United", "the Northgate Falcons", "Atletico Sierra",
    "the Capital Comets", "Riverside Athletic", "the Iron Valley Miners", "Sporting Costa",
    "the Lakeside Wolves", "Dynamo Eastfield", "the Summit Rangers", "Real Oriente",
)  # fmt: skip
PRODUCTS = (
    "a foldable handset", "a home battery", "an open-source chip design", "a translation earbud",
    "a delivery drone", "a budget electric hatchback", "a cloud gaming service",
    "a privacy-focused browser", "a smart thermostat", "a satellite messaging plan",
)  # fmt: skip
OUTLETS = (
    "the Northeast Asia Monitor", "Border Lines Weekly", "the Eastern Ledger",
    "Peninsula Watch", "the Far East Courier", "Korea Affairs Review", "the Amur Observer",
)  # fmt: skip
WIRES = ("Wire", "NewsDesk", "AsiaWire", "GlobalPress")

# Time expressions of the kinds a news feed uses; filled into `{when}`.
WHEN = (
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
    "on Sunday", "last week", "last month", "last year", "earlier this year", "this week",
    "next week", "next month", "in early March", "in mid-April", "in late May", "in June",
    "in the first quarter", "in the second half of the year", "by the end of the year",
    "in January", "on March 14", "on Oct. 2", "on 5 September", "in 2021", "in the spring",
    "last summer", "in the autumn of 2020", "at the beginning of the month", "two weeks ago",
    "three years ago", "on Dec. 11, 2022", "in mid-2023", "on 12.03.2024", "in the third week of July",
)  # fmt: skip
YEARS = tuple(str(y) for y in range(2012, 2026))

# ---------------------------------------------------------------------------------------------
# General news topics: most of a real feed.

TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "politics": {
        "titles": (
            "{party} pushes budget vote as coalition talks stall",
            "{person} faces pressure over stalled pension reform",
            "Parliament in {country} debates new election rules",
            "Voters in {city} split over transit referendum",
            "{person} survives confidence vote by narrow margin",
        ),
        "timed": (
            "{person} told reporters {when} that the coalition would hold together.",
            "The bill passed its second reading {when} with {n} votes in favour.",
            "Lawmakers are expected to return to the chamber {when} to debate the amendments.",
            "Polls published {when} put {party} ahead by {pct} points.",
            "{when_cap}, the committee summoned the ministers of defence and finance.",
            "The last general election, held {when}, left no party with a majority.",
            "{person} announced {when} that a cabinet reshuffle was under consideration.",
            "A spokesperson for {party} said {when} that talks would continue.",
            "Street protests in {city} {when} drew several thousand people.",
            "The electoral commission said {when} that turnout had reached {pct} percent.",
        ),
        "timeless": (
            "{person} said the proposal would cut red tape for small businesses.",
            "Critics argue the plan shifts the burden onto local councils.",
            "{party} has ruled out any deal that raises income tax.",
            "The opposition accused the ministry of withholding key figures from the public.",
            "Analysts said the vote was a test of the coalition's discipline.",
            "Several backbenchers have signalled they could abstain.",
            "The constitutional court may yet be asked to rule on the measure.",
            "Regional governors want a larger share of the fuel levy.",
            "{person} called the outcome a clear mandate for reform.",
            "Supporters of the measure say it will make public spending easier to audit.",
            "Observers from the regional security body monitored the count.",
            "The debate exposed a rift between urban and rural members of {party}.",
            "A cross-party group has drafted an alternative text.",
            "Turnout in the capital was well above the national average.",
            "The finance committee will publish its report before the final vote.",
            "{person} declined to say whether the government would accept the amendments.",
            "Trade unions have threatened further action if the pension age rises.",
            "The speaker ordered a recount in two constituencies.",
            "Independent candidates took a record share of council seats in {city}.",
            "Officials insisted the rules apply equally to every party.",
        ),
    },
    "economy": {
        "titles": (
            "Inflation in {country} eases as fuel prices fall",
            "{company} shares jump after upbeat guidance",
            "Central bank holds rates, signals patience",
            "Exporters in {city} brace for weaker demand",
            "{company} to cut {n} jobs in restructuring",
        ),
        "timed": (
            "Consumer prices rose {pct} percent in the year to {month}, the statistics office said.",
            "{company} reported quarterly revenue of {money} {when}.",
            "The central bank left its benchmark rate unchanged {when}.",
            "Retail sales fell {pct} percent {when}, the steepest drop since {year}.",
            "{person} said {when} that growth would slow to around {pct} percent.",
            "Factory orders picked up {when} after a weak start to the year.",
            "The currency touched its lowest level since {year} {when}.",
            "{company} said {when} it would open a plant near {city}.",
            "Unemployment stood at {pct} percent {when}, unchanged from the previous reading.",
            "Bond yields climbed {when} as investors priced in further tightening.",
        ),
        "timeless": (
            "Economists had expected a smaller increase.",
            "{company} said higher input costs would weigh on margins.",
            "The bank's board was split, with two members voting for a cut.",
            "Shipping rates remain well above their long-run average.",
            "Households are spending less on durable goods and more on services.",
            "{person} said the fiscal rules leave little room for new spending.",
            "Wage growth has outpaced inflation across most sectors.",
            "The trade surplus widened as imports of machinery declined.",
            "Analysts at {company} see risks tilted to the downside.",
            "Investors are watching corporate earnings for signs of strain.",
            "The government plans to issue {money} in green bonds.",
            "Smaller lenders have tightened credit standards for property developers.",
            "Farm incomes have been squeezed by the cost of fertiliser.",
            "The stock index closed {pct} percent higher, led by technology shares.",
            "{company} will buy back up to {money} of its own shares.",
            "Economists say the housing market is cooling rather than collapsing.",
            "Port congestion in {city} has eased after a surge in capacity.",
            "The finance ministry expects the deficit to narrow to {pct} percent of output.",
            "Energy-intensive industries have called for lower network charges.",
            "Consumer confidence remains weak despite falling prices at the pump.",
        ),
    },
    "sports": {
        "titles": (
            "{team} edge {team2} in late thriller",
            "{team} sack coach after run of defeats",
            "Injury blow for {team} ahead of cup final",
            "{team} clinch title with {score} win",
            "Record crowd watches {team} in {city}",
        ),
        "timed": (
            "{team} beat {team2} {score} {when} to move top of the table.",
            "The striker, who joined {when}, has scored {n} goals in all competitions.",
            "{team} face {team2} {when} in the quarter-final.",
            "The club confirmed {when} that its captain had signed a new contract.",
            "{person} was appointed head coach {when} after a spell abroad.",
            "Tickets for the final went on sale {when} and sold out within hours.",
            "The federation said {when} that the tournament would expand to {n} teams.",
            "{team} last won the trophy in {year}.",
        ),
        "timeless": (
            "The visitors took the lead with a header from a corner.",
            "{team} dominated possession but struggled to create chances.",
            "The goalkeeper made a string of saves to keep the score level.",
            "A late penalty settled a tense contest.",
            "The coach praised the discipline of his young defence.",
            "Fans in {city} celebrated in the main square.",
            "The midfielder limped off with a hamstring problem.",
            "{team} will be without two suspended players.",
            "The referee was criticised for a string of contentious decisions.",
            "The home side had {n} shots on target to their opponents' three.",
            "The club has invested heavily in its youth academy.",
            "A crowd of {big} packed the stadium.",
            "Both managers called for changes to the fixture schedule.",
            "{team2} remain {n} points adrift of safety.",
            "The winger's pace caused problems down the left flank.",
            "The league's broadcasters reported record viewing figures.",
            "An own goal gifted the visitors an equaliser.",
            "The captain said the squad believed it could win the league.",
        ),
    },
    "weather": {
        "titles": (
            "Heatwave grips {country} as temperatures soar",
            "Floods cut roads around {city}",
            "Storm warning issued for coastal areas",
            "Drought tightens grip on farmers near {city}",
            "Heavy snow disrupts travel across the north",
        ),
        "timed": (
            "Temperatures reached {temp} in {city} {when}, the weather service said.",
            "Forecasters expect the rain to ease {when}.",
            "The storm made landfall {when} near {city}.",
            "{mm} millimetres of rain fell on {city} {when}, more than the monthly average.",
            "Authorities lifted the flood warning {when}.",
            "The driest spell since {year} ended {when} with widespread showers.",
            "Power was restored to most homes {when}.",
        ),
        "timeless": (
            "Residents were urged to stay indoors and drink plenty of water.",
            "Emergency crews cleared fallen trees from several main roads.",
            "Farmers say the harvest will be smaller than expected.",
            "The national weather service issued its highest alert level for three provinces.",
            "Rivers burst their banks in low-lying districts.",
            "Gale-force gusts were recorded along the coast.",
            "Schools in the worst-hit areas will stay closed.",
            "Water restrictions remain in place across the region.",
            "The airport cancelled dozens of flights because of poor visibility.",
            "Volunteers filled sandbags to protect homes near the river.",
            "Climate scientists say such extremes are becoming more frequent.",
            "Hospitals reported a rise in heat-related admissions.",
            "Ferry services between the islands were suspended.",
            "The reservoir serving {city} is at {pct} percent of capacity.",
            "Insurers expect claims to run into the millions.",
        ),
    },
    "tech": {
        "titles": (
            "{company} unveils {product}",
            "Regulators probe {company} over data practices",
            "{company} bets on custom chips to cut cloud costs",
            "Start-ups in {city} race to build cheaper batteries",
            "Outage hits {company} customers across {country}",
        ),
        "timed": (
            "{company} unveiled {product} {when} at an event in {city}.",
            "The regulator opened its investigation {when}.",
            "{company} said {when} that {n} million users had signed up.",
            "The update, released {when}, fixed a flaw that allowed remote access.",
            "Shipments of smartphones fell {pct} percent {when}, according to an industry tracker.",
            "{person} said {when} that the company would double its research budget.",
            "The outage began {when} and lasted several hours.",
        ),
        "timeless": (
            "The device runs on a chip designed in-house.",
            "Privacy advocates say the feature collects more data than users realise.",
            "{company} declined to comment on the number of affected accounts.",
            "The software is available in {n} languages.",
            "Engineers traced the fault to a misconfigured server.",
            "Analysts say the price will decide whether the product catches on.",
            "The company is under pressure to show a return on its spending on artificial intelligence.",
            "Rivals have struggled to match the battery life.",
            "{person} described the launch as the most important in the company's history.",
            "The app will be free, with a paid tier for businesses.",
            "Developers will be able to build on the platform through an open interface.",
            "Security researchers found the flaw during a routine audit.",
            "The chip is made on an advanced process at a plant in {country}.",
            "Competition authorities are examining whether the deal harms smaller rivals.",
            "{company} says the data never leaves the device.",
            "The handset has a larger screen and a faster processor.",
        ),
    },
    "health": {
        "titles": (
            "Hospitals in {city} report strain on emergency wards",
            "New vaccine programme targets rural clinics",
            "Study links air pollution to childhood asthma",
            "{country} expands free screening for older adults",
        ),
        "timed": (
            "The ministry reported {n} new cases {when}.",
            "The trial, which began {when}, enrolled {big} patients.",
            "{person} said {when} that waiting lists had begun to shrink.",
            "The screening programme will be extended to all regions {when}.",
            "Nurses staged a walkout {when} over staffing levels.",
        ),
        "timeless": (
            "Doctors say early diagnosis remains the best defence.",
            "The study followed children in {n} cities.",
            "Rural clinics often lack basic equipment.",
            "The health service has struggled to recruit specialist nurses.",
            "Researchers cautioned that the findings need to be confirmed in larger studies.",
            "Patients in remote areas travel long distances for treatment.",
            "The vaccine is given in two doses.",
            "Public health officials urged people to wash their hands and stay home when ill.",
            "{person} said the new hospital wing would add {n}0 beds.",
            "The charity provides free transport to appointments.",
            "Pharmacists will be allowed to prescribe some common medicines.",
            "Campaigners want a ban on advertising sugary drinks to children.",
        ),
    },
    "culture": {
        "titles": (
            "Festival in {city} draws record audiences",
            "{person}'s debut novel tops the bestseller list",
            "Museum returns looted artefacts to {country}",
            "Film shot in {city} wins top prize",
        ),
        "timed": (
            "The festival opened {when} with a concert in the old town.",
            "The exhibition runs until {month}.",
            "The novel was published {when} and has sold {big} copies.",
            "The museum announced {when} that the objects would be returned.",
            "The director's previous film premiered {when}.",
        ),
        "timeless": (
            "Critics praised the lead performance as restrained and moving.",
            "The collection includes more than {n}00 works on paper.",
            "Tickets are available from the box office.",
            "The author grew up in a fishing village on the coast.",
            "The restoration took a team of conservators to complete.",
            "The orchestra will tour {n} cities.",
            "Visitors queued around the block to see the exhibition.",
            "The band's new album mixes folk melodies with electronic beats.",
            "The jury described the film as bold and generous.",
            "The theatre has been restored to its original design.",
            "Local artists painted murals along the harbour wall.",
            "The book has been translated into {n} languages.",
        ),
    },
}

# ---------------------------------------------------------------------------------------------
# North Korea news that is not about labour dispatch (missiles, diplomacy, food): the look-alikes
# a triage prefilter lets through and the relevance scorer must turn down.

NK_OTHER: dict[str, tuple[str, ...]] = {
    "titles": (
        "North Korea fires ballistic missile into the sea, Seoul says",
        "Pyongyang rejects talks offer, state media reports",
        "Satellite images show new construction at North Korean launch site",
        "UN envoy urges North Korea to reopen border to aid workers",
    ),
    "timed": (
        "North Korea fired a short-range ballistic missile {when}, the Joint Chiefs of Staff said.",
        "State media said {when} that the leader had inspected a munitions factory.",
        "The launch {when} was the {ordinal} this year.",
        "Pyongyang last conducted a nuclear test in {year}.",
        "Foreign ministers from Seoul, Tokyo and Washington spoke by phone {when}.",
        "The UN Security Council met {when} to discuss the launches.",
    ),
    "timeless": (
        "The missile flew about {n}00 kilometres before landing in the sea.",
        "Japan's coast guard warned ships to stay clear of the area.",
        "Analysts say Pyongyang is testing weapons that can evade missile defences.",
        "North Korea's state news agency described the launch as a routine drill.",
        "South Korea's military said it had stepped up surveillance.",
        "Diplomats say there is little appetite for new sanctions in the Security Council.",
        "The regime has rejected offers of dialogue without preconditions.",
        "Food shortages have worsened in some northern provinces, aid groups say.",
        "Kim Jong Un was shown in photographs watching the launch.",
        "Soldiers along the border were put on alert.",
        "The artillery drills took place near the maritime boundary.",
        "Experts say the new engine uses solid fuel.",
    ),
}

# ---------------------------------------------------------------------------------------------
# Labour dispatch reports: the minority the product exists for, in the genre's phrasing.

KP_PLACES = (
    "Pyongyang", "Rason", "Chongjin", "Sinuiju", "Hamhung", "Hyesan", "North Hamgyong Province",
    "South Pyongan Province", "Ryanggang Province",
)  # fmt: skip
RU_PLACES = (
    "Vladivostok", "Khabarovsk", "Ussuriysk", "Nakhodka", "Moscow", "Magadan", "Chita",
    "Sakhalin", "Primorsky Krai", "the Amur region", "Saint Petersburg", "Novosibirsk",
    "Blagoveshchensk", "Yakutsk",
)  # fmt: skip
UA_PLACES = ("Donetsk", "Luhansk", "Mariupol", "the Donbas", "occupied eastern Ukraine")
TRANSIT = ("Tumangang", "Khasan", "Beijing", "Shenyang", "Dandong", "the Friendship Bridge")
WORKERS = (
    "about 300 workers", "800 to 1,000 laborers", "teams of 30 to 50 people",
    "more than 1,000 workers", "some 200 construction workers", "up to 5,000 North Koreans",
    "around 120 workers", "nearly 400 laborers", "at least 60 workers", "1,500 workers",
    "a group of 45 people", "two teams of 25", "fewer than 100 workers", "dozens of workers",
    "hundreds of laborers", "thousands of North Korean workers",
)  # fmt: skip
SOURCES = (
    "a source in North Hamgyong Province", "a source in Pyongyang",
    "a source familiar with North Korean affairs", "a source in Russia's Far East",
    "a high-level source in the country", "a trading company official in Rason",
    "a source close to the construction sector", "a person familiar with the recruitment",
)  # fmt: skip
HEDGES = (
    "reportedly", "allegedly", "is believed to have", "appears to have", "is said to have",
    "may have", "likely",
)  # fmt: skip
HEDGE_ADVERBS = ("reportedly", "allegedly", "apparently", "probably")
SECTORS = (
    "construction", "logging", "fishing", "seafood processing", "farming", "textile",
    "shipbuilding", "road building",
)  # fmt: skip
SANCTIONS = (
    "UN Security Council Resolution 2397", "Resolution 2375", "UNSCR 2397",
    "the Countering America's Adversaries Through Sanctions Act",
    "the North Korea Sanctions and Policy Enhancement Act", "Executive Order 13722",
)  # fmt: skip
DURATIONS = (
    "two-year contracts", "at least three years", "up to five years", "a three-year stint",
    "six months", "a one-year contract", "more than two years", "up to four years",
)  # fmt: skip
ORDINALS = ("first", "second", "third", "fourth", "fifth")

DISPATCH: dict[str, tuple[str, ...]] = {
    "titles": (
        "North Korea selects workers for second dispatch to Russia",
        "North Korean laborers bound for {ru_place}, sources say",
        "Pyongyang prepares to send construction crews to {ua_place}",
        "Defections rise among North Korean workers in {ru_place}",
        "Report: North Korean workers still earning cash in Russia despite sanctions",
        "Train carrying North Korean workers crosses into Russia",
    ),
    "timed": (
        "{source_cap} told {outlet} {when} that {workers} had been selected for work in {ru_place}.",
        "The {ordinal} round of selections began {when} in {kp_place}.",
        "{workers} left {kp_place} {when} and travelled by train via {transit} to {ru_place}.",
        "According to {source}, the workers are scheduled to depart {when}.",
        "{workers} arrived in {ru_place} {when} to work on {sector} sites.",
        "The {ordinal} batch of workers {hedge} crossed the border at {transit} {when}.",
        "South Korea's spy agency said {when} that {workers} had been sent to {ru_place}.",
        "{when_cap}, {workers} were dispatched to {ua_place} to rebuild damaged apartment blocks.",
        "The recruitment drive, which started {when}, has drawn applicants from {kp_place}.",
        "Nine workers fled their construction site in {ru_place} {when}, {source} said.",
        "North Korean workers have been arriving in {ru_place} since {year}, {source} said.",
        "The contracts run from {month} until the end of next year.",
        "The authorities ordered the workers home {when} under {sanction}.",
        "The passenger train between {transit} and Khasan resumed service {when}.",
        "Those selected will leave {when}, before the Lunar New Year.",
        "The workers were sent home {when}, {outlet} reported, citing {source}.",
    ),
    "timeless": (
        "The workers will be deployed to {sector} projects in {ru_place}.",
        "{source_cap} said each worker must hand over most of their wages as loyalty funds.",
        "The recruits were vetted for political reliability before being approved.",
        "Workers are typically employed on {durations}.",
        "Most of the wages go to the state, leaving the workers with a small share.",
        "{source_cap} said the workers were housed in crowded dormitories near the site.",
        "Families of those selected were told not to discuss the dispatch.",
        "The teams will be split up among {sector} companies after they arrive.",
        "Rights groups say the workers face forced labour conditions abroad.",
        "The dispatch appears to breach {sanction}, which required member states to send such workers home.",
        "The workers entered Russia on student or trainee visas, {source} said.",
        "Russian companies face a labour shortage in {sector}.",
        "{workers} have {hedge_adverb} been sent to {ua_place} to work on reconstruction.",
        "The laborers are guarded by security officials who confiscate their passports.",
        "Some of the workers are expected to stay for {durations}.",
        "Those who fail to meet their quota face punishment on return, {source} added.",
        "The trading company that arranges the dispatch takes a commission on each worker.",
        "Workers from {kp_place} were given priority in the selection, {source} said.",
        "{workers} are now working at sites in {ru_place} and {ua_place}.",
        "{outlet} could not independently verify the account.",
        "The route runs from {kp_place} through {transit} to {ru_place}.",
        "The UN panel of experts has documented similar schemes in the past.",
    ),
}

# Paragraph openers of wire and outlet stories (datelines), as in a feed.
DATELINES = (
    "SEOUL, {month_day} ({wire}) --", "{city_upper}, {month_day} ({wire}) --",
    "TOKYO, {month_day} ({wire}) --", "MOSCOW, {month_day} ({wire}) --",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
