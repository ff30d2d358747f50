"""Entities of one article: named mentions grouped under one canonical name, with roles.

One canonical entity per person per article: ``Lavrov`` joins ``Sergey Lavrov``; a title (``Colonel``)
or possessive is not part of the name; a role comes from an apposition (``Igor Konashenkov, defence
ministry spokesman``) or a title.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..records import Entity, Span, content_id
from .lexicons import REPORTING_VERBS, ROLE_NOUNS, TITLES

KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "place", "LOC": "place",
         "FAC": "place"}


@dataclass
class EntityDraft:
    name: str
    kind: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    role: str | None = None


def _name_tokens(ent: SpacySpan) -> list[Token]:
    """The tokens of an entity mention that make its name: no title, determiner or possessive."""
    tokens = [t for t in ent if t.tag_ != "POS" and t.text not in ("'s", "’s", "'", "’")]
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or
                      (ent.label_ == "PERSON" and tokens[0].lower_.rstrip(".") in TITLES and len(tokens) > 1)):
        tokens = tokens[1:]
    return tokens


def _span_text(doc: Doc, tokens: list[Token]) -> str:
    return doc[tokens[0].i:tokens[-1].i + 1].text if tokens else ""  # never slice doc.text: it is rebuilt per call


_PERSON_ROLES = frozenset("spokesman spokeswoman spokesperson minister secretary ambassador governor mayor "
                          "senator lawmaker lawyer attorney envoy chairman chairwoman".split())


def _names_a_role_holder(ent: SpacySpan) -> bool:
    """A two- or three-word proper name in apposition to a role only a person holds."""
    root = ent.root
    return (root.dep_ == "appos" and root.head.lemma_.lower() in _PERSON_ROLES and 2 <= len(ent) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent))


class EntityIndex:
    """Builds and answers questions about the entities of one parsed article."""

    def __init__(self, doc: Doc, article_id: str) -> None:
        self.doc = doc
        self.article_id = article_id
        self.drafts: dict[tuple[str, str], EntityDraft] = {}
        self.by_surname: dict[str, tuple[str, str]] = {}
        self._token_entity: dict[int, tuple[str, str]] = {}
        # Stretches (quoted speech) whose mentions do not count for "who was named last".
        self.exclude_spans: list[tuple[int, int]] = []
        self._build()

    def _build(self) -> None:
        doc = self.doc
        ents = [e for e in doc.ents if e.label_ in KINDS]
        # Full person names first, so that surname-only mentions anywhere can join them.
        for ent in sorted(ents, key=lambda e: (e.label_ != "PERSON", -len(e))):
            tokens = _name_tokens(ent)
            if not tokens:
                continue
            name = _span_text(doc, tokens)
            kind = KINDS[ent.label_]
            if kind == "organization" and _names_a_role_holder(ent):
                kind = "person"  # "Gbagbo spokeswoman, Jacqueline Oble," which the small model tags ORG
            key = (kind, name)
            if len(tokens) == 1 and name in self.by_surname:
                key = self.by_surname[name]  # "Lavrov" tagged ORG is still the person named earlier
            draft = self.drafts.setdefault(key, EntityDraft(key[1], kind))
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            draft.mentions.append((start, end))
            if name != draft.name:
                draft.aliases.add(name)
            for t in tokens:
                self._token_entity[t.i] = key
            if kind == "person" and len(tokens) > 1:
                self.by_surname.setdefault(tokens[-1].text, key)
                title = ent[0].lower_.rstrip(".") if ent[0].i < tokens[0].i else None
                draft.role = draft.role or self._apposition_role(tokens[-1]) or (
                    ent[0].text if title in TITLES else None)
        # Names NER missed but an apposition vouches for: "Igor Konashenkov, defence ministry spokesman".
        for token in doc:
            if token.pos_ == "PROPN" and token.i not in self._token_entity and token.dep_ != "compound":
                role = self._apposition_role(token)
                if role is None:
                    continue
                tokens = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
                title = None
                while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in TITLES:
                    title, tokens = tokens[0].text, tokens[1:]
                if any(t.i in self._token_entity for t in tokens) or tokens[-1].i - tokens[0].i != len(tokens) - 1:
                    continue
                key = ("person", _span_text(doc, tokens))
                draft = self.drafts.setdefault(key, EntityDraft(key[1], "person"))
                draft.mentions.append((tokens[0].idx, token.idx + len(token)))
                draft.role = draft.role or role or title
                for t in tokens:
                    self._token_entity[t.i] = key
                if len(tokens) > 1:
                    self.by_surname.setdefault(token.text, key)
        self._merge_surnames()
        self._link_role_descriptions()
        # Surname mentions NER missed ("Konashenkov, the defence spokesman, said"): join known people.
        for token in doc:
            if token.i not in self._token_entity and token.text in self.by_surname and token.text[:1].isupper():
                key = self.by_surname[token.text]
                self._token_entity[token.i] = key
                self.drafts[key].mentions.append((token.idx, token.idx + len(token)))

    def _link_role_descriptions(self) -> None:
        """News introduces people by role first: "Russia's foreign minister has defended ... Sergey Lavrov
        said ...". A role-noun subject (with "the" or a possessive) that names nobody yet goes to the first
        person who is a clause subject in the next two sentences and has no role of their own."""
        doc = self.doc
        sents = list(doc.sents)
        for n, sent in enumerate(sents):
            for token in sent:
                if (token.dep_ not in ("nsubj", "nsubjpass") or token.lemma_.lower() not in ROLE_NOUNS
                        or token.i in self._token_entity or token.tag_ == "NNS"):
                    continue
                if not any(c.dep_ in ("poss", "det") and (c.dep_ == "poss" or c.lower_ == "the")
                           for c in token.children):
                    continue
                if any(k[0] == "person" and i < token.i for i, k in self._token_entity.items()):
                    continue  # someone was named already: the description more likely points back
                for later in sents[n + 1:n + 3]:
                    person = next((self._token_entity[t.i] for t in later if t.dep_ in ("nsubj", "nsubjpass")
                                   and t.i in self._token_entity and self._token_entity[t.i][0] == "person"), None)
                    if person is None:
                        continue
                    draft = self.drafts[person]
                    if draft.role is None:
                        tokens = [t for t in token.subtree if t.i <= token.i and t.dep_ != "det"]
                        draft.role = _span_text(doc, tokens)
                        draft.mentions.append((tokens[0].idx, token.idx + len(token)))
                        for t in tokens:
                            self._token_entity.setdefault(t.i, person)
                    break

    def _merge_surnames(self) -> None:
        """A one-word person found before the full name was known joins the full name."""
        for key in list(self.drafts):
            target = self.by_surname.get(key[1])
            if key[0] != "person" or target is None or target == key:
                continue
            draft = self.drafts.pop(key)
            full = self.drafts[target]
            full.mentions.extend(draft.mentions)
            full.aliases.add(draft.name)
            full.role = full.role or draft.role
            for i, k in self._token_entity.items():
                if k == key:
                    self._token_entity[i] = target

    def _apposition_role(self, head: Token) -> str | None:
        """The role in apposition to a name: "Igor Konashenkov, defence ministry spokesman", or before it:
        "Gbagbo spokeswoman, Jacqueline Oble"."""
        for child in head.children:
            if child.dep_ == "appos" and child.lemma_.lower() in ROLE_NOUNS:
                tokens = [t for t in child.subtree if t.dep_ != "punct"]
                if tokens and tokens[0].lower_ in ("a", "an", "the"):
                    tokens = tokens[1:]
                return _span_text(self.doc, tokens) or None
        before = head.head
        if head.dep_ == "appos" and before.i < head.i and before.lemma_.lower() in ROLE_NOUNS:
            tokens = [t for t in before.lefts if t.dep_ in ("compound", "amod", "poss")] + [before]
            return _span_text(self.doc, tokens) or None
        return None

    def is_subject_mention(self, start: int, end: int) -> bool:
        """A salient mention: subject of a clause that is not itself reported speech ("Otunbayeva says if
        President Bakiyev tries ..." makes Otunbayeva salient, not Bakiyev)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or span.root.dep_ not in ("nsubj", "nsubjpass"):
            return False
        node = span.root
        while node.head.i != node.i:
            if node.dep_ in ("ccomp", "advcl") and node.head.lemma_ in REPORTING_VERBS:
                return False
            node = node.head
        return True

    def last_before(self, position: int, kinds: tuple[str, ...], *, full_names: bool = False,
                    subjects_only: bool = False) -> tuple[str, str] | None:
        """The entity of one of ``kinds`` mentioned last before character ``position`` (recency is what
        news pronouns follow: "Ms. Bomse ... She said")."""
        best: tuple[int, tuple[str, str]] | None = None
        for key, draft in self.drafts.items():
            if key[0] not in kinds or (full_names and len(key[1].split()) < 2):
                continue
            ends = [end for start, end in draft.mentions if end <= position
                    and not any(s <= start < e for s, e in self.exclude_spans)
                    and (not subjects_only or self.is_subject_mention(start, end))]
            if ends and (best is None or max(ends) > best[0]):
                best = (max(ends), key)
        return best[1] if best else None

    def last_mention_end(self, key: tuple[str, str], position: int) -> int:
        """Where the last mention of ``key`` before ``position`` ends (-1 if none)."""
        draft = self.drafts.get(key)
        ends = [end for _, end in draft.mentions if end <= position] if draft else []
        return max(ends, default=-1)

    def entity_of(self, token: Token) -> tuple[str, str] | None:
        """The (kind, name) key of the entity a token belongs to, if any."""
        return self._token_entity.get(token.i)

    def entity_in(self, tokens: list[Token]) -> tuple[str, str] | None:
        for t in tokens:
            key = self._token_entity.get(t.i)
            if key is not None:
                return key
        return None

    def entity_id(self, key: tuple[str, str]) -> str:
        return content_id("e_", self.article_id, key[0], key[1])

    def role_of(self, key: tuple[str, str]) -> str | None:
        draft = self.drafts.get(key)
        return draft.role if draft else None

    def people_with_role_word(self, word: str) -> list[tuple[str, str]]:
        return [k for k, d in self.drafts.items()
                if k[0] == "person" and d.role and word.lower() in d.role.lower().split()]

    def records(self) -> tuple[Entity, ...]:
        text = self.doc.text
        out = []
        for key, draft in self.drafts.items():
            mentions = tuple(Span.of(text, s, e) for s, e in sorted(set(draft.mentions)))
            out.append(Entity(id=self.entity_id(key), name=draft.name, kind=draft.kind,
                              aliases=tuple(sorted(draft.aliases)), role=draft.role, country=None, geo=None,
                              mentions=mentions))
        return tuple(sorted(out, key=lambda e: e.mentions[0].start))
