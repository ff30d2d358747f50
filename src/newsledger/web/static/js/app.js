// The router: "#/view/arg?params" → a view that fills <main>. Views only read the API and build DOM.
import { ApiError, facets } from "./api.js";
import { clear, el, empty, routeTo } from "./dom.js";
import { articleList } from "./articles.js";
import { articleReader } from "./reader.js";
import { speakerList, speakerPage } from "./speakers.js";
import { eventsView } from "./events.js";
import { disputesView } from "./disputes.js";
import { searchView } from "./search.js";

const VIEWS = {
  articles: articleList,
  article: articleReader,
  speakers: speakerList,
  speaker: speakerPage,
  events: eventsView,
  disputes: disputesView,
  search: searchView,
};
const NAV = { article: "articles", speaker: "speakers" };

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  const [view, ...rest] = (path || "articles").split("/");
  return { view, arg: rest.length ? decodeURIComponent(rest.join("/")) : null, params: Object.fromEntries(new URLSearchParams(query || "")) };
}

export function go(view, params) {
  location.hash = "#/" + routeTo(view, params);
}

let current = 0;
async function render() {
  const { view, arg, params } = parseHash();
  const main = document.getElementById("main");
  const draw = VIEWS[view];
  for (const a of document.querySelectorAll("nav a")) {
    a.toggleAttribute("aria-current", a.dataset.view === (NAV[view] || view));
  }
  const token = ++current;
  const box = el("div", { class: "view", "aria-busy": "true" }, el("p", { class: "loading", text: "Loading…" }));
  clear(main).append(box);
  if (!draw) {
    clear(box).append(empty("No such page.", "Use the menu above."));
    return;
  }
  try {
    const content = await draw({ arg, params, go });
    if (token !== current) return;
    clear(box).append(content);
  } catch (err) {
    if (token !== current) return;
    const message = err instanceof ApiError ? `${err.message} (${err.status})` : String(err && err.message || err);
    clear(box).append(el("div", { class: "error", role: "alert" }, el("strong", { text: "Could not load this view. " }), message));
  } finally {
    box.removeAttribute("aria-busy");
  }
}

function footer() {
  facets().then((f) => {
    const c = f.counts;
    document.getElementById("foot").textContent =
      `${c.articles} articles · ${c.quotes} quotes · ${c.speakers} speakers · ${c.events} events`;
  }).catch(() => {});
}

document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("search-q").value.trim();
  if (q) go("search", { q });
});
window.addEventListener("hashchange", render);
window.addEventListener("DOMContentLoaded", () => { render(); footer(); });
if (document.readyState !== "loading") { render(); footer(); }
