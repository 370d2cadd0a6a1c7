"""Page templates modelled on the structures real news, press-release and company sites use.

Each skin wraps the clean article (scripts/html_set/articles.py) in the furniture of one kind of site:
navigation, breadcrumbs, tickers, bylines, JSON-LD, inline "read also" links, related-story sidebars,
newsletter and cookie boxes, job ads, comments, scripts and styles. Class names and nesting differ from
skin to skin on purpose, as they do between real sites, so no one rule set fits them all.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from html import escape
from typing import Any

A = dict[str, Any]


def e(text: str) -> str:
    return escape(text, quote=True)


def human_date(a: A, style: str = "en") -> str:
    d = datetime.date.fromisoformat(a["published"])
    months = {
        "en": "January February March April May June July August September October November December",
        "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
        "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    }[style].split()
    if style == "en":
        return f"{d.day} {months[d.month - 1]} {d.year}"
    if style == "de":
        return f"{d.day}. {months[d.month - 1]} {d.year}"
    return f"{d.day} {'de ' if style in ('es', 'pt') else ''}{months[d.month - 1]}{' de' if style in ('es', 'pt') else ''} {d.year}"


# ------------------------------------------------------------------------------------------ metadata


def json_ld(a: A, site: str, graph: bool = False) -> str:
    """A NewsArticle block; datePublished only where this page states its date in JSON-LD."""
    mk = a["date_markup"]
    article: A = {
        "@type": "NewsArticle",
        "headline": a["title"],
        "description": a["dek"] or a["paragraphs"][0][:150],
        "mainEntityOfPage": a["url"],
        "publisher": {"@type": "Organization", "name": site},
    }
    if a.get("author"):
        article["author"] = {"@type": "Person", "name": a["author"]}
    stamp = mk.get("json_ld") or mk.get("json_ld_graph")
    if stamp:
        article["datePublished"] = stamp
        article["dateModified"] = stamp[:11] + "18:40:00" + stamp[19:]
    if graph:
        home = "/".join(a["url"].split("/")[:3]) + "/"
        page: A = {"@type": "WebPage", "@id": a["url"], "url": a["url"], "name": a["title"]}
        if stamp:
            page["datePublished"] = stamp
        crumbs = [{"@type": "ListItem", "position": i + 1, "name": s} for i, s in enumerate(a["section"])]
        data: A = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": home + "#website", "url": home, "name": site},
                page,
                {**article, "@id": a["url"] + "#article", "isPartOf": {"@id": a["url"]}},
                {"@type": "BreadcrumbList", "itemListElement": crumbs},
            ],
        }
    else:
        data = {"@context": "https://schema.org", **article}
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def meta_tags(a: A, site: str, og: bool = True) -> str:
    out = [f'<meta name="description" content="{e(a["dek"] or a["paragraphs"][0][:150])}">']
    if og:
        out += [
            f'<meta property="og:title" content="{e(a["title"])}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:url" content="{e(a["url"])}">',
            f'<meta property="og:site_name" content="{e(site)}">',
            '<meta name="twitter:card" content="summary_large_image">',
        ]
    if "meta" in a["date_markup"]:
        attr, name, value = a["date_markup"]["meta"]
        out.append(f'<meta {attr}="{e(name)}" content="{e(value)}">')
    out.append(f'<link rel="canonical" href="{e(a["url"])}">')
    return "\n".join(out)


def time_tag(a: A, style: str = "en") -> str:
    """The visible date; machine-readable only where the page gives its date that way."""
    mk = a["date_markup"]
    shown = e(human_date(a, style))
    if "time" in mk:
        updated = ""
        if "updated" in mk:
            updated = f' <time class="updated" datetime="{mk["updated"]}">Updated</time>'
        return f'<time class="entry-date published" datetime="{mk["time"]}">{shown}</time>{updated}'
    if "itemprop" in mk:
        return f'<span class="date"><meta itemprop="datePublished" content="{mk["itemprop"]}">{shown}</span>'
    return f'<span class="date">{shown}</span>'


STYLE = (
    "<style>body{font-family:Georgia,serif;margin:0}.wrap{max-width:1100px;margin:auto}"
    ".sidebar{float:right;width:300px}.hidden{display:none}</style>"
)

ANALYTICS = (
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
    "gtag('js',new Date());gtag('config','G-EXAMPLE');</script>"
)


def app_state(a: A, items: list[str]) -> str:
    """Client-side state with the teaser headlines, as script-rendered sites ship it."""
    state = {"page": {"id": a["id"], "section": a["section"][-1]}, "teasers": [{"title": t} for t in items]}
    return (
        f'<script id="__APP_STATE__" type="application/json">{json.dumps(state, ensure_ascii=False)}</script>'
    )


def paragraphs(a: A, read_also: Callable[[str], str] | None, p: str = "<p>{}</p>") -> str:
    """The article's paragraphs, with the page's inline links to other stories after the given ones."""
    out = []
    links = a["noise"].get("read_also", {})
    for i, text in enumerate(a["paragraphs"]):
        out.append(p.format(e(text)))
        if i in links and read_also is not None:
            out.append(read_also(links[i]))
    return "\n".join(out)


def link(text: str, href: str = "/news/") -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in text.lower())[:60].strip("-")
    return f'<a href="{href}{slug}">{e(text)}</a>'


def items(texts: list[str], cls: str = "") -> str:
    return "".join(f"<li{f' class={chr(34)}{cls}{chr(34)}' if cls else ''}>{link(t)}</li>" for t in texts)


# ---------------------------------------------------------------------------------------------- skins


def ledger(a: A) -> str:
    """A national business paper: ticker, mega-nav, breadcrumbs, standfirst, byline, inline related
    asides, a related-stories rail, "most read", a newsletter box and a cookie banner."""
    site = "The Harbour Ledger"
    n = a["noise"]
    crumbs = "".join(f'<li><a href="/{s.lower()}">{e(s)}</a></li>' for s in ["Home", *a["section"]])
    ticker = "".join(f"<span class=tick>{e(t)}</span>" for t in n.get("ticker", []))
    dek = f'<p class="standfirst">{e(a["dek"])}</p>' if a["dek"] else ""
    body = paragraphs(
        a,
        lambda t: f'<aside class="inline-related"><span class="label">Read also</span>{link(t)}</aside>',
    )
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a["title"])} | {site}</title>
{meta_tags(a, site)}
{json_ld(a, site)}
{STYLE}
{ANALYTICS}
</head>
<body class="article-page">
<div id="cookie-consent" class="consent-banner" role="dialog"><p>{e(n["cookie"])}</p>
<button>Accept all</button><button>Manage preferences</button></div>
<header class="site-header">
<div class="market-ticker" aria-label="Markets">{ticker}</div>
<a class="logo" href="/">{site}</a>
<nav class="mega-nav"><ul><li><a href="/markets">Markets</a></li><li><a href="/shipping">Shipping</a></li>
<li><a href="/deals">Deals</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
</header>
<div class="wrap">
<ol class="breadcrumbs">{crumbs}</ol>
<main id="content">
<article class="story">
<header class="story-header">
<h1 class="headline">{e(a["title"])}</h1>
{dek}
<div class="byline">By <a rel="author" href="/authors/{a["author"].split()[0].lower()}">{e(a["author"])}</a> · {time_tag(a)}</div>
<figure class="lead-image"><img src="/img/{a["id"]}.jpg" alt=""><figcaption>Photograph: company handout</figcaption></figure>
</header>
<div class="story-body">
{body}
</div>
<div class="share-tools"><a href="#">Share on X</a> <a href="#">LinkedIn</a> <a href="#">Email</a> <a href="#">Copy link</a></div>
</article>
<section class="related-stories"><h2>Related stories</h2><ul>{items(n.get("related", []))}</ul></section>
<div class="newsletter-signup"><h3>Newsletter</h3><p>{e(n["newsletter"])}</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>
</main>
<aside class="rail"><div class="most-read"><h2>Most read</h2><ol>{items(n.get("popular", []))}</ol></div>
<div class="ad-slot" data-slot="rail-mpu">Advertisement</div></aside>
</div>
<footer class="site-footer"><p>© 2024 {site}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
{app_state(a, n.get("related", []) + n.get("popular", []))}
</body>
</html>
"""


