// The map: Natural Earth outlines as an offline basemap, places coloured by role, route legs
// in order. Everything comes from this app (the vendor files and /api/map): no tile server.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) return;
  var report = el.dataset.report || "";
  var reviewed = el.dataset.reviewed || "";
  var map = L.map(el, { worldCopyJump: false, minZoom: 2, maxZoom: 10, attributionControl: true });
  map.attributionControl.setPrefix("");
  map.attributionControl.addAttribution("Natural Earth");
  map.setView([45, 110], 3);
  map.createPane("basemap");
  map.getPane("basemap").style.zIndex = 200;

  function el_(tag, cls, txt) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (txt !== undefined && txt !== null) n.textContent = String(txt);
    return n;
  }

  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      // Rings that cross the antimeridian (Chukotka) would be drawn as bands across the whole
      // map: move their western points east by 360 degrees, where this map looks.
      function fixRing(ring) {
        var east = ring.some(function (c) { return c[0] > 150; });
        var west = ring.some(function (c) { return c[0] < -150; });
        return east && west ? ring.map(function (c) { return c[0] < 0 ? [c[0] + 360, c[1]] : c; }) : ring;
      }
      function shiftWest(ring) {
        // Whole polygons just west of the antimeridian sit next to Chukotka, not off in America.
        return ring.every(function (c) { return c[0] < -165; }) ? ring.map(function (c) { return [c[0] + 360, c[1]]; }) : ring;
      }
      land.features.forEach(function (f) {
        var g = f.geometry;
        if (!g) return;
        if (g.type === "Polygon") g.coordinates = g.coordinates.map(fixRing).map(shiftWest);
        if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map(function (poly) { return poly.map(fixRing).map(shiftWest); });
      });
      L.geoJSON(land, {
        pane: "basemap",
        interactive: false,
        style: { color: "#9a9a9a", weight: 0.7, fillColor: "#f3f0e8", fillOpacity: 1, className: "basemap" },
      }).addTo(map);
      el.dataset.basemap = "ready";
    })
    .catch(function () { el.dataset.basemap = "missing"; });

  var panel = document.getElementById("place-evidence");
  var empty = document.getElementById("place-empty");
  function showPlace(props) {
    panel.textContent = "";
    if (empty) empty.hidden = true;
    panel.appendChild(el_("h3", null, props.name));
    var roles = Object.keys(props.roles).map(function (r) { return r + " ×" + props.roles[r]; }).join(", ");
    panel.appendChild(el_("p", "muted", props.count + " mention(s): " + roles));
    var list = el_("ul", "evidence-list");
    props.evidence.forEach(function (ev) {
      var li = el_("li");
      var a = el_("a", null, (ev.published || "undated") + " · " + (ev.title || ev.report.slice(0, 8)));
      a.href = "/claim?key=" + encodeURIComponent(ev.key);
      li.appendChild(a);
      li.appendChild(el_("div", "quote", ev.mention));
      li.appendChild(el_("div", "muted", ev.role + (ev.unreviewed ? " · unreviewed" : "")));
      list.appendChild(li);
    });
    panel.appendChild(list);
    if (props.count > props.evidence.length) panel.appendChild(el_("p", "muted", "…and " + (props.count - props.evidence.length) + " more"));
  }

  var url = "/api/map?" + new URLSearchParams({ report: report, reviewed_only: reviewed }).toString();
  fetch(url, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var bounds = [];
      var routes = L.layerGroup().addTo(map);
      data.routes.features.forEach(function (f) {
        var p = f.properties;
        var latlngs = f.geometry.coordinates.map(function (c) { return [c[1], c[0]]; });
        var line = L.polyline(latlngs, { color: p.colour, weight: 3 + Math.min(p.count, 5), opacity: 0.85, className: "route-leg" });
        line.bindTooltip("leg " + p.order + (p.branch ? "." + p.branch : "") + ": " + p.from_name + " → " + p.to_name + " (" + p.count + " report(s))");
        routes.addLayer(line);
        var mid = [(latlngs[0][0] + latlngs[1][0]) / 2, (latlngs[0][1] + latlngs[1][1]) / 2];
        var badge = el_("span", null, String(p.order) + (p.branch ? "." + p.branch : ""));
        routes.addLayer(L.marker(mid, { icon: L.divIcon({ className: "leg-order", html: badge.outerHTML, iconSize: [20, 20] }), interactive: false }));
        latlngs.forEach(function (ll) { bounds.push(ll); });
      });
      var places = L.layerGroup().addTo(map);
      data.places.features.forEach(function (f) {
        var p = f.properties;
        var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        var marker = L.circleMarker(ll, {
          radius: 5 + Math.min(Math.log2(p.count + 1) * 2, 10),
          color: "#222", weight: 1, fillColor: p.colour, fillOpacity: 0.9, className: "place-marker role-" + p.role,
        });
        marker.bindTooltip(p.name + " (" + p.role + ")");
        marker.on("click", function () { showPlace(p); });
        places.addLayer(marker);
        bounds.push(ll);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 6 });
      el.dataset.routes = String(data.routes.features.length);
      el.dataset.places = String(data.places.features.length);
      el.dataset.ready = "1";
    })
    .catch(function (err) { el.dataset.error = String(err); });
})();
