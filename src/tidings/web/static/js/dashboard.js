/* tidings dashboard: articles per month and the cooperation/conflict trend once events exist. */
"use strict";
(function () {
  const COOPERATION = new Set([1, 2, "1", "2"]);  // PLOVER/CAMEO quad classes 1-2 cooperate, 3-4 conflict

  async function articlesChart() {
    const box = document.getElementById("articles-chart");
    const data = await T.getJSON(box.dataset.src);
    Charts.bars(box, data.by_month.map(m => ({ label: m.month, value: m.articles })), "Articles per month");
  }

  async function trendChart() {
    const box = document.getElementById("trend-chart");
    const data = await T.getJSON(box.dataset.src);
    if (data.note) { T.note(box, data.note); return; }
    const months = new Map();
    for (const ev of data.items) {
      const month = String(ev.date || ev.date_start || "").slice(0, 7);
      if (!month || ev.quad_class === undefined || ev.quad_class === null) continue;
      const row = months.get(month) || { coop: 0, conflict: 0 };
      if (COOPERATION.has(ev.quad_class)) row.coop += 1; else row.conflict += 1;
      months.set(month, row);
    }
    const labels = [...months.keys()].sort();
    Charts.lines(box, labels, [
      { name: "cooperation", cls: "coop", values: labels.map(m => months.get(m).coop) },
      { name: "conflict", cls: "conflict", values: labels.map(m => months.get(m).conflict) },
    ], "Cooperation and conflict events per month");
  }

  document.addEventListener("DOMContentLoaded", () => {
    articlesChart().catch(e => T.note(document.getElementById("articles-chart"), e.message));
    trendChart().catch(e => T.note(document.getElementById("trend-chart"), e.message));
  });
})();
