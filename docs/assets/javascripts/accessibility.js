// Material's search panel is a role="dialog" without a name, which screen readers announce as
// an unnamed dialog (axe: aria-dialog-name). Name it after its own search field.
(function () {
  "use strict";

  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
    var input = document.querySelector(".md-search__input");
    if (dialog) dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(nameSearchDialog);
  } else {
    nameSearchDialog();
  }
})();
