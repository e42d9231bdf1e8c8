/* Hides, before the first paint, the alert banners this browser dismissed.
 *
 * Loaded from includes/alert_banners.html right after the banners, without `defer`, so the
 * banners it removes are never drawn. It is a file and not an inline script so the public
 * Content-Security-Policy needs no nonce: a cached page is served to many visitors, and a
 * nonce replayed to all of them would protect nothing. js/alert-banners.js wires the
 * dismiss buttons. */
(function (container) {
    var dismissed;
    try {
        dismissed = JSON.parse(window.localStorage.getItem("mip:dismissed-alerts") || "[]");
    } catch (error) {
        return;
    }
    if (!Array.isArray(dismissed) || !dismissed.length) {
        return;
    }
    container.querySelectorAll(".alert-banner").forEach(function (banner) {
        if (dismissed.indexOf(banner.dataset.alertId + ":" + banner.dataset.alertVersion) !== -1) {
            banner.remove();
        }
    });
    if (!container.querySelector(".alert-banner")) {
        container.removeAttribute("role");
        container.removeAttribute("aria-label");
    }
})(document.currentScript.parentNode);
