import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations, outbox, type DonationStatus, type GiftInterval, type PaymentMethod, type Recognition } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { uniqueEmail } from "./factories";
import { createDonation } from "~/modules/sponsorship/index.server";
import { accepted } from "./outcomes";

export type SimpleCampaign = { id: string; slug: string; title: string; currency: string };

/** An open campaign without tiers, straight in the database (custom amounts ₦10 to ₦10m, or the same in another currency). */
export function createOpenCampaign(overrides: { currency?: string; title?: string } = {}): SimpleCampaign {
  const id = randomId(16);
  const now = clock.now();
  const slug = `campaign-${id.slice(0, 10)}`;
  const title = overrides.title ?? `Back to work ${slug}`;
  const currency = overrides.currency ?? "NGN";
  db.insert(campaigns)
    .values({ id, slug, title, story: "Help people back to work.", goalAmount: 1_000_000_00, currency, minAmount: 10_00, maxAmount: 10_000_000_00, status: "open", createdAt: now, updatedAt: now })
    .run();
  return { id, slug, title, currency };
}

/** A bank-transfer pledge through the real donation code, as the donate page makes it. */
export function pledgeTransfer(
  campaign: SimpleCampaign,
  input: { amount?: number; name?: string; email?: string; userId?: string | null; recognition?: Recognition; message?: string } = {},
) {
  const donorEmail = input.email ?? uniqueEmail("pledger");
  const { id, reference } = accepted(createDonation({
    campaignId: campaign.id,
    amount: input.amount ?? 5_000_00,
    interval: "one_off",
    method: "bank_transfer",
    donorName: input.name ?? "Ngozi Okafor",
    donorEmail,
    userId: input.userId ?? null,
    recognition: input.recognition ?? "named",
    message: input.message ?? "",
  }));
  return { id, reference: reference!, donorEmail };
}

let receiptSequence = 0;

/** A gift in any state at any date, written directly: for tables, filters and statements. */
export function insertGift(
  campaign: SimpleCampaign,
  input: {
    amount: number;
    status?: DonationStatus;
    method?: PaymentMethod;
    interval?: GiftInterval;
    at?: number;
    name?: string;
    email?: string;
    userId?: string | null;
    refundedAmount?: number;
    reference?: string | null;
  },
) {
  const id = randomId(16);
  const at = input.at ?? clock.now();
  const status = input.status ?? "paid";
  const settled = status === "paid" || status === "refunded";
  receiptSequence += 1;
  db.insert(donations)
    .values({
      id,
      campaignId: campaign.id,
      amount: input.amount,
      currency: campaign.currency,
      interval: input.interval ?? "one_off",
      method: input.method ?? "card",
      status,
      donorName: input.name ?? "Chidi Eze",
      donorEmail: (input.email ?? uniqueEmail("giver")).toLowerCase(),
      userId: input.userId ?? null,
      recognition: "named",
      reference: input.reference ?? null,
      receiptNumber: settled ? `T${process.pid}-${receiptSequence}` : null,
      paidAt: settled ? at : null,
      refundedAmount: input.refundedAmount ?? (status === "refunded" ? input.amount : 0),
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return id;
}

export function giftRow(id: string) {
  return db.select().from(donations).where(eq(donations.id, id)).get()!;
}

export function receiptEmailsTo(email: string) {
  return db.select().from(outbox).where(eq(outbox.recipient, email)).all().filter((row) => row.template === "donation-receipt");
}
