"""Money as funding news writes it: a table of surface forms, context resolution, and refusals."""

from decimal import Decimal

import pytest

from extractor.money import MoneyParseError, dollar_currency, find_money, parse_money

FORMS = [
    ("$12.5M", "12500000", "USD"), ("US$ 3 mn", "3000000", "USD"), ("USD 40 million", "40000000", "USD"),
    ("€20m", "20000000", "EUR"), ("£14m", "14000000", "GBP"), ("1.8 billion yuan", "1800000000", "CNY"),
    ("RMB 3bn", "3000000000", "CNY"), ("Rs 300 crore", "3000000000", "INR"), ("₹25 crore", "250000000", "INR"),
    ("Rs 2.5 lakh", "250000", "INR"), ("200bn won", "200000000000", "KRW"), ("JPY 480m", "480000000", "JPY"),
    ("S$8.5m", "8500000", "SGD"), ("R$ 3 milhões", "3000000", "BRL"), ("Rp 50 miliar", "50000000000", "IDR"),
    ("half a billion dollars", "500000000", "USD"), ("$1.2bn", "1200000000", "USD"),
    ("1,002 crore", "10020000000", "INR"), ("3 million US dollars", "3000000", "USD"),
    ("USD 530 million", "530000000", "USD"), ("$120 Mn", "120000000", "USD"),
    ("Rs 8,517 crore", "85170000000", "INR"), ("₹851.7 crore", "8517000000", "INR"),
    ("€1,5 Mio.", "1500000", "EUR"), ("2,5 millions d'euros", "2500000", "EUR"),
    ("10 millones de dólares", "10000000", "USD"), ("5 millones de euros", "5000000", "EUR"),
    ("R$ 3,5 milhões", "3500000", "BRL"), ("R$ 1 bilhão", "1000000000", "BRL"),
    ("Rp 2 triliun", "2000000000000", "IDR"), ("50 crore rupees", "500000000", "INR"),
    ("₩30 billion", "30000000000", "KRW"), ("30억 원", "3000000000", "KRW"), ("5000万元", "50000000", "CNY"),
    ("1.2亿元", "120000000", "CNY"), ("2億円", "200000000", "JPY"), ("10 lakh rupees", "1000000", "INR"),
    ("$2.5bn", "2500000000", "USD"), ("$750k", "750000", "USD"), ("$750K", "750000", "USD"),
    ("US$1.5 billion", "1500000000", "USD"), ("USD1.5bn", "1500000000", "USD"), ("$ 3 million", "3000000", "USD"),
    ("1.5 million euros", "1500000", "EUR"), ("€ 20 M", "20000000", "EUR"), ("£1.2m", "1200000", "GBP"),
    ("£600k", "600000", "GBP"), ("sixty million dollars", "60000000", "USD"), ("a million dollars", "1000000", "USD"),
    ("NGN 500 million", "500000000", "NGN"), ("₦500m", "500000000", "NGN"), ("KES 100 million", "100000000", "KES"),
    ("ZAR 50m", "50000000", "ZAR"), ("MXN 200 millones", "200000000", "MXN"), ("AED 10 million", "10000000", "AED"),
    ("SAR 75m", "75000000", "SAR"), ("EGP 100 million", "100000000", "EGP"), ("TRY 20m", "20000000", "TRY"),
    ("PLN 8 mln", "8000000", "PLN"), ("THB 300 million", "300000000", "THB"), ("PHP 100 million", "100000000", "PHP"),
    ("MYR 10m", "10000000", "MYR"), ("RM10 million", "10000000", "MYR"), ("NT$100 million", "100000000", "TWD"),
    ("Rs 50 lakh", "5000000", "INR"), ("Rs. 10 Cr", "100000000", "INR"), ("INR 100 Cr", "1000000000", "INR"),
    ("HK$500m", "500000000", "HKD"), ("A$10 million", "10000000", "AUD"), ("C$7m", "7000000", "CAD"),
    ("NZ$2m", "2000000", "NZD"), ("CHF 15 million", "15000000", "CHF"), ("SEK 200 million", "200000000", "SEK"),
    ("about 1 billion yuan", "1000000000", "CNY"), ("(~$6.1M)", "6100000", "USD"), ("more than $72 million", "72000000", "USD"),
    ("€4,2 Millionen", "4200000", "EUR"), ("Rp 500 juta", "500000000", "IDR"), ("3 million euro", "3000000", "EUR"),
    ("R$ 40 mi", "40000000", "BRL"), ("R$ 1,5 bi", "1500000000", "BRL"), ("12 millions d’euros", "12000000", "EUR"),
    ("30 millones de reales", "30000000", "BRL"), ("10 million Swiss francs", "10000000", "CHF"),
    ("3,5 Mio. €", "3500000", "EUR"), ("20 M€", "20000000", "EUR"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "currency"), FORMS, ids=[f[0] for f in FORMS])
