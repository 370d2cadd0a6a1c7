"""What the words around a span allow it to be, without a model: the cues' evidence and the roles each span may take."""

import pytest

from extractor.forms.roles import cues
from tests.roles.helpers import CORVEX, NEXORA, find


def test_a_list_of_three_investors_splits_into_three_names():
    cands = find(
        "Brightloom raises $12 million\nBrightloom raised $12 million from Quarry, Pemberton and Halvard."
    )
    assert cands.names == ["Brightloom", "Quarry", "Pemberton", "Halvard"]
    choices = cands.name_choices()
    assert all("investor" in choices[n] for n in ("Quarry", "Pemberton", "Halvard"))


def test_a_name_with_and_inside_stays_whole():
    cands = find(
        "Brightloom raises $12 million\n"
        "Brightloom raised $12 million from the Industrial and Commercial Bank of Ruritania, "
        "Quarry Ventures and Halvard."
    )
    assert "Industrial and Commercial Bank of Ruritania" in cands.names
    assert "Industrial" not in cands.names and "Commercial Bank of Ruritania" not in cands.names
    assert {"Quarry Ventures", "Halvard"} <= set(cands.names)
    assert "investor" in cands.name_choices()["Industrial and Commercial Bank of Ruritania"]


def test_countries_and_cities_are_never_company_lead_or_investor():
    cands = find(
        "Fjordly lands $6 million\n"
        "Fjordly raised $6 million from Kenya, Stockholm and Tallvik Capital. The round was led by Nairobi. "
        "Oslo has raised $2 million for its startups."
    )
    # The words around each place would make it an investor, a lead or a raiser...
    assert cands.contexts["Kenya"].investor and cands.contexts["Stockholm"].investor
    assert cands.contexts["Nairobi"].lead
    assert cands.contexts["Oslo"].raiser
    # ...but a place is only ever "other".
    choices = cands.name_choices()
    for place in ("Kenya", "Stockholm", "Nairobi", "Oslo"):
        assert choices[place] == ["other"], place
    # The firm listed beside them keeps its role.
    assert "investor" in choices["Tallvik Capital"]
    assert "company" in choices["Fjordly"]


def test_a_person_with_a_title_is_not_a_company():
    cands = find(
        "Lumacore raises $15 million\n"
        "Lumacore founder Dana Whitfield raised $2 million from angels in 2021. "
        "Lumacore raised $15 million in a round led by Orbis Capital, said Priya Salgado, "
        "chief executive of Lumacore."
    )
    # Dana Whitfield is named raising money, but as a founder.
    assert cands.contexts["Dana Whitfield"].raiser and cands.contexts["Dana Whitfield"].person
    choices = cands.name_choices()
    assert choices["Dana Whitfield"] == ["other"]
    assert choices["Priya Salgado"] == ["other"]
    assert "company" in choices["Lumacore"]
    assert "lead" in choices["Orbis Capital"]


@pytest.mark.parametrize(
    "article",
    [
        "Orlo joins Veldt round\nThe singer Orlo joined a $40 million round of the plant-based startup Veldt Foods.",
        "Orlo entra em rodada da Veldt\nO cantor Orlo entrou numa rodada de 40 milhões de dólares da Veldt Foods.",
    ],
)
def test_a_name_after_a_profession_is_a_person_and_no_company(article):
    cands = find(article)
    assert cands.contexts["Orlo"].person
    assert "Orlo" not in cands.raisers
    assert "company" not in cands.name_choices()["Orlo"]


def test_a_masthead_alone_on_the_first_line_is_not_the_company_of_a_story_with_no_raiser():
    article = (
        "Harbour Ledger\n\nbusiness news with commentary\n\n"
        "Since it started in 2016 the grocery app has raised more than $300 million, and this year it "
        "announced a $120 million Series C led by Keelson Ventures."
    )
    assert find(article).raisers == set()
    # no sentence shows it raising, but the headline's subject is named again in the body
    named_again = (
        "Harbour Ledger in focus\n\n"
        "A $120 million Series C led by Keelson Ventures went to the payments firm Harbour Ledger this week."
    )
    assert find(named_again).raisers == {"Harbour Ledger"}


def test_money_a_company_raised_may_be_raised():
    assert "raised" in find(CORVEX).amount_choices()["$40 million"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Erst im Frühjahr hatte Orlo umgerechnet 12 Mio. EUR an Finanzmitteln bekommen.",
        "Nun stecken die Altinvestoren Halden Ventures, Arbor Peak Capital, Mireval Partners und Kestrel "
        "Growth zusammen weitere 30 Mio. USD in das dänische Unternehmen.",
    ],
)
def test_german_money_with_its_participle_or_its_recipient_after_it_may_be_raised(sentence):
    cands = find("Orlo holt weitere Millionen\n\n" + sentence)
    [money] = cands.money
    assert "raised" in cands.amount_choices()[money]


def test_a_valuation_may_only_be_a_valuation():
    choices = find(CORVEX).amount_choices()["$2 billion"]
    assert "valuation" in choices
    assert "raised" not in choices and "earlier" not in choices


def test_money_a_company_plans_to_raise_is_not_raised():
    cands = find(CORVEX)
    assert cands.amounts["$10 million"].plan
    assert "raised" not in cands.amount_choices()["$10 million"]


def test_an_investors_share_of_a_larger_round_in_the_same_currency_is_not_a_round():
    cands = find(
        "Tollway closes $100 million round\n"
        "Tollway raised $100 million in a Series C round. Foo Capital put in $30 million."
    )
    assert cands.amounts["$30 million"].share and cands.amounts["$30 million"].not_raised
    choices = cands.amount_choices()
    assert "raised" not in choices["$30 million"]
    assert "raised" in choices["$100 million"]


def test_money_an_investor_put_into_the_companys_round_is_its_share():
    cands = find(
        "Tollway closes $80 million round\n"
        "Tollway has closed an $80 million Series C round led by Foo Capital. Foo Capital put $35 million "
        "into Tollway's round. Foo Capital also put $5 million into Brisa, a grocery app."
    )
    assert cands.amounts["$35 million"].share
    assert "raised" not in cands.amount_choices()["$35 million"]
    assert not cands.amounts["$5 million"].share  # an investment in a company, not a part of a round


def test_money_raised_of_the_round_is_a_part_of_it():
    cands = find(
        "Tollway closes $500m round\n"
        "Tollway has raised $500m in a series F round led by Foo Capital. In September Tollway had raised "
        "$225m of the round from Brisa Capital. Tollway raised $40m of new funding in 2023."
    )
    assert cands.amounts["$225m"].share
    assert "raised" not in cands.amount_choices()["$225m"]
    assert not cands.amounts["$40m"].share


def test_money_invested_in_doing_something_is_spent_not_raised():
    cands = find(
        "Tollway raises $20 million\nTollway raised $20 million in a Series A round led by Foo Capital. "
        "Brisa has promised to invest $1bn in building up its India business. Orrin Ventures put $5 million "
        "into financing company Tollway."
    )
    assert not cands.amounts["$1bn"].raised
    assert "raised" not in cands.amount_choices()["$1bn"]
    assert cands.amounts["$5 million"].raised


def test_an_investors_share_beside_a_round_in_another_currency_may_still_be_raised():
    cands = find(
        "Tollway closes €100 million round\n"
        "Tollway raised €100 million in a Series C round. Foo Capital put in $30 million."
    )
    assert "raised" in cands.amount_choices()["$30 million"]


def test_a_lone_investment_in_a_company_may_be_raised():
    cands = find(
        "Acmetric gets backing\nSequora Partners invested $5 million in Acmetric, a Lagos payments startup."
    )
    assert cands.amounts["$5 million"].share  # said of the investor, but there is no larger round
    assert "raised" in cands.amount_choices()["$5 million"]
    assert not cands.earlier("$5 million")


def test_money_committed_in_a_named_round_may_be_raised():
    cands = find(
        "Acmetric gets backing\nVantor Capital committed $9 million to Acmetric in a Series A round."
    )
    assert not cands.amounts["$9 million"].share
    assert "raised" in cands.amount_choices()["$9 million"]


def test_money_dated_a_year_before_publication_is_earlier():
    assert find(NEXORA).earlier("$3 million")


def test_money_called_previous_is_earlier():
    assert find(NEXORA).earlier("$1 million")


