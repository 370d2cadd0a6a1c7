"""What the words around an amount say about it: a round's money, a valuation, a total, a price, a plan."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.forms.roles.cues.phrases import (
    DE_RAISED,
    EARLIER_WORDS,
    FUNDING_NOUNS,
    MONEY_VERB,
    MONEY_VERBS,
    PLUPERFECT,
    REPORTED,
    dated_before,
    funding_sentence,
    listed_raise,
)

_ROUND_WORTH = re.compile(
    r"\b(?:round|deal|funding|investment|financing|raise|facility|package|tranche|transaction|shares|stake|stock|"
    r"equity|notes|bonds)\s+(?:\w+\s+)?worth\b",
    re.I,
)
_VALUATION = re.compile(
    r"\b(?:valu(?:ed|es|ing|ation)|value at|post-money|pre-money|worth|valuad[ao]|valuación|valoración|"
    r"avaliad[ao]|avaliação|valuasi|bewert(?:et|ung)|valoris(?:ée|ation))\b|估值",
    re.I,
)
_TOTAL = re.compile(
    r"\b(?:total(?:ling|ing|led)?|to date|so far|in all|altogether|cumulative(?:ly)?|combined|overall|"
    r"bringing|brings|bring|aggregate|em total|no total|hasta la fecha|en total|totalizando|hasta ahora|"
    r"até agora|até hoje|até o momento|sejauh ini|hingga kini|bisher|bislang|jusqu'ici|"
    r"secara total|insgesamt|au total|across \d+ (?:deals|rounds|transactions|startups|companies)|"
    # money summed over a stretch of time: "over $100 million in the last year and a half", "since then"
    r"(?:in|over|during) the (?:last|past) (?:\w+\s+){0,4}?(?:years?|months?|decade)|since then|since (?:its )?"
    r"(?:founding|inception|launch)|desde então|desde entonces|desde su fundación|desde sua fundação|"
    r"seit (?:der|seiner|ihrer) Gründung|depuis (?:sa|leur) (?:création|fondation)|dalla (?:sua )?fondazione|"
    r"(?:em|en) \d+ (?:negócios|rodadas|operações|acuerdos|rondas|operaciones))\b|累计|总计|"
    # money that holds a round named after it: "$21 million, which included an $18 million series B"
    r"\b(?:which|that) includ(?:ed|es) (?:an? |the )?(?=[$€£¥₹\d]|US\$|R\$|Rs)",
    re.I,
)
# "a Series B round totalling $20 million", "in einer Series-C-Runde insgesamt 155 Millionen Euro": the
# round's own size, not a total of several.
_ROUND_SIZE = re.compile(
    r"\b(?:round|runde|finanzierungsrunde|ronda|rodada|tour|putaran|financing|funding)\s+(?:(?:with|of|von|de|d')\s+)?"
    r"(?:a\s+)?(?:total(?:ling|ing|led)?|insgesamt|en total|no total|au total|in total|totalizando)\s+"
    r"(?:(?:of|de|von)\s+)?(?:about|around|some|nearly|over|more than|mehr als|rund|cerca de)?\s*$",
    re.I,
)
# Money many companies raised together ("Israeli startups raised $994 million in the quarter").
_MANY_RAISERS = re.compile(
    r"\b(?:startups|start-ups|companies|firms|businesses|founders|ventures|fintechs|unicorns|ecosystem|sector|"
    r"empresas|perusahaan rintisan|unternehmen)\s+(?:\w+\s+){0,3}?(?:raised|secured|attracted|drew|"
    r"received|captaram|recaudaron|levantaram|meraih)\s+(?:\S+\s+){0,3}?$|"
    # "funding raised by Indian startups fell 75% YoY to $3 billion": a market's figure moving
    r"\b(?:startups|start-ups|companies|firms|sector|market|ecosystem|region|country)\b[^.;]{0,40}?"
    r"\b(?:fell|fall(?:s|en)?|dropped|drops?|declined|declines?|rose|rises?|risen|grew|grows?|jumped|surged|"
    r"increased|decreased|plunged|slumped|climbed)\b[^.;]{0,30}?\bto\s+(?:\S+\s+)?$",
    re.I,
)
# Buying a company: the price is no round.
_BUYING = (
    r"compra|comprar|comprou|adquirir|adquiriu|aquisição|adquirió|compró|adquisición|akuisisi|mengakuisisi|"
    r"membeli|übernahme|übernimmt|kauft|rachat|rachète|racheter"
)
_BOUGHT = re.compile(rf"\b(?:{_BUYING}|acquir(?:e|es|ed|ing)|buys?|bought|purchase[sd]?)\b", re.I)
_NOT_RAISED = re.compile(
    r"\b(?:revenue|revenues|sales|turnover|gmv|profit|profits|loss|losses|income|ebitda|arr|"
    r"market|industry|sector|budget|salary|salaries|price|prices|fee|fees|cost|costs|spend|"
    # what one share is worth: "debentures, each with a face value of INR 1 lakh"
    r"face value|par value|nominal value|per share|valor nominal|valeur nominale|nennwert|"
    r"spending|deals? worth|transactions?|payments?|processed|loans? disbursed|assets under management|"
    r"aum|fund of|a (?:\S+ )?fund|acquisition|acquire[sd]?|bought|buy|purchase|takeover|ipo|"
    r"listing|shares? (?:sale|offering)|market cap(?:italisation|italization)?|receita|faturamento|"
    r"ingresos|ventas|facturación|pendapatan|umsatz|"
    rf"{_BUYING}|"
    # courts and regulators: "wins its $4 billion bribery case", "a $10m fine"
    r"case|lawsuit|suit|fine|fined|penalty|penalties|damages|settlement|bribery|claim|judgment|judgement)\b",
    re.I,
)


# A sum over many deals: "more than £44m in UK tech investments" (not "50 billion won in investments").
# "raised more than $500 million in venture funding": an open-ended sum of money of no named round is a
# running total ("raised $5 million in seed funding", "over $20 million in funding led by X" are rounds).
_OPEN_SUM_BEFORE = re.compile(r"\b(?:more than|over|upwards of|in excess of)\s+$", re.I)
_OPEN_SUM_AFTER = re.compile(
    r"^\s+in\s+(?:[\w-]+\s+){0,2}?(?:funding|capital|investment|financing)\b"
    r"(?![^.;]{0,40}\b(?:round|led|from|by|series|seed|tranche)\b)",
    re.I,
)
_MANY_DEALS_AFTER = re.compile(
    r"^\s*(?:(?:raised|invested|secured)\s+)?(?:in|across|of|over)\s+(?:\w+\s+){1,3}?"
    r"(?:investments|deals|rounds|transactions)\b|"
    # "$91 Mn Raised By Indian Startups": money raised by many
    r"^\s*(?:was\s+|were\s+)?(?:raised|secured|mobili[sz]ed|captad[oa]s?|levantad[oa]s?|recaudad[oa]s?)\s+"
    r"(?:by|por|pelas?|pelos?)\s+(?:\w+\s+){0,2}?(?:startups|start-ups|companies|firms|businesses|founders|"
    r"ventures|fintechs|empresas)\b",
    re.I,
)
# A range is a size, not a round: "cheques of $0.5 Mn to $5 Mn".
_RANGE_AFTER = re.compile(r"^\s*(?:to|and|-|–|a|até|hasta)\s*(?:US|R|S|A)?[$€£¥₹]\s?\d")
_RANGE_BEFORE = re.compile(r"[$€£¥₹]\s?[\d.,]+\s?[A-Za-z]{0,3}\s+(?:to|-|–|a|até|hasta)\s*(?:US|R|S|A)?$")
_PLAN = re.compile(
    r"\b(?:aim(?:s|ed|ing)? to|plan(?:s|ned|ning)? to|seek(?:s|ing)? to|sought to|look(?:s|ing) to|hop(?:es|ed|ing) to|"
    r"want(?:s|ed)? to|intend(?:s|ed)? to|expect(?:s|ed)? to|would|could|may|might|target(?:s|ed|ing)?|"
    r"up to|as much as|in talks|mull(?:s|ing)?|considering|pretende|planea|busca|berencana|"
    r"will raise|to raise|is raising|are raising)\b",
    re.I,
)
_FUND_AFTER = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?(?:\S+\s+){0,2}?(?:fund|vehicle|fondo|fundo|dana kelolaan)\b", re.I
)


# Money put into doing something ("invest $1bn in building up its India business", "put EGP 5 bn into
# expanding its services") is spent, not raised; money put "into financing company X" is an investment.
_SPEND_BEFORE = re.compile(
    r"\b(?:invest|invests|invested|investing|put|puts|spend|spends|spent|commit|commits|committed)\s+"
    r"(?:\w+\s+){0,2}?$",
    re.I,
)
_ON_DOING_AFTER = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?(?:in|into|on)\s+(?!(?:\w+\s+)?(?:funding|financing)\b)(?:\w+\s+)?\w+ing\b",
    re.I,
)
# Money summed over a company's life or over several rounds, said before it: "a Cargo X já levantou mais
# de", "desde que foi fundada", "Desde que nasceu, a Hilab levantou"; or after it: "em três rodadas", "across
# pre-seed and seed rounds", "between 2017 and 2023", "as a private company".
_SUM_OF_ROUNDS_BEFORE = re.compile(
    r"\b(?:já|ya)\b[^.;]{0,40}\b(?:mais de|más de)\s*$|"
    r"\bdesde que (?:foi |fue |se )?(?:fundad[ao]|nasceu|naci[óo]|criad[ao]|cread[ao]|lançad[ao])\b[^.;]*$",
    re.I,
)
_SUM_OF_ROUNDS_AFTER = re.compile(
    r"^\s+(?:[^\s.;]+\s+){0,4}?(?:"
    r"(?:em|en|in|across|over)\s+(?:duas|dos|two|três|tres|three|quatro|cuatro|four|cinco|five|seis|six|several|"
    r"various|multiple|vários|varias|\d+)\s+(?:[\w-]+\s+){0,2}?(?:rodadas|rondas|rounds)\b|"
    r"across\s+(?:its\s+|the\s+)?(?:[\w-]+\s+(?:and|&)\s+)?[\w-]+\s+rounds\b|"
    r"between\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d\b|as a private company\b|"
    r"desde que (?:foi |fue |se )?(?:fundad[ao]|nasceu|naci[óo]|criad[ao]|cread[ao]|lançad[ao])\b)",
    re.I,
)
# What a round does to the total comes after it: "has raised $40 million, lifting the total invested in
# it to $200 million"; the total is the later figure.
_NEW_TOTAL_AFTER = re.compile(
    r"^[\s,]*(?:which\s+)?(?:lift|tak|bring|push|rais)\w*\s+(?:the|its|their)\s+total\b", re.I
)


@dataclass
class AmountContext:
    plan: bool = False
    valuation: bool = False
    total: bool = False
    not_raised: bool = False
    earlier: bool = False
    raised: bool = False
    # A funding verb right before the amount ("raised $40 million"), or a funding noun right after it
    # ("a $5 million seed round"): the strongest evidence there is.
    raised_close: bool = False
    # An investor's own part of a round ("Wang put in nearly $300 million", "ByteDance contributed").
    share: bool = False


def amount_context(sentence: str, start: int, end: int, newest_year: int | None = None) -> AmountContext:
    """What the words just before and after an amount in its sentence say it is. `newest_year` is the
    year of the news (the published year, else the latest year the article names): money dated to an
    earlier year in its own sentence was raised earlier."""
    before = sentence[max(0, start - 60) : start]
    after = sentence[end : end + 40]
    near = before[-35:] + " " + after[:25]
    clause_before = re.split(r"[;,(]\s|\s[–—-]\s", before)[-1]
    ctx = AmountContext()
    # "a Series D round worth 45 billion won" sizes the round; "a company worth $3bn" values it
    ctx.valuation = bool(_VALUATION.search(_ROUND_WORTH.sub(" ", near)))
    ctx.plan = bool(
        _PLAN.search(clause_before[-50:]) or _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before)
    )
    ctx.total = bool(
        (
            _TOTAL.search(before[-40:] + " " + ("" if _NEW_TOTAL_AFTER.match(after) else after[:30]))
            and not _ROUND_SIZE.search(before)
        )
        or _MANY_RAISERS.search(clause_before)
        or _MANY_DEALS_AFTER.match(after)
        or bool(
            _OPEN_SUM_BEFORE.search(before)
            and _OPEN_SUM_AFTER.match(sentence[end:])
            and not re.search(
                r"\b(?:seed|series|round|angel|pre-\w+|bridge)\b", sentence[end : end + 40], re.I
            )
        )
        or bool(_SUM_OF_ROUNDS_BEFORE.search(sentence[max(0, start - 100) : start]))
        or bool(_SUM_OF_ROUNDS_AFTER.match(sentence[end:]))
        # "It takes the total the company has raised since 2020 to £175m"
        or re.search(
            r"\b(?:takes?|taking|took|brings?|bringing|brought|pushes|pushing|lifts?|lifting)\s+"
            r"(?:the|its|their)\s+(?:total|tally|overall)\b[^,;]*$"
            # "Before this round Cala had raised $21 million": all it had raised until now
            r"|\bbefore (?:this|the latest|the new|the current) (?:round|raise)\b[^,;]*$"
            # "Somando o investimento captado nestas duas ocasiões, a Sword angariou 110 milhões"
            r"|\b(?:summing up|adding up|all told|altogether|all in all|in total|somando|sumando|juntando)\b[^.;]*$",
            sentence[max(0, start - 100) : start],
            re.I,
        )
        # "Since it was first founded 18 months ago, the company has raised £90 million"
        or re.match(
            r"\s*since (?:it was |its |it )?(?:first )?(?:founded|founding|launched|started|inception)\b[^.;]*$",
            sentence[:start],
            re.I,
        )
    )
    ctx.not_raised = bool(
        _NOT_RAISED.search(clause_before[-40:] + " " + after[:20]) or _FUND_AFTER.match(after)
    )
    ctx.earlier = bool(EARLIER_WORDS.search(sentence[:start] + " " + after[:40]))
    # "After a previous €7m round, X has closed a new €25m financing": the new money's own clause says so
    if re.search(
        r"\b(?:new|fresh|nouveaux?|nouvelle|nuev[ao]|nov[ao]|neue[nrs]?|baru)\b", clause_before[-50:], re.I
    ):
        ctx.earlier = bool(EARLIER_WORDS.search(clause_before + " " + after[:40]))
    # "had raised $50 million" tells of an earlier round, unless it is reported speech ("said it had raised").
    pluperfect = PLUPERFECT.search(before)
    if pluperfect and not REPORTED.search(sentence[: start - len(before) + pluperfect.start()]):
        ctx.earlier = True
    if dated_before(sentence[max(0, start - 120) : end + 60], newest_year):
        ctx.earlier = True
    ctx.raised = bool(
        MONEY_VERB.search(clause_before)
        or re.match(rf"^\s*(?:\S+\s+){{0,3}}?(?:{FUNDING_NOUNS})", after, re.I)
        or re.search(r"\b(?:a|an|its|the|new|fresh)\s+(?:\S+\s+)?$", before)
        and re.match(rf"^\s*(?:\S+\s+){{0,2}}?(?:{FUNDING_NOUNS})", after, re.I)
    )
    verbs = list(MONEY_VERB.finditer(clause_before))
    bought = list(_BOUGHT.finditer(clause_before))
    if verbs and bought and bought[-1].start() > verbs[-1].start():
        ctx.raised = False  # "announced it will buy Brex for $5.1 billion": a price, after the verb
    noun_before = re.search(
        rf"\b(?:{FUNDING_NOUNS}|captação|captaç|recaudación)\w*(?:\s+de\s+fonds)?(?:\s+[A-H](?:\+|\d)?)?"
        # one modifier of the kind: "financement par emprunt de", "financiación de deuda de"
        rf"(?:\s+(?:par|en|de|da|via)\s+(?:emprunt|dette|deuda|dívida|debt|capital|obligations|bonos|créditos?))?\s+"
        rf"(?:of|de|da|do|del|sebesar|senilai|von|mit|über|in Höhe von|à hauteur de|d'un montant de|pari a|di|d'|worth)?\s*"
        rf"(?:about|around|some|nearly|over|more than|cerca de|sekitar|aproximadamente|rund)?\s*$",
        before,
        re.I,
    )
    # The participle after the amount: "20 millions d'euros réunis auprès de", "US$ 5 milhões captados"
    after_participle = re.match(
        r"^\s*(?:\([^)]{0,40}\)\s*)?(?:levés?|levées?|réunis|récoltés?|collectés?|captados|captadas|recaudados|"
        r"levantados|obtenidos|dihimpun|diperoleh|raised|secured)\b",
        after,
        re.I,
    )
    # German puts the participle after the amount, often at the clause's end ("17 Millionen Euro eingesammelt",
    # "22 Mio. EUR an Finanzmitteln bekommen"), and names where money went after it ("85 Mio. USD in das
    # schwedische Unternehmen")
    after_participle = after_participle or re.match(
        rf"^\s*(?:\([^)]{{0,40}}\)\s*)?[^,.;]{{0,30}}?\b(?:{DE_RAISED})\b|^\s+in\s+(?:das|die|den)\s+(?:\S+\s+){{0,2}}?"
        r"(?:Unternehmen|Start-?up|Firma|Jungunternehmen)\b",
        after,
    )
    ctx.raised = ctx.raised or bool(noun_before) or bool(after_participle)
    if _SPEND_BEFORE.search(clause_before) and _ON_DOING_AFTER.match(after):
        ctx.raised = False  # "will invest €150 million in developing new assays": spending, not a round
    ctx.raised_close = bool(
        noun_before
        or after_participle
        or re.search(rf"\b(?:{MONEY_VERBS})\s+(?:\S+\s+){{0,3}}?$", before, re.I)
        or re.match(rf"^\s*(?:\([^)]{{0,40}}\)\s*)?(?:\S+\s+){{0,2}}?(?:{FUNDING_NOUNS})", after, re.I)
    )
    if listed_raise(sentence[:start], sentence[end:]) and funding_sentence(sentence):
        ctx.raised = ctx.raised_close = True
    # "BusCaro's $2 million hybrid deal", "ScholarBee's $350,000 convertible note"
    if re.search(r"[A-Z][\w.-]*['’]s\s+$", before) and re.match(
        r"^\s*(?:\S+\s+){0,2}?(?:deal|note|raise|round|investment|funding|financing)\b", after, re.I
    ):
        ctx.raised = ctx.raised_close = True
    ctx.share = (
        (bool(_SHARE.search(clause_before[-45:])) and not re.search(rf"\b(?:{FUNDING_NOUNS})", after, re.I))
        or bool(_PART_OF.search(before))
        # "Ola had raised $225m of the round": a part of a round named elsewhere
        or bool(
            re.match(
                r"^\s+of\s+(?:the|this|that|its)\s+(?:[\w-]+\s+){0,2}?(?:round|raise|financing)\b",
                after,
                re.I,
            )
        )
        # "Astra put $35 million into Halodoc's round": one backer's part of a round
        or bool(
            re.search(r"\b(?:put|puts|putting|invested|invests|contributed|committed)\s+$", clause_before)
        )
        and bool(_INTO_ROUND.match(after))
    )
    return ctx


# After an investor's money: the round it went into ("into Halodoc's round", "in the Series C").
_INTO_ROUND = re.compile(
    r"^\s+(?:in|into|to)\s+(?:the|this|that|its|their|[\w.-]+['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:round|raise|financing|funding)\b",
    re.I,
)
# "Of the money raised, $5 million came in as debt": a part of the round, not another round.
_PART_OF = re.compile(
    r"\b(?:of|out of) (?:the|this|that|which) (?:money|amount|funding|round|sum|capital|total|financing)"
    r"(?: raised)?,?\s+(?:\S+\s+){0,2}?$",
    re.I,
)


# Verbs an investor's own contribution follows: money someone put into a round, not the round.
_SHARE = re.compile(
    r"\b(?:put(?:s|ting)? (?:in|up)|invest(?:ed|s|ing)|contribut(?:ed|es|ing)|chipp(?:ed|ing) in|"
    r"inject(?:ed|s|ing)|pump(?:ed|s|ing) in|committ?(?:ed|s|ing)|aport(?:ó|ou|a)|investiu|invirtió)\s+"
    r"(?:\S+\s+){0,3}?$",
    re.I,
)
