import { eq } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { campaigns, donations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { absoluteUrl } from "~/utils/urls.server";
import { registerJobHandler, scheduleJob, type JobPayload } from "~/modules/outbox/index.server";
import { initializeTransaction, PaystackError, verifyTransaction } from "./paystack-client.server";
import { closeUnpaidGift, fulfilPaystackTransaction } from "./paystack-fulfilment.server";
import { monthlyPlanFor } from "./paystack-plans.server";
import { registerPaystackRenewalJobs } from "./paystack-renewals.server";
import { thanksViewOf, type ThanksView } from "../thanks-view.server";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Paystack takes "-", "." and "=" besides letters and digits; ours carry 80 random bits. */
const REFERENCE_PATTERN = /^SSP-[A-Z0-9]{16}$/;

function newReference(): string {
  return `SSP-${randomId(10).toUpperCase()}`;
}

/**
 * Opens Paystack's checkout for a pending gift (one-off, or a monthly gift's first month) and returns its address. The reference is
 * stored before Paystack hears of it, so the webhook always finds its gift; the amount, currency
 * and email come from the stored row only.
 */
export async function startPaystackPayment(donationId: string): Promise<string> {
  const row = db
    .select({ donation: donations, slug: campaigns.slug })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(eq(donations.id, donationId))
    .get();
  if (!row) throw new Error(`No donation ${donationId}`);
  const { donation, slug } = row;
  if (donation.method !== "card" || donation.provider !== "paystack") throw new Error(`Donation ${donationId} is not a Paystack gift`);
  if (donation.status !== "pending") throw new Error(`Donation ${donationId} is ${donation.status}, not pending`);
  if (donation.providerReference) throw new Error(`Donation ${donationId} has already been sent to Paystack`);

  const reference = newReference();
  const now = clock.now();
  db.transaction(
    (tx) => {
      tx.update(donations).set({ providerReference: reference, updatedAt: now }).where(eq(donations.id, donation.id)).run();
      scheduleSettleCheck(tx, { donationId: donation.id, attempt: 0 }, now);
    },
    { behavior: "immediate" },
  );
  const base = `/donate/${encodeURIComponent(slug)}`;
  try {
    // A monthly gift pays its first month on a plan: Paystack subscribes the donor once it is paid.
    const plan = donation.interval === "monthly" ? await monthlyPlanFor(donation.amount, donation.currency) : undefined;
    const checkout = await initializeTransaction({
      amount: donation.amount,
      currency: donation.currency,
      email: donation.donorEmail,
      reference,
      callbackUrl: absoluteUrl(`${base}/thanks`),
      // Paystack sends a donor who cancels on its page here.
      metadata: { donation_id: donation.id, campaign_id: donation.campaignId, cancel_action: absoluteUrl(`${base}?cancelled=1`) },
      plan,
    });
    if (checkout.reference !== reference) throw new Error("Paystack answered with another reference");
    logger.info({ donationId: donation.id, reference }, "paystack checkout started");
    return checkout.authorization_url;
  } catch (error) {
    // The donor never reached a payment page: the gift is closed, not left pending for ever.
    db.update(donations)
      .set({ status: "failed", failureReason: "The card payment service could not be reached.", updatedAt: clock.now() })
      .where(eq(donations.id, donation.id))
      .run();
    throw error;
  }
}

/** The reference Paystack sends the donor back with (`reference`, and `trxref` for older integrations). */
export function returnedReference(query: URLSearchParams): string | null {
  return query.get("reference") ?? query.get("trxref");
}

/**
 * What the thanks page shows after Paystack's checkout: asks Paystack to verify the payment
 * (the redirect itself proves nothing), runs the webhook's fulfilment, reports the stored state.
 * Null for a reference that is not ours or not a gift to this campaign.
 */
export async function confirmPaystackReturn(slug: string, query: URLSearchParams, viewerUserId: string | null): Promise<ThanksView | null> {
  const reference = returnedReference(query) ?? "";
  // Only references we stored are asked about, so made-up addresses cost no API calls.
  if (!REFERENCE_PATTERN.test(reference)) return null;
  const known = giftByReference(reference);
  if (!known || known.slug !== slug) return null;
  let confirmed = false;
  try {
    const transaction = await verifyTransaction(reference);
    db.transaction((tx) => fulfilPaystackTransaction(tx, transaction, clock.now()), { behavior: "immediate" });
    confirmed = true;
  } catch (error) {
    // Paystack has no payment under this reference: nothing was paid.
    if (error instanceof PaystackError && (error.status === 400 || error.status === 404)) confirmed = true;
    else logger.warn({ reference, reason: (error as Error).message }, "could not verify paystack transaction");
  }
  return thanksViewOf(giftByReference(reference)!, viewerUserId, confirmed);
}

function giftByReference(reference: string) {
  return db
    .select({ donation: donations, campaignTitle: campaigns.title, slug: campaigns.slug })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(eq(donations.providerReference, reference))
    .get();
}

export const PAYSTACK_SETTLE_JOB = "sponsorship.paystack-settle";
/** Looks again for about a day while Paystack still calls the payment in progress. */
const SETTLE_CHECKS = 6;

type SettleCheck = { donationId: string; attempt: number };

function scheduleSettleCheck(tx: Tx, check: SettleCheck, now: number) {
  scheduleJob(tx, {
    kind: PAYSTACK_SETTLE_JOB,
    runAt: now + (check.attempt === 0 ? HOUR : 4 * HOUR),
    payload: check,
    uniqueKey: `paystack-settle:${check.donationId}:${check.attempt}`,
  });
}

/**
 * A gift still pending an hour after its checkout opened: Paystack sends no event for a page
 * left unpaid, so its verify says what became of it. A missed `charge.success` is caught up here too.
 */
export async function settlePaystackGift(payload: JobPayload): Promise<void> {
  const check = payload as SettleCheck;
  const donation = db.select().from(donations).where(eq(donations.id, check.donationId)).get();
  if (!donation?.providerReference || donation.status !== "pending") return;
  let status: string;
  try {
    const transaction = await verifyTransaction(donation.providerReference);
    status = transaction.status;
    if (status === "success") {
      db.transaction((tx) => fulfilPaystackTransaction(tx, transaction, clock.now()), { behavior: "immediate" });
      return;
    }
  } catch (error) {
    if (!(error instanceof PaystackError && (error.status === 400 || error.status === 404))) throw error;
    status = "abandoned";
  }
  const now = clock.now();
  db.transaction(
    (tx) => {
      if (status === "failed" || status === "reversed") closeUnpaidGift(tx, donation.id, "failed", now);
      else if (status === "abandoned" || check.attempt + 1 >= SETTLE_CHECKS) closeUnpaidGift(tx, donation.id, "expired", now);
      else scheduleSettleCheck(tx, { donationId: donation.id, attempt: check.attempt + 1 }, now);
    },
    { behavior: "immediate" },
  );
}

export function registerPaystackJobs() {
  registerJobHandler(PAYSTACK_SETTLE_JOB, settlePaystackGift);
  registerPaystackRenewalJobs();
}