def test_money_dated_in_the_published_year_is_not_earlier():
    cands = find(NEXORA)
    assert cands.story == "funding"
    assert not cands.earlier("$20 million")


def test_the_same_sentence_a_year_older_than_the_news_is_earlier():
    assert find("Nexora raises $20 million\nNexora raised $20 million in March 2023.").earlier("$20 million")


@pytest.mark.parametrize(
    "sentence",
    [
        "El año pasado, Nexora obtuvo 42 millones de dólares en una ronda.",
        "A Nexora recebeu um aporte de R$ 47 milhões no ano passado.",
        "A Nexora, que captou R$ 111 milhões há seis meses, demitiu 75 pessoas.",
        "Tahun lalu Nexora meraih pendanaan Rp 50 miliar.",
        "Nexora avait levé 3 millions d'euros l'année dernière.",
        "Nexora hatte im letzten Jahr 3 Millionen Euro eingesammelt.",
        "En el año anterior, Nexora obtuvo 42 millones de dólares.",
    ],
)
def test_money_of_last_year_or_some_time_ago_is_earlier_beyond_english(sentence):
    cands = find("Nexora lança novo produto\n" + sentence)
    assert cands.earlier(cands.money[0])


def test_money_in_an_acquisition_story_is_earlier():
    cands = find(
        "Brenmoor acquires Talvik\n"
        "Brenmoor agreed to buy Talvik, a Tallinn payroll startup, for $50 million. "
        "Talvik raised $8 million in March."
    )
    assert cands.story == "acquisition"
    assert cands.earlier("$8 million")
    assert "raised" not in cands.amount_choices()["$50 million"]


@pytest.mark.parametrize(
    ("sentence", "backer", "owner"),
    [
        ("Veltrano raised $50 million from investors including GV, Alphabet's venture capital arm, and Novartis.",
         "Novartis", "Alphabet"),
        ("A rodada de R$ 10 milhões da Veltrano foi liderada pela PINC, braço de venture capital da Paulig.",
         "PINC", "Paulig"),
        ("Veltrano raised $4 million from InfraCo Asia, part of the Private Infrastructure Development Group.",
         "InfraCo Asia", "Private Infrastructure Development Group"),
    ],
)  # fmt: skip
def test_the_owner_named_to_place_a_backer_is_not_a_backer(sentence, backer, owner):
    cands = find("Veltrano raises money\n" + sentence)
    assert cands.contexts[backer].investor
    assert owner not in cands.contexts or not cands.contexts[owner].investor


def test_a_backer_after_part_of_a_round_led_by_is_still_a_backer():
    context = cues.name_contexts(
        ["Veltrano raised $5 million as part of a round led by Sequoia Capital."], ["Sequoia Capital"]
    )
    assert context["Sequoia Capital"].lead and context["Sequoia Capital"].investor


def test_a_name_in_the_passive_of_raise_grew_up_and_raised_no_money():
    context = cues.name_contexts(
        [
            "Dana Orrin was raised on a dairy farm before she founded the company.",
            "Quillon has raised $5 million.",
        ],
        ["Dana Orrin", "Quillon"],
    )
    assert not context["Dana Orrin"].raiser
    assert context["Quillon"].raiser


def test_the_founder_in_a_relative_clause_is_no_raiser():
    # "the company, which X founded, raised ..., and ... after it closed": X founded the company; neither
    # the verb nor the later "it" is X
    context = cues.name_contexts(
        [
            "The news comes a year after the company, which Tomas Verhey founded, raised $9 million in a seed "
            "round, and two years after it closed a $2 million pre-seed round."
        ],
        ["Tomas Verhey"],
    )
    assert not context["Tomas Verhey"].raiser


def test_joining_a_club_or_a_board_invests_nothing_but_joining_the_round_does():
    context = cues.name_contexts(
        [
            "Quillon joins the unicorn club on the back of a $150M Series C led by Pike Capital.",
            "Dana Orrin joined the board after the $150M round.",
            "Harbor Ventures also joined the $150M round.",
        ],
        ["Quillon", "Dana Orrin", "Harbor Ventures"],
    )
    assert not context["Quillon"].investor and not context["Dana Orrin"].investor
    assert context["Harbor Ventures"].investor


def test_a_person_named_with_their_employer_does_not_take_the_employers_verb():
    quoted = cues.name_contexts(
        [
            "Jane Okafor, head of dealflow at U.K.-based Harbour Ventures, which led the $10 million funding "
            "round, said the team impressed her."
        ],
        ["Jane Okafor", "Harbour Ventures"],
    )
    assert not quoted["Jane Okafor"].lead and not quoted["Jane Okafor"].investor
    # a list whose people invest keeps them: "Puneet Bhatia, managing director of X, ... are investing"
    listed = cues.name_contexts(
        [
            "Tomas Reyes, managing director of Corvid Growth, Anil Rao of Param Partners and Lumen Asia are "
            "investing in the $10 million round as well."
        ],
        ["Tomas Reyes", "Lumen Asia"],
    )
    assert listed["Tomas Reyes"].investor


def test_de_la_mano_de_introduces_the_investor_of_a_spanish_round():
    article = (
        "Brenvia cierra una ronda de 12 millones de dólares\n\n"
        "La plataforma Brenvia anunció una ronda Serie A de 12 millones de dólares de la mano de Corvane "
        "Growth Partners, uno de los fondos más activos.\n\nMás de un año después, Corvane ha logrado su objetivo."
    )
    cands = find(article)
    assert cands.contexts["Corvane Growth Partners"].investor
    # the fund's short form, seen "achieving" something later, is not taken for the raiser
    assert "Corvane" not in cands.raisers


def test_a_debt_facility_for_a_company_names_its_borrower_and_an_adverb_does_not_hide_the_lender():
    article = (
        "A new loan for solar pumps\n\n"
        "Last week we paid out the first part of a $9 million debt facility that we arranged for Solvane Power, "
        "a maker of solar pumps.\n\nKestrel Bank previously led a $20 million loan facility for Solvane in 2022."
    )
    contexts = find(article).contexts
    assert contexts["Solvane Power"].raiser
    assert contexts["Kestrel Bank"].lead


def test_an_investor_backing_a_company_is_a_funding_story():
    cands = find(
        "Sequora Partners backs Acmetric\nSequora Partners invested $5 million in Acmetric, a Lagos payments startup."
    )
    assert cands.story == "funding"
    assert not cands.earlier("$5 million")


def test_chinese_outlet_learning_of_news_is_not_a_raiser():
    cands = find("投资界独家获悉，音频公司声浪已完成天使轮融资，由高岭创投独家投资。")
    assert "声浪" in cands.names and "投资界" not in " ".join(
        n for n in cands.names if "company" in cands.name_choices()[n]
    )


def test_chinese_adviser_and_existing_shareholder():
    cands = find(
        "云帆科技完成B轮融资\n近日，云帆科技宣布完成5亿元B轮融资，由星海资本领投，老股东青石基金跟投，华兴资本担任独家财务顾问。"
    )
    assert "青石基金" in cands.names and not any(n.startswith("老股东") for n in cands.names)
    assert "lead" in cands.name_choices()["星海资本"]
    assert "华兴资本" not in cands.names  # an adviser is no investor candidate
    from extractor.forms.roles import cues

    [sentence] = [x for x in cands.sentences if "顾问" in x]
    ctx = cues.cjk_name_contexts([sentence], ["华兴资本"])["华兴资本"]
    assert (ctx.investor, ctx.lead, ctx.outlet) == (0, 0, 1)


def test_a_chinese_ipo_headline_is_no_funding_story():
    assert find("云帆科技在香港上市，募资20亿港元\n云帆科技今日在香港联交所挂牌。").story == "ipo"


def test_french_and_german_funding_words():
    fr = find(
        "Levées de la semaine\nLa start-up Volutia a levé 20 millions d'euros auprès de Brume Capital. "
        "Sa voisine Ardoise annonce 5 millions d'euros réunis auprès de Gabare Ventures."
    )
    assert {"raised"} <= set(fr.amount_choices()["20 millions d'euros"])
    assert "raised" in fr.amount_choices()["5 millions d'euros"]
    assert "cette" not in find("Cette levée\nCette levée de 3 millions d'euros est la plus grosse.").names
    de = find(
        "Finanzierung für Umzugsfirma\nDas Startup Kistenwerk bekommt 17 Millionen Euro von seinen Geldgebern."
    )
    assert "raised" in de.amount_choices()["17 Millionen Euro"]


