// The member's card offline: /me/card/ and the files it uses are answered from the network
// when there is one (and kept), from the kept copy when there is none.
"use strict";
const CACHE = "congdoan-card-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname !== "/me/card/" && !url.pathname.startsWith("/static/")) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && !response.redirected) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      // The page answers with Vary: Cookie, Accept-Language, and the copy kept by the page's
      // script was asked for without those headers: match on the address alone.
      .catch(() =>
        caches.match(request, { ignoreVary: true }).then((kept) => kept || Response.error())
      )
  );
});
