// The corpus over time: stacked bars of events per week or month by quad class, and a brush (drag over
// the bars) that sets the date range of every other view; a click without a drag clears it.
const NS = "http://www.w3.org/2000/svg";
export const QUAD = { 1: ["verbal cooperation", "#9ae6b4"], 2: ["material cooperation", "#2f855a"],
  3: ["verbal conflict", "#feb2b2"], 4: ["material conflict", "#c53030"] };
const DAY = 86400000;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const toTime = (iso) => Date.parse(iso + "T00:00:00Z");
const toISO = (t) => new Date(t).toISOString().slice(0, 10);

function periodEnd(iso, by) {
  const d = new Date(toTime(iso));
  if (by === "week") return toTime(iso) + 7 * DAY;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

// The drawn span leaves out thin tails (a date quoted from 1927 would squash the rest): the first and
// last periods holding half a percent of the events each side, told in the caption.
function span(t) {
  const totals = t.periods.map((_, i) => [1, 2, 3, 4].reduce((s, q) => s + t.quad[q][i], 0) + t.other[i]);
  const all = totals.reduce((a, b) => a + b, 0);
  const cut = all * 0.005;
  let lo = 0, hi = totals.length - 1, acc = 0;
  while (lo < hi && acc + totals[lo] <= cut) acc += totals[lo++];
  const before = acc;
  acc = 0;
  while (hi > lo && acc + totals[hi] <= cut) acc += totals[hi--];
  return { lo, hi, before, after: acc, totals };
}

export function createTimeline(root, onBrush) {
  let data = null, range = { since: null, until: null }, geom = null;
  const caption = root.querySelector(".tl-caption");
  const plot = root.querySelector(".tl-plot");

  function draw() {
    plot.replaceChildren();
    if (!data || !data.periods.length) { caption.textContent = "no dated events under these filters"; return; }
    const { lo, hi, before, after, totals } = span(data);
    const w = plot.clientWidth || 600, h = plot.clientHeight || 110, pad = { l: 34, r: 8, t: 6, b: 18 };
    const t0 = toTime(data.periods[lo]), t1 = periodEnd(data.periods[hi], data.by);
    const x = (t) => pad.l + (t - t0) / (t1 - t0) * (w - pad.l - pad.r);
    // A square-root scale: one busy month would flatten every other bar on a linear one.
    const max = Math.max(1, ...totals.slice(lo, hi + 1));
    const y = (v) => h - pad.b - Math.sqrt(v / max) * (h - pad.t - pad.b);
    const root_ = svg("svg", { width: w, height: h, role: "img", "aria-label": "events over time" });
    root_.append(svg("line", { x1: pad.l, x2: w - pad.r, y1: h - pad.b, y2: h - pad.b, stroke: "#a0aec0" }));
    const ymax = svg("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end", "font-size": 10, fill: "#4a5568" });
    ymax.textContent = String(max);
    const note = svg("text", { x: pad.l - 4, y: h - pad.b, "text-anchor": "end", "font-size": 9, fill: "#718096" });
    note.textContent = "√";
    root_.append(note);
    root_.append(ymax);
    const first = new Date(t0).getUTCFullYear() + 1, last = new Date(t1).getUTCFullYear();
    const step = Math.max(1, Math.ceil((last - first + 1) / Math.max(1, (w - pad.l - pad.r) / 42)));
    for (let year = first; Date.UTC(year, 0, 1) < t1; year += step) {
      const xx = x(Date.UTC(year, 0, 1));
      root_.append(svg("line", { x1: xx, x2: xx, y1: pad.t, y2: h - pad.b + 3, stroke: "#e2e8f0" }));
      const label = svg("text", { x: xx + 2, y: h - 5, "font-size": 10, fill: "#4a5568" });
      label.textContent = String(year);
      root_.append(label);
    }
    const bars = svg("g", { class: "bars" });
    for (let i = lo; i <= hi; i++) {
      const a = x(toTime(data.periods[i])), b = x(periodEnd(data.periods[i], data.by));
      let base = 0;
      for (const q of [1, 2, 3, 4, 0]) {
        const v = q ? data.quad[q][i] : data.other[i];
        if (!v) continue;
        const r = svg("rect", { x: a + 0.5, width: Math.max(1, b - a - 1), y: y(base + v), height: y(base) - y(base + v),
          fill: q ? QUAD[q][1] : "#cbd5e0" });
        const tip = svg("title");
        tip.textContent = `${data.periods[i]}: ${v} ${q ? QUAD[q][0] : "other"}`;
        r.append(tip);
        bars.append(r);
        base += v;
      }
    }
    root_.append(bars);
    const sel = svg("rect", { class: "tl-brush", y: pad.t, height: h - pad.t - pad.b, fill: "#f6e05e", "fill-opacity": 0.35,
      stroke: "#b7791f", visibility: "hidden" });
    root_.append(sel);
    const overlay = svg("rect", { class: "tl-overlay", x: pad.l, y: 0, width: w - pad.l - pad.r, height: h, fill: "transparent",
      cursor: "crosshair" });
    root_.append(overlay);
    plot.append(root_);
    geom = { x, t0, t1, pad, w, sel, overlay };
    showRange();
    const outside = before + after;
    caption.textContent = `${data.total} events by ${data.by}` + (data.undated ? `, ${data.undated} undated` : "") +
      (outside ? `; ${outside} outside ${data.periods[lo].slice(0, 7)} – ${data.periods[hi].slice(0, 7)} not drawn` : "") +
      ". Drag over the bars to choose dates; click to clear.";
    brushHandlers(overlay);
  }

  function showRange() {
    if (!geom) return;
    const { x, t0, t1, sel } = geom;
    if (!range.since && !range.until) { sel.setAttribute("visibility", "hidden"); return; }
    const a = x(Math.max(t0, range.since ? toTime(range.since) : t0));
    const b = x(Math.min(t1, range.until ? toTime(range.until) + DAY : t1));
    sel.setAttribute("x", String(Math.min(a, b)));
    sel.setAttribute("width", String(Math.max(1, Math.abs(b - a))));
    sel.setAttribute("visibility", "visible");
  }

  function brushHandlers(overlay) {
    let start = null;
    const at = (ev) => ev.clientX - overlay.getBoundingClientRect().left + geom.pad.l;
    const time = (px) => geom.t0 + (px - geom.pad.l) / (geom.w - geom.pad.l - geom.pad.r) * (geom.t1 - geom.t0);
    overlay.addEventListener("pointerdown", (ev) => {
      start = at(ev);
      overlay.setPointerCapture(ev.pointerId);
    });
    overlay.addEventListener("pointermove", (ev) => {
      if (start === null) return;
      const a = Math.min(start, at(ev)), b = Math.max(start, at(ev));
      geom.sel.setAttribute("x", String(a));
      geom.sel.setAttribute("width", String(Math.max(1, b - a)));
      geom.sel.setAttribute("visibility", "visible");
    });
    overlay.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const a = Math.min(start, at(ev)), b = Math.max(start, at(ev));
      start = null;
      if (b - a < 4) { range = { since: null, until: null }; showRange(); onBrush(null, null); return; }
      const since = toISO(Math.max(geom.t0, time(a))), until = toISO(Math.min(geom.t1 - DAY, time(b)));
      range = { since, until };
      onBrush(since, until);
    });
  }

  window.addEventListener("resize", () => draw());
  return {
    set(timeline, since, until) { data = timeline; range = { since, until }; draw(); },
    range(since, until) { range = { since, until }; showRange(); },
  };
}
