/* Alert banners: every page comes with the banners showing now in its language and section
   (site/templates/includes/alert_banners.html), and js/alert-banners-early.js, loaded right
   after them, hides before the first paint those this browser dismissed. This script wires the dismiss buttons: it
   remembers the banner by id and version (a banner that changes gets a new version and
   shows again) and removes it. Without JavaScript the banners show and stay. */
(function () {
    "use strict";

    var STORAGE_KEY = "mip:dismissed-alerts";
    var MAX_REMEMBERED = 50;

    function readDismissed() {
        try {
            var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "[]");
            return Array.isArray(stored) ? stored : [];
        } catch (error) {
            return [];
        }
    }

    function remember(key) {
        var dismissed = readDismissed().filter(function (item) { return item !== key; });
        dismissed.push(key);
        try {
            window.localStorage.setItem(STORAGE_KEY, JSON.stringify(dismissed.slice(-MAX_REMEMBERED)));
        } catch (error) {
            /* Storage full or disabled: the banner is hidden for this page view only. */
        }
    }

    var container = document.querySelector("[data-alert-banners]");
    if (!container) {
        return;
    }

    function dismiss(block) {
        remember(block.dataset.alertId + ":" + block.dataset.alertVersion);
        var banners = Array.prototype.slice.call(container.querySelectorAll(".alert-banner"));
        var index = banners.indexOf(block);
        var next = banners[index + 1] || banners[index - 1];
        block.remove();
        if (next) {
            next.querySelector(".alert-banner__dismiss").focus();
            return;
        }
        container.removeAttribute("role");
        container.removeAttribute("aria-label");
        var main = document.getElementById("main");
        if (main) {
            main.focus();
        }
    }

    container.addEventListener("click", function (event) {
        var button = event.target.closest(".alert-banner__dismiss");
        var block = button && button.closest(".alert-banner");
        if (block && container.contains(block)) {
            dismiss(block);
        }
    });
})();
