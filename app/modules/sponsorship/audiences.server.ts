import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations, users } from "~db/schema";
import type { Recipient } from "~/modules/outbox/index.server";
import { isPlaceholderAddress } from "~/utils/redact.server";

// Who organisers can write to about a campaign (ADR 0033).

/**
 * Everyone whose gift to the campaign was paid, once each: by their account when the gift was
 * made signed in, or when its address is an account's, else as a guest by the address they gave.
 * Erased accounts and donors made anonymous (placeholder addresses) are left out.
 */
export function campaignSponsorsAudience(campaignId: string): Recipient[] {
  const rows = db
    .select({ userId: users.id, accountEmail: users.email, accountName: users.name, erasedAt: users.erasedAt, donorEmail: donations.donorEmail, donorName: donations.donorName })
    .from(donations)
    .leftJoin(users, or(eq(users.id, donations.userId), and(isNull(donations.userId), eq(sql`lower(${users.email})`, sql`lower(${donations.donorEmail})`))))
    .where(and(eq(donations.campaignId, campaignId), eq(donations.status, "paid")))
    .orderBy(asc(donations.paidAt), asc(donations.id))
    .all();
  const people = new Map<string, Recipient>();
  for (const row of rows) {
    if (row.userId) {
      if (row.erasedAt === null && !people.has(row.userId)) people.set(row.userId, { userId: row.userId, email: row.accountEmail!, name: row.accountName! });
      continue;
    }
    const address = row.donorEmail.trim().toLowerCase();
    if (isPlaceholderAddress(address) || people.has(address)) continue;
    people.set(address, { userId: null, email: row.donorEmail.trim(), name: row.donorName });
  }
  return [...people.values()];
}