def wire(a: A) -> str:
    """A press-release distribution service: the release with its dateline, about and contact lines,
    then the wire's own boilerplate and "more releases" lists."""
    site = "BizPulse Wire"
    n = a["noise"]
    return f"""<!doctype html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])}</title>
{meta_tags(a, site)}
{STYLE}
<script src="/static/js/vendor.min.js"></script>
</head>
<body>
<div class="cookie-notice">{e(n["cookie"])} <a href="/cookies">Learn more</a></div>
<div class="topbar"><a href="/">BizPulse Wire</a> <a href="/news-releases">News releases</a> <a href="/send">Send a release</a> <a href="/login">Log in</a></div>
<div class="container">
<div class="row">
<div class="col-md-8 release-column">
<div class="release-meta"><span class="label">News provided by</span> <a href="/company/ferrobyte">Ferrobyte Inc.</a> <span class="mb-no">{e(human_date(a))}, 08:00 ET</span></div>
<h1>{e(a["title"])}</h1>
<h2 class="subtitle">{e(a["dek"])}</h2>
<section class="release-body container-small">
{paragraphs(a, None)}
</section>
<p class="disclaimer">{e(n["disclaimer"])}</p>
<div class="share"><span>Share this article</span> <a href="#">X</a> <a href="#">Facebook</a> <a href="#">LinkedIn</a></div>
</div>
<div class="col-md-4">
<div class="card"><h3>More news from BizPulse Wire</h3><ul>{items(n["related"])}</ul></div>
<div class="card"><h3>Stay informed</h3><p>{e(n["newsletter"])}</p></div>
</div>
</div>
</div>
<footer><p>Copyright 2024 BizPulse Wire. Contact us: 1-800-555-0100</p></footer>
</body>
</html>
"""


