// Events: filters, a map of the geocoded ones, a timeline by date, and a table.
import { facets, get } from "./api.js";
import { dash, el, empty, filterForm, link, pager } from "./dom.js";
import { eventMap } from "./map.js";
import { timeline } from "./timeline.js";

const FILTERS = ["category", "status", "country", "place", "date_from", "date_to"];

export async function eventsView({ params, go }) {
  const filters = Object.fromEntries(FILTERS.filter((k) => params[k]).map((k) => [k, params[k]]));
  const [f, page, geo, all] = await Promise.all([
    facets(),
    get("/api/events", { ...filters, limit: 50, offset: params.offset || 0 }),
    get("/api/events", { ...filters, format: "geojson", limit: 5000 }),
    get("/api/events", { ...filters, limit: 500 }),
  ]);
  const form = filterForm([
    ["category", "Category", "select", f.categories],
    ["status", "Status", "select", f.statuses],
    ["country", "Country", "select", f.countries],
    ["place", "Place", "text"],
    ["date_from", "From", "date"],
    ["date_to", "To", "date"],
  ], params, (values) => go("events", values));

  const mapBox = el("div", { class: "map", id: "event-map", role: "region", "aria-label": "Map of geocoded events" });
  const mapNote = el("p", { class: "hint", text: geo.total
    ? `${geo.total} geocoded event${geo.total === 1 ? "" : "s"} on the map.`
    : "No event matching these filters has a geocoded place." });
  const dated = all.items.filter((e) => e.date && e.date.value);
  const timeBox = dated.length
    ? timeline(dated, (date) => go("events", { ...filters, date_from: date.from, date_to: date.to }))
    : empty("No dated events to place on the timeline.");
  if (all.total > all.items.length) timeBox.append(el("p", { class: "hint", text: `Timeline of the first ${all.items.length} of ${all.total} events.` }));

  const table = page.items.length ? el("table", { class: "grid events" },
    el("thead", {}, el("tr", {}, ["Date", "Category", "Status", "Actor", "Trigger", "Target", "Place", "Article"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, page.items.map((e) => el("tr", {},
      el("td", { text: e.date ? dash(e.date.value) : "–" }),
      el("td", { text: e.category }),
      el("td", {}, el("span", { class: `tag st-${e.status}`, text: e.status })),
      el("td", { text: e.actor ? e.actor.name : "–" }),
      el("td", { text: e.trigger.text, title: e.evidence ? e.evidence.text : null }),
      el("td", { text: e.target ? e.target.name : "–" }),
      el("td", { text: e.place ? e.place.name + (e.place.country ? ` (${e.place.country})` : "") : "–" }),
      el("td", {}, link("article/" + encodeURIComponent(e.article_id), e.source || e.title || e.article_id))))))
    : empty("No events match these filters.", "Clear the filters to see every event.");

  const view = el("section", {}, el("h1", { text: "Events" }), form,
    el("div", { class: "event-grid" },
      el("div", {}, el("h2", { text: "Map" }), mapBox, mapNote),
      el("div", {}, el("h2", { text: "Timeline" }), timeBox)),
    el("h2", { text: `Table (${page.total})` }), table,
    pager(page, (offset) => go("events", { ...filters, offset })));
  requestAnimationFrame(() => eventMap(mapBox, geo.features));
  return view;
}
