// Lays the network out off the page's main thread: communities (Louvain), then ForceAtlas2 from a start
// placed by community, then a pass that removes node overlaps and one that keeps nodes off other edges'
// midpoints. Every step is seeded and reads its input sorted, so the same network gets the same picture on
// every load; communities end up apart.
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";

// A small seeded generator (mulberry32): Math.random would give another layout on each load.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// A click at an edge's drawn midpoint opens that edge, so no node may be drawn over it: not another node (it
// moves off the edge's line, on the side it already lies on, just far enough), and not one of the edge's own
// nodes (a short edge between two large nodes is lengthened, both ends moving apart along it). A node's size
// here is half its drawn width (app.js sends it so); its box is that plus a margin. Moving a node shifts its
// own edges' midpoints, so a few rounds run, nodes found through a grid (large networks stay near linear).
function clearMidpoints(g, rounds = 4, margin = 4) {
  const half = (a) => (a.size || 8) + margin;
  const clear = (h) => h * Math.SQRT2 + 0.5;  // no box of half-side h holds a point this far from its centre
  let widest = 0;
  g.forEachNode((_, a) => { widest = Math.max(widest, half(a)); });
  const cell = 2 * widest || 1;
  for (let r = 0; r < rounds; r++) {
    const grid = new Map();
    g.forEachNode((id, a) => {
      const key = `${Math.floor(a.x / cell)},${Math.floor(a.y / cell)}`;
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(id);
    });
    let moved = 0;
    g.forEachEdge((_, __, s, t, sa, ta) => {
      let len = Math.hypot(ta.x - sa.x, ta.y - sa.y);
      const need = Math.max(clear(half(sa)), clear(half(ta)));
      if (len > 0 && len / 2 < need) {  // an end covers the midpoint: both ends move apart along the edge
        const push = (need - len / 2) / len;
        const dx = (ta.x - sa.x) * push, dy = (ta.y - sa.y) * push;
        g.mergeNodeAttributes(s, { x: sa.x - dx, y: sa.y - dy });
        g.mergeNodeAttributes(t, { x: ta.x + dx, y: ta.y + dy });
        len = 2 * need;
        moved++;
      }
      const mx = (sa.x + ta.x) / 2, my = (sa.y + ta.y) / 2;
      const px = -(ta.y - sa.y) / (len || 1), py = (ta.x - sa.x) / (len || 1);  // the edge's unit normal
      const gx = Math.floor(mx / cell), gy = Math.floor(my / cell);
      for (let i = gx - 1; i <= gx + 1; i++) for (let j = gy - 1; j <= gy + 1; j++) {
        for (const id of grid.get(`${i},${j}`) || []) {
          if (id === s || id === t) continue;
          const a = g.getNodeAttributes(id), h = half(a);
          if (Math.abs(a.x - mx) > h || Math.abs(a.y - my) > h) continue;
          const across = (a.x - mx) * px + (a.y - my) * py, side = across >= 0 ? 1 : -1;
          const step = clear(h) - Math.abs(across);
          g.mergeNodeAttributes(id, { x: a.x + side * step * px, y: a.y + side * step * py });
          moved++;
        }
      }
    });
    if (!moved) break;
  }
}

export function layout(nodes, edges) {
  const g = new Graph({ type: "undirected", allowSelfLoops: false });
  const byId = [...nodes].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const n of byId) g.addNode(n.id, { size: n.size || 8 });
  const sorted = [...edges].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const e of sorted) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    if (!g.hasEdge(e.source, e.target)) g.addEdge(e.source, e.target, { weight: Math.log1p(e.weight || 1) });
  }
  const community = g.order ? louvain(g, { rng: seeded(7), getEdgeWeight: "weight", resolution: 1 }) : {};
  // Community centres on a sunflower spiral, the largest first; members around their centre.
  const members = new Map();
  for (const n of byId) {
    const c = community[n.id] ?? -1;
    if (!members.has(c)) members.set(c, []);
    members.get(c).push(n.id);
  }
  const groups = [...members.entries()].sort((x, y) => y[1].length - x[1].length || x[0] - y[0]);
  const spread = 40 * Math.sqrt(g.order + 1);
  groups.forEach(([, ids], k) => {
    const r = spread * Math.sqrt(k / Math.max(1, groups.length)), a = k * 2.39996;
    const cx = r * Math.cos(a), cy = r * Math.sin(a), rr = 6 * Math.sqrt(ids.length);
    for (const id of ids) {
      const h = hash(id), ang = (h % 3600) / 3600 * 2 * Math.PI, d = rr * ((h >>> 12) % 1000) / 1000;
      g.mergeNodeAttributes(id, { x: cx + d * Math.cos(ang), y: cy + d * Math.sin(ang) });
    }
  });
  const big = g.order > 500;
  const settings = {
    ...forceAtlas2.inferSettings(g), barnesHutOptimize: big, linLogMode: true, adjustSizes: false,
    outboundAttractionDistribution: true, edgeWeightInfluence: 1, gravity: 1.5, scalingRatio: 4,
  };
  // The start is already grouped by community: a few hundred steps settle it (each is O(n²) below 500 nodes).
  forceAtlas2.assign(g, { iterations: big ? 80 : 150, settings, getEdgeWeight: "weight" });
  // Scale to a plane where a node of size s takes about s units and the picture is about sqrt(n) nodes
  // across, then push apart the nodes that still overlap (their labels need room too).
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  g.forEachNode((_, a) => {
    minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x); minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
  });
  const width = Math.max(maxX - minX, maxY - minY, 1e-9);
  const target = 90 * Math.sqrt(g.order + 1);
  g.updateEachNodeAttributes((_, a) => ({ ...a, x: (a.x - minX) / width * target, y: (a.y - minY) / width * target }));
  noverlap.assign(g, { maxIterations: 60, settings: { margin: 6, ratio: 1, expansion: 1.05 } });
  clearMidpoints(g);
  const positions = {}, groupOf = {};
  const rank = new Map(groups.map(([c], k) => [c, k]));
  g.forEachNode((id, a) => {
    positions[id] = { x: Math.round(a.x * 100) / 100, y: Math.round(a.y * 100) / 100 };
    groupOf[id] = rank.get(community[id] ?? -1);
  });
  return { positions, community: groupOf };
}

if (typeof self !== "undefined") self.onmessage = (ev) => {
  const { seq, nodes, edges } = ev.data;
  const t = performance.now();
  const { positions, community } = layout(nodes, edges);
  self.postMessage({ seq, positions, community, ms: Math.round(performance.now() - t) });
};