def blog(a: A) -> str:
    """A WordPress blog: entry header and content, tags, an author box, comments and a reply form, and
    a widget sidebar of recent posts."""
    site = "Furrow & Byte"
    n = a["noise"]
    comments = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{e(who)}</b>'
        f'</footer><div class="comment-content"><p>{e(what)}</p></div><a class="comment-reply-link" href="#">Reply</a>'
        "</article></li>"
        for who, what in n["comments"]
    )
    tags = ", ".join(f'<a href="/tag/{t.lower()}" rel="tag">{e(t)}</a>' for t in n["tags"])
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="UTF-8">
<title>{e(a["title"])} &#8211; {site}</title>
{meta_tags(a, site)}
<link rel='stylesheet' id='theme-css' href='/wp-content/themes/furrow/style.css' type='text/css' media='all'>
<script src='/wp-includes/js/jquery/jquery.min.js' id='jquery-core-js'></script>
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">{site}</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/category/robotics">Robotics</a></li><li><a href="/category/water">Water</a></li><li><a href="/about">About</a></li></ul></nav></header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-4127" class="post-4127 post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{e(a["title"])}</h1>
<div class="entry-meta"><span class="posted-on">Posted on {time_tag(a)}</span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/sam">{e(a["author"])}</a></span></span></div></header>
<div class="entry-content">
{paragraphs(a, None)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div>
</div>
<footer class="entry-footer"><span class="tags-links">Tagged {tags}</span></footer>
</article>
<div class="author-info"><h2 class="author-title">About the author</h2><p class="author-bio">{e(n["bio"])}</p></div>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on &ldquo;{e(a["title"])}&rdquo;</h2><ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{items(n["recent"])}</ul></section>
<section class="widget widget_tag_cloud"><h2 class="widget-title">Tags</h2>{tags}</section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer>
</div>
</body>
</html>
"""


def amp(a: A) -> str:
    """An AMP page: the ⚡ attribute, amp-boilerplate, amp-sidebar menu, amp-img and amp-ad, JSON-LD in the
    head and a canonical link to the regular page."""
    site = "PortWatch"
    n = a["noise"]
    menu = "".join(f'<li><a href="/{m.lower()}">{e(m)}</a></li>' for m in n["menu"])
    return f"""<!doctype html>
<html ⚡ lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.example/v0.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.example/v0/amp-sidebar-0.1.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.example/v0/amp-ad-0.1.js"></script>
<title>{e(a["title"])} - {site}</title>
<link rel="canonical" href="{e(a["url"])}">
<meta name="viewport" content="width=device-width">
{json_ld(a, site)}
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style>
<style amp-custom>.article-body p{{font-size:18px}}</style>
</head>
<body>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><nav><ul>{menu}</ul></nav></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a href="/">{site}</a></header>
<main>
<article>
<h1>{e(a["title"])}</h1>
<p class="meta">{e(a["author"])} | {time_tag(a)}</p>
<amp-img src="/img/{a["id"]}.jpg" width="1200" height="675" layout="responsive" alt="Container cranes"></amp-img>
<div class="article-body">
{paragraphs(a, None)}
</div>
</article>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/portwatch/article"></amp-ad>
<div class="sponsored-box"><p>{e(n["sponsored"])}</p></div>
<section class="more-stories"><h2>More from Logistics</h2><ul>{items(n["more"])}</ul></section>
</main>
<footer><a href="{e(a["url"])}">View the full site</a> · © PortWatch Media</footer>
</body>
</html>
"""


def paywall(a: A) -> str:
    """A subscription paper: a teaser of the article, then the paywall; the rest is not in the page."""
    site = "East Anglian Business"
    n = a["noise"]
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | {site}</title>
{meta_tags(a, site)}
<meta property="article:content_tier" content="locked">
{STYLE}
<script>var tp = window.tp || []; tp.push(["setAid", "EXAMPLE"]);</script>
</head>
<body>
<div class="gdpr">{e(n["cookie"])} <button>Accept</button></div>
<header><div class="masthead"><a href="/">{site}</a></div><nav><a href="/companies">Companies</a> <a href="/property">Property</a> <a href="/farming">Farming</a> <a href="/subscribe">Subscribe</a></nav></header>
<main class="layout">
<article class="article article--premium">
<div class="article__header"><span class="premium-badge">Premium</span><h1>{e(a["title"])}</h1>
<div class="article__byline">{e(a["author"])} · {time_tag(a)}</div></div>
<div class="article__content article__content--truncated">
{paragraphs(a, None)}
</div>
<div id="paywall" class="paywall-offer"><h2>Continue reading</h2><p>{e(n["paywall"])}</p><a class="btn" href="/subscribe">Subscribe</a> <a href="/login">Log in</a></div>
</article>
<section class="recommended"><h2>Recommended for you</h2><ul>{items(n["recommended"])}</ul></section>
</main>
<footer>© {site} Ltd</footer>
</body>
</html>
"""


def portal(a: A) -> str:
    """A start-up news portal: the story, then a job board and "most popular" below it."""
    site = "The Daily Raise"
    n = a["noise"]
    jobs = "".join(
        f'<div class="job-card"><a href="/jobs/{i}">{e(j)}</a><span class="apply">Apply now</span></div>'
        for i, j in enumerate(n["jobs"])
    )
    return f"""<!doctype html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} - {site}</title>
{meta_tags(a, site)}
{STYLE}
{ANALYTICS}
</head>
<body>
<div class="nav-bar"><a href="/">{site}</a><a href="/climate">Climate</a><a href="/fintech">Fintech</a><a href="/jobs">Jobs</a><a href="/events">Events</a></div>
<div class="page">
<div class="post">
<div class="post-kicker">{e(a["section"][0])}</div>
<h1 class="post-title">{e(a["title"])}</h1>
<div class="post-author">{e(a["author"])} <span>{time_tag(a)}</span></div>
<div class="post-content">
{paragraphs(a, None)}
</div>
</div>
<div class="box newsletter-box"><b>Newsletter</b><p>{e(n["newsletter"])}</p><input placeholder="you@company.com"><button>Subscribe</button></div>
<div class="jobs-board"><h3>Startup jobs</h3>{jobs}<a href="/jobs">See all jobs</a></div>
<div class="popular"><h3>Most popular</h3><ol>{items(n["popular"])}</ol></div>
</div>
<footer>The Daily Raise · Pittsburgh · New York</footer>
{app_state(a, n["popular"])}
</body>
</html>
"""


def roundup(a: A) -> str:
    """A weekly roundup on a Yoast-style WordPress site: JSON-LD @graph, italic "read also" lines
    between the items, a previous-roundups list and a newsletter form."""
    site = "Green Ledger"
    n = a["noise"]
    body = paragraphs(a, lambda t: f"<p><em>Read also: {link(t)}</em></p>")
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="UTF-8">
<title>{e(a["title"])} - {site}</title>
{meta_tags(a, site)}
{json_ld(a, site, graph=True)}
</head>
<body class="single">
<header class="header"><a class="brand" href="/">{site}</a><ul class="menu"><li><a href="/roundups">Roundups</a></li><li><a href="/policy">Policy</a></li><li><a href="/jobs">Jobs</a></li></ul></header>
<div class="main-container">
<div class="content">
<h1 class="title">{e(a["title"])}</h1>
<p class="excerpt">{e(a["dek"])}</p>
<div class="meta">By {e(a["author"])} | {time_tag(a)}</div>
<div class="post-body">
{body}
</div>
<div class="subscribe"><h4>Subscribe</h4><p>{e(n["newsletter"])}</p></div>
<div class="previous-roundups"><h4>Previous roundups</h4><ul>{items(n["previous"])}</ul></div>
</div>
</div>
<footer class="footer">© Green Ledger</footer>
</body>
</html>
"""


def india(a: A) -> str:
    """An Indian business portal: market ticker, "Also Read" paragraphs inside the story, a latest-news
    column and a newsletter strip."""
    site = "Dalal Street Daily"
    n = a["noise"]
    ticker = " | ".join(e(t) for t in n["ticker"])
    body = paragraphs(a, lambda t: f"<p><strong>Also Read: </strong>{link(t)}</p>")
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} - {site}</title>
{meta_tags(a, site)}
{json_ld(a, site)}
{STYLE}
</head>
<body>
<div id="mkt-strip" class="marquee">{ticker}</div>
<div class="hdr"><a href="/">{site}</a> <a href="/markets">Markets</a> <a href="/startups">Startups</a> <a href="/economy">Economy</a> <a href="/epaper">ePaper</a></div>
<div class="brdcrm"><a href="/">Home</a> &raquo; <a href="/startups">Startups</a> &raquo; <span>Funding</span></div>
<div class="mainContainer">
<div class="leftSec">
<div class="artTitle"><h1>{e(a["title"])}</h1></div>
<div class="artByline">{e(a["author"])}, {time_tag(a)}, 10:15 AM IST</div>
<div class="story_details" id="storyDetails">
{body}
</div>
<div class="tags">Topics: <a href="/tag/agritech">Agritech</a> <a href="/tag/funding">Funding</a></div>
</div>
<div class="rightSec"><div class="latestNews"><h3>Latest News</h3><ul>{items(n["latest"])}</ul></div></div>
</div>
<div class="nlStrip">{e(n["newsletter"])} <input type="email"><button>Subscribe</button></div>
<div class="ftr">Copyright © 2024 Dalal Street Daily</div>
</body>
</html>
"""


def uktech(a: A) -> str:
    """A regional tech site that states its date only in a <time> element: no JSON-LD, no Open Graph."""
    site = "Techwire North"
    n = a["noise"]
    comments = "".join(
        f'<div class="comment"><span class="comment-author">{e(who)}</span><p>{e(what)}</p></div>'
        for who, what in n["comments"]
    )
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} – {site}</title>
<link rel="canonical" href="{e(a["url"])}">
{STYLE}
</head>
<body>
<nav class="topnav"><a href="/">{site}</a> <a href="/news">News</a> <a href="/funding">Funding</a> <a href="/events">Events</a></nav>
<div class="grid">
<div class="col-main">
<div class="item-page">
<h1>{e(a["title"])}</h1>
<p class="item-info">{e(a["author"])} · {time_tag(a)}</p>
{paragraphs(a, None)}
</div>
<div class="sponsor-box">{e(n["sponsored"])}</div>
<div class="comments"><h3>Comments</h3>{comments}</div>
</div>
<div class="col-side"><h3>Popular on {site}</h3><ul>{items(n["popular"])}</ul></div>
</div>
<footer>{site} · Leeds</footer>
</body>
</html>
"""


def africa(a: A) -> str:
    """An African tech site: "READ:" lines in the story, a podcast promo, a related-posts grid."""
    site = "Savanna Tech"
    n = a["noise"]
    body = paragraphs(a, lambda t: f'<p class="read-inline">READ: {link(t)}</p>')
    grid = "".join(
        f'<div class="td-block-span4"><div class="td_module"><h3 class="entry-title">{link(t)}</h3></div></div>'
        for t in n["related"]
    )
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="UTF-8">
<title>{e(a["title"])} | {site}</title>
{meta_tags(a, site)}
</head>
<body>
<div class="td-header-wrap"><a href="/">{site}</a><ul class="sf-menu"><li><a href="/funding">Funding</a></li><li><a href="/fintech">Fintech</a></li><li><a href="/podcast">Podcast</a></li></ul></div>
<div class="td-main-content-wrap">
<div class="td-post-header"><ul class="td-category"><li><a href="/funding">Funding</a></li></ul>
<h1 class="entry-title">{e(a["title"])}</h1>
<div class="td-module-meta-info"><span class="td-post-author-name">{e(a["author"])}</span> {time_tag(a)}</div></div>
<div class="td-post-content">
{body}
<div class="podcast-promo"><p>{e(n["podcast"])}</p></div>
</div>
<div class="td_block_related_posts"><h4 class="td-related-title">Related Posts</h4><div class="td-related-row">{grid}</div></div>
<div class="newsletter-widget"><p>{e(n["newsletter"])}</p></div>
</div>
<div class="td-footer-wrapper">© Savanna Tech</div>
</body>
</html>
"""


