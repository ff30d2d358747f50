// The article reader: clean text with quotes highlighted per speaker and event triggers underlined;
// side panels list both; hovering, focusing or clicking a mark shows its details. Article text goes through
// literalText(): a bidi control in it is a visible marker, so it cannot reorder the rest of its paragraph.
import { get } from "./api.js";
import { clear, dash, el, empty, link, literalText } from "./dom.js";

const COLOURS = 8;

function speakerLabel(q) {
  const s = q.speaker || {};
  return s.name || (s.kind === "anonymous" ? "unnamed source" : "unknown speaker");
}

function quoteFacts(q) {
  const s = q.speaker || {};
  return [
    ["Speaker", speakerLabel(q)],
    ["Role", s.role],
    ["Kind", s.kind],
    ["Cue", q.cue && q.cue.text],
    ["Conduit", q.conduit && q.conduit.name],
    ["Type", q.type],
  ];
}

function eventFacts(e) {
  return [
    ["Category", e.category + (e.mode ? ` (${e.mode})` : "")],
    ["Status", e.status + (e.claimed_by ? ` by ${e.claimed_by.name || "?"}` : "")],
    ["Trigger", e.trigger.text],
    ["Actor", e.actor && e.actor.name],
    ["Target", e.target && e.target.name],
    ["Place", e.place && (e.place.name + (e.place.country ? `, ${e.place.country}` : ""))],
    ["Date", e.date && (e.date.value || (e.date.mention && `"${e.date.mention.text}" (unresolved)`))],
  ];
}

function factList(title, facts) {
  return el("div", {}, el("h3", { text: title }),
    el("dl", {}, facts.filter(([, v]) => v).map(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])));
}

// Pieces of one paragraph [start, end): each with the quote and events covering it.
function pieces(start, end, quotes, events) {
  const cuts = new Set([start, end]);
  for (const s of [...quotes.map((q) => q.content), ...events.map((e) => e.trigger)]) {
    if (s.start > start && s.start < end) cuts.add(s.start);
    if (s.end > start && s.end < end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = quotes.filter((q) => q.content.start <= a && q.content.end >= b);
    covering.sort((x, y) => (x.content.end - x.content.start) - (y.content.end - y.content.start));
    out.push({ a, b, quote: covering[0] || null, events: events.filter((e) => e.trigger.start <= a && e.trigger.end >= b) });
  }
  return out;
}

export async function articleReader({ arg }) {
  const article = await get("/api/articles/" + encodeURIComponent(arg));
  const text = article.text;
  const quotes = article.quotes.map((q, i) => ({ ...q, n: i }));
  const events = article.events.map((e, i) => ({ ...e, n: i }));
  const colour = new Map();
  for (const q of quotes) {
    const key = speakerLabel(q);
    if (!colour.has(key)) colour.set(key, colour.size % COLOURS);
  }

  const inspector = el("aside", { class: "inspector", "aria-live": "polite" },
    el("p", { class: "hint", text: "Hover over, focus or click a highlighted quote or an underlined event to see its details." }));
  let pinned = null;
  const show = (kind, item, pin) => {
    if (pinned && !pin && pinned !== item) return;
    if (pin) pinned = pinned === item ? null : item;
    clear(inspector).append(kind === "quote" ? factList("Quote", quoteFacts(item)) : factList("Event", eventFacts(item)));
    for (const node of body.querySelectorAll(".active")) node.classList.remove("active");
    const selector = kind === "quote" ? `[data-quote="${item.n}"]` : `[data-event="${item.n}"]`;
    for (const node of body.querySelectorAll(selector)) node.classList.add("active");
  };
  const handlers = (kind, item) => ({
    onmouseenter: () => show(kind, item, false),
    onfocus: () => show(kind, item, false),
    onclick: (event) => { event.stopPropagation(); show(kind, item, true); },
    onkeydown: (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); show(kind, item, true); } },
  });

  const body = el("div", { class: "article-text" });
  const firstPiece = new Set();
  let offset = 0;
  for (const line of text.split("\n")) {
    const start = offset;
    const end = start + line.length;
    offset = end + 1;
    if (!line.trim()) continue;
    const para = el("p", {});
    for (const { a, b, quote, events: evs } of pieces(start, end, quotes, events)) {
      let node = literalText(text.slice(a, b));
      for (const e of evs) {
        const first = !firstPiece.has("e" + e.n);
        firstPiece.add("e" + e.n);
        node = el("span", { class: `ev st-${e.status}`, dataset: { event: e.n }, tabindex: first ? 0 : null,
          role: first ? "button" : null, title: `${e.category} · ${e.status}${e.place ? " · " + e.place.name : ""}${e.date && e.date.value ? " · " + e.date.value : ""}`,
          ...handlers("event", e) }, node);
      }
      if (quote) {
        const first = !firstPiece.has("q" + quote.n);
        firstPiece.add("q" + quote.n);
        node = el("mark", { class: `q spk-${colour.get(speakerLabel(quote))} ${quote.type}`, dataset: { quote: quote.n },
          tabindex: first ? 0 : null, role: first ? "button" : null,
          title: `${speakerLabel(quote)}${quote.speaker.role ? ", " + quote.speaker.role : ""} (${quote.type})`,
          ...handlers("quote", quote) }, node);
      }
      para.append(node);
    }
    body.append(para);
  }

  const jump = (kind, item) => {
    const target = body.querySelector(kind === "quote" ? `[data-quote="${item.n}"]` : `[data-event="${item.n}"]`);
    if (target) { target.scrollIntoView({ block: "center" }); target.focus(); }
    show(kind, item, true);
  };
  const quotePanel = el("section", { class: "panel", "aria-label": "Quotes" }, el("h2", { text: `Quotes (${quotes.length})` }),
    quotes.length ? el("ol", { class: "side-list" }, quotes.map((q) => el("li", {},
      el("button", { type: "button", class: "side-item", onclick: () => jump("quote", q) },
        el("span", { class: `chip spk-${colour.get(speakerLabel(q))}`, text: speakerLabel(q) }),
        el("span", { class: "tag", text: q.type }),
        el("span", { class: "snippet" }, literalText(q.content.text)))))) : empty("No quotes found in this article."));
  const eventPanel = el("section", { class: "panel", "aria-label": "Events" }, el("h2", { text: `Events (${events.length})` }),
    events.length ? el("ol", { class: "side-list" }, events.map((e) => el("li", {},
      el("button", { type: "button", class: "side-item", onclick: () => jump("event", e) },
        el("span", { class: "tag cat", text: e.category }),
        el("span", { class: `tag st-${e.status}`, text: e.status }),
        el("span", { class: "snippet" }, literalText(`${e.trigger.text}${e.place ? " · " + e.place.name : ""}${e.date && e.date.value ? " · " + e.date.value : ""}`)))))) : empty("No events found in this article."));

  const meta = el("p", { class: "meta" },
    `${dash(article.source)} · ${dash(article.pubdate)}`,
    article.url ? [" · ", el("span", { class: "url", text: article.url })] : null,
    ` · ${article.id}`);
  const legend = el("p", { class: "legend" }, [...colour.entries()].map(([name, c]) => el("span", { class: `chip spk-${c}`, text: name })));
  return el("article", { class: "reader" },
    el("p", {}, link("articles", "← All articles")),
    el("h1", { text: article.title || article.input_id || article.id }), meta, legend,
    el("div", { class: "reader-grid" }, body, el("div", { class: "sidebar" }, inspector, quotePanel, eventPanel)));
}
