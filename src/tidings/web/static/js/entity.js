/* tidings actor page: roles in events and mentions per month, the network of interactions (coded
   events with each counterpart; actors named in the same sentences when there are none) and the
   cooperation/conflict trend with one counterpart. */
"use strict";
(function () {
  const W = 420, H = 360, R = 140;
  const LABEL_CHARS = 20;  // longer names are cut (full name on hover)
  const MARGIN = 70;       // room each side for the labels of the leftmost and rightmost nodes

  function star(center, others) {
    const pos = new Map([[center, [W / 2, H / 2]]]);
    others.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / others.length - Math.PI / 2;
      pos.set(id, [W / 2 + R * Math.cos(angle), H / 2 + R * Math.sin(angle)]);
    });
    return pos;
  }

  /* nodes: [{id, name, type, center}], edges: [{source, target, weight, cls, title}] */
  function drawNetwork(box, nodes, edges) {
    const root = T.svg("svg", { viewBox: `${-MARGIN} 0 ${W + 2 * MARGIN} ${H}`, class: "network-svg", role: "img", "aria-label": "network of interactions" });
    const center = nodes.find(n => n.center);
    const pos = star(center.id, nodes.filter(n => !n.center).map(n => n.id));
    const maxW = Math.max(1, ...edges.map(e => e.weight));
    for (const e of edges) {
      const a = pos.get(e.source), b = pos.get(e.target);
      if (!a || !b) continue;
      const line = T.svg("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: "edge " + (e.cls || ""), "stroke-width": (1 + 5 * e.weight / maxW).toFixed(1) });
      line.appendChild(T.svg("title", {}, e.title));
      root.appendChild(line);
    }
    for (const n of nodes) {
      const [x, y] = pos.get(n.id);
      const link = T.svg("a", { href: "/entities/" + encodeURIComponent(n.id) });
      link.appendChild(T.svg("circle", { cx: x, cy: y, r: n.center ? 10 : 7, class: "node t-" + String(n.type || "").toLowerCase() }));
      const anchor = x < W / 2 - 5 ? "end" : (x > W / 2 + 5 ? "start" : "middle");
      const dx = anchor === "end" ? -10 : (anchor === "start" ? 10 : 0);
      const label = n.name.length > LABEL_CHARS ? n.name.slice(0, LABEL_CHARS - 1) + "\u2026" : n.name;
      link.appendChild(T.svg("title", {}, n.name));
      link.appendChild(T.svg("text", { x: x + dx, y: y + (anchor === "middle" ? -14 : 4), "text-anchor": anchor, class: "node-label" }, label));
      root.appendChild(link);
    }
    box.appendChild(root);
  }

  function interactions(box, data) {
    const caption = document.getElementById("network-caption");
    if (data.counterparts.length) {
      const nodes = [{ id: data.id, name: data.name, type: data.type, center: true }]
        .concat(data.counterparts.map(c => ({ id: c.b, name: c.b_name })));
      const edges = data.counterparts.map(c => ({
        source: data.id, target: c.b, weight: c.events, cls: c.cooperation >= c.conflict ? "coop" : "conflict",
        title: `${c.events} events with ${c.b_name}: ${c.cooperation} cooperation, ${c.conflict} conflict`,
      }));
      drawNetwork(box, nodes, edges);
      caption.textContent = "Counterparts in asserted coded events; a line is green when cooperation outweighs conflict, red otherwise, and thicker with more events.";
      return;
    }
    const net = data.network;
    if (net.nodes.length < 2) { T.note(box, "No other actor shares an event or a sentence with this one."); return; }
    drawNetwork(box, net.nodes, net.edges.map(e => ({ ...e, title: `${e.weight} shared sentences` })));
    caption.textContent = "No coded events yet: actors named in the same sentences instead.";
  }

  async function counterpartTrend(entity) {
    const select = document.getElementById("counterpart");
    if (!select) return;
    const box = document.getElementById("counterpart-chart");
    const period = document.getElementById("counterpart-period");
    const draw = async () => {
      T.clear(box);
      const q = new URLSearchParams({ a: entity, b: select.value, period: period.value, limit: "500" });
      const data = await T.getJSON("/api/dyads?" + q.toString());
      const name = select.options[select.selectedIndex].textContent;
      Charts.trend(box, data.items, `Cooperation and conflict with ${name} per ${period.value}`);
      document.getElementById("counterpart-events").setAttribute("href", "/events?" + new URLSearchParams({ party: entity, other: select.value }).toString());
    };
    select.addEventListener("change", () => draw().catch(e => T.note(box, e.message)));
    period.addEventListener("change", () => draw().catch(e => T.note(box, e.message)));
    await draw();
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const box = document.getElementById("network");
    const entity = box.dataset.entity;
    try {
      const data = await T.getJSON("/api/entities/" + encodeURIComponent(entity));
      interactions(box, data);
      Charts.pairs(document.getElementById("roles-chart"),
        data.event_roles.map(m => ({ label: m.month, a: m.actor, b: m.recipient })), ["as actor", "as recipient"], "Roles in events per month");
      Charts.bars(document.getElementById("mentions-chart"),
        data.by_month.map(m => ({ label: m.month, value: m.mentions })), "Mentions per month");
      await counterpartTrend(entity);
    } catch (e) {
      T.note(box, e.message);
    }
  });
})();
