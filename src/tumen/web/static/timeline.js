// The timeline: every dated event as a bar over the interval its date allows, one row per
// cohort. Precise dates are dark, vague ones pale; unreviewed events are outlined in red.
(function () {
  "use strict";
  var canvas = document.getElementById("timeline");
  if (!canvas) return;
  var DAY = 86400000;
  var SHADES = {
    day: "#08306b", week: "#08519c", part_of_month: "#2171b5", month: "#4292c6",
    quarter: "#6baed6", half_year: "#9ecae1", part_of_year: "#9ecae1", season: "#9ecae1",
    year: "#c6dbef", decade: "#deebf7",
  };
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function ms(day) { return Date.parse(day + "T00:00:00Z"); }
  var url = "/api/timeline?" + new URLSearchParams({ reviewed_only: canvas.dataset.reviewed || "" });
  fetch(url, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var tbody = document.querySelector("#timeline-table tbody");
      data.events.forEach(function (e) {
        var tr = document.createElement("tr");
        [e.row, e.type + (e.round ? " round " + e.round : "") + " · " + e.status,
         e.start + " – " + iso(ms(e.end) - DAY), e.precision + (e.unreviewed ? " · unreviewed" : ""), e.mention]
          .forEach(function (v) { var td = document.createElement("td"); td.textContent = v; tr.appendChild(td); });
        tbody.appendChild(tr);
      });
      var byPrecision = {};
      data.events.forEach(function (e) {
        (byPrecision[e.precision] = byPrecision[e.precision] || []).push(e);
      });
      var datasets = data.precisions.filter(function (p) { return byPrecision[p]; }).map(function (p) {
        var evs = byPrecision[p];
        return {
          label: "date precision: " + p.replace(/_/g, " "),
          data: evs.map(function (e) { return { x: [ms(e.start), ms(e.end)], y: e.row, ev: e }; }),
          backgroundColor: SHADES[p] || "#999",
          borderColor: evs.map(function (e) { return e.unreviewed ? "#c0392b" : SHADES[p] || "#999"; }),
          borderWidth: 2,
          borderSkipped: false,
          minBarLength: 4,
        };
      });
      var lo = Infinity, hi = -Infinity;
      data.events.forEach(function (e) { lo = Math.min(lo, ms(e.start)); hi = Math.max(hi, ms(e.end)); });
      if (!isFinite(lo)) { lo = Date.now() - 365 * DAY; hi = Date.now(); }
      var pad = Math.max((hi - lo) * 0.03, 7 * DAY);
      document.getElementById("timeline-box").style.height = Math.max(160, 60 + 44 * data.rows.length) + "px";
      canvas.dataset.events = String(data.events.length);
      /* global Chart */
      new Chart(canvas, {
        type: "bar",
        data: { labels: data.rows, datasets: datasets },
        options: {
          indexAxis: "y",
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: {
              type: "linear",
              beginAtZero: false,
              min: lo - pad,
              max: hi + pad,
              ticks: { callback: function (v) { return iso(v); }, maxRotation: 0, autoSkipPadding: 20 },
            },
            y: { stacked: true },
          },
          plugins: {
            tooltip: {
              callbacks: {
                label: function (ctx) {
                  var e = ctx.raw.ev;
                  return e.type + " " + e.status + ": " + e.start + " – " + iso(ms(e.end) - DAY) + " (" + e.precision + ", \"" + e.mention + "\")";
                },
              },
            },
          },
        },
      });
      canvas.dataset.ready = "1";
    })
    .catch(function (err) { canvas.dataset.error = String(err); });
})();
