import { and, eq } from "drizzle-orm";
import { absoluteUrl } from "~/utils/urls.server";
import { db, type Tx } from "~db/client.server";
import { campaigns, campaignTiers, donations, type GiftInterval, type PaymentMethod, type Recognition } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { formatMoney } from "~/utils/money";
import { closedReasonAt } from "./campaigns.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { cardProviderFor } from "./providers/registry.server";
import { coveredFeeFor } from "./fees.server";


export type DonationRow = typeof donations.$inferSelect;

/** The donate form's fields, so a refusal shows beside the one it is about. */
const FIELD = { tier: "gift", amount: "customAmount", method: "method" } as const;

export type CreateDonationInput = {
  campaignId: string;
  /** A tier of this campaign: its amount and interval are used, nothing else is read. */
  tierId?: string | null;
  /** Custom amount in minor units, checked against the campaign's minimum and maximum. Ignored when a tier is given. */
  amount?: number | null;
  /** For a custom amount; a tier brings its own. */
  interval?: GiftInterval;
  method: PaymentMethod;
  donorName: string;
  donorEmail: string;
  userId?: string | null;
  recognition: Recognition;
  message?: string;
  /** The donor adds the card fee so the whole gift arrives (ADR 0030); card gifts only, when organisers offer it. */
  coverFee?: boolean;
};

// Read aloud over the phone and typed into banking apps: no 0/O, 1/I/L or U/V look-alikes.
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

function referenceCandidate(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const chars = Array.from(bytes, (byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]).join("");
  return `SS-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

function newReference(tx: Tx): string {
  for (;;) {
    const candidate = referenceCandidate();
    const taken = tx.select({ id: donations.id }).from(donations).where(eq(donations.reference, candidate)).get();
    if (!taken) return candidate;
  }
}

/** The campaign page's address for a donation, used in emails. */
export function transferPageUrl(slug: string, donationId: string): string {
  return absoluteUrl(`/donate/${slug}/transfer/${donationId}`);
}

/**
 * Records a pending gift. The amount comes from the campaign's tier or from a custom amount
 * within the campaign's bounds, never from anything else; bank transfers are one-off and get a
 * unique reference, and the donor is emailed the bank details in the same transaction.
 * Refuses a choice that is not allowed; nothing is written then.
 */
export function createDonation(input: CreateDonationInput): Outcome<{ id: string; reference?: string }> {
  const now = clock.now();
  const organisation = input.method === "bank_transfer" ? getOrganisation() : null;
  const donorName = input.donorName.trim();
  const donorEmail = input.donorEmail.trim().toLowerCase();
  return db.transaction(
    (tx): Outcome<{ id: string; reference?: string }> => {
      const campaign = tx.select().from(campaigns).where(eq(campaigns.id, input.campaignId)).get();
      if (!campaign || closedReasonAt(campaign, now) !== null) return refuse("This campaign is not taking gifts at the moment.", { status: 409 });
      let amount: number;
      let interval: GiftInterval;
      let tierId: string | null = null;
      if (input.tierId) {
        const tier = tx
          .select()
          .from(campaignTiers)
          .where(and(eq(campaignTiers.id, input.tierId), eq(campaignTiers.campaignId, campaign.id)))
          .get();
        if (!tier) return refuse("Choose one of the gifts listed, or enter your own amount.", { field: FIELD.tier });
        amount = tier.amount;
        interval = tier.interval;
        tierId = tier.id;
      } else {
        const custom = input.amount;
        if (typeof custom !== "number" || !Number.isSafeInteger(custom)) {
          return refuse("Enter an amount, or choose one of the gifts listed.", { field: FIELD.amount });
        }
        if (custom < campaign.minAmount) {
          return refuse(`The smallest gift we can take is ${formatMoney(campaign.minAmount, campaign.currency)}.`, { field: FIELD.amount });
        }
        if (custom > campaign.maxAmount) {
          return refuse(`The largest gift we can take here is ${formatMoney(campaign.maxAmount, campaign.currency)}.`, { field: FIELD.amount });
        }
        amount = custom;
        interval = input.interval ?? "one_off";
      }
      if (input.method === "bank_transfer" && interval !== "one_off") {
        return refuse("Monthly gifts are by card only. Choose a one-off gift to pay by bank transfer.", { field: FIELD.method });
      }

      const id = randomId(16);
      const reference = input.method === "bank_transfer" ? newReference(tx) : null;
      // Who takes a card gift is fixed when it is made, so a later change of settings cannot strand it.
      const taker = input.method === "card" ? cardProviderFor(campaign.currency, interval) : null;
      if (input.method === "card" && !taker && interval === "monthly" && cardProviderFor(campaign.currency, "one_off")) {
        return refuse("Monthly gifts are not available for this campaign at the moment: choose a one-off gift.", { field: input.tierId ? FIELD.tier : "interval" });
      }
      const provider = input.method === "card" ? (taker?.key ?? "stripe") : null;
      // The fee is part of what is charged and stored: `amount` is the gift plus the fee covered.
      const coveredFee = provider && input.coverFee ? coveredFeeFor(provider, campaign.currency, amount) : 0;
      tx.insert(donations)
        .values({
          id,
          campaignId: campaign.id,
          tierId,
          amount: amount + coveredFee,
          coveredFee,
          currency: campaign.currency,
          interval,
          method: input.method,
          provider,
          status: "pending",
          donorName,
          donorEmail,
          userId: input.userId ?? null,
          recognition: input.recognition,
          message: (input.message ?? "").trim(),
          reference,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      if (reference && organisation) {
        enqueueMessage(tx, donorEmail, "bank-transfer-pledge", {
          name: donorName,
          campaignTitle: campaign.title,
          amount: formatMoney(amount, campaign.currency),
          reference,
          bankDetails: organisation.bankTransferDetails,
          url: transferPageUrl(campaign.slug, id),
        });
        return { ok: true, id, reference };
      }
      return { ok: true, id };
    },
    { behavior: "immediate" },
  );
}

export type TransferPledge = {
  id: string;
  amount: number;
  currency: string;
  reference: string;
  status: DonationRow["status"];
  donorName: string;
  createdAt: number;
  paidAt: number | null;
  campaignTitle: string;
  campaignSlug: string;
};

/** A bank-transfer pledge by its random id, only under its own campaign's slug. */
export function findTransferPledge(slug: string, donationId: string): TransferPledge | undefined {
  const row = db
    .select({
      id: donations.id,
      amount: donations.amount,
      currency: donations.currency,
      reference: donations.reference,
      status: donations.status,
      donorName: donations.donorName,
      createdAt: donations.createdAt,
      paidAt: donations.paidAt,
      campaignTitle: campaigns.title,
      campaignSlug: campaigns.slug,
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(eq(donations.id, donationId), eq(campaigns.slug, slug), eq(donations.method, "bank_transfer")))
    .get();
  if (!row || !row.reference) return undefined;
  return { ...row, reference: row.reference };
}