def newsroom(a: A) -> str:
    """A company's own newsroom: the release, then the company's other news, its own earlier round
    among them."""
    site = "Harrowgate Health"
    n = a["noise"]
    latest = "".join(
        f'<div class="news-card"><span class="news-date">Press release</span>{link(t, "/newsroom/")}</div>'
        for t in n["latest"]
    )
    return f"""<!doctype html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | Newsroom | {site}</title>
{meta_tags(a, site)}
</head>
<body>
<header class="navbar"><a href="/">{site}</a> <a href="/patients">For patients</a> <a href="/clinics">For clinics</a> <a href="/careers">Careers</a> <a href="/newsroom">Newsroom</a></header>
<main>
<div class="press-release">
<p class="eyebrow">Press release · {time_tag(a)}</p>
<h1>{e(a["title"])}</h1>
<div class="rich-text">
{paragraphs(a, None)}
</div>
</div>
<section class="latest-news"><h2>Latest news</h2><div class="cards">{latest}</div></section>
<section class="cta"><p>{e(n["newsletter"])}</p><a href="/signup">Sign up</a></section>
</main>
<footer>© 2024 Harrowgate Health, Inc. · <a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


def de(a: A) -> str:
    """A German start-up portal: "Lesen Sie auch" teaser boxes in the text, "Mehr zum Thema",
    a Stellenmarkt box, an ad and a newsletter box."""
    site = "Gründerblatt"
    n = a["noise"]
    body = paragraphs(
        a,
        lambda t: (
            f'<div class="embed-teaser"><p class="kicker">Lesen Sie auch</p><a href="/x"><h3>{e(t)}</h3></a></div>'
        ),
    )
    jobs = "".join(f"<li>{e(j)}</li>" for j in n["jobs"])
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | {site}</title>
{meta_tags(a, site)}
{json_ld(a, site)}
{STYLE}
</head>
<body>
<div class="consent">Wir verwenden Cookies. <button>Akzeptieren</button></div>
<header><a href="/">{site}</a><nav><a href="/start-ups">Start-ups</a> <a href="/finanzierung">Finanzierung</a> <a href="/karriere">Karriere</a></nav></header>
<nav class="breadcrumb"><a href="/">Startseite</a> › <a href="/start-ups">Start-ups</a> › <a href="/finanzierung">Finanzierung</a></nav>
<main>
<article class="article">
<h1>{e(a["title"])}</h1>
<div class="article-meta">Von {e(a["author"])} · {time_tag(a, "de")}</div>
<div class="article-body">
{body}
</div>
</article>
<div class="anzeige">{e(n["ad"])}</div>
<div class="teaser-list"><h2>Mehr zum Thema</h2><ul>{items(n["related"])}</ul></div>
<div class="stellenmarkt"><h2>Stellenmarkt</h2><ul>{jobs}</ul></div>
<div class="nl-box"><p>{e(n["newsletter"])}</p></div>
</main>
<footer>Impressum · Datenschutz · © {site}</footer>
</body>
</html>
"""


