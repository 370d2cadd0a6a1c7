"""The words of funding news that every cue reads: verbs of raising and investing, funding nouns,
telling of the past, a digest's bracketed money. Shared by the cues on names and on amounts."""

from __future__ import annotations

import re

from extractor.parsing.dates import FOUNDED_BEFORE, LAST_YEAR_WORDS

RAISE_VERBS = (
    # en
    r"rais(?:es|ed|ing)|secur(?:es|ed|ing)|clos(?:es|ed|ing)|bag(?:s|ged|ging)|land(?:s|ed|ing)|nab(?:s|bed)|"
    r"grab(?:s|bed)|snag(?:s|ged)|collect(?:s|ed)|pull(?:s|ed) in|receiv(?:es|ed)|obtain(?:s|ed)|"
    r"gets|got|won|wins|scor(?:es|ed)|picks up|picked up|attract(?:s|ed)|completes|completed|"
    r"tak(?:es|en) on|took on|tak(?:es|en) in|took in|"
    r"announc(?:es|ed) (?:a|an|its|the)|has raised|have raised|had raised|net(?:s|ted)|tap(?:s|ped)|"
    r"draw(?:s|n)?|drew|garner(?:s|ed)|scoop(?:s|ed)(?: up)?|rake(?:s|d) in|mop(?:s|ped) up|"
    r"land(?:s|ed)|bring(?:s)? in|brought in|seal(?:s|ed)|sign(?:s|ed)|ink(?:s|ed)|"
    # es, pt, fr: a loan signed ("ha firmado ... un préstamo"); "firma" alone is also the noun "firm"
    r"firmó|firmado|firmaron|assinou|assinado|assinaram|a signé|ont signé|"
    r"wrap(?:s|ped) up|(?:came|comes|coming) out of stealth|emerg(?:es|ed) from stealth|"
    # pt
    r"capt(?:a|ou|am|aram|ado)|receb(?:e|eu|em|eram|ido)|levant(?:a|ou|ado)|anunci(?:a|ou)|fech(?:a|ou|ado)|"
    r"angari(?:a|ou|ado|ar)|assegur(?:a|ou|ado)|"
    r"conclu(?:i|iu|ído)|obt(?:ém|eve|ido)|finaliz(?:a|ou|ado)|garant(?:e|iu|ido)|atra(?:i|iu|ído)|"
    # es, pt: "acaba de captar" (has just raised)
    r"acab(?:a|an|ó|ou|aram) de (?:captar|recaudar|levantar|obtener|conseguir|cerrar|receber|fechar|arrecadar|angariar)|"
    # es
    r"recaud(?:a|ó|an|aron|ado)|levant(?:ó|an|aron)|obtien(?:e|en)|obtuvo|obtenido|cierr(?:a|an)|cerró|cerrado|"
    r"consigu(?:e|ió)|conseguido|recib(?:e|ió|ido)|anunció|logr(?:a|ó|ado)|suma|sumó|reun(?:e|ió|ido)|"
    # id
    r"meraih|mendapatkan|memperoleh|mengumpulkan|menerima|mengamankan|menutup|mengantongi|"
    r"membukukan|raup|meraup|"
    # de
    r"sammel(?:t|te|n)|erh(?:ält|ielt)|hol(?:t|te)|sicher(?:t|te)|schlie(?:ßt|ßt)|bekommt|bekam|"
    # fr
    r"lève|lèvent|lever|lèvera|levait|levé|levés|a levé|ont levé|boucle|obtient|annonce|récolte|décroche|réuni(?:t|s)?|"
    r"bouclé|obtenu|récolté|décroché|sécurisé|sécurise|finalisé|finalise"
)
RAISE_VERB = re.compile(rf"\b(?:{RAISE_VERBS})\b", re.I)
# Indonesian verbs of putting money into a company ("Toyota menanamkan investasi ... ke Grab").
ID_INVESTS = r"menanamkan|tanam|menyuntikkan|suntik|mengucurkan|kucurkan|(?:meng)?investasikan"
# Verbs that move money, said of the raiser or of the investor: "raised $5M", "put $5M into".
MONEY_VERBS = (
    RAISE_VERBS
    + r"|put(?:s)?(?: up)?|pump(?:s|ed)|pour(?:s|ed)|inject(?:s|ed)|commit(?:s|ted)|invest(?:s|ed|ing)?|"
    r"provid(?:es|ed)|extend(?:s|ed)|award(?:s|ed)|grant(?:s|ed)|lend(?:s)?|lent|financ(?:es|ed)|"
    r"steck(?:t|en|te|ten)|investier(?:t|en|te|ten)|investi(?:ssent|t)|injecte|"
    rf"{ID_INVESTS}|berinvestasi"
)
MONEY_VERB = re.compile(rf"\b(?:{MONEY_VERBS})\b", re.I)

