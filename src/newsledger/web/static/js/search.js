// Search results: articles and quotes containing the query.
import { get } from "./api.js";
import { dash, el, empty, link } from "./dom.js";

export async function searchView({ params }) {
  const q = (params.q || "").trim();
  const box = document.getElementById("search-q");
  if (box && box.value !== q) box.value = q;
  if (!q) return el("section", {}, el("h1", { text: "Search" }), empty("Type words in the search box above."));
  const r = await get("/api/search", { q, limit: 30 });
  return el("section", {},
    el("h1", {}, "Search: ", el("q", { text: q })),
    el("h2", { text: `Articles (${r.articles.total})` }),
    r.articles.items.length ? el("ul", { class: "articles" }, r.articles.items.map((a) => el("li", {},
      link("article/" + encodeURIComponent(a.id), a.title || a.id, { class: "title" }),
      el("span", { class: "meta", text: `${dash(a.source)} · ${dash(a.pubdate)}` })))) : empty("No article contains this."),
    el("h2", { text: `Quotes (${r.quotes.total})` }),
    r.quotes.items.length ? el("ul", { class: "quotes" }, r.quotes.items.map((item) => el("li", {},
      el("blockquote", { text: item.content.text }),
      el("p", { class: "meta" }, `${item.speaker.name || "unknown speaker"} · ${dash(item.source)} · ${dash(item.pubdate)} · `,
        link("article/" + encodeURIComponent(item.article_id), item.title || item.article_id))))) : empty("No quote contains this."));
}
