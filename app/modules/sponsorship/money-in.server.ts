import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { TZDate } from "@date-fns/tz";
import { db } from "~db/client.server";
import { campaigns, donations, users } from "~db/schema";
import { ownedBy, type Donor } from "./giving.server";
import { receivedAmountSql } from "./received.server";

// What the impact reports say came in: paid gifts (a partly refunded one counts what was kept,
// a fully refunded one is "refunded" and counts nothing), per currency, never added across them.

export type MoneyIn = { currency: string; amount: number; gifts: number; donors: number };

/** Whose gifts, to which campaigns, paid in which span ([from, to) in ms); every part optional. */
export type GivingFilter = { campaignIds?: string[]; donor?: Donor; from?: number; to?: number };

export function moneyInByCurrency(filter: GivingFilter): MoneyIn[] {
  if (filter.campaignIds && filter.campaignIds.length === 0) return [];
  const where: SQL[] = [eq(donations.status, "paid")];
  if (filter.campaignIds) where.push(inArray(donations.campaignId, filter.campaignIds));
  if (filter.donor) where.push(ownedBy(filter.donor));
  if (filter.from !== undefined) where.push(gte(donations.paidAt, filter.from));
  if (filter.to !== undefined) where.push(lt(donations.paidAt, filter.to));
  return db
    .select({
      currency: donations.currency,
      amount: sql<number>`coalesce(sum(${receivedAmountSql} - ${donations.refundedAmount}), 0)`,
      gifts: sql<number>`count(*)`,
      donors: sql<number>`count(distinct case when ${donations.donorEmail} = '' then ${donations.id} else lower(${donations.donorEmail}) end)`,
    })
    .from(donations)
    .where(and(...where))
    .groupBy(donations.currency)
    .orderBy(donations.currency)
    .all()
    .map((row) => ({ currency: row.currency, amount: Number(row.amount), gifts: Number(row.gifts), donors: Number(row.donors) }));
}

/** The first and last instants of a calendar year in the organisation's time zone. */
export function yearSpan(year: number, timeZone: string): { from: number; to: number } {
  return { from: new TZDate(year, 0, 1, timeZone).getTime(), to: new TZDate(year + 1, 0, 1, timeZone).getTime() };
}

/** The campaigns a donor's paid gifts went to, by title. */
export function campaignsGivenTo(donor: Donor): { id: string; title: string }[] {
  return db
    .selectDistinct({ id: campaigns.id, title: campaigns.title })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(ownedBy(donor), eq(donations.status, "paid")))
    .orderBy(asc(campaigns.title))
    .all();
}

/** A sponsor's account as a donor: their gifts are the ones made from it or with their confirmed address. */
export function donorByAccount(userId: string): (Donor & { name: string }) | null {
  const row = db.select({ id: users.id, email: users.email, name: users.name, verifiedAt: users.emailVerifiedAt }).from(users).where(and(eq(users.id, userId), isNull(users.erasedAt))).get();
  return row ? { id: row.id, email: row.email, emailVerified: row.verifiedAt !== null, name: row.name } : null;
}

/** People with an account who have a paid gift (from the account or their confirmed address), by name. */
export function sponsorsWithGifts(): { id: string; name: string }[] {
  // Each subquery is read once into a lookup, so the cost grows with the tables, not their product.
  const paidAccounts = sql`select ${donations.userId} from ${donations} where ${donations.status} = 'paid' and ${donations.userId} is not null`;
  const paidAddresses = sql`select lower(${donations.donorEmail}) from ${donations} where ${donations.status} = 'paid'`;
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(isNull(users.erasedAt), or(sql`${users.id} in (${paidAccounts})`, and(isNotNull(users.emailVerifiedAt), sql`lower(${users.email}) in (${paidAddresses})`))))
    .orderBy(asc(users.name))
    .all();
}

/** The years (organisation's time zone) in which any gift was paid, newest first. */
export function givingYears(timeZone: string): number[] {
  const span = db.select({ first: sql<number | null>`min(${donations.paidAt})`, last: sql<number | null>`max(${donations.paidAt})` }).from(donations).where(eq(donations.status, "paid")).get();
  if (!span?.first || !span.last) return [];
  const years: number[] = [];
  for (let year = new TZDate(span.last, timeZone).getFullYear(); year >= new TZDate(span.first, timeZone).getFullYear(); year--) years.push(year);
  return years;
}
