"""Money as funding news writes it: a table of surface forms, context resolution, and refusals."""

from decimal import Decimal

import pytest

from extractor.parsing.money import MoneyParseError, ParsedMoney, dollar_currency, find_money, parse_money
from schemas.currencies import ISO_4217

# (surface form, exact value, ISO code): English, then Portuguese, Spanish, German, French, Italian,
# Indonesian, Chinese, Japanese, Korean, Vietnamese, Polish, Scandinavian.
FORMS = [
    ("$12.5M", "12500000", "USD"), ("US$ 3 mn", "3000000", "USD"), ("USD 40 million", "40000000", "USD"),
    ("€20m", "20000000", "EUR"), ("£14m", "14000000", "GBP"), ("1.8 billion yuan", "1800000000", "CNY"),
    ("RMB 3bn", "3000000000", "CNY"), ("Rmb3bn", "3000000000", "CNY"), ("Rs 300 crore", "3000000000", "INR"),
    ("₹25 crore", "250000000", "INR"), ("Rs 2.5 lakh", "250000", "INR"), ("200bn won", "200000000000", "KRW"),
    ("JPY 480m", "480000000", "JPY"), ("S$8.5m", "8500000", "SGD"), ("half a billion dollars", "500000000", "USD"),
    ("$1.2bn", "1200000000", "USD"), ("1,002 crore", "10020000000", "INR"), ("Rs 1,002 crore", "10020000000", "INR"),
    ("3 million US dollars", "3000000", "USD"), ("USD 530 million", "530000000", "USD"),
    ("$120 Mn", "120000000", "USD"), ("₹851.7 crore", "8517000000", "INR"), ("£32 million", "32000000", "GBP"),
    ("50 crore rupees", "500000000", "INR"), ("₩30 billion", "30000000000", "KRW"),
    ("10 lakh rupees", "1000000", "INR"), ("$2.5bn", "2500000000", "USD"), ("$750k", "750000", "USD"),
    ("$750K", "750000", "USD"), ("US$1.5 billion", "1500000000", "USD"), ("USD1.5bn", "1500000000", "USD"),
    ("$ 3 million", "3000000", "USD"), ("1.5 million euros", "1500000", "EUR"), ("€ 20 M", "20000000", "EUR"),
    ("£1.2m", "1200000", "GBP"), ("£600k", "600000", "GBP"), ("sixty million dollars", "60000000", "USD"),
    ("a million dollars", "1000000", "USD"), ("twenty-five million dollars", "25000000", "USD"),
    ("two hundred million dollars", "200000000", "USD"), ("one and a half billion dollars", "1500000000", "USD"),
    ("twelve million pounds", "12000000", "GBP"), ("NGN 500 million", "500000000", "NGN"),
    ("₦500m", "500000000", "NGN"), ("KES 100 million", "100000000", "KES"), ("ZAR 50m", "50000000", "ZAR"),
    ("AED 10 million", "10000000", "AED"), ("SAR 75m", "75000000", "SAR"), ("EGP 100 million", "100000000", "EGP"),
    ("TRY 20m", "20000000", "TRY"), ("THB 300 million", "300000000", "THB"), ("PHP 100 million", "100000000", "PHP"),
    ("MYR 10m", "10000000", "MYR"), ("RM10 million", "10000000", "MYR"), ("NT$100 million", "100000000", "TWD"),
    ("Rs 50 lakh", "5000000", "INR"), ("Rs. 10 Cr", "100000000", "INR"), ("INR 100 Cr", "1000000000", "INR"),
    ("HK$500m", "500000000", "HKD"), ("A$10 million", "10000000", "AUD"), ("C$7m", "7000000", "CAD"),
    ("NZ$2m", "2000000", "NZD"), ("CHF 15 million", "15000000", "CHF"), ("SEK 200 million", "200000000", "SEK"),
    ("$1.5 trillion", "1500000000000", "USD"), ("$3.5-million", "3500000", "USD"), ("$5mm", "5000000", "USD"),
    ("5-million-dollar", "5000000", "USD"),
    ("US $5 million", "5000000", "USD"), ("5 million USD", "5000000", "USD"), ("$500,000", "500000", "USD"),
    ("Rs 1,00,000", "100000", "INR"), ("Rs 1 lakh crore", "1000000000000", "INR"),
    ("10 million Swiss francs", "10000000", "CHF"), ("5 million Singapore dollars", "5000000", "SGD"),
    ("about 1 billion yuan", "1000000000", "CNY"), ("(~$6.1M)", "6100000", "USD"),
    ("more than $72 million", "72000000", "USD"), ("$10m+", "10000000", "USD"), ("over £5m", "5000000", "GBP"),
    ("$1.250 billion", "1250000000", "USD"), ("$640.000", "640000", "USD"),
    # Portuguese
    ("R$ 3 milhões", "3000000", "BRL"), ("R$ 3,5 milhões", "3500000", "BRL"), ("R$ 1 bilhão", "1000000000", "BRL"),
    ("R$ 40 mi", "40000000", "BRL"), ("R$ 1,5 bi", "1500000000", "BRL"), ("R$ 500 mil", "500000", "BRL"),
    ("5 milhões de reais", "5000000", "BRL"),
    # Spanish
    ("10 millones de dólares", "10000000", "USD"), ("5 millones de euros", "5000000", "EUR"),
    ("MXN 200 millones", "200000000", "MXN"), ("30 millones de pesos mexicanos", "30000000", "MXN"),
    ("US$ 2,5 millones", "2500000", "USD"), ("30 millones de reales", "30000000", "BRL"),
    ("1,300 mdd", "1300000000", "USD"), ("86.5 mdd", "86500000", "USD"), ("200 mdp", "200000000", "MXN"),
    ("u$s 2500 millones", "2500000000", "USD"), ("U$S 3 millones", "3000000", "USD"),
    # Latin American thousands comma with dollars or pesos; Spain's decimal comma with euros
    ("US$ 2,000 millones", "2000000000", "USD"), ("1,520 millones de dólares", "1520000000", "USD"),
    ("1,250 millones de euros", "1250000", "EUR"), ("1.000 millones de dólares", "1000000000", "USD"),
    # German
    ("€1,5 Mio.", "1500000", "EUR"), ("€4,2 Millionen", "4200000", "EUR"), ("3,5 Mio. €", "3500000", "EUR"),
    ("3 Milliarden Euro", "3000000000", "EUR"), ("15 Millionen Franken", "15000000", "CHF"),
    ("145 Millionen Britische Pfund", "145000000", "GBP"), ("30 Mio. Pfund", "30000000", "GBP"),
    ("14 Mill. Dollar", "14000000", "USD"),
    ("€1.000.000", "1000000", "EUR"), ("2,3 Mrd. Euro", "2300000000", "EUR"),
    ("sechs Millionen Euro", "6000000", "EUR"), ("eine Milliarde Euro", "1000000000", "EUR"),
    ("zwölf Millionen Franken", "12000000", "CHF"), ("100'000 Franken", "100000", "CHF"),
    ("CHF 2’500’000", "2500000", "CHF"), ("25-Millionen-Euro", "25000000", "EUR"),
    # French
    ("2,5 millions d'euros", "2500000", "EUR"), ("12 millions d’euros", "12000000", "EUR"),
    ("1 milliard d'euros", "1000000000", "EUR"), ("20 M€", "20000000", "EUR"), ("1 500 000 €", "1500000", "EUR"),
    ("85 millions d'euro", "85000000", "EUR"),
    # Latin American codes written with the dollar sign
    ("CDN$4.5 million", "4500000", "CAD"), ("$US 17.5 million", "17500000", "USD"),
    ("MXN$2.500 millones", "2500000000", "MXN"), ("COP$ 3.000 millones", "3000000000", "COP"),
    ("CLP$500 millones", "500000000", "CLP"),
    # Italian
    ("4,5 milioni di euro", "4500000", "EUR"), ("3 miliardi di euro", "3000000000", "EUR"),
    ("800mila euro", "800000", "EUR"), ("250 mila euro", "250000", "EUR"),
    # Indonesian
    ("Rp 50 miliar", "50000000000", "IDR"), ("Rp 2 triliun", "2000000000000", "IDR"),
    ("Rp 500 juta", "500000000", "IDR"), ("Rp 1,5 triliun", "1500000000000", "IDR"),
    ("Rp28 M", "28000000000", "IDR"), ("1 miliar dolar Amerika Serikat", "1000000000", "USD"),
    ("30 juta dolar AS", "30000000", "USD"),
    # Chinese, Japanese, Korean
    ("5000万元", "50000000", "CNY"), ("1.2亿元", "120000000", "CNY"), ("3亿元人民币", "300000000", "CNY"),
    ("5000万美元", "50000000", "USD"), ("人民币5000万元", "50000000", "CNY"), ("2億円", "200000000", "JPY"),
    ("5,000万円", "50000000", "JPY"), ("1億ドル", "100000000", "USD"), ("30억 원", "3000000000", "KRW"),
    ("10억원", "1000000000", "KRW"), ("3조 원", "3000000000000", "KRW"), ("1억5000만원", "150000000", "KRW"),
    ("500억 달러", "50000000000", "USD"),
    ("十亿元", "1000000000", "CNY"), ("两亿美元", "200000000", "USD"), ("三千万元", "30000000", "CNY"),
    ("二十五亿元", "2500000000", "CNY"),
    # Vietnamese, Polish, Turkish, Scandinavian
    ("VND 50 tỷ", "50000000000", "VND"), ("50 tỷ đồng", "50000000000", "VND"), ("PLN 8 mln", "8000000", "PLN"),
    ("8 mln zł", "8000000", "PLN"), ("20 milyon TL", "20000000", "TRY"), ("50 miljoner kronor", "50000000", "SEK"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "currency"), FORMS, ids=[f[0] for f in FORMS])
