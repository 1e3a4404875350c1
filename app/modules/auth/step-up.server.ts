import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { sessions } from "~db/schema";
import { clock, HOUR } from "~/utils/clock.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import type { Refusal } from "~/utils/refusal";
import { hasSecondFactor, verifySecondFactor } from "./second-factors.server";
import type { SessionUser } from "./session.server";

/** How long a passed second factor counts for refunds, role changes and exports. */
export const STEP_UP_WINDOW = HOUR;

/** What a person must do first: nothing, set up a second factor, or type a code again. */
export type SecondFactorNeed = "none" | "enrol" | "code";

type Viewer = Pick<SessionUser, "id" | "roles" | "secondFactorAt">;

function requiredFor(user: Viewer): boolean {
  return user.roles.includes("organiser") && getOrganisation().organiserSecondFactorRequired;
}

/** Before the organisers' console: when the setting asks for it, a session that passed a second factor. */
export function consoleNeed(user: Viewer): SecondFactorNeed {
  if (!requiredFor(user) || user.secondFactorAt !== null) return "none";
  return hasSecondFactor(user.id) ? "code" : "enrol";
}

/**
 * Before a sensitive action: a second factor passed within the hour. Someone with no second
 * factor has no code to type: the console's own gate decides whether they may be there at all.
 */
export function sensitiveActionNeed(user: Viewer): SecondFactorNeed {
  if (user.secondFactorAt !== null && clock.now() - user.secondFactorAt < STEP_UP_WINDOW) return "none";
  if (hasSecondFactor(user.id)) return "code";
  return consoleNeed(user);
}

/** Checks a code for a signed-in person and marks their session as having just passed it. */
export async function stepUp(user: Pick<SessionUser, "id" | "sessionId">, code: string, ip: string): Promise<{ ok: true } | Refusal> {
  const verified = await verifySecondFactor(user.id, code, ip);
  if (!verified.ok) return verified;
  db.update(sessions).set({ secondFactorAt: clock.now() }).where(eq(sessions.id, user.sessionId)).run();
  return { ok: true };
}
