"""Who is speaking: the subject of a reporting verb resolved to a canonical speaker, with a reason."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..records import Conduit, Span, Speaker
from .entities import EntityIndex
from .lexicons import (ANONYMOUS_HEADS, GROUP_HEADS, OBJECT_SPEECH_VERBS, PRONOUNS_GROUP, PRONOUNS_PERSON,
                       REPORTING_VERBS, ROLE_NOUNS, TITLES)

_ORG_HEADS = frozenset(
    "ministry government agency office police army military company court council department committee "
    "parliament commission coalition kremlin white house embassy spokesman's administration military "
    "authorities authority group union party force forces organisation organization media newspaper "
    "broadcaster network channel".split()
)
_DESCRIBED_ORGS = frozenset("agency organization organisation company fund movement party union alliance bank "
                            "council committee commission institute foundation charity firm group".split())
_MEDIA_HEADS = frozenset("agency agencies television newspaper broadcaster radio network channel reuters outlet "
                         "media tv daily paper service wire".split())
_ENTITY_KIND = {"person": "person", "organization": "organization", "group": "group", "place": "organization"}


@dataclass
class SpeakerState:
    """What earlier quotes established, for pronouns and cue-less continuations."""

    last_person: Speaker | None = None
    last_group: Speaker | None = None
    history: list[Speaker] = field(default_factory=list)


def is_dateline(token: Token) -> bool:
    """``LENTHAVAR —`` or ``LENTHAVAR, Valdoria —`` opening a paragraph: a place and a dash, which the parser
    often takes for a subject."""
    doc = token.doc
    if not (token.text.isupper() and len(token.text) > 2):
        return False
    if not (token.i == 0 or "\n" in doc[token.i - 1].text_with_ws or token.is_sent_start):
        return False
    # The dash follows the place at once, or after a region: "MARROVKA, Valdoria —".
    for nxt in doc[token.i + 1:token.i + 6]:
        if nxt.text in ("\u2014", "\u2013", "-", "--"):
            return True
        if not (nxt.text == "," or nxt.pos_ == "PROPN" or nxt.text.isupper()):
            return False
    return False


def subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not is_dateline(c)]
    if subjects:
        # A misparse can hang two subjects on one verb ("warplanes bombed ... as reports suggested"): the
        # one nearest before the verb is its own.
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None  # only a dateline
    # "..., according to X" and conjoined verbs ("X said ... and added") share the first verb's subject.
    if (verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_ in REPORTING_VERBS
            and verb.lemma_ in REPORTING_VERBS | OBJECT_SPEECH_VERBS):
        # "X said it was disappointed and called the case ...": the parser hangs the second speech verb
        # on the reported clause; it is X's.
        return subject_of(verb.head.head)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ == "pcomp":
        # "Despite Lavrov saying that ...": the parser makes the speaker the preposition's object.
        obj = next((c for c in verb.head.children if c.dep_ == "pobj" and c.i < verb.i), None)
        if obj is not None:
            return obj
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        # "The IMF trimmed its forecast, saying ...": the participle shares the main clause's subject.
        return subject_of(verb.head)
    return _stranded_subject(verb)


def _stranded_subject(verb: Token) -> Token | None:
    """A name the parser attached elsewhere that stands right before the verb, alone or followed by its
    apposition (``..., Hassan Haj Ali, head of Liwa Suqour al-Jabal, told Reuters``)."""
    sent = verb.sent
    segments: list[list[Token]] = [[]]
    for tok in reversed(sent[: verb.i - sent.start]):
        if tok.text == ",":
            if not segments[-1]:
                continue
            if len(segments) == 3:
                break
            segments.append([])
        elif not tok.is_space:
            segments[-1].insert(0, tok)

    def name_in(seg: list[Token]) -> Token | None:
        if seg and all(t.pos_ == "PROPN" or t.text in "-." for t in seg) and len(seg) <= 5:
            return seg[-1]
        return None

    if name_in(segments[0]) is not None:
        return name_in(segments[0])
    first = segments[0]
    if len(segments) > 1 and first and any(t.lemma_.lower() in ROLE_NOUNS for t in first[:3]):
        return name_in(segments[1])
    return None


def phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without appositions, relative clauses or trailing punctuation."""
    cut = {"appos", "relcl", "acl", "punct", "cc", "conj", "prep"}
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in cut]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in {"appos", "relcl", "acl", "punct"}
                     or (c.dep_ == "punct" and c.text in "-–"))
    keep = [t for t in keep if not t.is_space]
    keep.sort(key=lambda t: t.i)
    # Keep a contiguous run around the head.
    i = keep.index(head)
    lo = i
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    hi = i
    while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    return keep[lo:hi + 1]


