"""Near-duplicates: MinHash/LSH in the ledger, canonical choice, sightings kept."""

from __future__ import annotations

from newsledger.cluster import dedup
from newsledger.store import LedgerStore
from tests.cluster.helpers import article

BODY = ("Government aircraft struck a weapons depot on the northern edge of the town early on Tuesday, killing "
        "nine fighters, the defence ministry said. A ministry spokesman said two jets dropped four guided bombs "
        "on the compound shortly before dawn. Local officials gave a very different account of the strike and "
        "said the bombs fell on a primary school and killed seventeen people, most of them children. Doctors "
        "said they had received many wounded people by midday. The group did not respond to requests.")
OTHER = ("A fire destroyed a large logistics warehouse in an industrial area south of the city centre on "
         "Saturday, the rescue service said. About eighty firefighters fought the blaze for more than six hours "
         "and two workers were taken to hospital with smoke inhalation, a spokesman said on Saturday evening.")


def test_shingles_are_case_and_space_folded():
    assert dedup.shingles("A  b C d E f") == dedup.shingles("a b\nc d e F")
    assert len(dedup.shingles("one two three four five six")) == 2


def test_signature_is_deterministic_and_estimates_jaccard():
    a, b = dedup.signature(BODY), dedup.signature(BODY + " Share this: Like this:")
    assert (a == dedup.signature(BODY)).all()
    assert dedup.estimated_jaccard(a, b) >= dedup.COPY_THRESHOLD
    assert dedup.estimated_jaccard(a, dedup.signature(OTHER)) < 0.2
    assert len(dedup.buckets(a)) == dedup.BANDS


def test_copies_link_to_the_canonical_and_keep_their_sightings(db_path):
    original = article(BODY, source="wire.example")
    edited = article(BODY.replace("seventeen", "17").replace("Tuesday", "Tuesday morning"), source="other.example")
    blog = article(BODY + "\nShare this:\nLike this:", source="blog.example", warnings=("boilerplate_dropped: x",))
    unrelated = article(OTHER)
    with LedgerStore(db_path) as store:
        store.write_articles([blog])          # the junk repost arrives first...
        store.write_articles([original, edited, unrelated])
        rows = dict((r[0], r[1:]) for r in store.query("SELECT article_id, story_id, duplicate_of FROM stories"))
        exported = {a["id"]: a for a in store.iter_export()}
        sources = {r[0] for r in store.query("SELECT source FROM sightings")}
    # ...but the clean original, published the same day, is the canonical.
    assert rows[original.id][1] is None
    assert rows[blog.id] == (rows[original.id][0], original.id)
    assert rows[edited.id] == (rows[original.id][0], original.id)
    assert rows[unrelated.id][1] is None and rows[unrelated.id][0] != rows[original.id][0]
    assert exported[edited.id]["duplicate_of"] == original.id
    assert exported[edited.id]["story_id"] == exported[original.id]["story_id"]
    assert {"wire.example", "other.example", "blog.example"} <= sources


def test_an_earlier_published_copy_becomes_the_canonical(db_path):
    late = article(BODY, pubdate="2024-03-06")
    early = article(BODY + " The ministry later repeated its account.", pubdate="2024-03-05")
    with LedgerStore(db_path) as store:
        store.write_articles([late])
        store.write_articles([early])
        rows = dict((r[0], r[1]) for r in store.query("SELECT article_id, duplicate_of FROM stories"))
    assert rows == {early.id: None, late.id: early.id}


def test_lookup_reads_only_the_new_articles_buckets(db_path):
    """The LSH tables live in the ledger: a reopened ledger still finds the copy."""
    with LedgerStore(db_path) as store:
        store.write_articles([article(BODY)])
    with LedgerStore(db_path) as store:
        store.write_articles([article(BODY + " Updated.")])
        n = store.query("SELECT count(*) FROM stories WHERE duplicate_of IS NOT NULL")[0][0]
        buckets = store.query("SELECT count(*) FROM lsh_buckets")[0][0]
    assert n == 1 and buckets == 2 * dedup.BANDS
