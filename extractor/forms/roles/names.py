"""Proper-noun phrases in an article's Latin-script text: the names a small model may give a role.

A capitalised run is cut at words that never belong to a name ("said", months, titles), trimmed of
descriptors ("fintech startup"), and kept only when it reads as a name in this article."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractor.forms.roles import cues
from extractor.forms.roles.name_kinds import FIRM_WORD, GENERIC_ORG, INSTITUTION, ORG_WORD, is_place
from extractor.forms.roles.text import language
from extractor.parsing.dates import MONTHS, WEEKDAYS
from extractor.parsing.money import CURRENCY_WORDS, find_money
from extractor.parsing.round_types import LABEL_PATTERN

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


def dedupe(items: list[str]) -> list[str]:
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
            institution = one_word and word in ("&", "and") and bool(INSTITUTION.search(right))
            if institution and not (listed or alone):
                continue
            if _count(right, text) == 0 and all(
                w.strip(".,") in GENERIC_ORG or _LEGAL_FORM.fullmatch(w.strip(".,")) for w in words[i + 1 :]
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
            and FIRM_WORD.fullmatch(left[-1])
            and where
            and (is_place(" ".join(where)) or len(where) == 1)
        ):
            return [left]
        if len(left) == 2 and not ORG_WORD.search(left[-1]) and i + 1 < len(words):
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
    last_firm = bool(FIRM_WORD.fullmatch(words[-1].strip(".,"))) if words else False
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
    if len(words) == 1 and start > 0 and FIRM_WORD.fullmatch(words[0].strip(".,")):
        first = whole[start - 1].strip(".,")
        if first.casefold() in _FIRM_FIRST or _DESCRIPTOR.match(first):
            words = [first, words[0]]  # "Seed Capital", "FinTech Collective": a firm word alone names no one
    elif (
        start == 1
        and len(words) >= 2
        and whole[0].casefold() in ("new", "next", "first")
        and FIRM_WORD.fullmatch(words[-1])
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
    inside = any(pattern.search(line) and not title_case(line) for line in text.splitlines())
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
    return dedupe(brands + names)


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


def title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
