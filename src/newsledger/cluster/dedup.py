"""Near-duplicate articles at ingest: MinHash over word 5-shingles, LSH banding persisted in the ledger.

An article's clean text is case- and space-folded, cut into word 5-shingles and summarised by a 128-value
MinHash (datasketch, fixed seed, so a signature never changes between runs). The signature is split into
:data:`BANDS` bands of :data:`ROWS` rows; each band hashes to one bucket row in ``lsh_buckets``. A new
article looks up only its own buckets (one parameterized query), so adding an article never re-reads the
corpus. A candidate is a copy when the estimated Jaccard of the signatures is at least
:data:`COPY_THRESHOLD`.

Calibration (tests/data/ledger, a dev set): true copies (reposts, syndicated copies with a sentence added or
removed, light edits, a blog repost with scraped junk) have a 5-shingle Jaccard of 0.71 to 1.0; articles of
different stories at most 0.03. 0.5 sits in the middle of the gap; with 32 bands of 4 rows a pair at
Jaccard 0.5 becomes a candidate with probability 0.87, a pair at 0.7 with probability 0.9996, a pair at 0.1
with probability 0.003.

The canonical article of a story is its member with the smallest :func:`rank_key`: earliest publication
date, then fewest dropped-boilerplate warnings (a blog repost loses to the clean original), then first
ingested. ``story_id`` is derived from the first member's id and never changes; ``duplicate_of`` follows the
canonical.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..records import content_id

logger = logging.getLogger(__name__)

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 20240305
SHINGLE = 5
COPY_THRESHOLD = 0.5

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class StoryLink:
    article_id: str
    story_id: str
    duplicate_of: str | None
    similarity: float
    rank_key: str
    reason: str


def shingles(text: str, *, n: int = SHINGLE) -> set[bytes]:
    """Word ``n``-shingles of the case- and space-folded text (a text shorter than ``n`` words is one)."""
    words = _WORD.findall(text.casefold())
    if len(words) < n:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + n]).encode("utf-8") for i in range(len(words) - n + 1)}


@functools.lru_cache(maxsize=1)
def _template() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def signature(text: str) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32) of ``text``."""
    from datasketch import MinHash

    template = _template()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=template.permutations, scheme=template.scheme)
    items = sorted(shingles(text))
    if items:
        m.update_batch(items)
    return np.asarray(m.hashvalues, dtype=np.uint32)


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def buckets(sig: np.ndarray) -> list[tuple[int, int]]:
    """``(band, bucket)`` per band; the bucket hash includes the band number, so it is unique across bands."""
    out = []
    raw = sig.astype("<u4")
    for band in range(BANDS):
        digest = hashlib.blake2b(band.to_bytes(2, "little") + raw[band * ROWS:(band + 1) * ROWS].tobytes(),
                                 digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / NUM_PERM


def rank_key(pubdate: str | None, warnings: Sequence[str], seq: int) -> str:
    """Sorts the preferred canonical first: earliest date, then least boilerplate dropped, then first seen."""
    junk = sum(1 for w in warnings if w.startswith("boilerplate_dropped"))
    return f"{pubdate or '9999-99-99'}|{junk:04d}|{seq:012d}"


def link_stories(con: Any, articles: Sequence[Any], *, first_seq: int) -> list[StoryLink]:
    """Find each new article's story and write its signature, buckets and story row (caller's transaction).

    ``articles`` are new :class:`~newsledger.records.Article` records, in ingest order. Earlier articles of
    the same call are candidates for later ones.
    """
    sigs = [signature(a.text) for a in articles]
    all_buckets = [buckets(s) for s in sigs]
    wanted = sorted({b for bs in all_buckets for _, b in bs})
    hits: dict[int, set[str]] = {}
    if wanted:
        for bucket, article_id in con.execute(
                "SELECT bucket, article_id FROM lsh_buckets WHERE bucket IN (SELECT unnest(?::BIGINT[]))",
                [wanted]).fetchall():
            hits.setdefault(bucket, set()).add(article_id)
    candidates = sorted({a for ids in hits.values() for a in ids})
    known: dict[str, np.ndarray] = {}
    story_of: dict[str, tuple[str, str | None, str]] = {}  # article -> story_id, duplicate_of, rank_key
    if candidates:
        for article_id, blob in con.execute("SELECT article_id, signature FROM minhash WHERE article_id IN "
                                            "(SELECT unnest(?::VARCHAR[]))", [candidates]).fetchall():
            known[article_id] = from_blob(blob)
        for article_id, story_id, dup, key in con.execute(
                "SELECT article_id, story_id, duplicate_of, rank_key FROM stories WHERE article_id IN "
                "(SELECT unnest(?::VARCHAR[]))", [candidates]).fetchall():
            story_of[article_id] = (story_id, dup, key)
    links: list[StoryLink] = []
    for i, (article, sig, bs) in enumerate(zip(articles, sigs, all_buckets)):
        found = sorted({a for _, b in bs for a in hits.get(b, ())} - {article.id})
        scored = sorted(((estimated_jaccard(sig, known[a]), a) for a in found if a in known), reverse=True)
        key = rank_key(article.pubdate, article.warnings, first_seq + i)
        best = next(((sim, a) for sim, a in scored if sim >= COPY_THRESHOLD), None)
        if best is None:
            link = StoryLink(article.id, content_id("st_", article.id), None, 1.0, key,
                             f"new_story:{len(found)}_candidates")
            story_of[article.id] = (link.story_id, None, key)
        else:
            sim, match = best
            story_id, _, _ = story_of[match]
            members = [(k, a) for a, (s, _, k) in story_of.items() if s == story_id]
            canonical_key, canonical = min(members)
            if key < canonical_key:
                # The newcomer is the better canonical (earlier, or the clean original of a junk repost).
                _repoint(con, story_id, article.id, story_of)
                link = StoryLink(article.id, story_id, None, 1.0, key, f"canonical:replaces_{canonical}")
                story_of[article.id] = (story_id, None, key)
            else:
                link = StoryLink(article.id, story_id, canonical, sim, key,
                                 f"minhash_jaccard:{sim:.2f}>={COPY_THRESHOLD}:via_{match}")
                story_of[article.id] = (story_id, canonical, key)
        known[article.id] = sig
        for _, b in bs:
            hits.setdefault(b, set()).add(article.id)
        links.append(link)
    _write(con, articles, sigs, all_buckets, links, story_of)
    return links


def _repoint(con: Any, story_id: str, canonical: str, story_of: dict[str, tuple[str, str | None, str]]) -> None:
    """Every member of ``story_id`` now duplicates ``canonical`` (members already stored and in this call)."""
    con.execute("UPDATE stories SET duplicate_of = ?, reason = 'canonical_replaced' WHERE story_id = ?",
                [canonical, story_id]).fetchall()
    for article_id, (s, _, k) in list(story_of.items()):
        if s == story_id:
            story_of[article_id] = (s, canonical, k)


def _write(con: Any, articles: Sequence[Any], sigs: Sequence[np.ndarray], all_buckets: Sequence[Any],
           links: Sequence[StoryLink], story_of: dict[str, tuple[str, str | None, str]]) -> None:
    from ..store.bulk import insert_rows

    insert_rows(con, "minhash", ["article_id", "signature"], [[a.id, to_blob(s)] for a, s in zip(articles, sigs)])
    insert_rows(con, "lsh_buckets", ["band", "bucket", "article_id"],
                [[band, bucket, a.id] for a, bs in zip(articles, all_buckets) for band, bucket in bs])
    # A link made earlier in this call may have been re-pointed since: write the final state.
    rows = []
    for link in links:
        _, dup, _ = story_of[link.article_id]
        rows.append([link.article_id, link.story_id, dup, link.similarity, link.rank_key, link.reason])
    insert_rows(con, "stories", ["article_id", "story_id", "duplicate_of", "similarity", "rank_key", "reason"], rows)
