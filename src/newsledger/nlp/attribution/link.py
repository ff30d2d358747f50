"""Link role spans into attributions: each CONTENT with its CUE and SOURCE, over the parse.

Rules, in order:
- content pieces separated only by whitespace (a quote running over paragraphs) are one content, unless a
  paragraph break ends a content outside quotation marks or one whose quotation closed;
- a content's cue is the CUE span syntactically tied to it (the cue governs the content's root, or the
  content's root governs the cue, as in ``"...," he said``), else the cue of the quote it resumes
  (``"A," said X, a lawyer who ... . "B"``), else the nearest CUE in the same sentence window (the sentence
  of the content's start or end, and its neighbours) that is not inside another content;
- an indirect content cut inside the clause under its cue runs to the end of that clause;
- two contents that share one cue and sit on either side of it, the cue set off by punctuation
  (``"A," he said, "B"``, and also ``"A," he said. "B"`` across the sentence break) are one content in two
  pieces;
- a content the tagger gave no cue takes the word it hangs on in the parse;
- a source is the SOURCE span that is the cue's subject, else the cue's speaker in the parse (agent,
  subject, possessor), else the nearest SOURCE to the cue in its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..quotes import QUOTE_MARKS
from ..speakers import subject_of
from .component import SPANS_KEY


@dataclass
class Attribution:
    pieces: list[Span]                 # content, in text order
    cue: Span | None = None
    source: Span | None = None
    reason: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0].start_char

    @property
    def end(self) -> int:
        return self.pieces[-1].end_char


def _root(span: Span):  # type: ignore[no-untyped-def]
    return span.root


def _ancestors(span: Span, steps: int = 4) -> list[int]:
    """Token indices of the first few ancestors of ``span``'s root."""
    node, out = span.root, []
    for _ in range(steps):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node.i)
    return out


def _governs(a: Span, b: Span, chains: dict[tuple[int, int], list[int]]) -> bool:
    """True if a token of ``a`` is an ancestor of ``b``'s root (within a few steps). ``chains`` caches
    ``_ancestors`` per span: this test runs for every cue and content pair."""
    key = (b.start, b.end)
    if key not in chains:
        chains[key] = _ancestors(b)
    return any(a.start <= i < a.end for i in chains[key])


def _sent_index(doc: Doc):  # type: ignore[no-untyped-def]
    index = {}
    for n, sent in enumerate(doc.sents):
        for token in sent:
            index[token.i] = n
    return index


