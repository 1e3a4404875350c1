import { desc, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { consentRecords, outbox } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { isoDate } from "~/utils/dates";
import { signUp } from "~/modules/auth/index.server";
import { action as participantSignup } from "~/routes/signup._index";
import { action as mentorSignup } from "~/routes/signup.mentor";
import { freshIp, loadContext, routeArgs, signIn, uniqueEmail } from "./factories";
import { runRoute } from "./route-results";

// Young people and what people agreed to (ADR 0023), for the tests of consent and gating.

/** A date of birth that makes someone `years` old today by the app clock (in Lagos). */
export function birthDateForAge(years: number): string {
  const [y, m, d] = isoDate(clock.now(), "Africa/Lagos").split("-");
  return `${Number(y) - years}-${m}-${d === "29" && m === "02" ? "28" : d}`;
}

/** A form POST that may repeat a field (several ticked boxes of one group). */
export function multiFormRequest(url: string, fields: Record<string, string | string[]>, options: { cookie?: string } = {}): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (options.cookie) headers.set("cookie", options.cookie);
  return new Request(new URL(url, "http://localhost:3000"), { method: "POST", headers, body: body.toString() });
}

/** What a person ticks on every sign-up form: the notice and the terms. */
export const AGREED = { privacyNotice: "on", terms: "on" } as const;

export function postSignup(fields: Record<string, string | string[]>, options: { ip?: string; as?: "participant" | "mentor" } = {}) {
  const handler = options.as === "mentor" ? mentorSignup : participantSignup;
  const path = options.as === "mentor" ? "/signup/mentor" : "/signup";
  return runRoute(() => handler(routeArgs({ request: multiFormRequest(path, fields), context: loadContext(options.ip ?? freshIp()), params: {} })));
}

/** The raw token in the newest link emailed to a parent or guardian. */
export function guardianTokenFor(guardianEmail: string): string {
  const message = db.select().from(outbox).where(eq(outbox.recipient, guardianEmail)).orderBy(desc(outbox.createdAt), desc(sql`rowid`)).all().find((row) => row.template === "guardian-consent-request");
  if (!message) throw new Error(`no consent request to ${guardianEmail}`);
  return new URL(String(message.props.url)).pathname.split("/").pop()!;
}

export type YoungPerson = { id: string; email: string; guardianEmail: string; token: string; cookie: string };

/** A participant of 15 who signed up, whose account waits for their guardian. */
export async function createYoungPerson(options: { name?: string; age?: number; optionalUses?: ("impact_stories" | "partner_contact")[] } = {}): Promise<YoungPerson> {
  const email = uniqueEmail("young");
  const guardianEmail = uniqueEmail("guardian");
  const result = await signUp(
    { name: options.name ?? "Tolu Young", email, password: "a long enough phrase", birthDate: birthDateForAge(options.age ?? 15), guardianEmail, optionalUses: options.optionalUses ?? [] },
    freshIp(),
  );
  if (!result.ok || !result.userId) throw new Error(`could not sign up: ${JSON.stringify(result)}`);
  return { id: result.userId, email, guardianEmail, token: guardianTokenFor(guardianEmail), cookie: signIn(result.userId).cookieHeader };
}

/** Every consent row of a person, in the order written. */
export function consentRowsOf(userId: string) {
  return db.select().from(consentRecords).where(eq(consentRecords.userId, userId)).orderBy(consentRecords.at, sql`rowid`).all();
}
