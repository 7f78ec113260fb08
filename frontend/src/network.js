// The network view: Cytoscape drawing, community colours, arrows, labels placed without collisions,
// hover cards and an SVG writer of the current view. Untrusted names go in as text only.
import cytoscape from "cytoscape";
import { el } from "./common.js";

export const SIGN_COLOUR = { 1: "#2f855a", "-1": "#c53030", 0: "#a0aec0" };
// Community colours (Okabe–Ito and Tableau hues, distinguishable side by side); the rest are grey.
const PALETTE = ["#2b6cb0", "#dd6b20", "#2f855a", "#b83280", "#6b46c1", "#0987a0", "#b7791f", "#c53030",
  "#4c51bf", "#718096", "#38a169", "#d53f8c"];
export const SHAPES = { state: "ellipse", person: "diamond", igo: "round-rectangle", group: "hexagon",
  sector: "rectangle" };
const LABEL_PX = 11; // labels keep this size on screen whatever the zoom
const LABEL_MAX = 24; // characters of a drawn label; the hover card has the whole name
const LABELLED = 150; // the most central nodes that may get a label, if it has room

export function communityColour(k) {
  return k === undefined || k === null || k >= PALETTE.length ? "#a0aec0" : PALETTE[k];
}

export function shortName(name) {
  return name.length > LABEL_MAX ? name.slice(0, LABEL_MAX - 1) + "…" : name;
}

export function createNetwork(container, card) {
  const cy = cytoscape({
    container, minZoom: 0.03, maxZoom: 4, pixelRatio: 1,
    style: [
      { selector: "node", style: {
        width: "data(size)", height: "data(size)", "background-color": "data(colour)", shape: "data(shape)",
        "border-width": 1, "border-color": "#ffffff", label: "data(label)", "font-size": "data(fs)",
        "font-family": "system-ui, sans-serif", color: "#1a202c", "text-valign": "bottom", "text-halign": "center",
        "text-margin-y": "data(gap)", "text-outline-color": "#ffffff", "text-outline-width": "data(outline)",
        "min-zoomed-font-size": 0,
      } },
      { selector: "node.lab-top", style: { "text-valign": "top", "text-margin-y": "data(gapTop)" } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": "data(colour)", opacity: 0.7, "curve-style": "straight",
        "target-arrow-color": "data(colour)", "source-arrow-color": "data(colour)", "arrow-scale": 0.8,
      } },
      { selector: "edge.fwd", style: { "target-arrow-shape": "triangle" } },
      { selector: "edge.back", style: { "source-arrow-shape": "triangle" } },
      { selector: "node.hover", style: { label: "data(name)", "z-index": 20, "font-weight": "bold" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#1a202c", label: "data(name)" } },
      { selector: "edge.hover", style: { opacity: 1, "z-index": 15 } },
      { selector: "edge:selected", style: {
        opacity: 1, "line-color": "#1a202c", "target-arrow-color": "#1a202c", "source-arrow-color": "#1a202c",
        "z-index": 10, "underlay-color": "#f6e05e", "underlay-opacity": 0.8, "underlay-padding": 4,
      } },
      { selector: ".faded", style: { opacity: 0.12 } },
    ],
  });

  function place(x, y, lines) {
    card.replaceChildren(...lines.map(([k, v]) => el("div", {}, k ? `${k}: ${v}` : v)));
    card.hidden = false;
    const box = container.getBoundingClientRect();
    card.style.left = `${Math.min(box.left + x + 14, window.innerWidth - 280)}px`;
    card.style.top = `${box.top + y + 14}px`;
  }
  cy.on("mouseover", "node", (ev) => {
    const n = ev.target, d = n.data(), p = ev.renderedPosition;
    n.addClass("hover");
    place(p.x, p.y, [[null, d.name], ["code", d.code || "—"], ["type", d.type], ["events", d.events],
      ["mean Goldstein", d.goldstein ?? "—"], ["community", d.community ?? "—"]]);
  });
  cy.on("mouseover", "edge", (ev) => {
    const e = ev.target, d = e.data(), p = ev.renderedPosition;
    e.addClass("hover");
    place(p.x, p.y, [[null, `${e.source().data("name")} — ${e.target().data("name")}`],
      ["events", `${d.events} (${d.ab} →, ${d.ba} ←)`], ["statements", d.statements],
      ["mean Goldstein", d.goldstein ?? "—"], ["cooperative / conflictual", `${d.cooperative} / ${d.conflictual}`]]);
  });
  cy.on("mouseout", "node, edge", (ev) => { ev.target.removeClass("hover"); card.hidden = true; });
  cy.on("viewport", () => { card.hidden = true; });
  return cy;
}

// Labels: the most central nodes first (activity), each below its node or else above it, kept only
// where it overlaps no label already placed and lies inside the view; the rest show on hover.
export function placeLabels(cy) {
  const z = cy.zoom();
  const ranked = cy.nodes().sort((a, b) => b.data("activity") - a.data("activity") || (a.id() < b.id() ? -1 : 1));
  const extent = cy.extent();
  // Sizes in data, not in the style sheet: a data change renews each node's cached label picture.
  const sizes = { fs: LABEL_PX / z, gap: 2 / z, gapTop: -2 / z, outline: 2 / z };
  cy.batch(() => {
    ranked.forEach((n, i) => {
      n.removeClass("lab-top");
      const inView = n.position().x >= extent.x1 && n.position().x <= extent.x2 &&
        n.position().y >= extent.y1 && n.position().y <= extent.y2;
      n.data({ ...sizes, label: i < LABELLED && inView ? shortName(n.data("name")) : "" });
    });
  });
  const placed = [];
  const w = cy.width(), h = cy.height();
  const fits = (b) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= w && b.y2 <= h &&
    !placed.some((o) => b.x1 < o.x2 + 2 && b.x2 > o.x1 - 2 && b.y1 < o.y2 + 1 && b.y2 > o.y1 - 1);
  const rejected = [];
  ranked.forEach((n) => {
    if (!n.data("label")) return;
    const opts = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false };
    const below = n.renderedBoundingBox(opts);
    if (fits(below)) { placed.push(below); return; }
    const dy = below.y1 - n.renderedBoundingBox({ includeLabels: false }).y1 + below.h;
    const above = { x1: below.x1, x2: below.x2, y1: below.y1 - dy, y2: below.y2 - dy, h: below.h };
    if (fits(above)) { placed.push(above); n.addClass("lab-top"); return; }
    rejected.push(n);
  });
  // The kept labels' size is written once more (a hair larger): Cytoscape's cached label pictures were
  // made while the labels were measured, some of them clipped; a data change renews them.
  cy.batch(() => {
    rejected.forEach((n) => n.data("label", ""));
    ranked.forEach((n) => { if (n.data("label")) n.data("fs", sizes.fs * 1.0001); });
  });
  return placed.length;
}

