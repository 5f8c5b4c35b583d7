/* tidings events table: filters call /api/events and redraw the table. */
"use strict";
(function () {
  const COLUMNS = ["date", "event_type", "mode", "modality", "actors", "recipients", "quad_class", "sentence", "article_id"];

  function cell(value, key) {
    const td = T.el("td");
    if (key === "article_id" && value) {
      td.appendChild(T.el("a", { href: "/articles/" + encodeURIComponent(value) }, String(value).slice(0, 10)));
    } else if (Array.isArray(value)) {
      td.textContent = value.map(v => (v && typeof v === "object") ? (v.name || v.entity_id || "") : v).join(", ");
    } else if (value && typeof value === "object") {
      td.textContent = value.name || JSON.stringify(value);
    } else {
      td.textContent = value === null || value === undefined ? "" : String(value);
    }
    return td;
  }

  async function load(form) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) params.set(k, String(v).trim());
    params.set("limit", "200");
    const status = document.getElementById("event-status");
    const table = document.getElementById("events-table");
    const [thead, tbody] = [table.tHead, table.tBodies[0]];
    T.clear(thead); T.clear(tbody);
    try {
      const data = await T.getJSON("/api/events?" + params.toString());
      status.textContent = data.note ? data.note : `${data.total} events, showing ${data.items.length}`;
      const cols = data.items.length ? COLUMNS.filter(c => c in data.items[0]) : COLUMNS;
      const head = T.el("tr");
      cols.forEach(c => head.appendChild(T.el("th", {}, c.replace("_", " "))));
      thead.appendChild(head);
      for (const item of data.items) {
        const row = T.el("tr");
        cols.forEach(c => row.appendChild(cell(item[c], c)));
        tbody.appendChild(row);
      }
    } catch (e) {
      status.textContent = e.message;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("event-filters");
    form.addEventListener("submit", ev => { ev.preventDefault(); load(form); });
    load(form);
  });
})();
