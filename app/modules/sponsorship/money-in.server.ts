import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { TZDate } from "@date-fns/tz";
import { db } from "~db/client.server";
import { campaignTotals, campaigns, donations, users } from "~db/schema";
import { ownedBy, type Donor } from "./giving.server";
import { receivedAmountSql } from "./received.server";

// What the impact reports say came in: paid gifts (a partly refunded one counts what was kept,
// a fully refunded one is "refunded" and counts nothing), per currency, never added across them.

export type MoneyIn = { currency: string; amount: number; gifts: number; donors: number };

/** Whose gifts, to which campaigns, paid in which span ([from, to) in ms); every part optional. */
export type GivingFilter = { campaignIds?: string[]; donor?: Donor; from?: number; to?: number };

// A paid gift, checked on each gift found some other way (`+` keeps SQLite from reading them
// through `donations_paid_idx`): a donor's gifts are found by their account and their address,
// each through its own index, not by reading every paid gift in search of theirs.
const paidAmongFound = sql`+${donations.status} = 'paid'`;

// One campaign's money since it began is its kept total (migration 0029): one row, not its gifts.
const campaignTotalStatement = db
  .select({ currency: campaigns.currency, amount: campaignTotals.raised, gifts: campaignTotals.gifts, donors: campaignTotals.donors })
  .from(campaignTotals)
  .innerJoin(campaigns, eq(campaigns.id, campaignTotals.campaignId))
  .where(and(eq(campaignTotals.campaignId, sql.placeholder("campaignId")), gt(campaignTotals.gifts, 0)))
  .prepare();

export function moneyInByCurrency(filter: GivingFilter): MoneyIn[] {
  if (filter.campaignIds && filter.campaignIds.length === 0) return [];
  if (filter.campaignIds?.length === 1 && !filter.donor && filter.from === undefined && filter.to === undefined) return campaignTotalStatement.all({ campaignId: filter.campaignIds[0] });
  const where: SQL[] = [filter.donor ? paidAmongFound : eq(donations.status, "paid")];
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
    .where(and(ownedBy(donor), paidAmongFound))
    .orderBy(asc(campaigns.title))
    .all();
}

/** A sponsor's account as a donor: their gifts are the ones made from it or with their confirmed address. */
export function donorByAccount(userId: string): (Donor & { name: string }) | null {
  const row = db.select({ id: users.id, email: users.email, name: users.name, verifiedAt: users.emailVerifiedAt }).from(users).where(and(eq(users.id, userId), isNull(users.erasedAt))).get();
  return row ? { id: row.id, email: row.email, emailVerified: row.verifiedAt !== null, name: row.name } : null;
}

const SPONSORS_PAGE_SIZE = 50;

/**
 * People with an account who have a paid gift (from the account or their confirmed address), by
 * name, a page at a time. Found from the givers, not from everyone: each account that gave and
 * each address that gave is one step through its index (a giver's many gifts are stepped over),
 * then one look-up of the account; no table is read whole.
 */
export function sponsorsWithGifts({ page = 1 }: { page?: number } = {}): { sponsors: { id: string; name: string }[]; total: number; page: number; pageCount: number } {
  const sponsors = sql`
    with recursive
      accounts(user_id) as (
        select min(user_id) from donations where user_id is not null
        union all
        select (select min(d.user_id) from donations d where d.user_id > a.user_id) from accounts a where a.user_id is not null),
      addresses(email) as (
        select min(lower(donor_email)) from donations
        union all
        select (select min(lower(d.donor_email)) from donations d where lower(d.donor_email) > a.email) from addresses a where a.email is not null),
      givers(id) as (
        select a.user_id from accounts a
        where a.user_id is not null and exists (select 1 from donations d where d.user_id = a.user_id and +d.status = 'paid')
        union
        select u.id from addresses a cross join users u on lower(u.email) = a.email
        where a.email is not null and u.email_verified_at is not null
          and exists (select 1 from donations d where lower(d.donor_email) = a.email and +d.status = 'paid'))
    select u.id, u.name, count(*) over () as total from givers g cross join users u on u.id = g.id where u.erased_at is null
    order by u.name, u.id`;
  const read = (n: number) => db.all<{ id: string; name: string; total: number }>(sql`${sponsors} limit ${SPONSORS_PAGE_SIZE} offset ${(n - 1) * SPONSORS_PAGE_SIZE}`);
  const asked = Math.max(1, Math.floor(page) || 1);
  let rows = read(asked);
  let current = asked;
  // Past the last page (an old link): the last page instead.
  if (rows.length === 0 && asked > 1) {
    const total = db.get<{ n: number }>(sql`select count(*) as n from (${sponsors})`)?.n ?? 0;
    current = Math.max(1, Math.ceil(total / SPONSORS_PAGE_SIZE));
    rows = read(current);
  }
  const total = rows[0]?.total ?? 0;
  return { sponsors: rows.map(({ id, name }) => ({ id, name })), total, page: current, pageCount: Math.max(1, Math.ceil(total / SPONSORS_PAGE_SIZE)) };
}

/** The years (organisation's time zone) in which any gift was paid, newest first. */
export function givingYears(timeZone: string): number[] {
  // The first and the last paid gift, each one step into `donations_paid_idx`.
  const paidAt = (order: typeof asc) =>
    db.select({ at: donations.paidAt }).from(donations).where(and(eq(donations.status, "paid"), isNotNull(donations.paidAt))).orderBy(order(donations.paidAt)).limit(1).get()?.at ?? null;
  const first = paidAt(asc);
  const last = paidAt(desc);
  if (!first || !last) return [];
  const years: number[] = [];
  for (let year = new TZDate(last, timeZone).getFullYear(); year >= new TZDate(first, timeZone).getFullYear(); year--) years.push(year);
  return years;
}
