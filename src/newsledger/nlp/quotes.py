"""Quotes: direct (quotation marks, multi-paragraph), cue-less continuations, and indirect speech.

A first cut over the dependency parse; the attribution issue deepens it. Unbalanced quotation marks
degrade one quote at a time (with a warning), never the whole article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..records import Conduit, Quote, Span, Speaker, content_id
from .entities import EntityIndex
from .lexicons import OBJECT_SPEECH_VERBS, REPORTING_VERBS, SPEECH_CUES
from .speakers import SpeakerState, find_conduit, phrase_tokens, resolve_speaker, subject_of

_OPENERS = "\u201c\u00ab\u201e"
_CLOSERS = "\u201d\u00bb"
_OPEN_CONTEXT = " \t\n([{\u2014\u2013-/:"
MIN_UNCUED_WORDS = 5  # shorter quoted strings with no reporting verb are scare quotes or titles


@dataclass
class _Direct:
    start: int
    end: int
    paragraph: tuple[int, int]
    multi: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    marks = []
    for i in range(start, end):
        ch = text[i]
        if ch in _OPENERS:
            marks.append((i, "open"))
        elif ch in _CLOSERS:
            marks.append((i, "close"))
        elif ch == '"':
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            opening = before in _OPEN_CONTEXT and not after.isspace()
            marks.append((i, "open" if opening else "close"))
    return marks


def _headline(line: str) -> bool:
    """Short, no sentence punctuation at the end: a headline or subheading."""
    core = line.strip().rstrip("'\u2019\"\u201d")
    return 0 < len(core.split(maxsplit=20)) <= 20 and not core.endswith((".", "?", "!", ":", ";", ","))


def _single_quote_spans(text: str, start: int, end: int) -> list[_Direct]:
    """Single-quoted speech in a headline (``Minister: 'We will not retreat'``); apostrophes never pair."""
    out, open_at = [], None
    for i in range(start, end):
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opening = ch == "\u2018" or (ch == "'" and before in _OPEN_CONTEXT and not after.isspace())
        closing = ch in "\u2019'" and not (before.isalpha() and after.isalpha()) and not before.isspace()
        if open_at is None and opening:
            open_at = i
        elif open_at is not None and closing and i > open_at + 1:
            out.append(_Direct(open_at + 1, i, (start, end)))
            open_at = None
    return out


def find_direct_spans(text: str, warnings: list[str]) -> list[_Direct]:
    """Quoted stretches of text, content only (marks excluded), joined across paragraphs."""
    paras = paragraphs(text)
    found: list[_Direct] = []
    for p_start, p_end in paras:
        line = text[p_start:p_end]
        if _headline(line) and not any(m in line for m in _OPENERS + _CLOSERS + '"'):
            found.extend(_single_quote_spans(text, p_start, p_end))
    carry: _Direct | None = None  # an open quote that continues into the next paragraph
    for n, (p_start, p_end) in enumerate(paras):
        marks = _marks(text, p_start, p_end)
        open_at: int | None = None
        if carry is not None:
            if marks and marks[0] == (p_start, "open"):
                open_at = p_start
                marks = marks[1:]
            else:
                found.append(carry)
                carry = None
        for pos, kind in marks:
            if kind == "open" and open_at is None:
                open_at = pos
            elif kind == "close" and open_at is not None:
                if carry is not None:
                    found.append(_Direct(carry.start, pos, carry.paragraph, multi=True))
                    carry = None
                elif pos > open_at + 1:
                    found.append(_Direct(open_at + 1, pos, (p_start, p_end)))
                open_at = None
        if open_at is not None:
            content_end = len(text[p_start:p_end].rstrip()) + p_start
            next_opens = n + 1 < len(paras) and text[paras[n + 1][0]] in _OPENERS + '"'
            if carry is not None:
                carry = _Direct(carry.start, content_end, carry.paragraph, multi=True)
            else:
                carry = _Direct(open_at + 1, content_end, (p_start, p_end))
            if not next_opens:
                warnings.append(f"unclosed_quote: at {carry.start}, quote ends with its paragraph")
                found.append(carry)
                carry = None
        elif carry is not None:
            found.append(carry)
            carry = None
    if carry is not None:
        found.append(carry)
    return sorted((d for d in found if text[d.start:d.end].strip()), key=lambda d: d.start)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _cue_tokens(doc: Doc, quoted: list[tuple[int, int]]) -> tuple[list[Token], list[int], list[int]]:
    """Reporting verbs outside quotes, in document order: found once per document, not once per quote (a
    paragraph of thousands of quotes would otherwise be walked once for each of them)."""
    tokens = [t for t in doc if t.lemma_ in REPORTING_VERBS and t.pos_ in ("VERB", "AUX")
              and not _inside(t.idx, quoted)]
    return tokens, [t.i for t in tokens], [sent.start for sent in doc.sents] + [len(doc)]


def _cue_near(doc: Doc, direct: _Direct, cues: tuple[list[Token], list[int], list[int]],
              text_len: int) -> Token | None:
    """The reporting verb outside quotes in the sentence that closes the quote, else the one opening it."""
    def between(start: int, end: int) -> list[Token]:  # cue tokens with token index in [start, end)
        tokens, positions, _ = cues
        return tokens[bisect_left(positions, start):bisect_left(positions, end)]

    closing = doc.char_span(direct.end, direct.end + 1, alignment_mode="expand") if direct.end < text_len else None
    if closing is not None and len(closing):
        sent_starts = cues[2]  # Token.sent walks back to the sentence start on every call
        k = bisect_right(sent_starts, closing[0].i) - 1
        after = [t for t in between(sent_starts[k], sent_starts[k + 1]) if t.idx >= direct.end]
        if after:
            return after[0]
    # Before the quote: the nearest reporting verb in the same paragraph (`X said: "..."`, or one cue shared
    # by two quotes: `said "not yet" and "it is a possibility"`).
    para_start = direct.paragraph[0]
    opening = doc.char_span(para_start, direct.start, alignment_mode="expand")
    if opening is not None:
        before = [t for t in between(opening.start, opening.end) if t.idx < direct.start]
        if before:
            return before[-1]
    return None


def _dashed_participle(verb: Token, clause: Token) -> list[Token]:
    """ "Russia claimed it was – like the United States – attacking only ...": the parser hangs the participle
    after the dash on the reporting verb, not inside its clause. Those words are part of what was claimed, up
    to a coordinated clause the parser folded into them ("... groups but its warplanes struck ...")."""
    after = clause.right_edge.i + 1
    participle = next((c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                       and c.left_edge.i == after and clause.right_edge.dep_ == "punct"), None)
    if participle is None:
        return []
    tokens = []
    for t in participle.subtree:
        conj = next((c for c in t.head.children if c.dep_ == "conj" and c.i > t.i), None) if t.dep_ == "cc" else None
        if conj is not None and any(x.tag_ in ("VBD", "VBZ", "VBP") for x in t.doc[conj.i + 1:conj.i + 4]):
            break
        tokens.append(t)
    return tokens


def _comma_tails(head: Token) -> set[int]:
    """Token indices of the clauses hung on ``head`` after a comma (advcl, conj, parataxis)."""
    out: set[int] = set()
    for child in head.children:
        if child.dep_ in ("advcl", "conj", "parataxis") and child.i > head.i \
                and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ",":
            out.update(t.i for t in child.subtree)
    return out


def _clause_span(doc: Doc, head: Token, extra: list[Token] | None = None,
                 drop: set[int] | None = None) -> tuple[int, int] | None:
    tokens = [t for t in head.subtree if not drop or t.i < min(drop)] + (extra or [])
    while tokens and (tokens[0].dep_ in ("mark", "punct") or tokens[0].lower_ == "that"):
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ == "punct":
        tokens = tokens[:-1]
    if len(tokens) < 3:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def find_quotes(doc: Doc, index: EntityIndex, article_id: str, warnings: list[str]) -> list[Quote]:
    text = doc.text
    directs = find_direct_spans(text, warnings)
    quoted = [(d.start, d.end) for d in directs]
    index.exclude_spans = quoted
    candidates: list[tuple[int, str, object]] = [(d.start, "direct", d) for d in directs]
    for token in doc:
        if token.lemma_ not in REPORTING_VERBS or token.pos_ not in ("VERB", "AUX") or _inside(token.idx, quoted):
            continue
        for child in token.children:
            if child.dep_ == "ccomp":
                span = _clause_span(doc, child, _dashed_participle(token, child))
                if span and any(s < span[1] and span[0] < e for s, e in quoted):
                    # "denied that any area was struck, dismissing reports ... as "propaganda"": the
                    # parser hangs the quote-bearing tail on the clause; the claim stops at the comma.
                    span = _clause_span(doc, child, drop=_comma_tails(child))
                if span and not any(s < span[1] and span[0] < e for s, e in quoted):
                    candidates.append((span[0], "indirect", (token, span)))
    for token in doc:
        # "Israel calls the attempt a provocation", "the IMF predicts 3.3 percent growth": the object
        # clause is what was said.
        if token.lemma_ in OBJECT_SPEECH_VERBS and token.pos_ == "VERB" and not _inside(token.idx, quoted) \
                and not any(c.dep_ == "ccomp" for c in token.children):
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            if obj is not None:
                tail = [t for t in token.subtree if t.i >= obj.left_edge.i and not t.is_space]
                while tail and tail[-1].dep_ == "punct":
                    tail = tail[:-1]
                span = (tail[0].idx, tail[-1].idx + len(tail[-1])) if len(tail) >= 3 else None
                if span and not any(s < span[1] and span[0] < e for s, e in quoted):
                    candidates.append((span[0], "indirect", (token, span)))
    for token in doc:
        if token.lower_ == "according" and not _inside(token.idx, quoted):
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if source is not None:
                sent = token.sent
                phrase_end = max(t.idx + len(t) for t in token.subtree)
                rest = [t for t in sent if t.idx >= phrase_end and t.dep_ != "punct" and not t.is_space]
                before = [t for t in sent if t.idx < token.idx and t.dep_ != "punct" and not t.is_space]
                body = rest if len(rest) >= len(before) else before
                if len(body) >= 3:
                    candidates.append((body[0].idx, "according", (source, (body[0].idx, body[-1].idx + len(body[-1])), token)))
    candidates.sort(key=lambda c: c[0])
    # A clause that starts with its own "X says" and whose cue comes after it is a parse that chained two
    # attributions ("The ministry says A; the rebels say B"): keep the inner one only.
    inner_cues = {payload[0].i for _, kind, payload in candidates if kind == "indirect"}  # type: ignore[index]
    candidates = [c for c in candidates if c[1] != "indirect" or c[2][0].idx < c[2][1][1] or not any(
        t.i in inner_cues and t.i != c[2][0].i for t in doc.char_span(*c[2][1], alignment_mode="expand")[:6])]

    state = SpeakerState()
    cues = _cue_tokens(doc, quoted)
    quotes: list[Quote] = []
    previous_direct: tuple[Quote, _Direct] | None = None
    for _, kind, payload in candidates:
        if kind == "direct":
            direct: _Direct = payload  # type: ignore[assignment]
            cue = _cue_near(doc, direct, cues, len(text))
            content = Span.of(text, direct.start, direct.end)
            if cue is not None:
                speaker, why = resolve_speaker(subject_of(cue), index, state)
                conduit = find_conduit(cue, index)
                cue_span: Span | None = Span.of(text, cue.idx, cue.idx + len(cue))
                reason = f"direct:cue_{cue.lemma_}:{why}"
            elif previous_direct is not None and _follows(text, previous_direct[1], direct):
                prev = previous_direct[0]
                speaker, conduit, cue_span = prev.speaker, prev.conduit, None
                reason = "direct:continuation_of_previous_quote"
            elif _headline(text[direct.paragraph[0]:direct.paragraph[1]]):
                # Headlines quote without a verb: "Minister: 'We will not retreat'". Kept even when short;
                # the speaker is whoever stands before the colon, else unknown.
                speaker, conduit, cue_span, reason = Speaker(None, "unknown"), None, None, "direct:headline"
                head_span = _colon_speaker(doc, text, direct)
                if head_span is not None:
                    speaker, why = resolve_speaker(head_span.root, index, state)
                    reason += f":{why}"
            else:
                if len(content.text.split()) < MIN_UNCUED_WORDS:
                    continue
                speaker, conduit, cue_span, reason = Speaker(None, "unknown"), None, None, "direct:no_cue"
            if direct.multi:
                reason += ":multi_paragraph"
            quote = Quote(content_id("q_", article_id, content.start, content.end), "direct", content,
                          cue_span, speaker, conduit, reason)
            previous_direct = (quote, direct)
        elif kind == "indirect":
            verb, (start, end) = payload  # type: ignore[misc]
            speaker, why = resolve_speaker(subject_of(verb), index, state)
            content = Span.of(text, start, end)
            quote = Quote(content_id("q_", article_id, start, end), "indirect", content,
                          Span.of(text, verb.idx, verb.idx + len(verb)), speaker, find_conduit(verb, index),
                          f"indirect:ccomp_of_{verb.lemma_}:{why}")
        else:
            source, (start, end), according = payload  # type: ignore[misc]
            conduit = None
            relayed = _quoting_source(according)
            if relayed is not None:
                # "According to Yonhap, quoting KCNA, ...": KCNA said it, Yonhap relayed it.
                tokens = phrase_tokens(source)
                conduit = Conduit(Span.of(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1])).text)
                source = relayed
            speaker, why = resolve_speaker(source, index, state)
            content = Span.of(text, start, end)
            to = next((c for c in according.children if c.lower_ == "to"), according)
            cue = Span.of(text, according.idx, to.idx + len(to))  # "According to", as the guide writes cues
            quote = Quote(content_id("q_", article_id, start, end), "indirect", content, cue, speaker, conduit,
                          f"indirect:according_to{'_quoting' if relayed is not None else ''}:{why}")
        quotes.append(quote)
    return quotes


def _colon_speaker(doc: Doc, text: str, direct: _Direct):  # type: ignore[no-untyped-def]
    """The words before a colon that opens a headline ("Minister: ..."), if short."""
    start = direct.paragraph[0]
    colon = text.find(":", start, direct.start)
    if colon < 0 or len(text[start:colon].split()) > 6:
        return None
    span = doc.char_span(start, colon, alignment_mode="contract")
    return span if span is not None and len(span) else None


def _quoting_source(according: Token) -> Token | None:
    """The object of a "quoting ..." participle in the sentence of an "according to" (the original source),
    preferring a name in apposition ("North Korea's main news agency Korean Central News Agency")."""
    for tok in according.sent:
        if tok.lower_ == "quoting" and tok.dep_ in ("advcl", "xcomp", "acl", "prep", "pcomp"):
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is None:
                return None
            named = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            return named or obj
    return None


def _follows(text: str, earlier: _Direct, later: _Direct) -> bool:
    """``later`` opens the paragraph right after the one where ``earlier`` ended."""
    next_para = text.find("\n", earlier.end)
    return next_para >= 0 and later.paragraph[0] == next_para + 1 and later.start <= later.paragraph[0] + 1


QUOTE_MARKS = '"\u201c\u201d\u00ab\u00bb\u201e'
_MARKS = QUOTE_MARKS


def _quote_type(text: str) -> str:
    core = text.strip()
    if len(core) >= 2 and core[0] in _MARKS and (core[-1] in _MARKS or core.rstrip(".,;:!?")[-1:] in _MARKS):
        inner = core[1:].rstrip(".,;:!?")[:-1] if core[-1] not in _MARKS else core[1:-1]
        if not any(m in inner for m in "\u201c\u201d\u00ab\u00bb"):
            return "direct"
    return "mixed" if any(m in core for m in _MARKS) else "indirect"


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The content without the quotation marks around it (the export convention)."""
    while start < end and (text[start] in _MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _MARKS or text[end - 1].isspace()):
        end -= 1
    return start, end