function esc(text) {
  // For the SVG file only (written as markup): names become character data, never markup.
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// The current view as a standalone SVG document: what is on screen, at screen size.
export function networkSVG(cy) {
  const w = cy.width(), h = cy.height(), z = cy.zoom();
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" ' +
    'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="context-stroke"/></marker></defs>'];
  const inView = (p) => p.x > -50 && p.y > -50 && p.x < w + 50 && p.y < h + 50;
  cy.edges().forEach((e) => {
    const s = e.source().renderedPosition(), t = e.target().renderedPosition();
    if (!inView(s) && !inView(t)) return;
    const d = e.data(), colour = e.selected() ? "#1a202c" : d.colour;
    const marks = (e.hasClass("fwd") ? ' marker-end="url(#arrow)"' : "") + (e.hasClass("back") ? ' marker-start="url(#arrow)"' : "");
    out.push(`<line x1="${s.x.toFixed(1)}" y1="${s.y.toFixed(1)}" x2="${t.x.toFixed(1)}" y2="${t.y.toFixed(1)}" ` +
      `stroke="${colour}" stroke-opacity="0.7" stroke-width="${(d.width * z).toFixed(2)}"${marks}/>`);
  });
  const labels = [];
  cy.nodes().forEach((n) => {
    const p = n.renderedPosition();
    if (!inView(p)) return;
    const r = (n.data("size") * z) / 2;
    out.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r.toFixed(1)}" fill="${n.data("colour")}" ` +
      `stroke="#ffffff"><title>${esc(n.data("name"))}</title></circle>`);
    const label = n.hasClass("hover") || n.selected() ? n.data("name") : n.data("label");
    if (label) {
      const y = n.hasClass("lab-top") ? p.y - r - 3 : p.y + r + LABEL_PX + 1;
      labels.push(`<text x="${p.x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-size="${LABEL_PX}" ` +
        `font-family="system-ui, sans-serif" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(label)}</text>`);
    }
  });
  out.push(...labels, "</svg>");
  return out.join("\n");
}