def test_a_digest_list_entry_name_and_bracketed_money_is_a_raise():
    cands = find(
        "Startups raised $20 million this week\n"
        "Of the startups that raised funds this week, three are from Lagos: Brindle Labs ($2.2m), Quokka Pay ($5m) "
        "and Tamsin ($390k)."
    )
    assert all(cands.contexts[n].raiser for n in ("Brindle Labs", "Quokka Pay", "Tamsin"))
    assert cands.amounts["$2.2m"].raised_close and cands.amounts["$390k"].raised_close
    # a currency before the bracket makes it a conversion, not a list entry
    assert not cues.listed_raise("Orvell raised 1.8 billion yuan (", ") from Kestrel.")
    assert not cues.listed_raise("Orvell raised 1.8 billion Euros (", ") from Kestrel.")
    assert cues.listed_raise("three are from Lagos: Brindle Labs (", "), Quokka Pay")


def test_had_raised_is_earlier_unless_it_is_reported_speech():
    cands = find(
        "Quillon raises $40 million\nQuillon raised $40 million from Kestrel. "
        "The startup had raised about $9 million from Arbor six months before."
    )
    assert cands.earlier("$9 million") and not cands.earlier("$40 million")
    reported = find(
        "Quillon raises $40 million\nQuillon said on Monday it had raised $40 million from Kestrel."
    )
    assert not reported.earlier("$40 million")


def test_months_after_an_earlier_raise_is_earlier():
    cands = find(
        "Quillon raises $40 million\nQuillon raised $40 million from Kestrel, "
        "only six months after Quillon raised $9 million from Arbor."
    )
    assert cands.earlier("$9 million")


def test_people_after_a_plural_title_are_people_and_common_nouns_are_no_brand():
    cands = find(
        "Quillon raises $40 million\nQuillon, set up by former Arbor executives Dana Whit and Omar Rios, "
        "has raised $40 million. A rival launched on the back of a $10 million investment raised by its parent."
    )
    assert cands.contexts["Dana Whit"].person
    assert "investment" not in cands.names


def test_a_roundup_headline_is_funding_news_when_its_body_reports_two_raises():
    lead = "Each week, the top headlines from the region's digital sector."
    assert cues.story_kind("Gulf Digital News – Week #3", lead, raises=3) == "funding"
    assert cues.story_kind("Gulf Digital News – Week #3", lead, raises=1) == "other"
    assert cues.story_kind("Layoffs Roundup: Thursday", lead, raises=3) == "other"


def test_a_funding_story_with_no_name_seen_raising_is_about_its_headline_organisation():
    cands = find(
        "Una ronda valúa a la argentina Pampa Pago en US$2.450M\n"
        "Pampa Pago quedó valuada en US$2.450 millones tras una ronda liderada por Condor Capital. "
        "Condor Capital eleva su participación en Pampa Pago mediante una ronda serie D de US$350 millones."
    )
    assert cands.raisers == {"Pampa Pago"}
    assert "company" in cands.name_choices()["Pampa Pago"]
    assert cands.amounts["US$350 millones"].raised_close  # "serie D de US$350 millones"


def test_a_name_between_a_title_and_a_person_is_their_employer_not_a_person():
    cands = find(
        "Kestrel Capital closes its second fund\n"
        "Kestrel Capital has secured $20 million for its second fund, said VP Kestrel Capital Dana Whit. "
        "According to Arbor founder Omar Rios, Arbor invested $5 million in it."
    )
    assert not cands.contexts["Kestrel Capital"].person
    assert not cands.contexts["Arbor"].outlet


def test_chinese_names_lose_time_words_adverbs_and_the_clause_before_them():
    cands = find(
        "智元科技完成新一轮融资\n"
        "记者了解到,佐力药业参股的科济开曼已经完成C轮融资。"
        "专注眼科的海思盖德（苏州）生物医学科技有限公司（下称“海思盖德”）近日完成一轮新融资,"
        "德联资本领投本轮,榕泉资本跟投。智元机器人已完成新一轮融资——由腾讯领投,多家产业方跟投,"
        "其中包括龙旗科技、卧龙电气等。"
    )
    assert {
        "科济开曼",
        "海思盖德",
        "智元机器人",
        "腾讯",
        "龙旗科技",
        "卧龙电气",
        "德联资本",
        "榕泉资本",
    } <= set(cands.names)
    assert not {"近日", "已经", "多家产业方"} & set(cands.names)
    assert cands.contexts["龙旗科技"].investor


def test_layoffs_headlines_foreign_country_names_and_portuguese_verbs():
    assert (
        cues.story_kind("Onda de demissões: Quanto corta 22% da equipe", "A Quanto captou US$ 15 milhões.")
        == "other"
    )
    cands = find("Maju Tani bekerja sama dengan Korea Selatan\nKorea Selatan mendukung pembiayaan Maju Tani.")
    assert "company" not in cands.name_choices().get("Korea Selatan", [])
    assert cues.RAISE_VERB.search("a DefinedCrowd anuncia ter angariado mais 46 milhões de euros")


def test_chinese_raiser_after_an_adverb_and_latin_names_in_chinese_text():
    cands = find(
        "挂号网获得超过1亿美元投资\n"
        "丁香园此前已拿到腾讯7000万美元的投资；10月13日,挂号网也宣布获得超过1亿美元的投资,本轮由腾讯领投。"
        "初创公司Dyna Robotics宣布完成1.2亿美元A轮融资,CRV、First Round Capital等机构跟投。"
    )
    assert cands.contexts["挂号网"].raiser
    assert cands.earlier("7000万美元") and not cands.earlier("1亿美元")
    assert {"Dyna Robotics", "First Round Capital"} <= set(cands.names)
    assert not {"Robotics", "Capital", "机构"} & set(cands.names)


def test_an_investors_description_is_no_raiser_and_chinese_lists_lose_their_lead_in_words():
    cands = find(
        "Orvex raises $120 million\nOrvex raised $120 million from Kestrel. In the round GaoRong, a venture firm from "
        "Beijing, came in for the first time."
    )
    assert "GaoRong" in cands.names and not cands.contexts["GaoRong"].raiser
    zh = find("喜茶完成5亿美元融资\n喜茶已于近期完成5亿美元融资,老股东包括腾讯,新股东则有黑蚁、淡马锡。")
    assert "黑蚁" in zh.names and not any(n.startswith(("已于", "新股东")) for n in zh.names)


def test_a_name_written_in_another_casing_is_the_same_name():
    cands = find(
        "Kestrel's wallet KesPay set to pass $1 billion\nVietnamese wallet Kespay has pulled in $90 million "
        "in a Series D led by Orbis Capital."
    )
    assert cands.contexts["KesPay"].raiser  # "Kespay has pulled in", written with another casing
    assert "company" in cands.name_choices()["KesPay"]
    assert not cues.name_pattern("Index").search("a price index rose")  # a capital initial is kept


def test_was_raising_and_first_raised_name_the_raiser():
    cands = find(
        "Scooter maker Wrenly becomes a unicorn\nIn May, reports said Wrenly was raising $150 million in a "
        "Series C led by Orbis Capital. Wrenly first raised $20 million in a Series A."
    )
    assert cands.contexts["Wrenly"].raiser >= 2
    assert not cands.contexts["Wrenly"].person  # "said Wrenly was raising" starts a clause


def test_said_before_a_name_with_no_verb_after_is_still_a_speaker():
    cands = find("Tarnby raises $5 million\nTarnby raised $5 million, said Mila Okafor, its founder.")
    assert cands.contexts["Mila Okafor"].person


def test_taken_on_funding_is_a_raise():
    cands = find(
        "Funding news\nWe are glad to share that Brisklane has taken on $3.1m in additional funding."
    )
    assert cands.contexts["Brisklane"].raiser


def test_a_firm_placed_in_a_city_does_not_make_the_city_a_raiser():
    cands = find(
        "Deals today\n- Bluepoint, a young investment firm in Malmö, Sweden, that backs climate startups, "
        "has closed its fund at €87 million."
    )
    assert not cands.contexts["Malmö"].raiser
    assert cands.contexts["Bluepoint"].raiser  # its description runs over several commas


