"""Invented inputs for the ingest tests: short news-like texts, a junk-laden HTML page builder and a WARC
builder (real warcio). Nothing here is copied from a real article."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsledger.errors import InputError
from newsledger.ingest import RawDocument

# Each story has a quote, a named speaker and places, so processed articles always carry spans.
FERRY = (
    "Harbor Council Approves New Ferry Route\n"
    "\n"
    "The harbor council in Westmere voted on Tuesday to open a new ferry route to the island of Callow, "
    "ending years of complaints from commuters.\n"
    "\n"
    "\"We have listened to the people who cross this water every day,\" said Ruth Okafor, the council chair, "
    "after the vote.\n"
    "\n"
    "The first boat will sail in June, according to the operator, Bluewake Lines. Critics said the fares were "
    "still too high for students and pensioners.\n"
)
BRIDGE = (
    "Engineers closed the old river bridge in Tallow Creek on Monday after divers found cracks in two of its "
    "stone piers. \"It is not safe for lorries or buses,\" said Owen Marsh, the county engineer. Drivers face a "
    "detour of twelve miles until repairs are finished, which officials expect to take at least three months."
)
SCHOOL = (
    "Teachers at four schools in the northern district of Hallam walked out on Thursday in a dispute over pay "
    "and class sizes. \"We cannot teach forty children in one room,\" said Priya Nand, a union representative. "
    "The education board said it would meet union leaders next week and that exams would go ahead as planned."
)
MARKET = (
    "Farmers in the valley town of Orrin protested outside the regional parliament on Wednesday against a plan "
    "to close the old cattle market. \"This market has fed our families for a hundred years,\" said Tomas "
    "Bright, who breeds sheep near the lake. The minister for agriculture said no final decision had been taken."
)
CLINIC = (
    "A new health clinic opened in the village of Sedge Hill on Saturday, the first in the area for more than "
    "twenty years. \"People no longer have to drive an hour to see a nurse,\" said Lena Castell, who will run "
    "the clinic. The district council paid for the building with money from a regional fund."
)

# The same paragraph for the encoding tests: curly quotes, an en dash, e-acute, i-diaeresis.
CURLY = (
    "The caf\u00e9 owner in Marlow said the rescue plan was \u201cfinal\u201d \u2013 but the town\u2019s "
    "na\u00efve hope of a quick deal faded on Friday, when the bank refused to lend any more money to the "
    "harbor traders.\n"
)
# Latin-1 has no curly quotes or dashes: the same paragraph with straight ones.
LATIN1 = CURLY.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-").replace("\u2019", "'")

MOJIBAKE = (
    "Syria\u00e2\u20ac\u2122s foreign minister said on Monday that the talks at a caf\u00c3\u00a9 near the "
    "border would continue, and that the two sides had agreed to meet again next week.\n"
    "\"We are not giving up,\" said Adel Karim, a spokesman for the delegation, speaking to reporters.\n"
)

RUSSIAN = (
    "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0442\u0440\u0430\u043d\u0441\u043f\u043e\u0440\u0442\u0430 "
    "\u0437\u0430\u044f\u0432\u0438\u043b \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438"
    "\u043a, \u0447\u0442\u043e \u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0441\u0442 \u0447\u0435\u0440"
    "\u0435\u0437 \u0440\u0435\u043a\u0443 \u043e\u0442\u043a\u0440\u043e\u044e\u0442 \u0434\u043e \u043a"
    "\u043e\u043d\u0446\u0430 \u0433\u043e\u0434\u0430, \u0438 \u0447\u0442\u043e \u0441\u0442\u0440\u043e"
    "\u0438\u0442\u0435\u043b\u0438 \u0443\u0436\u0435 \u0437\u0430\u043a\u043e\u043d\u0447\u0438\u043b\u0438 "
    "\u0440\u0430\u0431\u043e\u0442\u0443 \u043d\u0430 \u0441\u0435\u0432\u0435\u0440\u043d\u043e\u043c "
    "\u0431\u0435\u0440\u0435\u0433\u0443. \u041f\u043e \u0435\u0433\u043e \u0441\u043b\u043e\u0432\u0430"
    "\u043c, \u0436\u0438\u0442\u0435\u043b\u0438 \u0441\u043e\u0441\u0435\u0434\u043d\u0438\u0445 \u0441"
    "\u0451\u043b \u0441\u043c\u043e\u0433\u0443\u0442 \u0435\u0437\u0434\u0438\u0442\u044c \u0432 \u0433"
    "\u043e\u0440\u043e\u0434 \u0431\u0435\u0437 \u043f\u0430\u0440\u043e\u043c\u0430, \u0430 \u0434\u043e"
    "\u0440\u043e\u0433\u0430 \u0437\u0430\u0439\u043c\u0451\u0442 \u0432\u0434\u0432\u043e\u0435 \u043c"
    "\u0435\u043d\u044c\u0448\u0435 \u0432\u0440\u0435\u043c\u0435\u043d\u0438.\n"
)

GERMAN = (
    "Der Stadtrat von Neuburg hat am Dienstag beschlossen, eine neue F\u00e4hrverbindung zur Insel Kallow "
    "einzurichten. Die Pendler hatten sich jahrelang \u00fcber lange Wartezeiten und hohe Preise beschwert. "
    "\u201eWir haben den Menschen zugeh\u00f6rt, die jeden Tag \u00fcber das Wasser fahren\u201c, sagte die "
    "Vorsitzende nach der Abstimmung. Das erste Schiff soll im Juni ablegen, teilte der Betreiber mit. "
    "Kritiker sagten, die Fahrpreise seien f\u00fcr Studenten und Rentner immer noch viel zu hoch.\n"
)
FRENCH = (
    "Le conseil municipal de Valmont a d\u00e9cid\u00e9 mardi d'ouvrir une nouvelle liaison par bac vers "
    "l'\u00eele de Callow. Les usagers se plaignaient depuis des ann\u00e9es des longues attentes et des prix "
    "\u00e9lev\u00e9s. \u00ab Nous avons \u00e9cout\u00e9 les gens qui traversent cette eau chaque jour \u00bb, "
    "a d\u00e9clar\u00e9 la pr\u00e9sidente apr\u00e8s le vote. Le premier bateau partira en juin, selon "
    "l'exploitant. Les critiques ont estim\u00e9 que les tarifs restaient trop \u00e9lev\u00e9s pour les "
    "\u00e9tudiants et les retrait\u00e9s.\n"
)

# Text that only the junk around the article contains: none of it may reach the main text.
JUNK_MARKERS = (
    "World News Desk", "Weather Outlook", "Share on Twitter", "Share on Facebook", "We use cookies",
    "Gullwatcher99", "PebbleBeachFan", "OldSkipperTom", "basement flooded", "Newsroom Media Group",
    "Privacy policy page",
)

FLOOD_PARAGRAPHS = (
    "The coastal town of Bramwick on Tuesday opened a flood barrier that engineers had been promising for "
    "more than ten years, ending a long argument over who would pay for the project.",
    "\"This wall will keep four thousand homes dry when the next storm comes,\" said Delia Farrow, the "
    "town's mayor, at a ceremony on the harbor front.",
    "The regional council approved the final payment last spring after inspectors found that the old sea "
    "wall had cracked in several places during the winter gales.",
    "Residents who had lost furniture and cars in earlier floods watched as the first steel gate was lowered "
    "into the water by a crane borrowed from the shipyard.",
)
ORCHARD_PARAGRAPHS = (
    "Fruit growers in the Linden valley said on Friday that a late frost had destroyed nearly half of this "
    "year's apple blossom, the worst loss in two decades.",
    "\"We lost most of the crop in a single night,\" said Marta Quill, who runs an orchard of six hundred "
    "trees above the river.",
    "The growers' association asked the regional government for emergency loans so that farms could pay "
    "seasonal workers through the summer.",
)


@dataclass(frozen=True)
class Page:
    title: str
    paragraphs: Sequence[str]
    author: str
    date: str
    site: str
    url: str


FLOOD = Page("Harbor town opens new flood barrier after decade of delays", FLOOD_PARAGRAPHS,
             "Maren Holloway", "2023-04-18", "Coastline Courier", "https://coastline.example/news/flood-barrier")
ORCHARD = Page("Late frost destroys half of valley apple blossom", ORCHARD_PARAGRAPHS,
               "Jonah Pell", "2022-05-06", "Valley Ledger", "https://valleyledger.example/farming/frost")


def news_page(page: Page) -> str:
    """A full page: cookie banner, nav, header, share buttons, the article, comments and a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in page.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{page.title} | {page.site}</title>
