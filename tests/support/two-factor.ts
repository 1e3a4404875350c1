import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "~db/client.server";
import { outbox } from "~db/schema";
import { totpCodeAt } from "~/modules/auth/totp.server";
import { clock } from "~/utils/clock.server";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/me.two-factor";
import { formRequest, getRequest, loadContext, routeArgs, type TestUser } from "./factories";
import { runRoute } from "./route-results";

// Second-factor steps as a person takes them through the pages, for the integration tests.

/** The code an authenticator app holding this key shows now (by the test's clock). */
export function codeNow(key: Uint8Array, at = clock.now()): string {
  return totpCodeAt(key, at);
}

/** The key from the written-out secret on the page, as someone typing it into an app reads it. */
export function keyFromSecret(secret: string): Uint8Array {
  return decodeBase32IgnorePadding(secret.replace(/\s/g, ""));
}

export function postTwoFactor(cookie: string, fields: Record<string, string>, url = "/me/two-factor", ip = "203.0.113.9") {
  return runRoute(() => twoFactorAction(routeArgs({ request: formRequest(url, fields, { cookie }), context: loadContext(ip), params: {} })));
}

export async function twoFactorPage(cookie: string) {
  const result = await runRoute(() => twoFactorLoader(routeArgs({ request: getRequest("/me/two-factor", { cookie }), context: loadContext(), params: {} })));
  return result.data as Awaited<ReturnType<typeof twoFactorLoader>>;
}

/** Turns two-factor sign-in on through the page; returns the key and the ten recovery codes. */
export async function enrolTotp(user: TestUser, cookie: string): Promise<{ key: Uint8Array; recoveryCodes: string[] }> {
  expect((await postTwoFactor(cookie, { intent: "start", password: user.password })).status).toBe(302);
  const page = await twoFactorPage(cookie);
  if (page.status.state !== "enrolling") throw new Error(`expected the enrolment step, got ${page.status.state}`);
  const key = keyFromSecret(page.status.secret);
  const confirmed = await postTwoFactor(cookie, { intent: "confirm", code: codeNow(key) });
  expect(confirmed.status).toBe(200);
  return { key, recoveryCodes: (confirmed.data as { recoveryCodes: string[] }).recoveryCodes };
}

export function emailsTo(to: string, template: string) {
  return db.select().from(outbox).where(and(eq(outbox.recipient, to), eq(outbox.template, template))).all();
}
