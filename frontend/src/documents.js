// The Documents view: the stored documents, newest first, found by a phrase of their text or title and
// bounded by dates; each opens the annotated document page. Titles and snippets go in as text.
import { el, getJSON, documentURL } from "./common.js";

const PAGE = 50;

export function createDocuments(root) {
  const form = root.querySelector("form");
  const list = root.querySelector("ol");
  const count = root.querySelector(".doc-count");
  const more = root.querySelector("button.more");
  let seq = 0, offset = 0;

  function params() {
    const d = new FormData(form);
    const p = new URLSearchParams();
    const q = (d.get("q") || "").trim();
    if (q) p.set(d.get("titles") ? "title" : "q", q);
    for (const k of ["since", "until"]) if (d.get(k)) p.set(k, d.get(k));
    return p;
  }

  async function load(append = false) {
    const mine = ++seq;
    offset = append ? offset + PAGE : 0;
    const p = params();
    p.set("limit", String(PAGE));
    p.set("offset", String(offset));
    const r = await getJSON("/api/documents?" + p);
    if (mine !== seq) return;
    if (!append) list.replaceChildren();
    for (const doc of r.documents) {
      const li = el("li", { class: "doc" });
      const head = el("div", { class: "doc-head" });
      head.append(el("a", { href: documentURL(doc.id, null), class: "doc-title" }, doc.title || doc.id),
        el("span", { class: "date" }, doc.date || "undated"),
        el("span", { class: "count" }, `${doc.events} events · ${doc.actors} actors`));
      li.append(head, el("p", { class: "snippet" }, doc.snippet));
      list.append(li);
    }
    count.textContent = `${r.total} documents` + (r.total > offset + r.documents.length
      ? `, the first ${offset + r.documents.length}` : "");
    more.hidden = r.total <= offset + r.documents.length;
    document.body.dataset.documentsVersion = String(Number(document.body.dataset.documentsVersion || 0) + 1);
  }

  let timer = null;
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => load(false), 200); });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(false); });
  more.addEventListener("click", () => load(true));
  return {
    show(since, until) {
      if (since !== undefined) { form.elements.since.value = since || ""; form.elements.until.value = until || ""; }
      return load(false);
    },
    state() {
      const d = new FormData(form);
      return { q: d.get("q") || "", titles: !!d.get("titles") };
    },
    restore(q, titles) { form.elements.q.value = q || ""; form.elements.titles.checked = !!titles; },
  };
}
