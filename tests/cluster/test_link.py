"""Linking cost: a fixed number of queries per call (plus one per article), whatever the number of events and
entities; the batched steps link as one article at a time would."""

from __future__ import annotations

import pytest

from newsledger.cluster.link import link_new
from newsledger.store import LedgerStore
from tests.cluster.helpers import article, city, entity, event

KANO = city("Kano", 12.0, 8.5)


class _Counting:
    """A connection that counts the statements it runs."""

    def __init__(self, con):
        self.con, self.n = con, 0

    def execute(self, *args, **kwargs):
        self.n += 1
        return self.con.execute(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.con, name)


def _article(n: int, tag: str):
    sentences = [f"Police officer Musa Bello{tag}{i} said the traders of market {tag}{i} marched in Kano on Monday."
                 for i in range(n)]
    text = " ".join(sentences)
    events = [event(text, s[s.index("the traders"):], "marched", "PROTEST", place=KANO, date="2024-06-10")
              for s in sentences]
    people = [entity(text, f"Musa Bello{tag}{i}") for i in range(n)]
    return article(text, pubdate="2024-06-11", events=events, entities=people)


def _queries(db_path, articles) -> int:
    with LedgerStore(db_path, link=False) as store:
        store.write_articles(articles)
        con = _Counting(store.con)
        con.begin()
        link_new(con, articles)
        con.commit()
    return con.n


@pytest.mark.parametrize("events", [2, 20])
def test_queries_do_not_grow_with_events_or_entities(tmp_path, events):
    few = _queries(tmp_path / "a.duckdb", [_article(2, "a")])
    many = _queries(tmp_path / "b.duckdb", [_article(events, "b")])
    assert many == few


def test_queries_grow_by_at_most_one_per_article(tmp_path):
    one = _queries(tmp_path / "a.duckdb", [_article(3, "a")])
    four = _queries(tmp_path / "b.duckdb", [_article(3, t) for t in "bcde"])
    assert four <= one + 3


def test_one_call_links_as_one_article_at_a_time(tmp_path):
    articles = [_article(3, t) for t in "abc"] + [_article(3, "a")]  # the last is an exact repost
    tables = ("ledger_events", "event_links", "ledger_entities", "entity_keys", "entity_links", "disputes")
    dumps = []
    for name, groups in (("one", [articles]), ("each", [[a] for a in articles])):
        with LedgerStore(tmp_path / f"{name}.duckdb") as store:
            for group in groups:
                store.write_articles(group)
            dumps.append({t: store.query(f"SELECT * FROM {t} ORDER BY ALL") for t in tables})
    assert dumps[0] == dumps[1]
    assert len({r[2] for r in dumps[0]["event_links"]}) < len(dumps[0]["event_links"])  # reports did join
