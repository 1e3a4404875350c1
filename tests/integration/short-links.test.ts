import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { shortLinks } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { resolveShortLink, shortenLinks } from "~/modules/outbox/index.server";
import { loader } from "~/routes/s.$code";
import { renderShortText } from "~emails/registry";
import { getRequest, loadContext, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";

const T0 = Date.UTC(2026, 11, 3, 9, 0);
const APP = "http://localhost:3000";
const SHORT = /http:\/\/localhost:3000\/s\/([0-9A-Za-z]{10})/g;
const organisation = { name: "Rise Again Lagos", contactEmail: "hello@riseagain.example" };

function shorten(text: string, expiresAt = T0 + DAY) {
  return db.transaction((tx) => shortenLinks(tx, text, { outboxId: "outbox-1", expiresAt }), { behavior: "immediate" });
}

const codesIn = (text: string) => [...text.matchAll(SHORT)].map((match) => match[1]);

function follow(code: string) {
  const request = getRequest(`/s/${code}`);
  return runRoute(() => loader(routeArgs({ request, context: loadContext(), params: { code } })));
}

beforeEach(() => {
  clock.set(T0);
  db.delete(shortLinks).run();
});

afterAll(() => clock.set(null));

describe("shortening the links of a text message", () => {
  it("swaps our link for a short one and leaves the rest of the text as it was", () => {
    const long = renderShortText("reset-password", { name: "Ngozi", url: `${APP}/reset-password?token=abc123` }, organisation);
    const text = shorten(long);
    const [code] = codesIn(text);
    expect(text).toBe(long.replace(`${APP}/reset-password?token=abc123`, `${APP}/s/${code}`));
    expect(db.select().from(shortLinks).where(eq(shortLinks.code, code)).get()).toEqual({
      code,
      url: `${APP}/reset-password?token=abc123`,
      outboxId: "outbox-1",
      createdAt: T0,
      expiresAt: T0 + DAY,
    });
  });

  it("gives each link its own random code, and the same link once", () => {
    const text = shorten(`Rate it: 1 ${APP}/r?t=x&rating=1\n2 ${APP}/r?t=x&rating=2\nAgain: ${APP}/r?t=x&rating=1`);
    const codes = codesIn(text);
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(2);
    expect(codes[0]).toBe(codes[2]);
    expect(db.select().from(shortLinks).all()).toHaveLength(2);
    const many = new Set(Array.from({ length: 50 }, (_, n) => codesIn(shorten(`${APP}/events/${n}`))[0]));
    expect(many.size).toBe(50);
  });

  it("keeps the punctuation that ends a sentence outside the link", () => {
    const text = shorten(`Your ticket (${APP}/me/tickets/t1). See you soon!`);
    const [code] = codesIn(text);
    expect(text).toBe(`Your ticket (${APP}/s/${code}). See you soon!`);
    expect(resolveShortLink(code, T0)).toBe(`${APP}/me/tickets/t1`);
  });

  it("leaves links to other sites as they are, so a short link only ever leads here", () => {
    const text = "Join online: https://meet.example.org/abc-defg or http://localhost:3001/x";
    expect(shorten(text)).toBe(text);
    expect(db.select().from(shortLinks).all()).toEqual([]);
  });
});

describe("following a short link", () => {
  it("leads to its page until it expires, and nowhere after", () => {
    const [code] = codesIn(shorten(`Your ticket: ${APP}/me/tickets/t1?x=1#seat`, T0 + DAY));
    expect(resolveShortLink(code, T0 + DAY - 1)).toBe(`${APP}/me/tickets/t1?x=1#seat`);
    expect(resolveShortLink(code, T0 + DAY)).toBeNull();
    expect(resolveShortLink("NoSuchCode", T0)).toBeNull();
    expect(resolveShortLink("../../etc", T0)).toBeNull();
  });

  it("redirects the browser to the page, on this site", async () => {
    const [code] = codesIn(shorten(`Your ticket: ${APP}/me/tickets/t1?x=1#seat`));
    const result = await follow(code);
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/me/tickets/t1?x=1#seat");
  });

  it("shows the not-found page for an unknown or expired link", async () => {
    const [code] = codesIn(shorten(`${APP}/events`, T0 + DAY));
    expect((await follow("NoSuchCode")).status).toBe(404);
    clock.set(T0 + DAY);
    const expired = await follow(code);
    expect(expired.status).toBe(404);
    expect(expired.data).toMatchObject({ message: expect.stringContaining("expired") });
  });

  it("never sends anyone to another site, whatever the table holds", async () => {
    db.insert(shortLinks).values({ code: "Elsewhere1", url: "https://evil.example/login", outboxId: null, createdAt: T0, expiresAt: T0 + DAY }).run();
    expect(resolveShortLink("Elsewhere1", T0)).toBeNull();
    expect((await follow("Elsewhere1")).status).toBe(404);
    // A path starting with two slashes would take a browser to the host "evil.example".
    db.insert(shortLinks).values({ code: "DoubleSl01", url: `${APP}//evil.example/login`, outboxId: null, createdAt: T0, expiresAt: T0 + DAY }).run();
    expect((await follow("DoubleSl01")).headers.get("location")).toBe("/evil.example/login");
  });
});
