// A zoomable SVG timeline: events as points, intervals as bars, coloured by quad class,
// planned/hypothetical events hollow, negated ones faded. Wheel or buttons zoom, drag pans.
import { QUADS, clear, s, spanText } from "./dom.js";

const DAY = 86400000;
const LANE = 20;
const TOP = 10;
const AXIS = 30;
const PAD_X = 14;
const MAX_LANES = 14;
const MIN_SPAN = 3 * DAY;

const toMs = (iso) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

export class TimelineView {
  constructor(root, { onSelect, onView }) {
    this.root = root;
    this.onSelect = onSelect;
    this.onView = onView;
    this.items = [];
    this.full = null;
    this.view = null;
    this.selected = null;
    this.svg = s("svg", { class: "timeline-svg", role: "group", "aria-label": "Event timeline" });
    root.appendChild(this.svg);
    this.svg.addEventListener("wheel", (e) => this.wheel(e), { passive: false });
    this.svg.addEventListener("pointerdown", (e) => this.pointerDown(e));
    this.svg.addEventListener("dblclick", () => this.reset());
    new ResizeObserver(() => this.draw()).observe(root);
  }

  /** items: rows of /api/timeline; view: "YYYY-MM-DD..YYYY-MM-DD" or "" for everything. */
  setData(items, view) {
    this.items = items
      .filter((i) => i.date_start || i.date_end)
      .map((i) => ({
        row: i,
        t0: toMs(i.date_start || i.date_end),
        t1: toMs(i.date_end || i.date_start) + DAY,
      }));
    if (!this.items.length) {
      this.full = null;
      this.view = null;
    } else {
      const min = Math.min(...this.items.map((i) => i.t0));
      const max = Math.max(...this.items.map((i) => i.t1));
      const pad = Math.max((max - min) * 0.04, 20 * DAY);
      this.full = [min - pad, max + pad];
      this.view = this.parseView(view) || [...this.full];
    }
    this.draw();
  }

  parseView(view) {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(view || "");
    if (!m) return null;
    const [a, b] = [toMs(m[1]), toMs(m[2])];
    return Number.isFinite(a) && Number.isFinite(b) && b - a >= MIN_SPAN ? [a, b] : null;
  }

  select(id) {
    this.selected = id;
    for (const el of this.svg.querySelectorAll(".mark")) {
      el.classList.toggle("selected", el.getAttribute("data-id") === id);
    }
  }

  zoomBy(factor, centre) {
    if (!this.view) return;
    const [a, b] = this.view;
    const c = centre ?? (a + b) / 2;
    const fullSpan = this.full[1] - this.full[0];
    const span = Math.min(Math.max((b - a) * factor, MIN_SPAN), fullSpan * 1.5);
    const left = c - ((c - a) / (b - a)) * span;
    this.setView([left, left + span]);
  }

  reset() {
    if (this.full) this.setView([...this.full]);
  }

  setView(view) {
    this.view = view;
    this.draw();
    clearTimeout(this.viewTimer);
    const full = this.full && view[0] === this.full[0] && view[1] === this.full[1];
    this.viewTimer = setTimeout(
      () => this.onView(full ? "" : `${isoDay(view[0])}..${isoDay(view[1])}`), 250);
  }

  width() {
    return Math.max(this.root.clientWidth, 320);
  }

  x(t) {
    const [a, b] = this.view;
    return PAD_X + ((t - a) / (b - a)) * (this.width() - 2 * PAD_X);
  }

  t(x) {
    const [a, b] = this.view;
    return a + ((x - PAD_X) / (this.width() - 2 * PAD_X)) * (b - a);
  }

  wheel(e) {
    if (!this.view) return;
    e.preventDefault();
    const box = this.svg.getBoundingClientRect();
    this.zoomBy(Math.exp(e.deltaY * 0.0015), this.t(e.clientX - box.left));
  }

