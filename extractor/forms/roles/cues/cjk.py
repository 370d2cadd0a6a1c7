"""The same cues for Chinese, which writes names against the words around them, with no spaces."""

from __future__ import annotations

import re

from extractor.forms.roles.cues.amounts import AmountContext
from extractor.forms.roles.cues.names import NameContext

# After a Chinese verb of investing, words that make it part of a backer's name: "北辰产业投资基金共同投资"
# ends with the verb "投资"; its first "投资" is inside the fund's name.
CJK_NAME_GOES_ON = r"(?!基金|机构|公司|集团|管理|方|人|者|有限|控股|中心|合伙)"
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


# Who backed a round, listed after the investing words: "多家产业方跟投，其中包括A、B、C等", "投资方为A和B".
CJK_BACKER_LIST = re.compile(
    r"(?:投资方|投资者|投资人|投资机构|股东|跟投|参投|领投)[^。；]{0,12}?(?:(?<![认作成因以称])为|包括|有(?!限)|是)([^。；]{2,80})"
)

# Who led a round in Chinese: "由A、B与C联合领投", "A领投，B跟投".
CJK_LED = re.compile(r"(?:由|[，,。；]|^)([^，。；由]{2,80}?)(?:联合|共同)?领投")


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
