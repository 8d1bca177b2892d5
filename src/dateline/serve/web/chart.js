// Dyad history: per month, cooperation stacked above the line and conflict below it.
import { QUADS, clear, h, s } from "./dom.js";

const HEIGHT = 210;
const LEFT = 96;
const BOTTOM = 26;
const UP = ["verbal_cooperation", "material_cooperation"];
const DOWN = ["verbal_conflict", "material_conflict"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function monthLabel(month) {
  const [y, m] = month.split("-");
  return `${MONTHS[Number(m) - 1]} ${y}`;
}

/** Draw /api/dyads/{a}/{b}/summary into root; onMonth(month) when a month is clicked. */
export function drawDyadChart(root, summary, onMonth) {
  clear(root);
  const months = summary.months;
  if (!months.length) {
    root.appendChild(h("p", { class: "empty" }, "No dated events between these two."));
    return;
  }
  const width = Math.max(root.clientWidth, 320);
  const up = (m) => UP.reduce((n, q) => n + m.quads[q], 0);
  const down = (m) => DOWN.reduce((n, q) => n + m.quads[q], 0);
  const peak = Math.max(1, ...months.map(up), ...months.map(down));
  const mid = (HEIGHT - BOTTOM) / 2 + 4;
  const unit = (mid - 14) / peak;
  const band = Math.min(56, (width - LEFT - 10) / months.length);
  const svg = s("svg", {
    class: "dyad-svg", width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`,
    role: "group", "aria-label": `Cooperation and conflict between ${summary.a} and ${summary.b}`,
  });
  svg.appendChild(s("text", { x: 4, y: mid - 8, class: "chart-side coop" }, "cooperation ↑"));
  svg.appendChild(s("text", { x: 4, y: mid + 18, class: "chart-side conflict" }, "conflict ↓"));
  svg.appendChild(s("text", { x: LEFT - 8, y: mid - peak * unit + 4, class: "chart-tick",
    "text-anchor": "end" }, String(peak)));
  svg.appendChild(s("text", { x: LEFT - 8, y: mid + peak * unit + 4, class: "chart-tick",
    "text-anchor": "end" }, String(peak)));
  svg.appendChild(s("line", { x1: LEFT, x2: LEFT + band * months.length, y1: mid, y2: mid,
    class: "axis-line" }));
  const every = Math.ceil(60 / band);
  months.forEach((m, i) => {
    const x = LEFT + i * band + band * 0.15;
    const w = band * 0.7;
    const group = s("g", { class: "month", tabindex: 0, role: "button",
      "aria-label": `${monthLabel(m.month)}: ${m.events} events` });
    let y = mid;
    for (const q of UP) {
      const hgt = m.quads[q] * unit;
      if (hgt > 0) group.appendChild(s("rect", { x, y: y - hgt, width: w, height: hgt,
        class: `bar q-${q}` }));
      y -= hgt;
    }
    y = mid;
    for (const q of DOWN) {
      const hgt = m.quads[q] * unit;
      if (hgt > 0) group.appendChild(s("rect", { x, y, width: w, height: hgt,
        class: `bar q-${q}` }));
      y += hgt;
    }
    if (m.mean_score !== null) {
      const sy = mid - (m.mean_score / 10) * (mid - 14);
      group.appendChild(s("circle", { cx: x + w / 2, cy: sy, r: 2.6, class: "score-dot" }));
    }
    const counts = [...UP, ...DOWN].map((q) => `${QUADS[q]}: ${m.quads[q]}`).join("\n");
    const score = m.mean_score === null ? "n/a" : m.mean_score.toFixed(1);
    group.appendChild(s("title", {},
      `${monthLabel(m.month)} — ${m.events} events\n${counts}\nmean score ${score}`));
    group.appendChild(s("rect", { x: LEFT + i * band, y: 0, width: band, height: HEIGHT - BOTTOM,
      class: "hit" }));
    if (i % every === 0) {
      svg.appendChild(s("text", { x: x + w / 2, y: HEIGHT - 8, class: "axis-label",
        "text-anchor": "middle" }, monthLabel(m.month)));
    }
    const pick = () => onMonth(m.month);
    group.addEventListener("click", pick);
    group.addEventListener("keydown", (e) => {
      if (e.key === "Enter") pick();
    });
    svg.appendChild(group);
  });
  root.appendChild(svg);
  const note = [`Months with events only; bars by the month an event's date starts.`,
    `Dots: mean score (−10…+10).`];
  if (summary.undated) note.push(`${summary.undated} undated event(s) not shown.`);
  root.appendChild(h("p", { class: "chart-note" }, note.join(" ")));
}
