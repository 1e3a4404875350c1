import { and, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { registrationAnswers, registrations } from "~db/schema";
import { refuse, type Outcome } from "~/utils/refusal";
import { eventQuestionsOf } from "../publishing/events.server";
import { saveAnswers } from "./booking.server";
import type { FormQuestion } from "./schemas";

// A person correcting what they answered when they booked (NDPA s.35, rectification).

type OwnAnswers = { questions: readonly FormQuestion[]; answers: Record<string, string> };

function ownRegistration(userId: string, registrationId: string) {
  return db
    .select({ id: registrations.id, eventId: registrations.eventId })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.userId, userId)))
    .get();
}

/** The event's questions and the person's answers to them; undefined when the registration is not theirs. */
export function ownRegistrationAnswers(userId: string, registrationId: string): OwnAnswers | undefined {
  const registration = ownRegistration(userId, registrationId);
  if (!registration) return undefined;
  const rows = db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, registration.id)).all();
  return { questions: eventQuestionsOf(registration.eventId), answers: Object.fromEntries(rows.map((row) => [row.questionId, row.value])) };
}

/** Replaces the person's answers with corrected ones, already checked against the event's questions. */
export function correctRegistrationAnswers(userId: string, registrationId: string, answers: Record<string, string | undefined>): Outcome {
  const registration = ownRegistration(userId, registrationId);
  if (!registration) return refuse("We could not find that registration.", { status: 404, code: "not-found" });
  db.transaction((tx) => saveAnswers(tx, registration.id, answers), { behavior: "immediate" });
  return { ok: true };
}