def _mention(tokens: list[Token]) -> Span:
    return Span.of_tokens(tokens[0], tokens[-1])


def _strip_det(tokens: list[Token]) -> list[Token]:
    return tokens[1:] if len(tokens) > 1 and tokens[0].lower_ in ("the", "a", "an") else tokens


def resolve_speaker(subject: Token | None, index: EntityIndex, state: SpeakerState) -> tuple[Speaker, str]:
    """A :class:`Speaker` for a reporting verb's subject and a reason code; unknown rather than a guess."""
    if subject is None:
        return Speaker(None, "unknown"), "no_subject"
    tokens = phrase_tokens(subject)
    mention = _mention(tokens)
    lower = subject.lower_
    if subject.pos_ == "PRON" or lower in PRONOUNS_PERSON | PRONOUNS_GROUP:
        if lower in PRONOUNS_PERSON:
            # Whoever came last: the last person who spoke, or a person named (full name, outside quotes)
            # after that ("Last week, John Kerry visited Somalia. He said ...").
            # Only a person who is the subject of a clause takes over (salience: "Otunbayeva demanded the
            # resignation of Bakiyev. ... she said" stays with Otunbayeva).
            key = index.last_before(subject.idx, ("person",), full_names=True, subjects_only=True)
            named_at = index.last_mention_end(key, subject.idx) if key is not None else -1
            spoke_at = state.last_person.mention.end if state.last_person and state.last_person.mention else -1
            if state.last_person is not None and (key is None or spoke_at >= named_at
                                                  or key[1] == state.last_person.name):
                return _with_mention(state.last_person, mention), f"pronoun_{lower}_last_speaker"
            if key is None and state.last_person is None:
                key = index.last_before(subject.idx, ("person",), full_names=True)
            if key is not None:
                return _remember(_entity_speaker(key, index, mention), state), f"pronoun_{lower}_last_person"
        if lower in PRONOUNS_GROUP:
            if state.last_group is not None:
                return _with_mention(state.last_group, mention), f"pronoun_{lower}_last_speaker"
            key = index.last_before(subject.idx, ("organization", "place"))
            if key is not None:
                return _remember(_entity_speaker(key, index, mention), state), f"pronoun_{lower}_last_organization"
        return Speaker(None, "unknown", mention=mention), f"pronoun_{lower}_unresolved"
    key = index.entity_of(subject)
    if key is None and subject.pos_ == "PROPN":
        key = index.entity_in(tokens)
    if key is not None:
        return _remember(_entity_speaker(key, index, mention), state), "named_entity"
    if subject.pos_ == "PROPN" and all(t.pos_ == "PROPN" or t.text in "-." for t in tokens):
        # A proper name the NER missed ("Mayor Ana Ruiz said"): name it; a title makes it a person.
        words = list(tokens)
        title = None
        while len(words) > 1 and words[0].lower_.rstrip(".") in TITLES:
            title, words = words[0].text, words[1:]
        name = _mention(words).text
        kind = "person" if title else "unknown"
        return _remember(Speaker(name, kind, title, None, mention), state), "proper_name_not_in_ner"
    named = _named_in_apposition(subject, index)
    if named is not None:
        # "The governor of the region, Abdulkadir Mohamed Nur, tells VOA": the role names the person too.
        draft = index.drafts.get(named)
        if draft is not None and draft.role is None:
            draft.role = _mention(_strip_det(tokens)).text
        return _remember(_entity_speaker(named, index, mention), state), "apposition_names_person"
    if subject.lemma_.lower() == "government":
        country = next((index.entity_of(t) for t in tokens if index.entity_of(t) and
                        index.entity_of(t)[0] == "place"), None)  # type: ignore[index]
        if country is not None:
            speaker = Speaker(f"Government of {country[1]}", "organization", None, index.entity_id(country),
                              mention)
            return _remember(speaker, state), "government_of_named_country"
    earlier = _earlier_fuller(subject, state)
    if earlier is not None:
        return _with_mention(earlier, mention), "earlier_fuller_mention"
    head = subject.lemma_.lower()
    determiner = next((c.lower_ for c in subject.children if c.dep_ == "det"), "")
    if head in ROLE_NOUNS and determiner == "the" and subject.tag_ != "NNS" and not index.people_with_role_word(head):
        # "The former prime minister said": a definite role noun names someone already in the story.
        key = index.last_before(subject.idx, ("person",), full_names=True)
        if key is not None:
            return _remember(_entity_speaker(key, index, mention), state), "definite_role_last_person"
    if head in ROLE_NOUNS:
        people = index.people_with_role_word(head)
        if determiner not in ("a", "an") and len(people) == 1:
            key = people[0]
            speaker = Speaker(key[1], "person", index.role_of(key), index.entity_id(key), mention)
            return _remember(speaker, state), "role_matches_named_person"
        if determiner in ("a", "an") and len(people) == 1 and _same_employer(subject, index.role_of(people[0])):
            # "A spokeswoman for ... Laurent Gbagbo says ..." and later "Gbagbo spokeswoman, Jacqueline Oble":
            # the only person in the story with that role for that employer.
            key = people[0]
            speaker = Speaker(key[1], "person", index.role_of(key), index.entity_id(key), mention)
            return _remember(speaker, state), "indefinite_role_named_later"
        if determiner in ("a", "an") or head in ANONYMOUS_HEADS or subject.tag_ == "NNS":
            return _remember(Speaker(mention.text, "anonymous", mention=mention), state), "anonymous_description"
    if head in ANONYMOUS_HEADS:
        # "reports suggested", "sources said", "witnesses told": unnamed, kept as described.
        return _remember(Speaker(mention.text, "anonymous", mention=mention), state), "anonymous_description"
    if subject.lower_ in GROUP_HEADS:
        # Unnamed collectives ("demonstrators said") are anonymous sources, described, not named.
        name = _mention(_strip_det(tokens)).text
        speaker = Speaker(name, "anonymous", mention=mention)
        return _remember(speaker, state), "group_noun"
    if head in _DESCRIBED_ORGS and determiner == "the" and subject.ent_type_ not in ("ORG", "PERSON"):
        # "the Washington-based agency" after "The International Monetary Fund": the last organisation named.
        key = index.last_before(subject.idx, ("organization",))
        if key is not None:
            return _remember(_entity_speaker(key, index, mention), state), "definite_description_last_organization"
    if head in _ORG_HEADS:
        name = _mention(_strip_det(tokens)).text
        speaker = Speaker(name, "organization", mention=mention)
        return _remember(speaker, state), "organization_noun"
    return Speaker(None, "unknown", mention=mention), "subject_not_resolved"


