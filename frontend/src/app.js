// The analyst's page: filters → network (Cytoscape, seeded community layout in a worker), timeline with a
// brush, map of located events; a click on an edge, an actor or a place opens its evidence in the panel.
// The view's state lives in the URL. Untrusted strings (names, sentences) always go in as text.
import { el, getJSON } from "./common.js";
import { SHAPES, SIGN_COLOUR, communityColour, createNetwork, placeLabels } from "./network.js";
import { createTimeline } from "./timeline.js";
import { showActor, showDyad, showPlace } from "./panels.js";
import { downloadCSV, downloadMap, downloadNetwork } from "./exports.js";
import { readURL, writeURL } from "./share.js";
import { createDocuments } from "./documents.js";

const form = document.getElementById("filters");
const status = document.getElementById("status");
const card = document.getElementById("card");
const body = document.body.dataset;
const state = { focus: null, edge: null, near: null, view: "network", by: "month" };
let graphSeq = 0;
let actionAt = 0; // when the last user action began (ms): the page records how long it took to answer

const cy = createNetwork(document.getElementById("graph"), card);
const timeline = createTimeline(document.getElementById("timeline"), (since, until) => {
  form.elements.since.value = since || "";
  form.elements.until.value = until || "";
  changed();
});
// The map's code (d3-geo, topojson) and countries are fetched when the map is first shown.
let mapping = null;
function theMap() {
  mapping ||= import("./map.js").then((m) => {
    const map = m.createMap(document.getElementById("map"), pickPlaces, card);
    window.diplograph.map = map;
    return { map, km: m.km };
  });
  return mapping;
}
const docs = createDocuments(document.getElementById("documents"));
document.getElementById("documents").addEventListener("input", () => setTimeout(() => writeURL(form, state), 250));

function afterPaint(fn) {
  // Two frames: the first callback runs before the new elements are painted, the second after.
  requestAnimationFrame(() => requestAnimationFrame(fn));
}

// The filters as query parameters; `dates: false` leaves the date range out (the timeline shows all
// dates, its brush being the range), `near: false` the place (the map shows every place).
function filterParams({ dates = true, near = true, actor = true, level = false } = {}) {
  const data = new FormData(form);
  const p = new URLSearchParams();
  if (dates) for (const key of ["since", "until"]) if (data.get(key)) p.set(key, data.get(key));
  for (const key of ["quad", "modality", "country", "actor_type", "plover"]) for (const v of data.getAll(key)) p.append(key, v);
  const w = parseInt(data.get("min_weight"), 10);
  if (w > 1) p.set("min_weight", String(w));
  if (level) p.set("level", data.get("level") || "state");
  if (near && state.near) p.set("near", `${state.near.lat},${state.near.lon},${state.near.km}`);
  if (actor && state.focus) p.set("actor", state.focus.id);
  return p;
}

function scale(value, max, lo, hi) {
  return lo + (hi - lo) * Math.log1p(value) / Math.log1p(Math.max(max, 1));
}

