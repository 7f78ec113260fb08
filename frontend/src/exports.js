// Pictures and tables of what is on screen: PNG and SVG of the network or the map, CSV of the events
// under the filters. Files are made in the page and saved through a download link.
import { getJSON } from "./common.js";
import { networkSVG } from "./network.js";

function save(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

export async function downloadNetwork(cy, kind) {
  if (kind === "svg") {
    save(new Blob([networkSVG(cy)], { type: "image/svg+xml" }), `diplograph-network-${stamp()}.svg`);
  } else {
    const blob = await cy.png({ output: "blob-promise", bg: "#ffffff", full: false, scale: 2 });
    save(blob, `diplograph-network-${stamp()}.png`);
  }
}

export async function downloadMap(map, kind) {
  const text = map.svgText();
  if (!text) return;
  if (kind === "svg") { save(new Blob([text], { type: "image/svg+xml" }), `diplograph-map-${stamp()}.svg`); return; }
  // The SVG drawn into a canvas (a data: URL: the page's policy allows data: images, not blob: ones).
  const img = new Image();
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.naturalWidth * 2;
  canvas.height = img.naturalHeight * 2;
  const g = canvas.getContext("2d");
  g.scale(2, 2);
  g.drawImage(img, 0, 0);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  save(blob, `diplograph-map-${stamp()}.png`);
}

// A cell of text from the corpus: quoted, and never read as a formula by a spreadsheet.
function cell(v) {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COLUMNS = ["id", "date", "source", "source_code", "target", "target_code", "cameo", "plover", "quad_class",
  "goldstein", "modality", "place", "lat", "lon", "doc_id", "doc_title", "evidence"];

export async function downloadCSV(params) {
  const p = new URLSearchParams(params);
  p.set("limit", "1000");
  const r = await getJSON("/api/events?" + p);
  const rows = [COLUMNS.join(",")];
  for (const e of r.events) {
    rows.push([e.id, e.date, e.source?.name, e.source?.code, e.target?.name, e.target?.code, e.cameo, e.plover,
      e.quad_class, e.goldstein, e.modality, e.location?.name, e.location?.lat, e.location?.lon, e.doc_id, e.doc_title,
      e.evidence.text].map(cell).join(","));
  }
  save(new Blob([rows.join("\r\n") + "\r\n"], { type: "text/csv" }), `diplograph-events-${stamp()}.csv`);
}
