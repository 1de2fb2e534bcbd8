// Registers the card page's service worker and keeps the page and its files at once, so the
// card opens without a network from the first visit on (no inline script: CSP script-src 'self').
(() => {
  "use strict";
  const page = document.querySelector("[data-card-worker]");
  if (!page || !("serviceWorker" in navigator) || !("caches" in window)) return;
  const status = document.getElementById("offline-status");
  const files = [location.pathname, ...page.dataset.cardFiles.split(" ").filter(Boolean)];
  navigator.serviceWorker
    .register(page.dataset.cardWorker, { scope: location.pathname })
    .then(() => caches.open("congdoan-card-v1"))
    .then((cache) => cache.addAll(files))
    .then(() => {
      if (status) status.hidden = false;
    })
    .catch(() => {});
})();