def es(a: A) -> str:
    """A Spanish business daily: "Te puede interesar" in the text, "Lo más leído", comments."""
    site = "Diario Emprende"
    n = a["noise"]
    body = paragraphs(a, lambda t: f'<div class="te-puede-interesar">Te puede interesar: {link(t)}</div>')
    comments = "".join(f"<li><b>{e(who)}</b> {e(what)}</li>" for who, what in n["comments"])
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | {site}</title>
{meta_tags(a, site)}
</head>
<body>
<header class="cabecera"><a href="/">{site}</a> <a href="/financiacion">Financiación</a> <a href="/empresas">Empresas</a></header>
<div class="contenedor">
<article class="noticia">
<p class="antetitulo">Financiación</p>
<h1 class="titular">{e(a["title"])}</h1>
<p class="firma">{e(a["author"])} · {time_tag(a, "es")}</p>
<div class="cuerpo-noticia">
{body}
</div>
</article>
<section class="comentarios"><h3>Comentarios ({len(n["comments"])})</h3><ul>{comments}</ul></section>
<aside class="lo-mas-leido"><h3>Lo más leído</h3><ol>{items(n["popular"])}</ol></aside>
<div class="boletin"><p>{e(n["newsletter"])}</p></div>
</div>
<footer>© {site}</footer>
</body>
</html>
"""


def fr(a: A) -> str:
    """A French start-up news site: "À lire aussi" in the text, "Les plus lus", a job offer, newsletter."""
    site = "Le Journal des Jeunes Pousses"
    n = a["noise"]
    body = paragraphs(a, lambda t: f'<p class="lire-aussi"><strong>À lire aussi :</strong> {link(t)}</p>')
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} - {site}</title>
{meta_tags(a, site)}
</head>
<body>
<header><a href="/">{site}</a> <a href="/levees">Levées de fonds</a> <a href="/portraits">Portraits</a></header>
<main class="main">
<article>
<h1>{e(a["title"])}</h1>
<div class="auteur">Par {e(a["author"])}, le {time_tag(a, "fr")}</div>
<div class="texte">
{body}
</div>
</article>
<aside><h2>Les plus lus</h2><ul>{items(n["popular"])}</ul></aside>
<div class="emploi">{e(n["jobs"][0])}</div>
<div class="newsletter">{e(n["newsletter"])}</div>
</main>
<footer>© {site}</footer>
</body>
</html>
"""