def link(doc: Doc) -> list[Attribution]:
    roles = sorted(doc.spans.get(SPANS_KEY, []), key=lambda s: s.start)
    contents = [s for s in roles if s.label_ == "CONTENT"]
    cues = [s for s in roles if s.label_ == "CUE"]
    sources = [s for s in roles if s.label_ == "SOURCE"]
    # A content whose root is a subordinating conjunction ("[... Thursday as] reports suggested ...") is the
    # clause the cue hangs in, not what the cue reports. Stray quotation marks before a content are not part
    # of it, and a piece of nothing but marks is nothing reported.
    contents = [c for c in map(_without_leading_marks, contents)
                if c is not None and c.root.dep_ != "mark"]
    if not contents:
        return []
    contents, sources = _split_swallowed_subjects(doc, contents, cues, sources)
    sent_of = _sent_index(doc)
    text = doc.text  # once: Doc.text is rebuilt on every access

    # 1. Join pieces separated only by whitespace.
    groups: list[list[Span]] = []
    for span in contents:
        if groups and _continues(text, groups[-1][0].start_char, groups[-1][-1].end_char, span.start_char):
            groups[-1].append(span)
        else:
            groups.append([span])
    attributions = [Attribution(pieces=g) for g in groups]

    # 2. A cue for each content.
    def window(a: Attribution) -> set[int]:
        first, last = sent_of[a.pieces[0].start], sent_of[a.pieces[-1].end - 1]
        return set(range(first - 1, last + 2))

    chains: dict[tuple[int, int], list[int]] = {}
    for n, a in enumerate(attributions):
        tied = [c for c in cues if any(_governs(c, p, chains) or _governs(p, c, chains) for p in a.pieces)]
        if tied:
            a.cue = min(tied, key=lambda c: _distance(a, c))
            a.reason.append("cue_in_parse")
            continue
        prev = attributions[n - 1] if n else None
        if (prev is not None and prev.cue is not None and prev.end <= prev.cue.start_char
                and prev.cue.end_char <= a.start and _quote_resumes(text, prev.end, a.start)):
            a.cue = prev.cue  # '"A," said X, a lawyer. "B"': B resumes X's quote (step 3 joins them)
            a.reason.append("cue_quote_resumes")
            continue
        near = [c for c in cues if sent_of[c.start] in window(a)
                and not any(p.start <= c.start < p.end for b in attributions for p in b.pieces)]
        if near:
            a.cue = min(near, key=lambda c: _distance(a, c))
            a.reason.append("cue_nearest")
        else:
            governor = _governor(a)
            if governor is not None:
                a.cue = Span(doc, governor.i, governor.i + 1, label="CUE")
                a.reason.append("cue_governs_content")
            else:
                a.reason.append("no_cue")

    # 2b. Contents the tagger cut inside their cue's clause.
    for a in attributions:
        if a.cue is not None and "cue_in_parse" in a.reason:
            _extend_to_clause_end(doc, a, roles)

    # 3. "A," he said, "B": one content in two pieces.
    merged: list[Attribution] = []
    for a in attributions:
        prev = merged[-1] if merged else None
        between = doc.char_span(prev.end, a.start, alignment_mode="expand") if prev is not None else None
        other_cues = [c for c in cues if prev is not None and prev.end <= c.start_char < a.start
                      and (a.cue is None or c.start != a.cue.start)]
        if (prev is not None and prev.cue is not None and (a.cue is None or prev.cue.start == a.cue.start)
                and prev.end <= prev.cue.start_char and a.start >= prev.cue.end_char and not other_cues
                and between is not None
                and ((len(between) <= 12 and sent_of[prev.pieces[-1].end - 1] == sent_of[a.pieces[0].start]
                      and _set_off(text, prev.end, a.start))
                     or (len(between) <= 40 and _quote_resumes(text, prev.end, a.start)))):
            prev.pieces.extend(a.pieces)
            prev.reason.append("split_by_cue")
        else:
            merged.append(a)

    # 4. A source for each cue.
    for a in merged:
        if a.cue is None:
            continue
        cue_root = _root(a.cue)
        subject = [s for s in sources if _root(s).head.i in {t.i for t in a.cue} and
                   _root(s).dep_ in ("nsubj", "nsubjpass", "pobj", "poss")]
        if not subject:
            subject = [s for s in sources if _root(s).head.i == cue_root.i]
        if subject:
            a.source = subject[0]
            a.reason.append("source_subject_of_cue")
            continue
        parsed = _parse_subject(doc, a)
        if parsed is not None:
            a.source = parsed
            a.reason.append("source_parse_subject")
            continue
        same = [s for s in sources if sent_of[s.start] == sent_of[a.cue.start]
                and not any(p.start <= s.start < p.end for p in a.pieces)]
        if same:
            a.source = min(same, key=lambda s: abs(s.start - a.cue.start))
            a.reason.append("source_nearest")
    return merged


def _parse_subject(doc: Doc, a: Attribution) -> Span | None:
    """The cue's speaker from the parse, when the tagger marked no SOURCE there (a better guess than the
    nearest SOURCE span, which often belongs to a neighbouring attribution): the agent of a passive ("was
    first reported by The Washington Post"), else the subject, else the possessor of a noun cue ("his
    comment about")."""
    cue = _root(a.cue)
    agent = next((c for t in a.cue for c in t.children if c.dep_ == "agent"), None)
    speaker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if speaker is None:
        speaker = subject_of(cue)
    if speaker is None and cue.pos_ == "NOUN":
        speaker = next((c for c in cue.children if c.dep_ == "poss"), None)
    if speaker is None or speaker.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    start, end = speaker.left_edge.i, speaker.right_edge.i + 1
    taken = [(p.start, p.end) for p in a.pieces] + [(a.cue.start, a.cue.end)]
    if any(s < end and start < e for s, e in taken):
        if any(s <= speaker.i < e for s, e in taken):
            return None
        start, end = speaker.i, speaker.i + 1
    return Span(doc, start, end, label="SOURCE")


def _governor(a: Attribution):  # type: ignore[no-untyped-def]
    """The word the content hangs on when the tagger marked no cue ("DuVernay documents [X]"): the head of
    the content's root, if it is a verb or noun outside the content."""
    root = _root(a.pieces[0])
    head = root.head
    if head.i == root.i or any(p.start <= head.i < p.end for p in a.pieces):
        return None
    if head.pos_ == "ADP" and head.head.pos_ in ("VERB", "NOUN"):
        head = head.head  # "comment about [X]"
    return head if head.pos_ in ("VERB", "NOUN") else None