  pointerDown(e) {
    if (!this.view || e.button !== 0) return;
    const startX = e.clientX;
    const startView = [...this.view];
    const perPx = (startView[1] - startView[0]) / (this.width() - 2 * PAD_X);
    let dragging = false;
    const move = (ev) => {
      const dx = ev.clientX - startX;
      if (!dragging && Math.abs(dx) < 4) return;
      dragging = true;
      this.svg.classList.add("dragging");
      this.setView([startView[0] - dx * perPx, startView[1] - dx * perPx]);
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      this.svg.classList.remove("dragging");
      // A drag must not also count as a click on the mark it started on.
      if (dragging) this.svg.addEventListener("click", (ev) => ev.stopPropagation(),
        { capture: true, once: true });
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  }

  draw() {
    const svg = clear(this.svg);
    const width = this.width();
    if (!this.view) {
      svg.setAttribute("viewBox", `0 0 ${width} 60`);
      svg.setAttribute("width", width);
      svg.setAttribute("height", 60);
      svg.appendChild(s("text", { x: width / 2, y: 34, class: "empty-text", "text-anchor": "middle" },
        "No dated events match these filters."));
      return;
    }
    const placed = this.layout();
    const lanes = Math.max(3, ...placed.map((p) => p.lane + 1));
    const height = TOP + lanes * LANE + AXIS;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.appendChild(s("rect", { x: 0, y: 0, width, height, class: "timeline-bg" }));
    this.drawAxis(svg, TOP + lanes * LANE + 4, height);
    for (const p of placed) svg.appendChild(this.mark(p));
  }

  layout() {
    const [a, b] = this.view;
    const visible = this.items.filter((i) => i.t1 >= a && i.t0 <= b);
    visible.sort((p, q) => p.t0 - q.t0 || q.t1 - p.t1);
    const ends = [];
    return visible.map((item) => {
      const x0 = this.x(item.t0);
      const x1 = Math.max(this.x(item.t1), x0 + 1);
      const bar = x1 - x0 >= 10 && item.t1 - item.t0 > DAY;
      const left = bar ? x0 : (x0 + x1) / 2 - 6;
      const right = bar ? x1 : (x0 + x1) / 2 + 6;
      let lane = ends.findIndex((end) => end + 2 <= left);
      if (lane < 0 && ends.length < MAX_LANES) lane = ends.length;
      if (lane < 0) lane = ends.indexOf(Math.min(...ends));
      ends[lane] = Math.max(ends[lane] ?? -Infinity, right);
      return { item, lane, x0, x1, bar };
    });
  }

  mark({ item, lane, x0, x1, bar }) {
    const r = item.row;
    const y = TOP + lane * LANE + LANE / 2;
    const cls = [
      "mark", `q-${r.quad || "none"}`, `st-${r.status}`,
      r.basis === "publication" ? "basis-publication" : "",
      r.event_id === this.selected ? "selected" : "",
    ].filter(Boolean).join(" ");
    const label = `${spanText(r.date_start, r.date_end, r.granularity)} · ${r.status} · ${r.type}`;
    const attrs = {
      class: cls, "data-id": r.event_id, "data-quad": r.quad || "", "data-status": r.status,
      tabindex: 0, role: "button", "aria-label": `${label}: ${r.actor || "?"}`,
    };
    const shape = bar
      ? s("rect", { ...attrs, x: x0, y: y - 5, width: x1 - x0, height: 10, rx: 4 })
      : s("circle", { ...attrs, cx: (x0 + x1) / 2, cy: y, r: 5.5 });
    const who = [r.actor, r.recipient].filter(Boolean).join(" → ");
    const quad = QUADS[r.quad] || "no quad class";
    shape.appendChild(s("title", {}, `${label} (${quad})\n${who}\n“${r.sentence}”`));
    const pick = () => this.onSelect(r.event_id);
    shape.addEventListener("click", pick);
    shape.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        pick();
      }
    });
    return shape;
  }

  drawAxis(svg, y, height) {
    const [a, b] = this.view;
    const ticks = chooseTicks(a, b, this.width());
    svg.appendChild(s("line", { x1: 0, x2: this.width(), y1: y, y2: y, class: "axis-line" }));
    for (const tick of ticks) {
      const x = this.x(tick.t);
      if (x < 0 || x > this.width()) continue;
      svg.appendChild(s("line", { x1: x, x2: x, y1: TOP - 6, y2: y + 4, class: "grid-line" }));
      svg.appendChild(s("text", { x: x + 3, y: height - 9, class: "axis-label" }, tick.label));
    }
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Calendar-aligned ticks, about one per 100 px. */
function chooseTicks(a, b, width) {
  const wanted = Math.max(2, Math.floor(width / 100));
  const span = b - a;
  const steps = [
    ["day", 1], ["day", 2], ["day", 7], ["day", 14], ["month", 1], ["month", 3], ["month", 6],
    ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 20], ["year", 50], ["year", 100],
  ];
  const approx = { day: DAY, month: 30.4 * DAY, year: 365.25 * DAY };
  const [unit, k] = steps.find(([u, n]) => span / (approx[u] * n) <= wanted) || ["year", 200];
  const start = new Date(a);
  const ticks = [];
  if (unit === "year") {
    let year = Math.floor(start.getUTCFullYear() / k) * k;
    for (let t = Date.UTC(year, 0, 1); t <= b; year += k, t = Date.UTC(year, 0, 1)) {
      ticks.push({ t, label: String(year) });
    }
  } else if (unit === "month") {
    let m = start.getUTCFullYear() * 12 + Math.floor(start.getUTCMonth() / k) * k;
    for (let t = Date.UTC(Math.floor(m / 12), m % 12, 1); t <= b;
      m += k, t = Date.UTC(Math.floor(m / 12), m % 12, 1)) {
      const month = m % 12;
      ticks.push({ t, label: month === 0 || ticks.length === 0
        ? `${MONTHS[month]} ${Math.floor(m / 12)}` : MONTHS[month] });
    }
  } else {
    for (let t = Math.floor(a / DAY) * DAY; t <= b; t += k * DAY) {
      const d = new Date(t);
      ticks.push({ t, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` });
    }
  }
  return ticks;
}
