// A new page's form carries one token for its whole life: the autosaved draft and the
// Publish that follow it are one creation, whichever reaches the server first
// (home/editors/creation.py).
(() => {
    const addToken = () => {
        const form = document.getElementById("page-edit-form");
        if (!form || !/\/pages\/add\//.test(form.getAttribute("action") || "")) {
            return;
        }
        if (form.elements.namedItem("creation_token")) {
            return;
        }
        const token = document.createElement("input");
        token.type = "hidden";
        token.name = "creation_token";
        token.value = self.crypto.randomUUID();
        form.append(token);
    };
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", addToken);
    } else {
        addToken();
    }
})();
