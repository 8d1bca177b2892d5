// The page: filters <-> URL state, the timeline, the dyad chart, the event list, the panel.
import { drawDyadChart } from "./chart.js";
import { STATUSES, h, replace, spanText } from "./dom.js";
import { renderDocument, renderEvent, renderHint } from "./panel.js";
import { filterParams, getJson, readState, writeState } from "./state.js";
import { TimelineView } from "./timeline.js";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
  "ASSAULT"];
const PAGE_ROWS = 200;

const $ = (id) => document.getElementById(id);
let state = readState();
let rows = [];
let showAll = false;
let loads = 0;
let panels = 0;

const timeline = new TimelineView($("timeline"), {
  onSelect: (id) => openEvent(id),
  onView: (view) => {
    state.view = view;
    writeState(state, { replace: true });
  },
});

function showError(message) {
  const el = $("error");
  el.hidden = !message;
  replace(el, message || "");
}

function fillForm() {
  $("f-actor").value = state.actor.join(", ");
  $("f-type").value = state.type;
  $("f-status").value = state.status;
  $("f-since").value = state.since;
  $("f-until").value = state.until;
  $("f-q").value = state.q;
}

function readForm() {
  return {
    ...state,
    actor: $("f-actor").value.split(",").map((a) => a.trim()).filter(Boolean),
    type: $("f-type").value,
    status: $("f-status").value,
    since: $("f-since").value,
    until: $("f-until").value,
    q: $("f-q").value.trim(),
    view: "",
  };
}

function title() {
  if (state.actor.length === 2) return `${state.actor[0]} – ${state.actor[1]}`;
  if (state.actor.length) return state.actor.join(" · ");
  return "All events";
}

async function load() {
  showError("");
  fillForm();
  $("tl-title").textContent = `Timeline: ${title()}`;
  try {
    const data = await getJson("/api/timeline", filterParams(state));
    rows = data.items;
    const undated = rows.filter((r) => !r.date_start && !r.date_end).length;
    const parts = [`${data.total} event${data.total === 1 ? "" : "s"}`];
    if (data.start) parts.push(`${spanText(data.start, null, "day")} to ${spanText(data.end, null, "day")}`);
    if (undated) parts.push(`${undated} undated (in the list only)`);
    if (data.truncated) parts.push(`first ${rows.length} shown`);
    $("tl-summary").textContent = parts.join(" · ");
    timeline.setData(rows, state.view);
    showAll = false;
    renderList();
    await loadDyad();
  } catch (err) {
    showError(err.message);
  }
  await loadPanel();
  // Counters that tests (and anyone scripting the page) can wait on.
  document.body.setAttribute("data-loaded", String(++loads));
}