<meta name="author" content="{page.author}">
<meta property="og:site_name" content="{page.site}">
<meta property="og:title" content="{page.title}">
<meta property="og:url" content="{page.url}">
<meta property="article:published_time" content="{page.date}T09:30:00Z">
<link rel="canonical" href="{page.url}">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies</div>
<header><div class="logo">{page.site}</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World News Desk</a></li>
<li><a href="/sport">Sport Pages</a></li><li><a href="/weather">Weather Outlook</a></li></ul></nav>
</header>
<main><article>
<h1>{page.title}</h1>
<div class="byline">By {page.author}</div>
<div class="share"><a href="#">Share on Twitter</a> <a href="#">Share on Facebook</a></div>
{body}
</article></main>
<section id="comments" class="comments">
<h3>Comments</h3>
<div class="comment"><p>Gullwatcher99: About time, my basement flooded three winters running and nobody cared.</p></div>
<div class="comment"><p>PebbleBeachFan: Who is paying for the upkeep though? Not us taxpayers again I hope.</p></div>
<div class="comment"><p>OldSkipperTom: I remember when they first promised this, my grandson was still a baby.</p></div>
</section>
<footer><p>Copyright 2023 Newsroom Media Group. Contact the newsroom team.</p>
<a href="/privacy">Privacy policy page</a></footer>
</body></html>
"""


NAV_ONLY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sections</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
</body></html>
"""


