// The network page: filters → /api/graph → Cytoscape (fcose layout in a worker); an edge → /api/dyad → chart + evidence.
// Untrusted strings (names, sentences) are always inserted with textContent, never as HTML.
import cytoscape from "cytoscape";
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip,
} from "chart.js";
import { el, getJSON, docLink, modalityBadge } from "./common.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement,
  Tooltip, Legend);

const SIGN_COLOUR = { 1: "#2f855a", "-1": "#c53030", 0: "#a0aec0" };
const form = document.getElementById("filters");
const status = document.getElementById("status");
const panel = document.getElementById("panel");
let focusActor = null;
let chart = null;
let graphSeq = 0;
let panelSeq = 0;

const cy = cytoscape({
  container: document.getElementById("graph"),
  minZoom: 0.05, maxZoom: 2.5,
  hideEdgesOnViewport: true, textureOnViewport: true, pixelRatio: 1,
  style: [
    { selector: "node", style: {
      width: "data(size)", height: "data(size)", "background-color": "#4a5568", label: "data(label)",
      "font-size": 9, color: "#1a202c", "text-valign": "bottom", "text-margin-y": 2, "min-zoomed-font-size": 7,
    } },
    { selector: "node[type = 'state']", style: { "background-color": "#2b6cb0" } },
    { selector: "node[type = 'person']", style: { "background-color": "#805ad5" } },
    { selector: "node[type = 'igo']", style: { "background-color": "#d69e2e" } },
    { selector: "node[type = 'group']", style: { "background-color": "#dd6b20" } },
    { selector: "edge", style: {
      width: "data(width)", "line-color": "data(colour)", opacity: 0.75, "curve-style": "haystack",
    } },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#1a202c", label: "data(name)" } },
    { selector: "edge:selected", style: { opacity: 1, "line-color": "#1a202c", "z-index": 10 } },
    { selector: ".faded", style: { opacity: 0.12 } },
  ],
});

function afterPaint(fn) {
  // Two frames: the first callback runs before the new elements are painted, the second after.
  requestAnimationFrame(() => requestAnimationFrame(fn));
}

function filterParams() {
  const data = new FormData(form);
  const p = new URLSearchParams();
  for (const key of ["since", "until"]) if (data.get(key)) p.set(key, data.get(key));
  for (const q of data.getAll("quad")) p.append("quad", q);
  for (const m of data.getAll("modality")) p.append("modality", m);
  const w = parseInt(data.get("min_weight"), 10);
  if (w > 1) p.set("min_weight", String(w));
  return p;
}

function scale(value, max, lo, hi) {
  return lo + (hi - lo) * Math.log1p(value) / Math.log1p(Math.max(max, 1));
}

