"""What the words around a name say about its role: raiser, investor, lead, person, outlet, owner."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.forms.roles.cues.phrases import (
    DE_RAISED,
    ID_INVESTS,
    RAISE_VERBS,
    RAISED_BY,
    bracket_open,
    funding_sentence,
    is_cjk,
)

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
    rf"memimpin|berpartisipasi|beteiligte|investierte|a mené|{ID_INVESTS}|berinvestasi)\b",
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
    rf"(?:{RAISE_VERBS})\b(?!\s+(?:\w+\s+){{0,2}}?(?:saham|stake|shares|participação|participación|acciones|ações)\b)"
    # "Orrin Bank has completed a $400 million investment in X": who completes an investment in another makes it
    # (an investment "in March" or "in a round" is money raised)
    r"(?!\s+(?:\S+\s+){0,4}?investments?\s+(?:in|into)\s+(?:the\s+(?:parent|owner|operator|maker)\s+of\s+)?"
    r"(?!(?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])\b)"
    r"(?-i:[A-Z]))"
    # "O IFC anunciou um empréstimo de US$100 milhões ao banco ABC": who lends to a named party gives
    rf"(?!\s+(?:\w+\s+){{0,2}}?{_LOAN}[^.;]{{0,60}}?{_LOAN_TO})",
    re.I,
)
_DE_PERFECT_RAISER = re.compile(
    rf"^\s+(?:hat|haben|hatte|hatten|konnte|konnten|kann)\b[^;]{{0,120}}?\b(?:{DE_RAISED})\b|"
    rf"^[^,;.]{{0,80}},\s*(?:die|der|das)\s+[^;]{{0,120}}?\b(?:{DE_RAISED})\s+(?:hat|haben|hatte|konnte|kann)\b"
)
# A word that describes the name after it: "RegTech firm ClauseMatch", "fintech company X".
_DESCRIPTOR_AFTER = re.compile(r"^\s+(?:firm|company|startup|start-up|platform|provider|maker)\s+[A-Z]")
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
    rf"\b(?:{ID_INVESTS}|menanam)\b[^.;]{{0,90}}?"
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
    r"(?i:co-?founded|founded|started|set up|established|launched|fundad[ao]s?|cofundad[ao]s?|criad[ao]s?|"
    r"didirikan|gegründet|fond[ée]e?s?|cré[ée]e?s?|cofond[ée]e?s?)"
    # "Set up in 2015 by", "founded in Lagos in 2019 by": when and where come between the verb and its agent
    r"(?:\s+(?i:in|em|en|pada|im|à)\s+(?:\d{4}|[A-ZÀ-Þ][\w'’-]*)){0,2}"
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
