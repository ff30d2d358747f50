// The events map: Leaflet over the Natural Earth countries (world-atlas, vendored): no tiles, no network.
import { el } from "./dom.js";

let countries = null;
function loadCountries() {
  if (!countries) {
    countries = fetch("/static/vendor/world-atlas/countries-110m.json")
      .then((r) => r.json())
      .then((topo) => window.topojson.feature(topo, topo.objects.countries))
      .catch((err) => { countries = null; throw err; });
  }
  return countries;
}

function popup(p) {
  return el("div", { class: "popup" },
    el("strong", { text: `${p.category} · ${p.status}` }),
    el("div", { text: `${p.trigger} — ${p.place}${p.country ? ", " + p.country : ""}` }),
    el("div", { text: p.date || "undated" }),
    el("a", { href: "#/article/" + encodeURIComponent(p.article_id), text: p.title || p.source || "article" }));
}

export async function eventMap(box, features) {
  if (!window.L || !box.isConnected) return;
  const map = window.L.map(box, { worldCopyJump: true, attributionControl: true, minZoom: 1, maxZoom: 10 })
    .setView([25, 15], 1);
  map.attributionControl.setPrefix(false).addAttribution("Natural Earth");
  try {
    const land = await loadCountries();
    window.L.geoJSON(land, { style: { color: "#8a97a6", weight: 0.6, fillColor: "#e7ebef", fillOpacity: 1 }, interactive: false }).addTo(map);
  } catch (_) {
    box.classList.add("no-basemap");
  }
  const markers = features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    return window.L.circleMarker([lat, lon], { radius: 7, weight: 1.5, color: "#7a1f1f", fillColor: "#d0433b", fillOpacity: 0.85, className: "event-marker" })
      .bindPopup(popup(f.properties))
      .bindTooltip(`${f.properties.category}: ${f.properties.trigger} (${f.properties.place})`);
  });
  if (markers.length) {
    const group = window.L.featureGroup(markers).addTo(map);
    map.fitBounds(group.getBounds().pad(2), { maxZoom: 5 });
  }
}
