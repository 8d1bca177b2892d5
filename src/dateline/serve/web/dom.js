// Safe DOM building: text only ever goes in through text nodes, never through HTML parsing.
// Everything that came from an article (titles, sentences, names, URLs) is untrusted.

const SVG_NS = "http://www.w3.org/2000/svg";

// Attributes we ever set; anything else is a programming error (and never an event handler).
const ALLOWED = new Set([
  "class", "id", "title", "role", "tabindex", "type", "value", "name", "for", "placeholder",
  "list", "href", "rel", "target", "aria-label", "aria-pressed", "aria-live", "aria-expanded",
  "aria-hidden", "colspan", "selected", "disabled", "min", "max", "step", "autocomplete",
  "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "width", "height", "d",
  "viewBox", "transform", "text-anchor", "dominant-baseline", "preserveAspectRatio",
  "data-id", "data-start", "data-end", "data-quad", "data-status", "data-article",
]);

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (!ALLOWED.has(key)) throw new Error(`attribute not allowed: ${key}`);
    el.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An HTML element with attributes and children (strings become text nodes). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  return append(el, children);
}

/** An SVG element, the same way. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  return append(el, children);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  return append(clear(el), children);
}

/** A link only for http(s) URLs; anything else (javascript:, data:) stays plain text. */
export function safeLink(url, label) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:")) {
    return h("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank" },
      label || parsed.href);
  }
  return h("span", { class: "unsafe-url", title: "not an http(s) link: shown as text" }, url);
}

export const QUADS = {
  verbal_cooperation: "Verbal cooperation",
  material_cooperation: "Material cooperation",
  verbal_conflict: "Verbal conflict",
  material_conflict: "Material conflict",
};

export const STATUSES = ["occurred", "ongoing", "planned", "hypothetical", "negated"];

/** "2024-03-01" .. "2024-03-31" (month) -> "Mar 2024"; a day -> "12 Mar 2024". */
export function spanText(start, end, granularity) {
  if (!start && !end) return "undated";
  const fmt = (iso, opts) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB",
    { timeZone: "UTC", ...opts });
  if (!start) return `… ${fmt(end, { day: "numeric", month: "short", year: "numeric" })}`;
  if (granularity === "year") return start.slice(0, 4);
  if (granularity === "month") return fmt(start, { month: "short", year: "numeric" });
  const day = { day: "numeric", month: "short", year: "numeric" };
  if (!end || end === start) return fmt(start, day);
  return `${fmt(start, day)} – ${fmt(end, day)}`;
}