async function loadGraph() {
  const seq = ++graphSeq;
  document.body.dataset.graph = "loading";
  status.textContent = "loading…";
  const t0 = performance.now();
  const p = filterParams();
  p.set("limit", new FormData(form).get("limit") || "300");
  if (focusActor) p.set("actor", focusActor.id);
  let g;
  try {
    g = await getJSON("/api/graph?" + p);
  } catch (e) {
    if (seq === graphSeq) status.textContent = "could not load the network: " + e.message;
    return;
  }
  if (seq !== graphSeq) return; // a newer request superseded this one
  const t1 = performance.now();
  const maxAct = Math.max(1, ...g.nodes.map((n) => n.activity));
  const maxW = Math.max(1, ...g.edges.map((e) => e.weight));
  const elements = [];
  if (focusActor && !g.nodes.some((x) => x.id === focusActor.id)) {
    // An actor with no relation under these filters is still shown, alone.
    g.nodes.push({ id: focusActor.id, name: focusActor.name, code: focusActor.code, type: focusActor.type, activity: 0 });
  }
  // Labels cost paint time: only the most active actors carry one (a selected actor always does).
  const labelled = new Set([...g.nodes].sort((x, y) => y.activity - x.activity).slice(0, 80).map((n) => n.id));
  for (const n of g.nodes) {
    elements.push({ group: "nodes", data: {
      id: n.id, label: labelled.has(n.id) ? n.name || n.id : "", name: n.name, code: n.code, type: n.type || "unknown",
      activity: n.activity, size: scale(n.activity, maxAct, 8, 48),
    } });
  }
  for (const e of g.edges) {
    elements.push({ group: "edges", data: {
      id: `${e.a}\u0000${e.b}`, source: e.a, target: e.b, weight: e.weight, events: e.events,
      goldstein: e.goldstein, sign: e.sign, colour: SIGN_COLOUR[e.sign] || SIGN_COLOUR[0],
      width: scale(e.weight, maxW, 1, 10),
    } });
  }
  const n = g.nodes.length;
  const previous = {};
  cy.nodes().forEach((node) => { previous[node.id()] = node.position(); });
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  // A quick first placement (actors kept where they were, the rest at random), drawn at once;
  // the force layout then runs in a worker and moves the nodes when it is done.
  const kept = cy.nodes().filter((node) => previous[node.id()]);
  if (kept.length > cy.nodes().length / 2) {
    kept.positions((node) => previous[node.id()]);
    cy.nodes().not(kept).layout({ name: "random", boundingBox: kept.boundingBox(), fit: false }).run();
  } else {
    cy.layout({ name: "random", fit: false,
      boundingBox: { x1: 0, y1: 0, w: 40 * Math.sqrt(n + 1), h: 30 * Math.sqrt(n + 1) } }).run();
  }
  cy.fit(undefined, 20);
  status.textContent = `${g.nodes.length} actors, ${g.edges.length} edges` +
    (g.truncated ? ` (the heaviest of ${g.total_edges})` : "");
  const t2 = performance.now();
  afterPaint(() => {
    if (seq !== graphSeq) return;
    const body = document.body.dataset;
    body.graph = "ready";
    // Milliseconds spent fetching and drawing, and since the user's action (to the painted frame).
    body.timing = `fetch ${Math.round(t1 - t0)} draw ${Math.round(t2 - t1)} paint ${Math.round(performance.now() - t2)}`;
    if (actionAt) body.graphAnswerMs = String(Math.round(performance.now() - actionAt));
    body.nodes = String(g.nodes.length);
    body.edges = String(g.edges.length);
    body.graphVersion = String(seq);
    settle(seq, g); // the force layout starts once the first picture is up, not competing with it
  });
}

const worker = new Worker("/static/layout-worker.js", { type: "module" });
worker.onmessage = (ev) => {
  const { seq, positions } = ev.data;
  if (seq !== graphSeq) return; // the network changed meanwhile
  cy.nodes().positions((node) => positions[node.id()] || node.position());
  cy.fit(undefined, 20);
  document.body.dataset.layout = "settled";
  document.body.dataset.layoutVersion = String(seq);
};

function settle(seq, g) {
  document.body.dataset.layout = "running";
  worker.postMessage({
    seq,
    nodes: g.nodes.map((n) => ({ id: n.id, size: 10 })),
    edges: g.edges.map((e) => ({ id: `${e.a}\u0000${e.b}`, source: e.a, target: e.b })),
  });
}

// When the last user action began (ms): the page records how long it took to answer it.
let actionAt = 0;
let debounce = null;
form.addEventListener("input", (ev) => {
  actionAt = performance.now();
  clearTimeout(debounce);
  // Typing (dates, weights) waits for a pause; a checkbox or a menu answers at once.
  const typed = ev.target.type === "number" || ev.target.type === "date";
  debounce = setTimeout(loadGraph, typed ? 150 : 0);
});
form.addEventListener("submit", (ev) => ev.preventDefault());

function clearPanel(title) {
  if (chart) { chart.destroy(); chart = null; }
  panel.replaceChildren();
  panel.append(el("h2", { id: "panel-title" }, title));
}

function evidenceItem(e) {
  const li = el("li", { class: "evidence" });
  const head = el("div", { class: "ev-head" });
  head.append(el("span", { class: "date" }, e.date || "undated"), modalityBadge(e.modality),
    el("span", { class: "code" }, `${e.cameo} ${e.plover || ""}`.trim()),
    el("span", { class: "who" }, `${e.source?.name ?? "?"} → ${e.target?.name ?? "?"}`),
    el("span", { class: "gold" }, `Goldstein ${e.goldstein}`));
  li.append(head, el("blockquote", {}, e.evidence.text));
  if (e.attribution) li.append(el("div", { class: "attr" }, "according to " + e.attribution.text));
  li.append(docLink(e.doc_id, e.id, e.doc_title));
  return li;
}

