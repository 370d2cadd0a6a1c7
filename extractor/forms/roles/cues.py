"""What the words around a span say about its role: deterministic evidence the model's choice is weighed with.

A 270M base model rates roles from the whole form, weakly. Funding news marks roles with a few phrases
in every language it is written in: "led by X", "X raised", "from X, Y and Z", "valued at", "said X",
"according to X". These functions read those phrases, for any article, as evidence in nats that is added
to the model's log-probabilities (extractor.forms.roles.decoder): the model still decides, and a span
with no such phrase around it is left to the model alone, nudged towards "other".

Nothing here knows any company, investor or figure: only the grammar of funding news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.parsing.dates import FOUNDED_BEFORE, LAST_YEAR_WORDS

# -- funding verbs and phrases, by language -----------------------------------------------------------

_RAISE_VERBS = (
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
RAISE_VERB = re.compile(rf"\b(?:{_RAISE_VERBS})\b", re.I)
# Indonesian verbs of putting money into a company ("Toyota menanamkan investasi ... ke Grab").
_ID_INVESTS = r"menanamkan|tanam|menyuntikkan|suntik|mengucurkan|kucurkan|(?:meng)?investasikan"
# Verbs that move money, said of the raiser or of the investor: "raised $5M", "put $5M into".
_MONEY_VERBS = (
    _RAISE_VERBS
    + r"|put(?:s)?(?: up)?|pump(?:s|ed)|pour(?:s|ed)|inject(?:s|ed)|commit(?:s|ted)|invest(?:s|ed|ing)?|"
    r"provid(?:es|ed)|extend(?:s|ed)|award(?:s|ed)|grant(?:s|ed)|lend(?:s)?|lent|financ(?:es|ed)|"
    r"steck(?:t|en|te|ten)|investier(?:t|en|te|ten)|investi(?:ssent|t)|injecte|"
    rf"{_ID_INVESTS}|berinvestasi"
)
MONEY_VERB = re.compile(rf"\b(?:{_MONEY_VERBS})\b", re.I)

_FUNDING_NOUN = (
    r"funding|fundrais|round(?!-?ups?\b)|investment|financing|capital|seed|series|serie|série|seri\b|raise|grant|"
    r"loan|debt|facility|préstamo|empréstimo|"
    r"rodada|aporte|investimento|financiamento|cheque de|ronda|inversión|financiación|capital|pendanaan|"
    r"investasi|dana|finanzierung|finanzierungsrunde|investition|levée|tour de table|financement|融资|投资"
)
FUNDING_NOUN = re.compile(rf"\b(?:{_FUNDING_NOUN})", re.I)

# "led by X and Y", "co-led by", "jointly led by"; in other languages.
_LEAD_INTRO = re.compile(
    r"\b(?:co-?led|jointly led|led|spearheaded|headed|anchored)\s+by\b|"
    r"\b(?:liderad[ao]|encabezad[ao]|comandad[ao]|coliderad[ao])\s+(?:por|pel[ao]s?)\b|\bguidat[ao]\s+da\b|"
    r"\bdipimpin\s+(?:oleh)?|\bangeführt\s+von\b|\bmenée?\s+par\b|\bwith\s+(?P<lead_with>[^,;.]{0,60}?)\s+leading\b|"
    # "The $8-million round had two leads: A and B"
    r"\b(?:had|has|have|with)\s+(?:two|three|four|joint)\s+(?:co-?)?leads?\s*:",
    re.I,
)
# Phrases after which the investors of a round are listed.
_INVESTOR_INTRO = re.compile(
    # "with A and B taking part": the names between are the list
    # (a list may run on with commas and asides: "with A, B (C), D and E.VC also taking part")
    r"\bwith\s+(?P<part_with>(?:[^;.]|\.(?=\S)){0,200}?)\s+(?:also\s+)?(?:taking part|participating|joining|"
    r"chipping in)\b|"
    # "Also taking part were A, B and C"
    r"\b(?:taking part|participating|joining|investing)(?: in the (?:round|deal|financing))?\s+(?:were|was)\b|"
    r"\b(?:with participation (?:from|of|by)|participation (?:from|of)|participated by|"
    r"(?:investors|backers|participants|investidores|inversionistas|inversores|investor|investoren|firmas|fundos|"
    r"gestoras|fondos|firms|funds|"
    r"investisseurs)(?:\s+[\w-]+){0,4}?\s+(?:such as|like|including|include|included|were|are|incluyen|incluem|como|wie|"
    r"termasuk|seperti|antara lain)|"
    # peers, not backers: "Vietnam's newest unicorn alongside VNG and VNLife"
    r"(?<!unicorn )(?<!unicorns )(?<!startups )(?<!companies )(?<!rivals )(?<!peers )"
    r"(?:including|alongside|along with|joined by|together with|as well as)|"
    # "researchers from Meta": where people come from, not who pays
    r"backed by|supported by|funded by|financed by|invested by|"
    r"(?<!researchers )(?<!engineers )(?<!executives )(?<!employees )(?<!alumni )(?<!veterans )"
    r"(?<!scientists )(?<!graduates )(?<!staff )from|"
    r"com participação d[eoa]s?|com a participação d[eoa]s?|participação d[eoa]s?|junto com|ao lado d[eoa]s?|"
    # "Entraram no aporte nomes de peso: Google, Microsoft, ..."
    r"(?:entraram|entrou|participaram|participam|participou|participa|participaron|participó)\s+"
    r"(?:n[oa]|d[oa]|en (?:la|el))\s+(?:aporte|rodada|round|captação|ronda|operação|operación)[^:.;]{0,80}:\s*|"
    r"con (?:la )?participación de|de la mano de|junto a|de parte de|por parte de|"
    r"partisipasi(?: dari)?|bersama(?: dengan)?|dari|"
    r"unter beteiligung von|beteiligt(?: sind| waren)?|von|mit|avec|auprès de|de la part de)\b",
    re.I,
)
# After an intro, the list ends at the clause's end.
_CLAUSE_END = re.compile(
    r"[.;:!?]|\s[–—-]\s|\b(?:to|which|who|that|the company|the startup|it said|said|according|while|whereas|"
    r"mientras|enquanto|tandis|"
    r"will|plans?|para|que|untuk|yang|um|zu|pour|in order|known|whose|dont|cuy[oa]s?|cuj[oa]s?)\b|"
    # an aside that says what the investor is: "led by Racine, the impact fund of MGEN, ..."
    r",\s+(?:the|its|le|la|son|el|su|o|a|seu|sua)\s+(?:[\w'’-]+\s+){0,2}?(?:fund|fonds|fondo|fundo|arms?|bras)\b|"
    # "from Benchmark, an investor in Snap, Twitter and Uber": what the investor owns, not co-investors
    r",\s+(?:an?|one)\s+(?:early\s+|earlier\s+|existing\s+)?(?:investor|backer|shareholder)\s+in\b|"
    # "pela Build Collective, do empresário X": the person behind the investor, not another investor
    r",\s+(?:do|da|del|de la|de|of|owned by|run by)\s+(?:\w+\s+){0,2}?(?:empresári[oa]|empresari[oa]|"
    r"emprendedor(?:a)?|empreendedor(?:a)?|investidor(?:a)?|inversor(?:a)?|fundador(?:a)?|founder|entrepreneur|"
    r"businessman|businesswoman|billionaire|bilionário|multimillonari[oa]|investor)\b",
    re.I,
)
# What ends a lead list: the other participants follow.
_LEAD_STOP = re.compile(
    r",\s*(?:with|com|con|dengan|mit|avec|e|y|and)\b|"
    # "liderado pela Atomico e teve recursos de X": a verb after "and" starts the other investors
    r"\s(?:e|y|and)\s+(?:also\s+)?(?:teve|contou|recebeu|incluiu|tuvo|contó|recibió|incluyó|had|drew|saw|"
    r"included|includes|got|received|attracted)\b|"
    r"\b(?:with participation|with (?:additional |further )?(?:participation|investment|backing)|"
    r"alongside|along with|joined by|as well as|together with|with (?:existing|new|other|returning)|"
    r"and (?:existing|other|new) investors|com participação|con (?:la )?participación|"
    r"contou com|contó con|serta|dengan partisipasi|unter beteiligung)\b|"
    # "liderada por X, sumó además a otros inversionistas como Y": a verb after the comma moves on
    r",\s*(?:sumó|sumo|contó|recibió|incluyó|atrajo|somou|contou|recebeu|incluiu|atraiu|drew|included|added|"
    r"brought|attracted)\b|\b(?:otros|otras|outros|outras|other)\s+(?:inversionistas|inversores|investidores|"
    r"investors|backers)\b",
    re.I,
)
# A loan and whom it goes to: "a $100 million loan to Acme Bank", "um empréstimo de US$100 mi ao banco ABC".
_LOAN = (
    r"\b(?:loan|credit line|line of credit|(?:credit|debt|loan) facility|empréstimo|linha de crédito|financiamento|préstamo|"
    r"línea de crédito|prêt|pinjaman|kredit|darlehen)\b"
)
_TO = r"\b(?:to|ao|à|aos|às|al|a la|au|aux|kepada|an|für)"
_LOAN_TO = rf"{_TO}\s+(?:(?:the|o|a|el|la|le|banco|bank|company|empresa|startup|start-up|fintech|lender)\s+)*(?-i:[A-Z])"
# "X led the round", "X participated", "X also invested"; "X, Y and Z also took part".
_AFTER_INVESTOR = re.compile(
    r"^\s*(?:\([^)]{0,60}\)\s*)?(?:(?:,|,? and|,? &)\s+[A-Z][\w&.'’-]*(?:[ \t]+[A-Z&][\w&.'’-]*)*\s*)*"
    r"(?:,[^,]{0,160},\s*)?(?:also\s+|has\s+|have\s+|had\s+|which\s+|who\s+|all\s+|both\s+)?"
    r"(?:earlier\s+|previously\s+|again\s+|once\s+|jointly\s+)?"
    # "Orrin Ventures is leading this round" (not "the leading provider": an -ing form needs its "is")
    r"(?P<verb>(?:is|are|was|were)\s+(?:(?:co-?)?leading|participating|investing|joining)|co-?led|led|leads|"
    r"participated|participates|invested|invests|backed|"
    # "Xendit joins the unicorn club": joining a club, a list or a company's staff invests nothing
    r"(?:joined|joins)(?!\s+(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){0,2}(?:club|ranks|list|league|race|board|team|"
    r"unicorns?|companies|startups|firm|company|startup|ecosystem|programme|program|cohort|accelerator)\b)|"
    r"contributed|put in|chipped in|took part|"
    # "have put USD 135m into HealthKart"
    r"(?:put|poured|pumped|injected|ploughed|plowed)(?=\s+(?:[^\s,.;]+\s+){1,4}?into\b)|"
    # "has extended a $100 million loan to Acme Bank", "anunciou um empréstimo ... ao banco ABC"
    rf"(?:extend(?:s|ed)|provid(?:es|ed)|grant(?:s|ed)|lent|lends|offer(?:s|ed)|announc(?:es|ed)|anunci(?:a|ou)|"
    rf"concede(?:u)?|otorg(?:a|ó))(?=\s+(?:\S+\s+){{0,4}}?{_LOAN}[^.;]{{0,60}}?{_LOAN_TO})|"
    r"liderou|lidera|lideram|participou|investiu|lideró|encabeza|encabezó|participó|invirtió|"
    rf"memimpin|berpartisipasi|beteiligte|investierte|a mené|{_ID_INVESTS}|berinvestasi)\b",
    re.I,
)
# After a verb of raising in an aside, a fund as its object: "Orrin Capital, which closed a new $90-million
# fund", is a backer described, no raiser (an article about a fund's close names it as the subject).
_FUND_OBJECT = (
    r"\s+(?:(?:a|an|its|their|the|new|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|latest|debut|"
    r"maiden|another|\S*\d\S*|million|billion)\s+){0,5}(?:venture\s+|growth\s+|seed\s+|opportunity\s+)?"
    r"(?-i:funds?|fondos?|fundos?|fonds)\b"
)
_NO_FUND = rf"(?!{_FUND_OBJECT})"
_FUND_ASIDE = re.compile(
    r"^\s*,\s*(?:which|that)\s+(?:has\s+|had\s+|just\s+|recently\s+|also\s+)?(?:raised|raises|secured|closed|"
    rf"closes|landed|received|bagged|picked up)\b(?={_FUND_OBJECT})",
    re.I,
)
# "X, a Lisbon maker of robots, said on Tuesday it has raised"; "X has raised"; "X raises".
_AFTER_RAISER = re.compile(
    # flags and emoji a newsletter puts after a name ("Trébol 🇨🇴 closed") are skipped
    rf"^[\s\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF\u2600-\u27BF]*(?:\([^)]{{0,60}}\)\s*)?"
    # one aside between commas, or a description running over several ("X, a firm in Malmö, Sweden, that
    # backs climate tech, has closed")
    rf"(?:,[^,]{{0,160}},\s*|,\s*(?:a|an|the|its|which|who|based|founded|headquartered)\b[^,]{{0,160}}(?:,[^,]{{0,160}}){{1,2}},\s*)?"
    rf"(?:\([^)]{{0,60}}\)\s*)?"
    # a digest's ranking: "Orrin Bio came next, securing S$40 million"
    rf"(?:\s*(?:came|comes|followed|follows|ranked|ranks|placed|was|is)\b[^,.;]{{0,30}},\s*(?=\w+ing\b))?"
    rf"(?:(?:said|says|announced|announces|confirmed|disclosed|revealed|disse|anunciou|dijo|anunció|"
    rf"ha anunciado|anunciado|informó|informou|mengumumkan)\s+(?:[\w,]+\s+){{0,4}}?(?:that\s+)?(?:it|they|she|he)?\s*)?"
    rf"(?:,?\s*(?:which|that|que|yang)\s+)?"
    # "Piggot was raised on a dairy farm": a person grew up; no money is raised in the passive of a name
    r"(?!(?:was|were)\s+raised\b)"
    rf"(?:has\s+|have\s+|had\s+|is\s+|was\s+|are\s+|were\s+|just\s+|now\s+|recently\s+|also\s+|today\s+|"
    rf"will\s+|first\s+|initially\s+|previously\s+|earlier\s+|already\s+|reportedly\s+|successfully\s+|"
    rf"officially\s+|quietly\s+|"
    rf"ha\s+|han\s+|había\s+|tem\s+|têm\s+|já\s+|acaba de\s+|acabó de\s+|baru saja\s+|baru\s+|"
    rf"telah\s+|sudah\s+|resmi\s+|kembali\s+|hat\s+|a\s+)*"
    # "Tesco memperoleh saham minoritas": who obtains shares invests, it does not raise
    rf"(?:{_RAISE_VERBS})\b(?!\s+(?:\w+\s+){{0,2}}?(?:saham|stake|shares|participação|participación|acciones|ações)\b)"
    # "Orrin Bank has completed a $400 million investment in X": who completes an investment in another makes it
    # (an investment "in March" or "in a round" is money raised)
    r"(?!\s+(?:\S+\s+){0,4}?investments?\s+(?:in|into)\s+(?:the\s+(?:parent|owner|operator|maker)\s+of\s+)?"
    r"(?!(?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])\b)"
    r"(?-i:[A-Z]))"
    # "O IFC anunciou um empréstimo de US$100 milhões ao banco ABC": who lends to a named party gives
    rf"(?!\s+(?:\w+\s+){{0,2}}?{_LOAN}[^.;]{{0,60}}?{_LOAN_TO})",
    re.I,
)
# German puts the participle last: "Wattwerk GmbH hat in einer Series-A-Runde 12 Mio. Euro eingesammelt".
# ... or a modal and the infinitive ("die eine Finanzierung abschließen konnte"), also in a relative clause.
_DE_RAISED = (
    r"eingesammelt|erhalten|aufgenommen|eingeworben|gesichert|bekommen|abgeschlossen|unter Dach und Fach gebracht|"
    r"beschafft|aufgestockt|"
    r"einsammeln|aufnehmen|einwerben|sichern|abschließen"
)
_DE_PERFECT_RAISER = re.compile(
    rf"^\s+(?:hat|haben|hatte|hatten|konnte|konnten|kann)\b[^;]{{0,120}}?\b(?:{_DE_RAISED})\b|"
    rf"^[^,;.]{{0,80}},\s*(?:die|der|das)\s+[^;]{{0,120}}?\b(?:{_DE_RAISED})\s+(?:hat|haben|hatte|konnte|kann)\b"
)
# A word that describes the name after it: "RegTech firm ClauseMatch", "fintech company X".
_DESCRIPTOR_AFTER = re.compile(r"^\s+(?:firm|company|startup|start-up|platform|provider|maker)\s+[A-Z]")
# Money and the company after it: "raised by X", "a Series D by X" ("led by X", "backed by X" name investors).
RAISED_BY = r"(?:(?:raised|secured|closed|bagged|landed)|round|series [a-z]\+?|seed|bonds?)\s+by"
# "invested $5 million in X", "funding for X", "backs X", "investment in X".
_BEFORE_RAISER = re.compile(
    r"(?:\b(?:invest(?:s|ed|ing|ment)?|put|puts|put up|pumped|pumps|poured|pours|injected|injects|"
    # "an investment firm in Malmö" places the firm; "investment in X" names where the money went
    r"committed|commits)\b(?![^.;]{0,60}?\b(?:firm|fund|company|manager|house|bank|group|arm|vehicle)\b)"
    r"[^.;]{0,60}?\b(?:in|into)|"
    # "have committed $16 million to X"
    r"\b(?:committed|commits|pledged|pledges)\s+(?:\S+\s+){1,4}?to|\b(?:funding|round|financing|raise|raising) (?:for|to)|\b(?:investasi|pendanaan|putaran)\b[^.;]{0,60}?\buntuk|\bbacks?|"
    r"\bbacked|\bgrants? (?:to|for)|\bawarded to|\b(?:leads?|led) (?:a |an |the )?[^.;]{0,40}?(?:round|investment) in|"
    r"\b(?:investiu|investe)[^.;]{0,40}?\b(?:em|n[ao])|"
    # "a $250 million debt round raised by Riyadh-based X", "a $200 million Series D by Y": who raised it
    rf"\b{RAISED_BY}(?:\s+(?:\S+\s+){{0,2}}?\S+-based)?|"
    r"\b(?:invirtió|invierte|inversión|invertirá)[^.;]{0,40}?\ben|\bberinvestasi[^.;]{0,40}?\bdi|"
    rf"{_LOAN}[^.;]{{0,60}}?(?:{_TO}|\bfor)|"
    r"\binvestiert[^.;]{0,40}?\bin|\binvestit[^.;]{0,40}?\bdans|\bmise?\s+sur|\bentre\s+au\s+capital\s+de|"
    # "Toyota menanamkan investasi sebesar ... ke Grab": who plants money names where it went
    rf"\b(?:{_ID_INVESTS}|menanam)\b[^.;]{{0,90}}?"
    r"\b(?:ke|di|kepada|pada))"
    # a word for what the company is may stand between: "invierte US$ 500 mil en la legaltech Magnar"
    r"(?:\s+(?:la|el|a|o|the|startup|start-up|empresa|banco|bank|[a-z]+tech))*\s*$",
    re.I,
)
_POSSESSIVE_ROUND = re.compile(
    r"^['’]s?\s+(?:\S+\s+){0,3}?(?:series|seed|round|funding|pre-|fundraise|raise|convertible note|"
    r"(?:hybrid|equity|debt|funding|financing|investment) deal)",
    re.I,
)

# Someone who reports or is quoted, not someone who invests.
_OUTLET_BEFORE = re.compile(
    r"\b(?:told|tells|according to|reported by|reports?|as reported by|cited by|via|per|source:|"
    r"segundo|según|menurut|berdasarkan (?:laporan|data)|laut|selon|told news outlet|in an interview with|speaking to|"
    r"in a statement to|wrote|writes|dilaporkan|diberitakan|dikutip dari|mengutip|seperti dilansir|dilansir|"
    r"informou a|informou ao|disse ao|disse à|dijo a|declaró a|confirmou ao|confirmou à|de acordo com|"
    r"de acuerdo con|reportado por|publicado por|noticiado por)\s*(?:the\s+|o\s+|a\s+|el\s+|la\s+)?$",
    re.I,
)
_OUTLET_AFTER = re.compile(
    r"^\s*(?:reported|reports|has reported|first reported|said in a report|noted|wrote|learned|has learned|"
    r"can (?:exclusively )?(?:report|reveal)|"
    r"understands|informou|noticiou|informó|melaporkan|berichtete)\b",
    re.I,
)
_TITLE = (
    r"ceo|cto|cfo|coo|cmo|chief(?: \w+)? officer|founder|co-founder|cofounder|managing partner|"
    r"general partner|partner|managing director|director|president|chairman|chairwoman|chair|"
    r"head|vice president|vp|md|analyst|minister|professor|spokes(?:person|man|woman)|executive|"
    r"executives|founders|co-founders|cofounders|"
    r"fundador|cofundador|diretor|director ejecutivo|presidente|sócio|socio|pendiri|direktur|"
    r"gründer|geschäftsführer|fondateur|directeur"
)
_PERSON_BEFORE = re.compile(
    rf"\b(?:{_TITLE})[,\s]*(?:and\s+)?$|\bsaid\s*$|\bsays\s*$|"
    rf"\b(?:mr|ms|mrs|dr)\.?\s*$|"
    # a profession before a name: "the singer X", "o cantor X", "el futbolista X"
    r"\b(?:singer|rapper|actor|actress|footballer|musician|comedian|athlete|tennis player|basketball player|"
    r"influencer|youtuber|celebrity|cantor|cantora|cantante|rapero|ator|atriz|actriz|futbolista|jogador|"
    r"jugador|tenista|músico|humorista|influenciador|schauspieler|sänger|sängerin|chanteur|"
    r"chanteuse|acteur|actrice|footballeur)\s*$",
    re.I,
)
_PERSON_AFTER = re.compile(
    rf"^\s*(?:,\s*(?:the\s+|its\s+|our\s+|a\s+)?(?:\w+\s+){{0,2}}(?:{_TITLE})\b|"
    # "Ashmeet Sidana, a veteran VC who ...": described as a person
    rf",\s*(?:a|an)\s+(?:[\w-]+\s+){{0,2}}(?:vc|venture capitalist|entrepreneur|banker|businessman|businesswoman|"
    rf"billionaire|angel investor|engineer|economist|investor who|investor and)\b|\s*said\b|\s*says\b|"
    rf"\s*told\b|\s*added\b|\s*explained\b|\s*disse\b|\s*dijo\b|\s*afirm[óo]u?\b|\s*mengatakan\b|"
    rf"\s*sagte\b|\s*\((?:{_TITLE})\)|"
    # "A and B founded the company, which raised": founders, not the company
    rf"\s+(?:co-?founded|founded|started|fundaron|fundou|fundaram|fondé|fondèrent)\s+(?:the|a|this|la|a|o|l['’])\s*"
    rf"(?:company|startup|start-up|firm|business|empresa|compañía|entreprise|société))",
    re.I,
)
# "said Ana Ruiz, Founder & CEO, Ferngate": the name after a person's title is the employer
_TITLED_EMPLOYER = re.compile(rf",\s*(?:[\w&.'’-]+\s+){{0,4}}?(?:{_TITLE})\s*,\s*$", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says)\s*(?:that\s+)?$", re.I)
_CLAUSE_VERB = re.compile(r"^\s+(?:is|was|are|were|has|had|have|will|would|could|can|plans|aims|expects)\b")
_STAFF_APPOSITION = re.compile(
    rf"^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+|our\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_TITLE})\b[^,;]{{0,120}}?"
    # ... and a relative clause after the employer: "which" is the employer's, not the person's
    r"\b(?:at|of|with|from|da|do|de|en|bei|chez)\s+[^,;]{0,80},\s*(?:which|that|que|qui)\b",
    re.I,
)
# The owner named to place a backer: "GV, Alphabet's venture arm", "part of the PIDG".
_OWNER_AFTER = re.compile(
    r"^['’]s?\s+(?:[\w()-]+\s+){0,3}?(?:arm|unit|subsidiary|affiliate|division|wing|branch)\b", re.I
)
_OWNER_BEFORE = re.compile(
    r"\b(?:(?:arm|unit|part|subsidiary|affiliate|division|wing|branch|member) of|affiliated with|"
    r"(?:braço|parte|filial|subsidiária|subsidiaria|brazo|unidad|filiale|bras) (?:[\w-]+ ){0,3}?(?:de|da|do|del|du|des))"
    # only words that describe the owner may stand between: "part of a round led by X" names a backer
    r"\s+(?:the\s+|a\s+|la\s+|o\s+|el\s+|its\s+)?"
    r"(?:(?!(?:by|from|with|led|co-led|including|and|or|in|among|to|for|round|por|pela|pelo|com|con)\b)[\w$.-]+\s+){0,3}$",
    re.I,
)
_TITLE_AFTER = re.compile(rf"^\s+(?:{_TITLE})\b", re.I)
TITLE_WORDS = re.compile(rf"^(?:(?:{_TITLE})\s*)+$", re.I)

# Amount context.
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
_EARLIER_WORDS = re.compile(
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
_IPO_STORY = re.compile(
    r"\b(?:ipo|initial public offering|listing|(?:market|trading|stock|nasdaq|nyse|exchange|public) debut|"
    r"priced (?:its )?shares|stock exchange|"
    r"oferta pública|salida a bolsa|abertura de capital|penawaran umum|börsengang|introduction en bourse)\b",
    re.I,
)
_MA_STORY = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|acquisitions?|merger|merges|takeover|buys|buying|bought|to buy|"
    r"swallow(?:s|ed)|"
    r"adquir(?:e|iu|ió|ió)|aquisição|adquisición|compra|akuisisi|übernahme|übernimmt|rachète|rachat|"
    # "acabó comprada por Facebook", "adquirida pela X", "rachetée par"
    r"comprad[ao]s? p(?:or|el[ao]|ela)|adquirid[ao]s? p(?:or|el[ao]|ela)|vendid[ao]s? a|rachetée?s? par)\b",
    re.I,
)
_RESULTS_STORY = re.compile(
    r"\b(?:quarter|quarterly|q[1-4]|fiscal|full-year|annual results|results|earnings|net loss|"
    r"net income|profit|revenue rose|revenue fell|trimestre|resultados|lucro|laba|ergebnis)\b",
    re.I,
)


# A name after a preposition is no subject: "an office in Stockholm, said it had raised", "founded by
# Punit Goyal, secured".
_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|at|from|by|of|for|with|to|into|on|near|across|via|em|en|de|di|dari|von|bei|à|por|pelo|pela|"
    r"para|com|con|sobre|melalui|lewat|über|durch|par|ao|aos|às|al|do|da|dos|das|del|pelos|pelas|"
    r"kepada|untuk)\s+(?:the\s+|o\s+|a\s+|el\s+|la\s+)?$",
    re.I,
)
# Where money comes from in a headline ("8 milhões de investidores do Orrin"); "$5M for X" names the raiser.
_HEADLINE_SOURCE = re.compile(
    r"\b(?:from|by|with|von|dari|oleh|par|por|pelo|pela|com|con|avec|mit)\s+(?:the\s+|o\s+|a\s+|el\s+|la\s+)?$|"
    # "8 milhões de investidores do Orrin e do Vardo": every name the investors are of
    r"\b(?:investors?|investidores|inversores|inversionistas|investisseurs|investoren|backers)\s+"
    r"(?:from|of|at|de|do|da|dos|das|del|des|von)\s+[^,.;:]*$",
    re.I,
)
# "Orrin alum raises $9M": people who worked at the name are the headline's subject, not the name.
_PEOPLE_OF = re.compile(
    r"^['’]?s?\s+(?:alum|alums|alumni|alumnus|alumna|veterans?|ex-employees?|engineers?|employees?|executives?|"
    r"execs?|researchers?)\b",
    re.I,
)
# "Ninox Medical, a sleep apnea startup, ...": described as a company in the sentence about the money.
_DESCRIBED = re.compile(
    # an investor's description ("GaoRong, a venture firm from Beijing,") describes no raiser
    # ("yet another venture set up by ..." is a company: only "venture" naming a kind of backer is one)
    r"^\s*,\s*(?:a|an|the|its|una?|uma?|sebuah)\s+(?![^,.;]{0,40}\b(?:venture(?! set| started| founded| built| "
    r"launched)|venturing|investment|investor|vc|private equity|asset management|fund)\b)[^,.;]{0,80}?\b(?:startup|"
    r"start-up|company|firm|platform|maker|developer|provider|marketplace|fintech|app|unicorn|business|operator|"
    r"retailer|brand|lender|studio|manufacturer|producer|chain|venture|empresa|plataforma|perusahaan|unternehmen|"
    r"entreprise)\b[^,.;]{0,60},",
    re.I,
)


# "The company, founded by Ana Ruiz, Leo Park and Ida Moss, has raised", "the firm started by TV star Ida
# Moss, has raised": a founder is neither the subject of the verb after it nor an investor. A list goes on
# only inside an aside; "Founded by Ana Ruiz, Acme raised" names the company after the comma.
_FOUNDER_VERB = (
    r"(?i:co-?founded|founded|started|fundad[ao]s?|cofundad[ao]s?|criad[ao]s?|didirikan|gegründet|fond[ée]e?s?|"
    r"cré[ée]e?s?|cofond[ée]e?s?)"
    r"\s+(?i:by|por|pelos?|oleh|von|par)\s+"
)
_FOUNDED_BY = re.compile(
    rf"\b{_FOUNDER_VERB}(?:[\w'’-]+\s+){{0,3}}?$|"
    # a bracket may follow each founder: "créée par A (Orrin) et B"
    rf"(?:,\s*|(?<=[a-zà-ÿ]\s)){_FOUNDER_VERB}(?:[A-ZÀ-Þ][\w'’.-]*(?:[ \t]+(?:de[ \t]+|van[ \t]+|von[ \t]+)?[A-ZÀ-Þ][\w'’.-]*)*"
    r"(?:[ \t]*\([^()]{0,60}\))?"
    r"(?:,[ \t]*(?:(?:and|y|e|dan|und|et)[ \t]+)?|[ \t]+(?:and|y|e|dan|und|et)[ \t]+))+$"
)

# "the company, which Ana Ruiz founded, raised": a relative clause whose subject founded or runs the company
_WHICH_BEFORE = re.compile(r"\b(?:which|that|whom|que|yang)\s+$", re.I)
_FOUNDED_AFTER = re.compile(
    r"^\s+(?:co-?founded|founded|started|launched|set up|created|runs|leads|heads|fundou|fundó|fundaron|"
    r"fundaram|criou|creó|fonda|a fondée?|gründete|mendirikan)\b",
    re.I,
)

# "heard of Tokopedia, especially since it commanded a $7 billion valuation when it raised $1.1 billion":
# a pronoun in the name's own clause raises the money, unless another name stands between.
# Only a pronoun opening a clause ("since it", "when it", "which") counts, and not after words of telling
# ("data from X indicated that it raised" is about the company, not the source).
_PRONOUN_RAISES = re.compile(
    r"^(?:(?!\b(?:said|says|indicated|indicates|showed|shows|reported|reports|noted|notes|told|according|"
    # "Orrin data puts its worth at $500 million when it raised": a source's figures
    r"data|figures|estimates|puts|put|that)\b)[^.;:!?]){0,100}?(?:\b(?:since|when|after|as|because|once|while|until|before|and)\s+it|,?\s*which)"
    r"\s+(?:has\s+|had\s+|just\s+|recently\s+|also\s+)?(?:raised|secured|closed|landed|received|bagged|"
    r"picked up)\b" + _NO_FUND
)


def raiser_after(after: str) -> bool:
    """Whether the words after a name make it the subject of a funding verb."""
    return bool(_AFTER_RAISER.match(after))


def bracket_open(text: str) -> bool:
    """Whether a bracket opened in `text` is still open at its end: what follows is an aside."""
    return text.rfind("(") > text.rfind(")")


def raiser_verb(after: str) -> re.Match[str] | None:
    """The words after a name up to its funding verb, when they make it the verb's subject."""
    return _AFTER_RAISER.match(after)