def quotes_from_attributions(doc: Doc, attributions, index: EntityIndex, article_id: str,  # type: ignore[no-untyped-def]
                             warnings: list[str], *, mode: str = "hybrid") -> list[Quote]:
    """Quotes from the attribution model.

    ``hybrid``: rule-found direct quotes (quotation marks are reliable, and the rules know multi-paragraph
    quotes and cue-less continuations), the model's other attributions whose cue is speech, and rule-found
    indirect quotes the model missed. ``model``: all the model's attributions (PolNeAR's
    scope: speech, writing, beliefs and intentions), plus rule-found indirect quotes where it found nothing.
    """
    text = doc.text
    if mode == "model":
        state = SpeakerState()
        index.exclude_spans = [(a.start, a.end) for a in attributions]
        found = [_model_quote(doc, a, index, article_id, state, text) for a in sorted(attributions, key=lambda a: a.start)]
        found = [q for q in found if q is not None]
        index.exclude_spans = []
        rule_quotes = find_quotes(doc, index, article_id, warnings)
        found = [_second_opinion(_rules_extent(q, rule_quotes, text), rule_quotes) for q in found]
        # What only the rules know about quotation marks: quotes over several paragraphs, cue-less
        # continuations of the previous speaker and headline quotes. Their quote replaces the tagger's.
        known = [q for q in rule_quotes if q.type == "direct" and any(k in q.reason for k in _RULES_KNOW)]
        found = [q for q in found if not any(_overlaps(q.content, k.content) for k in known)] + known
        return _plus_missed_indirect(found, rule_quotes)
    rule_quotes = find_quotes(doc, index, article_id, warnings)
    directs = [q for q in rule_quotes if q.type == "direct"]
    taken = [(q.content.start - 1, q.content.end + 1) for q in directs]
    state = SpeakerState()
    for q in directs:  # pronouns in model quotes may refer to direct-quote speakers
        if q.speaker.kind == "person":
            state.last_person = q.speaker
    index.exclude_spans = [(q.content.start, q.content.end) for q in directs]
    model_quotes: list[Quote] = []
    for a in sorted(attributions, key=lambda a: a.start):
        if any(s < a.end and a.start < e for s, e in taken):
            continue
        if a.cue is None or not _is_speech_cue(a.cue):
            continue
        quote = _model_quote(doc, a, index, article_id, state, text)
        if quote is not None:
            model_quotes.append(quote)
    return _plus_missed_indirect(directs + model_quotes, rule_quotes)


