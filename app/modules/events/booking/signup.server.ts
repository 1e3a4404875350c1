import { eq, sql } from "drizzle-orm";
import { db, isUniqueViolation } from "~db/client.server";
import { users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { bookSeat, closedReason, type BookingOutcome } from "./booking.server";
import { eventPath, ticketPath } from "../facts.server";
import { answersSchema, questionsKey, registerSchema, type FormQuestion } from "./schemas";
import { memoized } from "~/utils/memo";
import { eventIn } from "./seats.server";
import { absoluteUrl } from "~/utils/urls.server";
import { hashPassword, participantSignupServerSchema, issueToken, signupRefusal, tokenUrl, normaliseEmail, checkSignupConsent, createSignupAccount, type SignupConsent } from "~/modules/auth/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import type { Refusal } from "~/utils/refusal";

type SignupBooking =
  /** A new account, signed up and (unless the last seat went meanwhile) booked. */
  | { ok: true; kind: "booked"; userId: string; email: string; outcome: BookingOutcome }
  /** A new account under the age of consent: held for a parent or guardian, so nothing was booked (ADR 0023). */
  | { ok: true; kind: "awaiting-guardian"; userId: string; email: string }
  /** The address already has an account: its owner was emailed a log-in link; nothing was booked. */
  | { ok: true; kind: "check-email"; email: string; guardianAsked: boolean }
  | Refusal;

/**
 * Registration for someone without a session: a new address gets an account (participant,
 * unverified, with the usual verification email) and the booking, in one transaction. An address
 * that has an account gets no booking: the owner is emailed a link to log in and register, since
 * a password typed here proves nothing about who owns the address. Sign-up and email rate limits
 * apply to both, so the form cannot be used to send mail in bulk; when spent, the refusal is a 429 that keeps the form.
 */
export async function signUpAndRegister(
  input: { name: string; email: string; password: string; answers: Record<string, string | undefined> } & SignupConsent,
  eventId: string,
  ip: string,
): Promise<SignupBooking> {
  const email = normaliseEmail(input.email);
  const closed = closedReason(eventIn(eventId), clock.now());
  if (closed) return closed;
  const consent = checkSignupConsent({ ...input, role: "participant", email }, clock.now());
  if (!consent.ok) return consent;
  // Limits that fit a venue (ADR 0008): per address, with a generous ceiling per network, and a
  // refusal that keeps the form filled in.
  const busy = await signupRefusal(ip, [email, consent.guardianEmail]);
  if (busy) return busy;
  // Hashed whether or not the address is taken, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);

  let result: SignupBooking;
  try {
    result = db.transaction(
      (tx): SignupBooking => {
        const owner = tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(eq(sql`lower(${users.email})`, email))
          .get();
        const event = eventIn(eventId)!;
        if (owner) {
          const back = `/login?redirectTo=${encodeURIComponent(eventPath(event.slug))}`;
          enqueueMessage(tx, email, "registration-attempt", { name: owner.name, eventTitle: event.title, url: absoluteUrl(back) });
          return { ok: true, kind: "check-email", email, guardianAsked: consent.guardianEmail !== null };
        }
        const { userId, awaitingGuardian } = createSignupAccount(tx, { email, name: input.name, passwordHash, role: "participant", consent, now: clock.now() });
        if (awaitingGuardian) {
          // Held accounts book nothing; confirming the address brings the young person back to the event.
          const token = issueToken(tx, { userId, purpose: "verify_email", email });
          enqueueMessage(tx, email, "verify-email", { name: input.name.trim(), url: tokenUrl("verify_email", token, eventPath(event.slug)) });
          return { ok: true, kind: "awaiting-guardian", userId, email };
        }
        const outcome = bookSeat(tx, { eventId, userId, answers: input.answers });
        // Confirming the address signs the person in and opens their ticket (or the event, if no seat was left).
        const next = outcome.ok ? ticketPath(outcome.registrationId) : eventPath(event.slug);
        const token = issueToken(tx, { userId, purpose: "verify_email", email });
        enqueueMessage(tx, email, "verify-email", { name: input.name.trim(), url: tokenUrl("verify_email", token, next) });
        return { ok: true, kind: "booked", userId, email, outcome };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // The same address signed up a moment ago in a parallel request.
    if (!isUniqueViolation(error)) throw error;
    result = { ok: true, kind: "check-email", email, guardianAsked: consent.guardianEmail !== null };
  }
  const createdId = result.ok && result.kind !== "check-email" ? result.userId : null;
  securityEvent("signup", {
    userId: createdId,
    role: "participant",
    ip,
    via: "event-registration",
    outcome: createdId ? "created" : "address-already-registered",
  });
  return result;
}

/** The visitor's form on the server: the sign-up rules (common passwords refused) plus the answers. */
export const signupRegisterServerSchema = memoized(questionsKey, (questions: readonly FormQuestion[]) =>
  participantSignupServerSchema.extend({ intent: registerSchema(questions).shape.intent, answers: answersSchema(questions) }),
);