async function loadDyad() {
  const card = $("dyad-card");
  const codes = state.actor.filter((a) => /^[A-Za-z]{2,8}$/.test(a));
  if (state.actor.length !== 2 || codes.length !== 2) {
    card.hidden = true;
    return;
  }
  const [a, b] = codes.map((c) => c.toUpperCase());
  const params = new URLSearchParams();
  if (state.since) params.set("since", state.since);
  if (state.until) params.set("until", state.until);
  const summary = await getJson(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/summary`, params);
  card.hidden = false;
  $("dyad-title").textContent = `${a} – ${b}: cooperation and conflict by month`;
  drawDyadChart($("dyad-chart"), summary, (month) => {
    const [y, m] = month.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    timeline.setView([Date.parse(`${month}-01T00:00:00Z`) - 10 * 86400000,
      Date.parse(`${last}T00:00:00Z`) + 11 * 86400000]);
  });
}

function renderList() {
  const body = $("events").querySelector("tbody");
  const shown = showAll ? rows : rows.slice(0, PAGE_ROWS);
  replace(body, shown.map((r) => {
    const tr = h("tr", { "data-id": r.event_id, tabindex: 0,
      class: r.event_id === state.event ? "selected" : null },
      h("td", { class: "when" }, spanText(r.date_start, r.date_end, r.granularity),
        r.basis === "publication" ? h("span", { class: "muted", title: "dated by publication" }, " (pub.)") : ""),
      h("td", {}, h("span", { class: `status st-${r.status}` }, r.status)),
      h("td", {}, h("span", { class: `badge small q-${r.quad || "none"}` }, r.type)),
      h("td", { class: "who" }, r.actor || "?", r.recipient ? [h("span", { class: "arrow" }, " → "), r.recipient] : ""),
      h("td", { class: "sentence", title: r.sentence }, h("div", { class: "clamp" }, r.sentence)),
      h("td", { class: "source" }, r.source || ""));
    tr.addEventListener("click", () => openEvent(r.event_id));
    tr.addEventListener("keydown", (e) => {
      if (e.key === "Enter") openEvent(r.event_id);
    });
    return tr;
  }));
  const more = $("more");
  more.hidden = showAll || rows.length <= PAGE_ROWS;
  more.textContent = `Show all ${rows.length}`;
}

async function loadPanel() {
  const panel = $("panel");
  timeline.select(state.event || null);
  for (const tr of $("events").querySelectorAll("tbody tr")) {
    tr.classList.toggle("selected", tr.getAttribute("data-id") === state.event);
  }
  try {
    if (state.doc) {
      const doc = await getJson(`/api/documents/${encodeURIComponent(state.doc)}`);
      renderDocument(panel, doc, state.event, { onEvent: openEvent, onClose: closePanel });
    } else if (state.event) {
      const detail = await getJson(`/api/events/${encodeURIComponent(state.event)}`);
      renderEvent(panel, detail, {
        onDocument: openDocument,
        onClose: closePanel,
        loadDocument: (id) => getJson(`/api/documents/${encodeURIComponent(id)}`),
      });
    } else {
      renderHint(panel);
    }
  } catch (err) {
    showError(err.message);
    renderHint(panel);
  }
  document.body.setAttribute("data-panel", String(++panels));
}

function openEvent(id) {
  state = { ...state, event: id, doc: "" };
  writeState(state);
  loadPanel();
}

function openDocument(articleId, eventId) {
  state = { ...state, doc: articleId, event: eventId || "" };
  writeState(state);
  loadPanel();
}

function closePanel() {
  state = { ...state, event: "", doc: "" };
  writeState(state);
  loadPanel();
}

async function loadDyadChips() {
  const nav = $("dyads");
  try {
    const data = await getJson("/api/dyads", new URLSearchParams({ limit: "8" }));
    replace(nav, h("span", { class: "muted" }, "Busiest pairs:"), data.items.map((d) => {
      const active = state.actor.length === 2 && state.actor.map((x) => x.toUpperCase()).sort()
        .join() === [d.a, d.b].sort().join();
      const b = h("button", { type: "button", class: active ? "chip active" : "chip",
        "aria-pressed": active ? "true" : "false" }, `${d.a} – ${d.b}`, h("span", { class: "count" }, String(d.events)));
      b.addEventListener("click", () => {
        state = { ...state, actor: [d.a, d.b], view: "", event: "", doc: "" };
        writeState(state);
        loadDyadChips();
        load();
      });
      return b;
    }));
    return data.items;
  } catch (err) {
    showError(err.message);
    return [];
  }
}

let suggestTimer = 0;
function suggestActors() {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(async () => {
    const last = $("f-actor").value.split(",").pop().trim();
    if (last.length < 2) return;
    try {
      const data = await getJson("/api/actors", new URLSearchParams({ q: last, limit: "10" }));
      const prefix = $("f-actor").value.split(",").slice(0, -1).map((a) => a.trim()).filter(Boolean);
      replace($("actor-options"), data.items.map((a) => h("option",
        { value: [...prefix, a.country || a.name].join(", ") }, `${a.name} (${a.events})`)));
    } catch {
      // suggestions are a convenience; the filter still works without them
    }
  }, 200);
}

async function start() {
  $("f-type").append(...TYPES.map((t) => h("option", { value: t }, t)));
  $("f-status").append(...STATUSES.map((t) => h("option", { value: t }, t)));
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    state = readForm();
    writeState(state);
    loadDyadChips();
    load();
  });
  $("f-reset").addEventListener("click", async () => {
    state = { actor: [], type: "", status: "", since: "", until: "", q: "", event: "", doc: "", view: "" };
    const top = await getJson("/api/dyads", new URLSearchParams({ limit: "1" })).catch(() => ({ items: [] }));
    if (top.items.length) state.actor = [top.items[0].a, top.items[0].b];
    writeState(state);
    loadDyadChips();
    load();
  });
  $("f-actor").addEventListener("input", suggestActors);
  $("zoom-in").addEventListener("click", () => timeline.zoomBy(0.5));
  $("zoom-out").addEventListener("click", () => timeline.zoomBy(2));
  $("zoom-reset").addEventListener("click", () => timeline.reset());
  $("more").addEventListener("click", () => {
    showAll = true;
    renderList();
  });
  window.addEventListener("popstate", () => {
    state = readState();
    loadDyadChips();
    load();
  });
  const empty = !state.actor.length && !state.type && !state.status && !state.since
    && !state.until && !state.q && !state.event && !state.doc;
  const dyads = await loadDyadChips();
  if (empty && dyads.length) {
    state.actor = [dyads[0].a, dyads[0].b];
    writeState(state, { replace: true });
    loadDyadChips();
  }
  await load();
}

start();
