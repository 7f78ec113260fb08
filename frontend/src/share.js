// The view's state in the URL (filters, focus, selected edge, place, view): a copied link reopens it.
const LISTS = ["quad", "modality", "country", "actor_type", "plover"];
const VALUES = ["since", "until", "min_weight", "limit", "level"];

export function writeURL(form, state) {
  const data = new FormData(form);
  const p = new URLSearchParams();
  for (const k of VALUES) {
    const v = data.get(k);
    if (v && !(k === "min_weight" && v === "1") && !(k === "limit" && v === "300") && !(k === "level" && v === "state")) {
      p.set(k, v);
    }
  }
  for (const k of LISTS) for (const v of data.getAll(k)) p.append(k, v);
  if (state.focus) { p.set("actor", state.focus.id); if (state.focus.name) p.set("actor_name", state.focus.name); }
  if (state.edge) p.set("edge", state.edge.join("~"));
  if (state.near) p.set("near", `${state.near.lat},${state.near.lon},${state.near.km},${state.near.name}`);
  if (state.view !== "network") p.set("view", state.view);
  if (state.view === "documents" && state.docs) {
    const d = state.docs.state();
    if (d.q) p.set("doc_q", d.q);
    if (d.titles) p.set("doc_titles", "1");
  }
  if (state.by !== "month") p.set("by", state.by);
  const query = p.toString();
  history.replaceState(null, "", query ? "?" + query : location.pathname);
}

// Sets the form and the state from the URL; returns how many values it restored.
export function readURL(form, state) {
  const p = new URLSearchParams(location.search);
  let n = 0;
  for (const k of VALUES) {
    if (p.has(k) && form.elements[k]) {
      const el = form.elements[k];
      if (el instanceof RadioNodeList) for (const r of el) r.checked = r.value === p.get(k);
      else el.value = p.get(k);
      n++;
    }
  }
  for (const k of LISTS) {
    const wanted = new Set(p.getAll(k));
    if (!wanted.size) continue;
    for (const input of form.querySelectorAll(`[name="${k}"]`)) {
      if (input.tagName === "SELECT") for (const o of input.options) o.selected = wanted.has(o.value);
      else input.checked = wanted.has(input.value);
    }
    n++;
  }
  if (p.get("actor")) { state.focus = { id: p.get("actor"), name: p.get("actor_name") || p.get("actor") }; n++; }
  const edge = (p.get("edge") || "").split("~");
  if (edge.length === 2 && edge[0] && edge[1]) { state.edge = edge; n++; }
  const near = (p.get("near") || "").split(",");
  if (near.length >= 3 && near.slice(0, 3).every((x) => x !== "" && Number.isFinite(Number(x)))) {
    state.near = { lat: Number(near[0]), lon: Number(near[1]), km: Number(near[2]), name: near.slice(3).join(",") || "place" };
    n++;
  }
  if (["network", "map", "documents"].includes(p.get("view"))) state.view = p.get("view");
  if (state.docs && (p.get("doc_q") || p.get("doc_titles"))) state.docs.restore(p.get("doc_q"), p.get("doc_titles"));
  if (["week", "month"].includes(p.get("by"))) state.by = p.get("by");
  return n;
}