_RULES_KNOW = ("continuation", "multi_paragraph", "headline")


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _plus_missed_indirect(quotes: list[Quote], rule_quotes: list[Quote]) -> list[Quote]:
    """``quotes`` and the indirect speech the tagger missed, as the rules find it ("X said (that) ...",
    "according to X"): rule quotes that overlap none of them. In text order."""
    missed = [q for q in rule_quotes if q.type != "direct" and not any(_overlaps(q.content, f.content) for f in quotes)]
    return sorted(quotes + missed, key=lambda q: q.content.start)


def _is_speech_cue(cue) -> bool:  # type: ignore[no-untyped-def]
    """Speech, writing or a stated position ("said", "according to", "calls"), not belief or intention
    ("thinks", "wants"), which PolNeAR also annotates but a ledger of who said what does not."""
    return any(t.lemma_ in REPORTING_VERBS or t.lemma_ in OBJECT_SPEECH_VERBS or t.lower_ == "according"
               for t in cue)


def _model_quote(doc: Doc, a, index: EntityIndex, article_id: str, state: SpeakerState,  # type: ignore[no-untyped-def]
                 text: str) -> Quote | None:
    """``text`` is ``doc.text``, passed in: spaCy rebuilds ``Doc.text`` on every access (it was most of the
    model mode's linking time)."""
    start, end = a.start, a.end
    qtype = _quote_type(text[start:end])
    if qtype == "direct":
        start, end = _strip_marks(text, start, end)
    if end <= start:
        return None
    cue_span = Span.of(text, a.cue.start_char, a.cue.end_char) if a.cue is not None else None
    conduit = find_conduit(a.cue.root, index) if a.cue is not None else None
    if a.source is not None:
        head = a.source.root
        while head.dep_ in ("compound", "poss") and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
            head = head.head  # the tagger marked "Gbagbo" of "Gbagbo spokeswoman, Jacqueline Oble"
        speaker, why = resolve_speaker(head, index, state)
        speaker = Speaker(speaker.name, speaker.kind, speaker.role, speaker.entity_id,
                          _source_phrase(doc, a.source.root, a, (a.source.start, a.source.end), text))
    elif a.cue is not None and subject_of(a.cue.root) is not None:
        subject = subject_of(a.cue.root)
        speaker, why = resolve_speaker(subject, index, state)
        speaker = Speaker(speaker.name, speaker.kind, speaker.role, speaker.entity_id,
                          _source_phrase(doc, subject, a, (subject.i, subject.i + 1), text))
    else:
        speaker, why = Speaker(None, "unknown"), "no_source"
    pieces = tuple(Span.of(text, p.start_char, p.end_char) for p in a.pieces)
    return Quote(content_id("q_", article_id, start, end), qtype, Span.of(text, start, end), cue_span, speaker,
                 conduit, f"model:{qtype}:{'+'.join(a.reason)}:{why}", pieces, _scope(qtype, a.cue))


