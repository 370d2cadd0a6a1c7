"""Candidate spans for a small model: the values it may choose from, and the passages that hold them.

A 270M base model copies few-shot values and invents names. Its form's keys are spans found in this
article (money from the money parser, proper-noun phrases), so it only decides which span plays which
role; the words around each span (extractor.forms.roles.cues) weigh its choice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, get_args

from extractor.forms.roles import cues
from extractor.forms.roles.people import looks_personal
from extractor.forms.roles.text import Sentence, language, sentences
from extractor.parsing.dates import MONTHS, WEEKDAYS
from extractor.parsing.money import CURRENCY_WORDS, ParsedMoney, find_money
from extractor.parsing.round_types import LABEL_PATTERN
from schemas.draft import AmountRole, NameRole

MAX_NAMES = 40
MAX_AMOUNTS = 16
FOCUS_CHARS = 4000

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ"
# "mirSense", "eToro": a brand may start in lower case when a capital follows within its first letters.
_WORD = rf"[{_UPPER}][\w'’&.•+-]*[\w+]|[{_UPPER}]|[0-9]+[A-Za-z][\w-]*[A-Za-z0-9]|[a-z]{{1,3}}[A-Z][a-z]\w*"
# Words of one name are joined by spaces or tabs, never across a line break (a headline and the
# next line are not one name).
_CONNECT = r"(?:[ \t]+(?:of|and|&|de|da|do|du|del|der|la|for|e|y|dan)[ \t]+|[ \t]+)"
_NAME = re.compile(rf"(?<![\w])(?:{_WORD})(?:{_CONNECT}(?:{_WORD}))*")
_STOP = (
    {
        w.casefold()
        for w in (
            "The A An In On At For From With And But Or Of To By As It Its This That These Those He She They We "
            "Our Its Their His Her Mr Ms Dr According Other Series Seed Round Funding Investors Investor Company "
            "Read More Also Sign Subscribe Related Plus Why What How When Where Who Which While After Before Since "
            "Today Yesterday Last Next Earlier Later CEO CTO CFO COO Founder Co-founder Chief Executive Officer "
            "US USD EUR GBP INR CNY RMB Rs Rp Pre-A Pre-Series Pre-IPO IPO IPOs AI Inc Ltd "
            "Inside Across Below Above Short Daily Briefing Exclusive Breaking Update Here There Now Then However "
            "Meanwhile Although Despite During Under Over Into Through Via Per Co-branded Overview About Plus "
            "Startup Startups Funding Fintech Unicorn Sources Source Photo Image Credit Editor Staff Reporter Back "
            "Medium Large Small New Old Big Top Best First Last Next Million Millions Billion Billions Tier "
            "Para Entre Dona Com Em Segundo Como Mas Pero Según Sin Der Die Das Und Mit Les Des Pour Dans Avec "
            "Dengan Untuk Dari Yang Seri Putaran Senin Selasa Rabu Kamis Jumat Sabtu Minggu Selon Fundada "
            "Week Weekly Month Monthly Year Quarter Roundup Digest News Newsletter Report Reports Deal Deals "
            "Also Both Each Every All Some Many Most Several Such Among Including Led Total Including "
            "Existing Former Fellow Returning Dipimpin Liderada Liderado Lideradas Liderados Backed Funded "
            "Ungkap Faktanya Umumkan Dapatkan Raih Kantongi Suntikan Pendanaan Baru Investasi "
            "Ele Ela Eles Elas Ele Isso Esta Este Esse Essa Nos Na No O Os As Um Uma Ao Aos Pela Pelo Do Dos Das "
            "El La Los Las Un Una Este Esta Esto Ese Esa Su Sus Al Del Por Con "
            "Ini Itu Dia Mereka Kami Kita Sebagai Saat Setelah Sejak Pada Dalam Oleh Juga "
            "Baca Lihat Diperbesar Perbesar Foto Sumber Tonton Simak Klik "
            "Er Sie Es Wir Ihr Ein Eine Dem Den Im Am Zum Zur Auch Nach Vor Bei Seit Besides Apart "
            # adverbs of time that open sentences
            "Ahora Agora Hoy Hoje Ayer Ontem Jetzt Heute Gestern Maintenant Hier Sekarang Kini Kemarin "
            # words for backers in general, capitalised as German nouns are: "Bestandsinvestoren Vostok"
            "VCs Investoren Bestandsinvestoren Altinvestoren Neuinvestoren Geldgeber Gesellschafter "
            "Altgesellschafter Inversores Inversionistas Investidores Investisseurs "
            # "according to" in Indonesian, and the shell companies that merge with a startup
            "Menurut SPAC SPACs Estado Governo Gobierno "
            # plural common nouns and the pandemic, capitalised in headlines and German: "Berliner Start-ups"
            "Start-ups Startups FIDCs COVID-19 Covid-19 COVID Coronavirus DeepTech Deeptech Licorne Scale-up Scale-ups "
            # a title-case headline's verb after the name: "Chipper Cash Raises $13.8M"
            "Raises Raised Secures Bags Nabs Snags Lands Closes Gets Announces Completes Receives"
        ).split()
    }
    | set(MONTHS)
    | set(WEEKDAYS)
)
# Words for peoples and places' adjectives: "Chinese", "Indian-born" describe, they do not name.
_DEMONYM = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?[- ])?(?:american|british|chinese|indian|japanese|korean|german|french|spanish|italian|dutch|swedish|"
    r"norwegian|danish|finnish|swiss|austrian|belgian|irish|scottish|polish|russian|ukrainian|turkish|"
    r"israeli|emirati|saudi|egyptian|nigerian|kenyan|ghanaian|african|south african|european|asian|"
    r"latin american|brazilian|mexican|argentine|argentinian|chilean|colombian|peruvian|canadian|"
    r"australian|kiwi|indonesian|singaporean|malaysian|thai|vietnamese|filipino|pakistani|bangladeshi|"
    r"taiwanese|hong konger|middle eastern|gulf|arab|western|eastern|northern|southern|global|"
    r"international|local|domestic|foreign|brasileir[ao]s?|mexican[ao]s?|chilen[ao]s?|colombian[ao]s?|"
    r"argentin[ao]s?|indonesia|chin[ae]s[ae]s?)(?:[- ]\w+)?$",
    re.I,
)
_ADJECTIVE = re.compile(
    r"-(?:based|focused|backed|funded|financed|led|owned|style|born|headquartered|powered|sized|bound)$", re.I
)
_MONEY_WORDS = set(
    "million millions millionen milliarde milliarden billion billions mio mrd euro euros dollar dollars "
    "us-dollar pfund franken yen yuan won rupees crore lakh juta miliar triliun milhões bilhões millones".split()
)
_LEGAL_FORM = re.compile(r"LLC|L\.?P|Inc|Ltd|Limited|Co|Corp|PLC|GmbH|AG|SA|S\.A|SAS|BV|NV|Pte|Tbk|LLP", re.I)
# Stop words that open a phrase but also end names ("Shibam Das", "Mistral AI").
_LEADING_ONLY = {"das", "der", "die", "des", "les", "mit", "dans", "ai"}
# "Tier II cities", "Tier-1 banks" name a rank; "Tier Mobility" is a company.
_RANK = re.compile(r"(?:[IVX]+|\d+|One|Two|Three)[.,]?")
# Words that end the names of public bodies and other institutions.
_PUBLIC_BODY = (
    r"Bank|Ministry|University|Institute|Council|Board|Department|Office|Authority|Agency|Foundation|Trust|"
    r"Association|Chamber|College|School|Republic|Bureau"
)
# The words that end an investing firm's or a fund's name; the patterns below extend them for their own
# purpose, so a word added here reaches all of them.
_FUND_WORDS = r"Capital|Ventures|Partners|Fund|Investments|Angels"
# The last word of an organisation's name, a public body's in the plural too: "National Institutes of Health"
# is one name, not a person "of" somewhere.
_ORG_WORD = re.compile(rf"(?:(?:{_PUBLIC_BODY})s?|{_FUND_WORDS}|Group|Holdings?)$")
# Capitalised common nouns of organisations' names: after "and" they finish a name, they start none.
_GENERIC_ORG = {"Investment", "Investments", "Company", "Corporation", "Development", "Holding", "Holdings",
                "Trust", "Finance", "Financing", "Institute", "Research", "Management", "Services", "Industries",
                "Trade", "Commerce", "Technology", "Innovation", "Enterprise", "Enterprises", "Banking"}  # fmt: skip
_INSTITUTION = re.compile(rf"\b(?:{_PUBLIC_BODY}|Company|Corporation|Commission|Centre|Center)\b")
# A name spelled out before its acronym: "Cancer Prevention & Research Institute of Texas (CPRIT)".
_SPELLED_OUT = re.compile(
    r"((?:[A-Z][\w'’.-]*|of|and|&|the|for|de),?(?:[ \t]+(?:[A-Z][\w'’.-]*|of|and|&|the|for|de),?)+)"
    r"[ \t]+\(([A-Z]{3,8})\)"
)
_ORG_MARK = re.compile(
    r"\b(?:Capital|Ventures?|Partners|Fund|Funds|Investments?|Holdings?|Group|Bank|Labs?|Technologies|"
    r"Technology|Tech|Systems|Solutions|Networks?|Foundation|Corp(?:oration)?|Inc|Ltd|Limited|LLC|LLP|"
    r"GmbH|AG|SA|S\.A\.|Pte|Pvt|Co|VC|Asset Management|Management|Advisors|Equity|Angels|Network|"
    r"Innovations?|Robotics|Bio|Therapeutics|Health|Energy|Finance|Financial|Pay|AI|Software|Studio|"
    r"Company|Enterprises?)\b|[a-z][A-Z]|\d|^[A-Z]{2,}$"
)


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _count(phrase: str, text: str) -> int:
    """How often the phrase stands as a name of its own: not inside a longer capitalised run."""
    n = 0
    for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text):
        before = re.search(r"(\S+)[ \t]+$", re.sub(r"[ \t]+(?:and|&|of|de)[ \t]*$", " ", text[: m.start()]))
        after = re.match(r"[ \t]+(?:(?:and|&|of|de)[ \t]+)?(\S+)", text[m.end() :])
        adjacent_before = before and before.group(1)[:1].isupper() and before.group(1)[-1] not in ",;:.!?"
        if not adjacent_before and not (after and after.group(1)[:1].isupper()):
            n += 1
    return n


def _split_pair(words: list[str], text: str, listed: bool = False) -> list[list[str]]:
    """ "Index Ventures and Benchmark Capital" is two names; "Industrial and Commercial Bank" is one.

    Split at "and" when the left part has two words or more, when the run continues a list ("KKR,
    Tencent and IFC"), or when either part also stands on its own elsewhere in the text. "&" binds a
    name ("Johnson & Johnson Innovation", "Mirae Asset & Securities") unless a part stands on its own.
    """
    for i, word in enumerate(words):
        if word in ("and", "&", "e", "y", "dan") and 0 < i < len(words) - 1:
            left, right = " ".join(words[:i]), " ".join(words[i + 1 :])
            alone = _count(left, text) > 0 or _count(right, text) > 0
            # "Norfund and KLP" is two; "The Industrial and Commercial Bank of China" is one institution.
            one_word = sum(1 for w in words[:i] if w.casefold() not in _STOP) == 1
            institution = one_word and word in ("&", "and") and bool(_INSTITUTION.search(right))
            if institution and not (listed or alone):
                continue
            if _count(right, text) == 0 and all(
                w.strip(".,") in _GENERIC_ORG or _LEGAL_FORM.fullmatch(w.strip(".,")) for w in words[i + 1 :]
            ):
                # "Federal Holding and Investment Company", "Dugar Finance & Investments Limited" (beside its
                # short form "Dugar Finance"): common nouns and a legal form alone name no one
                continue
            if alone or word != "&":
                return [words[:i], *_split_pair(words[i + 1 :], text)]
    return [words]


_RAISER = re.compile(
    r"(?:^|[\s,])(?P<name>[\w•.&'’-]{3,})\s+(?:has\s+|have\s+|just\s+)?(?:bags|raises|raised|secures|secured|lands|closes|collects|nabs|grabs|"
    r"snags|gets|captou|capta|recauda|levanta|angaria|angariou|sammelt|lève)\b"
)
_NOT_RAISER = {"cette", "cet", "ce", "la", "le", "les", "une", "un", "son", "sa", "ses", "leur", "qui", "elle",
               "das", "der", "die", "es", "sie", "er", "el", "ella", "ela", "ele", "esta", "este", "essa", "esse",
               "startup", "start-up", "scale-up", "scaleup", "company", "firm", "platform", "also", "has", "have",
               "had", "which", "that", "who",
               "it", "and", "now", "just", "recently", "reportedly", "successfully", "finally", "today", "para",
               "que", "com", "por", "una", "uma", "the", "then", "will", "would", "could", "not", "never",
               "already", "once", "round", "funding", "money", "capital", "fund", "investors", "they", "she",
               "he", "we", "this", "venture", "business", "brand", "unit", "subsidiary", "app", "companies",
               "startups", "firms", "businesses", "ventures", "founders", "entrepreneurs", "teams", "platforms",
               # what an article calls the company it has named ("the lender raised Rs 153 crore")
               "lender", "microlender", "insurer", "retailer", "marketplace", "developer", "maker", "provider",
               "operator", "unicorn", "bank", "neobank", "nbfc", "fintech", "group", "service", "network",
               "together", "collectively", "jointly", "combined", "overall", "alone", "again", "still", "ever",
               "fintechs", "players", "operators", "makers", "providers", "sellers", "brands",
               "emprendedores", "empresas", "perusahaan", "unternehmen", "been", "being", "was", "were", "is",
               "are", "be", "funds", "rounds", "total", "amount", "cash", "they've",
               # the round itself, in the languages the cues read ("essa rodada levanta uma questão")
               "rodada", "rodadas", "ronda", "rondas", "aporte", "captação", "investimento", "financiamento",
               "inversión", "financiación", "operação", "operación", "pendanaan", "putaran", "runde", "levée",
               "he's", "she's", "it's", "who've"}  # fmt: skip


def _alone(word: str, text: str) -> Iterator[re.Match[str]]:
    """The word's occurrences that are not part of a longer capitalised name ("Legal" in "Vellum Legal")."""
    for m in cues.name_pattern(word).finditer(text):
        prev = re.search(r"(?<![\w-])([A-Z][\w.&']+)[ \t]$", text[max(0, m.start() - 30) : m.start()])
        if prev and prev.group(1).casefold().strip(".") not in _STOP:
            continue
        yield m


# Labels a headline may open with before a colon; any other word there is the story's subject.
_HEADLINE_LABELS = {"exclusive", "breaking", "update", "updated", "watch", "analysis", "opinion", "interview",
                    "podcast", "video", "report", "funding", "deals", "roundup", "recap", "weekly", "daily",
                    "newsletter", "live", "feature", "explainer", "editorial", "exclusivo", "exclusiva",
                    "eksklusif", "exklusiv", "exclusif", "ekslusif", "news", "review"}  # fmt: skip


def _sentence_initial_only(word: str, text: str) -> bool:
    """A lone capitalised word seen only where any word is capitalised ("Fundada", "Selon") is no name."""
    for m in _alone(word, text):
        before = text[: m.start()].rstrip(" \t\"“'(-•*")
        if before and before[-1] not in ".!?:\n—–|":  # a dateline's dash or a table cell starts one too
            return False
        if before.endswith(":") and text[m.end() : m.end() + 1] == ",":
            return False  # the first entry of a list after a colon ("investors: Google, Microsoft")
    return True


def _opens_headline(word: str, text: str, headline: str) -> bool:
    """The story's subject: a word that opens the headline before a colon ("Quillon: credit for Chile"), or
    opens it and a sentence of the body ("Quillon Secures $200 Million" ... "Quillon is ready to")."""
    if word.casefold() in _HEADLINE_LABELS or not headline.startswith(word):
        return False
    after = headline[len(word) : len(word) + 1]
    if after == ":":
        return True
    body = text[len(headline) :] if text.startswith(headline) else text
    return after == " " and bool(re.search(rf"(?:^|[.!?]\s+|\n){re.escape(word)}\s", body))


def _raises_after(name: str, text: str) -> bool:
    """Whether the name is the subject of a funding verb somewhere ("Moglix, a B2B marketplace, raised")."""
    return any(cues.raiser_after(text[m.end() :]) for m in _alone(name, text))


# An office opens a phrase about its holder, not an organisation's name.
_OFFICE = re.compile(
    r"(?:Minister|Ministers|Secretary|President|Premier|Mayor|Governor|Senator|Chairman|Chairwoman) "
)
# A title inside a run stands between an employer and a person: "Google CEO Eric Schmidt".
_INNER_TITLE = {"CEO", "CTO", "CFO", "COO", "CMO", "Founder", "Co-founder", "Cofounder", "Chairman", "Chairwoman",
                "President"}  # fmt: skip


def _split_title(words: list[str]) -> list[list[str]]:
    for i, word in enumerate(words[1:-1], start=1):
        if word in _INNER_TITLE:
            return [words[:i], words[i + 1 :]]
    return [words]


def _split_person_of(words: list[str]) -> list[list[str]]:
    """ "Sanjay Kapoor of Genesis Luxury" is a person and a company; "Bank of China" is one name."""
    if "of" in words:
        i = words.index("of")
        left = words[:i]
        where = [w for w in words[i + 1 :] if w != "the"]
        # "Korelya Capital of France", "Long River Ventures of Amherst": the firm, and its home
        if (
            left
            and _FIRM_WORD.fullmatch(left[-1])
            and where
            and (is_place(" ".join(where)) or len(where) == 1)
        ):
            return [left]
        if len(left) == 2 and not _ORG_WORD.search(left[-1]) and i + 1 < len(words):
            return [left, words[i + 1 :]]
    return [words]


def _runs(text: str) -> list[list[str]]:
    """Capitalised word runs, split at possessives: "Seoul's Bapsang" is a place and a company."""
    runs = []
    for m in _NAME.finditer(text):
        listed = bool(re.search(r"\w,[ \t]*$", text[: m.start()]))
        # "From Purplle To Eruditus": a title-case headline's small words part two names
        for part in re.split(r"(?<=\w)['’]s\s+|\s+(?:To|From|With|Into|Amid|Versus|Vs\.?)\s+", m.group(0)):
            for words in _split_pair(part.split(), text, listed):
                for titled in _split_title(words):
                    runs.extend(_split_person_of(titled))
    return runs


# Words that describe the name after them: "Hanoi-based Sao Mai", "Berliner Start-up Wattwerk".
_DESCRIPTOR = re.compile(
    r"^(?:[\w.]+-(?:based|headquartered|born|founded|listed|backed)|start-?ups?|fintech|healthtech|edtech|"
    r"proptech|insurtech|unternehmen|empresa|plataforma|jungunternehmen|"
    # German compounds that say what a company is: "Online-Marktplatz Refurbed", "Fintech-Startup X"
    r"[\w-]*(?:marktplatz|startup|start-up|plattform|anbieter|hersteller|spezialist|dienstleister|aufbereiter|"
    r"entwickler|betreiber|händler|versicherer|konzern|beteiligungsgesellschaft|kapitalgeber|geldgeber|dienst|"
    r"investmentfirma))$",
    re.I,
)


# A word that ends a firm's name, so it is no stop word there ("First Round Capital", "Seed Group").
_FIRM_WORD = re.compile(rf"{_FUND_WORDS}|Funds|Group|Holdings|Management|Labs|Collective|Network|Associates")
# Stop words that also start firm names ("Seed Capital", "First Round Capital" is longer anyway).
_FIRM_FIRST = {"seed", "series", "startup", "startups", "fintech", "unicorn", "first", "new", "next", "big", "top",
               "best", "founder", "founders", "tier", "medium"} | set(MONTHS)  # "August Capital" (a firm named after a month)  # fmt: skip


# Indonesian words that are names elsewhere: "Ana Yang" keeps her surname outside Indonesian text.
_STOP_OUTSIDE_ID = _STOP - {"yang"}


# Short function words that, written in capitals before a mixed-case word, are a name's initials.
_CAPS_INITIALS = {"AT", "AL", "EL", "LA", "LE", "DE", "DA", "DO", "UN", "SP"}


def _trim(words: list[str], lang: str = "") -> str:
    stop = _STOP if lang == "id" else _STOP_OUTSIDE_ID
    whole = list(words)
    # a descriptor before a firm word is part of a fund's name: "Red Sea Fintech Fund"
    last_firm = bool(_FIRM_WORD.fullmatch(words[-1].strip(".,"))) if words else False
    cut = [
        i
        for i, w in enumerate(words[:-1])
        if _DESCRIPTOR.match(w.strip(".,")) and not (last_firm and i == len(words) - 2 and i > 0)
    ]
    if cut:
        del words[: cut[-1] + 1]
    while words and (words[0].casefold().strip(".,") in stop or _ADJECTIVE.search(words[0])):
        if words[0] == "Tier" and len(words) > 1 and not _RANK.fullmatch(words[1]):
            break
        if words[0] in _CAPS_INITIALS and len(words) > 1 and not words[1].isupper():
            break  # a function word in capitals opens a name, not a clause: "AT One Ventures", "AL Trust"
        words.pop(0)
    start = len(whole) - len(words)  # only leading words were removed so far
    if len(words) == 1 and start > 0 and _FIRM_WORD.fullmatch(words[0].strip(".,")):
        first = whole[start - 1].strip(".,")
        if first.casefold() in _FIRM_FIRST or _DESCRIPTOR.match(first):
            words = [first, words[0]]  # "Seed Capital", "FinTech Collective": a firm word alone names no one
    elif (
        start == 1
        and len(words) >= 2
        and whole[0].casefold() in ("new", "next", "first")
        and _FIRM_WORD.fullmatch(words[-1])
    ):
        # "New Harbor Associates", "First Gate Ventures": a firm's name may open so
        words = [whole[0], *words]
    while words and (
        words[-1].casefold().strip(".,") in stop - _LEADING_ONLY - {"company"}
        or words[-1].lower() in ("of", "and", "&", "for")
    ):
        if (
            words[-1].strip(".,") in ("Investors", "Investor")
            and len(words) >= 2
            and words[-2].casefold().strip(".,") not in stop
        ):
            break  # a firm's name: "QED Investors"
        words.pop()
    return re.sub(r"['’]s$", "", " ".join(words).rstrip(".,"))


# Capitalised mid-sentence whatever follows: these words say nothing about a name after them.
_NOT_OPENER = {"series", "seed", "round", "funding", "startup", "startups", "fintech", "unicorn", "chief",
               "executive", "officer", "founder", "co-founder", "ceo", "cto", "cfo", "coo", "investors", "investor",
               "company", "tier", "ipo", "ai", "us", "usd", "eur", "gbp", "inr", "rs", "rp", "pre-a", "pre-series",
               "pre-ipo", "covid-19", "covid"} | set(MONTHS) | set(WEEKDAYS)  # fmt: skip


def _with_opener(name: str, words: list[str], text: str, lang: str) -> str:
    """A capitalised word the trim cut from a name's start is the name's own where the article writes the
    two together in mid-sentence too ("the $3.2 billion Back Ledger reached", "the board of Top Lane
    Robotics"): there the capital is the name's, not the sentence's or the headline's. German capitalises
    every noun, so there it says nothing."""
    if lang == "de":
        return name
    bare = [w.strip(".,") for w in words]
    first = name.split()[0] if name else ""
    at = bare.index(first) if first in bare else 0
    if at == 0:
        return name
    opener = bare[at - 1]
    if not re.fullmatch(r"[A-Z][a-z]+", opener) or opener.casefold() in _NOT_OPENER:
        return name
    pattern = re.compile(rf"[a-z0-9,][ \t]+{re.escape(opener)}[ \t]+{re.escape(name)}(?![\w-])")
    inside = any(pattern.search(line) and not _title_case(line) for line in text.splitlines())
    return f"{opener} {name}" if inside else name


def _with_firm_word(name: str, text: str) -> str:
    """A firm word written in lower case is still part of the name: "Grenfell holdings" ("capital" is
    too often the money itself: "brought Haegin capital from X")."""
    m = re.search(rf"(?<![\w-]){re.escape(name)} (holdings|partners)(?![\w-])", text)
    return f"{name} {m.group(1)}" if m else name


def _with_number(name: str, text: str) -> str:
    """A number that always stands before the name is part of it: "500 Falcons", "42 Capital"."""
    before = re.findall(rf"(?:(?<=\s)|^)(\d{{1,4}})?\s?(?<![\w-]){re.escape(name)}(?![\w-])", text)
    numbers = set(before)
    if len(before) >= 2 and len(numbers) == 1 and "" not in numbers:
        number = numbers.pop()
        if not re.fullmatch(r"19\d\d|20\d\d", number):
            return f"{number} {name}"
    return name


def _with_fund_number(name: str, text: str) -> str:
    """A fund's number that always follows its name is part of it: "SoftBank Vision Fund 2"."""
    if not re.search(r"\b(?:Fund|Fonds|Fondo|Fundo)$", name):
        return name
    after = re.findall(
        rf"(?<![\w-]){re.escape(name)}(?:[ \t]+(\d{{1,2}})(?!\d|[.,]\d|%|[ \t]*(?:[mbk]n?|million|billion|bn)\b))?",
        text,
    )
    numbers = set(after)
    if len(numbers) == 1 and "" not in numbers:
        return f"{name} {numbers.pop()}"
    return name


def _is_name(name: str, text: str, lang: str, headline: str = "") -> bool:
    if re.sub(r"['’]s$", "", name).casefold() in _STOP:
        return False
    if re.match(r"^[LDld]['’][a-zà-ÿ]", name):
        return False  # an elided article before a common noun: "L'opération", "D'après"
    if len(name) < 2 or re.fullmatch(r"[\d.,%$€£+-]+\w{0,3}", name):
        return False
    # A round label is no name ("Series B+"), but a name may hold the word ("Oriza Seed Fund").
    if len(LABEL_PATTERN.sub("", name).strip(" +-")) < 3 or re.fullmatch(r"[A-Z]{1,2}\+?", name):
        return False
    if re.search(r"-(?:finanzierungs)?runden?$|-finanzierung$", name, re.I):
        return False  # a German compound for the round itself: "Series-E-Finanzierungsrunde"
    if _DEMONYM.match(name) or cues.TITLE_WORDS.match(name) or _ADJECTIVE.search(name):
        return False  # "South Korean", "San Francisco-based" describe someone
    if _OFFICE.match(name):
        return False  # "Minister of Natural Resources", "President Joe Biden": an office or its holder
    if re.fullmatch(r"[A-Z]-[a-z]+s?", name):
        return False  # "T-cell", "E-commerce": a letter and a common noun
    if re.fullmatch(r"[A-Z]{1,5}-\d{2,}[A-Za-z]?", name):
        return False  # "XR-112", "AZD-1222": a drug or a product's code
    if find_money(name):
        return False  # "RMB2.8bn" is money written as one word
    if all(w.casefold().strip(".,") in _MONEY_WORDS for w in name.split()):
        return False  # "Millionen Euro" is an amount's words
    if _LEGAL_FORM.fullmatch(name.strip(".,")):
        return False  # "LLC" cut from "Acme, LLC" names no one on its own
    if " " not in name:
        if len(name) < 3 and not name.isupper():
            return False
        camel = bool(re.search(r"[a-z][A-Z]", name))  # "SoyMomo" is a name wherever it stands
        if _opens_headline(name, text, headline):
            return True
        if not camel and _sentence_initial_only(name, text) and not _raises_after(name, text):
            return False
        # German capitalises every noun: a lone capitalised word there needs a mark of a name.
        if lang == "de" and not _ORG_MARK.search(name) and not re.search(r"[A-Z].*[A-Z]", name):
            return False
    return True


def names_in(text: str, lang: str | None = None, headline: str = "") -> list[str]:
    """Proper-noun phrases (companies, investors, people): capitalised word runs, trimmed of stop words.
    `headline` is the story's headline when `text` leaves it out."""
    lang = lang or language(text)
    names = []
    for words in _runs(text):
        name = _with_opener(_trim(list(words), lang), words, text, lang)
        # German capitalises nouns, so a lone word is a name only with a mark of one; a word a descriptor
        # introduces is one ("das Münchener Startup Ororatech")
        described = lang == "de" and any(_DESCRIPTOR.match(w.strip(".,")) for w in words[:-1])
        if _DESCRIPTOR.match(name):
            continue  # "das deutsche Krisen-Startup": a description, no name
        if (
            _is_name(name, text, lang, headline)
            or described
            and " " not in name
            and _is_name(name, text, "en")
        ):
            names.append(_with_fund_number(_with_firm_word(_with_number(name, text), text), text))
    # Lower-case brands ("albo bags $45m") are found as the subject of a funding verb; they go first, as
    # a raiser should not fall past the cap on names.
    brands: list[str] = []
    for m in _RAISER.finditer(text):
        name = m.group("name").strip(".,")
        if (
            name.casefold() not in _NOT_RAISER
            and re.sub(r"['’]s$", "", name).casefold() not in _STOP
            and (not name[0].isdigit() or re.fullmatch(r"\d+[a-z][\w-]*", name))  # "1mg raises"
            and not name.endswith("ly")
            # a common noun, not a brand: "a $40 million investment raised by it"
            and not re.search(r"(?:ment|tion|sion|ness|ity|ance|ence|ship|ing|ers)$", name)
            and not any(name in other for other in names)
            and not _DEMONYM.match(name)  # "coliderada por brasileiro levanta": a person, described
            and not _DESCRIPTOR.match(name)  # "Sorare - Fantasy-Fußball-Plattform sammelt": what it is
            and (not name.islower() or _brand_like(name, text))
        ):
            brands.append(name)
    for full in _spelled_out(text):
        names = [n for n in names if n not in full] + [full]
    return _dedupe(brands + names)


def _spelled_out(text: str) -> list[str]:
    """Names whose capitalised words' initials are the acronym in brackets after them: one name, however
    many "and"s and commas it holds."""
    found = []
    for m in _SPELLED_OUT.finditer(text):
        words = m.group(1).split()
        for start in range(len(words) - 2):
            if not words[start][:1].isupper():
                continue
            initials = "".join(w[0] for w in words[start:] if w[:1].isupper())
            if initials == m.group(2):
                found.append(" ".join(words[start:]).rstrip(","))
                break
    return found


_FINANCE_NOUNS = {"debt", "equity", "capital", "funding", "financing", "money", "cash", "credit", "investment",
                  "revenue", "growth", "venture", "lending", "borrowing", "loans", "grants",
                  # what a source says ("according to Orrin data raised")
                  "data", "figures", "filings", "records", "estimates", "research", "sources"}  # fmt: skip


_ARTICLE_BEFORE = re.compile(
    r"(?<![\w-])(?:the|a|an|this|that|its|their|our|o|os|as|um|uma|pelo|pela|do|da|no|na|ao|el|la|los|las|"
    r"un|una|del|al|le|les|du|des|au|der|die|das|dem|den|ein|eine)\s+$",
    re.I,
)


def _brand_like(word: str, text: str) -> bool:
    """A lower-case word is a brand ("albo bags $45m") where it opens a line or sentence or recurs; a
    common noun before the verb ("the startup ecosystem raised", "at this stage raised") is neither."""
    if word.casefold() in _FINANCE_NOUNS or word.casefold() in CURRENCY_WORDS:
        return False  # "debt raised by startups doubled", "90 billion yen raised": what is raised, not who
    hits = list(re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))
    # "o ecossistema ... pelo ecossistema": a word every mention of which takes an article is a noun
    if hits and all(_ARTICLE_BEFORE.search(text[max(0, h.start() - 12) : h.start()]) for h in hits):
        return False
    opens = any(re.search(r"(?:^|[.!?:]\s|\n)\s*$", text[max(0, h.start() - 3) : h.start()]) for h in hits)
    return opens or len(hits) >= 2


