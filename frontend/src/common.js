// Small DOM helpers shared by the pages. Text always goes in as textContent, never as HTML.

export function el(tag, attrs = {}, content = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  if (content instanceof Node) node.append(content);
  else if (content !== null && content !== undefined) node.textContent = String(content);
  return node;
}

export async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
  return r.json();
}

export function documentURL(docId, eventId) {
  return "/documents/" + encodeURIComponent(docId) + (eventId ? "#ev-" + encodeURIComponent(eventId) : "");
}

export function docLink(docId, eventId, title) {
  return el("a", { class: "doclink", href: documentURL(docId, eventId) }, title ? `document: ${title}` : `document ${docId}`);
}

export function modalityBadge(modality) {
  return el("span", { class: `badge ev-${modality}`, title: "claim status" }, modality);
}