def _same_employer(subject: Token, role: str | None) -> bool:
    """True if a name in the subject's "for/of X" phrase also stands in ``role`` ("Gbagbo spokeswoman")."""
    if not role:
        return False
    words = set(role.split())
    employer = [t for c in subject.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                for t in c.subtree if t.pos_ == "PROPN"]
    return any(t.text in words for t in employer)


def _named_in_apposition(subject: Token, index: EntityIndex) -> tuple[str, str] | None:
    """A person named in apposition to, or as a compound of, a common-noun subject. The apposition comes
    first: in "Gbagbo spokeswoman, Jacqueline Oble, said" the compound names her employer."""
    order = {"appos": 0, "npadvmod": 1, "compound": 2}
    for child in sorted((c for c in subject.children if c.dep_ in order), key=lambda c: order[c.dep_]):
        key = index.entity_of(child) or index.entity_in(list(child.subtree))
        if key is not None and key[0] == "person":
            return key
    return None


def _earlier_fuller(subject: Token, state: SpeakerState) -> Speaker | None:
    """An earlier speaker this common noun shortens: "Police say" after "Pakistani police said"."""
    if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in subject.children):
        return None  # "a US military official" is someone new, not the official quoted before
    head = subject.lower_
    for speaker in state.history[::-1]:
        words = (speaker.name or "").lower().split()
        if len(words) > 1 and words[-1] == head and speaker.kind in ("organization", "anonymous", "group"):
            return speaker
    return None