_CJK_NAME = r"[\u4e00-\u9fffA-Za-z0-9·&\-\s]{2,24}?"
# A raiser's verbs (cues.CJK_RAISE_VERB), or its announcement ("宣布").
_CJK_VERB = rf"{cues.CJK_RAISE_VERB}|宣布"
_CJK_RAISER = re.compile(
    # the name may carry its English name in brackets: "星岩动力(Starrock Dynamics)宣布完成"
    rf"(?:^|[，。；：、\n\s“”「」（）(),:;])(?P<n>{_CJK_NAME})[”」\"]?(?:[（(][^（）()，。]{{1,40}}[）)])?"
    rf"(?:{cues.CJK_ADVERBS}|宣布[,，:：]?其?|在[^，。\s]{{1,8}}宣布|(?:发布消息|发布公告|发文)[,，:：]?称?)*"
    rf"(?:{_CJK_VERB})"
)
# What a Chinese name is described as before it: "沉浸式AI音频公司汽泡音露" names 汽泡音露.
_CJK_DESCRIPTOR = re.compile(
    r"^.*(?:公司|企业|平台|品牌|厂商|创企|服务商|提供商|供应商|开发商|研发商|生产商|经销商|零售商|独角兽|初创|制造商|运营商|竞争对手|对手|投资者|投资人|巨头)(?=.{2,})"
)
_CJK_INVESTOR = re.compile(
    # "投资基金", "投资机构" name a backer ("北辰产业投资基金共同投资"), they do not end its name
    r"(?:由|获|获得|来自)(?P<n>[^，。；]{2,80}?)(?:联合)?(?:领投|跟投|投资|参投|共同投资|注资)"
    rf"{cues.CJK_NAME_GOES_ON}|"
    # "拿到东岳汽车的战略投资": the backer of a strategic investment
    # (not "还曾拿到A、B的投资": backers of an earlier round, which has no money here to be assembled on)
    r"(?<![曾前])拿到(?P<s>[^，。；,]{2,30}?)的(?:战略|股权)?投资|"
    r"从(?P<f>[^，。；]{2,80}?)处(?:共|一共|合计|总共)?(?:获得|获|拿到|筹得|募得)|"
    r"(?:^|[，,。；])(?P<k>[^，,。；由\d]{2,60}?)(?:联合|共同)?(?:领投|跟投|参投)"
)


