// DOM helpers. Article text and every field from the API are untrusted: they only ever become text
// nodes (textContent) or attribute values set through the DOM, never HTML.

// Bidirectional controls (RLO U+202E and the like) in a value would reorder the UI text next to it on the
// same line. A text holding one is shown in <bdi> elements, which isolate it, one per " · "-separated part
// (the views join fields with " · "), so one field cannot reorder the next; the characters are still shown.
const BIDI_NAMES = {
  "\u061c": ["ALM", "ARABIC LETTER MARK"], "\u200e": ["LRM", "LEFT-TO-RIGHT MARK"],
  "\u200f": ["RLM", "RIGHT-TO-LEFT MARK"], "\u202a": ["LRE", "LEFT-TO-RIGHT EMBEDDING"],
  "\u202b": ["RLE", "RIGHT-TO-LEFT EMBEDDING"], "\u202c": ["PDF", "POP DIRECTIONAL FORMATTING"],
  "\u202d": ["LRO", "LEFT-TO-RIGHT OVERRIDE"], "\u202e": ["RLO", "RIGHT-TO-LEFT OVERRIDE"],
  "\u2066": ["LRI", "LEFT-TO-RIGHT ISOLATE"], "\u2067": ["RLI", "RIGHT-TO-LEFT ISOLATE"],
  "\u2068": ["FSI", "FIRST STRONG ISOLATE"], "\u2069": ["PDI", "POP DIRECTIONAL ISOLATE"],
};
const BIDI_CLASS = "[" + Object.keys(BIDI_NAMES).join("") + "]";
const BIDI_CONTROLS = new RegExp(BIDI_CLASS);
const BIDI_SPLIT = new RegExp("(" + BIDI_CLASS + ")");

// Article text: inside a paragraph a control would reorder the rest of it (an RLO turns "said on Monday"
// around), so each one is shown as a visible marker (its short name, the code point in its title) and not
// applied. Everything else stays text nodes; the marker stands for exactly one character of the text.
export function literalText(text) {
  const out = document.createDocumentFragment();
  String(text).split(BIDI_SPLIT).forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) out.append(document.createTextNode(part));
      return;
    }
    const code = "U+" + part.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
    const [short, name] = BIDI_NAMES[part];
    out.append(el("span", { class: "bidi-mark", dataset: { code }, title: `${code} ${name} (shown, not applied)`,
      text: short }));
  });
  return out;
}

function textOf(value) {
  const text = String(value);
  if (!BIDI_CONTROLS.test(text)) return document.createTextNode(text);
  const parts = document.createDocumentFragment();
  text.split(" · ").forEach((part, i) => {
    if (i) parts.append(" · ");
    const isolated = document.createElement("bdi");
    isolated.textContent = part;
    parts.append(isolated);
  });
  return parts;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.replaceChildren(textOf(value));
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : textOf(child));
  }
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  append(node, children);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// A link inside the app: only "#/..." routes built here, never a URL taken from the data.
export function link(route, text, attrs = {}) {
  return el("a", { ...attrs, href: "#/" + route, text });
}

export function routeTo(view, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  const qs = query.toString();
  return view + (qs ? "?" + qs : "");
}

export function empty(message, hint) {
  return el("div", { class: "empty", role: "status" }, el("p", { text: message }), hint ? el("p", { class: "hint", text: hint }) : null);
}

export function dash(value) {
  return value === null || value === undefined || value === "" ? "–" : String(value);
}

export function pager(page, onMove) {
  const { total, limit, offset } = page;
  if (total <= limit && offset === 0) return el("p", { class: "count", text: `${total} shown` });
  const last = Math.min(offset + limit, total);
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: offset <= 0, onclick: () => onMove(Math.max(0, offset - limit)) }, "← Previous"),
    el("span", { text: total ? `${offset + 1}–${last} of ${total}` : "0 of 0" }),
    el("button", { type: "button", disabled: last >= total, onclick: () => onMove(offset + limit) }, "Next →"));
}

// A filter form: fields are [name, label, kind ("text"|"date"|"select"), options?]; submit calls onApply(values).
export function filterForm(fields, values, onApply) {
  const form = el("form", { class: "filters", "aria-label": "Filters" });
  for (const [name, label, kind, options] of fields) {
    const id = "f-" + name;
    let input;
    if (kind === "select") {
      input = el("select", { id, name }, el("option", { value: "", text: "any" }),
        (options || []).map((o) => el("option", { value: o, text: o, selected: values[name] === o })));
    } else {
      input = el("input", { id, name, type: kind, value: values[name] || "", maxlength: kind === "text" ? 200 : null });
    }
    form.append(el("label", { for: id }, el("span", { text: label }), input));
  }
  form.append(el("button", { type: "submit", text: "Apply" }),
    el("button", { type: "button", class: "secondary", text: "Clear", onclick: () => onApply({}) }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = {};
    for (const [key, value] of new FormData(form).entries()) if (value) data[key] = value;
    onApply(data);
  });
  return form;
}
