(function () {
  "use strict";
  var box = document.getElementById("search");
  var count = document.getElementById("search-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("section.doc, section.cell-list, .appendix-part tbody tr"));
  var texts = null;
  function filter() {
    if (texts === null) { texts = items.map(function (el) { return el.textContent.toLowerCase(); }); }
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (el, i) {
      var hit = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      el.hidden = !hit;
      if (hit) { shown += 1; }
    });
    count.textContent = words.length ? shown + " of " + items.length + " entries match" : "";
  }
  box.addEventListener("input", filter);
}());