def _entity_speaker(key: tuple[str, str], index: EntityIndex, mention: Span) -> Speaker:
    """A speaker for an entity. A country that speaks is its government ("North Korea said" is the
    Government of North Korea), named so that it is not confused with the place."""
    if key[0] == "place":
        return Speaker(f"Government of {key[1]}", "organization", None, index.entity_id(key), mention)
    return Speaker(key[1], _ENTITY_KIND.get(key[0], "unknown"), index.role_of(key), index.entity_id(key), mention)


def _with_mention(speaker: Speaker, mention: Span) -> Speaker:
    return Speaker(speaker.name, speaker.kind, speaker.role, speaker.entity_id, mention)


def _remember(speaker: Speaker, state: SpeakerState) -> Speaker:
    state.history.append(speaker)
    if speaker.kind == "person":
        state.last_person = speaker
    elif speaker.kind in ("organization", "group"):
        state.last_group = speaker
    return speaker


def find_conduit(verb: Token, index: EntityIndex) -> Conduit | None:
    """The outlet that relayed the words: ``told Reuters``, ``quoted by RIA Novosti``, ``asked by France 24``."""
    candidates: list[Token] = []
    for child in verb.children:
        if verb.lemma_ == "tell" and child.dep_ in ("dobj", "dative", "iobj"):
            candidates.append(child)
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ in ("advcl", "prep", "xcomp") and child.lemma_ in ("ask", "say", "as", "quote"):
            for grand in child.children:
                if grand.dep_ == "agent" or (grand.dep_ == "prep" and grand.lower_ == "by"):
                    candidates.extend(c for c in grand.children if c.dep_ == "pobj")
                if grand.dep_ == "pcomp" or grand.dep_ == "pobj":
                    for great in grand.children:
                        if great.dep_ == "prep" and great.lower_ == "by":
                            candidates.extend(c for c in great.children if c.dep_ == "pobj")
    for cand in candidates:
        tokens = _strip_det(phrase_tokens(cand))
        if cand.lemma_.lower() in _MEDIA_HEADS:
            m = _mention(tokens)
            return Conduit(m.text, m)
        key = index.entity_in(tokens)
        if key is not None and key[0] in ("organization", "group"):
            return Conduit(key[1], _mention(tokens))
        if cand.ent_type_ in ("ORG", "PERSON", "GPE") and cand.pos_ == "PROPN":
            # The parser splits "France 24 television" into pobj + dobj: reach the media noun if it is near.
            doc = cand.doc
            following = doc[tokens[-1].i + 1: tokens[-1].i + 4]
            media = next((t for t in following if t.lemma_.lower() in _MEDIA_HEADS), None)
            if media is not None and all(t.pos_ in ("NUM", "PROPN", "NOUN") for t in following[: media.i - tokens[-1].i]):
                tokens = tokens + list(doc[tokens[-1].i + 1: media.i + 1])
            m = _mention(tokens)
            return Conduit(m.text, m)
    return None
