/* Sorting and filtering for the organisations table of the portfolio
   dashboard. The page is complete without it; it makes no request (the
   page's Content-Security-Policy allows this script by its hash only). */
(function () {
  "use strict";
  var table = document.getElementById("portfolio");
  if (!table || !table.tBodies.length) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var total = rows.length;

  /* A cost is compared only with costs in the same currency: sorting by a
     cost groups the rows by currency (in code order), then by amount. */
  function sortKey(row, index, kind) {
    if (kind === "money") {
      return [row.getAttribute("data-currency") || "", cellValue(row, index, true)];
    }
    return cellValue(row, index, kind === "number");
  }

  /* The order of two keys, ascending or descending; currencies stay in
     code order either way, only the amounts within one turn round. */
  function compare(a, b, kind, ascending) {
    var direction = ascending ? 1 : -1;
    if (kind === "money") {
      var byCurrency = a[0].localeCompare(b[0]);
      return byCurrency !== 0 ? byCurrency : direction * (a[1] - b[1]);
    }
    return direction * (kind === "number" ? a - b : a.localeCompare(b));
  }

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) {
      return numeric ? 0 : "";
    }
    var raw = cell.getAttribute("data-value");
    if (numeric) {
      var n = parseFloat(raw === null ? cell.textContent : raw);
      return isNaN(n) ? 0 : n;
    }
    return cell.textContent.trim().toLowerCase();
  }

  /* Filters: a search box and two selects, built here so that without
     scripts nothing inert is shown. */
  var controls = document.createElement("div");
  controls.className = "controls";
  controls.setAttribute("role", "search");
  controls.setAttribute("aria-label", "Filter organisations");

  function field(labelText, control, id) {
    var wrap = document.createElement("div");
    wrap.className = "control";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = labelText;
    control.id = id;
    wrap.appendChild(label);
    wrap.appendChild(control);
    controls.appendChild(wrap);
    return control;
  }

  function select(options) {
    var s = document.createElement("select");
    options.forEach(function (pair) {
      var o = document.createElement("option");
      o.value = pair[0];
      o.textContent = pair[1];
      s.appendChild(o);
    });
    return s;
  }

  var search = document.createElement("input");
  search.type = "search";
  search.autocomplete = "off";
  search.placeholder = "Name, industry or risk";
  field("Search", search, "filter-text");
  var recommendation = field(
    "Recommendation",
    select([["", "All"], ["in_house", "In-house"], ["hybrid", "Hybrid"], ["outsourced", "Outsourced"]]),
    "filter-recommendation"
  );
  var confidence = field(
    "Confidence",
    select([["", "All"], ["low", "Low"], ["medium", "Medium"], ["high", "High"]]),
    "filter-confidence"
  );
  var status = document.createElement("p");
  status.className = "status";
  status.setAttribute("role", "status");
  controls.appendChild(status);
  table.parentNode.insertBefore(controls, table);

  function filter() {
    var text = search.value.trim().toLowerCase();
    var rec = recommendation.value;
    var conf = confidence.value;
    var shown = 0;
    rows.forEach(function (row) {
      var match =
        (!rec || row.getAttribute("data-recommendation") === rec) &&
        (!conf || row.getAttribute("data-confidence") === conf) &&
        (!text || row.textContent.toLowerCase().indexOf(text) !== -1);
      row.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    status.textContent =
      shown === total
        ? "Showing all " + total + " organisations."
        : "Showing " + shown + " of " + total + " organisations.";
  }

  [search, recommendation, confidence].forEach(function (c) {
    c.addEventListener("input", filter);
    c.addEventListener("change", filter);
  });
  filter();

  /* Sorting: each sortable heading becomes a button; aria-sort tells
     assistive technology the current order. */
  var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headings.forEach(function (th, index) {
    var kind = th.getAttribute("data-sort");
    if (!kind) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headings.forEach(function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var keyed = rows.map(function (row, position) {
        return { row: row, key: sortKey(row, index, kind), position: position };
      });
      keyed.sort(function (a, b) {
        var order = compare(a.key, b.key, kind, ascending);
        return order !== 0 ? order : a.position - b.position;
      });
      var fragment = document.createDocumentFragment();
      keyed.forEach(function (k) {
        fragment.appendChild(k.row);
      });
      body.appendChild(fragment);
    });
  });
})();
