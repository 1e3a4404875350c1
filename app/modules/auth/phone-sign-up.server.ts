import { z } from "zod";
import { db } from "~db/client.server";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { securityEvent } from "~/utils/logger.server";
import { placeholderAddress } from "~/utils/redact.server";
import { refuse, type Outcome, type Refusal } from "~/utils/refusal";
import { setVerifiedPhone, userIdByPhone } from "~/modules/outbox/index.server";
import { OPTIONAL_USE_KEYS, type OptionalUse } from "./consent-uses";
import { CODE_EXPIRED, consumePhoneCode, issuePhoneCode, waitingSignupAnswers } from "./phone-codes.server";
import { openSessionAfterCode, type SessionOpened } from "./phone-sign-in.server";
import { NO_PASSWORD_HASH } from "./password.server";
import { phoneCodeNetworkRefusal, signupRefusal } from "./rate-limit.server";
import { checkSignupConsent, createSignupAccount, type SignupConsent } from "./signup-consent.server";

// Signing up with a mobile number instead of an email address and a password (ADR 0032), for
// participants who have no email they read. The answers wait with the code until it comes back.

const pendingSchema = z.object({
  name: z.string().min(1),
  birthDate: z.string().nullable(),
  guardianEmail: z.string().nullable(),
  optionalUses: z.array(z.enum(OPTIONAL_USE_KEYS)),
  next: z.string().nullable(),
});

type PhoneSignup = { name: string; phone: string; next?: string } & SignupConsent;

/**
 * Checks the answers as `/signup` does, then texts a code to the number. A number that already has
 * an account gets the same answer and a code too: whoever holds the phone is its owner, and the
 * code signs them in to the account they have (no second account, nothing revealed to anyone else).
 */
export async function startPhoneSignup(input: PhoneSignup, ip: string): Promise<Outcome<{ phone: string; guardianAsked: boolean }>> {
  const consent = checkSignupConsent({ ...input, role: "participant", email: "" }, clock.now());
  if (!consent.ok) return consent;
  const busy = await signupRefusal(ip, [consent.guardianEmail], { textsCode: true });
  if (busy) return busy;
  const pending: z.infer<typeof pendingSchema> = {
    name: input.name.trim(),
    birthDate: consent.birthDate,
    guardianEmail: consent.guardianEmail,
    optionalUses: [...consent.optionalUses],
    next: input.next ?? null,
  };
  const issued = db.transaction((tx) => issuePhoneCode(tx, { purpose: "sign_up", phone: input.phone, userId: null, pending, send: true, now: clock.now() }), {
    behavior: "immediate",
  });
  if (!issued.ok) return issued;
  securityEvent("phone.code-sent", { purpose: "sign_up", ip });
  return { ok: true, phone: input.phone, guardianAsked: consent.guardianEmail !== null };
}

/** "Send a new code" on the second step: the same answers, a fresh code; after a day they are gone and the form starts again. */
export async function resendSignupCode(phone: string, ip: string): Promise<Outcome<{ phone: string }>> {
  const busy = await phoneCodeNetworkRefusal(ip);
  if (busy) return busy;
  const issued = db.transaction(
    (tx): Outcome => {
      const answers = pendingSchema.safeParse(waitingSignupAnswers(tx, phone));
      if (!answers.success) return refuse(START_AGAIN, { code: "start-again" });
      return issuePhoneCode(tx, { purpose: "sign_up", phone, userId: null, pending: answers.data, send: true, now: clock.now() });
    },
    { behavior: "immediate" },
  );
  if (!issued.ok) return issued;
  securityEvent("phone.code-sent", { purpose: "sign_up", ip });
  return { ok: true, phone };
}

const START_AGAIN = "We no longer have your answers. Please fill in the form again.";

type Finished = SessionOpened & { created: boolean; guardianAsked: boolean; next: string | null };

/**
 * The code came back: the account is made (its email a placeholder at a domain that receives no
 * mail, its number verified) and a session opened. For a number that already had an account, that
 * account is signed in instead, as phone sign-in would.
 */
export function finishPhoneSignup(input: { phone: string; code: string; ip: string; userAgent: string | null; previousSessionId?: string | null }): Finished | Refusal {
  const now = clock.now();
  const outcome = db.transaction(
    (tx): Outcome<{ userId: string; created: boolean; guardianAsked: boolean; next: string | null }> => {
      const used = consumePhoneCode(tx, { phone: input.phone, purpose: "sign_up", code: input.code, now });
      if (!used.ok) return used;
      const answers = pendingSchema.safeParse(used.row.pending);
      if (!answers.success) return refuse(CODE_EXPIRED, { field: "code", code: "expired" });
      const { name, birthDate, guardianEmail, next } = answers.data;
      const existing = userIdByPhone(input.phone);
      if (existing) return { ok: true, userId: existing, created: false, guardianAsked: false, next };
      const email = placeholderAddress("phone", randomId(10));
      const consent = { ok: true as const, birthDate, guardianEmail, optionalUses: answers.data.optionalUses as OptionalUse[] };
      const { userId } = createSignupAccount(tx, { email, name, passwordHash: NO_PASSWORD_HASH, role: "participant", consent, now });
      const verified = setVerifiedPhone(tx, { userId, email, phone: input.phone, now });
      // Checked just above in this same transaction: no other account holds the number.
      if (!verified.ok) throw new Error(`A number free a moment ago was taken: ${verified.message}`);
      return { ok: true, userId, created: true, guardianAsked: guardianEmail !== null, next };
    },
    { behavior: "immediate" },
  );
  if (!outcome.ok) return outcome;
  securityEvent("signup", { userId: outcome.userId, role: "participant", ip: input.ip, by: "phone", outcome: outcome.created ? "created" : "number-already-registered" });
  const session = openSessionAfterCode(outcome.userId, input);
  return { ...session, created: outcome.created, guardianAsked: outcome.guardianAsked, next: outcome.next };
}
