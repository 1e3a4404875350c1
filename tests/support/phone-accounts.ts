import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "~db/client.server";
import { users } from "~db/schema";
import { action as phoneAction, loader as phoneLoader } from "~/routes/me.phone";
import { action as signupPhoneAction } from "~/routes/signup.phone";
import { cookieHeaderFrom, createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, sessionCookieName, signIn } from "./factories";
import { lastCodeTextedTo, uniquePhone } from "./phone-factories";
import { runRoute, setCookies } from "./route-results";

// People with a mobile number, made through the pages as they would make themselves, and /me/phone
// as their browser would post it.

/** Posts a /me/phone form as the signed-in person, from an address no other request used. */
export const postPhone = (cookie: string, fields: Record<string, string>, ip = freshIp()) =>
  runRoute(() => phoneAction(routeArgs({ request: formRequest("/me/phone", fields, { cookie }), context: loadContext(ip), params: {} })));

export const loadPhone = (cookie: string) => runRoute(() => phoneLoader(routeArgs({ request: getRequest("/me/phone", { cookie }), context: loadContext(), params: {} })));

/** An account with an email address and a password, and a number it added and verified on /me/phone. */
export async function personWithPhone() {
  const person = await createUser();
  const phone = uniquePhone();
  const { cookieHeader } = signIn(person.id);
  await postPhone(cookieHeader, { intent: "send-code", phone: phone.typed });
  const confirmed = await postPhone(cookieHeader, { intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164) });
  expect(confirmed.status).toBe(302);
  return { person, phone, cookie: cookieHeader };
}

let signups = 0;

/** Signs up by phone through the page (no password, no email address); returns the new account's cookie and id. */
export async function phoneOnlyAccount() {
  signups += 1;
  const name = `Amaka Phone ${signups}`;
  const phone = uniquePhone();
  const post = (fields: Record<string, string>) =>
    runRoute(() => signupPhoneAction(routeArgs({ request: formRequest("/signup/phone", fields), context: loadContext(freshIp()), params: {} })));
  await post({ intent: "send-code", name, phone: phone.typed, birthDate: "1995-02-01", privacyNotice: "on", terms: "on" });
  const done = await post({ intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164) });
  const cookie = cookieHeaderFrom(setCookies(done).find((value) => value.startsWith(`${sessionCookieName()}=`))!);
  const userId = db.select({ id: users.id }).from(users).where(eq(users.name, name)).get()!.id;
  return { phone, cookie, userId };
}
