// In wagtail-localize's translation editor, show the previous translation of each text that
// changed since it was translated (see home/translations/suggestions.py). The translator may
// copy it or use it as it is; nothing is saved until they do.
(function () {
  "use strict";

  const script = document.currentScript;
  const labels = JSON.parse(script.dataset.labels || "{}");
  const urlTemplate = script.dataset.suggestionsUrl;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function translationId(props) {
    // Every link of the editor names the translation: /…/translate/<id>/…
    const match = /\/translate\/(\d+)\//.exec((props.links || {}).downloadPofile || "");
    return match ? match[1] : null;
  }

  function fieldLabel(props, segmentId) {
    const segment = (props.segments || []).find(
      (item) => item.type === "string" && item.id === segmentId,
    );
    if (!segment || !segment.location) return "";
    const { field, subField } = segment.location;
    return subField ? `${field} › ${subField}` : field || "";
  }

  function definition(list, term, value) {
    list.append(element("dt", null, term), element("dd", null, value));
  }

  function showError(panel, message) {
    const error = element("p", "error-message", message);
    error.setAttribute("role", "alert");
    panel.append(error);
  }

  function render(editor, props, items) {
    const csrf = editor.querySelector("[name=csrfmiddlewaretoken]");
    const panel = element("section", "translations-suggestions help-block help-info");
    panel.setAttribute("aria-labelledby", "translations-suggestions-title");
    const title = element("h2", null, labels.title);
    title.id = "translations-suggestions-title";
    panel.append(title, element("p", null, labels.help));

    items.forEach((item) => {
      const entry = element("article", "translations-suggestion");
      entry.dataset.segment = item.segmentId;
      entry.append(element("h3", null, fieldLabel(props, item.segmentId)));
      const list = element("dl");
      definition(list, labels.newText, item.source);
      definition(list, labels.previousText, item.previousSource);
      definition(list, labels.previousTranslation, item.suggestion);
      entry.append(list);

      // The clipboard is there on HTTPS (and localhost) only; the text can be selected anyway.
      if (navigator.clipboard) {
        const copy = element("button", "button button-small button-secondary", labels.copy);
        copy.type = "button";
        copy.addEventListener("click", () => {
          navigator.clipboard.writeText(item.suggestion).then(() => {
            copy.textContent = labels.copied;
          });
        });
        entry.append(copy, " ");
      }
      const use = element("button", "button button-small", labels.use);
      use.type = "button";
      use.addEventListener("click", () => {
        use.disabled = true;
        fetch(item.acceptUrl, {
          method: "POST",
          headers: { "X-CSRFToken": csrf ? csrf.value : "" },
          credentials: "same-origin",
        })
          .then((response) =>
            response.json().then((body) => {
              if (!response.ok) throw new Error(body.error || labels.saveError);
              // The editor reads its translations when the page loads.
              window.location.reload();
            }),
          )
          .catch((problem) => {
            use.disabled = false;
            showError(entry, problem.message || labels.saveError);
          });
      });
      entry.append(use);
      panel.append(entry);
    });
    editor.before(panel);
  }

  function start() {
    const editor = document.querySelector(".js-translation-editor[data-props]");
    if (!editor || !urlTemplate) return;
    const props = JSON.parse(editor.dataset.props);
    const id = translationId(props);
    if (!id) return;
    const url = urlTemplate.replace(/\/0\/$/, `/${id}/`);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => {
        if (!response.ok) throw new Error(labels.loadError);
        return response.json();
      })
      .then((body) => {
        if (body.suggestions && body.suggestions.length) {
          render(editor, props, body.suggestions);
        }
      })
      .catch(() => {
        const panel = element("section", "translations-suggestions help-block help-warning");
        showError(panel, labels.loadError);
        editor.before(panel);
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