// The network: drawn at once where the nodes were (new ones near the middle), then moved to the seeded
// layout computed in the worker; labels are placed once it stands still.
async function loadGraph() {
  const seq = ++graphSeq;
  body.graph = "loading";
  status.textContent = "loading…";
  const t0 = performance.now();
  const p = filterParams({ level: true });
  p.set("limit", new FormData(form).get("limit") || "300");
  let g;
  try {
    g = await getJSON("/api/graph?" + p);
  } catch (e) {
    if (seq === graphSeq) status.textContent = "could not load the network: " + e.message;
    return;
  }
  if (seq !== graphSeq) return; // a newer request superseded this one
  const t1 = performance.now();
  if (state.focus && !g.nodes.some((x) => x.id === state.focus.id)) {
    // An actor with no relation under these filters is still shown, alone.
    g.nodes.push({ id: state.focus.id, name: state.focus.name || state.focus.id, type: null, code: null, activity: 0 });
  }
  const maxAct = Math.max(1, ...g.nodes.map((n) => n.activity));
  const maxW = Math.max(1, ...g.edges.map((e) => e.weight));
  const stats = {};
  for (const e of g.edges) {
    for (const k of [e.a, e.b]) {
      const s = (stats[k] ||= { events: 0, gsum: 0 });
      s.events += e.events;
      s.gsum += (e.goldstein || 0) * e.events;
    }
  }
  const elements = [];
  for (const n of g.nodes) {
    const s = stats[n.id] || { events: 0, gsum: 0 };
    elements.push({ group: "nodes", data: {
      id: n.id, label: "", fs: 11, gap: 2, gapTop: -2, outline: 2, name: n.name || n.id, code: n.code, type: n.type || "unknown", activity: n.activity,
      events: s.events, goldstein: s.events ? Math.round(s.gsum / s.events * 100) / 100 : null,
      size: scale(n.activity, maxAct, 10, 40), shape: SHAPES[n.type] || "rectangle", colour: "#a0aec0",
    } });
  }
  for (const e of g.edges) {
    const classes = [e.ab > 0 ? "fwd" : "", e.ba > 0 ? "back" : ""].join(" ").trim();
    elements.push({ group: "edges", classes, data: {
      id: `${e.a}\u0000${e.b}`, source: e.a, target: e.b, weight: e.weight, events: e.events, statements: e.statements,
      ab: e.ab, ba: e.ba, goldstein: e.goldstein, sign: e.sign, colour: SIGN_COLOUR[e.sign] || SIGN_COLOUR[0],
      cooperative: e.cooperative, conflictual: e.conflictual, width: scale(e.weight, maxW, 1.5, 8),
    } });
  }
  const previous = {};
  cy.nodes().forEach((node) => { previous[node.id()] = node.position(); });
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
    const r = 40 * Math.sqrt(g.nodes.length + 1);
    cy.nodes().forEach((node, i) => {
      node.position(previous[node.id()] || { x: r * Math.cos(i * 2.39996) * Math.sqrt(i / (g.nodes.length + 1)),
        y: r * Math.sin(i * 2.39996) * Math.sqrt(i / (g.nodes.length + 1)) });
    });
  });
  cy.fit(undefined, 30);
  status.textContent = `${g.nodes.length} actors, ${g.edges.length} edges` +
    (g.truncated ? ` (the heaviest of ${g.total_edges})` : "");
  const t2 = performance.now();
  afterPaint(() => {
    if (seq !== graphSeq) return;
    body.graph = "ready";
    // Milliseconds spent fetching and drawing, and since the user's action (to the painted frame).
    body.timing = `fetch ${Math.round(t1 - t0)} draw ${Math.round(t2 - t1)} paint ${Math.round(performance.now() - t2)}`;
    if (actionAt) body.graphAnswerMs = String(Math.round(performance.now() - actionAt));
    body.nodes = String(g.nodes.length);
    body.edges = String(g.edges.length);
    body.graphVersion = String(seq);
    settle(seq, g);
  });
}

const worker = new Worker("/static/layout-worker.js", { type: "module" });
worker.onmessage = (ev) => {
  const { seq, positions, community, ms } = ev.data;
  if (seq !== graphSeq) return; // the network changed meanwhile
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.position(positions[node.id()] || node.position());
      node.data({ community: community[node.id()], colour: communityColour(community[node.id()]) });
    });
  });
  cy.fit(undefined, 30);
  const labels = placeLabels(cy);
  if (state.edge) selectEdge(state.edge[0], state.edge[1], false);
  afterPaint(() => {
    if (seq !== graphSeq) return;
    body.layout = "settled";
    body.layoutMs = String(ms);
    body.labels = String(labels);
    body.layoutVersion = String(seq);
  });
};

function settle(seq, g) {
  body.layout = "running";
  worker.postMessage({
    seq,
    nodes: g.nodes.map((n) => ({ id: n.id, size: cy.getElementById(n.id).data("size") / 2 })),
    edges: g.edges.map((e) => ({ id: `${e.a}\u0000${e.b}`, source: e.a, target: e.b, weight: e.weight })),
  });
}

let labelTimer = null;
cy.on("viewport", () => {
  clearTimeout(labelTimer);
  labelTimer = setTimeout(() => { if (body.layout === "settled") body.labels = String(placeLabels(cy)); }, 150);
});

async function loadTimeline() {
  const p = filterParams({ dates: false });
  p.set("by", state.by);
  const t = await getJSON("/api/timeline?" + p);
  timeline.set(t, form.elements.since.value || null, form.elements.until.value || null);
  body.timelineVersion = String(Number(body.timelineVersion || 0) + 1);
}