def pt(a: A) -> str:
    """A Brazilian WordPress site with a Yoast JSON-LD @graph and "Leia também" lines."""
    site = "Startups do Brasil"
    n = a["noise"]
    body = paragraphs(a, lambda t: f"<p><strong>Leia também:</strong> {link(t)}</p>")
    jobs = "".join(f"<p>{e(j)}</p>" for j in n["jobs"])
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="UTF-8">
<title>{e(a["title"])} - {site}</title>
{meta_tags(a, site)}
{json_ld(a, site, graph=True)}
</head>
<body class="post-template-default single">
<header class="site-header"><a href="/">{site}</a> <a href="/investimentos">Investimentos</a> <a href="/vagas">Vagas</a></header>
<div class="site-content">
<article class="post">
<h1 class="entry-title">{e(a["title"])}</h1>
<div class="entry-meta">Por {e(a["author"])} · {time_tag(a, "pt")}</div>
<div class="entry-content">
{body}
</div>
</article>
<aside class="widget-area"><section class="widget"><h2>Mais lidas</h2><ul>{items(n["popular"])}</ul></section>
<section class="widget widget-vagas">{jobs}</section></aside>
<div class="newsletter-cta">{e(n["newsletter"])}</div>
</div>
<footer>© {site}</footer>
</body>
</html>
"""


def id_(a: A) -> str:
    """An Indonesian news portal: "Baca juga" links in the text, "Berita Terkait", "Terpopuler", ads."""
    site = "Kabar Startup"
    n = a["noise"]
    body = paragraphs(a, lambda t: f"<p><strong>Baca juga: </strong>{link(t)}</p>")
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} - {site}</title>
{meta_tags(a, site)}
</head>
<body>
<div class="header"><a href="/">{site}</a> <a href="/pendanaan">Pendanaan</a> <a href="/teknologi">Teknologi</a></div>
<div class="ads-top">{e(n["ad"])}</div>
<div class="read__content-wrap">
<h1 class="read__title">{e(a["title"])}</h1>
<div class="read__time">{e(a["author"])} - {time_tag(a, "id")}</div>
<div class="read__content">
{body}
</div>
<div class="berita-terkait"><h3>Berita Terkait</h3><ul>{items(n["related"])}</ul></div>
</div>
<div class="terpopuler"><h3>Terpopuler</h3><ol>{items(n["popular"])}</ol></div>
<footer>© {site}</footer>
</body>
</html>
"""


