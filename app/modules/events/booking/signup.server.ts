import { eq, sql } from "drizzle-orm";
import { db, isUniqueViolation } from "~db/client.server";
import { users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { bookSeat, closedReason, type BookingOutcome } from "./booking.server";
import { eventPath, ticketPath } from "../facts.server";
import { answersSchema, registerSchema, type FormQuestion } from "./schemas";
import { eventIn } from "./seats.server";
import { absoluteUrl } from "~/utils/urls.server";
import { hashPassword, signupServerSchema, assertEmailSendAllowed, assertSignupAllowed, issueToken, tokenUrl, insertUser, normaliseEmail } from "~/modules/auth/index.server";
import { enqueueEmail } from "~/modules/outbox/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import type { Refusal } from "~/utils/refusal";

type SignupBooking =
  /** A new account, signed up and (unless the last seat went meanwhile) booked. */
  | { ok: true; kind: "booked"; userId: string; email: string; outcome: BookingOutcome }
  /** The address already has an account: its owner was emailed a log-in link; nothing was booked. */
  | { ok: true; kind: "check-email"; email: string }
  | Refusal;

/**
 * Registration for someone without a session: a new address gets an account (participant,
 * unverified, with the usual verification email) and the booking, in one transaction. An address
 * that has an account gets no booking: the owner is emailed a link to log in and register, since
 * a password typed here proves nothing about who owns the address. Sign-up and email rate limits
 * apply to both, so the form cannot be used to send mail in bulk. Throws a 429 when they are spent.
 */
export async function signUpAndRegister(
  input: { name: string; email: string; password: string; answers: Record<string, string | undefined> },
  eventId: string,
  ip: string,
): Promise<SignupBooking> {
  const email = normaliseEmail(input.email);
  const closed = closedReason(eventIn(db, eventId), clock.now(), getOrganisation().timeZone);
  if (closed) return closed;
  await assertSignupAllowed(ip);
  await assertEmailSendAllowed(email, ip);
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
        const event = eventIn(tx, eventId)!;
        if (owner) {
          const back = `/login?redirectTo=${encodeURIComponent(eventPath(event.slug))}`;
          enqueueEmail(tx, email, "registration-attempt", { name: owner.name, eventTitle: event.title, url: absoluteUrl(back) });
          return { ok: true, kind: "check-email", email };
        }
        const userId = insertUser(tx, { email, name: input.name, passwordHash, roles: ["participant"] });
        const outcome = bookSeat(tx, { eventId, userId, answers: input.answers });
        // Confirming the address signs the person in and opens their ticket (or the event, if no seat was left).
        const next = outcome.ok ? ticketPath(outcome.registrationId) : eventPath(event.slug);
        const token = issueToken(tx, { userId, purpose: "verify_email", email });
        enqueueEmail(tx, email, "verify-email", { name: input.name.trim(), url: tokenUrl("verify_email", token, next) });
        return { ok: true, kind: "booked", userId, email, outcome };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // The same address signed up a moment ago in a parallel request.
    if (!isUniqueViolation(error)) throw error;
    result = { ok: true, kind: "check-email", email };
  }
  securityEvent("signup", {
    userId: result.ok && result.kind === "booked" ? result.userId : null,
    role: "participant",
    ip,
    via: "event-registration",
    outcome: result.ok && result.kind === "booked" ? "created" : "address-already-registered",
  });
  return result;
}

/** The visitor's form on the server: the sign-up rules (common passwords refused) plus the answers. */
export function signupRegisterServerSchema(questions: FormQuestion[]) {
  return signupServerSchema.extend({ intent: registerSchema(questions).shape.intent, answers: answersSchema(questions) });
}
