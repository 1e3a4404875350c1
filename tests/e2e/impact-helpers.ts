import { expect, type Page } from "@playwright/test";
import { createAccount, type TestAccount } from "./fixtures";

/**
 * An open campaign with a sponsor's paid gift, and a past workshop that six people registered for
 * and checked in at: enough for the report to show a figure that is not suppressed.
 */
export async function impactWorld(stamp: string) {
  const { db } = await import("~db/client.server");
  const { campaigns, donations, events, registrations } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const now = Date.now();
  const campaignId = randomId(16);
  const campaignTitle = `Seats appeal ${stamp}`;
  db.insert(campaigns)
    .values({ id: campaignId, slug: `seats-${stamp}`, title: campaignTitle, goalAmount: 100_000_00, currency: "NGN", minAmount: 100_00, maxAmount: 1_000_000_00, status: "open", createdAt: now, updatedAt: now })
    .run();
  const sponsor: TestAccount = await createAccount({ roles: ["sponsor"], name: `Sponsor ${stamp}` });
  db.insert(donations)
    .values({ id: randomId(16), campaignId, amount: 25_000_00, currency: "NGN", interval: "one_off", method: "card", status: "paid", donorName: sponsor.name, donorEmail: sponsor.email, userId: sponsor.id, recognition: "named", paidAt: now - 86_400_000, createdAt: now - 86_400_000, updatedAt: now })
    .run();
  const eventTitle = `Impact workshop ${stamp}`;
  const eventId = randomId(12);
  const startsAt = now - 7 * 86_400_000;
  db.insert(events)
    .values({ id: eventId, slug: `impact-workshop-${stamp}`, kind: "workshop", title: eventTitle, startsAt, endsAt: startsAt + 7_200_000, capacity: 30, status: "published", createdAt: startsAt - 86_400_000, updatedAt: startsAt, publishedAt: startsAt - 86_400_000 })
    .run();
  for (let n = 0; n < 6; n++) {
    const person = await createAccount({ roles: ["participant"], name: `Attendee ${n} ${stamp}` });
    db.insert(registrations)
      .values({ id: randomId(16), eventId, userId: person.id, status: "confirmed", checkInToken: randomId(16), shortCode: randomId(3), checkedInAt: startsAt + 600_000, createdAt: startsAt - 86_400_000, updatedAt: startsAt })
      .run();
  }
  return { campaignId, campaignTitle, eventTitle, sponsor };
}

/** The page is no wider than a 360 px phone. */
export async function expectFitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}
