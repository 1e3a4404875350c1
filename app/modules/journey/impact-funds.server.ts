import { and, asc, desc, eq, gte, inArray, lt, ne } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaignFunds, campaigns, cohorts, events } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { recordAudit } from "~/modules/organisation/index.server";

// What a campaign paid for, in the organisation's own words: the events and cohorts it funded.

export type Fund = { id: string; kind: "event" | "cohort"; title: string; startsOn: number | string; note: string };

const CHOICES_SHOWN = 200;

/** A campaign's funded events and cohorts, events first, newest first. */
export function fundsOf(campaignId: string): Fund[] {
  const eventRows = db
    .select({ id: campaignFunds.id, title: events.title, startsAt: events.startsAt, note: campaignFunds.note })
    .from(campaignFunds)
    .innerJoin(events, eq(events.id, campaignFunds.eventId))
    .where(eq(campaignFunds.campaignId, campaignId))
    .orderBy(desc(events.startsAt))
    .all();
  const cohortRows = db
    .select({ id: campaignFunds.id, title: cohorts.name, startDate: cohorts.startDate, note: campaignFunds.note })
    .from(campaignFunds)
    .innerJoin(cohorts, eq(cohorts.id, campaignFunds.cohortId))
    .where(eq(campaignFunds.campaignId, campaignId))
    .orderBy(desc(cohorts.startDate))
    .all();
  return [
    ...eventRows.map((row) => ({ id: row.id, kind: "event" as const, title: row.title, startsOn: row.startsAt, note: row.note })),
    ...cohortRows.map((row) => ({ id: row.id, kind: "cohort" as const, title: row.title, startsOn: row.startDate, note: row.note })),
  ];
}

/**
 * What giving paid for in a span: the funded events starting in it and cohorts starting on its
 * days (`fromDay`/`toDay`, YYYY-MM-DD, the end excluded), by campaign (drafts left out).
 */
export function fundsInSpan(from: number, to: number, fromDay: string, toDay: string): { campaignTitle: string; funds: Fund[] }[] {
  const eventRows = db
    .select({ campaignTitle: campaigns.title, id: campaignFunds.id, title: events.title, startsAt: events.startsAt, note: campaignFunds.note })
    .from(campaignFunds)
    .innerJoin(campaigns, eq(campaigns.id, campaignFunds.campaignId))
    .innerJoin(events, eq(events.id, campaignFunds.eventId))
    .where(and(ne(campaigns.status, "draft"), gte(events.startsAt, from), lt(events.startsAt, to)))
    .orderBy(asc(campaigns.title), asc(events.startsAt))
    .all();
  const cohortRows = db
    .select({ campaignTitle: campaigns.title, id: campaignFunds.id, title: cohorts.name, startDate: cohorts.startDate, note: campaignFunds.note })
    .from(campaignFunds)
    .innerJoin(campaigns, eq(campaigns.id, campaignFunds.campaignId))
    .innerJoin(cohorts, eq(cohorts.id, campaignFunds.cohortId))
    .where(and(ne(campaigns.status, "draft"), gte(cohorts.startDate, fromDay), lt(cohorts.startDate, toDay)))
    .orderBy(asc(campaigns.title), asc(cohorts.startDate))
    .all();
  const byCampaign = new Map<string, Fund[]>();
  const add = (title: string, fund: Fund) => byCampaign.set(title, [...(byCampaign.get(title) ?? []), fund]);
  for (const row of eventRows) add(row.campaignTitle, { id: row.id, kind: "event", title: row.title, startsOn: row.startsAt, note: row.note });
  for (const row of cohortRows) add(row.campaignTitle, { id: row.id, kind: "cohort", title: row.title, startsOn: row.startDate, note: row.note });
  return [...byCampaign].sort(([a], [b]) => a.localeCompare(b)).map(([campaignTitle, funds]) => ({ campaignTitle, funds }));
}

/** The events and cohorts several campaigns paid for: who they reached is counted through these. */
export function fundedBy(campaignIds: string[]): { eventIds: string[]; cohortIds: string[] } {
  if (campaignIds.length === 0) return { eventIds: [], cohortIds: [] };
  const rows = db.select({ eventId: campaignFunds.eventId, cohortId: campaignFunds.cohortId }).from(campaignFunds).where(inArray(campaignFunds.campaignId, campaignIds)).all();
  return {
    eventIds: [...new Set(rows.flatMap((row) => (row.eventId ? [row.eventId] : [])))],
    cohortIds: [...new Set(rows.flatMap((row) => (row.cohortId ? [row.cohortId] : [])))],
  };
}

/** What the organiser may link a campaign to: events that are not drafts (newest first) and every cohort. */
export function fundChoices(): { value: string; label: string }[] {
  const eventRows = db.select({ id: events.id, title: events.title }).from(events).where(ne(events.status, "draft")).orderBy(desc(events.startsAt)).limit(CHOICES_SHOWN).all();
  const cohortRows = db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).orderBy(desc(cohorts.startDate)).limit(CHOICES_SHOWN).all();
  return [
    ...eventRows.map((row) => ({ value: `event:${row.id}`, label: `Event: ${row.title}` })),
    ...cohortRows.map((row) => ({ value: `cohort:${row.id}`, label: `Cohort: ${row.name}` })),
  ];
}

function targetExists(kind: "event" | "cohort", id: string): boolean {
  if (kind === "event") return !!db.select({ id: events.id }).from(events).where(and(eq(events.id, id), ne(events.status, "draft"))).get();
  return !!db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, id)).get();
}

/** Links a campaign to an event or a cohort it paid for, with the organisation's note. Audited. */
export function linkFund(actorId: string, campaignId: string, input: { target: string; note: string }): Outcome<{ fundId: string }> {
  const [kind, targetId] = input.target.split(":") as ["event" | "cohort", string];
  if (!targetExists(kind, targetId)) return refuse("Choose an event or a cohort from the list", { field: "target", status: 400 });
  const id = randomId(12);
  return db.transaction(
    (tx) => {
      const inserted = tx
        .insert(campaignFunds)
        .values({ id, campaignId, eventId: kind === "event" ? targetId : null, cohortId: kind === "cohort" ? targetId : null, note: input.note, createdBy: actorId, createdAt: clock.now() })
        .onConflictDoNothing()
        .returning({ id: campaignFunds.id })
        .all();
      if (inserted.length === 0) return refuse("This campaign is already linked to that. Unlink it first to change the note.", { field: "target", status: 409 });
      recordAudit(tx, { actorId, action: "campaign.fund_linked", targetType: "campaign", targetId: campaignId, details: { [`${kind}Id`]: targetId, note: input.note } });
      return { ok: true as const, fundId: id };
    },
    { behavior: "immediate" },
  );
}

/** Removes one link; the campaign's reports stop counting what it reached. Audited. */
export function unlinkFund(actorId: string, campaignId: string, fundId: string): Outcome {
  return db.transaction((tx) => {
    const removed = tx
      .delete(campaignFunds)
      .where(and(eq(campaignFunds.id, fundId), eq(campaignFunds.campaignId, campaignId)))
      .returning({ eventId: campaignFunds.eventId, cohortId: campaignFunds.cohortId })
      .all();
    if (removed.length === 0) return refuse("That link was already removed.", { status: 404 });
    recordAudit(tx, { actorId, action: "campaign.fund_unlinked", targetType: "campaign", targetId: campaignId, details: { eventId: removed[0]!.eventId, cohortId: removed[0]!.cohortId } });
    return { ok: true as const };
  });
}