async function loadMap() {
  if (state.view !== "map") { mapStale = true; return; }
  mapStale = false;
  const p = filterParams({ near: false });
  for (const key of ["country"]) { // the places' own `country` is where they are: the filter is the actors'
    const values = p.getAll(key);
    p.delete(key);
    for (const v of values) p.append("actor_country", v);
  }
  p.set("limit", "1000");
  const r = await getJSON("/api/places?" + p);
  const { map } = await theMap();
  await map.set(r.places, state.near);
  afterPaint(() => {
    body.mapPlaces = String(r.places.length);
    body.mapVersion = String(Number(body.mapVersion || 0) + 1);
  });
}
let mapStale = true;

// What the panel shows is re-asked when the filters change (the evidence follows the date range).
let panel = null;
function openPanel(kind, ...args) {
  panel = [kind, args];
  const run = { dyad: showDyad, actor: showActor, place: showPlace }[kind];
  return run(filterParams({ level: kind === "dyad" }), { actionAt, afterPaint, setFocus, drillDown }, ...args).catch((e) => {
    document.getElementById("panel").textContent = `could not load the ${kind}: ${e.message}`;
  });
}

function changed() {
  actionAt = performance.now();
  writeURL(form, state);
  loadGraph();
  loadTimeline();
  loadMap();
  if (state.view === "documents") docs.show(form.elements.since.value, form.elements.until.value);
  if (panel) openPanel(panel[0], ...panel[1]);
}

let debounce = null;
form.addEventListener("input", (ev) => {
  actionAt = performance.now();
  if (ev.target.name === "level") state.edge = null; // the ends of an edge are another level's ids
  clearTimeout(debounce);
  // Typing (dates, weights) waits for a pause; a checkbox or a menu answers at once.
  const typed = ev.target.type === "number" || ev.target.type === "date";
  debounce = setTimeout(changed, typed ? 250 : 0);
});
form.addEventListener("submit", (ev) => ev.preventDefault());

function selectEdge(a, b, open = true) {
  const e = cy.getElementById(`${a}\u0000${b}`).union(cy.getElementById(`${b}\u0000${a}`));
  cy.elements().unselect();
  e.select();
  state.edge = [a, b];
  writeURL(form, state);
  if (open) openPanel("dyad", a, b);
}

cy.on("tap", "edge", (ev) => {
  actionAt = performance.now();
  const d = ev.target.data();
  cy.elements().removeClass("faded");
  selectEdge(d.source, d.target);
});
cy.on("tap", "node", (ev) => {
  const d = ev.target.data();
  const hood = ev.target.closedNeighborhood();
  cy.batch(() => { cy.elements().addClass("faded"); hood.removeClass("faded"); });
  state.edge = null;
  writeURL(form, state);
  openPanel("actor", d.id, d.name, currentLevel() === "state" && d.type === "state" ? d.code || d.id : null);
});
cy.on("tap", (ev) => { if (ev.target === cy) cy.elements().removeClass("faded"); });

async function pickPlaces(places) {
  const { km } = await theMap();
  actionAt = performance.now();
  const weight = places.reduce((s, p) => s + p.events, 0);
  const lat = places.reduce((s, p) => s + p.lat * p.events, 0) / weight;
  const lon = places.reduce((s, p) => s + p.lon * p.events, 0) / weight;
  const centre = { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 };
  const radius = Math.ceil(Math.max(...places.map((p) => km(centre, p))) + 1);
  const name = places.length > 1 ? `${places[0].name} and ${places.length - 1} more` : places[0].name;
  setNear({ ...centre, km: radius, name });
}

function setNear(near) {
  state.near = near;
  document.getElementById("near").hidden = !near;
  document.getElementById("near-name").textContent = near ? `${near.name} (${near.km} km)` : "";
  changed();
  if (near) openPanel("place", near);
}
document.getElementById("near-clear").addEventListener("click", () => setNear(null));

function currentLevel() {
  return new FormData(form).get("level") || "state";
}

// From a state to its people and organs: the actor level, kept to actors of that country.
function drillDown(code, name) {
  const select = form.elements.country;
  if (![...select.options].some((o) => o.value === code)) select.append(el("option", { value: code }, code));
  for (const o of select.options) o.selected = o.value === code;
  for (const r of form.elements.level) r.checked = r.value === "actor";
  state.edge = null;
  state.focus = null;
  document.getElementById("focus").hidden = true;
  changed();
  openPanel("actor", null, name, code);
}

