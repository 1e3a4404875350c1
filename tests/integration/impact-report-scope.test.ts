import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { campaignFunds, certificates, cohortMembers, donations, events, mentorships, outcomes, registrations, stories, users, type OutcomeKind } from "~db/schema";
import { impactReport, impactReportChoices, linkFund, myImpactReports, PLACED_KINDS, sponsorMayRead, stageCounts, STAGES, suppressedText, type Stage } from "~/modules/journey/index.server";
import { sponsorsWithGifts } from "~/modules/sponsorship/index.server";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { formatMoney } from "~/utils/money";
import { createUser, type TestUser } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { installTestCurriculum, makeCohort } from "../support/programme-factories";
import { createOpenCampaign, insertGift, type SimpleCampaign } from "../support/sponsorship-factories";

// A campaign's and a sponsor's impact reports are about what the campaign paid for: the people its
// events and cohorts reached (ADR 0041). Their figures must equal a count over those people's own
// rows, must not move when unrelated people, events and cohorts are added, and must be read
// through those rows alone, not by reading every moment since the beginning and filtering.

const lagos = (year: number, month: number, day: number, hour = 0) => Date.UTC(year, month - 1, day, hour) - HOUR;
const NOW = lagos(2026, 6, 1, 12);

let organiser: TestUser;
let sponsor: TestUser;
let funded: SimpleCampaign;
let other: SimpleCampaign;
const p: TestUser[] = [];
const ids = { paid: "", future: "", unfunded: "", cohort: "", elsewhere: "", curriculum: "", quoted: "" };

function register(eventId: string, userId: string, status: "confirmed" | "waitlisted" | "cancelled" = "confirmed", checkedInAt: number | null = null) {
  const at = lagos(2026, 2, 1);
  db.insert(registrations).values({ id: randomId(16), eventId, userId, status, checkInToken: randomId(16), shortCode: randomId(3), checkedInAt, createdAt: at, updatedAt: at }).run();
}

function member(cohortId: string, userId: string, completedAt: number | null = null) {
  const memberId = randomId(16);
  db.insert(cohortMembers).values({ id: memberId, cohortId, userId, joinedAt: lagos(2026, 3, 10), joinedVia: "code" }).run();
  if (completedAt) db.insert(certificates).values({ id: randomId(16), memberId, userId, recipientName: "N", curriculumTitle: "T", cohortName: "C", organisationName: "O", completedAt }).run();
}

function mentee(menteeId: string, status: "active" | "ended" | "proposed" | "declined", mentorId = organiser.id) {
  const startedAt = status === "active" || status === "ended" ? lagos(2026, 4, 2) : null;
  db.insert(mentorships).values({ id: randomId(16), mentorId, menteeId, source: "request", status, createdAt: lagos(2026, 4, 1), startedAt }).run();
}

function outcome(userId: string, kind: OutcomeKind, recordedAt: number) {
  db.insert(outcomes).values({ id: randomId(16), userId, kind, source: "self", recordedAt }).run();
}

function story(userId: string, values: Partial<typeof stories.$inferInsert> = {}) {
  const id = randomId(16);
  const at = lagos(2026, 4, 1);
  db.insert(stories).values({ id, userId, text: `Words of ${userId}`, mayQuote: true, byName: true, consentedAt: at, featuredAt: at, createdAt: at, updatedAt: at, ...values }).run();
  return id;
}

/**
 * The stages counted straight from each reached person's own rows, as ADR 0038 defines them for
 * the period [0, to): no SQL shared with the app.
 */
