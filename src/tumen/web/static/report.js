// The report page (and a claim's page): highlight every claim in the report's text.
//
// The server sends each claim's spans twice: in code points (the store's unit) and in UTF-16
// code units (`spans16`), which is what JavaScript strings and DOM ranges count. The text is
// rebuilt from text nodes only (never innerHTML), so hostile report text stays text.
(function () {
  "use strict";
  var box = document.getElementById("report-text");
  var dataEl = document.getElementById("highlights");
  if (!box || !dataEl) return;
  var items = JSON.parse(dataEl.textContent);
  var text = box.textContent;
  var ENTITY = { place: 1, time: 1, quantity: 1, duration: 1, frequency: 1, actor: 1 };
  var byKey = {};
  items.forEach(function (it) { byKey[it.key] = it; });

  var cuts = [0, text.length];
  items.forEach(function (it) {
    it.spans16.forEach(function (s) { cuts.push(s[0], s[1]); });
  });
  cuts = cuts.filter(function (x, i, all) { return x >= 0 && x <= text.length && all.indexOf(x) === i; });
  cuts.sort(function (a, b) { return a - b; });

  var frag = document.createDocumentFragment();
  for (var i = 0; i < cuts.length - 1; i++) {
    var s = cuts[i], e = cuts[i + 1];
    var piece = text.slice(s, e);
    var covering = items.filter(function (it) {
      return it.spans16.some(function (sp) { return sp[0] <= s && e <= sp[1]; });
    });
    if (!covering.length) { frag.appendChild(document.createTextNode(piece)); continue; }
    var span = document.createElement("span");
    span.textContent = piece;
    span.className = "hl";
    var entity = null;
    covering.forEach(function (it) {
      span.classList.add("hl-" + it.kind);
      if (ENTITY[it.kind] && (!entity || it.spans16[0][1] - it.spans16[0][0] < entity.spans16[0][1] - entity.spans16[0][0])) entity = it;
    });
    var primary = entity || covering[0];
    span.classList.add("state-" + primary.state);
    if (primary.sensitive) span.classList.add("sensitive");
    span.dataset.kind = primary.kind;
    span.dataset.keys = covering.map(function (it) { return it.key; }).join(" ");
    frag.appendChild(span);
  }
  box.textContent = "";
  box.appendChild(frag);

  // -- details on hover and click -------------------------------------------------------
  var body = document.getElementById("details-body");
  var empty = document.getElementById("details-empty");
  var pinned = false;

  function el(tag, cls, txt) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (txt !== undefined && txt !== null) n.textContent = String(txt);
    return n;
  }

  function show(keys) {
    if (!body) return;
    body.textContent = "";
    if (empty) empty.hidden = true;
    keys.forEach(function (key) {
      var it = byKey[key];
      if (!it) return;
      var card = el("div", "detail");
      var head = el("div");
      head.appendChild(el("span", "hl hl-" + it.kind, it.kind));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", "state state-" + it.state, it.state));
      if (it.manual) head.appendChild(el("span", "badge", "by hand"));
      card.appendChild(head);
      card.appendChild(el("div", "quote", it.mention.length > 200 ? it.mention.slice(0, 200) + "…" : it.mention));
      card.appendChild(el("div", "value", it.summary));
      it.events.forEach(function (ev) {
        var box = el("div", "event");
        box.appendChild(el("div", null, "event: " + ev.summary));
        box.appendChild(el("div", "muted", "attribution: " + ev.attribution));
        box.appendChild(el("div", "muted", "certainty: " + ev.certainty + (ev.certainty_cue ? " (" + ev.certainty_cue + ")" : "")));
        if (ev.rule) box.appendChild(el("div", "muted", "rule: " + ev.rule));
        card.appendChild(box);
      });
      if (!it.events.length) card.appendChild(el("div", "muted", "no event refers to it"));
      card.appendChild(el("div", "muted", "rule: " + it.rule));
      var link = el("a", null, "open claim");
      link.href = "/claim?key=" + encodeURIComponent(it.key);
      card.appendChild(link);
      body.appendChild(card);
    });
  }

  box.addEventListener("mouseover", function (ev) {
    if (pinned) return;
    var t = ev.target.closest ? ev.target.closest("span.hl") : null;
    if (t && t.dataset.keys) show(t.dataset.keys.split(" "));
  });
  box.addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target.closest("span.hl") : null;
    if (t && t.dataset.keys && String(window.getSelection()).length === 0) {
      pinned = true;
      show(t.dataset.keys.split(" "));
    } else {
      pinned = false;
    }
  });

  // -- selecting words: a span in code points ----------------------------------------------
  function offsetIn(node, off) {
    var r = document.createRange();
    r.setStart(box, 0);
    r.setEnd(node, off);
    return r.toString().length; // UTF-16 units, like the text's JavaScript string
  }
  function codePoints(u16) { return Array.from(text.slice(0, u16)).length; }

  function onSelect() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    var a = offsetIn(range.startContainer, range.startOffset);
    var b = offsetIn(range.endContainer, range.endOffset);
    if (b <= a) return;
    var start = codePoints(a), end = codePoints(b);
    var words = text.slice(a, b);
    document.querySelectorAll(".sel-start").forEach(function (n) { n.value = start; });
    document.querySelectorAll(".sel-end").forEach(function (n) { n.value = end; });
    var tools = document.getElementById("selection-tools");
    if (tools) {
      tools.hidden = false;
      document.getElementById("selection-text").textContent = words;
      document.getElementById("selection-start").textContent = start;
      document.getElementById("selection-end").textContent = end;
    }
    var s0 = document.getElementById("span-start"), s1 = document.getElementById("span-end");
    if (s0 && s1) {
      s0.value = start; s1.value = end;
      var preview = document.getElementById("span-preview");
      if (preview) preview.textContent = words;
    }
  }
  box.addEventListener("mouseup", onSelect);
  box.addEventListener("keyup", onSelect);
  // Tests and keyboard users can select programmatically, then fire this event.
  box.addEventListener("tumen:select", onSelect);

  // On a claim's page, bring its words into view.
  var first = box.querySelector("span.hl");
  if (first && document.getElementById("claim-key")) first.scrollIntoView({ block: "nearest" });
})();