def test_the_company_a_backer_led_a_round_in_is_the_raiser_in_any_tense():
    for verb in ("leads", "led", "co-led"):
        cands = find(
            f"Weekly digest\nLast month Orbis Bank and Tallow Partners {verb} a $45 million funding round in "
            "Quenby, a freight platform that competes with Marlo."
        )
        assert cands.contexts["Quenby"].raiser, verb
        assert not cands.contexts["Marlo"].raiser, verb
        assert not cands.contexts["Orbis Bank"].raiser, verb


def test_money_in_a_court_case_is_not_a_round():
    cands = find("Weekly digest\nTelcoma wins its $4 billion bribery case in court.")
    assert cands.amounts["$4 billion"].not_raised
    plain = find("Weekly digest\nTelcoma wins its $4 billion round.")
    assert not plain.amounts["$4 billion"].not_raised
    assert cands.amount_prior()["$4 billion"]["other"] > plain.amount_prior()["$4 billion"]["other"]


def test_peers_listed_alongside_are_not_investors():
    cands = find(
        "Kespay becomes a unicorn\nKespay has raised $200 million led by Orbis Bank, making it the country's "
        "newest unicorn alongside Tamrio, Vellix and Sunpath."
    )
    for peer in ("Tamrio", "Vellix", "Sunpath"):
        assert not cands.contexts[peer].investor, peer


def test_a_name_after_a_portuguese_contraction_is_not_a_raiser():
    cands = find("Captações de fintechs\nA Pixo, do Paraná, que recebeu R$ 5 milhões, cresce.")
    assert not cands.contexts["Paraná"].raiser


def test_a_colon_list_after_joined_the_round_names_investors_but_not_their_asides():
    cands = find(
        "Rochedo capta US$ 58 milhões\nA Rochedo levantou US$ 58 milhões. Entraram no aporte nomes de peso "
        "do mercado: Quintal, Microsoft, o investidor Ana Prado (da gestora Lagoa Partners), Ventana Capital."
    )
    assert "Quintal" in cands.names  # a list's first entry after a colon is a name, not a sentence start
    for name in ("Quintal", "Microsoft", "Ana Prado", "Ventana Capital"):
        assert cands.contexts[name].investor, name
    assert not cands.contexts["Lagoa Partners"].investor  # in brackets: where Ana Prado works


def test_who_obtains_shares_invests_and_the_round_is_for_the_company_after_untuk():
    cands = find(
        "Tanpa judul\nKalvo, peritel terbesar di Inggris, memperluas kiprahnya: Kalvo memimpin putaran investasi "
        "$250 juta untuk Lazuna, perusahaan e-commerce. Lewat investasi ini Kalvo memperoleh saham minoritas di Lazuna."
    )
    assert not cands.contexts["Kalvo"].raiser and cands.contexts["Lazuna"].raiser


def test_a_page_opening_with_a_long_sentence_has_no_headline_to_skip():
    article = (
        "Tesko, the largest retailer in the UK, is widening its online bets: as Bloomberg reported, Tesko led a "
        "$250 million investment round for Lazuna, an all-in-one online shop.\nLazuna operates in five countries."
    )
    cands = find(article)
    assert cands.contexts["Lazuna"].raiser  # the first sentence is read, not skipped as a headline


def test_regions_joined_by_a_hyphen_are_a_place_and_a_raise_for_names_the_raiser():
    cands = find(
        "Asia-Australia fintech ties are strong\nAsian investors have put money into a US$13 million capital "
        "raising for Paywell, a payments company based in Melbourne."
    )
    assert cands.name_choices().get("Asia-Australia", ["other"]) == ["other"]
    assert cands.contexts["Paywell"].raiser


def test_an_outlet_cited_in_the_sentence_is_no_investor():
    cands = find(
        "Tanpa judul\nKalvo memperluas kiprahnya: seperti dilaporkan Warta, Kalvo memimpin putaran investasi "
        "$250 juta untuk Lazuna."
    )
    assert cands.contexts["Warta"].outlet
    assert cands.name_choices()["Warta"] == ["other"]


def test_a_firm_name_in_a_headline_is_no_funding_word_and_shutdowns_are_no_funding_stories():
    assert cues.story_kind(
        "Winner in the Mapto-Chatly deal: lone investor Orbis Capital", "Mapto buying Chatly"
    ) == ("acquisition")
    assert cues.story_kind("Kelvo raises Series A led by Orbis Capital", "") == "funding"
    assert cues.story_kind(
        "Pedidos de falência crescem e reforçam a ressaca", "a Tallo levantou US$ 170 milhões"
    ) == ("other")


def test_a_person_described_as_a_vc_is_no_raiser_and_headline_verbs_are_not_in_names():
    cands = find(
        "This VC just closed on $60M\nAshmeet Sidra, a veteran VC who went out on his own in 2015 to set up "
        "Engine Capital, has just closed his third fund with $60 million."
    )
    assert cands.contexts["Ashmeet Sidra"].person
    assert "company" not in cands.name_choices()["Ashmeet Sidra"]
    names = find("Rencana Investasi\nRencana Telkam Investasi di Gojak, MDX Ventures Ungkap Faktanya").names
    assert "MDX Ventures" in names


def test_story_kind_reads_french_infinitives_a_round_in_the_lead_and_a_firm_that_buys():
    assert (
        cues.story_kind(
            "La start-up Quillon entre dans le club des licornes",
            "Selon la presse, cette opération a permis à l'entreprise de lever 145 millions de dollars.",
        )
        == "funding"
    )
    # No raise verb, but money in a round: "has unveiled a $250 million Series D funding round".
    lead = "Quillon has unveiled a $250 million Series D funding round that values it at $5 billion."
    assert cues.story_kind("Quillon notches a $5 billion valuation", lead, raises=1) == "funding"
    assert cues.story_kind("Quillon notches a $5 billion valuation", lead, raises=0) == "other"
    # "Capital" opening a firm's name in a sentence-case headline is no funding word.
    assert cues.story_kind("Capital Nord compra a fintech Quillon por US$ 5 bilhões", "") == "acquisition"


def test_the_price_of_a_company_bought_is_no_round_in_any_language():
    for sentence in (
        "Na quinta-feira, a Norvalk anunciou que vai comprar a fintech Quillon por US$ 5,1 bilhões.",
        "Norvalk acordó la compra de Quillon por 300 millones de euros.",
    ):
        cands = find("Norvalk buys Quillon\n" + sentence)
        assert all(cands.not_a_round(m) for m in cands.money), sentence


def test_an_amounts_words_are_no_name_and_chinese_raisers_may_be_quoted_or_announce_first():
    cands = find(
        "Quillon: 31 Millionen Euro frisches Kapital\nQuillon sammelt 31 Millionen Euro von Norvalk ein."
    )
    assert "Millionen Euro" not in cands.names
    quoted = find("享道出行完成B轮融资\n上汽集团旗下出行平台“青禾出行”已完成一轮10亿元人民币的B轮融资。")
    assert "company" in quoted.name_choices()["青禾出行"]
    announced = find(
        "青禾刷新纪录\n导读:青禾汽车近日宣布,A轮引战融资协议已完成签署和交割。这轮融资金额近50亿元。"
    )
    assert "company" in announced.name_choices()["青禾汽车"]


def test_the_year_a_company_was_founded_does_not_date_its_money():
    assert not cues.dated_before("Quillon, which launched in 2019, raised $9 million", 2024)
    assert not cues.dated_before("Fundada em 2016, a Quillon captou R$ 5 milhões", 2024)
    assert cues.dated_before("Quillon raised $9 million in 2019", 2024)


def test_chinese_raisers_lose_trailing_adverbs_and_verbs_or_conditionals_are_no_names():
    from extractor.forms.roles.cjk_names import cjk_names_in

    names = cjk_names_in(
        "青禾单车近日对外宣布完成4亿元融资。远山股权基金日前刚完成27亿元募资。他表示,完成融资后将扩张。"
        "如果超额配股权获行使,募资额将增加。"
    )
    assert names == ["青禾单车", "远山股权基金"]
    cands = find("青禾生物完成A轮融资\nQinghe Bio(青禾生物)宣布,其获得2亿美元A轮融资已经完成。")
    assert "company" in cands.name_choices()["青禾生物"]


