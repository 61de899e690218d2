// IncidentBot dashboard: times in the reader's zone, and the incident page kept live by server-sent events.
// Plain script, no build step; every page works without it (times then read in UTC, and a reload refreshes).
"use strict";

(function () {
    // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are named one by one.
    const dateTime = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
    const dateOnly = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });

    function localize(root) {
        root.querySelectorAll("time[datetime]").forEach(function (t) {
            const at = new Date(t.getAttribute("datetime"));
            if (isNaN(at.getTime())) {
                return;
            }
            t.textContent = (t.dataset.local === "date" ? dateOnly : dateTime).format(at);
        });
    }

    function live(region) {
        const status = document.getElementById("live-status");
        let fetching = false;
        let again = false;

        async function refresh() {
            if (fetching) {
                again = true;
                return;
            }
            fetching = true;
            try {
                do {
                    again = false;
                    const response = await fetch(region.dataset.fragment, { credentials: "same-origin", headers: { Accept: "text/html" } });
                    if (!response.ok) {
                        break;
                    }
                    region.innerHTML = await response.text();
                    localize(region);
                    if (status) {
                        status.textContent = "Updated " + dateTime.format(new Date());
                    }
                } while (again);
            } finally {
                fetching = false;
            }
        }

        // EventSource reconnects by itself and sends Last-Event-ID, so a change during a reconnect is not missed.
        const events = new EventSource(region.dataset.events);
        events.addEventListener("hello", function () { region.dataset.liveState = "connected"; });
        events.addEventListener("changed", function () { region.dataset.liveState = "connected"; refresh(); });
        events.addEventListener("error", function () { region.dataset.liveState = "reconnecting"; });
        window.addEventListener("pagehide", function () { events.close(); });
    }

    localize(document);
    const region = document.querySelector("[data-events]");
    if (region && "EventSource" in window) {
        live(region);
    }
})();
