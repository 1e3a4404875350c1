import type { Page } from "@playwright/test";
import { test, createAccount, expect } from "./fixtures";
import { createPublishedEvent } from "./event-helpers";

// A link to any public page, pasted into WhatsApp or Facebook, shows a card: title, description,
// canonical address and a 1200 × 630 picture under WhatsApp's 300 KB.

const FIXED_PAGES = ["/", "/events", "/donate", "/programme", "/sponsors", "/partner", "/join", "/login", "/signup"];

let eventPath = "";
let campaignPath = "";

test.beforeAll(async () => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: "Ƙungiyar ɗalibai: bouncing back" });
  eventPath = `/events/${event.slug}`;
  const { db } = await import("~db/client.server");
  const { campaigns } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const id = randomId(16);
  const slug = `share-${id.slice(0, 10)}`;
  const now = Date.now();
  db.insert(campaigns)
    .values({ id, slug, title: "Seats for the next workshop", summary: "Give a young person a seat.", goalAmount: 50_000_000, currency: "NGN", minAmount: 100_000, maxAmount: 100_000_000, status: "open", createdAt: now, updatedAt: now })
    .run();
  campaignPath = `/donate/${slug}`;
});

async function shareTags(page: Page) {
  const meta = async (selector: string) => page.locator(selector).first().getAttribute("content");
  return {
    title: await page.title(),
    description: await meta('meta[name="description"]'),
    canonical: await page.locator('link[rel="canonical"]').getAttribute("href"),
    ogTitle: await meta('meta[property="og:title"]'),
    ogDescription: await meta('meta[property="og:description"]'),
    ogUrl: await meta('meta[property="og:url"]'),
    ogType: await meta('meta[property="og:type"]'),
    ogSiteName: await meta('meta[property="og:site_name"]'),
    ogImage: await meta('meta[property="og:image"]'),
    twitterCard: await meta('meta[name="twitter:card"]'),
    twitterImage: await meta('meta[name="twitter:image"]'),
  };
}

test("every public page carries title, description, canonical, Open Graph and Twitter tags with a picture", async ({ page, request }) => {
  const base = process.env.E2E_BASE_URL!;
  const images = new Set<string>();
  for (const path of [...FIXED_PAGES, eventPath, campaignPath]) {
    await page.goto(`${path}${path.includes("?") ? "&" : "?"}utm_source=whatsapp`);
    const tags = await shareTags(page);
    expect(tags.title, path).not.toBe("");
    expect(tags.description, path).toBeTruthy();
    expect(tags.canonical, path).toBe(`${base}${path}`);
    expect(tags.ogUrl, path).toBe(tags.canonical);
    expect(tags.ogTitle && tags.ogDescription && tags.ogType && tags.ogSiteName, path).toBeTruthy();
    expect(tags.twitterCard, path).toBe("summary_large_image");
    expect(tags.twitterImage, path).toBe(tags.ogImage);
    images.add(tags.ogImage!);
  }
  // Events and campaigns have cards of their own; the other pages share the organisation's.
  expect(images.size).toBe(3);
  for (const image of images) {
    const response = await request.get(image);
    expect(response.status(), image).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const png = await response.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeLessThan(300 * 1024);
  }
});

test("the event's structured data carries the same picture as its card", async ({ page }) => {
  await page.goto(eventPath);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd.image).toEqual([ogImage]);
});

test("the sitemap lists every public page, each answers 200, and robots.txt names it", async ({ page, request }) => {
  const base = process.env.E2E_BASE_URL!;
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${base}/sitemap.xml`);
  expect(robots).toContain("Disallow: /admin");
  const response = await request.get("/sitemap.xml");
  expect(response.headers()["content-type"]).toContain("xml");
  const xml = await response.text();
  await page.goto("/");
  const locations = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.querySelector("parsererror")) return null;
    return [...doc.getElementsByTagName("loc")].map((loc) => loc.textContent ?? "");
  }, xml);
  expect(locations).not.toBeNull();
  for (const path of ["/", "/events", "/donate", "/programme", "/sponsors", "/partner", eventPath, campaignPath]) {
    expect(locations, path).toContain(`${base}${path}`);
  }
  for (const location of locations!) expect((await request.get(location)).status(), location).toBe(200);
});

test("campaign, programme and event pages offer WhatsApp and a link to copy, with no script", async ({ page }) => {
  const base = process.env.E2E_BASE_URL!;
  for (const path of [campaignPath, "/programme", eventPath]) {
    await page.goto(path);
    const whatsapp = await page.getByRole("link", { name: "Share on WhatsApp" }).getAttribute("href");
    expect(new URL(whatsapp!).origin, path).toBe("https://wa.me");
    expect(new URL(whatsapp!).searchParams.get("text"), path).toMatch(new RegExp(`: ${base}${path}$`));
    await expect(page.getByLabel("Or copy the link")).toHaveValue(`${base}${path}`);
    await expect(page.getByRole("button", { name: "Copy the link" })).toHaveCount(0);
  }
});
