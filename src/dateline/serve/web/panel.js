// The evidence panel: one event with its sentence highlighted in its article, the other
// reports of it, or a whole document with all its events marked. Text nodes only.
import { QUADS, h, replace, safeLink, spanText } from "./dom.js";

const BASIS = {
  stated: "stated in the text",
  inferred: "inferred from context",
  publication: "publication date (no date in the text)",
};

/**
 * The article text with evidence sentences marked. Offsets are Unicode code points (as
 * Python counts them), so the text is sliced as an array of code points, not UTF-16 units.
 * spans: [{start, end, id, label, triggerStart, trigger}]; activeId gets the strong mark.
 */
export function articleText(text, spans, activeId, onMark) {
  const cps = Array.from(text);
  const out = h("div", { class: "article-text" });
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let pos = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, 0);
    const end = Math.min(span.end, cps.length);
    if (start < pos || end <= start) continue; // a nested or overlapping span: keep the first
    out.append(document.createTextNode(cps.slice(pos, start).join("")));
    const active = spans.filter((x) => x.start === span.start && x.end === span.end)
      .find((x) => x.id === activeId);
    const mark = h("mark", {
      class: active ? "evidence active" : "evidence",
      "data-id": (active || span).id,
      title: span.label,
      tabindex: onMark ? 0 : null,
    });
    const t0 = active ? active.triggerStart : -1;
    const t1 = t0 + Array.from(active ? active.trigger : "").length;
    if (active && t0 >= start && t1 <= end && t1 > t0) {
      mark.append(
        cps.slice(start, t0).join(""),
        h("strong", { class: "trigger" }, cps.slice(t0, t1).join("")),
        cps.slice(t1, end).join(""),
      );
    } else {
      mark.append(cps.slice(start, end).join(""));
    }
    if (onMark) {
      mark.addEventListener("click", () => onMark(mark.getAttribute("data-id")));
      mark.addEventListener("keydown", (e) => {
        if (e.key === "Enter") onMark(mark.getAttribute("data-id"));
      });
    }
    out.append(mark);
    pos = end;
  }
  out.append(document.createTextNode(cps.slice(pos).join("")));
  return out;
}

function entityList(entities) {
  if (!entities.length) return h("span", { class: "muted" }, "—");
  return entities.map((e, i) => [
    i ? "; " : "",
    e.name,
    e.country ? h("span", { class: "code" }, e.country) : "",
    e.role ? h("span", { class: "muted" }, ` ${e.role.replaceAll("_", " ")}`) : "",
  ]);
}

function field(label, ...value) {
  return [h("dt", {}, label), h("dd", {}, ...value)];
}

function articleHeader(article) {
  return h("div", { class: "article-head" },
    h("div", { class: "article-title" }, article.title || "(untitled)"),
    h("div", { class: "article-meta" },
      [article.source, article.published].filter(Boolean).join(" · "),
      article.url ? [" · ", safeLink(article.url, "source")] : ""));
}

function mentionSpan(m) {
  return {
    start: m.sentence_start, end: m.sentence_end, id: m.event_id,
    label: `${m.type} · ${m.status}`, triggerStart: m.trigger_start, trigger: m.trigger,
  };
}