FUNDING_NOUNS = (
    r"funding|fundrais|round(?!-?ups?\b)|investment|financing|capital|seed|series|serie|série|seri\b|raise|grant|"
    r"loan|debt|facility|préstamo|empréstimo|"
    r"rodada|aporte|investimento|financiamento|cheque de|ronda|inversión|financiación|capital|pendanaan|"
    r"investasi|dana|finanzierung|finanzierungsrunde|investition|levée|tour de table|financement|融资|投资"
)
FUNDING_NOUN = re.compile(rf"\b(?:{FUNDING_NOUNS})", re.I)
# German puts the participle last: "Wattwerk GmbH hat in einer Series-A-Runde 12 Mio. Euro eingesammelt".
# ... or a modal and the infinitive ("die eine Finanzierung abschließen konnte"), also in a relative clause.
DE_RAISED = (
    r"eingesammelt|erhalten|aufgenommen|eingeworben|gesichert|bekommen|abgeschlossen|unter Dach und Fach gebracht|"
    r"beschafft|aufgestockt|"
    r"einsammeln|aufnehmen|einwerben|sichern|abschließen"
)
# Money and the company after it: "raised by X", "a Series D by X" ("led by X", "backed by X" name investors).
RAISED_BY = r"(?:(?:raised|secured|closed|bagged|landed)|round|series [a-z]\+?|seed|bonds?)\s+by"
EARLIER_WORDS = re.compile(
    r"\b(?:previous(?:ly)?|earlier round|prior round|previous round|last year|years? ago|months? ago|"
    r"had previously|in its (?:first|earlier|previous|last)|before that|back in|anteriormente|"
    # "eight months after it launched, X has raised": time since the founding, not since a round
    r"(?:months?|weeks?|years?|days?) (?:after|since)(?! (?:it |its |the company |being |was )?(?:launch|launched|"
    r"launching|found|founded|founding|inception|start|started|starting|incorporat))|(?:anos|meses|años) (?:desde que|después de|depois de)|"
    r"rodada anterior|ronda anterior|sebelumnya|zuvor|vorher|précédemment|(?:un|le|son) précédent|"
    r"(?:ampliación|ampliação|financiación|financiamento|inversión|investimento|operación|operação|"
    r"captación|captação|aporte) anterior|"
    # last year and some time ago, beyond English: "el año pasado", "há seis meses", "il y a deux ans"
    rf"{LAST_YEAR_WORDS}|(?:há|hace) (?:\S+ )?(?:meses|anos|años)|il y a (?:\S+ )?(?:mois|ans)|"
    r"vor (?:\S+ )?(?:monaten|jahren)|tahun (?:yang )?lalu)"
    # Chinese has no spaces to bound a word: "在此之前 ... 已经完成过多轮融资" (before this, it had completed)
    r"|此前|之前|完成过|曾获",
    re.I,
)


def bracket_open(text: str) -> bool:
    """Whether a bracket opened in `text` is still open at its end: what follows is an aside."""
    return text.rfind("(") > text.rfind(")")


# A year as a word of its own; Chinese writes it against characters ("在2021年完成"), where \b finds no edge.
YEAR = re.compile(r"(?<![\d.,$€£¥A-Za-z])(19[89]\d|20[0-4]\d)(?![\d%A-Za-z])")


def funding_sentence(sentence: str) -> bool:
    return bool(RAISE_VERB.search(sentence) or FUNDING_NOUN.search(sentence))


def says_earlier(sentence: str, newest_year: int | None) -> bool:
    """Whether a sentence tells of money raised before the news: its words, or a year before the news
    (the published year, else the latest the article names)."""
    return bool(
        EARLIER_WORDS.search(sentence)
        or (PLUPERFECT.search(sentence) and not REPORTED.search(sentence))
        or dated_before(sentence, newest_year)
    )


def dated_before(text: str, newest_year: int | None) -> bool:
    """Whether the latest year the text names is before the year of the news."""
    # A year the company was founded in dates the company, not the money ("X, which launched in 2019, raised")
    years = [
        int(m.group(0))
        for m in YEAR.finditer(text)
        if not FOUNDED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    ]
    return newest_year is not None and bool(years) and max(years) < newest_year


_LISTED_BEFORE = re.compile(
    r"(?:^|[\s,:;])(?!(?:US|USD|EUR|GBP|INR|CNY|RMB|Rs|Euros?|Dollars?|Yuan|Rupees?|Pounds?|Naira|Rand|Reais|Pesos?|Won|Yen)\s*\($)"
    r"[A-Z][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3}\s*\($"
)


def listed_raise(before: str, after: str) -> bool:
    """An amount in a digest's list entry "Name ($2.2m)", given the text before and after the amount."""
    return bool(_LISTED_BEFORE.search(before[-60:])) and bool(re.match(r"^\s*\)", after))


PLUPERFECT = re.compile(
    r"\bhad (?:\w+ )?(?:raised|secured|received|closed|bagged|picked up|landed)\b|"
    r"\b(?:había|habían|havia|haviam|tinha|tinham) (?:\w+ )?(?:reunido|recaudado|levantado|captado|conseguido|"
    r"obtenido|obtido|recebido|recibido|cerrado|fechado)\b|"
    r"\b(?:avait|avaient) (?:\w+ )?(?:levé|réalisé|bouclé|obtenu|réuni)\b|\bhatte (?:\w+ )?(?:eingesammelt|erhalten)\b",
    re.I,
)
# A sentence that puts a backer in the news round though it speaks of the past ("existing investors X,
# who backed the 2019 seed, also took part").
JOINS_ROUND = re.compile(
    r"\b(?:also|existing|returning|again|too|as well|this round|the round|latest round|new round|"
    r"participated|participating|joined|took part|followed on|re-?invested|doubled down|"
    r"(?:a|na|nesta|esta|la|en la|le|ce|dans ce) (?:rodada|ronda|tour)|putaran ini|pendanaan ini|"
    r"diese runde|der runde|ainda|además|também|también|juga|auch|également)\b|再度|继续|跟投|本轮|该轮",
    re.I,
)
REPORTED = re.compile(
    r"\b(?:said|says|announced|confirmed|told|disclosed|revealed|reported|stated|dijo|anunció|informó|"
    r"afirmó|disse|anunciou|informou|afirmou|a fait savoir|a annoncé|annonce|a indiqué|indique|a précisé|"
    r"teilte|mitteilte|gab bekannt)\b",
    re.I,
)


# -- Chinese: no spaces and no \b between words, so the cues are written for characters -------------

_CJK = re.compile(r"[\u4e00-\u9fff]")


def is_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