# "海思盖德（苏州）生物医学科技有限公司（下称“海思盖德”）近日完成": the short name the article goes on to use.
_CJK_ALIAS_RAISER = re.compile(
    r"[（(](?:下称|以下简称|简称|下文简称|以下称)[“\"「]?(?P<n>[^”\"」）)]{2,20})[”\"」]?[）)]"
    rf"(?:{cues.CJK_ADVERBS}|宣布)*(?:{_CJK_VERB})"
)
# Words around a Chinese name that are not part of it: time words and adverbs before a verb, and what
# a clause says before the name ("佐力药业参股的科济开曼" names 科济开曼; "快的打车" is one name).
_CJK_LEADING = re.compile(
    r"^(?:.{2,}的(?=.{2,}$)|.*[\u4e00-\u9fff]\s+(?=\S{2,}$)|[-–—•*·\s]+|"
    rf"(?:{cues.CJK_OPENING_ADVERBS}|此次|这次|其中|并且|而|(?:都|均)(?=[在于已])|新股东|老股东|股东|则有|则是|还有|包括|只有|仅有)+)"
)
_CJK_TRAILING = re.compile(
    rf"(?:[（(][^）)]*[）)]|独家|参与了?|参|一同|一起|都|均|则|踊跃|半年之内|之内|以来|主导投资|主导|"
    rf"(?:也|还|亦)?在?(?:本周|上周|本月|上月|近日|日前|今日|昨日)|{cues.CJK_ADVERBS})+$"
)
_CJK_NOT_NAME = re.compile(
    r"^(?:表示|称|透露|认为|介绍|指出|如果|若|假如|虽然|但是|因此|所以|而且|是|这|那|该|此|其|本|上|下|第|在|因为|由于|近日|日前|今日|今天|目前|此前|近期|今年|去年|明年|前年|年初|年底|同年|次年|当年|公司|企业|我们|他们|增资|投资|融资|"
    r"多家|多个|数家|几家|其他|其它|宣布|据报道|据悉|迄今|至今|交割|了)|机构$|一次$|上次$|处共?$|合计$|共计$|总计$|先后$|行业$|赛道$|领域$|"
    # kinds of backers, not backers: "产业" (industry), "国有资本" (state capital), "央企国家队"
    r"^(?:资本|产业|产业资本|国有资本|民营资本|社会资本|地方国资|国资|央企|央企国家队|国家队|基金|控股|集团)$|"
    r"^[^（(]*[）)]|[（(][^）)]*$|"  # a bracket cut in half ("Capital）")
    r"^的|"  # "一家叫作“X”的公司宣布": what the quoted name is, not a name
    # a pronoun opens a clause ("它与保利资本共同"), and an adverb of joining is no backer ("联合", "共同")
    r"^(?:它|她|他|其|该)|^(?:联合|共同|一起|分别|携手|联手|以及|及|和|与)$|共同$|联合$"
)
# Money and rounds are no names; a name may hold 元 ("智元机器人") but not an amount ("近亿元").
_CJK_MONEY_WORD = re.compile(
    r"\d|[一二三四五六七八九十百千数几近超]+[亿万億萬]|亿元|万元|億元|萬元|美元|^元|轮|輪|融资|融資|市场|資金|资金"
)


