// Skip logic while typing: the form is posted to the server, whose questionnaire engine answers which questions and
// options are relevant; this script only shows and hides them (docs/adr/0010-skip-logic-on-the-server.md). Without
// JavaScript the same engine decides on the next page change.
(function () {
    "use strict";
    var form = document.querySelector("form[data-relevance]");
    if (!form || !window.fetch) {
        return;
    }

    var pending = null;
    var latest = 0;

    function apply(answer) {
        var relevant = new Set(answer.relevant);
        form.querySelectorAll("[data-element]").forEach(function (element) {
            element.hidden = !relevant.has(element.getAttribute("data-element"));
        });
        Object.keys(answer.choices).forEach(function (name) {
            var element = form.querySelector('[data-element="' + name + '"]');
            if (!element) {
                return;
            }
            var allowed = new Set(answer.choices[name]);
            element.querySelectorAll("[data-choice]").forEach(function (choice) {
                choice.hidden = !allowed.has(choice.getAttribute("data-choice"));
            });
        });
        var progress = document.querySelector(".progress-line progress");
        var text = document.getElementById("fortschritt");
        if (progress) {
            progress.value = answer.progress;
        }
        if (text) {
            text.textContent = answer.progress + " %";
        }
        // A branch that opens or closes a page changes "Seite X von Y" as well.
        var pages = document.getElementById("seitenzahl");
        if (pages && answer.page && answer.pages) {
            pages.textContent = "Seite " + answer.page + " von " + answer.pages;
        }
        form.setAttribute("data-relevance-state", "aktuell");
    }

    function refresh() {
        var request = ++latest;
        form.setAttribute("data-relevance-state", "wird-geprüft");
        fetch(form.getAttribute("data-relevance"), { method: "POST", body: new FormData(form), credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (answer) {
                // Answers can overtake each other: only the newest request counts.
                if (answer && request === latest) {
                    apply(answer);
                }
            })
            .catch(function () { /* offline: the next page change decides on the server */ });
    }

    form.addEventListener("change", refresh);
    form.addEventListener("input", function (event) {
        if (event.target.type === "text" || event.target.tagName === "TEXTAREA") {
            clearTimeout(pending);
            pending = setTimeout(refresh, 400);
        }
    });
})();
