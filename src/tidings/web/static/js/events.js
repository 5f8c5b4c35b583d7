/* tidings events table: the filters (kept in the page URL) call /api/events and redraw the table. */
"use strict";
(function () {
  const PAGE = 50;
  const FILTERS = ["actor", "recipient", "party", "other", "type", "quad", "modality", "place", "since", "until", "article_id"];
  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  let next = null;       // the `next` of the page shown
  let cursors = [null];  // the `after` of each page shown so far: [first page, second ...]

  function parties(list) {
    return (list || []).map(p => p.name + (p.country ? ` (${p.country})` : "")).join(", ");
  }

  function row(ev) {
    const tr = T.el("tr", { class: "q" + ev.quad_class });
    tr.appendChild(T.el("td", { class: "date" }, ev.date || "undated"));
    const type = T.el("td", { title: `${QUADS[ev.quad_class] || ""}; CAMEO root ${ev.cameo_root}; intensity ${ev.intensity}` },
      ev.event_type + (ev.mode ? "/" + ev.mode : ""));
    tr.appendChild(type);
    tr.appendChild(T.el("td", {}, ev.modality));
    tr.appendChild(T.el("td", {}, parties(ev.actors)));
    tr.appendChild(T.el("td", {}, parties(ev.recipients)));
    tr.appendChild(T.el("td", {}, ev.location ? ev.location.name : ""));
    const sentence = T.el("td", { class: "sentence" });
    const text = ev.sentence || "";
    const at = ev.trigger ? text.indexOf(ev.trigger) : -1;
    if (at >= 0) {
      sentence.appendChild(document.createTextNode(text.slice(0, at)));
      sentence.appendChild(T.el("mark", { class: "event" }, ev.trigger));
      sentence.appendChild(document.createTextNode(text.slice(at + ev.trigger.length)));
    } else {
      sentence.textContent = text;
    }
    tr.appendChild(sentence);
    const src = T.el("td");
    const article = ev.article || {};
    src.appendChild(T.el("a", { href: "/articles/" + encodeURIComponent(ev.article_id) }, article.outlet || String(ev.article_id).slice(0, 10)));
    tr.appendChild(src);
    return tr;
  }

  function params(form) {
    const out = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) out.set(k, String(v).trim());
    const url = new URLSearchParams(window.location.search);
    for (const k of ["party", "other", "article_id"]) if (url.get(k)) out.set(k, url.get(k));
    return out;
  }

  async function load(form) {
    const query = params(form);
    history.replaceState(null, "", "/events" + (query.toString() ? "?" + query.toString() : ""));
    query.set("limit", String(PAGE));
    const after = cursors[cursors.length - 1];
    if (after) query.set("after", after);
    const status = document.getElementById("event-status");
    const table = document.getElementById("events-table");
    const [thead, tbody] = [table.tHead, table.tBodies[0]];
    T.clear(thead); T.clear(tbody);
    try {
      const data = await T.getJSON("/api/events?" + query.toString());
      if (data.note) { status.textContent = data.note; return; }
      const first = (cursors.length - 1) * PAGE;
      const last = first + data.items.length;
      const total = data.total_exact === false ? `${data.total}+` : `${data.total}`;
      status.textContent = data.total ? `${total} events; ${first + 1}–${last} shown` : "No event matches these filters.";
      next = data.next;
      const head = T.el("tr");
      ["Date", "Type", "Modality", "Actors", "Recipients", "Place", "Sentence", "Source"].forEach(c => head.appendChild(T.el("th", {}, c)));
      thead.appendChild(head);
      data.items.forEach(ev => tbody.appendChild(row(ev)));
      document.getElementById("events-prev").disabled = cursors.length === 1;
      document.getElementById("events-next").disabled = !data.next;
    } catch (e) {
      status.textContent = e.message;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("event-filters");
    const url = new URLSearchParams(window.location.search);
    for (const k of FILTERS) if (url.get(k) && form.elements[k]) form.elements[k].value = url.get(k);
    form.addEventListener("submit", ev => { ev.preventDefault(); cursors = [null]; load(form); });
    document.getElementById("events-prev").addEventListener("click", () => {
      if (cursors.length > 1) cursors.pop();
      load(form);
    });
    document.getElementById("events-next").addEventListener("click", () => {
      if (next) { cursors.push(next); load(form); }
    });
    load(form);
  });
})();