def test_surface_forms(text, value, currency):
    parsed = parse_money(text)
    assert (parsed.value, parsed.currency, parsed.ambiguous) == (Decimal(value), currency, ())
    assert text[parsed.start : parsed.end] == parsed.text


def test_the_table_is_wide():
    assert len(FORMS) >= 70
    assert len({c for _, _, c in FORMS}) >= 30
    assert {c for _, _, c in FORMS} <= ISO_4217


def test_values_are_exact_decimals():
    parsed = parse_money("1.8 billion yuan")
    assert isinstance(parsed.value, Decimal) and str(parsed.value) == "1800000000"
    assert str(parse_money("$2.35m").value) == "2350000"
    assert str(parse_money("$0.5m").value) == "500000"
    assert str(parse_money("€2.75").value) == "2.75"


def test_to_json_prints_integral_values_as_integers():
    assert parse_money("Rs 300 crore").to_json() == {
        "value": 3000000000, "currency": "INR", "text": "Rs 300 crore", "start": 0, "end": 12, "ambiguous": [],
    }  # fmt: skip
    assert parse_money("€2.75").to_json()["value"] == 2.75
    assert parse_money("¥5bn").to_json()["ambiguous"] == ["CNY", "JPY"]


@pytest.mark.parametrize(
    ("text", "context", "currency", "ambiguous"),
    [
        ("¥5bn", None, None, ("CNY", "JPY")),
        ("¥5bn", "The Beijing startup raised ¥5bn, or 5 billion yuan.", "CNY", ()),
        ("¥5bn", "The Tokyo startup raised ¥5bn in yen terms.", "JPY", ()),
        ("¥5bn", "A Chinese rival of the Tokyo firm raised ¥5bn, worth 700 million yuan.", "CNY", ()),
        ("kr 50 millioner", None, None, ("SEK", "NOK", "DKK")),
        ("kr 50 millioner", "The Oslo fintech raised kr 50 millioner from Norwegian funds.", "NOK", ()),
        ("kr 50 millioner", "Copenhagen-based Lunar raised kr 50 millioner.", "DKK", ()),
        ("$8.5m", "Singapore's Volta has announced $8.5m (US$6.3m) in funding.", "SGD", ()),
        ("$8.5m", "Singapore's Volta raised $8.5m from investors.", "USD", ()),
        ("$40m", "Sydney-based Kite raised $40m (about US$26m).", "AUD", ()),
        ("$40m", "Kite raised $40m (US$26m).", None, ("SGD", "AUD", "CAD", "HKD", "NZD", "TWD")),
        ("R50 million", "The Cape Town startup in South Africa raised R50 million.", "ZAR", ()),
        ("R50 million", None, None, ("ZAR", "BRL")),
        ("N2.5 billion", "The Lagos fintech raised N2.5 billion.", "NGN", ()),
        ("N2.5 billion", None, None, ("NGN",)),
        ("Rs 50 crore", "The Karachi startup raised Rs 50 crore from Pakistani funds.", "PKR", ()),
        ("Rs 50 crore", "The Mumbai startup raised Rs 50 crore.", "INR", ()),
        (
            "200 millones de pesos",
            "La fintech mexicana, con sede en México, planea llegar a Colombia.",
            "MXN",
            (),
        ),
        ("200 millones de pesos", None, None, ("MXN", "ARS", "COP", "CLP", "PHP")),
        ("10 million shillings", "Nairobi's Pesa raised 10 million shillings.", "KES", ()),
        ("Sh13 million", "The Kenyan startup raised Sh13 million in Nairobi.", "KES", ()),
        ("Sh13 million", None, None, ("KES", "UGX", "TZS")),
    ],
)
def test_ambiguous_symbols_are_resolved_from_context_or_reported(text, context, currency, ambiguous):
    parsed = parse_money(text, context=context)
    assert (parsed.currency, parsed.ambiguous) == (currency, ambiguous)


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("Kuala Lumpur: Hexa raised $3m.", "USD"),
        ("Singapore-based Volta raised $8.5m (US$6.3m) in seed funding.", "SGD"),
        ("Singapore-based Volta raised $8.5m from GGV.", "USD"),
        ("Hong Kong's Lumen raised $40m (US$5.1m) in Series A.", "HKD"),
        ("Lumen raised HK$40m (US$5.1m); its rival raised $10m (US$1.3m).", "HKD"),
        ("The Australian firm raised A$10 million ($6.5 million).", "USD"),
        ("All figures are in Singapore dollars. Volta raised $8.5m.", "SGD"),
        ("It raised $40m (US$5.1m), it said.", None),
    ],
)
def test_dollar_currency_needs_a_local_gloss_or_declaration(article, expected):
    assert dollar_currency(article) == expected