function directCounts(campaignIds: string[], to: number): Record<Stage, number> {
  const links = db.select().from(campaignFunds).where(inArray(campaignFunds.campaignId, campaignIds)).all();
  const eventIds = links.flatMap((link) => (link.eventId ? [link.eventId] : []));
  const cohortIds = links.flatMap((link) => (link.cohortId ? [link.cohortId] : []));
  const reached = new Set([
    ...(eventIds.length ? db.select({ id: registrations.userId }).from(registrations).where(and(inArray(registrations.eventId, eventIds), ne(registrations.status, "cancelled"))).all() : []),
    ...(cohortIds.length ? db.select({ id: cohortMembers.userId }).from(cohortMembers).where(inArray(cohortMembers.cohortId, cohortIds)).all() : []),
  ].map((row) => row.id));
  const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  const before = (at: number | null) => at !== null && at >= 0 && at < to;
  for (const userId of reached) {
    const regs = db
      .select({ status: registrations.status, checkedInAt: registrations.checkedInAt, startsAt: events.startsAt })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(eq(registrations.userId, userId))
      .all()
      .filter((reg) => reg.status !== "cancelled" && before(reg.startsAt));
    if (regs.length) counts.registered += 1;
    if (regs.some((reg) => reg.checkedInAt !== null)) counts.attended += 1;
    if (db.select().from(cohortMembers).where(eq(cohortMembers.userId, userId)).all().some((m) => before(m.joinedAt))) counts.joined += 1;
    if (db.select().from(certificates).where(eq(certificates.userId, userId)).all().some((c) => before(c.completedAt))) counts.finished += 1;
    if (db.select().from(mentorships).where(eq(mentorships.menteeId, userId)).all().some((m) => (m.status === "active" || m.status === "ended") && before(m.startedAt))) counts.matched += 1;
    const said = db.select().from(outcomes).where(eq(outcomes.userId, userId)).all().filter((o) => before(o.recordedAt));
    if (said.length) counts.reported += 1;
    const latest = said.sort((a, b) => b.recordedAt - a.recordedAt || (b.id > a.id ? 1 : -1))[0];
    if (latest && (PLACED_KINDS as readonly string[]).includes(latest.kind)) counts.placed += 1;
  }
  return counts;
}

/** What a report shows of the stages, from raw counts. */
const shown = (counts: Record<Stage, number>) => STAGES.map((stage) => suppressedText(counts[stage]));
const reachedShown = (kind: "campaign" | "sponsor", subject: string) => impactReport(kind, subject)!.reached.map((row) => row.people);
const reportTo = () => clock.now() - (clock.now() % MINUTE);

beforeAll(async () => {
  clock.set(NOW);
  organiser = await createUser({ roles: ["organiser"] });
  sponsor = await createUser({ name: "Ifeoma Sponsor", roles: ["sponsor"] });
  for (let n = 0; n < 12; n++) p.push(await createUser({ name: `Reached${n} Person` }));
  funded = createOpenCampaign({ title: "Funded seats" });
  other = createOpenCampaign({ title: "Another appeal" });
  ids.paid = createTestEvent({ title: "Funded workshop", startsAt: lagos(2026, 3, 1, 10) }).id;
  ids.future = createTestEvent({ title: "Funded, to come", startsAt: lagos(2026, 7, 1, 10) }).id;
  ids.unfunded = createTestEvent({ title: "Unfunded talk", startsAt: lagos(2026, 3, 2, 10) }).id;
  ids.curriculum = installTestCurriculum();
  ids.cohort = makeCohort({ actorId: organiser.id, curriculumId: ids.curriculum, startDate: "2026-03-10", name: "Funded cohort" });
  ids.elsewhere = makeCohort({ actorId: organiser.id, curriculumId: ids.curriculum, startDate: "2026-03-10", name: "Unfunded cohort" });
  for (const target of [`event:${ids.paid}`, `event:${ids.future}`, `cohort:${ids.cohort}`]) expect(linkFund(organiser.id, funded.id, { target, note: "Paid for it" }).ok).toBe(true);

  const checkedIn = lagos(2026, 3, 1, 10);
  for (const person of p.slice(0, 5)) register(ids.paid, person.id, "confirmed", checkedIn);
  register(ids.paid, p[5]!.id);
  register(ids.paid, p[6]!.id, "waitlisted");
  // Reached through an event still to come; counted at the events that already happened.
  register(ids.future, p[7]!.id);
  register(ids.unfunded, p[7]!.id, "confirmed", lagos(2026, 3, 2, 10));
  register(ids.future, p[8]!.id);
  // A cancelled registration reaches nobody: p[11] is reached through the cohort alone.
  register(ids.paid, p[11]!.id, "cancelled");
  for (const [person, completed] of [[p[0], lagos(2026, 4, 20)], [p[1], lagos(2026, 4, 21)], [p[2], lagos(2026, 4, 22)], [p[8], null], [p[9], lagos(2026, 4, 23)], [p[10], lagos(2026, 4, 24)], [p[11], null]] as const) member(ids.cohort, person!.id, completed);
  member(ids.elsewhere, p[9]!.id, lagos(2026, 4, 25));
  for (const person of p.slice(0, 2)) mentee(person.id, "ended");
  for (const person of p.slice(2, 5)) mentee(person.id, "active");
  mentee(p[5]!.id, "proposed");
  mentee(p[6]!.id, "declined");
  mentee(p[0]!.id, "active", p[9]!.id);
  outcome(p[0]!.id, "job", lagos(2026, 5, 1));
  outcome(p[0]!.id, "searching", lagos(2026, 5, 10));
  for (const [person, kind] of [[p[1], "job"], [p[2], "study"], [p[3], "business"], [p[4], "internship"]] as const) outcome(person!.id, kind, lagos(2026, 5, 2));
  outcome(p[10]!.id, "searching", lagos(2026, 5, 1));
  outcome(p[10]!.id, "job", lagos(2026, 5, 20));
  ids.quoted = story(p[0]!.id);
  story(p[1]!.id, { mayQuote: false });

  insertGift(funded, { amount: 5_000_00, userId: sponsor.id, email: sponsor.email, at: lagos(2026, 2, 1) });
  insertGift(funded, { amount: 3_000_00, email: sponsor.email, at: lagos(2026, 2, 2) });
  insertGift(funded, { amount: 9_000_00, userId: sponsor.id, email: sponsor.email, status: "pending", at: lagos(2026, 2, 3) });
  for (let n = 0; n < 4; n++) insertGift(funded, { amount: 1_000_00, at: lagos(2026, 2, 4) });
});

