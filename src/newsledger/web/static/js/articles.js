// Articles: a filtered, paged list.
import { facets, get } from "./api.js";
import { dash, el, empty, filterForm, link, pager } from "./dom.js";

export async function articleList({ params, go }) {
  const [f, page] = await Promise.all([facets(), get("/api/articles", { ...params, limit: 25 })]);
  const apply = (values) => go("articles", values);
  const form = filterForm([
    ["source", "Outlet", "select", f.sources],
    ["date_from", "From", "date"],
    ["date_to", "To", "date"],
    ["q", "Text", "text"],
  ], params, apply);
  const list = page.items.length
    ? el("ol", { class: "articles", start: page.offset + 1 }, page.items.map((a) => el("li", {},
        link("article/" + encodeURIComponent(a.id), a.title || a.input_id || a.id, { class: "title" }),
        el("span", { class: "meta", text: `${dash(a.source)} · ${dash(a.pubdate)} · ${a.n_quotes} quotes · ${a.n_events} events` }))))
    : empty("No articles match these filters.", "Clear the filters, or ingest articles with 'newsledger ingest'.");
  return el("section", {},
    el("h1", { text: "Articles" }), form, list,
    pager(page, (offset) => go("articles", { ...params, offset })));
}