@dataclass(frozen=True)
class Response:
    url: str
    body: bytes
    content_type: str


@dataclass(frozen=True)
class BuiltWarc:
    data: bytes
    response_ids: list[str]          # WARC-Record-ID of each response, in order
    response_spans: list[tuple[int, int]]  # byte range of each response record in ``data``


def build_warc(responses: Iterable[Response], *, compress: bool) -> BuiltWarc:
    """A WARC written with warcio: a warcinfo record, then a request and a response per entry."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "newsledger tests"}))
    ids: list[str] = []
    spans: list[tuple[int, int]] = []
    for response in responses:
        request_headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.test")], is_http_request=True)
        writer.write_record(writer.create_warc_record(response.url, "request", payload=io.BytesIO(b""),
                                                      http_headers=request_headers))
        http_headers = StatusAndHeaders("200 OK", [("Content-Type", response.content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(response.url, "response", payload=io.BytesIO(response.body),
                                           http_headers=http_headers)
        start = buf.tell()
        writer.write_record(record)
        ids.append(record.rec_headers.get_header("WARC-Record-ID"))
        spans.append((start, buf.tell()))
    return BuiltWarc(buf.getvalue(), ids, spans)


def standard_warc(*, compress: bool) -> BuiltWarc:
    """Two HTML responses (flood, orchard) and a PDF response."""
    return build_warc([
        Response(FLOOD.url, news_page(FLOOD).encode("utf-8"), "text/html; charset=utf-8"),
        Response(ORCHARD.url, news_page(ORCHARD).encode("utf-8"), "text/html"),
        Response("https://coastline.example/files/report.pdf", b"%PDF-1.4\n%fake report\n", "application/pdf"),
    ], compress=compress)


def split(items: Iterable[object]) -> tuple[list, list[InputError]]:
    """(documents or articles, errors) from a reader's output, each in order."""
    items = list(items)
    errors = [item for item in items if isinstance(item, InputError)]
    return [item for item in items if not isinstance(item, InputError)], errors


def only_document(items: Iterable[object]) -> RawDocument:
    items = list(items)
    assert len(items) == 1 and isinstance(items[0], RawDocument), items
    return items[0]


def only_error(items: Iterable[object]) -> InputError:
    items = list(items)
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]