# -- held-out skins: written after the furniture rules were fixed ---------------------------------------


def substack(a: A) -> str:
    """A newsletter platform post: subscribe buttons inside the post, a discussion below it."""
    n = a["noise"]
    comments = "".join(
        f'<div class="comment"><div class="comment-meta">{e(who)}</div><div class="comment-body"><p>{e(what)}</p>'
        "</div></div>"
        for who, what in n["comments"]
    )
    button = f'<p class="button-wrapper"><a class="button primary" href="/subscribe"><span>{e(n["subscribe"])}</span></a></p>'
    paras = [f"<p>{e(p)}</p>" for p in a["paragraphs"]]
    paras.insert(2, button)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{e(a["title"])} - Deep Tech Dispatch</title>
{meta_tags(a, "Deep Tech Dispatch")}
{json_ld(a, "Deep Tech Dispatch")}
</head>
<body>
<div class="main-menu"><a href="/">Deep Tech Dispatch</a> <a href="/archive">Archive</a> <a href="/about">About</a></div>
<div class="single-post-container"><div class="container">
<div class="single-post"><div class="post-header">
<h1 class="post-title">{e(a["title"])}</h1>
<h3 class="subtitle">{e(a["dek"])}</h3>
<div class="post-meta">{e(a["author"])} · {e(human_date(a))}</div></div>
<div class="available-content"><div class="body markup">
{chr(10).join(paras)}
<p>Previously in this newsletter: <a href="/p/voltaic">{e(n["related"][0])}</a></p>
</div></div>
<div class="subscription-widget"><p>{e(n["newsletter"])}</p><input type="email"><button>Subscribe</button></div>
<div class="post-footer"><a href="#">Like</a> <a href="#">Restack</a> <a href="#">Share</a></div>
</div>
<div class="discussion"><h4>Discussion about this post</h4>{comments}</div>
</div></div>
</body>
</html>
"""


def ghost(a: A) -> str:
    """A Ghost-style blog: post content, a sign-up call, then related post cards."""
    n = a["noise"]
    cards = "".join(
        f'<article class="post-card"><a class="post-card-content-link" href="/x{i}/"><header class="post-card-header">'
        f'<h2 class="post-card-title">{e(t)}</h2></header></a></article>'
        for i, t in enumerate(n["cards"])
    )
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])}</title>
<link rel="canonical" href="{e(a["url"])}">
<meta property="og:title" content="{e(a["title"])}">
</head>
<body class="post-template">
<div class="viewport"><header id="gh-head" class="gh-head"><a class="gh-head-logo" href="/">Retail Wire</a></header>
<main id="site-main" class="site-main">
<article class="article post">
<header class="article-header gh-canvas"><h1 class="article-title">{e(a["title"])}</h1>
<div class="article-byline-meta"><h4 class="author-name">{e(a["author"])}</h4><div class="byline-meta-content">
<time class="byline-meta-date" datetime="{a["date_markup"]["time"]}">{e(human_date(a))}</time></div></div></header>
<section class="gh-content gh-canvas">
{paragraphs(a, None)}
</section>
<section class="article-comments gh-canvas"></section>
</article>
<section class="footer-cta"><div class="inner"><h2>{e(n["newsletter"])}</h2></div></section>
<aside class="read-more-wrap"><div class="read-more inner">{cards}</div></aside>
</main></div>
</body>
</html>
"""


