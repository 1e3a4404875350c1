/* global self, caches, fetch, indexedDB, Headers, Request, Response, URL, URLSearchParams, crypto */
// The service worker (ADR 0035): served at /sw.js by app/routes/sw[.js].ts, which fills in the
// two values below. Plain script, no imports, so what runs on the phone is what is read here.
const BUILD = "__BUILD__";
const STYLESHEET = "__STYLESHEET__";

const PAGES = "steppingstone-pages-v1";
const ASSETS = "steppingstone-assets-v1";
const SHELL = `steppingstone-shell-${BUILD}`;
const SHELL_FILES = ["/offline", STYLESHEET, "/favicon.svg", "/manifest.webmanifest"];
// Hashed build files pile up deploy after deploy; the oldest go first.
const MAX_ASSETS = 40;
const SYNC_TAG = "send-answers";
// Set by the server on every response to a signed-in browser: an opaque tag of the session.
const OWNER_HEADER = "Offline-Owner";

const STEP_PAGE = /^\/me\/programme\/[^/]+\/steps\/\d+$/;
// The only pages kept: a participant's steps and tickets, and the door team's pages.
const DOOR_PAGE = /^\/door(\/[^/]+)?$/;
const KEPT_PAGES = [STEP_PAGE, /^\/me\/tickets\/[^/]+$/, DOOR_PAGE];

self.addEventListener("install", (event) => {
  // The offline page is fetched without cookies, so the copy kept names nobody.
  const requests = SHELL_FILES.map((path) => new Request(path, { credentials: "omit" }));
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  const current = [PAGES, ASSETS, SHELL];
  const stale = (names) => names.filter((name) => name.startsWith("steppingstone-") && !current.includes(name));
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(stale(names).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
      .then(keepOpenPages),
  );
});

// The page that registered the worker loaded before it: keep it now, so one visit is enough.
async function keepOpenPages() {
  const windows = await self.clients.matchAll({ type: "window" });
  for (const client of windows) {
    const url = new URL(client.url);
    if (url.origin !== self.location.origin || !KEPT_PAGES.some((pattern) => pattern.test(url.pathname))) continue;
    const response = await fetch(url.pathname, { credentials: "same-origin" }).catch(() => null);
    if (!response) continue;
    await noteOwner(response);
    if (!isOwnPage(response)) continue;
    await caches.open(PAGES).then((cache) => cache.put(url.pathname, response.clone()));
    // Its scripts and stylesheet loaded before the worker too: a page that runs JavaScript needs them offline.
    const assets = [...(await response.text()).matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
    await Promise.all([...new Set(assets)].map((asset) => cacheFirst(new Request(asset), ASSETS).catch(() => null)));
  }
}

self.addEventListener("sync", (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(sendWaitingAnswers());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // A page that runs JavaScript posts its log-out form to /logout.data.
  if (request.method === "POST" && (url.pathname === "/logout" || url.pathname === "/logout.data")) {
    event.respondWith(
      forgetEverything()
        .then(() => fetch(request))
        .catch(() => (request.mode === "navigate" ? offlinePage() : Response.error())),
    );
  } else if (request.method === "POST" && request.mode === "navigate" && STEP_PAGE.test(url.pathname)) {
    event.respondWith(postAnswer(request, url));
  } else if (request.method !== "GET") {
    return;
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request, ASSETS));
  } else if (url.pathname === "/favicon.svg" || url.pathname === "/manifest.webmanifest") {
    event.respondWith(fetch(request).catch(() => caches.match(url.pathname, { cacheName: SHELL }).then((kept) => kept ?? Response.error())));
  } else if (request.mode === "navigate") {
    event.respondWith(navigate(event, request, url));
  }
});

async function navigate(event, request, url) {
  const kept = KEPT_PAGES.some((pattern) => pattern.test(url.pathname));
  try {
    // Back online on a step with an answer waiting: send it first, so the page shows it saved.
    if (STEP_PAGE.test(url.pathname) && (await waitingAnswersFor(url.pathname)).length > 0) await sendWaitingAnswers();
    const response = await fetch(request);
    await noteOwner(response);
    if (kept) {
      const cache = await caches.open(PAGES);
      // A page that is no longer this person's (signed out, gone, refused) leaves the phone too.
      await (isOwnPage(response) ? cache.put(url.pathname, response.clone()) : cache.delete(url.pathname));
    }
    event.waitUntil(sendWaitingAnswers());
    return response;
  } catch {
    const copy = kept ? await caches.match(url.pathname, { cacheName: PAGES }) : undefined;
    if (!copy) return offlinePage();
    // The door team's pages run their own script offline; they are served as kept.
    return DOOR_PAGE.test(url.pathname) ? copy : asReadingCopy(copy, url.pathname);
  }
}

/** A page worth keeping: the signed-in person's own, complete HTML page. */
function isOwnPage(response) {
  return (
    response.status === 200 &&
    response.type === "basic" &&
    !response.redirected &&
    response.headers.has(OWNER_HEADER) &&
    (response.headers.get("Content-Type") ?? "").startsWith("text/html")
  );
}

