// Zoom for the visual timeline. The page draws without this script; the marks are placed in
// percent of the whole period, so zooming only widens the track and scrolls it to the year.
(function () {
  "use strict";

  function daysBetween(a, b) {
    return Math.round((b - a) / 86400000);
  }

  function setUp(root) {
    if (root.dataset.tlReady) return;
    root.dataset.tlReady = "1";
    var controls = root.querySelector(".tl-controls");
    var select = root.querySelector("#tl-zoom");
    var viewport = root.querySelector(".tl-viewport");
    var track = root.querySelector(".tl-track");
    var start = new Date(root.dataset.tlStart + "T00:00:00Z");
    var totalDays = Number(root.dataset.tlDays);
    if (!controls || !select || !viewport || !track || !totalDays) return;
    controls.hidden = false;

    function show(year) {
      if (!year) {
        track.style.width = "";
        root.removeAttribute("data-tl-zoomed");
        viewport.scrollLeft = 0;
        return;
      }
      var first = new Date(Date.UTC(year, 0, 1));
      var next = new Date(Date.UTC(year + 1, 0, 1));
      var yearDays = daysBetween(first, next);
      var factor = totalDays / yearDays;
      track.style.width = (factor * 100).toFixed(3) + "%";
      root.setAttribute("data-tl-zoomed", "");
      var offset = daysBetween(start, first) / totalDays;
      viewport.scrollLeft = offset * track.getBoundingClientRect().width;
    }

    select.addEventListener("change", function () {
      show(select.value ? Number(select.value) : 0);
    });
    root.querySelectorAll("[data-tl-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = Number(button.getAttribute("data-tl-step"));
        var position = select.selectedIndex;
        // From the whole period, "Later year" starts at the first year and "Earlier" at the last.
        if (position === 0) position = step > 0 ? 1 : select.options.length - 1;
        else position = Math.min(Math.max(position + step, 1), select.options.length - 1);
        select.selectedIndex = position;
        show(Number(select.value));
      });
    });
    var wanted = new URLSearchParams(window.location.search).get("year");
    if (wanted && select.querySelector('option[value="' + wanted.replace(/\D/g, "") + '"]')) {
      select.value = wanted.replace(/\D/g, "");
      show(Number(select.value));
    }
  }

  function setUpAll() {
    document.querySelectorAll(".tl").forEach(setUp);
  }

  // Material's instant navigation swaps pages without reloading scripts; document$ tells us.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