describe("a report counts its subject", () => {
  it("equals a direct count over the rows of the people its links reached", () => {
    const direct = directCounts([funded.id], reportTo());
    // The world is built so that every stage is shown (5 or more), and each differs from a count of everyone.
    expect(direct).toEqual({ registered: 8, attended: 6, joined: 7, finished: 5, matched: 5, reported: 6, placed: 5 });
    expect(stageCounts({ from: 0, to: reportTo(), reachedThrough: { eventIds: [ids.paid, ids.future], cohortIds: [ids.cohort] } })).toEqual(direct);
    expect(reachedShown("campaign", funded.id)).toEqual(shown(direct));
    // The sponsor gave to that campaign alone: their report reaches the same people.
    expect(reachedShown("sponsor", sponsor.id)).toEqual(shown(direct));
    expect(impactReport("campaign", funded.id)!.stories.map((s) => s.id)).toEqual([ids.quoted]);
  });

  it("counts the money of its own gifts: the campaign's paid gifts, and the sponsor's by account and by confirmed address", () => {
    const paid = db.select().from(donations).where(and(eq(donations.campaignId, funded.id), eq(donations.status, "paid"))).all();
    const total = paid.reduce((sum, gift) => sum + (gift.receivedAmount ?? gift.amount) - gift.refundedAmount, 0);
    const donors = new Set(paid.map((gift) => gift.donorEmail.toLowerCase())).size;
    expect(impactReport("campaign", funded.id)!.moneyIn).toEqual([{ currency: "NGN", amount: formatMoney(total, "NGN"), gifts: String(paid.length), donors: suppressedText(donors) }]);
    expect(impactReport("sponsor", sponsor.id)!.moneyIn).toEqual([{ currency: "NGN", amount: formatMoney(8_000_00, "NGN"), gifts: "2", donors: "1" }]);
  });

  it("does not move when unrelated people, events, cohorts, gifts and stories are added", async () => {
    const before = { campaign: impactReport("campaign", funded.id), sponsor: impactReport("sponsor", sponsor.id) };
    const counts = stageCounts({ from: 0, to: reportTo(), reachedThrough: { eventIds: [ids.paid, ids.future], cohortIds: [ids.cohort] } });

    const talk = createTestEvent({ title: "Another talk", startsAt: lagos(2026, 4, 5, 10) }).id;
    const later = createTestEvent({ title: "Another talk to come", startsAt: lagos(2026, 8, 5, 10) }).id;
    const cohort = makeCohort({ actorId: organiser.id, curriculumId: ids.curriculum, startDate: "2026-04-10", name: "Another cohort" });
    expect(linkFund(organiser.id, other.id, { target: `event:${talk}`, note: "Another campaign's" }).ok).toBe(true);
    expect(linkFund(organiser.id, other.id, { target: `cohort:${cohort}`, note: "Another campaign's" }).ok).toBe(true);
    for (let n = 0; n < 30; n++) {
      const stranger = await createUser({ name: `Stranger${n} Person` });
      register(talk, stranger.id, "confirmed", lagos(2026, 4, 5, 10));
      register(later, stranger.id);
      member(cohort, stranger.id, lagos(2026, 5, 1));
      mentee(stranger.id, "active");
      outcome(stranger.id, n % 2 ? "job" : "searching", lagos(2026, 5, 3));
      if (n % 5 === 0) story(stranger.id);
      insertGift(other, { amount: 2_000_00, userId: n % 3 ? null : stranger.id, email: stranger.email, at: lagos(2026, 4, 1) });
    }
    // Someone who cancelled their place at the funded workshop, and nothing else there.
    const cancelled = await createUser({ name: "Cancelled Person" });
    register(ids.paid, cancelled.id, "cancelled");
    outcome(cancelled.id, "job", lagos(2026, 5, 4));
    story(cancelled.id);

    expect(stageCounts({ from: 0, to: reportTo(), reachedThrough: { eventIds: [ids.paid, ids.future], cohortIds: [ids.cohort] } })).toEqual(counts);
    expect(directCounts([funded.id], reportTo())).toEqual(counts);
    expect(impactReport("campaign", funded.id)).toEqual(before.campaign);
    expect(impactReport("sponsor", sponsor.id)).toEqual(before.sponsor);
    // The other campaign's report counts its own strangers, and none of the first campaign's people.
    expect(stageCounts({ from: 0, to: reportTo(), reachedThrough: { eventIds: [talk], cohortIds: [cohort] } })).toEqual(directCounts([other.id], reportTo()));
    expect(directCounts([other.id], reportTo())).toMatchObject({ registered: 30, attended: 30, joined: 30, finished: 30, matched: 30, reported: 30, placed: 15 });
  });
});

