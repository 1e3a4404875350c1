import { sql } from "drizzle-orm";
import { donations } from "~db/schema";

// A bank transfer may bring less or more than was pledged; `received_amount` holds what arrived
// when it differs, and totals count what arrived (`amountReceived` is the same rule for one gift).

export const receivedAmountSql = sql<number>`coalesce(${donations.receivedAmount}, ${donations.amount})`;