function setFocus(actor) {
  state.focus = actor;
  document.getElementById("focus").hidden = !actor;
  document.getElementById("focus-name").textContent = actor ? actor.name || actor.id : "";
  changed();
}
document.getElementById("focus-clear").addEventListener("click", () => setFocus(null));

// Views: the network and the map share the centre; the timeline stays below both.
function showView(view) {
  state.view = view;
  for (const b of document.querySelectorAll("#views button")) b.setAttribute("aria-pressed", String(b.dataset.view === view));
  document.getElementById("graph").hidden = view !== "network";
  document.getElementById("map").hidden = view !== "map";
  document.getElementById("documents").hidden = view !== "documents";
  writeURL(form, state);
  if (view === "documents") docs.show(form.elements.since.value, form.elements.until.value);
  if (view === "network") { cy.resize(); cy.fit(undefined, 30); }
  if (view === "map" && mapStale) loadMap();
  else if (view === "map") theMap().then(({ map }) => map.resize());
}
for (const b of document.querySelectorAll("#views button")) b.addEventListener("click", () => showView(b.dataset.view));
document.getElementById("tl-by").addEventListener("change", (ev) => { state.by = ev.target.value; writeURL(form, state); loadTimeline(); });

document.getElementById("export-png").addEventListener("click", () =>
  state.view === "map" ? theMap().then(({ map }) => downloadMap(map, "png")) : downloadNetwork(cy, "png"));
document.getElementById("export-svg").addEventListener("click", () =>
  state.view === "map" ? theMap().then(({ map }) => downloadMap(map, "svg")) : downloadNetwork(cy, "svg"));
document.getElementById("export-csv").addEventListener("click", () => downloadCSV(filterParams()));

// Search: any actor of the store by whole words; one drawn is centred, one not drawn gets its own relations drawn.
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
  const r = await getJSON("/api/actors?" + new URLSearchParams({ q, limit: "12" })); // whole words, the last one as typed
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
  body.search = "ready";
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
    openPanel("actor", actor.id, actor.name);
  }
}

// Filters whose values come from the store: countries, actor types, PLOVER types (most events first).
async function buildFacets() {
  const f = await getJSON("/api/facets");
  const country = form.elements.country;
  for (const c of f.countries) country.append(el("option", { value: c.value }, `${c.value} (${c.events})`));
  const box = (name, items, label = (x) => x.value) => {
    const holder = document.getElementById(`facet-${name}`);
    for (const x of items) {
      const input = el("input", { type: "checkbox", name, value: x.value });
      const l = el("label", {}, input);
      l.append(` ${label(x)} `, el("span", { class: "count" }, String(x.events)));
      holder.append(l);
    }
  };
  box("actor_type", f.actor_types);
  box("plover", f.plover, (x) => x.value.toLowerCase());
}

async function start() {
  // The network is asked for at once unless the link names values of the filters the store lists
  // (countries, actor types, PLOVER types): those inputs exist only once the facets are read.
  const facets = buildFacets();
  const needsFacets = ["country", "actor_type", "plover"].some((k) => new URLSearchParams(location.search).has(k));
  readURL(form, state);
  if (!needsFacets) { loadGraph(); loadTimeline(); }
  await facets;
  const restored = readURL(form, state);
  if (state.near) {
    document.getElementById("near").hidden = false;
    document.getElementById("near-name").textContent = `${state.near.name} (${state.near.km} km)`;
  }
  if (state.focus) {
    document.getElementById("focus").hidden = false;
    document.getElementById("focus-name").textContent = state.focus.name || state.focus.id;
  }
  document.getElementById("tl-by").value = state.by;
  showView(state.view);
  if (needsFacets) { loadGraph(); loadTimeline(); }
  if (state.view === "map") loadMap();
  if (state.edge) openPanel("dyad", state.edge[0], state.edge[1]);
  else if (state.near) openPanel("place", state.near);
  else if (state.focus) openPanel("actor", state.focus.id, state.focus.name);
  body.restored = String(restored);
}

// For scripted use (and the browser tests): the Cytoscape instance and the map.
state.docs = docs;
window.diplograph = { cy, map: null, state };
start();