// Every statement a page runs, with its query plan, while `read` runs.
function plansOf(read: () => unknown): { source: string; plan: string[] }[] {
  clock.advance(MINUTE); // nothing kept: every figure is counted again
  const client = db.$client;
  const prepare = client.prepare;
  const sources = new Set<string>();
  client.prepare = ((source: string) => (sources.add(source), prepare.call(client, source))) as typeof client.prepare;
  try {
    read();
  } finally {
    client.prepare = prepare;
  }
  return [...sources]
    .filter((source) => /^\s*(select|with)/i.test(source))
    .map((source) => ({ source, plan: (client.prepare(`explain query plan ${source}`).all(...(source.match(/\?/g) ?? []).map(() => null)) as { detail: string }[]).map((row) => row.detail) }));
}

// What may be read whole: the statements' own intermediate results, and the small tables of campaigns.
const MAY_SCAN = /^SCAN (p|a|g|regs|moments|reached|accounts|addresses|givers|CONSTANT ROW|\(subquery-\d+\)|campaigns|campaign_tiers)(?= |$)/;
// Indexes by moment or by status, which read a large table's every row since the beginning.
const WHOLE_TABLE_INDEXES = /USING (COVERING )?INDEX (events_start_idx|events_status_start_idx|cohort_members_joined_idx|certificates_completed_idx|mentorships_started_idx|mentorships_status_idx|outcomes_recorded_idx|outcomes_kind_idx|donations_created_idx|donations_paid_idx \(status=\?\))/;