ARTICLE = (
    "Founded in 2015, Volta now serves 30 provinces, holds an 82.8 per cent share and grew 20% last year. "
    "It raised 1.8 billion yuan ($254 million) on 12 June, its 3rd round; call +1 415 555 0100 for details. "
    "A Series A of $5-10 million had been expected. It previously raised a €2 million seed round, and "
    "its Indian arm handled 19.3 lakh rides a day after raising Rs 1,002 crore in 2021. "
    "Its Korean unit raised 30억 원, and a Nokia N95 was on display."
)


def test_find_money_gives_offsets_and_skips_non_money():
    found = find_money(ARTICLE)
    assert [(m.text, str(m.value), m.currency) for m in found] == [
        ("1.8 billion yuan", "1800000000", "CNY"),
        ("$254 million", "254000000", "USD"),
        ("€2 million", "2000000", "EUR"),
        ("Rs 1,002 crore", "10020000000", "INR"),
        ("30억 원", "3000000000", "KRW"),
    ]
    assert all(isinstance(m, ParsedMoney) and ARTICLE[m.start : m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_find_money_reads_local_dollars_in_a_singapore_story():
    article = (
        "Singapore's Volta has announced $8.5m (US$6.3m) in new funding. It raised $2m (US$1.5m) in 2021."
    )
    found = find_money(article)
    assert [(m.text, m.currency) for m in found] == [
        ("$8.5m", "SGD"), ("US$6.3m", "USD"), ("$2m", "SGD"), ("US$1.5m", "USD"),
    ]  # fmt: skip
    assert all(article[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    "text",
    ["in 2019", "the year 2020", "30 provinces", "82.8 per cent", "20%", "its 3rd round", "+1 415 555 0100",
     "20 million users", "19.3 lakh rides", "a Nokia N95", "PHP 8 is out", "TOP 10 startups", "3 won the prize",
     "a billion-dollar valuation", "50 millones de personas", "1000万人", "sechs Millionen Nutzer",
     "she raised 13 million", "Sh13 users", "elf Tage", "数亿元", "一万名员工", "McDonald's 500 stores"],
)  # fmt: skip
def test_numbers_that_are_not_money_are_not_found(text):
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("", "no amount of money in ''"), ("   ", "empty"), ("hello", "no amount of money in 'hello'"),
     ("30 provinces", "'30 provinces'"), ("$", "no amount of money in '\\$'"), ("in 2019", "no amount"),
     ("82.8 per cent", "no amount"), ("$5m and €3m", "2 different amounts"),
     ("€5.2 million (~$6.1M)", "different amounts"), ("$5-10 million", "range"),
     ("The company raised $5 million from Sequoia to expand into Europe", "more than an amount")],
)  # fmt: skip
def test_refusals_name_the_input(text, fragment):
    with pytest.raises(MoneyParseError, match=fragment):
        parse_money(text)


def test_the_same_amount_twice_is_one_amount():
    assert parse_money("$5m ($5m)").value == Decimal(5000000)


def test_parse_money_offsets_are_into_its_text():
    parsed = parse_money("about $12.5M", context="Tokyo: the firm raised about $12.5M.")
    assert (parsed.text, parsed.start, parsed.end) == ("$12.5M", 6, 12)


def test_money_command_prints_json_or_a_clear_error(capsys):
    from extractor.cli import main

    assert main(["money", "Rs 300 crore"]) == 0
    out = capsys.readouterr().out
    assert '"value": 3000000000' in out and '"currency": "INR"' in out
    assert main(["money", "no money here"]) == 1
    assert "no amount of money" in capsys.readouterr().out


def test_a_chinese_amount_runs_straight_into_its_round_label():
    # "完成5亿元B轮融资": Chinese writes no space between the currency and a Latin round letter.
    assert [(m.text, m.value, m.currency) for m in find_money("完成5亿元B轮融资")] == [
        ("5亿元", Decimal("500000000"), "CNY")
    ]
    assert find_money("raised 5 USDB") == []  # a Latin code still needs its word boundary
