(function () {
  "use strict";
  var table = document.getElementById("source-table");
  if (!table) return;
  var heads = table.querySelectorAll("thead th[data-key]");
  function value(row, col, type) {
    var cell = row.cells[col];
    var raw = cell.getAttribute("data-value");
    if (raw === null) raw = cell.textContent;
    if (type === "number") return raw === "" ? null : parseFloat(raw);
    return raw.toLowerCase();
  }
  function sortBy(th) {
    var col = th.cellIndex, type = th.getAttribute("data-type");
    var current = th.getAttribute("aria-sort");
    var dir = current === "descending" ? "ascending" : current === "ascending" ? "descending"
            : (type === "number" ? "descending" : "ascending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var va = value(a, col, type), vb = value(b, col, type);
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
      } else if (va !== vb) {
        var less = type === "number" ? va < vb : va.localeCompare(vb) < 0;
        return (less ? -1 : 1) * (dir === "ascending" ? 1 : -1);
      }
      return a.getAttribute("data-order") - b.getAttribute("data-order");
    });
    rows.forEach(function (r) { body.appendChild(r); });
    for (var i = 0; i < heads.length; ++i) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir);
  }
  for (var i = 0; i < heads.length; ++i) {
    (function (th) {
      th.querySelector("button").addEventListener("click", function () { sortBy(th); });
    })(heads[i]);
  }
})();