def test_has_just_raised_in_spanish_and_portuguese_is_a_raise():
    cands = find(
        "Quillon obtiene 30 millones del BEI\n"
        "La compañía Quillon Aero acaba de captar 30 millones de euros de deuda del Banco Europeo de Inversiones."
    )
    assert cands.amounts["30 millones de euros"].raised
    assert "company" in cands.name_choices()["Quillon Aero"]


def test_who_plants_money_in_a_company_names_the_raiser_in_indonesian():
    cands = find(
        "Toyoka Tanam Investasi Rp 14 Triliun di Quillon\n"
        "Toyoka telah menanamkan investasi sebesar 1 miliar dolar Amerika Serikat atau sekitar Rp 14 triliun "
        "ke Quillon, perusahaan transportasi online."
    )
    assert cands.contexts["Quillon"].raiser
    assert "company" in cands.name_choices()["Quillon"]
    assert cands.amounts["1 miliar dolar Amerika Serikat"].raised


def test_a_price_per_share_or_an_exchange_rate_is_never_a_round():
    cands = find(
        "Quillon prices its IPO\nQuillon priced 7 million shares at $8 per share and raised about $56 million. "
        "($1 = 5.0692 reais)"
    )
    assert "raised" not in cands.amount_choices()["$8"]
    assert "raised" not in cands.amount_choices()["$1"]
    assert "raised" in cands.amount_choices()["$56 million"]


def test_who_bets_on_a_company_in_french_is_not_its_raiser():
    cands = find(
        "Pourquoi le géant Brisco mise sur Quillon\n"
        "Le géant Brisco mise sur Quillon, qui lève 40 millions d'euros."
    )
    assert cands.contexts["Quillon"].raiser
    assert not cands.contexts["Brisco"].raiser


def test_an_investment_in_a_company_named_after_its_kind_names_the_raiser():
    cands = find(
        "Brisco debuta con una inversión de US$ 500 mil en la legaltech Quillon\n"
        "Brisco, el mayor estudio de abogados, hizo una inversión de US$ 500 mil en la legaltech Quillon."
    )
    assert "company" in cands.name_choices()["Quillon"]
    assert "company" not in cands.name_choices().get("Brisco", [])


def test_a_portfolio_or_a_fund_named_for_investment_is_no_raiser():
    cands = find(
        "Quillon capta R$ 700 mi com FIDC\n"
        "A fintech Quillon finalizou a emissão do seu primeiro Fundo de Investimento em Direitos Creditórios, "
        "com captação de R$ 700 milhões. O investidor Ravi Brisco tem investimentos em Novelle e Quillon."
    )
    assert not cands.contexts["Direitos Creditórios"].raiser
    assert not cands.contexts["Novelle"].raiser


def test_a_headline_naming_who_bets_on_a_company_names_the_raiser():
    cands = find(
        "Pourquoi le géant Brisco mise sur Quillon, la fintech française\n"
        "Quillon a fait savoir mercredi qu'elle avait bouclé un tour de table de 40 millions d'euros."
    )
    assert cands.contexts["Quillon"].raiser
    assert "company" not in cands.name_choices().get("Brisco", [])
    # what it says it had done is the news, not an earlier round
    assert not cands.amounts["40 millions d'euros"].earlier


def test_taking_in_wrapping_up_or_leaving_stealth_with_money_is_raising_it():
    for sentence in (
        "Quillon, a UK-based ad platform, has taken in $6.5m in a series A round from Brisco Ventures.",
        "Quillon has wrapped up the oversubscribed round, the company confirmed.",
        "San Francisco-based Quillon Bio came out of stealth Monday with a $42 million Series A.",
    ):
        name = "Quillon Bio" if "Bio" in sentence else "Quillon"
        cands = find("Deal news\n" + sentence)
        assert cands.contexts[name].raiser, sentence


def test_founders_listed_in_an_aside_are_people_not_the_raiser():
    cands = find(
        "Quillon: credit for Colombia\n"
        "The company, founded by Ana Ruiz Moss, Leo Park, and Ida Varga, has just raised a $1.5 million "
        "seed round led by Brisco Ventures."
    )
    for founder in ("Ana Ruiz Moss", "Leo Park", "Ida Varga"):
        assert cands.contexts[founder].person and not cands.contexts[founder].raiser, founder
        assert cands.name_choices()[founder] == ["other"], founder
    # the headline's subject before a colon is a name, and the one company on offer
    assert "company" in cands.name_choices()["Quillon"]


@pytest.mark.parametrize(
    "opening",
    ["Set up in 2019 by Ana Ruiz and Leo Park", "Established in Lagos by Ana Ruiz and Leo Park",
     "Launched in Bogotá in 2019 by Ana Ruiz and Leo Park"],
)  # fmt: skip
def test_founders_after_a_founding_verb_with_its_time_or_place_are_people_not_the_raiser(opening):
    cands = find(
        f"Weekly deals\n{opening}, the startup picked up $12 million in its Series A from Brisco Capital."
    )
    for founder in ("Ana Ruiz", "Leo Park"):
        assert cands.contexts[founder].person and not cands.contexts[founder].raiser, (opening, founder)


def test_a_founder_named_after_a_description_is_no_raiser_but_a_company_after_a_founded_by_phrase_is():
    cands = find(
        "Fund news\n"
        "Brisco Capital, the climate fund started by TV star Ida Varga, an early investor in Orrin, has raised "
        "$800 million. Founded by Leo Park, Quillon has raised $5 million from Brisco Capital."
    )
    assert not cands.contexts["Ida Varga"].raiser and cands.contexts["Ida Varga"].person
    assert cands.contexts["Quillon"].raiser and not cands.contexts["Quillon"].person


def test_a_spanish_or_portuguese_earlier_capital_increase_is_earlier():
    for sentence in (
        "Brisco Capital ya había entrado en la ampliación anterior, la liderada por Orrin Ventures.",
        "A Brisco Capital já tinha participado da captação anterior, liderada pela Orrin Ventures.",
    ):
        assert cues.says_earlier(sentence, 2024), sentence
    assert not cues.says_earlier("Quillon cerró una ampliación de capital liderada por Orrin Ventures.", 2024)


def test_a_pronoun_in_a_names_own_clause_makes_it_the_raiser_unless_another_name_stands_between():
    cands = find(
        "Quillon raises $50M\n"
        "You may know Orrin, especially since it reached a $7 billion valuation when it raised $1.1 billion "
        "from Brisco Capital. Quillon raised $50 million from Vardo Fund, which led the round."
    )
    assert cands.contexts["Orrin"].raiser
    assert "company" in cands.name_choices()["Orrin"]
    # a place between the name and the pronoun does not stand for anyone
    cands = find(
        "Funding week\nThe top deal went to Vardo, a fintech based in Mumbai, which raised $120 million."
    )
    assert cands.contexts["Vardo"].raiser
    cands = find("Quillon raises $5M\nOrrin Ventures backed Quillon after it raised $5 million from Brisco.")
    assert not cands.contexts["Orrin Ventures"].raiser
    # a source that tells of the money, or an investor, is not what the pronoun stands for
    cands = find(
        "Quillon raises $5M\nData from Orrin Analytics indicated that it raised $5 million. Quillon got "
        "$2 million from Vardo Capital, weeks after it secured $3 million from Brisco."
    )
    assert not cands.contexts["Orrin Analytics"].raiser and not cands.contexts["Vardo Capital"].raiser


def test_a_source_whose_figures_date_a_round_is_not_what_the_pronoun_stands_for():
    cands = find(
        "Quillon raises $5M\nOrrin Analytics data puts the company's worth at $500 million in 2017, when it "
        "raised $75 million."
    )
    assert not cands.contexts["Orrin Analytics"].raiser
    cands = find(
        "Quillon raises $5M\nQuillon, which according to Orrin data raised $200 million, grew. The same "
        "data source puts Vardo at $265 million raised."
    )
    assert "data" not in cands.names


def test_a_company_described_as_a_studio_set_up_by_veterans_of_another_raises_the_money():
    cands = find(
        "Game studios thrive\nMirrowind Games, a mobile games studio and yet another venture set up by former "
        "Brisco Games veterans, has announced that it raised $5 million in a seed round led by Vardo Fund, "
        "with Ida Moss and Orrin Ventures taking part."
    )
    assert cands.contexts["Mirrowind Games"].raiser
    assert "company" in cands.name_choices()["Mirrowind Games"]
    assert not cands.contexts["Brisco Games"].raiser
    assert cands.contexts["Orrin Ventures"].investor and not cands.contexts["Orrin Ventures"].lead
    assert cands.contexts["Vardo Fund"].lead