async function showDyad(a, b) {
  const seq = ++panelSeq;
  document.body.dataset.dyad = "loading";
  const p = filterParams();
  p.set("a", a);
  p.set("b", b);
  const d = await getJSON("/api/dyad?" + p);
  if (seq !== panelSeq) return;
  clearPanel(`${d.a.name || d.a.id} — ${d.b.name || d.b.id}`);
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
  afterPaint(() => {
    document.body.dataset.dyad = "ready";
    document.body.dataset.dyadAnswerMs = String(Math.round(performance.now() - actionAt));
    document.body.dataset.dyadVersion = String(seq);
  });
}

async function showActor(id, name) {
  const seq = ++panelSeq;
  const p = filterParams();
  p.set("actor", id);
  p.set("limit", "50");
  const r = await getJSON("/api/events?" + p);
  if (seq !== panelSeq) return;
  clearPanel(name || id);
  panel.append(el("p", { class: "meta" }, `${r.total} events` + (r.total > r.events.length ? `, the latest ${r.events.length}` : "")));
  const focus = el("button", { type: "button", id: "focus-actor" }, "show only its relations");
  focus.addEventListener("click", () => setFocus({ id, name }));
  panel.append(focus);
  const list = el("ol", { id: "evidence" });
  for (const e of r.events) list.append(evidenceItem(e));
  panel.append(list);
  document.body.dataset.actor = "ready";
}

cy.on("tap", "edge", (ev) => {
  actionAt = performance.now();
  const d = ev.target.data();
  cy.elements().removeClass("faded");
  showDyad(d.source, d.target).catch((e) => { panel.textContent = "could not load the dyad: " + e.message; });
});
cy.on("tap", "node", (ev) => {
  const d = ev.target.data();
  const hood = ev.target.closedNeighborhood();
  cy.batch(() => { cy.elements().addClass("faded"); hood.removeClass("faded"); });
  showActor(d.id, d.name).catch((e) => { panel.textContent = "could not load the events: " + e.message; });
});
cy.on("tap", (ev) => { if (ev.target === cy) cy.elements().removeClass("faded"); });

// Search: any actor of the store; one drawn is centred, one not drawn gets its own relations drawn.
const search = document.getElementById("search");
const results = document.getElementById("search-results");
let searchSeq = 0;
let searchTimer = null;
search.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(runSearch, 120);
});
search.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter") { ev.preventDefault(); results.querySelector("button")?.click(); }
  if (ev.key === "Escape") results.hidden = true;
});

async function runSearch() {
  const q = search.value.trim();
  const seq = ++searchSeq;
  if (!q) { results.hidden = true; return; }
  const r = await getJSON("/api/actors?" + new URLSearchParams({ q, limit: "12" }));
  if (seq !== searchSeq) return;
  results.replaceChildren();
  for (const a of r.actors) {
    const b = el("button", { type: "button", "data-actor": a.id });
    b.append(el("span", { class: "name" }, a.name || a.id), el("span", { class: "code" }, a.code || ""),
      el("span", { class: "count" }, `${a.events} events`));
    b.addEventListener("click", () => pick(a));
    results.append(el("li", {}, b));
  }
  if (!r.actors.length) results.append(el("li", { class: "none" }, "no actor matches"));
  results.hidden = false;
  document.body.dataset.search = "ready";
}

function pick(actor) {
  actionAt = performance.now();
  results.hidden = true;
  search.value = actor.name || actor.id;
  const node = cy.getElementById(actor.id);
  if (node.nonempty()) {
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 200 });
    node.emit("tap");
  } else {
    setFocus(actor);
    showActor(actor.id, actor.name);
  }
}

function setFocus(actor) {
  focusActor = actor;
  document.getElementById("focus").hidden = !actor;
  document.getElementById("focus-name").textContent = actor ? actor.name || actor.id : "";
  loadGraph();
}
document.getElementById("focus-clear").addEventListener("click", () => setFocus(null));

// For scripted use (and the browser tests): the Cytoscape instance, to find where an edge is drawn.
window.diplograph = { cy };
loadGraph();
