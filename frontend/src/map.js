// The map: Natural Earth countries (world-atlas, shipped with the page: no tile server) shaded by the
// located events inside them, and the places as points, clustered on screen when they crowd. Wheel zooms,
// drag pans; a click on a point hands its places to the page. Names go in as text only.
import { geoBounds, geoContains, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";

const NS = "http://www.w3.org/2000/svg";
const CLUSTER_PX = 16; // points closer than this on screen are drawn as one

function svg(tag, attrs = {}) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function shade(v, max) {
  if (!v) return "#f7fafc";
  const t = Math.log1p(v) / Math.log1p(max);
  const mix = (a, b) => Math.round(a + (b - a) * t);
  return `rgb(${mix(226, 43)}, ${mix(232, 108)}, ${mix(240, 176)})`;
}

export function km(a, b) {
  const r = Math.PI / 180, dl = (b.lat - a.lat) * r, dn = (b.lon - a.lon) * r;
  const h = Math.sin(dl / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dn / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function createMap(container, onPick, card) {
  let countries = null, places = [], selected = null;
  let k = 1, tx = 0, ty = 0; // zoom and pan over the projected plane
  let svgRoot = null, world = null, dots = null, projection = null;
  const ready = fetch("/static/countries-110m.json").then((r) => r.json()).then((topo) => {
    countries = feature(topo, topo.objects.countries).features.map((f) => ({ f, box: geoBounds(f), n: 0 }));
  });

  function build() {
    const w = container.clientWidth || 800, h = container.clientHeight || 500;
    projection = geoNaturalEarth1().fitExtent([[8, 8], [w - 8, h - 8]], { type: "Sphere" });
    const path = geoPath(projection);
    svgRoot = svg("svg", { xmlns: NS, width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: "img",
      "aria-label": "map of located events", "font-family": "system-ui, sans-serif" });
    svgRoot.append(svg("rect", { width: w, height: h, fill: "#e6f0f8" }));
    world = svg("g", { class: "world" });
    world.append(svg("path", { d: path({ type: "Sphere" }), fill: "#dbe9f5", stroke: "#a0aec0", "stroke-width": 0.5 }));
    const max = Math.max(1, ...countries.map((c) => c.n));
    for (const c of countries) {
      const p = svg("path", { d: path(c.f), fill: shade(c.n, max), stroke: "#a0aec0", "stroke-width": 0.5,
        "vector-effect": "non-scaling-stroke", class: "country" });
      p.dataset.events = String(c.n);
      p.addEventListener("mousemove", (ev) => tip(ev, [c.f.properties.name, `${c.n} located events`]));
      p.addEventListener("mouseleave", () => { card.hidden = true; });
      world.append(p);
    }
    dots = svg("g", { class: "places" });
    svgRoot.append(world, dots);
    container.replaceChildren(svgRoot);
    interactions();
    transform();
  }

  function tip(ev, lines) {
    card.replaceChildren(...lines.map((t) => { const d = document.createElement("div"); d.textContent = t; return d; }));
    card.hidden = false;
    card.style.left = `${Math.min(ev.clientX + 14, window.innerWidth - 280)}px`;
    card.style.top = `${ev.clientY + 14}px`;
  }

  function transform() {
    world.setAttribute("transform", `translate(${tx},${ty}) scale(${k})`);
    drawPoints();
  }

  // Greedy clustering on screen: places by events, each joins the first cluster within CLUSTER_PX.
  function clusters() {
    const out = [];
    for (const p of places) {
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const x = xy[0] * k + tx, y = xy[1] * k + ty;
      const c = out.find((o) => Math.hypot(o.x - x, o.y - y) < CLUSTER_PX);
      if (c) { c.places.push(p); c.events += p.events; } else out.push({ x, y, places: [p], events: p.events });
    }
    return out;
  }

  function drawPoints() {
    dots.replaceChildren();
    const w = container.clientWidth, h = container.clientHeight;
    for (const c of clusters()) {
      if (c.x < -20 || c.y < -20 || c.x > w + 20 || c.y > h + 20) continue;
      const r = Math.min(15, 3 + 1.2 * Math.sqrt(c.events));
      const many = c.places.length > 1;
      const isSel = selected && c.places.some((p) => p.name === selected.name && p.lat === selected.lat);
      const g = svg("g", { class: many ? "cluster" : "place", transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})` });
      g.append(svg("circle", { r: r.toFixed(1), fill: many ? "#dd6b20" : "#c05621", "fill-opacity": 0.75,
        stroke: isSel ? "#1a202c" : "#ffffff", "stroke-width": isSel ? 3 : 1 }));
      if (many) {
        const t = svg("text", { "text-anchor": "middle", dy: "0.35em", "font-size": 10, fill: "#ffffff", "pointer-events": "none" });
        t.textContent = String(c.events);
        g.append(t);
      }
      g.dataset.events = String(c.events);
      g.dataset.places = String(c.places.length);
      if (!many) g.dataset.name = c.places[0].name;
      g.style.cursor = "pointer";
      const names = c.places.slice(0, 5).map((p) => `${p.name} (${p.country || "?"}): ${p.events}`);
      g.addEventListener("mousemove", (ev) => tip(ev, names.concat(c.places.length > 5 ? [`and ${c.places.length - 5} more`] : [])));
      g.addEventListener("mouseleave", () => { card.hidden = true; });
      g.addEventListener("click", (ev) => { ev.stopPropagation(); onPick(c.places); });
      dots.append(g);
    }
  }

  function interactions() {
    svgRoot.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const box = svgRoot.getBoundingClientRect(), mx = ev.clientX - box.left, my = ev.clientY - box.top;
      const f = Math.exp(-ev.deltaY * 0.0015), nk = Math.min(40, Math.max(1, k * f));
      tx = mx - (mx - tx) * nk / k; ty = my - (my - ty) * nk / k; k = nk;
      transform();
    }, { passive: false });
    let drag = null;
    svgRoot.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest("g.place, g.cluster")) return;
      drag = { x: ev.clientX, y: ev.clientY, tx, ty };
      svgRoot.setPointerCapture(ev.pointerId);
    });
    svgRoot.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      tx = drag.tx + ev.clientX - drag.x; ty = drag.ty + ev.clientY - drag.y;
      world.setAttribute("transform", `translate(${tx},${ty}) scale(${k})`);
      dots.setAttribute("transform", `translate(${tx - drag.tx},${ty - drag.ty})`);
    });
    svgRoot.addEventListener("pointerup", () => {
      if (!drag) return;
      drag = null;
      dots.removeAttribute("transform");
      drawPoints();
    });
  }

  return {
    ready,
    async set(list, picked) {
      await ready;
      places = list;
      selected = picked;
      for (const c of countries) c.n = 0;
      for (const p of places) {
        const c = countries.find((x) => p.lon >= x.box[0][0] && p.lon <= x.box[1][0] && p.lat >= x.box[0][1] &&
          p.lat <= x.box[1][1] && geoContains(x.f, [p.lon, p.lat])) ||
          countries.find((x) => geoContains(x.f, [p.lon, p.lat])); // boxes across the antimeridian
        if (c) c.n += p.events;
      }
      build();
    },
    resize() { if (countries && places) build(); },
    svgText() {
      return svgRoot ? new XMLSerializer().serializeToString(svgRoot) : null;
    },
    project(lat, lon) {
      const xy = projection([lon, lat]);
      return { x: xy[0] * k + tx, y: xy[1] * k + ty };
    },
  };
}