def _scope(qtype: str, cue) -> str:  # type: ignore[no-untyped-def]
    """``speech`` for words in quotation marks or under a cue of speech or writing, else ``thought``."""
    if qtype != "indirect":
        return "speech"
    if cue is not None and any(t.lemma_.lower() in SPEECH_CUES or t.lower_ in SPEECH_CUES for t in cue):
        return "speech"
    return "thought"


def _second_opinion(quote: Quote, rule_quotes: list[Quote]) -> Quote:
    """The rules' speaker for a model quote when the rules found the same quote (half its extent or more) and
    named someone else: they know "according to X, quoting Y", cue-less continuations and apposition roles,
    which the tagger's source span does not carry. An anonymous source of the rules ("reports suggested")
    replaces only a speaker the model could not resolve."""
    def overlap(q: Quote) -> float:
        a, b = quote.content, q.content
        inter = min(a.end, b.end) - max(a.start, b.start)
        return inter / (max(a.end, b.end) - min(a.start, b.start)) if inter > 0 else 0.0

    same = max(rule_quotes, key=overlap, default=None)
    if (same is None or overlap(same) < 0.5 or same.speaker.kind == "unknown"
            or (same.speaker.kind == "anonymous" and quote.speaker.kind != "unknown")
            or same.speaker.name == quote.speaker.name):
        return quote
    mention = quote.speaker.mention
    if mention is None or same.speaker.mention is None or not (
            mention.start < same.speaker.mention.end and same.speaker.mention.start < mention.end):
        mention = same.speaker.mention
    speaker = Speaker(same.speaker.name, same.speaker.kind, same.speaker.role, same.speaker.entity_id, mention)
    return replace(quote, speaker=speaker, conduit=same.conduit or quote.conduit,
                   reason=f"{quote.reason}:speaker_from_rules")


