"""The articles of evals/html, written first as clean text with their gold; the pages are built around them.

Every company, person, investor and site here is invented. Each entry holds the clean article (title,
optional standfirst, paragraphs), its gold record (ANNOTATION.md), how its page states the publication
date, and the page furniture around it: the noise that must never reach the model (related stories and
"read also" links about OTHER deals, job ads, newsletter boxes, comments, tickers).
"""

from __future__ import annotations

from typing import Any


def inv(name: str, lead: bool = False, aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "lead": lead}


def rnd(
    company: str,
    round_type: str,
    label: str | None,
    amount: tuple[int, str] | None,
    announced: str | None,
    investors: list[dict[str, Any]],
    *,
    usd: int | None = None,
    aliases: tuple[str, ...] = (),
    primary: bool = True,
    valuation: tuple[int, str, str] | None = None,
) -> dict[str, Any]:
    """A gold round; a USD amount repeats itself as amount_usd, as ANNOTATION.md asks."""
    if amount is not None and amount[1] == "USD":
        usd = amount[0]
    return {
        "company": company,
        "company_aliases": list(aliases),
        "round_type": round_type,
        "round_label": label,
        "amount": None if amount is None else {"value": amount[0], "currency": amount[1]},
        "amount_usd": None if usd is None else {"value": usd, "currency": "USD"},
        "announced": announced,
        "investors": investors,
        "valuation": None
        if valuation is None
        else {"value": valuation[0], "currency": valuation[1], "basis": valuation[2]},
        "primary": primary,
        "optional": False,
    }