def test_a_headline_naming_a_backer_by_its_initials_gives_no_raiser():
    cands = find(
        "Orrin's Ferngate turns to NHB for lending\nThe first lending facility that the Northgate Harbor Bank "
        "(NHB) has put in place in Asia points to a shift, as Ferngate Lending Inc., the lending arm of Orrin, "
        "sets out to displace loan sharks. Speaking after the signing, an NHB director said the $30 million "
        "credit facility is the first of several. NHB also said it will watch the loans closely."
    )
    assert cands.contexts["Northgate Harbor Bank"].investor
    assert "NHB" not in cands.raisers


def test_backers_listed_after_taking_part_were_are_investors_even_when_described():
    cands = find(
        "Ferngate Pharma rings in funding\nFerngate Pharma has closed a $15 million round. Also taking part "
        "were Orrin Capital Partners, the corporate venturing arm of clinical services provider Brisco, and "
        "property developer Vardo Estates."
    )
    orrin = cands.contexts["Orrin Capital Partners"]
    assert orrin.investor and not orrin.raiser
    assert cands.raisers == {"Ferngate Pharma"}


def test_a_digest_ranking_names_the_raiser_before_came_next():
    cands = find(
        "Funding in the first quarter\nAt the top was infrastructure company Ferngate Edge, which raised "
        "$640 million in a Series D round. Biotechnology firm Orrin Bio Evolution came next, securing "
        "$49 million in a Series A round. Kyoto came third with $4 million."
    )
    assert cands.raisers == {"Ferngate Edge", "Orrin Bio Evolution"}


def test_who_completes_an_investment_in_another_company_does_not_raise_it():
    cands = find(
        "Quillon's parent valued at $5 billion\nJapan's Orrin Financial Group has completed a $400 million "
        "investment in the parent of Quillon."
    )
    assert not cands.contexts["Orrin Financial Group"].raiser
    cands = find(
        "Funding roundup\nVardo Trust, an escrow provider, also raised a $5,000 pre-seed investment in March."
    )
    assert cands.contexts["Vardo Trust"].raiser


def test_investors_who_put_money_into_a_company_and_their_short_forms_are_no_raisers():
    cands = find(
        "Brisco and Orrin put $135m into Quillon\n"
        "Brisco Holdings and Orrin Capital have put USD 135m into Quillon, an online retailer. "
        "Orrin, a seed investor that has backed Quillon since 2011, closed its third fund last month at "
        "about USD 94m."
    )
    assert cands.contexts["Brisco Holdings"].investor and cands.contexts["Orrin Capital"].investor
    assert "Orrin" not in cands.raisers and "Quillon" in cands.raisers


def test_the_round_itself_is_no_lower_case_brand_and_listed_backer_shares_are_no_rounds():
    from extractor.forms.roles.names import names_in

    assert "rodada" not in names_in("Só que essa rodada levanta uma questão maior sobre a Quillon.", "pt")
    cands = find(
        "Quillon raises $460 million\nQuillon has picked up $460 million in its Series F round. Eight other "
        "investors have put money into it, among them Brisco Capital ($77 million) and Orrin Holdings ($15 million)."
    )
    assert not cands.contexts["Brisco Capital"].raiser and not cands.contexts["Orrin Holdings"].raiser


def test_a_title_splits_an_employer_from_a_person_and_an_office_names_no_investor():
    from extractor.forms.roles.names import names_in

    cands = find(
        "Corvel AI raises €12mn\nCorvel AI has raised €12mn. Investors in the round include former Quarry CEO Ada Brenn "
        "and Halvard Partners."
    )
    assert "Ada Brenn" in cands.names and "Quarry CEO Ada Brenn" not in cands.names
    assert not cands.contexts["Quarry"].investor and cands.contexts["Ada Brenn"].investor
    assert names_in("The grant was announced by the Minister of Natural Resources on Monday.", "en") == []


def test_people_from_a_company_and_a_backers_portfolio_are_not_investors():
    cands = find(
        "Corvel AI raises €12mn\nSet up by former researchers from Quarry and Pemberton, Corvel AI has raised "
        "€12mn. The round was led by Halvard Partners, known for backing companies such as Brisco and Orrin."
    )
    assert not cands.contexts["Quarry"].investor and not cands.contexts["Pemberton"].investor
    assert cands.contexts["Halvard Partners"].lead
    assert not cands.contexts["Brisco"].investor and not cands.contexts["Orrin"].investor


@pytest.mark.parametrize(
    ("article", "backer", "role", "others"),
    [
        (
            "Lumio lève 5 millions d'euros\nLumio dévoile un tour de table de 5 millions d'euros mené par Racolle, "
            "le fonds à impact de la Mutuelle Varenne, dont la gestion est assurée par Brisco et Orrin.",
            "Racolle",
            "lead",
            ("Mutuelle Varenne", "Brisco", "Orrin"),
        ),
        (
            "Quillon raises $21.5m\nQuillon announced $21.5m in Series A funding from Orrin, an investor in Lumen, "
            "Vexo and Brisco. Orrin is joined by Halvard Capital.",
            "Orrin",
            "investor",
            ("Lumen", "Vexo", "Brisco"),
        ),
    ],
    ids=["what-a-lead-is", "an-investors-portfolio"],
)
def test_an_aside_about_a_backer_ends_its_list(article: str, backer: str, role: str, others: tuple[str, ...]):
    cands = find(article)
    assert getattr(cands.contexts[backer], role)
    assert not any(getattr(cands.contexts[n], role) for n in others)


@pytest.mark.parametrize(
    ("article", "lender", "borrower"),
    [
        (
            "Quillon Bank signs a loan\nThe Varenne Fund has extended a $100 million loan to Quillon Bank for "
            "green projects.",
            "Varenne Fund",
            "Quillon Bank",
        ),
        (
            "Quillon fecha linha de crédito\nO Varenne anunciou um empréstimo de US$100 milhões ao banco Quillon "
            "para projetos verdes.",
            "Varenne",
            "Quillon",
        ),
    ],
)
def test_who_lends_to_a_named_party_is_the_investor_and_the_party_raises(article, lender, borrower):
    cands = find(article)
    assert cands.contexts[lender].investor and not cands.contexts[lender].raiser
    assert cands.contexts[borrower].raiser


def test_a_chinese_pronoun_raises_for_the_name_quoted_before_it():
    from extractor.forms.roles.cjk_names import cjk_names_in

    text = (
        "规模最大的一笔融资属于“青岚医疗”，它从甲乙资本、丙丁资本处共获得1.5亿美元融资。"
        "排在第二位的是“云栖互助”，它宣布完成了10亿元的C轮融资。"
        "2019年3月，它曾拿到戊己科技领投的5亿元B轮融资。"
    )
    names = cjk_names_in(text)
    assert {"青岚医疗", "云栖互助", "戊己科技"} <= set(names)
    assert not any(n.startswith("它") or n.endswith("处共") for n in names)
    cands = find("医疗融资汇总\n" + text)
    assert cands.contexts["青岚医疗"].raiser and cands.contexts["云栖互助"].raiser


def test_a_company_swallowed_or_bought_by_another_is_an_acquisition_story():
    assert (
        find("Orrin swallows app search robot Quillon\nOrrin snapped up Quillon yesterday.").story
        == "acquisition"
    )
    article = (
        "Quillon, la startup que acabó comprada por Orrin\nOrrin acaba de pagar unos 70 millones de euros."
    )
    assert find(article).story == "acquisition"


def test_a_french_raise_after_an_earlier_one_and_a_levee_de_fonds_are_read():
    cands = find(
        "Quillon lève 25 millions d'euros\nAprès un précédent tour de table de 7 millions d'euros, la start-up "
        "Quillon annonce avoir bouclé un nouveau financement de 25 millions d'euros. Orrin vient d'annoncer une "
        "nouvelle levée de fonds de 300 millions de dollars."
    )
    assert cands.amounts["7 millions d'euros"].earlier
    assert (
        not cands.amounts["25 millions d'euros"].earlier and cands.amounts["25 millions d'euros"].raised_close
    )
    assert cands.amounts["300 millions de dollars"].raised_close