def _rules_extent(quote: Quote, rule_quotes: list[Quote], text: str) -> Quote:
    """An indirect quote the tagger cut short inside its clause takes the rules' end when the rules found the
    same content under the same cue, starting at the same place ("claimed it was - like the United States -
    attacking only Islamist terrorist groups", which the tagger ends at the dash)."""
    if quote.type != "indirect" or quote.cue is None or len(quote.pieces) > 1:
        return quote
    longer = [q for q in rule_quotes if q.type == "indirect" and q.cue is not None
              and q.cue.start == quote.cue.start and q.content.start == quote.content.start
              and q.content.end > quote.content.end and "\n" not in text[quote.content.end:q.content.end]]
    if not longer:
        return quote
    content = Span.of(text, quote.content.start, max(q.content.end for q in longer))
    return replace(quote, content=content, pieces=(content,), reason=f"{quote.reason}:extent_from_rules")


def _source_phrase(doc: Doc, head: Token, a, fallback: tuple[int, int], text: str) -> Span:  # type: ignore[no-untyped-def]
    """The whole noun phrase of a source ("Experts on North Korea and nuclear nonproliferation", "Ban
    Ki-moon, the secretary general of the United Nations,"), as PolNeAR marks sources; the tagger and the
    parse often give only its head. Falls back to ``fallback`` (token offsets) when the phrase would run
    into the content or the cue."""
    start, end = fallback
    if head.dep_ in ("nsubj", "nsubjpass", "pobj"):
        left, right = head.left_edge.i, head.right_edge.i + 1
        taken = [(p.start, p.end) for p in a.pieces] + ([(a.cue.start, a.cue.end)] if a.cue is not None else [])
        if not any(s < right and left < e for s, e in taken):
            start, end = min(start, left), max(end, right)
    while end - 1 > start and (doc[end - 1].is_space or doc[end - 1].text in ("-", "--", "\u2014")):
        end -= 1
    return Span.of(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def _next_paragraph(text: str, earlier_end: int, later_start: int) -> bool:
    between = text[earlier_end:later_start]
    return between.count("\n") == 1 and not between.replace("\n", "").strip(_MARKS + " ")
