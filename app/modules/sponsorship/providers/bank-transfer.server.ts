import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations } from "~db/schema";
import { getOrganisation } from "~/modules/organisation/index.server";
import { recordTransferRefund } from "../transfer-refunds.server";
import type { PaymentProvider } from "./types";

/** The donor's page for a pledge: the bank details, the amount and the reference to quote. */
async function transferPage(donationId: string): Promise<string> {
  const row = db
    .select({ slug: campaigns.slug, method: donations.method })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(eq(donations.id, donationId))
    .get();
  if (!row || row.method !== "bank_transfer") throw new Error(`No bank-transfer pledge ${donationId}`);
  return `/donate/${row.slug}/transfer/${donationId}`;
}

/**
 * A transfer into the organisation's own account. Starting it is a pledge with a reference;
 * it is paid when a bank statement line matches it or an organiser marks it received (ADR 0028);
 * a refund is sent from the bank and recorded here. Transfers are one-off: a standing order
 * cannot be followed from here.
 */
export const bankTransferProvider: PaymentProvider<"bank_transfer"> = {
  key: "bank_transfer",
  label: "Bank transfer",
  get currencies(): ReadonlySet<string> {
    return new Set(getOrganisation().bankTransferCurrencies);
  },
  intervals: new Set(["one_off"]),
  available: () => getOrganisation().bankTransferEnabled,
  startPayment: transferPage,
  refund: recordTransferRefund,
};
