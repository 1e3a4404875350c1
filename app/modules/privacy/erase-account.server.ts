import { eq, or } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { breaches, dataExports, dataSubjectRequests } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { mayMention, placeholderAddress, redactText, type ErasedPerson } from "~/utils/redact.server";
import { eraseAuthData, personToErase } from "~/modules/auth/index.server";
import { eraseCohortsData } from "~/modules/cohorts/index.server";
import { eraseEventsData } from "~/modules/events/index.server";
import { eraseJourneyData } from "~/modules/journey/index.server";
import { eraseMentoringData } from "~/modules/mentoring/index.server";
import { eraseOrganisationData, recordAudit } from "~/modules/organisation/index.server";
import { eraseOutboxData } from "~/modules/outbox/index.server";
import { eraseSponsorshipData } from "~/modules/sponsorship/index.server";
import { requestDueAt } from "./deadlines";

/** Why an account is erased, for the audit log: the person asked, an organiser did, or it lay unused. */
export type ErasureCause = "request" | "organiser" | "inactivity";

type EraseInput = {
  userId: string;
  at: number;
  cause: ErasureCause;
  /** Who pressed the button: an organiser, or the person's own request (null for the retention job). */
  actorId: string | null;
  /** The request this answers, closed as completed in the same transaction. */
  requestId?: string;
  /** No request on file yet (an organiser acting on one received outside the site): record one, completed. */
  recordRequest?: boolean;
  /** An organiser's reason, kept in the request's outcome (without the person's name). */
  reason?: string;
};

/** The privacy area's own rows: downloads go, requests keep what was done but not who asked. */
function erasePrivacyData(tx: Tx, person: ErasedPerson): void {
  tx.delete(dataExports).where(eq(dataExports.userId, person.userId)).run();
  const requests = tx
    .select()
    .from(dataSubjectRequests)
    .where(or(eq(dataSubjectRequests.userId, person.userId), mayMention([dataSubjectRequests.requesterName, dataSubjectRequests.requesterContact, dataSubjectRequests.details, dataSubjectRequests.outcome], person)))
    .all();
  for (const request of requests) {
    const own = request.userId === person.userId;
    tx.update(dataSubjectRequests)
      .set({
        requesterName: own ? "" : redactText(request.requesterName, person),
        requesterContact: own ? "" : redactText(request.requesterContact, person),
        details: redactText(request.details, person),
        outcome: redactText(request.outcome, person),
      })
      .where(eq(dataSubjectRequests.id, request.id))
      .run();
  }
  for (const breach of tx.select().from(breaches).where(mayMention([breaches.summary, breaches.affected, breaches.actions], person)).all()) {
    tx.update(breaches)
      .set({ summary: redactText(breach.summary, person), affected: redactText(breach.affected, person), actions: redactText(breach.actions, person) })
      .where(eq(breaches.id, breach.id))
      .run();
  }
}

/**
 * Erases a person everywhere in one transaction, top areas first (each area erases its own
 * rows through its front door), closes the request it answers and records an audit entry that
 * names no one. Then the freed pages are written over and the write-ahead log emptied, so the
 * old bytes are gone from the files too (ADR 0024). False when there was no one left to erase.
 */
export function eraseAccount(input: EraseInput): boolean {
  const found = personToErase(input.userId);
  if (!found) return false;
  const person: ErasedPerson = { ...found, placeholderEmail: placeholderAddress("erased", randomId(10)) };
  const { at } = input;
  const requestId = input.recordRequest ? randomId(16) : input.requestId;
  db.transaction(
    (tx) => {
      erasePrivacyData(tx, person);
      eraseJourneyData(tx, person);
      eraseMentoringData(tx, person, at);
      eraseCohortsData(tx, person, at);
      eraseSponsorshipData(tx, person, at);
      eraseEventsData(tx, person, at);
      eraseAuthData(tx, person, at);
      eraseOutboxData(tx, person);
      eraseOrganisationData(tx, person);
      const outcome = input.reason ? redactText(input.reason, person) : "";
      if (input.recordRequest) {
        tx.insert(dataSubjectRequests)
          .values({ id: requestId!, userId: person.userId, kind: "erasure", status: "completed", receivedAt: at, dueAt: requestDueAt(at), recordedBy: input.actorId, closedAt: at, closedBy: input.actorId, outcome: outcome || "Personal data erased." })
          .run();
      } else if (requestId) {
        tx.update(dataSubjectRequests)
          .set({ status: "completed", closedAt: at, closedBy: input.actorId, outcome: outcome || "Personal data erased." })
          .where(eq(dataSubjectRequests.id, requestId))
          .run();
      }
      recordAudit(tx, {
        actorId: input.actorId,
        action: "person.erased",
        targetType: "user",
        targetId: person.userId,
        details: { cause: input.cause, ...(requestId ? { request: requestId } : {}), ...(outcome ? { reason: outcome } : {}) },
      });
    },
    { behavior: "immediate" },
  );
  scrubFreedBytes();
  logger.info({ userId: person.userId, cause: input.cause }, "personal data erased");
  return true;
}

/**
 * Moves the write-ahead log into the database file and truncates it: with `secure_delete` on
 * (set where the connection opens), deleted rows are zeroed in the file, and nothing of them
 * waits in the log.
 */
export function scrubFreedBytes(): void {
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
}
