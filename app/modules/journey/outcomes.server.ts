import { and, desc, eq, gt } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { outcomes, type OutcomeSource } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { refuse, type Outcome as Result } from "~/utils/refusal";
import { getPerson } from "~/modules/auth/index.server";
import { listApplications } from "~/modules/cohorts/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import type { OutcomeValues } from "./schemas";

export type OutcomeRow = typeof outcomes.$inferSelect;

/** The columns an outcome keeps: a job's hours only for a job, no start date while searching. */
function columnsOf(values: OutcomeValues) {
  return {
    kind: values.kind,
    employer: values.kind === "searching" ? "" : values.employer,
    sector: values.kind === "searching" ? "" : values.sector,
    hours: values.kind === "job" ? (values.hours ?? null) : null,
    startedOn: values.kind === "searching" ? null : values.startedOn || null,
  };
}

/** Adds an outcome in the caller's transaction; the newest row is where the person is now. */
export function insertOutcome(tx: Tx, input: { userId: string; values: OutcomeValues; source: OutcomeSource; recordedBy: string | null; at: number }): string {
  const id = randomId(16);
  tx.insert(outcomes)
    .values({ id, userId: input.userId, ...columnsOf(input.values), source: input.source, recordedBy: input.recordedBy, recordedAt: input.at })
    .run();
  return id;
}

/** The person records where they are now, from their own page ("tracker" when the form was filled from an offer still waiting for one). */
export function recordOwnOutcome(userId: string, values: OutcomeValues): string {
  const at = clock.now();
  const source = values.fromTracker && trackerOfferFor(userId) ? "tracker" : "self";
  return db.transaction((tx) => insertOutcome(tx, { userId, values, source, recordedBy: userId, at }), { behavior: "immediate" });
}

/** An organiser records an outcome on a person's behalf (told by phone, say): audited, without the details. */
export function recordOutcomeFor({ actorId, userId, values }: { actorId: string; userId: string; values: OutcomeValues }): Result<{ id: string }> {
  const person = getPerson(userId);
  if (!person) return refuse("There is no person with that id.", { status: 404, code: "not-found" });
  const at = clock.now();
  const id = db.transaction(
    (tx) => {
      const outcomeId = insertOutcome(tx, { userId, values, source: "organiser", recordedBy: actorId, at });
      recordAudit(tx, { actorId, action: "outcome.recorded", targetType: "user", targetId: userId, details: { kind: values.kind } });
      return outcomeId;
    },
    { behavior: "immediate" },
  );
  return { ok: true, id };
}

/** The person's outcomes, newest first. */
export function outcomesOf(userId: string): OutcomeRow[] {
  return db.select().from(outcomes).where(eq(outcomes.userId, userId)).orderBy(desc(outcomes.recordedAt), desc(outcomes.id)).all();
}

export type TrackerOffer = { company: string; role: string; status: "offer" | "hired" };

/**
 * An offer (or a hire) in the person's application tracker that no outcome has followed yet: the
 * outcome form offers to fill itself from it. Read when the page opens, so the tracker never
 * has to know about outcomes.
 */
export function trackerOfferFor(userId: string): TrackerOffer | null {
  const offer = listApplications(userId).find((application) => application.status === "offer" || application.status === "hired");
  if (!offer) return null;
  const since = db
    .select({ id: outcomes.id })
    .from(outcomes)
    .where(and(eq(outcomes.userId, userId), gt(outcomes.recordedAt, offer.updatedAt)))
    .limit(1)
    .get();
  return since ? null : { company: offer.company, role: offer.role, status: offer.status as TrackerOffer["status"] };
}
