import { TZDate } from "@date-fns/tz";
import { desc, eq, ne } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { isoDate } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { amountProblem, currencyExponent, parseAmount } from "~/utils/money";
import { refuse, type Outcome } from "~/utils/refusal";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { markDonationPaid } from "./fulfilment.server";
import type { GiftInPersonValues } from "./gifts-in-person-schemas";

// Cash and in-kind gifts (ADR 0029): the organisation took them itself, so an organiser records
// them as paid straight away, and they are receipted and counted like any other gift.

const FORM_KEY_PREFIX = "in-person:";
const EARLIEST_DATE = "2000-01-01";

/**
 * What the organisers' form needs: the campaigns a gift may be recorded against (any but drafts,
 * newest first), today's date in the organisation's time zone, and a fresh key, so posting the
 * same form twice (a double tap, a resent page) records one gift.
 */
export function giftInPersonForm(): { campaigns: { id: string; title: string; currency: string }[]; today: string; formKey: string } {
  const campaignRows = db
    .select({ id: campaigns.id, title: campaigns.title, currency: campaigns.currency })
    .from(campaigns)
    .where(ne(campaigns.status, "draft"))
    .orderBy(desc(campaigns.createdAt))
    .all();
  return { campaigns: campaignRows, today: isoDate(clock.now(), getOrganisation().timeZone), formKey: randomId(18) };
}

function amountRefusal(text: string, currency: string, label: string) {
  const problem = amountProblem(text, currency);
  const message =
    problem === "decimals"
      ? `Use at most ${currencyExponent(currency)} digits after the decimal point, like 5,000.50`
      : problem === "too_large"
        ? `That ${label} is too large: check the number of zeros`
        : `Enter the ${label} as a number, like 5000 or 5,000.50`;
  return refuse(message, { field: "amount" });
}

/**
 * The instant a gift received on a day counts from: midday there, so the year (and the receipt
 * number's year) is the day's own in any time zone; a gift recorded the same morning is never in
 * the future.
 */
function receivedAt(day: string, now: number, timeZone: string): number | null {
  const [y, m, d] = day.split("-").map(Number);
  const noon = new TZDate(y, m - 1, d, 12, 0, 0, timeZone);
  if (Number.isNaN(noon.getTime()) || noon.getMonth() !== m - 1 || noon.getDate() !== d) return null;
  return Math.min(noon.getTime(), now);
}

type Recorded = Outcome<{ id: string; receiptNumber: string; already: boolean }>;

/**
 * Records a cash or in-kind gift an organiser received: a paid gift with its receipt number (the
 * receipt email goes to the donor when there is an address), audited. The same form posted again
 * changes nothing and answers with the gift it recorded.
 */
export function recordGiftInPerson(input: GiftInPersonValues & { actorId: string }): Recorded {
  const now = clock.now();
  const { timeZone } = getOrganisation();
  const today = isoDate(now, timeZone);
  if (input.receivedOn > today) return refuse("The date received cannot be in the future.", { field: "receivedOn" });
  if (input.receivedOn < EARLIEST_DATE) return refuse("Enter a date from the year 2000 on.", { field: "receivedOn" });
  const paidAt = receivedAt(input.receivedOn, now, timeZone);
  if (paidAt === null) return refuse("Enter a real date, like 12 March 2027.", { field: "receivedOn" });
  const formKey = `${FORM_KEY_PREFIX}${input.formKey}`;
  const label = input.kind === "in_kind" ? "fair value" : "amount";
  return db.transaction(
    (tx): Recorded => {
      const earlier = tx.select().from(donations).where(eq(donations.providerReference, formKey)).get();
      if (earlier) return { ok: true, id: earlier.id, receiptNumber: earlier.receiptNumber ?? "", already: true };
      const campaign = tx.select().from(campaigns).where(eq(campaigns.id, input.campaignId)).get();
      if (!campaign || campaign.status === "draft") return refuse("Choose one of the campaigns listed.", { field: "campaignId" });
      const amount = parseAmount(input.amount, campaign.currency);
      if (amount === null) return amountRefusal(input.amount, campaign.currency, label);
      if (amount <= 0) return refuse(`Enter the ${label}: more than nothing.`, { field: "amount" });
      const id = randomId(16);
      tx.insert(donations)
        .values({
          id,
          campaignId: campaign.id,
          amount,
          currency: campaign.currency,
          interval: "one_off",
          method: input.kind,
          status: "pending",
          providerReference: formKey,
          giftDescription: input.kind === "in_kind" ? (input.description ?? "") : "",
          donorName: input.name,
          donorEmail: input.email ?? "",
          recognition: input.recognition,
          message: input.message ?? "",
          createdAt: now,
          updatedAt: now,
        })
        .run();
      markDonationPaid(tx, id, { now, paidAt, confirmedBy: input.actorId });
      const row = tx.select({ receiptNumber: donations.receiptNumber }).from(donations).where(eq(donations.id, id)).get()!;
      recordAudit(tx, {
        actorId: input.actorId,
        action: "donation.recorded_in_person",
        targetType: "donation",
        targetId: id,
        details: { method: input.kind, amount, currency: campaign.currency, receivedOn: input.receivedOn, description: input.kind === "in_kind" ? input.description : undefined },
      });
      return { ok: true, id, receiptNumber: row.receiptNumber ?? "", already: false };
    },
    { behavior: "immediate" },
  );
}