def _split_swallowed_subjects(doc: Doc, contents: list[Span], cues: list[Span],
                              sources: list[Span]) -> tuple[list[Span], list[Span]]:
    """A content that ends with the subject of the cue right after it ("... to Iraq, Iraq's government |
    said") swallowed the next attribution's source: give it back."""
    out_contents, out_sources = [], list(sources)
    for content in contents:
        cue = next((c for c in cues if 0 <= c.start - content.end <= 1), None)
        subject = None
        if cue is not None:
            subject = next((t for t in content if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in
                            range(cue.start, cue.end)), None)
        if subject is None or subject.left_edge.i <= content.start:
            out_contents.append(content)
            continue
        cut = subject.left_edge.i
        while cut > content.start and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
            cut -= 1
        out_contents.append(Span(doc, content.start, cut, label=content.label_))
        out_sources.append(Span(doc, subject.left_edge.i, subject.i + 1, label="SOURCE"))
    return out_contents, sorted(out_sources, key=lambda s: s.start)


def _without_leading_marks(span: Span) -> Span | None:
    """``span`` without a run of stray marks before its first word (three or more tokens with no letter or
    digit: one opening mark, or a mark and a dash, are the content's own); None if it has no word."""
    words = [t.i for t in span if any(ch.isalnum() for ch in t.text)]
    if not words:
        return None
    if words[0] - span.start < 3:
        return span
    start = words[0] - 1 if span.doc[words[0] - 1].text in _OPENING + "``''" else words[0]
    return Span(span.doc, start, span.end, label=span.label_)


def _extend_to_clause_end(doc: Doc, a: Attribution, roles: list[Span]) -> None:
    """An indirect content the tagger cut inside its clause ('claimed it was - like the United States -
    attacking only ...' ending at the dash) runs on to the end of the clause under the cue."""
    last = a.pieces[-1]
    if last.text[:1] in _OPENING or len(a.pieces) > 1:
        return
    clause = next((t for t in last if t.head.i in range(a.cue.start, a.cue.end) and t.dep_ in ("ccomp", "xcomp")),
                  None)
    if clause is None:
        return
    end = clause.right_edge.i + 1
    while end > last.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= last.end or any(last.end <= r.start < end for r in roles):
        return
    a.pieces[-1] = Span(doc, last.start, end, label=last.label_)
    a.reason.append("content_to_clause_end")


def _set_off(text: str, end: int, start: int) -> bool:
    """The cue between two pieces is set off by punctuation ('"A," he said, "B"'; 'Acts of protest, Mr. Obama
    said, are acts of patriotism'), not a clause of its own ('A as reports suggested B': two contents)."""
    between = text[end:start].strip()
    return text[end - 1:end] in ",\u2014\u2013-" + _CLOSING or between[:1] in ",\u2014\u2013-("


def _continues(text: str, opened: int, end: int, start: int) -> bool:
    """Two content pieces with only whitespace between are one content, except across a paragraph break
    unless the content is a quotation still open there. News style leaves a long quote open at the end of
    each of its paragraphs; a paragraph that ends with a closing mark ('Obama called the holiday "a
    celebration."') or a content outside quotation marks ('Mr. Obama warned that the museum ...') ends its
    attribution, and the next paragraph's '"...," he said' is another."""
    between = text[end:start]
    if between.strip():
        return False
    if "\n" not in between:
        return True
    return text[opened:opened + 1] in _OPENING and text[end - 1:end] not in _CLOSING


_OPENING = "\u201c\u00ab\u201e\"'\u2018"
_CLOSING = "\u201d\u00bb\"'\u2019"


def _quote_resumes(text: str, end: int, start: int) -> bool:
    """``"A," he said. "B"``: a quote closed on a comma, the cue's sentence, and the same speaker's quote
    resumes. PolNeAR annotates this as one content (about 86% of such spans in train)."""
    marks = QUOTE_MARKS + "'\u2018\u2019"
    return (text[end - 1:end] in marks and text[end - 2:end - 1] in ",?!\u2019'\""
            and text[start:start + 1] in marks and "\n" not in text[end:start]
            and text[end:start].rstrip().endswith("."))


def _distance(a: Attribution, cue: Span) -> int:
    return min(abs(cue.start - p.end) if cue.start >= p.end else abs(p.start - cue.end) for p in a.pieces)