def _cjk_clean(name: str) -> str:
    name = _CJK_DESCRIPTOR.sub("", name.strip())
    for _ in range(2):  # "- 鹿明机器人半年之内": a dash before, a time phrase after
        name = _CJK_TRAILING.sub("", _CJK_LEADING.sub("", name))
    return name


# "“锦欣生殖”，它从A、B处共获得1.5亿美元": a quoted name whose pronoun raises money in the same clause.
# A name in Chinese quotation marks.
_CJK_QUOTED = r"[“「\"](?P<n>[^”」\"，。]{2,24})[”」\"]"
_CJK_QUOTED_RAISER = re.compile(
    rf"{_CJK_QUOTED}[，,]\s*{cues.CJK_PRONOUN}[^，。；]{{0,60}}?(?:{cues.CJK_RAISE_VERB})"
)


# "一家叫作“费恩盖特”的公司宣布拿到了": the quoted name of "a company called X" raises.
_CJK_QUOTED_KIND = re.compile(
    rf"{_CJK_QUOTED}的(?:公司|企业|平台|品牌|初创公司|初创企业|创业公司)"
    rf"(?:{cues.CJK_ADVERBS}|宣布)*(?:{_CJK_VERB})"
)


def cjk_names_in(text: str) -> list[str]:
    """Names in Chinese text, where case marks nothing: the subject of a funding verb and the lists
    around investing verbs ("由A领投，B、C跟投")."""
    names: list[str] = [m.group("n") for m in _CJK_ALIAS_RAISER.finditer(text)]
    names += [m.group("n") for m in (*_CJK_QUOTED_RAISER.finditer(text), *_CJK_QUOTED_KIND.finditer(text))]
    for m in _CJK_RAISER.finditer(text):
        name = _cjk_clean(m.group("n"))
        if not re.match(cues.CJK_PRONOUN, name):  # a pronoun's name is the quoted one found above
            names.append(name)
    for m in cues.CJK_INVESTED_IN.finditer(text):
        names.append(_cjk_clean(m.group("inv")))
        quoted = re.findall(_CJK_QUOTED, m.group("obj"))
        parts = quoted or [_cjk_clean(p) for p in re.split(r"[、和及与]", m.group("obj"))[:3]]
        names += [p for p in parts if 2 <= len(p) <= 24]
    lists = [*_CJK_INVESTOR.finditer(text), *cues.CJK_BACKER_LIST.finditer(text)]
    for m in lists:
        group = next((g for g in m.groups() if g), "")
        for part in re.split(r"[、，,和及与以及;；]|等", group):
            part = re.sub(
                r"^(?:由|和|及|与|以及|获得?|来自|老股东|现有股东|原股东|股东|本轮|还有|包括|其中)+",
                "",
                part.strip(),
            )
            # "它曾拿到腾讯领投的": the raiser's pronoun and verb are not the lead's name
            part = re.sub(rf"^{cues.CJK_PRONOUN}(?:{cues.CJK_ADVERBS})*(?:{cues.CJK_RAISE_VERB})", "", part)
            # "国有资本有工银投资、交银辕憬三家": the kind of backer before 有 and the count after the names
            part = re.sub(
                r"^[^、，]{0,8}?(?:资本|国资|国家队|资金|股东|投资方|投资人|机构)有(?=.{2,})", "", part
            )
            part = re.sub(r"(?:[一二三四五六七八九十两几数]+家|为|踊跃)$", "", part)
            part = _cjk_clean(re.sub(r"(?:独家|联合|共同|领投|跟投|参投)+$", "", part))
            if 2 <= len(part) <= 24 and not _CJK_MONEY_WORD.search(part):
                names.append(part)
    # A round, money or a market is no name ("B轮融资完成后", "小鹏汽车从资本市场募得"), nor a time word.
    return _dedupe(
        [n for n in names if len(n) >= 2 and not _CJK_MONEY_WORD.search(n) and not _CJK_NOT_NAME.search(n)]
    )