def test_surface_forms(text, value, currency):
    parsed = parse_money(text)
    assert (parsed.value, parsed.currency) == (Decimal(value), currency)


def test_the_table_is_wide():
    assert len(FORMS) >= 60
    assert len({c for _, _, c in FORMS}) >= 25


def test_values_are_exact_decimals():
    assert parse_money("1.8 billion yuan").value == Decimal(1800000000)
    assert str(parse_money("$2.35m").value) == "2350000"


@pytest.mark.parametrize(
    ("text", "context", "currency", "ambiguous"),
    [
        ("¥5bn", None, None, ("CNY", "JPY")),
        ("¥5bn", "The Beijing startup raised ¥5bn, or 5 billion yuan.", "CNY", ()),
        ("¥5bn", "The Tokyo startup raised ¥5bn in yen terms.", "JPY", ()),
        ("kr 50 millioner", None, None, ("SEK", "NOK", "DKK")),
        ("kr 50 millioner", "The Oslo fintech raised kr 50 millioner from Norwegian funds.", "NOK", ()),
        ("$8.5m", "Singapore's Volta has announced $8.5m (US$6.3m) in funding.", "SGD", ()),
        ("$8.5m", "Singapore's Volta raised $8.5m from investors.", "USD", ()),
        ("R50 million", "The Cape Town startup in South Africa raised R50 million.", "ZAR", ()),
        ("R50 million", None, None, ("ZAR", "BRL")),
        ("N2.5 billion", "The Lagos fintech raised N2.5 billion.", "NGN", ()),
        ("N2.5 billion", None, None, ("NGN",)),
    ],
)
def test_ambiguous_symbols_are_resolved_from_context_or_reported(text, context, currency, ambiguous):
    parsed = parse_money(text, context=context)
    assert parsed.currency == currency and parsed.ambiguous == ambiguous


def test_dollar_currency_needs_the_local_us_contrast():
    assert dollar_currency("Kuala Lumpur: Hexa raised $3m.") == "USD"
    assert dollar_currency("Hong Kong's Lumen raised $40m (US$5.1m) in Series A.") == "HKD"
    assert dollar_currency("It raised $40m (US$5.1m), it said.") is None


def test_find_money_gives_offsets_and_skips_non_money():
    article = (
        "Founded in 2015, Volta has 30 provinces of customers, an 82.8 per cent share and a Nokia N95. "
        "It raised 1.8 billion yuan ($254 million) on 12 June; call +1 415 555 0100. Revenue rose 20%. "
        "It previously raised a €2 million seed round."
    )
    found = find_money(article)
    assert [(m.text, m.currency) for m in found] == [
        ("1.8 billion yuan", "CNY"),
        ("$254 million", "USD"),
        ("€2 million", "EUR"),
    ]
    assert all(article[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("", "empty"), ("   ", "empty"), ("hello", "no amount"), ("30 provinces", "no amount"), ("$", "no amount"),
     ("in 2019", "no amount"), ("82.8 per cent", "no amount"), ("$5m and €3m", "2 different amounts")],
)  # fmt: skip
def test_refusals_name_the_input(text, fragment):
    with pytest.raises(MoneyParseError, match=fragment):
        parse_money(text)


def test_money_command_prints_json_or_a_clear_error(capsys):
    from extractor.cli import main

    assert main(["money", "Rs 300 crore"]) == 0
    out = capsys.readouterr().out
    assert '"value": 3000000000' in out and '"currency": "INR"' in out
    assert main(["money", "no money here"]) == 1
    assert "no amount of money" in capsys.readouterr().out
