// The side panel: a relation (chart + evidence), an actor's events, a place's events. Every sentence and
// name is inserted as text.
import { el, getJSON, docLink, modalityBadge } from "./common.js";

// Chart.js is fetched with the first relation shown, not with the page: the first picture needs none of it.
let charts = null;
function chartLibrary() {
  charts ||= import("chart.js").then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.LineController, m.LineElement,
      m.PointElement, m.Tooltip, m.Legend);
    return m.Chart;
  });
  return charts;
}

const panel = document.getElementById("panel");
const body = document.body.dataset;
let chart = null;
let seqNow = 0;

function clearPanel(title) {
  if (chart) { chart.destroy(); chart = null; }
  panel.replaceChildren();
  panel.append(el("h2", { id: "panel-title" }, title));
}

export function evidenceItem(e) {
  const li = el("li", { class: "evidence" });
  const head = el("div", { class: "ev-head" });
  head.append(el("span", { class: "date" }, e.date || "undated"), modalityBadge(e.modality),
    el("span", { class: "code" }, `${e.cameo} ${e.plover || ""}`.trim()),
    el("span", { class: "who" }, `${e.source?.name ?? "?"} → ${e.target?.name ?? "?"}`),
    el("span", { class: "gold" }, `Goldstein ${e.goldstein}`));
  if (e.location) head.append(el("span", { class: "where" }, `in ${e.location.name}`));
  li.append(head, el("blockquote", {}, e.evidence.text));
  if (e.attribution) li.append(el("div", { class: "attr" }, "according to " + e.attribution.text));
  li.append(docLink(e.doc_id, e.id, e.doc_title));
  return li;
}

export async function showDyad(params, ctx, a, b) {
  const seq = ++seqNow;
  body.dyad = "loading";
  const p = new URLSearchParams(params);
  p.delete("actor");
  p.set("a", a);
  p.set("b", b);
  const [d, Chart] = await Promise.all([getJSON("/api/dyad?" + p), chartLibrary()]);
  if (seq !== seqNow) return;
  clearPanel(`${d.a.name || d.a.id} — ${d.b.name || d.b.id}`);
  panel.dataset.kind = "dyad";
  panel.dataset.pair = [a, b].sort().join("|");
  panel.append(el("p", { class: "meta" }, `${d.total} events` + (d.undated ? `, ${d.undated} undated` : "") +
    `, by ${d.by}`));
  const canvas = el("canvas", { id: "dyad-chart", height: "180" });
  panel.append(el("div", { class: "chart" }, canvas));
  chart = new Chart(canvas, {
    data: {
      labels: d.series.map((s) => s.period),
      datasets: [
        { type: "bar", label: "cooperative", data: d.series.map((s) => s.cooperative), backgroundColor: "#68d391", stack: "n", yAxisID: "y" },
        { type: "bar", label: "conflictual", data: d.series.map((s) => s.conflictual), backgroundColor: "#fc8181", stack: "n", yAxisID: "y" },
        { type: "line", label: "mean Goldstein", data: d.series.map((s) => s.goldstein), borderColor: "#2d3748", yAxisID: "g" },
      ],
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { y: { stacked: true, beginAtZero: true, title: { display: true, text: "events" } },
        g: { position: "right", min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: "Goldstein" } },
        x: { stacked: true } },
    },
  });
  panel.append(el("h3", {}, "Evidence"));
  const list = el("ol", { id: "evidence" });
  for (const e of d.evidence) list.append(evidenceItem(e));
  panel.append(list);
  if (d.relations.length) {
    panel.append(el("h3", {}, "Statements about the relation"));
    const rl = el("ol", { class: "relations" });
    for (const r of d.relations) {
      const li = el("li", { class: "evidence" });
      li.append(el("span", { class: r.sign > 0 ? "sign pos" : r.sign < 0 ? "sign neg" : "sign" }, r.sign > 0 ? "+" : r.sign < 0 ? "−" : "0"),
        modalityBadge(r.modality), el("blockquote", {}, r.evidence.text), docLink(r.doc_id, null, null));
      rl.append(li);
    }
    panel.append(rl);
  }
  ctx.afterPaint(() => {
    body.dyad = "ready";
    body.dyadAnswerMs = String(Math.round(performance.now() - ctx.actionAt));
    body.dyadVersion = String(Number(body.dyadVersion || 0) + 1);
  });
}

async function eventList(params, title, ctx, extra) {
  const seq = ++seqNow;
  params.set("limit", "50");
  const r = await getJSON("/api/events?" + params);
  if (seq !== seqNow) return null;
  clearPanel(title);
  panel.append(el("p", { class: "meta" }, `${r.total} events` + (r.total > r.events.length ? `, the latest ${r.events.length}` : "")));
  if (extra) panel.append(extra);
  const list = el("ol", { id: "evidence" });
  for (const e of r.events) list.append(evidenceItem(e));
  panel.append(list);
  return r;
}

// An actor's events; a state at state level (``country`` its code): the events of its actors, and a way
// down to them.
export async function showActor(params, ctx, id, name, country = null) {
  const p = new URLSearchParams(params);
  let extra;
  if (country) {
    p.delete("country");
    p.append("country", country);
    extra = el("button", { type: "button", id: "drill-down" }, "its people and organs");
    extra.addEventListener("click", () => ctx.drillDown(country, name));
  } else {
    p.set("actor", id);
    extra = el("button", { type: "button", id: "focus-actor" }, "show only its relations");
    extra.addEventListener("click", () => ctx.setFocus({ id, name }));
  }
  if (await eventList(p, name || id || country, ctx, extra) === null) return;
  panel.dataset.kind = "actor";
  body.actor = "ready";
}

export async function showPlace(params, ctx, near) {
  const p = new URLSearchParams(params);
  p.set("near", `${near.lat},${near.lon},${near.km}`);
  if (await eventList(p, `Events in ${near.name}`, ctx, null) === null) return;
  panel.dataset.kind = "place";
  ctx.afterPaint(() => { body.place = "ready"; body.placeVersion = String(Number(body.placeVersion || 0) + 1); });
}