def _distinct_money(focus: list[Sentence]) -> list[str]:
    """Each sum of money once, in text order. A headline's "$6M" rounds the body's "$6.1M", and its
    bare "$10.5M" is the body's "$10.5-million CAD": headline amounts within 5% of a body amount in the
    same currency, or with the same figure in any currency, are left out."""
    body = [m for s in focus[1:] for m in find_money(s.text)]
    head = [
        m
        for m in (find_money(focus[0].text) if focus else [])
        if not any(
            (b.currency == m.currency and abs(b.value - m.value) <= m.value / 20) or b.value == m.value
            for b in body
        )
    ]
    texts: list[str] = []
    seen: set[tuple[object, object]] = set()
    for m in head + body:
        if (m.value, m.currency) not in seen:
            seen.add((m.value, m.currency))
            texts.append(m.text)
    return _dedupe(texts)


def _is_sentence(first: str) -> bool:
    """A page with no headline starts with a sentence of the body ("Tesco, the UK's largest retailer, ...
    led a $250m round for Lazada."), which is read as the body is."""
    return first.rstrip().endswith((".", "。")) and len(first) > 120


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _roles(
    keys: list[str], roles: dict[str, list[str]], prior: dict[str, dict[str, float]]
) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {k: {"enum": roles[k]} for k in keys},
        "required": keys,
        "additionalProperties": False,
        "x-prior": {k: prior[k] for k in keys if prior.get(k)},
    }