def test_a_firms_home_town_the_staff_of_firms_and_kinds_of_chinese_backers_are_no_investors():
    from extractor.forms.roles.cjk_names import cjk_names_in
    from extractor.forms.roles.names import names_in

    assert names_in("It was led by Vardo, with Long River Ventures of Amherst taking part.", "en") == [
        "Vardo",
        "Long River Ventures",
    ]
    cands = find(
        "Quillon raises $5M\nQuillon raised $5 million led by Vardo Capital, and took angel investments from "
        "general partners of Brisco Ventures and Orrin Partners."
    )
    assert cands.contexts["Vardo Capital"].lead
    assert not cands.contexts["Brisco Ventures"].investor and not cands.contexts["Orrin Partners"].investor
    names = cjk_names_in(
        "岚图汽车完成A轮融资。国有资本有甲银投资、乙银辕憬三家参投，民营资本有丙锋锂业、丁旺达两家跟投。"
    )
    assert {"甲银投资", "乙银辕憬", "丙锋锂业", "丁旺达"} <= set(names)
    assert not {"国有资本", "民营资本", "资本"} & set(names)


def test_money_raised_by_a_company_named_after_it_is_that_companys():
    cands = find(
        "Startups in the region raised $764 million in November\nStartups in the region pulled in $764 "
        "million over 42 rounds. Among them were a $250 million debt round raised by Riyadh-based Quillon, "
        "a $200 million Series D by Brisco, and $130 million raised by Orrin in bonds. Lumen also got a "
        "$20 million investment by Sequoia Capital."
    )
    assert all(cands.contexts[n].raiser for n in ("Quillon", "Brisco", "Orrin"))
    assert not cands.contexts["Sequoia Capital"].raiser
    other = find(
        "Quillon raises $24 million\nQuillon raised $24 million, according to data obtained by Orrin Research. "
        "Lumen got a $1.25m Seed round closed by RegTech firm Vexo."
    )
    assert not other.contexts["Orrin Research"].raiser and not other.contexts["RegTech"].raiser
    assert cands.amounts["$764 million"].total and not cands.amounts["$250 million"].total


def test_a_verb_or_other_investors_after_the_lead_end_the_lead_list():
    for sentence in (
        "La ronda, liderada por Marathon Ventures, sumó además el respaldo de otros inversionistas como "
        "Nido Ventures y Noa Capital.",
        "The round was led by Marathon Ventures, drew Nido Ventures and Noa Capital.",
        "It raised $20 million in a round led by Marathon Ventures together with Nido Ventures and Noa Capital.",
    ):
        spans = cues.lead_spans(sentence)
        led = [sentence[a:b] for a, b in spans]
        assert any("Marathon Ventures" in t for t in led), sentence
        assert not any("Nido" in t or "Noa" in t for t in led), sentence


def test_the_parents_of_venture_arms_are_not_investors():
    cands = find(
        "Ferngate Pharma takes in $16m\nFerngate Pharma raised $16 million from Orrin Capital and Larch "
        "Capital, the VC arms of financial services firms Orrin Bank and Larch Financial Group respectively."
    )
    assert cands.contexts["Larch Capital"].investor
    assert not cands.contexts["Orrin Bank"].investor and not cands.contexts["Larch Financial Group"].investor


def test_the_person_behind_a_lead_is_not_listed_with_the_leads():
    sentence = (
        "O financiamento foi liderado pela Lightspeed Venture Partners e pela Build Collective, do empresário "
        "norte-americano Tony Fadell, que criou o iPod."
    )
    led = " ".join(sentence[a:b] for a, b in cues.lead_spans(sentence))
    assert "Build Collective" in led and "Tony Fadell" not in led


def test_a_place_seen_raising_money_is_not_the_company():
    cands = find(
        "Le Kenya se rapproche de sa licorne\n"
        "Le Kenya a levé 125 millions de dollars via Tembo Logistique, qui a obtenu la somme auprès de Koro Capital."
    )
    assert cands.contexts["Le Kenya"].raiser
    assert cands.name_choices()["Le Kenya"] == ["other"]


@pytest.mark.parametrize(
    ("sentence", "money", "what"),
    [
        # what one share or debenture is worth is a price, not a round
        (
            "It issued 900 debentures, each with a face value of INR 1 lakh, to Kestrel Fund.",
            "INR 1 lakh",
            "price",
        ),
        # a round that "puts the company's value at" a figure gives a valuation
        (
            "Brightloom announced a round that puts the company's value at $1.2 billion.",
            "$1.2 billion",
            "valuation",
        ),
        # "Altogether, it has raised" sums rounds
        ("Altogether, the company has raised a little over INR 11 Cr so far.", "INR 11 Cr", "total"),
        # the total a round lifts comes after it; the round itself is no total
        (
            "Numbra has raised $40 million, lifting the total invested in it to $200 million.",
            "$200 million",
            "total",
        ),
        (
            "Numbra has raised $40 million, lifting the total invested in it to $200 million.",
            "$40 million",
            "round",
        ),
    ],
)
def test_words_around_money_tell_a_price_a_valuation_and_a_total(sentence, money, what):
    start = sentence.index(money)
    ctx = cues.amount_context(sentence, start, start + len(money))
    said = {"price": ctx.not_raised, "valuation": ctx.valuation, "total": ctx.total}
    assert said[what] if what in said else ctx.raised and not any(said.values())


def test_chinese_backer_named_investment_fund_and_earlier_backers_before_this():
    article = (
        "投资界5月1日讯,河北星岩晶体有限公司(下称“星岩晶体”)日前宣布,已完成C轮融资,"
        "本轮由青松资本和北辰产业投资基金共同投资。\n"
        "在此之前,星岩晶体已经完成过多轮融资,投资方包括银川源汇等机构。"
    )
    cands = find(article)
    assert cands.contexts["北辰产业投资基金"].investor
    assert cues.says_earlier(article.splitlines()[1], 2024)


def test_a_news_outlet_is_no_investor():
    # listed like a backer (a caption or a table cell glued to the list), still no backer
    cands = find(
        "Ferngate raises $8 million\nFerngate raised $8 million from Larch Capital, Quill Fund and PitchBook."
    )
    choices = cands.name_choices()
    assert "investor" in choices["Larch Capital"]
    assert choices["PitchBook"] == ["other"]


def test_an_italian_lead_phrase_names_the_lead():
    cands = find(
        "Arduvio raccoglie 30 milioni di euro\n"
        "Arduvio ha chiuso un round di Serie B da 30 milioni di euro guidato da Larch Capital, con Quill Fund."
    )
    assert "lead" in cands.name_choices()["Larch Capital"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die in Basel ansässige Ferngate AG hat eine Series B-Finanzierung über 79 Mio CHF unter Dach und Fach "
        "gebracht.",
        "Gemeint ist die Ferngate AG aus Basel, die eine Finanzierung über 79 Mio. CHF abschließen konnte.",
    ],
)
def test_german_raiser_with_the_verb_last(sentence):
    cands = find("Millionen für Ferngate\n" + sentence)
    assert "company" in cands.name_choices()["Ferngate AG"]
    assert "raised" in cands.amount_choices()[cands.money[0]]


def test_a_common_noun_and_an_outlet_raise_nothing():
    cands = find(
        "Startups borrow more\nAccording to Fortune, debt raised by startups jumped last year, and debt "
        "raised by fintechs reached $1.2 billion. Fortune raised the question of risk."
    )
    assert "debt" not in cands.names
    assert "company" not in cands.name_choices().get("Fortune", [])


def test_french_raiser_after_an_aside_and_a_debt_financing():
    cands = find(
        "Une fintech obtient 117 millions d'euros\n"
        "Ferngate, la plateforme de paiement mobile, a décroché un financement par emprunt de 117 millions "
        "d'euros auprès de Larch Capital."
    )
    assert "company" in cands.name_choices()["Ferngate"]
    assert "raised" in cands.amount_choices()["117 millions d'euros"]


