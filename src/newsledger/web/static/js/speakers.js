// Speakers: who is quoted, how often, where; one speaker's quotes by date and outlet.
import { get } from "./api.js";
import { dash, el, empty, filterForm, link, pager } from "./dom.js";

export async function speakerList({ params, go }) {
  const page = await get("/api/speakers", { ...params, limit: 50 });
  const form = filterForm([["name", "Name", "text"]], params, (values) => go("speakers", values));
  const table = page.items.length ? el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, ["Speaker", "Quotes", "Articles", "Roles", "Outlets", "Dates"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, page.items.map((s) => el("tr", {},
      el("td", {}, link("speaker/" + encodeURIComponent(s.name), s.name)),
      el("td", { class: "num", text: s.quotes }),
      el("td", { class: "num", text: s.articles }),
      el("td", { text: s.roles.join("; ") || "–" }),
      el("td", { text: s.sources.join("; ") || "–" }),
      el("td", { text: s.first_date === s.last_date ? dash(s.first_date) : `${dash(s.first_date)} – ${dash(s.last_date)}` })))))
    : empty("No named speakers match.", "Speakers appear once articles with attributed quotes are ingested.");
  return el("section", {}, el("h1", { text: "Speakers" }), form, table,
    pager(page, (offset) => go("speakers", { ...params, offset })));
}

export async function speakerPage({ arg }) {
  const s = await get("/api/speakers/" + encodeURIComponent(arg));
  const byDate = new Map();
  for (const q of s.items) {
    const key = q.pubdate || "undated";
    if (!byDate.has(key)) byDate.set(key, []);
    byDate.get(key).push(q);
  }
  return el("section", {},
    el("p", {}, link("speakers", "← All speakers")),
    el("h1", { text: s.name }),
    el("p", { class: "meta", text: `${s.quotes} quotes in ${s.articles} articles · ${s.roles.join("; ") || "no role given"} · ${s.sources.join("; ")}` }),
    [...byDate.entries()].map(([date, quotes]) => el("div", { class: "day" },
      el("h2", { text: date }),
      el("ul", { class: "quotes" }, quotes.map((q) => el("li", {},
        el("blockquote", { text: q.content.text }),
        el("p", { class: "meta" }, `${q.type}${q.cue ? " · " + q.cue.text : ""}${q.conduit ? " · via " + q.conduit.name : ""} · ${dash(q.source)} · `,
          link("article/" + encodeURIComponent(q.article_id), q.title || q.article_id))))))));
}
