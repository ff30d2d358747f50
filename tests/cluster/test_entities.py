"""Ledger entities: variants, aliases, acronyms; conservative merges with reasons."""

from __future__ import annotations

import pytest

from newsledger.cluster import entities as ent
from newsledger.store import LedgerStore
from tests.cluster.helpers import article, entity


@pytest.mark.parametrize("a, b", [("Sergei Volkov", "Sergey Volkov"), ("Colonel Yusuf Aden", "Yusuf Aden"),
                                  ("Superintendent Bala Ndagi", "Bala Ndagi")])
def test_person_keys_fold_titles_and_transliteration(a, b):
    assert ent.person_key(a) == ent.person_key(b)


def test_people_sharing_a_surname_have_different_keys():
    assert ent.person_key("Anna Korhonen") != ent.person_key("Pekka Korhonen")


def test_defined_acronyms():
    text = "Officers of the National Probity Commission (NPC) and the Movement for the Liberation of the Sahel (MLS)."
    assert ent.defined_acronyms(text) == {"NPC": "National Probity Commission",
                                          "MLS": "Movement for the Liberation of the Sahel"}


def _store(db_path, texts_and_entities):
    store = LedgerStore(db_path)
    for i, (text, names) in enumerate(texts_and_entities):
        text = f"{text} (story {i})"
        store.write_articles([article(text, entities=[entity(text, n, k, aliases=al, role=r)
                                                      for n, k, al, r in names])])
    return store


def test_variants_and_aliases_merge_and_namesakes_stay_apart(db_path):
    with _store(db_path, [
        ("Envoy Sergei Volkov met Anna Korhonen. Korhonen said yes.",
         [("Sergei Volkov", "person", (), "envoy"), ("Anna Korhonen", "person", ("Korhonen",), "minister")]),
        ("Sergey Volkov spoke. Pekka Korhonen, a union steward, disagreed.",
         [("Sergey Volkov", "person", (), None), ("Pekka Korhonen", "person", (), "shop steward")]),
        ("The Movement for the Liberation of the Sahel (MLS) denied it. ISIL was not involved.",
         [("Movement for the Liberation of the Sahel", "organization", (), None),
          ("ISIL", "organization", (), None)]),
        ("The MLS said so. Islamic State claimed it. Daesh said so. Volkov said so.",
         [("MLS", "organization", (), None), ("Islamic State", "organization", (), None),
          ("Daesh", "organization", (), None), ("Volkov", "person", (), None)]),
    ]) as store:
        resolve = lambda n: ent.resolve_name(store.con, n)  # noqa: E731
        assert resolve("Sergei Volkov") == resolve("Sergey Volkov") == resolve("Volkov") is not None
        assert resolve("Anna Korhonen") != resolve("Pekka Korhonen")
        assert resolve("Korhonen") is None  # ambiguous: two people
        assert resolve("MLS") == resolve("Movement for the Liberation of the Sahel") is not None
        assert resolve("ISIL") == resolve("Daesh") == resolve("Islamic State") is not None
        reasons = {r[0] for r in store.query("SELECT reason FROM entity_links UNION SELECT reason FROM entity_keys")}
        roles = store.query("SELECT roles FROM ledger_entities WHERE name = 'Anna Korhonen'")[0][0]
    assert {"full_name", "surname_unique"} <= reasons
    assert any(r.startswith("acronym_defined") for r in reasons)
    assert "minister" in roles
