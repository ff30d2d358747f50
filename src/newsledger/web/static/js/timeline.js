// A timeline: one SVG bar per date (day, month or year as the events are dated), height = event count.
import { el, svg } from "./dom.js";

function range(value) {
  if (value.length === 10) return { from: value, to: value };
  if (value.length === 7) {
    const [y, m] = value.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { from: `${value}-01`, to: `${value}-${String(last).padStart(2, "0")}` };
  }
  return { from: `${value.slice(0, 4)}-01-01`, to: `${value.slice(0, 4)}-12-31` };
}

export function timeline(events, onPick) {
  const counts = new Map();
  for (const e of events) {
    const key = e.date.value.slice(0, 10);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const dates = [...counts.keys()].sort();
  const max = Math.max(...counts.values());
  const barW = 22, gap = 6, height = 120, top = 16, label = 72;
  const width = Math.max(200, dates.length * (barW + gap) + gap);
  const chart = svg("svg", { class: "timeline", width, height: height + top + label, viewBox: `0 0 ${width} ${height + top + label}`, role: "img", "aria-label": `Events by date, ${dates.length} dates` });
  dates.forEach((date, i) => {
    const n = counts.get(date);
    const h = Math.max(2, Math.round((n / max) * height));
    const x = gap + i * (barW + gap);
    const bar = svg("g", { class: "bar", tabindex: 0, role: "button", "aria-label": `${date}: ${n} events` },
      svg("title", {}, `${date}: ${n} event${n === 1 ? "" : "s"}`),
      svg("rect", { x, y: top + height - h, width: barW, height: h, rx: 2 }),
      svg("text", { x: x + barW / 2, y: top + height - h - 3, "text-anchor": "middle", class: "n" }, String(n)),
      svg("text", { x: x + barW / 2, y: top + height + 8, transform: `rotate(60 ${x + barW / 2} ${top + height + 8})`, class: "d" }, date));
    const pick = () => onPick(range(date));
    bar.addEventListener("click", pick);
    bar.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
    chart.append(bar);
  });
  return el("div", { class: "timeline-box" }, chart, el("p", { class: "hint", text: "Click a bar (or focus it and press Enter) to filter to that date." }));
}
