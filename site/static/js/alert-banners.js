/* Alert banners: fetched from /alerts/<language>.json so that pages stay cacheable.
   Shows the banners for this part of the site, most severe first (the server's order),
   and remembers in this browser which ones the visitor dismissed. A banner that changes
   gets a new version and shows again. Without JavaScript no banner shows. */
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

    function keyOf(banner) {
        return banner.id + ":" + banner.version;
    }

    function isSafeUrl(url) {
        return /^(https?:\/\/|\/(?!\/))/i.test(url);
    }

    function buildBanner(banner, labels, onDismiss) {
        var prefix = "alert-banner-" + banner.id;
        var block = document.createElement("div");
        block.className = "alert-banner alert-banner--" + banner.severity;
        block.setAttribute("role", "group");
        block.setAttribute("aria-labelledby", prefix + "-severity " + prefix + "-message");
        block.dataset.alertId = banner.id;
        block.dataset.alertVersion = banner.version;

        var inner = document.createElement("div");
        inner.className = "container alert-banner__inner";

        var text = document.createElement("p");
        text.className = "alert-banner__text";
        var severity = document.createElement("strong");
        severity.className = "alert-banner__severity";
        severity.id = prefix + "-severity";
        severity.textContent = banner.severity_label;
        var message = document.createElement("span");
        message.id = prefix + "-message";
        message.textContent = banner.message;
        text.append(severity, message);
        if (banner.link && isSafeUrl(banner.link.url)) {
            var link = document.createElement("a");
            link.className = "alert-banner__link";
            link.href = banner.link.url;
            link.textContent = banner.link.label;
            text.append(" ", link);
        }

        var dismiss = document.createElement("button");
        dismiss.type = "button";
        dismiss.className = "alert-banner__dismiss";
        dismiss.textContent = labels.dismiss;
        dismiss.setAttribute("aria-describedby", prefix + "-message");
        dismiss.addEventListener("click", function () { onDismiss(banner, block); });

        inner.append(text, dismiss);
        block.append(inner);
        return block;
    }

    function render(container, data) {
        var section = container.dataset.section || "site";
        var dismissed = readDismissed();
        var banners = (data.banners || []).filter(function (banner) {
            var inScope = banner.scope === "site" || banner.scope === section;
            return inScope && dismissed.indexOf(keyOf(banner)) === -1;
        });
        if (!banners.length) {
            return;
        }
        container.setAttribute("role", "region");
        container.setAttribute("aria-label", data.labels.region);

        function onDismiss(banner, block) {
            remember(keyOf(banner));
            var next = block.nextElementSibling || block.previousElementSibling;
            block.remove();
            if (next) {
                next.querySelector(".alert-banner__dismiss").focus();
            } else {
                container.removeAttribute("role");
                container.removeAttribute("aria-label");
                var main = document.getElementById("main");
                if (main) {
                    main.focus();
                }
            }
        }

        banners.forEach(function (banner) {
            container.append(buildBanner(banner, data.labels, onDismiss));
        });
    }

    var container = document.querySelector("[data-alert-banners]");
    if (!container || !container.dataset.endpoint || !window.fetch) {
        return;
    }
    window.fetch(container.dataset.endpoint, { headers: { Accept: "application/json" }, credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
            if (data) {
                render(container, data);
            }
        })
        .catch(function () { /* No banners is better than a broken page. */ });
})();
