import http from "node:http";
import type { AddressInfo } from "node:net";
import { count } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations, outbox, providerEvents } from "~db/schema";
import { action as webhookAction } from "~/routes/webhooks.paystack";
import { createDonation, startGiftPayment } from "~/modules/sponsorship/index.server";
import { loadContext, routeArgs, uniqueEmail } from "./factories";
import { accepted } from "./outcomes";
import { PAYSTACK_TEST_KEY, startPaystackStandIn, type PaystackStandIn } from "./paystack-stand-in";
import { donationRow, type TestCampaign } from "./stripe-factories";

/** A pending Naira card gift through the real donation code and Paystack's initialize; returns its reference. */
export async function startPaystackGift(campaign: TestCampaign, input: { tierId?: string; amount?: number; email?: string; userId?: string | null } = {}) {
  const donorEmail = input.email ?? uniqueEmail("naira-donor");
  const { id } = accepted(
    createDonation({
      campaignId: campaign.id,
      tierId: input.tierId ?? null,
      amount: input.amount ?? null,
      interval: "one_off",
      method: "card",
      donorName: "Adébáyọ̀ Ọlọ́fin",
      donorEmail,
      userId: input.userId ?? null,
      recognition: "named",
    }),
  );
  const url = await startGiftPayment(id);
  const reference = donationRow(id).providerReference!;
  return { donationId: id, reference, url, donorEmail };
}

/** Everything a webhook delivery could change: events recorded, every gift, and mail queued. */
export function paystackSnapshot() {
  return {
    events: db.select({ n: count() }).from(providerEvents).get()!.n,
    donations: db.select().from(donations).all(),
    outbox: db.select({ n: count() }).from(outbox).get()!.n,
  };
}

/** Posts a raw body to the webhook route as Express hands it over, from `clientIp`. */
export async function postPaystackWebhook(body: string | ReadableStream<Uint8Array>, headers: Record<string, string>, clientIp = "127.0.0.1") {
  const request = new Request("http://localhost:3000/webhooks/paystack", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    ...(typeof body === "string" ? {} : { duplex: "half" }),
  } as RequestInit);
  const response = (await webhookAction(routeArgs({ request, params: {}, context: loadContext(clientIp) }))) as Response;
  return { status: response.status, text: await response.text() };
}

export type PaystackTestRig = { standIn: PaystackStandIn; close(): Promise<void> };

/**
 * The stand-in plus a loopback endpoint that hands its deliveries to the webhook route, so the
 * pay page and `send` reach the app as Paystack would. Points the app at the stand-in.
 */
export async function startPaystackRig(): Promise<PaystackTestRig> {
  const standIn = await startPaystackStandIn();
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const signature = req.headers["x-paystack-signature"];
      const headers: Record<string, string> = typeof signature === "string" ? { "x-paystack-signature": signature } : {};
      postPaystackWebhook(Buffer.concat(chunks).toString("utf8"), headers)
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
  standIn.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/paystack`);
  Object.assign(process.env, { PAYSTACK_SECRET_KEY: PAYSTACK_TEST_KEY, PAYSTACK_API_URL: standIn.url });
  return {
    standIn,
    close: async () => {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      await standIn.close();
    },
  };
}