function wholeTableReads(statements: { source: string; plan: string[] }[]) {
  return statements.flatMap(({ source, plan }) => plan.filter((line) => (line.startsWith("SCAN ") && !MAY_SCAN.test(line)) || WHOLE_TABLE_INDEXES.test(line)).map((line) => `${line} in ${source.slice(0, 160)}`));
}

describe("a report reads only its subject's rows", () => {
  it("campaign and sponsor reports, and a sponsor's own pages, read through the subject's indexes", () => {
    const viewer = { id: sponsor.id, email: sponsor.email, emailVerified: true };
    const statements = plansOf(() => {
      impactReport("campaign", funded.id);
      impactReport("sponsor", sponsor.id);
      sponsorMayRead(viewer, "campaign", funded.id);
      myImpactReports(viewer);
    });
    // The stages were counted here, for the reached people, and so were the stories and the money.
    expect(statements.some(({ source }) => source.includes("reached as materialized"))).toBe(true);
    expect(statements.some(({ source }) => source.includes("stories s"))).toBe(true);
    expect(statements.filter(({ source }) => source.includes('from "donations"')).length).toBeGreaterThanOrEqual(2);
    expect(wholeTableReads(statements)).toEqual([]);
  });

  it("the index page reads the givers, not every gift or every person", () => {
    const statements = plansOf(() => impactReportChoices());
    expect(statements.some(({ source }) => source.includes("givers"))).toBe(true);
    expect(wholeTableReads(statements)).toEqual([]);
  });
});

describe("the index page's sponsors", () => {
  // The rule as it was first written: everyone with an account and a paid gift, from the account or their confirmed address.
  const everySponsor = () =>
    db.select({ id: users.id, name: users.name }).from(users)
      .where(sql`${users.erasedAt} is null and (${users.id} in (select user_id from donations where status = 'paid' and user_id is not null)
        or (${users.emailVerifiedAt} is not null and lower(${users.email}) in (select lower(donor_email) from donations where status = 'paid')))`)
      .orderBy(asc(users.name), asc(users.id)).all();

  it("lists every sponsor once, by name, a page at a time", async () => {
    const byAddress = await createUser({ name: "Aaron Byaddress" });
    insertGift(other, { amount: 1_000_00, email: byAddress.email });
    const unconfirmed = await createUser({ name: "Abel Unconfirmed", verified: false });
    insertGift(other, { amount: 1_000_00, email: unconfirmed.email });
    const pending = await createUser({ name: "Abigail Pending" });
    insertGift(other, { amount: 1_000_00, userId: pending.id, email: pending.email, status: "pending" });
    const erased = await createUser({ name: "Ada Erased" });
    insertGift(other, { amount: 1_000_00, userId: erased.id, email: erased.email });
    db.update(users).set({ erasedAt: clock.now() }).where(eq(users.id, erased.id)).run();
    for (let n = 0; n < 40; n++) {
      const giver = await createUser({ name: `Giver ${String(n).padStart(2, "0")}` });
      insertGift(funded, { amount: 500_00, email: giver.email, at: lagos(2026, 5, 5) });
      insertGift(funded, { amount: 500_00, email: giver.email, userId: n % 4 ? null : giver.id, at: lagos(2026, 5, 6) });
    }

    const expected = everySponsor();
    expect(expected.length).toBeGreaterThan(50);
    const first = sponsorsWithGifts();
    expect(first).toMatchObject({ page: 1, pageCount: Math.ceil(expected.length / 50), total: expected.length });
    const all = Array.from({ length: first.pageCount }, (_, i) => sponsorsWithGifts({ page: i + 1 }).sponsors).flat();
    expect(all).toEqual(expected);
    const names = all.map((s) => s.name);
    expect(names).toContain("Aaron Byaddress");
    expect(names).toContain(sponsor.name);
    for (const name of ["Abel Unconfirmed", "Abigail Pending", "Ada Erased"]) expect(names).not.toContain(name);
    // An old link past the last page shows the last page.
    expect(sponsorsWithGifts({ page: 99 })).toMatchObject({ page: first.pageCount, sponsors: expected.slice((first.pageCount - 1) * 50) });
    expect(impactReportChoices({ sponsorsPage: 2 }).sponsors.sponsors).toEqual(expected.slice(50, 100));
  });
});
