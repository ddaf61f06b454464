// Provision Tracker's service worker: it keeps a copy of every page and
// file of one version of the app, so the app opens with no network.
//
// Based on go-app's DefaultAppWorkerJS with three changes:
// - install and activate wait for their work (event.waitUntil), so the
//   worker never reports ready before the copy is complete;
// - it does not claim pages on its first install (see activate);
// - a page address that is not in the copy (a mistyped link, a page added
//   later) falls back to the copied start page while offline, and the app
//   then shows the right page or "page not found".
const cacheName = "app-" + "{{.Version}}";
const scopePath = new URL(self.registration.scope).pathname; // ends with "/"
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await Promise.all(
        resourcesToCache.map(async (path) => {
          const response = await fetch(path, { cache: "reload" });
          if (!response.ok) {
            throw new Error("cannot cache " + path + ": " + response.status);
          }
          await cache.put(path, await plain(response));
        })
      );
      await self.skipWaiting();
    })()
  );
});

// plain copies a response that followed a redirect into a fresh one:
// browsers refuse a redirected response as the answer to a page load.
async function plain(response) {
  if (!response.redirected) {
    return response;
  }
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(
        keys.filter((key) => key !== cacheName).map((key) => caches.delete(key))
      );
      // No clients.claim(): a first visit is not an update, and go-app
      // would otherwise offer one. Pages opened from now on, and pages of
      // an older version (through skipWaiting), are controlled anyway.
      console.log("app worker {{.Version}} is activated");
    })()
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") {
    return;
  }
  event.respondWith(fetchWithCache(event.request));
});

async function fetchWithCache(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) {
    return cached;
  }
  if (request.mode !== "navigate") {
    return fetch(request);
  }
  try {
    return await fetch(request);
  } catch (err) {
    const start = await cache.match(scopePath);
    if (start) {
      return start;
    }
    throw err;
  }
}
