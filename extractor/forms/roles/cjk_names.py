"""Names in Chinese text, which has no capitals or spaces: cut out by the words of funding around them."""

from __future__ import annotations

import re

from extractor.forms.roles import cues
from extractor.forms.roles.names import dedupe

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
    return dedupe(
        [n for n in names if len(n) >= 2 and not _CJK_MONEY_WORD.search(n) and not _CJK_NOT_NAME.search(n)]
    )