/** Render GET /api/events/{id} into the panel. */
export function renderEvent(panel, detail, { onDocument, onClose, loadDocument }) {
  const ev = detail.event;
  const when = spanText(ev.date.start, ev.date.end, ev.date.granularity);
  const place = ev.place
    ? [ev.place.name || "?", ev.place.country ? h("span", { class: "code" }, ev.place.country) : ""]
    : [h("span", { class: "muted" }, "—")];
  const span = {
    start: ev.evidence.start, end: ev.evidence.end, id: ev.id, label: "evidence",
    triggerStart: detail.trigger_start, trigger: ev.evidence.trigger,
  };
  const reports = detail.reports.map((m) => {
    // Each report opens in place: its own article, its own sentence highlighted.
    const inline = h("details", { class: "report-article" },
      h("summary", {}, `In “${m.title || m.article_id}”`));
    inline.addEventListener("toggle", async () => {
      if (!inline.open || inline.querySelector(".article-text, .error-text")) return;
      try {
        const doc = await loadDocument(m.article_id);
        inline.append(articleText(doc.article.text, [mentionSpan(m)], m.event_id, null));
        scrollToActive(inline);
      } catch (err) {
        inline.append(h("p", { class: "error-text" }, err.message));
      }
    });
    const open = h("button", { type: "button", class: "link-button", "data-article": m.article_id },
      "Open the whole document");
    open.addEventListener("click", () => onDocument(m.article_id, m.event_id));
    return h("li", { class: "report", "data-id": m.event_id },
      h("div", { class: "report-meta" },
        [m.source, m.published, spanText(m.date_start, m.date_end, m.granularity), m.status]
          .filter(Boolean).join(" · ")),
      h("blockquote", {}, m.sentence),
      inline,
      open);
  });
  replace(panel,
    h("div", { class: "panel-head" },
      h("span", { class: `badge q-${ev.quad || "none"}` }, ev.type),
      ev.mode ? h("span", { class: "mode" }, ev.mode.replaceAll("_", " ")) : "",
      h("span", { class: `status st-${ev.status}` }, ev.status),
      h("button", { type: "button", class: "close", "aria-label": "Close" }, "×")),
    h("dl", { class: "facts" },
      field("When", when, ev.date.text ? h("span", { class: "muted" }, ` “${ev.date.text}”`) : "",
        h("div", { class: "basis" }, BASIS[ev.date.basis] || ev.date.basis)),
      field("Actor", entityList(ev.actor)),
      field("Recipient", entityList(ev.recipient)),
      field("Place", place),
      field("Class", QUADS[ev.quad] || "—", ev.score !== null ? ` (score ${ev.score})` : "",
        ev.cameo ? h("span", { class: "muted" }, ` CAMEO ${ev.cameo}`) : ""),
      field("Confidence", `${Math.round(ev.confidence * 100)}%`)),
    h("h3", {}, "Evidence"),
    h("blockquote", { class: "evidence-quote" }, ev.evidence.sentence),
    articleHeader(detail.article),
    articleText(detail.article.text, [span], ev.id, null),
    h("h3", {}, `Other reports (${detail.reports.length})`),
    detail.reports.length
      ? h("ul", { class: "reports" }, reports)
      : h("p", { class: "muted" }, "No other report of this event in the store."),
    h("p", { class: "panel-foot" },
      h("button", { type: "button", class: "link-button", "data-article": ev.article.id },
        "Open the whole document"),
      h("span", { class: "muted" }, ` · event ${ev.id}`)));
  panel.querySelector(".close").addEventListener("click", onClose);
  panel.querySelector(".panel-foot .link-button")
    .addEventListener("click", () => onDocument(ev.article.id, ev.id));
  scrollToActive(panel);
}

/** Render GET /api/documents/{id}: every event of the article marked; click one to open it. */
export function renderDocument(panel, doc, activeId, { onEvent, onClose }) {
  const spans = doc.events.map(mentionSpan);
  replace(panel,
    h("div", { class: "panel-head" },
      h("span", { class: "badge doc" }, "Document"),
      h("span", { class: "mode" }, `${doc.events.length} events`),
      h("button", { type: "button", class: "close", "aria-label": "Close" }, "×")),
    articleHeader(doc.article),
    h("p", { class: "muted small" }, "Marked sentences are evidence for an event; click one "
      + "to see it."),
    articleText(doc.article.text, spans, activeId, onEvent));
  panel.querySelector(".close").addEventListener("click", onClose);
  scrollToActive(panel);
}

export function renderHint(panel) {
  replace(panel, h("div", { class: "hint" },
    h("h3", {}, "Check the evidence"),
    h("p", {}, "Pick an event on the timeline or in the list: its sentence is shown "
      + "highlighted in the article it came from, with every other report of it."),
    h("p", { class: "muted" }, "Scroll on the timeline to zoom, drag to pan, double-click "
      + "to see everything.")));
}

// Scroll the article box (not the page) so that the highlighted sentence is in view.
function scrollToActive(root) {
  const active = root.querySelector("mark.active");
  const box = active && active.closest(".article-text");
  if (!box) return;
  requestAnimationFrame(() => {
    box.scrollTop = Math.max(0, active.offsetTop - box.clientHeight / 3);
  });
}
