import http from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, campaignTiers, donations, outbox, stripeEvents, type GiftInterval } from "~db/schema";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { routeArgs } from "./factories";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { loadContext, uniqueEmail } from "./factories";
import { TEST_SECRET_KEY, TEST_WEBHOOK_SECRET } from "./stripe-events";
import { startStripeStandIn, type StripeStandIn } from "./stripe-stand-in";
import { createDonation, startGiftPayment } from "~/modules/sponsorship/index.server";
import { accepted } from "./outcomes";

export type TestCampaign = { id: string; slug: string; title: string; tiers: { id: string; amount: number; interval: GiftInterval }[] };

/** An open campaign in NGN with a one-off and a monthly tier, written straight to the database. */
export function createCardCampaign(overrides: { currency?: string; minAmount?: number; maxAmount?: number } = {}): TestCampaign {
  const id = randomId(16);
  const now = clock.now();
  const slug = `gift-${id.slice(0, 10)}`;
  const title = `Campaign ${slug}`;
  db.insert(campaigns)
    .values({
      id,
      slug,
      title,
      story: "Help people back to work.",
      goalAmount: 100_000_00,
      currency: overrides.currency ?? "NGN",
      minAmount: overrides.minAmount ?? 1_000_00,
      maxAmount: overrides.maxAmount ?? 1_000_000_00,
      status: "open",
      createdAt: now,
      updatedAt: now,
    })
    .run();
  const tiers = [
    { id: randomId(16), name: "A workshop seat", amount: 5_000_00, interval: "one_off" as const, position: 0 },
    { id: randomId(16), name: "A month of mentoring", amount: 10_000_00, interval: "monthly" as const, position: 1 },
  ];
  for (const tier of tiers) db.insert(campaignTiers).values({ ...tier, campaignId: id, description: "What it pays for" }).run();
  return { id, slug, title, tiers: tiers.map(({ id: tierId, amount, interval }) => ({ id: tierId, amount, interval })) };
}

/** A pending card gift through the real donation and checkout code; returns its Checkout Session id. */
export async function startCardGift(
  campaign: TestCampaign,
  input: { tierId?: string; amount?: number; interval?: GiftInterval; email?: string; name?: string; userId?: string | null } = {},
) {
  const donorEmail = input.email ?? uniqueEmail("donor");
  const { id } = accepted(createDonation({
    campaignId: campaign.id,
    tierId: input.tierId ?? null,
    amount: input.amount ?? null,
    interval: input.interval ?? "one_off",
    method: "card",
    donorName: input.name ?? "Ada Donor",
    donorEmail,
    userId: input.userId ?? null,
    recognition: "named",
  }));
  const url = await startGiftPayment(id);
  const sessionId = donationRow(id).checkoutSessionId!;
  return { donationId: id, sessionId, url, donorEmail };
}

/** What a webhook delivery could change: events recorded, every gift, and mail queued. */
export function webhookSnapshot() {
  return {
    events: db.select({ n: count() }).from(stripeEvents).get()!.n,
    donations: db.select().from(donations).all(),
    outbox: db.select({ n: count() }).from(outbox).get()!.n,
  };
}

export function donationRow(id: string) {
  const row = db.select().from(donations).where(eq(donations.id, id)).get();
  if (!row) throw new Error(`No donation ${id}`);
  return row;
}

/** Posts a raw body with a signature header to the webhook route, as Express hands it over. */
export async function postWebhook(body: string, signature: string | null) {
  const headers = new Headers({ "content-type": "application/json; charset=utf-8" });
  if (signature !== null) headers.set("stripe-signature", signature);
  const request = new Request("http://localhost:3000/webhooks/stripe", { method: "POST", headers, body });
  const response = (await webhookAction(routeArgs({ request, params: {}, context: loadContext() }))) as Response;
  return { status: response.status, text: await response.text() };
}

export type StripeTestRig = { standIn: StripeStandIn; webhookUrl: string; close(): Promise<void> };

/**
 * The stand-in plus a loopback HTTP endpoint that hands deliveries to the webhook route, so the
 * stand-in's pay page and `send` reach the app as Stripe would. Points the SDK at the stand-in.
 */
export async function startStripeRig(): Promise<StripeTestRig> {
  const standIn = await startStripeStandIn();
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const signature = req.headers["stripe-signature"];
      postWebhook(Buffer.concat(chunks).toString("utf8"), typeof signature === "string" ? signature : null)
        .then(({ status, text }) => {
          res.writeHead(status, { "content-type": "text/plain" });
          res.end(text);
        })
        .catch((error: Error) => {
          res.writeHead(500);
          res.end(error.message);
        });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
  standIn.setWebhookUrl(webhookUrl);
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: TEST_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(standIn.port),
    STRIPE_API_PROTOCOL: "http",
  });
  return {
    standIn,
    webhookUrl,
    close: async () => {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      await standIn.close();
    },
  };
}
