// The faceted filter: reads chronology.json, narrows it by whose statements an event records,
// person, organization, treaty, place, tag and years at once, and keeps the filter in the
// address (?treaty=cfe-treaty&from=2007, ?side=russia).
// Plain DOM and form controls, so it works by keyboard alone; all data is set as text.
(function () {
  "use strict";

  // This file sits at <site>/assets/javascripts/, so the export is two folders up. Taken from the
  // script's own address, it works under any sub-path and after instant navigation.
  var scriptSrc = document.currentScript && document.currentScript.src;
  var exportUrl = new URL("../../chronology.json", scriptSrc || window.location.href);

  // Whose statements: the side of each quote's speaker, as chronology.json gives it.
  var SIDES = [
    { id: "nato", name: "NATO and allies" },
    { id: "russia", name: "Russia" },
    { id: "other", name: "Others" },
  ];
  var SIDE_NAMES = {};
  SIDES.forEach(function (side) { SIDE_NAMES[side.id] = side.name; });

  function sidesOf(event) {
    return SIDES.filter(function (side) {
      return event.quotes.some(function (quote) { return quote.side === side.id; });
    });
  }

  var FACETS = [
    { key: "side", legend: "Statements by", of: sidesOf, order: SIDES },
    { key: "person", field: "people", legend: "People", find: "Find a person" },
    { key: "organization", field: "organizations", legend: "Organizations", find: "Find an organization" },
    { key: "treaty", field: "treaties", legend: "Treaties", find: "Find a treaty" },
    { key: "place", field: "place", legend: "Places", find: "Find a place" },
    { key: "tag", field: "tags", legend: "Tags", find: "Find a tag" },
  ];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var cache = null;
  // The filter on the current page, for the one history listener (pages may come and go
  // under instant navigation; listeners on window would pile up).
  var active = null;

  function loadExport() {
    if (!cache) {
      cache = fetch(exportUrl.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
      cache.catch(function () { cache = null; });
    }
    return cache;
  }

  function entitiesOf(event, facet) {
    if (facet.of) return facet.of(event);
    var value = event[facet.field];
    if (!value) return [];
    return Array.isArray(value) ? value : [value];
  }

  function formatDate(iso) {
    var parts = iso.split("-");
    if (parts.length === 1) return parts[0];
    var month = MONTHS[Number(parts[1]) - 1];
    if (parts.length === 2) return month + " " + parts[0];
    return Number(parts[2]) + " " + month + " " + parts[0];
  }

  function formatEventDate(event) {
    var text = formatDate(event.date);
    if (event.end_date) text += " – " + formatDate(event.end_date);
    return event.approximate ? "c. " + text : text;
  }

  function slug(text) {
    return text.replace(/[^a-z0-9-]/gi, "-");
  }

  function buildFacet(facet, events) {
    var counts = new Map();
    var names = new Map();
    events.forEach(function (event) {
      entitiesOf(event, facet).forEach(function (entity) {
        counts.set(entity.id, (counts.get(entity.id) || 0) + 1);
        // "Treaty on Conventional Armed Forces in Europe (CFE)": the box is found by either.
        names.set(entity.id, entity.abbreviation ? entity.name + " (" + entity.abbreviation + ")" : entity.name);
      });
    });
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = facet.legend;
    fieldset.appendChild(legend);
    if (!counts.size) {
      var none = document.createElement("p");
      none.textContent = "None in the chronology yet.";
      fieldset.appendChild(none);
      return fieldset;
    }
    var list = document.createElement("ul");
    list.className = "chrono-choices";
    // A short fixed list (the sides) keeps its own order and needs no find box.
    var ids = facet.order
      ? facet.order.map(function (entity) { return entity.id; }).filter(function (id) { return names.has(id); })
      : Array.from(names.keys()).sort(function (a, b) { return names.get(a).localeCompare(names.get(b)); });
    if (facet.order) list.classList.add("chrono-choices-short");
    ids.forEach(function (id) { list.appendChild(buildChoice(facet, id, names.get(id), counts.get(id))); });
    if (facet.find) fieldset.appendChild(buildFind(facet, list));
    fieldset.appendChild(list);
    return fieldset;
  }

  function buildChoice(facet, id, name, number) {
    var item = document.createElement("li");
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = facet.key;
    box.value = id;
    box.id = "chrono-" + facet.key + "-" + slug(id);
    var text = document.createElement("span");
    text.textContent = name;
    var count = document.createElement("span");
    count.className = "chrono-count";
    count.textContent = String(number);
    count.setAttribute("aria-label", number + " events");
    label.appendChild(box);
    label.appendChild(text);
    label.appendChild(count);
    item.appendChild(label);
    item.dataset.name = name.toLowerCase();
    return item;
  }

  function buildFind(facet, list) {
    var findId = "chrono-find-" + facet.key;
    var findLabel = document.createElement("label");
    findLabel.htmlFor = findId;
    findLabel.className = "chrono-visually-hidden";
    findLabel.textContent = facet.find;
    var find = document.createElement("input");
    find.type = "search";
    find.id = findId;
    find.className = "chrono-facet-find";
    find.placeholder = facet.find;
    find.autocomplete = "off";
    find.addEventListener("input", function () {
      var wanted = find.value.trim().toLowerCase();
      list.querySelectorAll("li").forEach(function (item) {
        var box = item.querySelector("input");
        item.hidden = wanted !== "" && !box.checked && item.dataset.name.indexOf(wanted) === -1;
      });
    });
    // Enter in the find box must not submit (and reset) the form: it ticks the first match.
    find.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      var first = list.querySelector("li:not([hidden]) input");
      if (first) first.focus();
    });
    var wrapper = document.createDocumentFragment();
    wrapper.appendChild(findLabel);
    wrapper.appendChild(find);
    return wrapper;
  }

  function readFilter(form) {
    var filter = { from: null, to: null, facets: {} };
    var from = parseInt(form.elements.from.value, 10);
    var to = parseInt(form.elements.to.value, 10);
    if (!isNaN(from)) filter.from = from;
    if (!isNaN(to)) filter.to = to;
    FACETS.forEach(function (facet) {
      filter.facets[facet.key] = Array.from(
        form.querySelectorAll('input[type="checkbox"][name="' + facet.key + '"]:checked')
      ).map(function (box) { return box.value; });
    });
    return filter;
  }

  function filterToQuery(filter) {
    var params = new URLSearchParams();
    FACETS.forEach(function (facet) {
      filter.facets[facet.key].forEach(function (id) { params.append(facet.key, id); });
    });
    if (filter.from !== null) params.set("from", String(filter.from));
    if (filter.to !== null) params.set("to", String(filter.to));
    return params.toString();
  }

  function applyQuery(form, search) {
    var params = new URLSearchParams(search);
    form.elements.from.value = params.get("from") ? parseInt(params.get("from"), 10) || "" : "";
    form.elements.to.value = params.get("to") ? parseInt(params.get("to"), 10) || "" : "";
    FACETS.forEach(function (facet) {
      var wanted = params.getAll(facet.key);
      var first = null;
      form.querySelectorAll('input[type="checkbox"][name="' + facet.key + '"]').forEach(function (box) {
        box.checked = wanted.indexOf(box.value) !== -1;
        if (box.checked && !first) first = box;
      });
      // A ticked box from the address may sit below the fold of its short, scrolling list.
      var list = first && first.closest(".chrono-choices");
      if (list) list.scrollTop = first.closest("li").offsetTop - list.offsetTop;
    });
  }

  function matches(event, filter) {
    if (filter.from !== null && Number(event.last_day.slice(0, 4)) < filter.from) return false;
    if (filter.to !== null && Number(event.first_day.slice(0, 4)) > filter.to) return false;
    return FACETS.every(function (facet) {
      var wanted = filter.facets[facet.key];
      if (!wanted.length) return true;
      var have = entitiesOf(event, facet).map(function (entity) { return entity.id; });
      return wanted.every(function (id) { return have.indexOf(id) !== -1; });
    });
  }

  // Each box's count is how many of the events shown now it is in: ticking it would leave
  // that many (boxes combine with "and"). A box in none of them is dimmed, not disabled, so a
  // ticked one can always be unticked.
  function updateCounts(found) {
    FACETS.forEach(function (facet) {
      var counts = new Map();
      found.forEach(function (event) {
        entitiesOf(event, facet).forEach(function (entity) {
          counts.set(entity.id, (counts.get(entity.id) || 0) + 1);
        });
      });
      document.querySelectorAll('input[type="checkbox"][name="' + facet.key + '"]').forEach(function (box) {
        var number = counts.get(box.value) || 0;
        var count = box.parentNode.querySelector(".chrono-count");
        count.textContent = String(number);
        count.setAttribute("aria-label", number === 1 ? "1 event" : number + " events");
        box.closest("li").classList.toggle("chrono-none-left", number === 0);
      });
    });
  }

  function sideLink(text, href) {
    var link = document.createElement("a");
    link.href = href;
    link.textContent = text;
    return link;
  }

  // Under an event found by the sides ticked, what those sides said there: who, in what office,
  // and where it is reported (the quote's own source; else the event page lists the sources).
  function statementsOf(event, sides) {
    if (!sides.length) return null;
    var said = event.quotes.filter(function (quote) { return sides.indexOf(quote.side) !== -1; });
    if (!said.length) return null;
    var list = document.createElement("ul");
    list.className = "chrono-statements";
    said.forEach(function (quote) {
      var item = document.createElement("li");
      var side = document.createElement("span");
      side.className = "chrono-statement-side";
      side.textContent = SIDE_NAMES[quote.side] + ": ";
      item.appendChild(side);
      item.appendChild(document.createTextNode("“" + quote.text + "” — "));
      item.appendChild(sideLink(quote.speaker.name, new URL(quote.speaker.url, exportUrl).href));
      if (quote.role) item.appendChild(document.createTextNode(", " + quote.role));
      var source = quote.source;
      if (source && source.url && /^https?:\/\//i.test(source.url)) {
        item.appendChild(document.createTextNode(" ("));
        item.appendChild(sideLink(source.publisher || "source", source.url));
        item.appendChild(document.createTextNode(")"));
      }
      list.appendChild(item);
    });
    return list;
  }

  function render(data, filter, status, results) {
    var found = data.events.filter(function (event) { return matches(event, filter); });
    var fragment = document.createDocumentFragment();
    found.forEach(function (event) {
      var item = document.createElement("li");
      var when = document.createElement("span");
      when.className = "tl-when";
      when.textContent = formatEventDate(event) + " ";
      var link = document.createElement("a");
      link.href = new URL(event.url, exportUrl).href;
      link.textContent = event.title;
      item.appendChild(when);
      item.appendChild(link);
      var statements = statementsOf(event, filter.facets.side);
      if (statements) item.appendChild(statements);
      fragment.appendChild(item);
    });
    results.replaceChildren(fragment);
    updateCounts(found);
    var total = data.events.length;
    status.textContent = found.length === total
      ? "All " + total + " events."
      : found.length + " of " + total + " events match.";
  }

  function setUp() {
    var form = document.getElementById("chrono-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var status = document.getElementById("chrono-status");
    var results = document.getElementById("chrono-results");
    var facets = document.getElementById("chrono-facets");
    status.textContent = "Loading the chronology…";
    loadExport().then(function (data) {
      FACETS.forEach(function (facet) { facets.appendChild(buildFacet(facet, data.events)); });
      form.hidden = false;
      applyQuery(form, window.location.search);

      function update() {
        var filter = readFilter(form);
        var query = filterToQuery(filter);
        var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
        window.history.replaceState(null, "", url);
        render(data, filter, status, results);
      }

      form.addEventListener("change", update);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        update();
      });
      document.getElementById("chrono-clear").addEventListener("click", function () {
        applyQuery(form, "");
        form.querySelectorAll(".chrono-facet-find").forEach(function (find) {
          find.value = "";
          find.dispatchEvent(new Event("input"));
        });
        update();
      });
      active = { form: form, data: data, status: status, results: results };
      render(data, readFilter(form), status, results);
    }).catch(function (error) {
      status.textContent = "The chronology could not be loaded (" + error.message + ").";
    });
  }

  window.addEventListener("popstate", function () {
    if (!active || !document.body.contains(active.form)) return;
    applyQuery(active.form, window.location.search);
    render(active.data, readFilter(active.form), active.status, active.results);
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