def _shares_are_not_rounds(amounts: dict[str, cues.AmountContext], parsed: list[ParsedMoney]) -> None:
    """An investor's share ("put in $300 million") is part of a larger round the article names in the
    same currency, not a round of its own; alone, it is the round ("Sequoia invested $5 million")."""
    value = {m.text: m for m in parsed}
    rounds = [
        value[t] for t, c in amounts.items() if c.raised and not c.share and not c.valuation and t in value
    ]
    for text, c in amounts.items():
        m = value.get(text)
        if c.share and m and any(r.currency == m.currency and r.value > m.value for r in rounds):
            c.raised = c.raised_close = False
            c.not_raised = True


# Countries, continents and regions: where money goes, not who raises it.
_PLACE = re.compile(
    r"^(?:africa|asia|europe|america|north america|south america|latin america|latam|oceania|antarctica|"
    r"middle east|mena|southeast asia|south asia|east asia|sub-saharan africa|the gulf|gulf|"
    r"afghanistan|albania|algeria|angola|argentina|armenia|australia|austria|azerbaijan|bahrain|bangladesh|"
    r"belarus|belgium|benin|bolivia|bosnia|botswana|brazil|brasil|bulgaria|burkina faso|cambodia|cameroon|"
    r"canada|chile|china|colombia|congo|costa rica|croatia|cuba|cyprus|czechia|czech republic|denmark|"
    r"dominican republic|ecuador|egypt|el salvador|estonia|ethiopia|finland|france|gabon|georgia|germany|"
    r"ghana|greece|guatemala|honduras|hong kong|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|"
    r"italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|korea|south korea|kuwait|laos|latvia|lebanon|"
    r"libya|lithuania|luxembourg|macau|madagascar|malawi|malaysia|mali|malta|mauritius|mexico|méxico|"
    r"moldova|mongolia|morocco|mozambique|myanmar|namibia|nepal|netherlands|new zealand|nicaragua|niger|"
    r"nigeria|norway|oman|pakistan|palestine|panama|paraguay|peru|perú|philippines|poland|portugal|"
    r"qatar|romania|russia|rwanda|saudi arabia|senegal|serbia|singapore|slovakia|slovenia|somalia|"
    r"south africa|spain|españa|sri lanka|sudan|sweden|switzerland|syria|taiwan|tanzania|thailand|togo|"
    r"tunisia|turkey|türkiye|uganda|ukraine|uae|united arab emirates|united kingdom|uk|united states|usa|"
    r"us|u\.s\.?|u\.s\.a\.?|u\.k\.?|uruguay|uzbekistan|venezuela|vietnam|viet nam|yemen|zambia|zimbabwe|"
    # the US states
    r"alabama|alaska|arizona|arkansas|colorado|connecticut|delaware|hawaii|idaho|illinois|indiana|iowa|"
    r"kansas|kentucky|louisiana|maine|maryland|michigan|minnesota|mississippi|missouri|montana|nebraska|"
    r"nevada|new hampshire|new jersey|new mexico|north carolina|north dakota|ohio|oklahoma|oregon|"
    r"pennsylvania|rhode island|south carolina|south dakota|tennessee|utah|vermont|virginia|"
    r"west virginia|wisconsin|wyoming|"
    # regions, states and the cities startup news is written from
    r"nordics|scandinavia|york|silicon valley|bay area|california|texas|new york|massachusetts|florida|"
    r"ontario|quebec|bavaria|catalonia|lombardy|maharashtra|karnataka|guangdong|zhejiang|"
    r"stockholm|oslo|copenhagen|helsinki|berlin|munich|hamburg|paris|london|dublin|amsterdam|brussels|"
    r"madrid|barcelona|lisbon|milan|rome|vienna|zurich|geneva|warsaw|prague|tallinn|riga|vilnius|"
    r"kyiv|kiev|istanbul|tel aviv|jerusalem|dubai|abu dhabi|riyadh|doha|cairo|lagos|nairobi|"
    r"accra|cape town|johannesburg|casablanca|mumbai|bombay|delhi|new delhi|bangalore|bengaluru|"
    r"hyderabad|chennai|pune|gurgaon|gurugram|noida|karachi|lahore|dhaka|jakarta|manila|bangkok|"
    r"kuala lumpur|ho chi minh city|hanoi|tokyo|osaka|seoul|beijing|shanghai|shenzhen|guangzhou|"
    r"hangzhou|chengdu|wuhan|nanjing|taipei|sydney|melbourne|auckland|toronto|vancouver|montreal|"
    r"san francisco|los angeles|boston|seattle|austin|chicago|miami|mexico city|são paulo|sao paulo|"
    r"rio de janeiro|buenos aires|santiago|bogotá|bogota|lima|medellín|medellin|nueva york|nova york|"
    r"cambridge|oxford|edinburgh|glasgow|manchester|bristol|leeds|belfast|cork|galway|lyon|marseille|toulouse|"
    r"bordeaux|nantes|lille|frankfurt|cologne|köln|düsseldorf|stuttgart|leipzig|dresden|rotterdam|eindhoven|"
    r"antwerp|ghent|gothenburg|malmö|aarhus|turin|bologna|naples|porto|seville|bilbao|krakow|kraków|"
    r"bucharest|budapest|athens|belgrade|zagreb|ljubljana|palo alto|menlo park|mountain view|"
    r"san diego|san jose|denver|atlanta|dallas|houston|philadelphia|pittsburgh|detroit|minneapolis|"
    r"salt lake city|nashville|raleigh|baltimore|brooklyn|waterloo|ottawa|calgary|edmonton|brisbane|perth|"
    r"canberra|wellington|kyoto|fukuoka|busan|hsinchu|kolkata|ahmedabad|jaipur|kochi|chandigarh|"
    r"indore|suzhou|tianjin|chongqing|xiamen|hefei|qingdao|da nang|cebu|penang|surabaya|bandung|yogyakarta|"
    r"abuja|kigali|kampala|addis ababa|tunis|algiers|dakar|abidjan|montevideo|quito|guadalajara|monterrey|"
    r"belo horizonte|curitiba|porto alegre|florianópolis|recife|"
    # the same countries in the other languages the parsers read
    r"afrique|áfrica|asie|ásia|europa|amérique|américa|moyen-orient|oriente medio|oriente médio|"
    r"afrique de l'ouest|afrique subsaharienne|afrique francophone|áfrica subsahariana|"
    r"cataluña|catalunya|andalucía|euskadi|país vasco|galicia|valencia|lombardia|baviera|bayern|"
    r"korea selatan|jepang|tiongkok|amerika serikat|inggris|jerman|prancis|belanda|singapura|arab saudi|"
    r"estados unidos|eua|ee\.? ?uu\.?|américa latina|america latina|amérique latine|latinoamérica|"
    r"reino unido|alemania|alemanha|francia|frança|japón|japão|coreia do sul|corea del sur|"
    r"españa|espanha|itália|suiza|suíça|canadá|méxico|perú|índia|rusia|rússia|países bajos|holanda|"
    r"emiratos árabes unidos|arabia saudita|deutschland|frankreich|spanien|österreich|schweiz|"
    r"vereinigte staaten|großbritannien|allemagne|espagne|états-unis|royaume-uni|suisse|belgique)$",
    re.I,
)


