// The document page: the stored text with mentions highlighted (hover: resolved actor, how and by which
// rule) and event evidence marked by claim status (hover: the rules that decided its type, source and
// target). The text is untrusted: it is split into text nodes, never parsed as HTML.
import { el, getJSON, modalityBadge } from "./common.js";

const PREFIX = "/documents/";

function rulesText(rules) {
  // Event provenance: which named rule decided the type, the source and the target ("—": none recorded).
  if (!rules) return "";
  return ["event", "source", "target"].map((k) => `${k} ${rules[k] ?? "—"}`).join(" · ");
}

function eventTitle(e) {
  const head = `${e.source?.name ?? "?"} → ${e.target?.name ?? "?"}: ${e.cameo} ${e.plover || ""} (${e.modality})`;
  return e.rules ? `${head}\n  rules: ${rulesText(e.rules)}` : head;
}

function codePoints(text) {
  // Offsets from the engine count code points; JavaScript strings count UTF-16 units.
  return Array.from(text);
}

function render(doc) {
  document.title = `diplograph — ${doc.title || doc.id}`;
  document.getElementById("title").textContent = doc.title || doc.id;
  const meta = [doc.date ? `dated ${doc.date}` + (doc.date_source ? ` (${doc.date_source})` : "") : "undated"];
  if (doc.source) meta.push(`source: ${doc.source}`);
  meta.push(`id ${doc.id}`);
  document.getElementById("meta").textContent = meta.join(" · ");

  const chars = codePoints(doc.text);
  const n = chars.length;
  const mentions = [];
  for (const a of doc.actors) for (const m of a.mentions) {
    if (m.start >= 0 && m.end <= n && m.start < m.end) mentions.push({ ...m, actor: a, index: mentions.length });
  }
  const events = doc.events.filter((e) => e.evidence && e.evidence.start >= 0 && e.evidence.end <= n &&
    e.evidence.start < e.evidence.end);
  const cuts = new Set([0, n]);
  for (const m of mentions) { cuts.add(m.start); cuts.add(m.end); }
  for (const e of events) { cuts.add(e.evidence.start); cuts.add(e.evidence.end); }
  const bounds = [...cuts].sort((x, y) => x - y);

  const box = document.getElementById("text");
  box.replaceChildren();
  const anchored = new Set();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i], t = bounds[i + 1];
    let node = document.createTextNode(chars.slice(s, t).join(""));
    // Overlapping mentions nest, the longest outside; each keeps its own hover text.
    const inside = mentions.filter((x) => x.start <= s && t <= x.end).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    for (const m of inside) {
      const a = m.actor;
      const mark = el("mark", {
        class: "mention", "data-actor": a.id, "data-method": m.method, "data-mention": m.index,
        title: `${a.name}${a.code ? " (" + a.code + ")" : ""} — ${a.type}; found by ${m.method}` +
          `${m.rule ? " (rule " + m.rule + ")" : ""}, confidence ${m.confidence}`,
      });
      mark.append(node);
      node = mark;
    }
    const covering = events.filter((e) => e.evidence.start <= s && t <= e.evidence.end);
    if (covering.length) {
      const e = covering[0];
      const span = el("span", {
        class: `ev ev-${e.modality}`, "data-events": covering.map((x) => x.id).join(" "),
        title: covering.map(eventTitle).join("\n"),
      });
      if (!anchored.has(e.id)) { span.id = "ev-" + e.id; anchored.add(e.id); }
      span.append(node);
      node = span;
    }
    box.append(node);
  }

  const actorList = document.getElementById("actors");
  actorList.replaceChildren();
  for (const a of doc.actors) {
    const li = el("li", { "data-actor": a.id });
    li.append(el("strong", {}, a.name), el("span", { class: "code" }, ` ${a.code || ""} `),
      el("span", { class: "meta" }, `${a.type} · ${a.mentions.length} mentions`));
    li.addEventListener("mouseenter", () => box.querySelectorAll(`mark[data-actor="${CSS.escape(a.id)}"]`)
      .forEach((x) => x.classList.add("hot")));
    li.addEventListener("mouseleave", () => box.querySelectorAll("mark.hot").forEach((x) => x.classList.remove("hot")));
    actorList.append(li);
  }
  const eventList = document.getElementById("events");
  eventList.replaceChildren();
  for (const e of doc.events) {
    const li = el("li", { class: "evidence" });
    const link = el("a", { href: "#ev-" + e.id }, `${e.source?.name ?? "?"} → ${e.target?.name ?? "?"}`);
    li.append(modalityBadge(e.modality), " ", link, el("span", { class: "code" }, ` ${e.cameo} ${e.plover || ""} «${e.trigger}»`));
    if (e.attribution) li.append(el("div", { class: "attr" }, "according to " + e.attribution.text));
    if (e.rules) li.append(el("div", { class: "rules" }, "rules: " + rulesText(e.rules)));
    eventList.append(li);
  }
  if (location.hash) {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.classList.add("flash"); target.scrollIntoView({ block: "center" }); }
  }
  document.body.dataset.doc = "ready";
}

async function main() {
  const id = decodeURIComponent(location.pathname.slice(PREFIX.length));
  try {
    render(await getJSON("/api/documents/" + encodeURIComponent(id)));
  } catch (e) {
    document.getElementById("title").textContent = `document ${id}: ${e.message}`;
    document.body.dataset.doc = "error";
  }
}
main();