async function cacheFirst(request, cacheName) {
  // The stylesheet may be in the shell, pre-cached at install.
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(cacheName);
    await cache.put(request, response.clone());
    const keys = await cache.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_ASSETS)).map((key) => cache.delete(key)));
  }
  return response;
}

async function offlinePage() {
  return (await caches.match("/offline", { cacheName: SHELL })) ?? new Response("You are offline.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// Someone else signed in on this phone (or the session changed): what was kept goes first.
async function noteOwner(response) {
  const owner = response.headers.get(OWNER_HEADER);
  if (!owner) return;
  const previous = await inStore("owner", "readonly", (store) => store.get("owner"));
  if (previous === owner) return;
  await forgetEverything();
  await inStore("owner", "readwrite", (store) => store.put(owner, "owner"));
}

async function forgetEverything() {
  await caches.delete(PAGES);
  await inStore("answers", "readwrite", (store) => store.clear());
  await inStore("owner", "readwrite", (store) => store.clear());
}

// ---- Answers typed offline ----

async function postAnswer(request, url) {
  const body = await request.clone().text();
  try {
    return await fetch(request);
  } catch {
    const form = new URLSearchParams(body);
    const plainForm = (request.headers.get("Content-Type") ?? "").startsWith("application/x-www-form-urlencoded");
    // Saving an answer replaces the last one, so sending it twice does no harm; adding a journal
    // entry or an application would add it twice, so those wait for a connection.
    const keep = plainForm && form.get("intent") === "save";
    if (keep) {
      await inStore("answers", "readwrite", (store) => store.put({ id: crypto.randomUUID(), path: url.pathname, body, at: Date.now() }));
      await self.registration.sync?.register(SYNC_TAG).catch(() => undefined);
    }
    return notSentPage(form, url.pathname, keep);
  }
}

let sending = null;

/** Sends the answers kept on this phone, oldest first; stops at the first network failure. */
function sendWaitingAnswers() {
  sending ??= sendEach().finally(() => {
    sending = null;
  });
  return sending;
}

async function sendEach() {
  const waiting = await inStore("answers", "readonly", (store) => store.getAll());
  for (const answer of waiting.sort((a, b) => a.at - b.at)) {
    const response = await fetch(answer.path, {
      method: "POST",
      body: answer.body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      credentials: "same-origin",
    }).catch(() => null);
    if (!response || response.status >= 500) return;
    // Signed out meanwhile: the answer waits for the next sign-in (as the same person).
    if (new URL(response.url).pathname.startsWith("/login")) return;
    await inStore("answers", "readwrite", (store) => store.delete(answer.id));
  }
}

async function waitingAnswersFor(path) {
  const waiting = await inStore("answers", "readonly", (store) => store.getAll());
  return waiting.filter((answer) => answer.path === path);
}

// ---- Pages the worker writes ----

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function notSentPage(form, stepPath, kept) {
  const typed = [...form.entries()].filter(([name, value]) => name !== "intent" && value.trim() !== "").map(([, value]) => `<blockquote><p>${escape(value)}</p></blockquote>`);
  const title = kept ? "Not saved yet" : "Not sent";
  const note = kept
    ? "Not saved yet: your answer is kept on this phone and will be sent when you are back online."
    : "Not sent: this phone is offline. Copy what you wrote below and send it again when you are back online.";
  const html = `<!doctype html><html lang="en-NG"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="${escape(STYLESHEET)}"><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head><body><main id="main" class="page"><h1>${title}</h1><p class="notice" role="status">${note}</p><h2>What you wrote</h2><div class="prose">${typed.join("") || "<p>(nothing)</p>"}</div><p><a href="${escape(stepPath)}">Back to the step</a></p></main></body></html>`;
  return new Response(html, { status: kept ? 202 : 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/**
 * A step or a ticket offline is read, not used: served as plain HTML without its scripts (which
 * would look for the network, and would drop the notes added here when they took over the page).
 */
async function asReadingCopy(copy, path) {
  const notes = ['<p class="notice" role="status">You are offline. This is the copy of this page kept on this phone.</p>'];
  if ((await waitingAnswersFor(path)).length > 0) {
    notes.push('<p class="notice notice--error">Not saved yet: your answer to this step is kept on this phone and will be sent when you are back online.</p>');
  }
  const html = (await copy.text())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/g, "")
    .replace(/<main\b[^>]*>/, (open) => open + notes.join(""));
  const headers = new Headers(copy.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return new Response(html, { status: 200, headers });
}

// ---- IndexedDB: the answers waiting to be sent, and whose session the kept pages belong to ----

function openStore() {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open("steppingstone-offline", 1);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore("answers", { keyPath: "id" });
      opening.result.createObjectStore("owner");
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

async function inStore(name, mode, work) {
  const database = await openStore();
  return new Promise((resolve, reject) => {
    const transaction = database.transaction(name, mode);
    const request = work(transaction.objectStore(name));
    transaction.oncomplete = () => {
      database.close();
      resolve(request.result);
    };
    transaction.onerror = () => {
      database.close();
      reject(transaction.error);
    };
  });
}