def test_an_outlet_telling_the_news_is_no_raiser_but_a_headlined_company_is():
    cands = find(
        "Health startup Ferngate pulls in $101 million\n"
        "Ferngate recently closed a $101 million Series C funding round, Fortune can report exclusively."
    )
    assert "Fortune" not in cands.raisers
    assert "Ferngate" in cands.raisers
    cands = find(
        "Ferngate capta US$ 300 milhões em nova rodada\n"
        "A Ferngate confirmou que recebeu uma nova rodada de US$ 300 milhões. "
        "Procurada pela reportagem, a Ferngate informou que não daria entrevistas."
    )
    assert "Ferngate" in cands.raisers


def test_time_since_the_founding_dates_no_earlier_round():
    assert not cues.says_earlier(
        "Only eight months after it launched, Ferngate has raised $12 million.", None
    )
    assert cues.says_earlier(
        "Three months after it raised $50 million, Ferngate has raised $30 million.", None
    )


def test_a_chinese_strategic_investment_received_names_raiser_and_backer():
    cands = find(
        "牵手星岩科技，东方汽车布局芯片\n9月26日，星岩科技对外发布消息，称已拿到东方汽车的战略投资，交割也已完成。"
    )
    assert cands.story == "funding"
    assert "星岩科技" in cands.raisers and "交割" not in cands.names
    assert cands.contexts["东方汽车"].investor


def test_a_headline_name_after_from_or_of_is_not_the_fallback_raiser():
    cands = find(
        "Startup do Porto recebe 8 milhões de investidores do Orrin e do Vardo\n"
        "A ferngate, startup luso-alemã, concluiu uma ronda de investimento de 8 milhões de dólares, numa "
        "operação liderada pelo fundo Larch, que tem no currículo investimentos em empresas como o Orrin."
    )
    assert "Orrin" not in cands.raisers and "Porto" not in cands.raisers


def test_a_chinese_digest_names_backers_before_and_companies_after_invested():
    cands = find(
        "4月消费投融资：12起融资\n"
        "其中，梅岭创投投资了小吃品牌“面面香”和配饰品牌“星环”，两笔都是千万级融资；"
        "青峰资本投资了咖啡品牌“豆语”，同样是天使轮融资。"
    )
    assert {"面面香", "星环", "豆语"} <= cands.raisers
    assert cands.contexts["梅岭创投"].investor and cands.contexts["青峰资本"].investor
    assert "梅岭创投" not in cands.raisers


def test_founders_of_the_company_that_raised_are_no_raisers():
    cands = find(
        "Ferngate: fixing car insurance\nAna Ruiz and Leo Park founded the company, which recently raised a "
        "$13.6M Series A led by Orrin Ventures."
    )
    assert "Leo Park" not in cands.raisers
    cands = find(
        "Ferngate lève 18 millions d'euros\nLa jeune pousse créée par Ana Ruiz, Leo Park (Orrin) et Ida de Moss "
        "(ex-Vardo, Larch) annonce un tour de table de 21 millions de dollars en série B, mené par Brisco."
    )
    assert cands.contexts["Ida de Moss"].person and "Ida de Moss" not in cands.raisers


def test_a_backer_alongside_the_lead_in_portuguese_invests():
    cands = find(
        "Orrin aposta numa startup de pagamentos\nA gigante Vardo liderou uma rodada Série C de US$ 150 "
        "milhões no aplicativo Ferngate, ao lado do conglomerado japonês Orrin e de outros investidores."
    )
    assert cands.contexts["Orrin"].investor
    assert "Orrin" not in cands.raisers


def test_the_name_after_a_persons_title_is_the_employer_not_a_person():
    cands = find(
        "Ferngate raises $54 mn\nEV charging firm FERN+GATE has secured $54 million in its Series A1 round.\n"
        "The current raise is part of a plan, said Ana Ruiz, Founder & CEO, FERN+GATE."
    )
    assert not cands.contexts["FERN+GATE"].person
    assert "FERN+GATE" in cands.raisers


def test_a_chinese_raiser_named_by_its_short_name_in_brackets_raises():
    cands = find(
        "两位创始人投资近1亿元\n今天(1月11日),脑科学初创企业NeuroStar星脑科技(下文简称“星脑科技”)对外宣布,"
        "已完成总额达9700万元人民币的天使轮融资,本轮由东岳资本领投。"
    )
    assert "星脑科技" in cands.raisers


def test_a_capitalised_word_the_name_carries_mid_sentence_stays_in_it():
    cands = find(
        "Pawnshop seller Back Ledger reaches $2 billion valuation\nBack Ledger, a marketplace for used "
        "tools, has raised $90 million. The new valuation doubles the $1 billion Back Ledger reached in May."
    )
    assert "Back Ledger" in cands.names and "Ledger" not in cands.names
    assert "Back Ledger" in cands.raisers


def test_a_currency_word_raises_nothing():
    cands = find(
        "Startups in Ruritania raise more\nStartups raised 310 billion yen last year, well ahead of the 90 "
        "billion yen raised through listings. Ferngate raised 4 billion yen from Orrin Bank."
    )
    assert "yen" not in cands.names and "Ferngate" in cands.raisers


def test_the_short_form_of_a_funds_name_raises_nothing():
    cands = find(
        "Investors put $16m into drug developer\nVenture investors Halvard Capital and Quarry have committed "
        "$16 million to Ferngate Oncology, a drug developer. Halvard closed its first vehicle at A$11 million "
        "in 2007."
    )
    assert "Ferngate Oncology" in cands.raisers
    assert "Halvard" not in cands.raisers


def test_a_firm_that_closed_a_fund_raised_no_round():
    cands = find(
        "Ferngate lands $8M Series A\nThe round had two leads: Halvard Partners and Orrin Capital, which "
        "closed a new $110-million fund last December. Ferngate raised a $1.5-million seed before."
    )
    assert "Orrin Capital" not in cands.raisers and "Ferngate" in cands.raisers


def test_a_firm_that_is_leading_the_round_leads():
    cands = find(
        "Ferngate raises £100 million\nFerngate has raised £100 million. Orrin Ventures is leading this round, "
        "with Halvard Capital, Quarry (Groupe Vardo), Pemberton Ventures and Coral.VC also taking part."
    )
    assert cands.contexts["Orrin Ventures"].lead
    for name in ("Halvard Capital", "Quarry", "Pemberton Ventures", "Coral.VC"):
        assert cands.contexts[name].investor, name


def test_the_employer_of_a_headlines_subject_raises_nothing():
    cands = find(
        "Orrin AI alum raises $9M for industrial AI\nIt has closed a $9 million seed round, led by investors "
        "such as Halvard and Quarry Capital."
    )
    assert "Orrin AI" not in cands.raisers


def test_the_short_name_of_an_investing_firm_in_the_headline_raises_nothing():
    cands = find(
        "Halvard, o maior fundo do Vale, entra como sócio do Ferngate\nO Halvard Partners, o maior fundo de "
        "venture capital do Vale, acaba de se tornar sócio-investidor do Ferngate. O banco digital recebeu um investimento, de valor não revelado, do "
        "fundo do Halvard."
    )
    assert "Halvard" not in cands.raisers


def test_a_persons_name_is_never_the_raiser():
    cands = find(
        "Ferngate raises $13.6 million Series A\nJavier Orozco, who runs the insurer, said Ferngate raised "
        "$13.6 million. Javier Orozco has raised $13.6 million from Halvard Capital, the team said."
    )
    assert "Javier Orozco" not in cands.raisers


def test_the_names_after_two_leads_lead():
    cands = find(
        "Ferngate lands $8M Series A\nFerngate announced an $8-million Series A. The round had two leads: "
        "California-based Halvard Capital Partners and Montreal's Orrin Capital."
    )
    assert cands.contexts["Halvard Capital Partners"].lead and cands.contexts["Orrin Capital"].lead


def test_a_leading_provider_leads_no_round():
    cands = find(
        "Orrin Capital Bolsters Its Resources With a New $400MM Credit Facility\nOrrin Capital, Inc., the "
        "largest and leading specialty finance provider to venture-backed companies, said today that it has "
        "closed a new $400 million credit facility with Halvard Bank."
    )
    assert not cands.contexts["Orrin Capital"].lead


def test_a_quoted_chinese_name_of_a_company_called_so_raises():
    cands = find("费恩盖特获超亿元天使轮融资\n1月28日,一家叫作“费恩盖特”的公司宣布拿到了超亿元的天使轮融资。")
    assert "费恩盖特" in cands.raisers
    assert not any(n.startswith("的") for n in cands.names)