# News outlets and deal-data providers: they report rounds and count them, and invest in none.
_MEDIA = re.compile(
    r"(?:the\s+)?(?:reuters|bloomberg|bloomberg news|techcrunch|fortune|forbes|pitchbook|crunchbase|crunchbase news|"
    r"cb insights|dealroom|tracxn|venture intelligence|inc42|entrackr|yourstory|dealstreetasia|sifted|venturebeat|"
    r"axios|financial times|ft|wall street journal|wsj|cnbc|business insider|economic times|"
    r"techpoint|techpoint africa|techcabal|disrupt africa|wamda|magnitt|tech in asia|e27|krasia|nikkei|nikkei asia|"
    r"36kr|36氪|投资界|界面新闻|valor econômico|estadão|exame|expansión|el país|cinco días|handelsblatt|"
    r"gründerszene|les echos|maddyness|la tribune|national venture capital association|nvca)",
    re.I,
)


def short_form(short: str, full: str) -> bool:
    """Whether `short` is `full` with its last words cut to their initials: "Larch EMF" for "Larch
    Emerging Markets Fund", "NHA" for "New Harbor Associates"."""
    sw, fw = short.split(), full.split()
    if not sw or len(sw) >= len(fw) or sw[:-1] != fw[: len(sw) - 1]:
        return False
    rest = [w for w in fw[len(sw) - 1 :] if w.casefold() not in ("of", "and", "&", "for", "de", "the")]
    return len(rest) >= 2 and sw[-1].isupper() and sw[-1] == "".join(w[0].upper() for w in rest)


def is_place(name: str) -> bool:
    """A country, region or city we know, or a pair of them ("Asia-Australia", "Asia and Australia")."""
    # an article before a country in some languages: "Le Kenya", "la India" ("Los Angeles" is whole)
    bare = re.sub(r"^(?:(?:the|le|la|les|el|los|las|o|os|der|die|das)\s+|l['’]\s*)", "", name, flags=re.I)
    for variant in {name, bare}:
        parts = re.split(r"\s*-\s*|\s+(?:and|&|e|y|dan)\s+", variant)
        if all(_PLACE.match(p) for p in parts if p) and any(parts):
            return True
    return False


# Common nouns that make up organisations' names; a name of these words alone ("Venture Capital",
# "Investment Holdings LP", "Seed Capital") is a phrase or a fragment, not someone's name.
_COMMON_ORG_WORDS = {w.casefold() for w in _GENERIC_ORG | set(_FUND_WORDS.split("|"))} | {
    "venture", "capital", "fund", "funds", "group", "bank", "seed", "growth", "financial", "instruments",
    "private", "equity", "asset", "assets", "the", "and", "of", "investor", "investors", "angel",
    "partner", "lp", "llc", "inc", "ltd", "limited", "co", "corp", "plc", "one", "vc",
}  # fmt: skip


def names_no_one(name: str) -> bool:
    """Whether a name is made of organisations' common nouns alone."""
    words = re.findall(r"\w+", name)
    return bool(words) and all(w.casefold() in _COMMON_ORG_WORDS for w in words)


# Names that read like an investing firm.
_INVESTOR_MARK = re.compile(
    rf"\b(?:{_FUND_WORDS}|Venture|Funds|Investment|Investors|Angel|VC|Holdings?|Group|Bank|"
    r"Equity|Asset Management|Management|Growth|Labs|Foundation|Trust|Family Office|Accelerator|Incubator|"
    r"Advisors|Associates|Finance|Financial|Securities|Corporation)\b"
)


# The last word of a fund's or an investing firm's name.
_FUND_END = re.compile(rf"\s(?:{_FUND_WORDS}|Venture|VC)$")


# Evidence weights, in nats added to the model's log-probabilities (the cues package says why).
CUE = 3.0
WEAK = 1.5