ARTICLES: list[dict[str, Any]] = [
    {
        "id": "en-kelpwise-series-a",
        "skin": "ledger",
        "lang": "en-GB",
        "published": "2024-05-16",
        "date_markup": {"json_ld": "2024-05-16T08:12:00+01:00"},
        "url": "https://harbourledger.example/markets/startups/2024/05/16/kelpwise-series-a",
        "author": "Hilde Marsh",
        "section": ["Markets", "Startups"],
        "title": "Kelpwise raises $22 million to farm seaweed off Norway's coast",
        "dek": "The Bergen start-up will use the Series A money to build two offshore farms and a drying plant.",
        "paragraphs": [
            "Kelpwise, a Bergen-based start-up that grows seaweed on ropes anchored in Norwegian fjords, has "
            "raised $22 million in a Series A round led by Northmoor Ventures, the company said on Tuesday.",
            "Skerry Capital and the Fjordane Climate Fund also invested. Kelpwise raised a $4.5 million seed "
            "round from Skerry Capital in 2022.",
            "The company sells dried kelp to makers of animal feed and of compostable packaging, two markets "
            "that have grown quickly as buyers look for alternatives to soy and plastic. Its farms need no "
            "fresh water, no fertiliser and no land.",
            '"Seaweed is one of the few crops that can grow at scale without taking anything from the land," '
            "said chief executive Ingrid Solheim, who founded Kelpwise in 2020 with two marine biologists.",
            "The money will pay for two offshore farms near Ålesund and a drying plant that will run on waste "
            "heat from a nearby data centre. Kelpwise expects to harvest about 3,000 tonnes of wet seaweed "
            "next year, up from 400 tonnes in 2023.",
            "Northmoor partner Daniel Achterberg will join the company's board.",
        ],
        "noise": {
            "ticker": ["FTSE 100 8,102.3 +0.4%", "Brent $82.10 -0.7%", "EUR/USD 1.0842", "Gold $2,371 +0.2%"],
            "read_also": {1: "HullBot raises $3 million seed from Anchor Angels"},
            "related": [
                "HullBot raises $3 million seed from Anchor Angels",
                "Dockyard AI lands $9 million Series A led by Pier Nine Capital",
                "Tidal battery maker Ebbcell closes €12 million round",
            ],
            "popular": [
                "Container rates jump as Red Sea detours drag on",
                "Brineworks raises $40 million Series B from Gullwing Partners",
            ],
            "newsletter": "The Harbour Ledger Briefing: the day's maritime business news in five minutes. "
            "Sign up free.",
            "cookie": "We use cookies to improve your experience and to show you relevant ads. "
            "Accept all or manage your preferences.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Kelpwise",
                    "series_a",
                    "Series A",
                    (22_000_000, "USD"),
                    "2024-05-14",
                    [inv("Northmoor Ventures", True), inv("Skerry Capital"), inv("Fjordane Climate Fund")],
                ),
                rnd(
                    "Kelpwise",
                    "seed",
                    "seed",
                    (4_500_000, "USD"),
                    "2022",
                    [inv("Skerry Capital")],
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "en-ferrobyte-series-b",
        "skin": "wire",
        "lang": "en-US",
        "published": "2024-03-05",
        "date_markup": {"meta": ("property", "article:published_time", "2024-03-05T13:00:00Z")},
        "url": "https://bizpulsewire.example/news-releases/ferrobyte-secures-40-million-series-b-301999.html",
        "author": None,
        "section": ["News releases", "Manufacturing"],
        "title": "Ferrobyte Secures $40 Million Series B to Scale Predictive Maintenance for Steel Mills",
        "dek": "Funding led by Calloway Growth Partners will expand the company's sensor network to mills in "
        "Europe and Mexico",
        "paragraphs": [
            "AUSTIN, Texas, March 5, 2024 /BizPulse Wire/ -- Ferrobyte Inc., the industrial AI company that "
            "helps steel mills predict equipment failures, today announced it has closed a $40 million Series B "
            "financing round led by Calloway Growth Partners. New investor Ridgefield Industrial Ventures and "
            "existing investors Lonestar Seed Partners and Bexar Capital also participated.",
            "The round brings Ferrobyte's total funding to $58 million. The company raised an $18 million "
            "Series A led by Lonestar Seed Partners in 2022.",
            "Ferrobyte fits rolling mills and furnaces with vibration and heat sensors and uses the readings to "
            "warn maintenance crews days before a bearing, a roll or a pump is likely to fail. The company says "
            "its customers have cut unplanned downtime by a third on average.",
            '"An hour of unplanned downtime at a hot strip mill can cost more than a quarter of a million '
            'dollars," said Marisol Vance, co-founder and chief executive of Ferrobyte. "This funding lets us '
            'bring that warning time to mills in Europe and Mexico."',
            '"Ferrobyte has become part of the daily routine of the mills that use it," said Grant Calloway, '
            "managing partner at Calloway Growth Partners, who joins the Ferrobyte board.",
            "About Ferrobyte: Ferrobyte Inc. builds predictive maintenance software for heavy industry. Founded "
            "in 2019 and headquartered in Austin, the company works with 40 steel and aluminium plants in North "
            "America.",
            "Media contact: Jordan Pike, press@ferrobyte.example",
        ],
        "noise": {
            "related": [
                "Cobalt Grid Raises $25 Million Series A to Modernize Utility Billing",
                "Parcelhop Announces $7 Million Seed Round Led by Bayside Ventures",
                "Quarrystone Robotics Closes $31 Million Series B",
            ],
            "disclaimer": "The issuer is solely responsible for the content of this announcement. "
            "BizPulse Wire distributes it as received.",
            "newsletter": "Get news releases in your industry delivered to your inbox. Subscribe to BizPulse "
            "alerts.",
            "cookie": "This site uses cookies. By continuing to browse you agree to our use of cookies.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Ferrobyte Inc.",
                    "series_b",
                    "Series B",
                    (40_000_000, "USD"),
                    "2024-03-05",
                    [
                        inv("Calloway Growth Partners", True),
                        inv("Ridgefield Industrial Ventures"),
                        inv("Lonestar Seed Partners"),
                        inv("Bexar Capital"),
                    ],
                    aliases=("Ferrobyte",),
                ),
                rnd(
                    "Ferrobyte Inc.",
                    "series_a",
                    "Series A",
                    (18_000_000, "USD"),
                    "2022",
                    [inv("Lonestar Seed Partners", True)],
                    aliases=("Ferrobyte",),
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "en-orchardline-seed",
        "skin": "blog",
        "lang": "en-US",
        "published": "2023-10-12",
        "date_markup": {"time": "2023-10-12T07:45:11-04:00", "updated": "2023-10-13T16:02:40-04:00"},
        "url": "https://furrowandbyte.example/2023/10/12/orchardline-seed-round/",
        "author": "Sam Okafor",
        "section": ["Robotics"],
        "title": "Orchardline picks up $3.2 million seed round to bring robot pruning to apple growers",
        "dek": None,
        "paragraphs": [
            "Orchardline, a start-up from Yakima, Washington, that builds pruning robots for apple orchards, "
            "announced on Wednesday that it has raised $3.2 million in a seed round led by Cascade Orchard "
            "Fund. Wapato Ventures and a group of angel investors from the tree-fruit industry also put money "
            "in.",
            "Pruning is one of the most labour-hungry jobs on a fruit farm: every tree is cut by hand each "
            "winter, and growers in the state have struggled to find enough workers to do it. Orchardline's "
            "robot drives down the rows on tracks, photographs each tree from several angles and decides which "
            "branches to remove.",
            "The company says a single robot, watched by one operator, can prune about four acres a day, "
            "roughly what a crew of six does by hand.",
            '"Growers told us they did not need another app; they needed hands," said co-founder Priya '
            "Raman, a former orchard manager who started the company with roboticist Tomás Ibarra in 2021.",
            "Orchardline had earlier raised a $600,000 pre-seed round from Wapato Ventures. It will use the "
            "new money to build ten more robots for trials with growers this winter and to hire engineers.",
        ],
        "noise": {
            "recent": [
                "Vinerow raises $5 million to map vineyards with drones",
                "Why agtech seed rounds are getting smaller",
                "Pollenly's robot bees get $2 million from Meadow Capital",
            ],
            "tags": ["agtech", "robotics", "seed", "Washington"],
            "comments": [
                (
                    "Dale H.",
                    "Great news for the valley. Reminds me of when Stemcut raised $1.5 million from "
                    "Basin Angels back in 2019, and look where they are now.",
                ),
                (
                    "orchard_gal",
                    "Will these work on high-density trellis systems? Our rows are only 11 feet apart.",
                ),
            ],
            "bio": "Sam Okafor covers farm technology for Furrow & Byte. Before that he spent a decade "
            "running his family's cherry orchard.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Orchardline",
                    "seed",
                    "seed",
                    (3_200_000, "USD"),
                    "2023-10-11",
                    [inv("Cascade Orchard Fund", True), inv("Wapato Ventures")],
                ),
                rnd(
                    "Orchardline",
                    "pre_seed",
                    "pre-seed",
                    (600_000, "USD"),
                    None,
                    [inv("Wapato Ventures")],
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "en-quaymark-series-c-amp",
        "skin": "amp",
        "lang": "en",
        "published": "2024-08-22",
        "date_markup": {"json_ld": "2024-08-22T06:00:00-07:00"},
        "url": "https://portwatch.example/2024/08/22/quaymark-series-c",
        "author": "Renee Castillo",
        "section": ["Logistics"],
        "title": "Quaymark raises $65 million Series C at a $410 million valuation",
        "dek": None,
        "paragraphs": [
            "Quaymark, a San Diego company whose software plans where every container sits in a port terminal's "
            "yard, said on Wednesday that it has raised $65 million in a Series C round co-led by Halyard Growth "
            "and Meridian Crossing Capital.",
            "Existing investor Spindrift Ventures also took part. The round values Quaymark at $410 million "
            "after the investment, according to a person familiar with the deal.",
            "Terminal operators use Quaymark to decide where to stack incoming boxes so that cranes and trucks "
            "make fewer moves when ships are loaded. The company says its customers, which include terminals "
            "in Long Beach, Valencia and Busan, have cut truck waiting times by about 20%.",
            "Quaymark raised a $30 million Series B led by Spindrift Ventures in 2022. Chief executive Elena "
            "Marsh said the new money would go into automated planning for rail yards and into a Singapore "
            "office.",
        ],
        "noise": {
            "more": [
                "Freightwell raises $12 million for customs paperwork automation",
                "Boxfinder secures $8 million seed round led by Anchorline Capital",
            ],
            "sponsored": "Sponsored: How mid-size ports are modernising their gate systems",
            "menu": ["Logistics", "Shipping", "Ports", "Trucking", "Podcasts"],
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Quaymark",
                    "series_c",
                    "Series C",
                    (65_000_000, "USD"),
                    "2024-08-21",
                    [
                        inv("Halyard Growth", True),
                        inv("Meridian Crossing Capital", True),
                        inv("Spindrift Ventures"),
                    ],
                    valuation=(410_000_000, "USD", "post"),
                ),
                rnd(
                    "Quaymark",
                    "series_b",
                    "Series B",
                    (30_000_000, "USD"),
                    "2022",
                    [inv("Spindrift Ventures", True)],
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "en-saltmarsh-seed-paywall",
        "skin": "paywall",
        "lang": "en-GB",
        "published": "2024-01-18",
        "date_markup": {"meta": ("property", "article:published_time", "2024-01-18T05:30:00+00:00")},
        "url": "https://eastanglianbusiness.example/companies/saltmarsh-bio-raises-9m",
        "author": "Tom Reddy",
        "section": ["Companies"],
        "title": "Saltmarsh Bio lands £9 million to turn shellfish waste into fertiliser",
        "dek": None,
        "paragraphs": [
            "Saltmarsh Bio, a Norwich start-up that turns crab and lobster shells into fertiliser, has raised "
            "£9 million in a seed round led by Fenland Ventures.",
            "Broadland Capital and the Anglia Innovation Trust also took part in the round, which the company "
            "announced on Wednesday.",
            "Processors on the Norfolk coast currently pay to send thousands of tonnes of shell to landfill "
            "every year. Saltmarsh collects it free of charge and grinds and ferments it into a",
        ],
        "noise": {
            "paywall": "This article is for subscribers. Subscribe today for £1 for your first month to keep "
            "reading, or log in if you already have an account.",
            "recommended": [
                "Oystercatch raises £4m for water-quality sensors",
                "Cromer's Wavehouse lands £1.2m from Broads Angels",
            ],
            "cookie": "We and our partners use cookies. Choose Accept to continue.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Saltmarsh Bio",
                    "seed",
                    "seed",
                    (9_000_000, "GBP"),
                    "2024-01-17",
                    [
                        inv("Fenland Ventures", True),
                        inv("Broadland Capital"),
                        inv("Anglia Innovation Trust"),
                    ],
                    aliases=("Saltmarsh",),
                ),
            ],
        },
    },
    {
        "id": "en-brightkiln-equity-and-debt",
        "skin": "portal",
        "lang": "en-US",
        "published": "2024-09-26",
        "date_markup": {"meta": ("name", "parsely-pub-date", "2024-09-26T14:20:00Z")},
        "url": "https://dailyraise.example/climate/brightkiln-35m",
        "author": "Maya Lindqvist",
        "section": ["Climate"],
        "title": "Brightkiln raises $15 million in equity and $20 million in debt to electrify industrial kilns",
        "dek": None,
        "paragraphs": [
            "Brightkiln, a Pittsburgh start-up that makes electric kilns for ceramics and building materials, "
            "announced today a $15 million Series A round led by Allegheny Climate Partners, with Three Rivers "
            "Ventures and Foundry Row Capital participating.",
            "It has also secured a $20 million credit facility from Monongahela Bank to pay for the kilns it "
            "leases to customers.",
            "Most industrial kilns burn natural gas. Brightkiln's heat the material with resistive elements "
            "and store surplus heat in insulated brick, so factories can run them on cheap electricity at "
            "night and keep firing during the day.",
            '"Heat is a third of industrial emissions and almost nobody talks about it," said chief executive '
            "Owen Pruitt. The company has signed leases with four tile makers and a brick works in Ohio.",
        ],
        "noise": {
            "jobs": [
                "Brightkiln: Senior Thermal Engineer, Pittsburgh, PA",
                "Ledgerly (Series B, $48M raised): Backend Engineer, Remote",
                "Coilworks (seed, backed by Forge Street Capital): Founding Designer, Detroit",
            ],
            "popular": [
                "Exclusive: Stackmint in talks to raise $100 million",
                "Heatbank raises $11 million seed led by Cinder Ventures",
            ],
            "newsletter": "Get The Daily Raise in your inbox: every funding round that matters, each weekday "
            "at 7am.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Brightkiln",
                    "series_a",
                    "Series A",
                    (15_000_000, "USD"),
                    "2024-09-26",
                    [
                        inv("Allegheny Climate Partners", True),
                        inv("Three Rivers Ventures"),
                        inv("Foundry Row Capital"),
                    ],
                ),
                rnd(
                    "Brightkiln",
                    "debt",
                    "credit facility",
                    (20_000_000, "USD"),
                    "2024-09-26",
                    [inv("Monongahela Bank")],
                ),
            ],
        },
    },
    {
        "id": "en-greyhaven-buys-tidewell",
        "skin": "ledger",
        "lang": "en-GB",
        "published": "2023-06-08",
        "date_markup": {"itemprop": "2023-06-08"},
        "url": "https://harbourledger.example/deals/2023/06/08/greyhaven-tidewell",
        "author": "Colin Abara",
        "section": ["Deals", "Logistics"],
        "title": "Greyhaven Logistics buys cold-chain start-up Tidewell for $120 million",
        "dek": None,
        "paragraphs": [
            "Greyhaven Logistics, the Felixstowe-based freight group, has agreed to buy Tidewell, a start-up "
            "that tracks the temperature of refrigerated containers, for $120 million in cash and shares.",
            "Tidewell's sensors report the temperature, humidity and location of a container every few "
            "minutes, so that shippers of fruit, fish and medicines can act before a cargo spoils. Greyhaven "
            "has used the system on part of its fleet since 2022.",
            "The deal, expected to close in the third quarter, needs approval from competition authorities.",
            "Tidewell was founded in 2018 and raised a $14 million Series A led by Polar Bay Ventures in 2021. "
            "Its 60 staff will join Greyhaven's technology unit.",
        ],
        "noise": {
            "ticker": ["FTSE 100 7,599.7 -0.1%", "Brent $76.95 +0.8%", "GBP/USD 1.2446"],
            "read_also": {2: "Frostline raises $30 million Series B led by Coldharbor Capital"},
            "related": [
                "Frostline raises $30 million Series B led by Coldharbor Capital",
                "Cargo app Boxtrail lands $6 million seed",
            ],
            "popular": [
                "Reefer shortage eases as new boxes arrive",
                "Portside raises £5m from Estuary Angels",
            ],
            "newsletter": "The Harbour Ledger Briefing: the day's maritime business news in five minutes. "
            "Sign up free.",
            "cookie": "We use cookies to improve your experience and to show you relevant ads. "
            "Accept all or manage your preferences.",
        },
        "gold": {
            "is_funding_news": False,
            "rounds": [
                rnd(
                    "Tidewell",
                    "series_a",
                    "Series A",
                    (14_000_000, "USD"),
                    "2021",
                    [inv("Polar Bay Ventures", True)],
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "en-climate-roundup",
        "skin": "roundup",
        "lang": "en",
        "published": "2024-02-09",
        "date_markup": {"json_ld_graph": "2024-02-09T12:00:00+00:00"},
        "url": "https://greenledger.example/roundups/climate-funding-week-6-2024/",
        "author": "Ana Ferreira",
        "section": ["Roundups"],
        "title": "Climate funding roundup: three start-ups raise new money this week",
        "dek": "Desalination, carbon capture and cheap heat storage: the week's climate deals.",
        "paragraphs": [
            "Solvane, a Lisbon-based maker of solar-powered desalination units for small islands, raised "
            "€8 million in a seed round led by Atlantico Ventures on Monday. The units fit in a shipping "
            "container and make drinking water without a diesel generator.",
            "Carbonloop, based in Toronto, closed a C$12 million Series A on Tuesday. Lakeshore Climate Fund "
            "led the round and Maple Row Capital also participated. Carbonloop captures carbon dioxide from "
            "cement kilns and sells it to concrete makers, which mix it into fresh concrete.",
            "Hydrafold, a Melbourne start-up that designs foldable floating solar arrays for irrigation dams, "
            "raised A$10 million (US$6.5 million) in a pre-Series A round from Southbank Ventures and Yarra "
            "Impact on Wednesday.",
            "That is all for this week. Tips for next week's roundup are welcome by email.",
        ],
        "noise": {
            "read_also": {
                0: "Why desalination start-ups are back in favour",
                1: "Gridnest raises $18 million to store heat in sand",
            },
            "previous": [
                "Roundup: Sunweave raises €5 million, Tidelift Energy gets $20 million",
                "Roundup: Ventiq's $14 million Series A leads a quiet week",
            ],
            "newsletter": "Green Ledger Weekly: every climate deal, every Friday. Join 40,000 readers.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Solvane",
                    "seed",
                    "seed",
                    (8_000_000, "EUR"),
                    "2024-02-05",
                    [inv("Atlantico Ventures", True)],
                ),
                rnd(
                    "Carbonloop",
                    "series_a",
                    "Series A",
                    (12_000_000, "CAD"),
                    "2024-02-06",
                    [inv("Lakeshore Climate Fund", True), inv("Maple Row Capital")],
                ),
                rnd(
                    "Hydrafold",
                    "pre_a",
                    "pre-Series A",
                    (10_000_000, "AUD"),
                    "2024-02-07",
                    [inv("Southbank Ventures"), inv("Yarra Impact")],
                    usd=6_500_000,
                ),
            ],
        },
    },
    {
        "id": "en-kisanpay-series-b",
        "skin": "india",
        "lang": "en-IN",
        "published": "2024-02-20",
        "date_markup": {"json_ld": "2024-02-20T10:15:00+05:30"},
        "url": "https://dalalstreetdaily.example/startups/kisanpay-raises-rs-120-crore-series-b",
        "author": "Ritika Menon",
        "section": ["Startups", "Funding"],
        "title": "Agritech startup KisanPay raises Rs 120 crore in Series B led by Deccan Growth Fund",
        "dek": None,
        "paragraphs": [
            "Bengaluru-based agritech startup KisanPay has raised Rs 120 crore ($14.5 million) in its Series B "
            "funding round led by Deccan Growth Fund. Existing investors Konkan Ventures and Sahyadri Capital "
            "also participated in the round, the company said on Monday.",
            "KisanPay gives farmers short-term credit to buy seeds, fertiliser and crop protection from "
            "village retailers, and collects repayments after the harvest. It says it has lent to more than "
            "2.5 lakh farmers in Karnataka, Maharashtra and Telangana.",
            "The startup will use the fresh capital to expand to Madhya Pradesh and Rajasthan and to build a "
            "crop insurance product with a partner insurer.",
            "In 2021, KisanPay raised Rs 35 crore in a Series A round led by Konkan Ventures.",
            '"Small farmers are not a credit risk if you understand the crop cycle," said co-founder and CEO '
            "Arvind Kulkarni.",
        ],
        "noise": {
            "ticker": [
                "Sensex 73,057.40 +0.46%",
                "Nifty 22,196.95 +0.34%",
                "Gold ₹62,150 -0.2%",
                "USD/INR 82.97",
            ],
            "read_also": {0: "Fintech firm Paisaplus raises $8 million from Ganga Ventures"},
            "latest": [
                "EV maker Voltra raises Rs 200 crore in pre-IPO round",
                "Edtech startup Padhai bags $3 million seed funding",
                "Sensex ends higher as banks gain",
            ],
            "newsletter": "Subscribe to the Dalal Street Daily startup newsletter for the day's top funding "
            "news.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "KisanPay",
                    "series_b",
                    "Series B",
                    (1_200_000_000, "INR"),
                    "2024-02-19",
                    [inv("Deccan Growth Fund", True), inv("Konkan Ventures"), inv("Sahyadri Capital")],
                    usd=14_500_000,
                ),
                rnd(
                    "KisanPay",
                    "series_a",
                    "Series A",
                    (350_000_000, "INR"),
                    "2021",
                    [inv("Konkan Ventures", True)],
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "en-loomtide-seed-extension",
        "skin": "uktech",
        "lang": "en-GB",
        "published": "2023-11-30",
        "date_markup": {"time": "2023-11-30T11:04:00Z"},
        "url": "https://techwirenorth.example/news/loomtide-seed-extension",
        "author": "Beth Oduya",
        "section": ["News"],
        "title": "Leeds start-up Loomtide raises £6.5m seed extension for textile recycling",
        "dek": None,
        "paragraphs": [
            "Loomtide, which sorts used clothing by fibre type with infrared scanners, said on Wednesday it "
            "had raised £6.5m in a seed extension led by Pennine Ventures, with Aire Valley Capital and the "
            "Northern Thread Fund joining.",
            "Most textile recycling fails because garments are blends of cotton, polyester and elastane that "
            "cannot be separated by eye. Loomtide's machines read the fibre mix of each garment in under a "
            "second and send it to the right bale.",
            "The company's original £2m seed round, in 2022, was led by Aire Valley Capital.",
            "Founder Hannah Greaves said the new money would pay for a second sorting line in Bradford and for "
            "trials with two high-street retailers' take-back schemes.",
        ],
        "noise": {
            "popular": [
                "Sheffield's Forgebright raises £11m Series A",
                "Manchester proptech Keyhaven closes £4m round",
            ],
            "comments": [
                (
                    "northerner",
                    "Leeds keeps punching above its weight. Remember Dyewell's £3m round last year?",
                ),
                ("J. Patel", "Infrared sorting has been around for years; the hard part is the labels."),
            ],
            "sponsored": "Sponsored: Claim R&D tax relief on your software costs. Book a free call.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Loomtide",
                    "seed",
                    "seed extension",
                    (6_500_000, "GBP"),
                    "2023-11-29",
                    [inv("Pennine Ventures", True), inv("Aire Valley Capital"), inv("Northern Thread Fund")],
                ),
                rnd(
                    "Loomtide",
                    "seed",
                    "seed",
                    (2_000_000, "GBP"),
                    "2022",
                    [inv("Aire Valley Capital", True)],
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "en-mavuno-freight-pre-a",
        "skin": "africa",
        "lang": "en-KE",
        "published": "2024-06-11",
        "date_markup": {"meta": ("name", "pubdate", "2024-06-11T08:00:00+03:00")},
        "url": "https://savannatech.example/2024/06/11/mavuno-freight-pre-series-a/",
        "author": "Wanjiru Kamau",
        "section": ["Funding", "Logistics"],
        "title": "Kenyan logistics startup Mavuno Freight raises $9 million pre-Series A",
        "dek": None,
        "paragraphs": [
            "Nairobi-based Mavuno Freight, which matches farmers and traders with truck owners, has raised "
            "$9 million in a pre-Series A round co-led by Savanna Frontier Fund and Rift Capital.",
            "Kilimanjaro Angels Network and Jambo Ventures also took part in the round, which closed in May.",
            "Mavuno's app lets a trader book space on a truck that is already heading to a market, so that "
            "drivers do not return empty. The company says it moves about 12,000 tonnes of produce a month "
            "across Kenya, Uganda and Tanzania.",
            "The startup raised a $1.2 million seed round from Jambo Ventures in 2022. Chief executive Brian "
            "Otieno said the new money would fund cold storage hubs in Eldoret and Kisumu.",
        ],
        "noise": {
            "read_also": {1: "Egyptian fintech Nilepay secures $5 million seed"},
            "related": [
                "Lagos-based Cargolink raises $4 million from Harmattan Ventures",
                "Rwanda's Hillside Agro gets $2 million grant",
                "Zambian solar startup Kafue Power closes $7 million Series A",
            ],
            "podcast": "Listen: The Savanna Startups podcast, episode 88: inside the logistics boom.",
            "newsletter": "Join 25,000 founders and investors who read the Savanna Tech weekly.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Mavuno Freight",
                    "pre_a",
                    "pre-Series A",
                    (9_000_000, "USD"),
                    "2024-05",
                    [
                        inv("Savanna Frontier Fund", True),
                        inv("Rift Capital", True),
                        inv("Kilimanjaro Angels Network"),
                        inv("Jambo Ventures"),
                    ],
                    aliases=("Mavuno",),
                ),
                rnd(
                    "Mavuno Freight",
                    "seed",
                    "seed",
                    (1_200_000, "USD"),
                    "2022",
                    [inv("Jambo Ventures")],
                    aliases=("Mavuno",),
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "en-harrowgate-newsroom",
        "skin": "newsroom",
        "lang": "en-US",
        "published": "2024-10-15",
        "date_markup": {"meta": ("property", "article:published_time", "2024-10-15T12:00:00-04:00")},
        "url": "https://harrowgatehealth.example/newsroom/harrowgate-health-series-b",
        "author": None,
        "section": ["Newsroom"],
        "title": "Harrowgate Health announces $28 million Series B to expand home dialysis support",
        "dek": None,
        "paragraphs": [
            "BOSTON, October 15, 2024 -- Harrowgate Health, which helps patients with kidney failure carry out "
            "dialysis at home, today announced a $28 million Series B round led by Larchmont Health Partners, "
            "with participation from Cobble Hill Ventures and Bellweather Capital.",
            "Harrowgate pairs patients with remote nurses and uses connected dialysis machines to spot problems "
            "early. The company supports more than 1,800 patients in eight states.",
            '"Most patients who could dialyse at home never get the chance," said chief executive Dr. Naomi '
            'Feld. "We are changing that, one clinic at a time."',
            "The funding will be used to enter five more states and to hire 120 nurses.",
        ],
        "noise": {
            "latest": [
                "Harrowgate Health raises $9 million Series A led by Cobble Hill Ventures",
                "Harrowgate Health named to the 2023 Digital Health 50 list",
                "Harrowgate Health partners with Kestrel Kidney Centers",
            ],
            "newsletter": "Sign up for Harrowgate news and patient stories.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Harrowgate Health",
                    "series_b",
                    "Series B",
                    (28_000_000, "USD"),
                    "2024-10-15",
                    [
                        inv("Larchmont Health Partners", True),
                        inv("Cobble Hill Ventures"),
                        inv("Bellweather Capital"),
                    ],
                    aliases=("Harrowgate",),
                ),
            ],
        },
    },
    {
        "id": "de-kaltwerk-series-b",
        "skin": "de",
        "lang": "de-DE",
        "published": "2024-04-25",
        "date_markup": {"json_ld": "2024-04-25T06:30:00+02:00"},
        "url": "https://gruenderblatt.example/finanzierung/kaltwerk-series-b-30-millionen",
        "author": "Lena Vogt",
        "section": ["Start-ups", "Finanzierung"],
        "title": "Münchner Start-up Kaltwerk sammelt 30 Mio. Euro für Kältespeicher ein",
        "dek": None,
        "paragraphs": [
            "Das Münchner Start-up Kaltwerk GmbH hat in einer Series-B-Finanzierungsrunde 30 Mio. Euro "
            "eingesammelt. Angeführt wird die Runde von Isarwinkel Capital; außerdem beteiligen sich "
            "Alpenglüh Ventures und der Donau Klimafonds. Das teilte das Unternehmen am Mittwoch mit.",
            "Kaltwerk baut Kältespeicher für Supermärkte und Kühlhäuser: Die Anlagen frieren nachts, wenn "
            "Strom billig ist, Salzwasser ein und kühlen tagsüber mit der gespeicherten Kälte. Nach Angaben "
            "des Unternehmens sinken die Stromkosten der Kunden dadurch um bis zu 30 Prozent.",
            "Bereits 2022 hatte Kaltwerk in einer Series-A-Runde 8 Mio. Euro von Alpenglüh Ventures erhalten.",
            "Mit dem frischen Geld will Gründerin Sophie Brandl die Produktion in Freising ausbauen und in die "
            "Niederlande und nach Österreich expandieren.",
        ],
        "noise": {
            "read_also": {0: "Berliner Batterie-Start-up Voltkern erhält 15 Millionen Euro"},
            "related": [
                "Hamburger Logistik-Start-up Kairo sammelt 12 Mio. Euro ein",
                "Solarfirma Lichtfeld schließt Series A über 9 Mio. Euro ab",
            ],
            "jobs": ["Werkstudent (m/w/d) Redaktion, München", "Head of Sales (m/w/d) bei Frostwerk, Köln"],
            "newsletter": "Der Gründerblatt-Newsletter: jeden Morgen die wichtigsten Finanzierungsrunden. "
            "Jetzt kostenlos abonnieren.",
            "ad": "Anzeige: Jetzt Tagesgeld mit 3,5 % Zinsen sichern",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Kaltwerk GmbH",
                    "series_b",
                    "Series-B",
                    (30_000_000, "EUR"),
                    "2024-04-24",
                    [inv("Isarwinkel Capital", True), inv("Alpenglüh Ventures"), inv("Donau Klimafonds")],
                    aliases=("Kaltwerk",),
                ),
                rnd(
                    "Kaltwerk GmbH",
                    "series_a",
                    "Series-A",
                    (8_000_000, "EUR"),
                    "2022",
                    [inv("Alpenglüh Ventures")],
                    aliases=("Kaltwerk",),
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "es-mareas-tech-serie-a",
        "skin": "es",
        "lang": "es-ES",
        "published": "2023-09-14",
        "date_markup": {"meta": ("property", "article:published_time", "2023-09-14T07:00:00+02:00")},
        "url": "https://diarioemprende.example/financiacion/mareas-tech-ronda-serie-a",
        "author": "Carmen Ruiz",
        "section": ["Financiación"],
        "title": "La startup valenciana Mareas Tech cierra una ronda serie A de 10 millones de euros",
        "dek": None,
        "paragraphs": [
            "Mareas Tech, una startup de Valencia que fabrica boyas para medir la calidad del agua en puertos "
            "y piscifactorías, ha cerrado una ronda serie A de 10 millones de euros liderada por Albufera "
            "Capital, con la participación de Turia Ventures y Fondo Levante Innovación. La compañía lo "
            "anunció este martes.",
            "Las boyas de Mareas Tech miden cada diez minutos el oxígeno, la temperatura y la turbidez del "
            "agua y avisan a los operadores cuando algo cambia. La empresa tiene clientes en España, Portugal "
            "y Grecia.",
            "En 2021 levantó 1,5 millones de euros en una ronda semilla de Turia Ventures.",
            "Con el nuevo capital, la empresa contratará a 40 personas y abrirá una oficina en Oporto.",
        ],
        "noise": {
            "read_also": {0: "La granadina Olivia Robotics levanta 4 millones de euros"},
            "popular": [
                "Cuatro fondos que invierten en startups del mar",
                "La madrileña Pagafácil capta 20 millones de euros en su serie B",
            ],
            "comments": [
                ("Vicente", "Enhorabuena al equipo, gran noticia para Valencia."),
                ("Lucía M.", "¿Alguien sabe si siguen contratando ingenieros?"),
            ],
            "newsletter": "Suscríbete a nuestra newsletter y recibe cada mañana las rondas de financiación.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Mareas Tech",
                    "series_a",
                    "serie A",
                    (10_000_000, "EUR"),
                    "2023-09-12",
                    [
                        inv("Albufera Capital", True),
                        inv("Turia Ventures"),
                        inv("Fondo Levante Innovación"),
                    ],
                ),
                rnd(
                    "Mareas Tech",
                    "seed",
                    "ronda semilla",
                    (1_500_000, "EUR"),
                    "2021",
                    [inv("Turia Ventures")],
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "fr-vigneo-serie-a",
        "skin": "fr",
        "lang": "fr-FR",
        "published": "2024-03-28",
        "date_markup": {"meta": ("name", "DC.date.issued", "2024-03-28")},
        "url": "https://lejournaldesjeunespousses.example/levees/vigneo-15-millions",
        "author": "Julien Mercier",
        "section": ["Levées de fonds"],
        "title": "Vignéo lève 15 millions d'euros pour protéger les vignes du gel",
        "dek": None,
        "paragraphs": [
            "La start-up bordelaise Vignéo, qui conçoit des capteurs et des éoliennes mobiles pour protéger "
            "les vignes des gelées de printemps, a annoncé mardi une levée de fonds de 15 millions d'euros "
            "en série A, menée par Garonne Capital Partenaires, avec la participation de Médoc Innovation et "
            "de Gironde Venture.",
            "Ses capteurs mesurent la température au ras des bourgeons et déclenchent les éoliennes quand le "
            "risque de gel devient trop élevé. Plus de 300 domaines utilisent déjà le système, selon "
            "l'entreprise.",
            "Vignéo, fondée en 2020 par l'ingénieure agronome Claire Dufour, compte recruter 50 personnes et "
            "s'implanter en Bourgogne et en Champagne d'ici à la fin de l'année.",
        ],
        "noise": {
            "read_also": {0: "La nantaise Breizhpower lève 6 millions d'euros"},
            "popular": [
                "Agritech : les levées de fonds reculent au premier trimestre",
                "Vendanges Express lève 3 millions d'euros auprès de Rhône Angels",
            ],
            "jobs": ["Offre d'emploi : journaliste économie (H/F), Bordeaux"],
            "newsletter": "Inscrivez-vous à notre newsletter pour recevoir chaque jour les levées de fonds.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Vignéo",
                    "series_a",
                    "série A",
                    (15_000_000, "EUR"),
                    "2024-03-26",
                    [
                        inv("Garonne Capital Partenaires", True),
                        inv("Médoc Innovation"),
                        inv("Gironde Venture"),
                    ],
                ),
            ],
        },
    },
    {
        "id": "pt-feira-facil-serie-a",
        "skin": "pt",
        "lang": "pt-BR",
        "published": "2024-07-04",
        "date_markup": {"json_ld_graph": "2024-07-04T09:10:00-03:00"},
        "url": "https://startupsdobrasil.example/2024/07/04/feira-facil-serie-a/",
        "author": "Rafael Moura",
        "section": ["Investimentos"],
        "title": "Feira Fácil capta R$ 60 milhões em rodada Série A liderada pela Ipanema Ventures",
        "dek": None,
        "paragraphs": [
            "A Feira Fácil, startup paulistana que conecta feirantes a restaurantes, captou R$ 60 milhões "
            "(cerca de US$ 11 milhões) em uma rodada Série A liderada pela Ipanema Ventures. Participaram "
            "também a Jabuticaba Capital e a Serra Azul Investimentos. O anúncio foi feito nesta terça-feira.",
            "A plataforma permite que restaurantes comprem frutas, verduras e peixes direto de feirantes, com "
            "entrega no dia seguinte. Segundo a empresa, mais de 4 mil restaurantes usam o serviço em São "
            "Paulo e Campinas.",
            "Em 2022, a empresa havia levantado R$ 8 milhões em uma rodada seed com a Jabuticaba Capital.",
            "Os recursos serão usados para chegar ao Rio de Janeiro e a Belo Horizonte ainda este ano.",
        ],
        "noise": {
            "read_also": {1: "Fintech mineira Caixinha capta R$ 25 milhões"},
            "popular": [
                "As 10 startups de agro mais promissoras de 2024",
                "Logtech Carreta Já recebe aporte de R$ 15 milhões",
            ],
            "jobs": ["Vagas: Feira Fácil contrata engenheiro de dados sênior"],
            "newsletter": "Assine a newsletter do Startups do Brasil e receba as rodadas da semana.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Feira Fácil",
                    "series_a",
                    "Série A",
                    (60_000_000, "BRL"),
                    "2024-07-02",
                    [
                        inv("Ipanema Ventures", True),
                        inv("Jabuticaba Capital"),
                        inv("Serra Azul Investimentos"),
                    ],
                    usd=11_000_000,
                ),
                rnd(
                    "Feira Fácil",
                    "seed",
                    "seed",
                    (8_000_000, "BRL"),
                    "2022",
                    [inv("Jabuticaba Capital")],
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "id-panenku-laut-seri-a",
        "skin": "id",
        "lang": "id-ID",
        "published": "2023-11-09",
        "date_markup": {"meta": ("name", "publishdate", "2023-11-09 10:30:00")},
        "url": "https://kabarstartup.example/pendanaan/panenku-laut-seri-a",
        "author": "Dewi Lestari",
        "section": ["Pendanaan"],
        "title": "Startup perikanan Panenku Laut raih pendanaan Seri A Rp 200 miliar",
        "dek": None,
        "paragraphs": [
            "Startup perikanan Panenku Laut mengumumkan perolehan pendanaan Seri A senilai Rp 200 miliar "
            "(sekitar US$12,8 juta) pada Selasa. Putaran ini dipimpin oleh Nusantara Biru Capital, dengan "
            "partisipasi Selat Ventures dan Teluk Kapital.",
            "Panenku Laut menyediakan pakan, bibit udang, dan sensor kualitas air bagi petambak di Jawa Timur "
            "dan Sulawesi Selatan, lalu membeli hasil panen mereka untuk dijual ke eksportir.",
            "Sebelumnya, pada 2022, Panenku Laut meraih pendanaan seed senilai US$2 juta dari Selat Ventures.",
            "Dana segar ini akan digunakan untuk membangun gudang pendingin di Makassar dan Banyuwangi.",
        ],
        "noise": {
            "read_also": {
                0: "Startup logistik Kirimin raih US$5 juta dari Borneo Ventures",
                2: "Investor asing makin rajin danai startup agrikultur",
            },
            "related": ["Aplikasi pertanian Tanamin dapat pendanaan awal Rp 30 miliar"],
            "popular": ["Harga udang ekspor naik 8 persen", "Bank Kartika kucurkan kredit Rp 1 triliun"],
            "ad": "Iklan: Buka rekening digital dalam 5 menit",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Panenku Laut",
                    "series_a",
                    "Seri A",
                    (200_000_000_000, "IDR"),
                    "2023-11-07",
                    [inv("Nusantara Biru Capital", True), inv("Selat Ventures"), inv("Teluk Kapital")],
                    usd=12_800_000,
                ),
                rnd(
                    "Panenku Laut",
                    "seed",
                    "seed",
                    (2_000_000, "USD"),
                    "2022",
                    [inv("Selat Ventures")],
                    primary=False,
                ),
            ],
        },
    },
    # -- Held out: written after the furniture rules were fixed, to see how they do on structures they
    # were not shaped on (benchmarks/html_extraction.py reports these pages apart).
    {
        "id": "en-lumenfold-seed-newsletter",
        "skin": "substack",
        "holdout": True,
        "lang": None,  # the page declares no language
        "published": "2024-11-14",
        "date_markup": {"json_ld": "2024-11-14T13:05:00+00:00"},
        "url": "https://deeptechdispatch.example/p/lumenfold-seed",
        "author": "Iris Calloway",
        "section": ["Dispatch"],
        "title": "Lumenfold's $12 million seed, and what it says about photonic chips",
        "dek": "A Cambridge spin-out bets that light, not electrons, will move data between AI chips.",
        "paragraphs": [
            "Lumenfold, a spin-out from a Cambridge photonics lab, told me on Tuesday that it has closed a "
            "$12 million seed round led by Quarrel Capital. Fenwick Deep Tech and Osier Ventures joined the "
            "round.",
            "The company makes optical links that sit beside AI accelerators and move data between them as "
            "light. Its pitch is power: it claims its links use a fifth of the energy of copper ones at the "
            "same speed.",
            "That is a crowded corner of the market, and the round is large for a seed. But the founders, "
            "Tamsin Reeve and Oluwaseun Adeyemi, have a working prototype and a design partnership with a "
            "chip maker they would not name.",
            "My read: investors are paying up for anything that eases the power bottleneck in data centres. "
            "Expect more rounds like this one before the year is out.",
        ],
        "noise": {
            "subscribe": "Subscribe now",
            "related": ["Last week: why Voltaic Labs' $30 million Series A was a bargain"],
            "comments": [
                ("Nadia", "Good piece. Brightlane raised $6 million for almost the same idea last spring."),
            ],
            "newsletter": "Deep Tech Dispatch is a reader-supported publication. To receive new posts and "
            "support my work, consider becoming a free or paid subscriber.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Lumenfold",
                    "seed",
                    "seed",
                    (12_000_000, "USD"),
                    "2024-11-12",
                    [inv("Quarrel Capital", True), inv("Fenwick Deep Tech"), inv("Osier Ventures")],
                ),
            ],
        },
    },
    {
        "id": "en-pebblecart-ghost-blog",
        "skin": "ghost",
        "holdout": True,
        "lang": "en",
        "published": "2024-06-20",
        "date_markup": {"time": "2024-06-20"},
        "url": "https://retailwire.example/pebblecart-series-a/",
        "author": "Owen Hart",
        "section": ["Retail"],
        "title": "Pebblecart raises $2.8 million to put smart carts in corner shops",
        "dek": None,
        "paragraphs": [
            "Pebblecart, a Glasgow start-up that rents smart shopping carts to small grocers, has raised "
            "$2.8 million in a round led by Clydeside Ventures, with participation from Thistle Angels "
            "Syndicate. The company announced the funding on Monday.",
            "The carts weigh and scan items as shoppers drop them in, so customers can pay on the cart and "
            "skip the till. Pebblecart charges shops a monthly fee per cart rather than selling them outright.",
            "The company raised $750,000 from Thistle Angels Syndicate in 2023. It now has carts in 45 shops "
            "and plans to reach 300 by the end of next year.",
        ],
        "noise": {
            "cards": [
                "Basketly raises $4 million for grocery delivery lockers",
                "Why self-checkout is coming to small shops",
                "Tillfree lands $9 million Series A from Harbourside Capital",
            ],
            "newsletter": "Sign up for more like this. Enter your email and we will send you the week's "
            "retail tech news.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Pebblecart",
                    "unknown",
                    None,
                    (2_800_000, "USD"),
                    "2024-06-17",
                    [inv("Clydeside Ventures", True), inv("Thistle Angels Syndicate")],
                ),
                rnd(
                    "Pebblecart",
                    "unknown",
                    None,
                    (750_000, "USD"),
                    "2023",
                    [inv("Thistle Angels Syndicate")],
                    primary=False,
                ),
            ],
        },
    },
    {
        "id": "es-cosecha-viva-serie-a-mx",
        "skin": "mx",
        "holdout": True,
        "lang": "es-MX",
        "published": "2023-12-07",
        "date_markup": {"json_ld": "2023-12-07T08:45:00-06:00"},
        "url": "https://negociosalamano.example/startups/cosecha-viva-serie-a",
        "author": "Andrea Salinas",
        "section": ["Startups"],
        "title": "Cosecha Viva levanta 4 millones de dólares para financiar a productores de aguacate",
        "dek": None,
        "paragraphs": [
            "La agrofintech tapatía Cosecha Viva levantó 4 millones de dólares en una ronda serie A liderada "
            "por Jalisco Agro Capital. También participaron Fondo Mezquite y Bajío Ventures, informó la "
            "empresa este martes.",
            "Cosecha Viva adelanta dinero a pequeños productores de aguacate y limón a cambio de una parte de "
            "la cosecha, que luego vende a empacadoras de exportación.",
            "Con los recursos, la startup planea llegar a Michoacán y Veracruz y duplicar su plantilla en "
            "2024.",
        ],
        "noise": {
            "also": {0: "Kuali Pagos obtiene 150 millones de pesos para créditos a tenderos"},
            "popular": [
                "Las 10 agrofintech que hay que seguir en 2024",
                "Mercado Semilla recauda 2 millones de dólares de Fondo Nopal",
            ],
            "newsletter": "Recibe en tu correo las noticias de startups de la semana. ¡Suscríbete gratis!",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Cosecha Viva",
                    "series_a",
                    "serie A",
                    (4_000_000, "USD"),
                    "2023-12-05",
                    [inv("Jalisco Agro Capital", True), inv("Fondo Mezquite"), inv("Bajío Ventures")],
                ),
            ],
        },
    },
    {
        "id": "de-gleisblick-seed-regional",
        "skin": "regional_de",
        "holdout": True,
        "lang": "de",
        "published": "2024-09-12",
        "date_markup": {"meta": ("name", "date", "2024-09-12T10:15:00+02:00")},
        "url": "https://rheinkurier.example/wirtschaft/gleisblick-finanzierung",
        "author": "Jonas Becker",
        "section": ["Wirtschaft"],
        "title": "Kölner Start-up Gleisblick erhält 5,5 Millionen Euro",
        "dek": None,
        "paragraphs": [
            "Das Kölner Start-up Gleisblick hat in einer Seed-Runde 5,5 Millionen Euro eingesammelt. "
            "Angeführt wurde die Finanzierung von Domplatte Ventures, beteiligt sind außerdem Rheinau Capital "
            "und die NRW Gründerbank. Das gab das Unternehmen am Dienstag bekannt.",
            "Gleisblick montiert Kameras an Regionalzügen, die während der Fahrt Schäden an Schienen und "
            "Oberleitungen erkennen. Bahnbetreiber sollen so Wartungsarbeiten früher planen können.",
            "Mit dem Geld will das Team um Gründerin Miriam Asante die Zahl der Mitarbeitenden auf 40 "
            "verdoppeln.",
        ],
        "noise": {
            "river": [
                "Düsseldorfer Fintech Zahlwerk sammelt 20 Millionen Euro ein",
                "Bonner Start-up Lernfuchs erhält Förderung über 1 Million Euro",
                "Stau auf der A3: Sperrung am Wochenende",
                "Leverkusener Chemiepark investiert in Solarstrom",
            ],
            "ad": "ANZEIGE: Jetzt Girokonto eröffnen und 100 Euro Prämie sichern",
            "newsletter": "Morgens informiert: Der Rheinkurier-Newsletter kommt jeden Tag um 6 Uhr.",
        },
        "gold": {
            "is_funding_news": True,
            "rounds": [
                rnd(
                    "Gleisblick",
                    "seed",
                    "Seed",
                    (5_500_000, "EUR"),
                    "2024-09-10",
                    [inv("Domplatte Ventures", True), inv("Rheinau Capital"), inv("NRW Gründerbank")],
                ),
            ],
        },
    },
]
