import type { APIRequestContext, APIResponse } from "@playwright/test";
import { createCampaign } from "./campaign-helpers";
import { createPublishedEvent, registerFor } from "./event-helpers";
import { createAccount, expect, signIn, test } from "./fixtures";

// Repeat visits for free (issue: speed): anonymous pages carry a validator made from the build and
// the database's version; asking again with it answers 304 until anything is written. A signed-in
// person's page is made once per version for their session alone (ADR 0052).

const HTML = { Accept: "text/html" };

async function get(request: APIRequestContext, path: string, etag?: string): Promise<APIResponse> {
  return request.get(path, { headers: etag ? { ...HTML, "If-None-Match": etag } : HTML, maxRedirects: 0 });
}

// Other tests write while these run (and the minute may turn) between two requests: a moment later, again.
const ATTEMPTS = 10;
const aMomentLater = (attempt: number) => new Promise((resolve) => setTimeout(resolve, attempt * 50));

/** A 304 for the page's own validator. */
async function expectNotModified(request: APIRequestContext, path: string) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await aMomentLater(attempt);
    const etag = (await get(request, path)).headers()["etag"];
    expect(etag, `${path} has a validator`).toMatch(/^W\/".+"$/);
    const again = await get(request, path, etag);
    if (again.status() === 304) {
      expect(await again.body()).toHaveLength(0);
      return etag;
    }
  }
  throw new Error(`${path} never answered 304`);
}

test("anonymous public pages answer 304 while nothing changed, and the page again once anything is written", async ({ request }) => {
  const first = await get(request, "/events");
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate, s-maxage=30");
  expect(first.headers()["vary"]).toMatch(/Cookie/i);
  for (const path of ["/", "/events", "/donate", "/programme"]) await expectNotModified(request, path);

  const etag = await expectNotModified(request, "/events");
  // A write (here from another connection, as a script or a second process would) changes every validator.
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Fresh after a write ${Date.now().toString(36)}` });
  const after = await get(request, "/events", etag);
  expect(after.status()).toBe(200);
  expect(after.headers()["etag"]).not.toBe(etag);
  expect(await after.text()).toContain(event.title);
  // Nor is the page kept for the next anonymous visitor older than the write.
  expect(await (await get(request, "/events")).text()).toContain(event.title);
});

test("the next anonymous visitor gets the page as rendered for the first, its scripts' nonce with it", async ({ request }) => {
  for (const path of ["/", "/events", "/donate", "/programme"]) {
    let compared = false;
    for (let attempt = 0; attempt < ATTEMPTS && !compared; attempt++) {
      await aMomentLater(attempt);
      const first = await get(request, path);
      const second = await get(request, path);
      if (first.headers()["etag"] !== second.headers()["etag"]) continue;
      const body = await second.text();
      expect(body).toBe(await first.text());
      const nonce = /'nonce-([^']+)'/.exec(second.headers()["content-security-policy"] ?? "")?.[1];
      expect(nonce, `${path} has a CSP nonce`).toBeTruthy();
      for (const [, scriptNonce] of body.matchAll(/<script[^>]*\snonce="([^"]*)"/g)) expect(scriptNonce).toBe(nonce);
      compared = true;
    }
    expect(compared, `${path} was asked twice with nothing written between`).toBe(true);
  }
});

test("pages for a signed-in person, redirects and missing pages carry no validator", async ({ page, request }) => {
  const missing = await get(request, "/events/no-such-event");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["etag"]).toBeUndefined();
  const redirect = await get(request, "/me");
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()["etag"]).toBeUndefined();

  await signIn(page.context(), await createAccount());
  const signedIn = await page.request.get("/events", { headers: HTML });
  expect(signedIn.status()).toBe(200);
  expect(signedIn.headers()["etag"]).toBeUndefined();
  expect(signedIn.headers()["cache-control"]).toBe("no-store");
});

/** The value of a hidden field, as the server wrote it. */
async function hiddenValue(request: APIRequestContext, path: string, name: string): Promise<string> {
  const response = await request.get(path, { headers: HTML, maxRedirects: 0 });
  expect(response.status(), path).toBe(200);
  const field = (await response.text()).match(/<input[^>]*>/g)?.find((tag) => tag.includes(` name="${name}"`));
  const value = field && / value="([^"]+)"/.exec(field)?.[1];
  expect(value, `${path} has its ${name}`).toBeTruthy();
  return value!;
}

test("a signed-in person's page is theirs alone, shows a write at once, and its forms' one-time keys are new on every load", async ({ browser }) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Ngozi Organiser" });
  const event = await createPublishedEvent(organiser, { title: `Kept for one ${Date.now().toString(36)}` });
  await createCampaign("Laptops for the hub");
  const [asAda, asBayo, asOrganiser] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const ada = await createAccount({ name: "Ada Kept" });
  const bayo = await createAccount({ name: "Bayo Kept" });
  await signIn(asAda, ada);
  await signIn(asBayo, bayo);
  await signIn(asOrganiser, organiser);

  const adaMe = await (await asAda.request.get("/me", { headers: HTML })).text();
  expect(adaMe).toContain("Ada Kept");
  expect(adaMe).not.toContain(event.title);
  const again = await asAda.request.get("/me", { headers: HTML });
  expect(again.headers()["cache-control"]).toBe("no-store");
  expect(again.headers()["etag"]).toBeUndefined();
  const bayoMe = await (await asBayo.request.get("/me", { headers: HTML })).text();
  expect(bayoMe).toContain("Bayo Kept");
  expect(bayoMe).not.toContain("Ada Kept");

  // A booking written by another process shows on her next load.
  await registerFor(event.id, ada);
  await expect.poll(async () => (await asAda.request.get("/me", { headers: HTML })).text()).toContain(event.title);

  // Two loads of a form whose key makes a submission count once: two keys, so two walk-ins or two gifts are two.
  for (const [path, name] of [[`/door/${event.id}`, "key"], ["/admin/donations/new", "formKey"]] as const) {
    const first = await hiddenValue(asOrganiser.request, path, name);
    expect(await hiddenValue(asOrganiser.request, path, name)).not.toBe(first);
  }
  await Promise.all([asAda.close(), asBayo.close(), asOrganiser.close()]);
});
