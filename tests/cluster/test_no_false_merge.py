"""The seed and the devcorpus in one ledger: no ledger entity joins two different people (skips without data)."""

from __future__ import annotations

import json

from newsledger.cluster.entities import name_words
from newsledger.facade import Ledger, read_articles
from newsledger.ingest import ReadOptions


def test_seed_and_devcorpus_make_no_false_merge_of_people(seed_article, devcorpus_path, tmp_path):
    with Ledger(tmp_path / "l.duckdb") as ledger:
        ledger.ingest_articles([seed_article])
        ledger.ingest_articles(read_articles([str(devcorpus_path)], options=ReadOptions(source_field="outlet")))
        rows = ledger.store.query("SELECT id, name, variants FROM ledger_entities WHERE kind = 'person'")
    assert rows
    for _, name, variants in rows:
        full = {" ".join(name_words(v)) for v in json.loads(variants) if len(name_words(v)) >= 2}
        given = {tuple(n.split()[:-1]) for n in full}
        # Variants of one person differ at most in the spelling of the given name (Sergei/Sergey).
        assert len({g[0][:2] for g in given if g}) <= 1, (name, sorted(full))
