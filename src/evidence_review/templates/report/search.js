(function () {
  "use strict";
  // Filters this page's entries; on the first page of a split appendix also lists the matching documents of
  // every page, from the index embedded in the page (#search-index). Builds elements, never parses markup.
  var box = document.getElementById("search");
  var count = document.getElementById("search-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("section.doc, section.cell-list, .appendix-part tbody tr"));
  var data = document.getElementById("search-index");
  var results = document.getElementById("search-results");
  var LIMIT = 200;
  var texts = null;
  var index = null;
  function filterHere(words) {
    if (texts === null) { texts = items.map(function (el) { return el.textContent.toLowerCase(); }); }
    var shown = 0;
    items.forEach(function (el, i) {
      var hit = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      el.hidden = !hit;
      if (hit) { shown += 1; }
    });
    return shown;
  }
  function searchAll(words) {
    if (index === null) {
      var parsed = JSON.parse(data.textContent);
      index = parsed.documents.map(function (d) {
        return {href: parsed.pages[d[0]] + "#" + d[1], heading: d[2], page: parsed.pages[d[0]],
                text: (d[2] + " " + d[3]).toLowerCase()};
      });
    }
    while (results.firstChild) { results.removeChild(results.firstChild); }
    var hits = 0;
    index.forEach(function (d) {
      if (!words.every(function (w) { return d.text.indexOf(w) !== -1; })) { return; }
      hits += 1;
      if (hits > LIMIT) { return; }
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.href;
      a.textContent = d.heading;
      li.appendChild(a);
      var where = document.createElement("span");
      where.className = "search-page";
      where.textContent = " " + d.page;
      li.appendChild(where);
      results.appendChild(li);
    });
    results.hidden = !words.length;
    return hits;
  }
  function run() {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var said = [];
    if (items.length) {
      var shown = filterHere(words);
      if (words.length) { said.push(shown + " of " + items.length + " entries match"); }
    }
    if (data && results) {
      var hits = searchAll(words);
      if (words.length) {
        said.push(hits + " of " + index.length + " documents match" +
                  (hits > LIMIT ? " (the first " + LIMIT + " are listed)" : ""));
      }
    }
    count.textContent = said.join("; ");
  }
  box.addEventListener("input", run);
}());
