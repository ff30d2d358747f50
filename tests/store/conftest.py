"""Invented articles for the ledger tests (no third-party text)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

# Noisy on purpose: CRLF, NBSP, mojibake, a glued word and blog boilerplate, so clean != input.
HARBOUR = (
    "Harbour town approves new sea wall\r\n"
    "The council of Port Elmsworth voted onTuesday to build a new sea wall after storms flooded the harbour "
    "twice this year.\r\n"
    "\"We cannot wait for another flood to wash away the market,\" Mayor Anna Kowalski said after the vote.\r\n"
    "Fishermen protested outside the town hall on Monday, demanding faster action from the regional "
    "government.\r\n"
    "The project will cost 12\u00a0million euros, according to a council statement.\r\n"
    "Regional minister Tomas Brandt said the government would help pay for the work.\r\n"
    "\"This wall will protect families for fifty years,\" Brandt told reporters. \u00e2\u20ac\u0153It is money "
    "well spent.\u00e2\u20ac\u009d\r\n"
    "No comments:\r\n"
    "Post a Comment\r\n"
)
STRIKE = (
    "Bus drivers strike over pay in Westmarsh\n"
    "Bus drivers in Westmarsh walked off the job on Wednesday, leaving thousands of commuters stranded as "
    "talks over pay collapsed.\n"
    "\"We have been patient for two years and got nothing,\" union leader Omar Haddad told a rally outside the "
    "depot.\n"
    "The transport company said it had offered a raise of 3 percent and accused the union of refusing to "
    "negotiate.\n"
    "Police said about 400 people joined the march, which ended peacefully.\n"
)
LIBRARY = (
    "Library reopens after fire\n"
    "The public library in Redcliffe reopened on Saturday, eight months after a fire destroyed its reading "
    "room.\n"
    "\"Children need a quiet place to read, and now they have one again,\" librarian Clara Moreau said.\n"
    "The town spent 2 million euros on the repairs, officials said.\n"
)
ARTICLES = {"harbour.txt": HARBOUR, "strike.txt": STRIKE, "library.txt": LIBRARY}


@pytest.fixture()
def article_files(tmp_path: Path) -> dict[str, Path]:
    """The three invented articles as UTF-8 text files (bytes written exactly, CRLF kept)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = {}
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_bytes(text.encode("utf-8"))
        paths[name] = path
    return paths


@pytest.fixture()
def bad_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary junk\x00")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "french.txt").write_text(
        "Le conseil municipal a voté mardi la construction d'une nouvelle digue après les tempêtes qui ont "
        "inondé le port deux fois cette année, a déclaré la maire devant les habitants réunis dans la salle "
        "des fêtes de la ville.", encoding="utf-8")
    return {p.name: p for p in folder.iterdir()}


FIRST = ["Anna", "Tomas", "Leila", "Marek", "Sofia", "Daniel", "Ruth", "Omar", "Ines", "Viktor", "Clara", "Jonas"]
LAST = ["Kowalski", "Brandt", "Haddad", "Novak", "Lindqvist", "Moreau", "Okafor", "Petrov", "Silva", "Tanaka"]
TOWNS = ["Port Elmsworth", "Brackenridge", "Lower Dunmore", "Castleford Bay", "Westmarsh", "Highvale",
         "Redcliffe", "Ashton Vale", "Millbrook", "Stonehaven"]
ROLES = ["Mayor", "Councillor", "Minister", "Police Chief", "Director"]
TOPICS = ["a new bridge", "the flood defences", "a school building", "the harbour road", "a water plant",
          "the rail link", "a public library", "the hospital wing"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generated_article(i: int, rng: random.Random) -> dict:
    """An invented ~150-word local news story; ``i`` makes its text unique."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    town, role, topic, day = rng.choice(TOWNS), rng.choice(ROLES), rng.choice(TOPICS), rng.choice(DAYS)
    paragraphs = [
        f"The council of {town} voted on {day} to spend {3 + i} million euros on {topic}, ending a dispute "
        f"that had lasted for {1 + i % 9} years and divided the town.",
        f"\"We have waited long enough, and the people of {town} deserve better than promises,\" {role} {name} "
        f"said after the vote.",
        f"About {20 + (i * 7) % 300} residents gathered outside the town hall on {day} morning to demand faster "
        f"action from the regional government, which has been criticised for the delay.",
        f"{other}, who leads a local residents group, said the plan was a good start but warned that the money "
        f"could run out before the work was finished.",
        f"\"We will watch every euro of this budget,\" {other.split()[1]} told reporters. \"If the work stops "
        f"again, we will be back on the street.\"",
        f"Officials said construction would begin in the spring and should be complete within {2 + i % 4} "
        f"years, according to statement number {i} released by the council.",
    ]
    return {"id": f"gen-{i:04d}", "title": f"{town} approves plan for {topic}",
            "pubdate": f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": "\n".join(paragraphs)}


@pytest.fixture()
def make_corpus(tmp_path: Path):
    """``make_corpus(n)`` writes ``n`` generated articles as JSONL and returns the path."""

    def make(n: int, *, seed: int = 7, name: str = "corpus.jsonl") -> Path:
        rng = random.Random(seed)
        path = tmp_path / name
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps(generated_article(i, rng)) + "\n")
        return path

    return make
