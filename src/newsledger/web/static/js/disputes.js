// Disputes: both sides of each conflicting report, with speakers, outlets and evidence.
import { get } from "./api.js";
import { dash, el, empty, link, pager } from "./dom.js";

function side(s, i) {
  const evidence = s.evidence && s.evidence.text;
  return el("div", { class: "side" },
    el("h3", { text: `Side ${i + 1}: ${dash(s.claim)}` }),
    el("p", { class: "meta" }, `${dash(s.speaker)} · ${dash(s.source)}`,
      s.article_id ? [" · ", link("article/" + encodeURIComponent(s.article_id), "read the article")] : null),
    evidence ? el("blockquote", { text: evidence }) : null);
}

export async function disputesView({ params, go }) {
  const page = await get("/api/disputes", { ...params, limit: 20 });
  if (!page.available) {
    return el("section", {}, el("h1", { text: "Disputes" }),
      empty("This ledger has no disputes yet.", "Disputes appear when conflicting reports of one event are found across articles."));
  }
  const list = page.items.length ? page.items.map((d) => el("article", { class: "dispute" },
    el("h2", { text: `${dash(d.kind)} dispute` }),
    el("p", { class: "meta", text: `${dash(d.id)} · ledger event ${dash(d.ledger_event_id)}` }),
    el("div", { class: "sides" }, (d.sides || []).map(side))))
    : empty(params.kind ? "No disputes of this kind." : "No disputes in this ledger yet.",
      "Disputes appear when conflicting reports of one event are found across articles.");
  return el("section", {}, el("h1", { text: "Disputes" }), list,
    pager(page, (offset) => go("disputes", { ...params, offset })));
}