@dataclass
class NameContext:
    """Where a name stands, over all its mentions in the sentences the model reads."""

    raiser: int = 0
    investor: int = 0
    lead: int = 0
    person: int = 0
    outlet: int = 0
    mentions: int = 0
    headline: bool = False
    # named in the headline only after a preposition ("investors from Orrin"): not its subject
    headline_object: bool = False
    roles: set[str] = field(default_factory=set)


def _spans(
    sentence: str, intro: re.Pattern[str], stop: re.Pattern[str] | None = None
) -> list[tuple[int, int]]:
    """Character spans of the lists that follow `intro` in a sentence, each to the clause's end."""
    out = []
    for m in intro.finditer(sentence):
        inner = next((g for g in ("lead_with", "part_with") if m.groupdict().get(g)), None)
        if inner:
            out.append((m.start(inner), m.end(inner)))
            continue
        start = m.end()
        rest = sentence[start:]
        end_m = _CLAUSE_END.search(rest)
        end = start + (end_m.start() if end_m else len(rest))
        if stop is not None:
            stop_m = stop.search(sentence, start, end)
            if stop_m:
                end = stop_m.start()
        out.append((start, end))
    return out


def lead_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence lists who led: "led by X and Y", "liderada por X", up to the other investors."""
    return _spans(sentence, _LEAD_INTRO, _LEAD_STOP)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


# A year as a word of its own; Chinese writes it against characters ("在2021年完成"), where \b finds no edge.
YEAR = re.compile(r"(?<![\d.,$€£¥A-Za-z])(19[89]\d|20[0-4]\d)(?![\d%A-Za-z])")


def funding_sentence(sentence: str) -> bool:
    return bool(RAISE_VERB.search(sentence) or FUNDING_NOUN.search(sentence))


# After a Chinese verb of investing, words that make it part of a backer's name: "北辰产业投资基金共同投资"
# ends with the verb "投资"; its first "投资" is inside the fund's name.
CJK_NAME_GOES_ON = r"(?!基金|机构|公司|集团|管理|方|人|者|有限|控股|中心|合伙)"


def says_earlier(sentence: str, newest_year: int | None) -> bool:
    """Whether a sentence tells of money raised before the news: its words, or a year before the news
    (the published year, else the latest the article names)."""
    return bool(
        _EARLIER_WORDS.search(sentence)
        or (_PLUPERFECT.search(sentence) and not _REPORTED.search(sentence))
        or _dated_before(sentence, newest_year)
    )


def _dated_before(text: str, newest_year: int | None) -> bool:
    """Whether the latest year the text names is before the year of the news."""
    # A year the company was founded in dates the company, not the money ("X, which launched in 2019, raised")
    years = [
        int(m.group(0))
        for m in YEAR.finditer(text)
        if not FOUNDED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    ]
    return newest_year is not None and bool(years) and max(years) < newest_year


def name_contexts(
    sentences: list[str], names: list[str], headline: str | None = None
) -> dict[str, NameContext]:
    """The context of every candidate name, over its mentions in `sentences`."""
    out = {n: NameContext() for n in names}
    patterns = {n: re.compile(rf"(?<![\w-]){_cased(n)}(?![\w-])") for n in names}
    for sentence in sentences:
        funding = funding_sentence(sentence)
        leads = lead_spans(sentence)
        # "from" and its kin list investors only in a sentence about money.
        investors = _spans(sentence, _INVESTOR_INTRO) if funding else []
        # names a pronoun may skip: none after a preposition ("a platform based in Mumbai, which raised")
        starts = (
            [
                m.start()
                for p in patterns.values()
                for m in p.finditer(sentence)
                if not _AFTER_PREPOSITION.search(sentence[: m.start()])
            ]
            if funding
            else []
        )
        for name, pattern in patterns.items():
            ctx = out[name]
            for m in pattern.finditer(sentence):
                ctx.mentions += 1
                before, after = sentence[: m.start()], sentence[m.end() :]
                # "John Doerr (da gestora Kleiner Perkins)": a bracket in a list describes the entry before it
                aside = bracket_open(before)
                # "among them former Google CEO Eric Schmidt": the person invests, not the employer
                employer = _TITLE_AFTER.match(after)  # a title follows: the name is someone's employer
                titled = employer and re.match(r"^\s+\S+\s+[A-Z]", after)
                # "angel investments from general partners of A, B and C": the firms employ the investors
                staff_of = re.search(
                    r"\b(?:partners|executives|employees|founders|alumni|staff|members) (?:of|at|from)\s[^.;:]{0,80}$",
                    before,
                )
                # "GV, Alphabet's venture arm", "PINC, braço de venture capital da Paulig", "part of the PIDG":
                # the owner of a backer is named to place it, and invests through it, not beside it
                owner = _OWNER_AFTER.match(after) or _OWNER_BEFORE.search(before[-70:])
                listed_backer = not (aside or titled or staff_of or owner)
                in_leads = _inside(leads, m.start(), m.end())
                in_investors = _inside(investors, m.start(), m.end())
                backer = in_leads or in_investors  # inside a list of leads or backers
                if listed_backer and in_leads:
                    ctx.lead += 1
                    ctx.investor += 1
                elif listed_backer and in_investors:
                    ctx.investor += 1
                after_investor = _AFTER_INVESTOR.match(after)
                # "Edel Coen, head of dealflow at Molten Ventures, which led the round": the verb is the
                # employer's; the person is named for a quote
                if after_investor and _STAFF_APPOSITION.match(after):
                    after_investor = None
                if after_investor:
                    ctx.investor += 1
                    if re.search(r"\b(?:co-?)?le[ad]|\blider", after_investor.group("verb"), re.I):
                        ctx.lead += 1
                # "the company, which Ana Ruiz founded, raised": the name founded the company, no more
                founder = _FOUNDED_BY.search(before[-120:]) or (
                    _WHICH_BEFORE.search(before[-20:]) and _FOUNDED_AFTER.match(after)
                )
                subject = not _AFTER_PREPOSITION.search(before) and not founder
                # "Also taking part were X, the venture arm of a provider": a backer described, no raiser
                described = funding and subject and not backer and _DESCRIBED.match(after)
                if (
                    (subject and _AFTER_RAISER.match(after) and not _FUND_ASIDE.match(after))
                    # "Die Smartphone-Bank hat ... eingesammelt": after a bare article, a noun, not a name
                    or (
                        subject
                        and _DE_PERFECT_RAISER.match(after)
                        # ("die Acme AG hat": a legal form makes it a name)
                        and (
                            not re.search(r"\b[Dd](?:ie|er|as)\s+$", before)
                            or bool(re.search(r"\s(?:AG|GmbH|SE|KG|GbR|UG|SA|SAS)$", name))
                        )
                    )
                    # "closed by RegTech firm ClauseMatch": a word before "firm" describes the name after it
                    or (funding and _BEFORE_RAISER.search(before) and not _DESCRIPTOR_AFTER.match(after))
                    or described
                ):
                    ctx.raiser += 1
                # "investors, among them B Capital ($77 million)": a backer's share, not its round
                listed = _LISTED_AFTER.match(after) and not _BACKERS_LISTED.search(before)
                if funding and (_POSSESSIVE_ROUND.match(after) or listed):
                    ctx.raiser += 1
                # an investor ("from Absa, weeks after it secured $20 million") is not what the pronoun means
                pronoun = _PRONOUN_RAISES.match(after) if funding and not founder and not backer else None
                if pronoun and not any(
                    m.end() < at < m.end() + pronoun.end() for at in starts if at != m.start()
                ):
                    ctx.raiser += 1
                # "according to Trendyol founder Demet Mutlu" names the employer of a source, not an outlet
                if (_OUTLET_BEFORE.search(before) and not employer) or _OUTLET_AFTER.match(after):
                    ctx.outlet += 1
                # "VP Indogen Capital Kevin Chandra": after a title, a name before a person's is the employer
                employs = re.match(r"^\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+", after)
                # "sources said Bird is raising": after "said", a name followed by its verb starts a clause
                clause = _SAID_BEFORE.search(before) and (
                    _CLAUSE_VERB.match(after) or _AFTER_RAISER.match(after)
                )
                if (
                    (
                        _PERSON_BEFORE.search(before[-60:])
                        and not employs
                        and not clause
                        and not _TITLED_EMPLOYER.search(before[-80:])
                    )
                    or _PERSON_AFTER.match(after)
                    or founder
                ):
                    ctx.person += 1
    if headline:
        for name, pattern in patterns.items():
            hit = pattern.search(headline)
            if hit:
                out[name].headline = True
                out[name].headline_object = bool(
                    _HEADLINE_SOURCE.search(headline[: hit.start()])
                    or _PEOPLE_OF.match(headline[hit.end() :])
                )
                if _AFTER_RAISER.match(headline[hit.end() :]) and not _AFTER_PREPOSITION.search(
                    headline[: hit.start()]
                ):
                    out[name].raiser += 1
                elif _BEFORE_RAISER.search(headline[: hit.start()]):
                    out[name].raiser += 1  # "Why Tencent bets on Lydia", "Sequoia backs Quillon"
    return out


# A digest lists each raiser with its money in brackets: "Pastel ($5.5m), Koolboks ($2.5m)". The bracket
# holds nothing but a symbol-led amount, so "yuan ($254 million)" (a currency before it) is no entry.
_LISTED_MONEY = (
    r"\(\s*(?:[A-Z]{1,3})?[$€£¥₹₦]\s?\d[\d.,]*\s?(?:k|m|mn|mln|bn|b|million|billion|thousand)?\s*\)"
)
_LISTED_AFTER = re.compile(rf"^\s*{_LISTED_MONEY}", re.I)
_BACKERS_LISTED = re.compile(
    r"\b(?:investors|backers|investidores|inversores|investor)\b[^.;]*\b(?:among them|including|such as|like|"
    r"entre eles|entre ellos|incluindo|incluyendo|termasuk)\b"
)
_LISTED_BEFORE = re.compile(
    r"(?:^|[\s,:;])(?!(?:US|USD|EUR|GBP|INR|CNY|RMB|Rs|Euros?|Dollars?|Yuan|Rupees?|Pounds?|Naira|Rand|Reais|Pesos?|Won|Yen)\s*\($)"
    r"[A-Z][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3}\s*\($"
)


def listed_raise(before: str, after: str) -> bool:
    """An amount in a digest's list entry "Name ($2.2m)", given the text before and after the amount."""
    return bool(_LISTED_BEFORE.search(before[-60:])) and bool(re.match(r"^\s*\)", after))


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
_PLUPERFECT = re.compile(
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
_REPORTED = re.compile(
    r"\b(?:said|says|announced|confirmed|told|disclosed|revealed|reported|stated|dijo|anunció|informó|"
    r"afirmó|disse|anunciou|informou|afirmou|a fait savoir|a annoncé|annonce|a indiqué|indique|a précisé|"
    r"teilte|mitteilte|gab bekannt)\b",
    re.I,
)
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
    ctx.earlier = bool(_EARLIER_WORDS.search(sentence[:start] + " " + after[:40]))
    # "After a previous €7m round, X has closed a new €25m financing": the new money's own clause says so
    if re.search(
        r"\b(?:new|fresh|nouveaux?|nouvelle|nuev[ao]|nov[ao]|neue[nrs]?|baru)\b", clause_before[-50:], re.I
    ):
        ctx.earlier = bool(_EARLIER_WORDS.search(clause_before + " " + after[:40]))
    # "had raised $50 million" tells of an earlier round, unless it is reported speech ("said it had raised").
    pluperfect = _PLUPERFECT.search(before)
    if pluperfect and not _REPORTED.search(sentence[: start - len(before) + pluperfect.start()]):
        ctx.earlier = True
    if _dated_before(sentence[max(0, start - 120) : end + 60], newest_year):
        ctx.earlier = True
    ctx.raised = bool(
        MONEY_VERB.search(clause_before)
        or re.match(rf"^\s*(?:\S+\s+){{0,3}}?(?:{_FUNDING_NOUN})", after, re.I)
        or re.search(r"\b(?:a|an|its|the|new|fresh)\s+(?:\S+\s+)?$", before)
        and re.match(rf"^\s*(?:\S+\s+){{0,2}}?(?:{_FUNDING_NOUN})", after, re.I)
    )
    verbs = list(MONEY_VERB.finditer(clause_before))
    bought = list(_BOUGHT.finditer(clause_before))
    if verbs and bought and bought[-1].start() > verbs[-1].start():
        ctx.raised = False  # "announced it will buy Brex for $5.1 billion": a price, after the verb
    noun_before = re.search(
        rf"\b(?:{_FUNDING_NOUN}|captação|captaç|recaudación)\w*(?:\s+de\s+fonds)?(?:\s+[A-H](?:\+|\d)?)?"
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
        rf"^\s*(?:\([^)]{{0,40}}\)\s*)?[^,.;]{{0,30}}?\b(?:{_DE_RAISED})\b|^\s+in\s+(?:das|die|den)\s+(?:\S+\s+){{0,2}}?"
        r"(?:Unternehmen|Start-?up|Firma|Jungunternehmen)\b",
        after,
    )
    ctx.raised = ctx.raised or bool(noun_before) or bool(after_participle)
    if _SPEND_BEFORE.search(clause_before) and _ON_DOING_AFTER.match(after):
        ctx.raised = False  # "will invest €150 million in developing new assays": spending, not a round
    ctx.raised_close = bool(
        noun_before
        or after_participle
        or re.search(rf"\b(?:{_MONEY_VERBS})\s+(?:\S+\s+){{0,3}}?$", before, re.I)
        or re.match(rf"^\s*(?:\([^)]{{0,40}}\)\s*)?(?:\S+\s+){{0,2}}?(?:{_FUNDING_NOUN})", after, re.I)
    )
    if listed_raise(sentence[:start], sentence[end:]) and funding_sentence(sentence):
        ctx.raised = ctx.raised_close = True
    # "BusCaro's $2 million hybrid deal", "ScholarBee's $350,000 convertible note"
    if re.search(r"[A-Z][\w.-]*['’]s\s+$", before) and re.match(
        r"^\s*(?:\S+\s+){0,2}?(?:deal|note|raise|round|investment|funding|financing)\b", after, re.I
    ):
        ctx.raised = ctx.raised_close = True
    ctx.share = (
        (bool(_SHARE.search(clause_before[-45:])) and not re.search(rf"\b(?:{_FUNDING_NOUN})", after, re.I))
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


# An investor as the subject of the news: "Sequoia backs Acme", "Sequoia invested $5 million in Acme".
_BACKS = re.compile(
    r"\b(?:backs|backed|invests? in|invested (?:\S+ ){0,4}?in|(?:leads|led) (?:a |an |the )?(?:\S+ ){0,3}?"
    r"(?:round|investment)|investe? em|invirtió (?:\S+ ){0,4}?en|investiert in)\b",
    re.I,
)


# A headline of a roundup or newsletter, which says nothing of its deals ("MENA's Digital News – Week #3").
_DIGEST_HEADLINE = re.compile(
    r"\b(?:round-?ups?|digest|weekly|week in review|this week|week #?\d+|daily|briefing|brief #?\d+|recap|"
    r"newsletter|resumo|resumen|semanal|rangkuman|wochenrückblick)\b",
    re.I,
)
_LAYOFFS = re.compile(
    r"\b(?:layoffs?|lay-offs?|job cuts|redundanc(?:y|ies)|demissões|despidos|phk|"
    # shutdowns and bankruptcies: the money they recall was raised before
    r"shuts? down|shutting down|shutdown|bankrupt(?:cy|cies)?|insolvency|falência|falências|encerra|"
    r"quiebra|cierra operaciones|tutup|likuidasi|liquidation)\b",
    re.I,
)


def story_kind(headline: str, lead: str, raises: int = 0) -> str:
    """What the story is about, read from its headline and first sentences: funding, ipo, acquisition,
    results, or other. Funding wins when a funding verb or noun is there too. A roundup's headline says
    nothing: it is funding news when its body reports `raises` (money raised in so many words) of two
    deals or more."""
    text = f"{headline}\n{lead}"
    if _DIGEST_HEADLINE.search(headline) and not _LAYOFFS.search(headline) and raises >= 2:
        return "funding"
    # "Sequoia Capital" names a firm; it says nothing about funding
    unnamed = re.sub(
        r"\b([A-Z][\w&.'’-]*) (?:Capital|Ventures|Seed|Fund|Investment|Financing)\b", r"\1", headline
    )
    lower = re.findall(r"(?<![\w'’-])[a-zà-ÿ]{4,}", headline)
    if len(lower) >= 2:  # not Title Case: "Capital One compra ..." names a firm too
        unnamed = re.sub(
            r"\b(?:Capital|Ventures|Fund|Investment|Financing)(?= [A-Z][\w&.'’-]*\b)", "", unnamed
        )
    funding = bool(RAISE_VERB.search(headline) or FUNDING_NOUN.search(unnamed) or _BACKS.search(headline))
    if _IPO_STORY.search(headline) and not re.search(r"\bpre-?ipo\b", headline, re.I):
        return "ipo"
    if _MA_STORY.search(headline) and not funding:
        return "acquisition"
    if _LAYOFFS.search(headline) and not funding:
        return "other"  # layoffs: the money it recalls was raised before
    if _RESULTS_STORY.search(headline) and not funding:
        return "results"
    if funding or RAISE_VERB.search(lead) or _BACKS.search(lead):
        return "funding"
    if raises and FUNDING_NOUN.search(lead):
        return "funding"  # "X has unveiled a $250 million Series D funding round": money raised, in a round
    if _IPO_STORY.search(text):
        return "ipo"
    if _MA_STORY.search(text):
        return "acquisition"
    return "other"


# -- Chinese: no spaces and no \b between words, so the cues are written for characters -------------

_CJK = re.compile(r"[\u4e00-\u9fff]")
# The verbs a Chinese raiser is the subject of: "完成", "获得" (not "获悉", learnt; nor "获准", permitted).
CJK_RAISE_VERB = r"完成|获得(?!授权)|获(?!悉|得授权|准|奖)|开启|启动|拿下|拿到|斩获|筹集|募得|募集|收获|迎来"
_CJK_RAISE = rf"(?:宣布)?(?:{CJK_RAISE_VERB})"
_CJK_ROUND = r"(?:融资|募资|投资|注资|轮)"
# Adverbs and time words between a raiser and its verb: "挂号网也宣布获得", "智元机器人已完成". These may
# also open the clause before a name ("此前" in "此前智元机器人完成"), so a name's start loses them.
CJK_OPENING_ADVERBS = (
    r"对外|對外|公开|刚|也|亦|又|再次|再|还|同时|已经|已于|已|于|近日|近期|目前|日前|今日|今天|正式|刚刚|此前|就|曾经|曾|新近|最近|近来|"
    r"迄今|至今|先后|分别|相继"
)
# Adverbs of manner and tally ("顺利完成", "官方宣布", "累计完成") stand only before the verb; a name may begin
# with one of them ("成功大学"), so only its end loses them.
CJK_ADVERBS = rf"{CJK_OPENING_ADVERBS}|官方|顺利|成功|接连|累计|总共|一共|正在"


def cjk_funding(text: str) -> bool:
    """Whether a Chinese sentence talks of funding; \\b finds no word edge inside a run of characters."""
    return bool(
        re.search(r"融资|募资|注资|领投|跟投|参投|获投|投资|(?:[A-F]\+?|天使|种子|Pre-?[A-F])轮", text)
    )


def is_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


# Who backed a round, listed after the investing words: "多家产业方跟投，其中包括A、B、C等", "投资方为A和B".
CJK_BACKER_LIST = re.compile(
    r"(?:投资方|投资者|投资人|投资机构|股东|跟投|参投|领投)[^。；]{0,12}?(?:(?<![认作成因以称])为|包括|有(?!限)|是)([^。；]{2,80})"
)

# Who led a round in Chinese: "由A、B与C联合领投", "A领投，B跟投".
CJK_LED = re.compile(r"(?:由|[，,。；]|^)([^，。；由]{2,80}?)(?:联合|共同)?领投")


def _cased(name: str) -> str:
    """The name in any casing that keeps its capital initial: a page writes "MoMo" in its headline and
    "Momo" in its body, "Index" is not "index"."""
    if len(name) < 3 or not name[0].isupper():
        return re.escape(name)
    return rf"{re.escape(name[0])}(?i:{re.escape(name[1:])})"


def name_pattern(name: str) -> re.Pattern[str]:
    """The name as a whole word; Chinese runs words together, so a CJK edge needs no boundary."""
    start = "" if is_cjk(name[:1]) else r"(?<![\w])"
    end = "" if is_cjk(name[-1:]) else r"(?![\w])"
    return re.compile(rf"{start}{_cased(name)}{end}")


# What follows a Chinese raiser: "X已完成", "X近日宣布完成", "X近日宣布,A轮融资协议已完成".
# "“水滴互助”，它宣布完成": a pronoun after the quoted name carries its verb.
CJK_PRONOUN = r"(?:据报道|据悉|据了解|报道称)?(?:它们|它|该公司|该企业|其)"
_CJK_RAISES_AFTER = re.compile(
    rf"^[”」\"]?[）)]?(?:[，,]\s*{CJK_PRONOUN}(?:从[^，。；]{{2,60}}?处(?:共|一共|合计|总共)?)?)?(?:{CJK_ADVERBS}|在[^，。]{{1,8}})*"
    rf"(?:{_CJK_RAISE}|宣布[,，:：]?(?:{CJK_ADVERBS})*[^，。；,]{{0,12}}?(?:{CJK_ADVERBS})*(?:{CJK_RAISE_VERB}))"
)


# "梅岭创投投资了小吃品牌“面面香”和配饰品牌“星环”": the subject invests in the companies named after the
# verb (a digest's way of listing deals); the quoted names, or the name after a descriptor, raised the money.
CJK_INVESTED_IN = re.compile(
    r"(?:^|[，,。；：:\s])(?!跨界)(?P<inv>[^，,。；：:\s“”]{2,24}?)(?:则|还|也|又|同样)?(?:选了|选择)?(?:跨界)?"
    r"(?:投资了|投了|押注了|领投了|参投了|入股了)(?P<obj>[^，。；]{2,80})"
)


def cjk_name_contexts(
    sentences: list[str], names: list[str], headline: str | None = None
) -> dict[str, NameContext]:
    """name_contexts for Chinese: "X完成B轮融资" raises, "由A、B联合领投" leads, "C跟投" invests."""
    out = {n: NameContext() for n in names}
    for sentence in [*sentences, *([headline] if headline else [])]:
        in_headline = sentence is headline
        funding = bool(re.search(_CJK_ROUND, sentence))
        leads = [m.span(1) for m in CJK_LED.finditer(sentence)]
        backs = [
            m.span()
            for m in re.finditer(
                rf"(?:由|获|获得|来自|[，,])([^，。；]{{2,80}}?)(?:独家)?(?:跟投|参投|投资|注资|共同投资){CJK_NAME_GOES_ON}",
                sentence,
            )
        ]
        backs += [m.span() for m in CJK_BACKER_LIST.finditer(sentence)]
        invests = [(m.span("inv"), m.span("obj")) for m in CJK_INVESTED_IN.finditer(sentence)]
        for name in names:
            ctx = out[name]
            for m in re.finditer(re.escape(name), sentence):
                if in_headline:
                    ctx.headline = True
                else:
                    ctx.mentions += 1
                after = sentence[m.end() : m.end() + 24]
                if any(a <= m.start() and m.end() <= b for a, b in leads):
                    ctx.lead += 1
                    ctx.investor += 1
                elif any(a <= m.start() and m.end() <= b for a, b in backs):
                    ctx.investor += 1
                if funding and _CJK_RAISES_AFTER.match(after):
                    ctx.raiser += 1
                for (ia, ib), (oa, ob) in invests:
                    if ia <= m.start() and m.end() <= ib:
                        ctx.investor += 1
                    elif oa <= m.start() and m.end() <= ob:
                        ctx.raiser += 1
                if re.match(r"^(?:表示|称|说|认为|介绍|透露)", after):
                    ctx.person += 1
                if re.match(r"^(?:担任|作为|为)[^，。；]{0,6}(?:财务顾问|顾问|律师)", after):
                    ctx.outlet += 1  # an adviser to the round, not an investor in it
                    ctx.investor = 0
                    ctx.lead = 0
                if re.match(r"^(?:独家)?(?:获悉|报道|消息|讯)", after):
                    ctx.outlet += 1
    return out


def cjk_amount_context(sentence: str, start: int, end: int) -> AmountContext:
    """amount_context for Chinese: money beside 融资 or a round was raised; 累计 and 估值 are not rounds."""
    before, after = sentence[max(0, start - 20) : start], sentence[end : end + 16]
    ctx = AmountContext()
    ctx.valuation = bool(re.search(r"估值|市值", before[-8:] + after[:6]))
    ctx.total = bool(re.search(r"累计|总计|合计|共计|资金将超过|已超过", before[-12:]))
    ctx.plan = bool(re.search(r"计划|拟|将于|有望", before[-8:]))
    ctx.raised = bool(
        re.search(rf"^(?:人民币|美元|港元|元)?[^，。；]{{0,8}}?{_CJK_ROUND}", after)
        or re.search(rf"{_CJK_RAISE}[^，。；]{{0,10}}$", before)
    )
    ctx.raised_close = ctx.raised
    # in its own clause: "丁香园此前已拿到…；挂号网也宣布获得…" tells of an earlier round, then the news
    clause = re.split(r"[；;。]", sentence[:start])[-1]
    ctx.earlier = bool(re.search(r"此前|之前|曾经|曾|上一轮|去年|前年", clause))
    return ctx


def cjk_story_kind(headline: str, lead: str) -> str:
    text = f"{headline}\n{lead}"
    rounds = re.search(r"轮|领投|跟投|获投", headline)
    if re.search(r"上市|招股|IPO|挂牌", headline) and not rounds:
        return "ipo"
    if re.search(r"收购|并购|合并", headline) and not rounds:
        return "acquisition"
    if re.search(r"财报|营收|净利|业绩", headline) and not rounds:
        return "results"
    # "称已拿到东岳汽车的战略投资": a strategic investment received is funding; traditional characters too
    if re.search(
        rf"融资|领投|跟投|募资|注资|获投|融資|領投|募資|注資|獲投|战略投资|(?:{CJK_RAISE_VERB})[^，。；]{{0,12}}投资",
        text,
    ):
        return "funding"
    if re.search(r"上市|招股|IPO", text):
        return "ipo"
    if re.search(r"收购|并购", text):
        return "acquisition"
    return "other"
