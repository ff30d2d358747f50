"""Short generated English news articles for the batch tests (each text distinct, each with a quote)."""

from __future__ import annotations

import json
from pathlib import Path

TOWNS = ["Millbrook", "Ashton Vale", "Stonehaven", "Kirkby", "Norland", "Eastwick", "Fairford", "Holloway"]
PEOPLE = ["Ines Silva", "Daniel Okafor", "Jonas Petrov", "Maria Lindqvist", "Tom Achebe", "Sara Novak"]
TOPICS = [
    ("bridge", "The old bridge over the river in {town} was closed on {day} after engineers found cracks "
               "in two of its supports."),
    ("school", "A new primary school opened in {town} on {day}, with places for four hundred pupils from "
               "the surrounding villages."),
    ("market", "The weekly farmers market in {town} will move to the old railway station next month, the "
               "council announced on {day}."),
    ("ferry", "The ferry service to {town} was suspended on {day} after a crack was found in the hull of the "
              "only vessel on the route."),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def article(i: int) -> dict[str, str]:
    town, person = TOWNS[i % len(TOWNS)], PEOPLE[i % len(PEOPLE)]
    topic, lead = TOPICS[i % len(TOPICS)]
    day = DAYS[i % len(DAYS)]
    text = (f"{topic.capitalize()} news from {town}, report number {i}\n"
            f"{lead.format(town=town, day=day)}\n"
            f"\"We expect the work to take about {i + 2} weeks, and residents will be kept informed,\" "
            f"council spokesperson {person} said.\n"
            f"Local residents said the decision had been expected for some time.\n")
    return {"id": f"art-{i:03d}", "text": text, "pubdate": f"2024-03-{1 + i % 28:02d}", "source": "Test Gazette"}


def write_jsonl(path: Path, n: int, *, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            fh.write(json.dumps(article(i)) + "\n")
    return path
