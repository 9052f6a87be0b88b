// Follows a report request without reloading the page: asks for its state every second until it is done or failed.
(function () {
    "use strict";
    var panel = document.getElementById("request");
    if (!panel) {
        return;
    }

    var url = panel.getAttribute("data-status-url");
    var status = document.getElementById("request-status");
    var progress = document.getElementById("request-progress");
    var error = document.getElementById("request-error");
    var download = document.getElementById("request-download");
    var link = document.getElementById("request-download-link");

    function show(state) {
        panel.setAttribute("data-status", state.status);
        status.textContent = state.statusText;
        progress.value = state.progress;
        progress.textContent = state.progress + " %";
        progress.hidden = state.status === "done" || state.status === "failed";
        error.textContent = state.error || "";
        error.hidden = !state.error;
        if (state.download) {
            link.href = state.download;
            download.hidden = false;
        }
    }

    function poll() {
        fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (state) {
                show(state);
                if (state.status === "queued" || state.status === "running") {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () {
                status.textContent = "Der Stand lässt sich gerade nicht abfragen; neuer Versuch in einigen Sekunden.";
                window.setTimeout(poll, 5000);
            });
    }

    var initial = panel.getAttribute("data-status");
    if (initial === "queued" || initial === "running") {
        window.setTimeout(poll, 1000);
    }
})();
