import { sql } from "drizzle-orm";
import { donations } from "~db/schema";

// A bank transfer may bring less or more than was pledged; `received_amount` holds what arrived
// when it differs, and totals count what arrived (`amountReceived` is the same rule for one gift).

export const receivedAmountSql = sql<number>`coalesce(${donations.receivedAmount}, ${donations.amount})`;

/** What arrived and stayed, as `receivedOf` reckons one gift: paid or refunded gifts net of refunds, never below 0. */
export const keptAmountSql = sql<number>`case when ${donations.status} in ('paid', 'refunded') then max(0, ${receivedAmountSql} - ${donations.refundedAmount}) else 0 end`;
