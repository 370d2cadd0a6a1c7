"""What kind of thing a name is, from its own words: a place, an outlet, a fund, a firm's common nouns."""

from __future__ import annotations

import re

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
ORG_WORD = re.compile(rf"(?:(?:{_PUBLIC_BODY})s?|{_FUND_WORDS}|Group|Holdings?)$")
# Capitalised common nouns of organisations' names: after "and" they finish a name, they start none.
GENERIC_ORG = {"Investment", "Investments", "Company", "Corporation", "Development", "Holding", "Holdings",
                "Trust", "Finance", "Financing", "Institute", "Research", "Management", "Services", "Industries",
                "Trade", "Commerce", "Technology", "Innovation", "Enterprise", "Enterprises", "Banking"}  # fmt: skip
INSTITUTION = re.compile(rf"\b(?:{_PUBLIC_BODY}|Company|Corporation|Commission|Centre|Center)\b")


# A word that ends a firm's name, so it is no stop word there ("First Round Capital", "Seed Group").
FIRM_WORD = re.compile(rf"{_FUND_WORDS}|Funds|Group|Holdings|Management|Labs|Collective|Network|Associates")


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
MEDIA = re.compile(
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
_COMMON_ORG_WORDS = {w.casefold() for w in GENERIC_ORG | set(_FUND_WORDS.split("|"))} | {
    "venture", "capital", "fund", "funds", "group", "bank", "seed", "growth", "financial", "instruments",
    "private", "equity", "asset", "assets", "the", "and", "of", "investor", "investors", "angel",
    "partner", "lp", "llc", "inc", "ltd", "limited", "co", "corp", "plc", "one", "vc",
}  # fmt: skip


def names_no_one(name: str) -> bool:
    """Whether a name is made of organisations' common nouns alone."""
    words = re.findall(r"\w+", name)
    return bool(words) and all(w.casefold() in _COMMON_ORG_WORDS for w in words)


# Names that read like an investing firm.
INVESTOR_MARK = re.compile(
    rf"\b(?:{_FUND_WORDS}|Venture|Funds|Investment|Investors|Angel|VC|Holdings?|Group|Bank|"
    r"Equity|Asset Management|Management|Growth|Labs|Foundation|Trust|Family Office|Accelerator|Incubator|"
    r"Advisors|Associates|Finance|Financial|Securities|Corporation)\b"
)


# The last word of a fund's or an investing firm's name.
FUND_END = re.compile(rf"\s(?:{_FUND_WORDS}|Venture|VC)$")
