// Two of Wagtail's admin controls have no accessible name: the rich text editor (Draftail), whose
// role="textbox" is not what its field's <label> points at (wagtail/wagtail#14205, open upstream),
// and a plain block in a StreamField (our Markdown block), whose only label is the block's type in
// its panel header. Until Wagtail names them, name each after its field's label or its block's
// type, including controls added later by StreamField and InlinePanel.
(function () {
  "use strict";

  var UNNAMED = ".public-DraftEditor-content, [data-streamfield-child] textarea, " +
    "[data-streamfield-child] input:not([type=hidden]), [data-streamfield-child] select";

  function hasName(control) {
    return control.hasAttribute("aria-labelledby") || control.hasAttribute("aria-label") ||
      (control.labels && control.labels.length > 0);
  }

  function labelFor(control) {
    var field = control.closest("[data-field-input]");
    var input = control.matches(".public-DraftEditor-content") ? field && field.querySelector("input[id]") : null;
    var label = input && document.querySelector('label[for="' + input.id + '"]');
    if (label) {
      if (!label.id) label.id = input.id + "-label";
      return label;
    }
    var block = control.closest("section.w-panel");
    return block && block.querySelector(":scope > .w-panel__header .c-sf-block__type");
  }

  function name(control) {
    if (hasName(control)) return;
    var label = labelFor(control);
    if (!label) return;
    if (!label.id) label.id = "label-" + Math.random().toString(36).slice(2);
    control.setAttribute("aria-labelledby", label.id);
  }

  function nameControlsIn(root) {
    if (root.matches && root.matches(UNNAMED)) name(root);
    if (root.querySelectorAll) root.querySelectorAll(UNNAMED).forEach(name);
  }

  function start() {
    nameControlsIn(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) { mutation.addedNodes.forEach(nameControlsIn); });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
