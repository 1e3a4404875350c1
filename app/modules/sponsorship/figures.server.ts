import { and, eq, gte, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations } from "~db/schema";
import { receivedAmountSql } from "./received.server";
import { DAY, clock } from "~/utils/clock.server";

/** Giving at a glance for the organisers' console: received in the last 30 days per currency, and what waits. */
export function givingFigures() {
  const now = clock.now();
  const received = db
    .select({ currency: donations.currency, amount: sql<number>`sum(${receivedAmountSql} - ${donations.refundedAmount})`, gifts: sql<number>`count(*)` })
    .from(donations)
    .where(and(eq(donations.status, "paid"), gte(donations.paidAt, now - 30 * DAY)))
    .groupBy(donations.currency)
    .all();
  const pendingTransfers =
    db
      .select({ n: sql<number>`count(*)` })
      .from(donations)
      .where(and(eq(donations.method, "bank_transfer"), eq(donations.status, "pending")))
      .get()?.n ?? 0;
  const openCampaigns = db.select({ n: sql<number>`count(*)` }).from(campaigns).where(eq(campaigns.status, "open")).get()?.n ?? 0;
  return { receivedLast30Days: received, pendingTransfers, openCampaigns };
}