def mx(a: A) -> str:
    """A Mexican business site: "TAMBIÉN LEE" lines in the note, "Lo más visto", a subscription box."""
    n = a["noise"]
    out = []
    for i, p in enumerate(a["paragraphs"]):
        out.append(f"<p>{e(p)}</p>")
        if i in n["also"]:
            out.append(f'<p><strong>TAMBIÉN LEE:</strong> <a href="/x">{e(n["also"][i])}</a></p>')
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | Negocios a la Mano</title>
{meta_tags(a, "Negocios a la Mano")}
{json_ld(a, "Negocios a la Mano")}
</head>
<body>
<div class="menu-principal"><a href="/">Negocios a la Mano</a> <a href="/startups">Startups</a> <a href="/finanzas">Finanzas</a></div>
<div class="nota-wrap">
<h1 class="nota-titulo">{e(a["title"])}</h1>
<div class="nota-autor">{e(a["author"])} | {e(human_date(a, "es"))}</div>
<div class="nota-cuerpo">
{chr(10).join(out)}
</div>
<div class="caja-suscripcion"><p>{e(n["newsletter"])}</p></div>
<div class="lo-mas-visto"><h3>Lo más visto</h3><ol>{items(n["popular"])}</ol></div>
</div>
<div class="pie">© Negocios a la Mano</div>
</body>
</html>
"""


def regional_de(a: A) -> str:
    """A German regional paper: an ad inside the text, a river of other local stories after it."""
    n = a["noise"]
    paras = [f"<p>{e(p)}</p>" for p in a["paragraphs"]]
    paras.insert(1, f'<div class="park-ad"><span>{e(n["ad"])}</span></div>')
    river = "".join(
        f'<div class="park-teaser"><a href="/w/{i}"><span class="park-teaser__title">{e(t)}</span></a></div>'
        for i, t in enumerate(n["river"])
    )
    return f"""<!DOCTYPE html>
<html lang="{a["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | Rheinkurier</title>
{meta_tags(a, "Rheinkurier", og=False)}
</head>
<body>
<div class="park-header"><a href="/">Rheinkurier</a> <a href="/koeln">Köln</a> <a href="/wirtschaft">Wirtschaft</a></div>
<div class="park-article">
<h1 class="park-article__headline">{e(a["title"])}</h1>
<div class="park-article__author">Von {e(a["author"])}</div>
<div class="park-article-content">
{chr(10).join(paras)}
</div>
<div class="park-nl"><p>{e(n["newsletter"])}</p></div>
</div>
<div class="park-river"><h2>Weitere Nachrichten</h2>{river}</div>
<div class="park-footer">Rheinkurier · Köln</div>
</body>
</html>
"""


SKINS: dict[str, Callable[[A], str]] = {
    "ledger": ledger, "wire": wire, "blog": blog, "amp": amp, "paywall": paywall, "portal": portal,
    "roundup": roundup, "india": india, "uktech": uktech, "africa": africa, "newsroom": newsroom,
    "de": de, "es": es, "fr": fr, "pt": pt, "id": id_,
    "substack": substack, "ghost": ghost, "mx": mx, "regional_de": regional_de,
}  # fmt: skip