@dataclass
class Candidates:
    article: str
    chosen: list[Sentence]
    names: list[str] = field(default_factory=list)
    money: list[str] = field(default_factory=list)
    # Relevant sentences left out because the focus budget was full (reported in the record's warnings).
    dropped: int = 0
    # How often the whole article names each candidate.
    mentions: dict[str, int] = field(default_factory=dict)
    contexts: dict[str, cues.NameContext] = field(default_factory=dict)
    amounts: dict[str, cues.AmountContext] = field(default_factory=dict)
    story: str = "funding"
    lang: str = "en"
    # The article's publication date (ISO, possibly partial): the rates its money is compared at.
    published: str | None = None
    # The year of the news: the published year, else the latest year the article names.
    newest_year: int | None = None

    @property
    def sentences(self) -> list[str]:
        return [s.text for s in self.chosen]

    @property
    def focus(self) -> str:
        return "\n".join(self.sentences)

    @classmethod
    def find(
        cls,
        article: str,
        budget: int = FOCUS_CHARS,
        skip: Sequence[tuple[int, int]] = (),
        published: str | None = None,
    ) -> Candidates:
        """Pick the sentences that talk about money and rounds (in order, within budget), then their spans.
        Sentences overlapping a `skip` span ([start, end) offsets) are left out."""
        lang = language(article)
        every = [
            s
            for s in sentences(article)
            if not any(a < s.start + len(s.text) and s.start < b for a, b in skip)
        ]
        article_money = find_money(article)
        money_texts = {m.text for m in article_money}
        chosen: list[Sentence] = []
        size = 0
        dropped = 0
        for i, s in enumerate(every):
            if s.boilerplate and i > 0:
                continue
            relevant = (
                i == 0
                or any(t in s.text for t in money_texts)
                or bool(cues.RAISE_VERB.search(s.text) or cues.FUNDING_NOUN.search(s.text))
                or lang == "zh"
                and cues.cjk_funding(s.text)
            )
            if relevant and size + len(s.text) <= budget:
                chosen.append(s)
                size += len(s.text) + 1
            elif relevant:
                dropped += 1
        texts = [s.text for s in chosen]
        focus = "\n".join(texts)
        # A Title Case headline capitalises every word; its names recur in the body anyway.
        body = "\n".join(texts[1:]) if texts and _title_case(texts[0]) else focus
        names = (cjk_names_in(focus) if lang == "zh" else names_in(body, lang, texts[0] if texts else ""))[
            :MAX_NAMES
        ]
        money = _distinct_money(chosen)[:MAX_AMOUNTS]
        years = [int(y) for y in cues.YEAR.findall(article)]
        newest = int(published[:4]) if published else max(years, default=None)
        amounts: dict[str, cues.AmountContext] = {}
        for text in money:
            for s in chosen:
                at = s.text.find(text)
                if at >= 0:
                    amounts[text] = (
                        cues.cjk_amount_context(s.text, at, at + len(text))
                        if lang == "zh"
                        else cues.amount_context(s.text, at, at + len(text), newest)
                    )
                    if s is not chosen[0] or len(chosen) == 1:
                        break
        _shares_are_not_rounds(amounts, article_money)
        for m in article_money:
            if m.value < 1000 and m.text in amounts:
                # "$8 per share", "($1 = 5.07 reais)": a price or a rate, never a round
                amounts[m.text].raised = amounts[m.text].raised_close = False
        headline = texts[0] if texts else ""
        return cls(
            article=article,
            chosen=chosen,
            names=names,
            mentions={n: len(cues.name_pattern(n).findall(article)) for n in names},
            money=money,
            dropped=dropped,
            contexts=(cues.cjk_name_contexts if lang == "zh" else cues.name_contexts)(
                texts[1:] if len(texts) > 1 and not _is_sentence(headline) else texts, names, headline
            ),
            amounts=amounts,
            story=(
                cues.cjk_story_kind(headline, " ".join(texts[1:3]))
                if lang == "zh"
                else cues.story_kind(
                    headline,
                    " ".join(texts[1:3]),
                    sum(1 for c in amounts.values() if c.raised_close and not c.earlier and not c.plan),
                )
            ),
            lang=lang,
            published=published,
            newest_year=newest,
        )

    def is_share(self, money: str) -> bool:
        """Whether the money is one investor's part of a round the article names ("put in $30 million")."""
        c = self.amounts.get(money)
        return bool(c and c.share and not c.raised)

    def not_a_round(self, money: str) -> bool:
        """Whether the words around the money say it is something else: a fund's size, revenue, a price."""
        c = self.amounts.get(money)
        return bool(c and c.not_raised and not c.raised)

    def earlier(self, money: str) -> bool:
        """Whether the round this money opens came before the news: its sentence dates it earlier or says
        so ("previously"), or the story is about something else (an IPO, an acquisition, results)."""
        c = self.amounts.get(money)
        return self.story != "funding" or bool(c and c.earlier)

    @property
    def prominence(self) -> dict[str, float]:
        """log(1 + mentions) of each name in the article: the company a story is about is named most."""
        return {n: math.log1p(self.mentions.get(n, 1)) for n in self.names}

    @cached_property
    def raisers(self) -> set[str]:
        """Names seen raising money. In a funding story where none is ("Ualá quedó valuada ... tras una
        ronda"), the story is about the organisation its headline names most often."""
        # the short form of a backer ("Kae" for "Kae Capital, which put money in") raises nothing here
        backers = [o for o, c in self.contexts.items() if (c.investor or c.lead) and not c.raiser]
        # "Halvard" for "Halvard Capital", a name that reads like a fund, unless the headline is about it
        # ("Halvard raises its fourth fund")
        funds = [o for o, c in self.contexts.items() if _FUND_END.search(o) and not c.raiser]
        seen = {
            n
            for n, c in self.contexts.items()
            if c.raiser
            and not is_place(n)
            # "closed a Series C, the magazine can report": an outlet tells the news (one the headline names is
            # its subject: "a Ferngate informou")
            and (c.outlet < c.raiser or c.headline)
            and c.person < c.raiser
            and not looks_personal(n)  # "Ana Ruiz, CEO of X, said the company raised"
            and not any(o.startswith(n + " ") for o in backers)
            and (c.headline or not any(o.startswith(n + " ") for o in funds))
        }
        if seen or self.story != "funding":
            return seen
        first_line = self.article.strip().split("\n", 1)[0].strip(" .:|-–—")
        named = [
            n
            for n, c in self.contexts.items()
            if c.headline
            and not is_place(n)
            and not _MEDIA.fullmatch(n)
            and not (c.person or c.outlet or c.investor or c.lead or c.headline_object)
            and not looks_personal(n)
            # a masthead (a blog's name alone on the first line, never named again) is not the story's subject
            and not (n == first_line and self.mentions.get(n, 0) < 2)
            # "Ferngate turns to NHB": the initials of a backer named in full in the body, or its short name
            and not any(short_form(n, o) or o.startswith(n + " ") for o in backers + funds)
        ]
        return {max(named, key=lambda n: self.mentions.get(n, 0))} if named else set()

    def name_prior(self) -> dict[str, dict[str, float]]:
        """Evidence for each name's role from the words around its mentions. A role needs evidence: a
        company is named raising money, a lead is named leading; a name with no such words around it
        is left to the model only between "investor" (when it reads like a fund) and "other"."""
        prior: dict[str, dict[str, float]] = {}
        raisers = self.raisers
        for n in self.names:
            c = self.contexts.get(n) or cues.NameContext()
            p = {"company": -CUE, "lead": -CUE, "investor": 0.0, "other": 0.0}
            if n in raisers:
                p["company"] = CUE + math.log1p(self.mentions.get(n, 1))
            if c.lead:
                p["lead"] = CUE
                p["investor"] += WEAK
            elif c.investor:
                p["investor"] += CUE
            elif not _INVESTOR_MARK.search(n):
                p["investor"] -= WEAK
            if (c.person or c.outlet) and not (c.investor or c.lead or c.raiser):
                p["other"] += CUE
            if not (c.raiser or c.investor or c.lead):
                p["other"] += WEAK
            prior[n] = p
        return prior

    def amount_prior(self) -> dict[str, dict[str, float]]:
        """Money is a round only with funding words around it; then the model tells news from earlier."""
        prior: dict[str, dict[str, float]] = {}
        for m in self.money:
            c = self.amounts.get(m) or cues.AmountContext()
            p = {"raised": 0.0, "earlier": 0.0, "usd": 0.0, "valuation": 0.0, "other": 0.0}
            if c.valuation:
                p["valuation"] += 2 * CUE
            elif c.plan:
                p["other"] += 2 * CUE
            elif c.total or c.not_raised:
                p["other"] += CUE
            if not c.raised:
                p["raised"] -= CUE
                p["earlier"] -= CUE
                p["other"] += WEAK
            else:
                p["raised"] += CUE if c.raised_close else WEAK
            prior[m] = p
        return prior

    def form(self, names: dict[str, str], amounts: dict[str, str]) -> dict[str, dict[str, str]]:
        """A filled form in candidate order: the given roles, "other" for every other candidate."""
        return {
            "names": {n: names.get(n, "other") for n in self.names},
            "amounts": {m: amounts.get(m, "other") for m in self.money},
        }

    def name_choices(self) -> dict[str, list[str]]:
        """The roles the words around each name allow: a company is named raising money, a lead is named
        leading, an investor is named investing or reads like a fund; "other" is always open."""
        out: dict[str, list[str]] = {}
        raisers = self.raisers
        for n in self.names:
            c = self.contexts.get(n) or cues.NameContext()
            allowed = []
            if n in raisers:
                allowed.append("company")
            # a place, a news outlet or a deal-data provider, or an outlet the article cites at least as
            # often as it lists it ("as Bloomberg reported, Tesco led"), invests in nothing
            bystander = (
                is_place(n) or bool(_MEDIA.fullmatch(n)) or (c.outlet > 0 and c.outlet >= c.investor + c.lead)
            )
            if c.lead and not bystander:
                allowed.append("lead")
            if (c.investor or c.lead or _INVESTOR_MARK.search(n)) and not bystander:
                allowed.append("investor")
            out[n] = [r for r in get_args(NameRole) if r in allowed or r == "other"]
        return out

    def amount_choices(self) -> dict[str, list[str]]:
        """Money is a round ("raised") only with funding words around it, a valuation only with valuation
        words; a US-dollar twin is told by position. Whether a round is the news or an earlier one is not
        asked: the dates and words around it tell (`earlier`), and the small model rates "earlier" far
        below "raised" whatever the text."""
        out: dict[str, list[str]] = {}
        for m in self.money:
            c = self.amounts.get(m) or cues.AmountContext()
            allowed = ["usd"]
            if c.raised and not (c.plan or c.valuation or c.total):
                # Whether money is a round is the model's call; whether it is the news or an earlier
                # round is told by dates and words ("previously", a year before the news).
                allowed.append("raised")
            if c.valuation:
                allowed.append("valuation")
            out[m] = [r for r in get_args(AmountRole) if r in allowed or r == "other"]
        return out

    def roles_schema(self) -> dict[str, Any]:
        """The Roles form for this article: every candidate is a key, its role an enumeration of the roles
        its context allows, with the evidence of its context as a prior."""
        names = self.name_choices()
        return {
            "type": "object",
            "properties": {
                "names": _roles(
                    self.names,
                    names,
                    self.name_prior(),
                ),
                "amounts": _roles(self.money, self.amount_choices(), self.amount_prior()),
            },
            "required": ["names", "amounts"],
            "additionalProperties": False,
        }
