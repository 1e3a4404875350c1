import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, doorInvitations, outbox, userRoles } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { consentsOf, findUserByEmail, validateSessionToken } from "~/modules/auth/index.server";
import { eraseEventsData, eventsForDoor, mayCheckIn, personalDataInEvents } from "~/modules/events/index.server";
import { action as teamAction, headers as teamHeaders, loader as teamLoader } from "~/routes/admin.events.$id.door-team";
import { action as joinAction, headers as joinHeaders, loader as joinLoader } from "~/routes/door-invitations.$token";
import { clock, DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { hashToken } from "~/utils/ids.server";
import { createTestEvent } from "../support/event-factories";
import { cookieHeaderFrom, createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, signIn, uniqueEmail, type TestUser } from "../support/factories";
import { runRoute, setCookies } from "../support/route-results";

const T0 = Date.UTC(2026, 10, 25, 9, 0);
const AGREED = { privacyNotice: "on", terms: "on" };

let organiser: TestUser;
let organiserCookie: string;
beforeAll(async () => {
  clock.set(T0);
  organiser = await createUser({ name: "Adaeze Organiser", roles: ["organiser"] });
  organiserCookie = signIn(organiser.id).cookieHeader;
});
beforeEach(() => {
  clock.set(T0);
  resetRateLimits();
});
afterAll(() => clock.set(null));

const rolesOf = (userId: string) => db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((r) => r.role).sort();
const asPerson = (userId: string) => ({ id: userId, roles: rolesOf(userId) });
const teamPath = (eventId: string) => `/admin/events/${eventId}/door-team`;

function organiserPost(eventId: string, form: Record<string, string>, ip = freshIp()) {
  return runRoute(() => teamAction(routeArgs({ request: formRequest(teamPath(eventId), form, { cookie: organiserCookie }), params: { id: eventId }, context: loadContext(ip) })));
}
async function teamPage(eventId: string) {
  const page = await runRoute(() => teamLoader(routeArgs({ request: getRequest(teamPath(eventId), { cookie: organiserCookie }), params: { id: eventId }, context: loadContext() })));
  return page.data as { pending: { id: string; email: string }[]; links: { id: string }[]; team: { userId: string }[] };
}

/** Invites through the organiser's page; the token comes from the queued email. */
async function invite(eventId: string, email: string, everyEvent = false) {
  const result = await organiserPost(eventId, { intent: "add", email, ...(everyEvent ? { everyEvent: "on" } : {}) });
  expect(result.status).toBe(302);
  const mail = db.select().from(outbox).where(and(eq(outbox.recipient, email.toLowerCase()), eq(outbox.template, "door-invitation"))).orderBy(desc(sql`rowid`)).get()!;
  return { token: String(mail.props.url).split("/").pop()!, mail };
}
async function makeLink(eventId: string, everyEvent = false) {
  const result = await organiserPost(eventId, { intent: "create-link", ...(everyEvent ? { everyEvent: "on" } : {}) });
  expect(result.status).toBe(200);
  const { link } = result.data as { link: { id: string; url: string; qr: string } };
  return { ...link, token: link.url.split("/").pop()! };
}

const view = (token: string, cookie?: string) => runRoute(() => joinLoader(routeArgs({ request: getRequest(`/door-invitations/${token}`, { cookie }), params: { token }, context: loadContext() })));
const join = (token: string, form: Record<string, string>, options: { cookie?: string; ip?: string } = {}) =>
  runRoute(() => joinAction(routeArgs({ request: formRequest(`/door-invitations/${token}`, form, { cookie: options.cookie }), params: { token }, context: loadContext(options.ip ?? freshIp()) })));

describe("inviting by email", () => {
  it("emails an address with no account a single-use link for 7 days, keeping only its hash, audited and listed", async () => {
    const event = createTestEvent({ title: "Careers fair" });
    const email = uniqueEmail("newcomer");
    const { token, mail } = await invite(event.id, email.toUpperCase());
    expect(mail.props).toMatchObject({ inviterName: "Adaeze Organiser", eventTitle: "Careers fair", url: `http://localhost:3000/door-invitations/${token}`, expiresInHours: 168 });
    const row = db.select().from(doorInvitations).where(eq(doorInvitations.email, email)).get()!;
    expect(row).toMatchObject({ tokenHash: hashToken(token), eventId: event.id, invitedBy: organiser.id, acceptedAt: null, expiresAt: T0 + 7 * DAY });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "door.invited"), eq(auditLog.targetId, row.id))).get()).toMatchObject({ actorId: organiser.id });
    expect((await teamPage(event.id)).pending).toEqual([expect.objectContaining({ id: row.id, email })]);
    expect(new Headers(teamHeaders({} as never) as HeadersInit).get("cache-control")).toBe("no-store");
  });

  it("adds an address that has an account at once, with no email", async () => {
    const event = createTestEvent();
    const helper = await createUser({ name: "Emeka Helper" });
    expect((await organiserPost(event.id, { intent: "add", email: helper.email })).status).toBe(302);
    expect(mayCheckIn(asPerson(helper.id), event.id)).toBe(true);
    expect(db.select().from(outbox).where(and(eq(outbox.recipient, helper.email), eq(outbox.template, "door-invitation"))).all()).toEqual([]);
  });

  it("lets the invited person sign up on the page and land at /door signed in, assigned, verified; then the link is used up", async () => {
    const event = createTestEvent({ title: "Interview clinic" });
    const email = uniqueEmail("volunteer");
    const { token } = await invite(event.id, email);
    expect((await view(token)).data).toMatchObject({ state: "create", invitation: { email, eventTitle: "Interview clinic", inviterName: "Adaeze Organiser" } });
    expect(new Headers(joinHeaders({} as never) as HeadersInit).get("referrer-policy")).toBe("no-referrer");

    const unticked = await join(token, { intent: "create", name: "Tola Door", password: "a door at the fair" });
    expect(unticked.status).toBe(400);
    expect(findUserByEmail(email)).toBeUndefined();
    const weak = await join(token, { intent: "create", name: "Tola Door", password: "password123", ...AGREED });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.data)).toContain("too common");

    const joined = await join(token, { intent: "create", name: "Tola Door", password: "a door at the fair", ...AGREED });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe("/door");
    const user = findUserByEmail(email)!;
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(rolesOf(user.id)).toEqual(["door"]);
    expect(consentsOf(user.id)).toMatchObject({ notice: { granted: true }, terms: { granted: true } });
    const session = setCookies(joined).find((cookie) => !cookie.startsWith("flash="))!;
    expect(validateSessionToken(decodeURIComponent(cookieHeaderFrom(session).split("=")[1]!))?.id).toBe(user.id);
    expect(eventsForDoor(asPerson(user.id)).map((e) => e.id)).toEqual([event.id]);
    expect(db.select().from(doorInvitations).where(eq(doorInvitations.email, email)).get()).toMatchObject({ acceptedBy: user.id, acceptedAt: T0 });

    expect((await view(token)).status).toBe(410);
    expect((await view(token)).data).toEqual({ state: "used" });
    const again = await join(token, { intent: "accept" }, { cookie: cookieHeaderFrom(session) });
    expect(again.status).toBe(409);
    expect((await teamPage(event.id)).pending).toEqual([]);
  });

  it("accepts with one button for the signed-in owner of the address, and refuses anyone else", async () => {
    const event = createTestEvent();
    const other = await createUser({ name: "Someone Else" });
    const { token } = await invite(event.id, uniqueEmail("later-owner"));
    // The address got an account after the invitation was sent.
    const invitedEmail = db.select().from(doorInvitations).where(eq(doorInvitations.tokenHash, hashToken(token))).get()!.email!;
    const invitee = await createUser({ email: invitedEmail.toUpperCase(), name: "Invited Person" });

    const otherCookie = signIn(other.id).cookieHeader;
    expect((await view(token, otherCookie)).data).toMatchObject({ state: "wrong-account", signedInAs: other.email });
    const refused = await join(token, { intent: "accept" }, { cookie: otherCookie });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.data)).toContain(`sent to ${invitedEmail}`);
    expect(mayCheckIn(asPerson(other.id), event.id)).toBe(false);
    expect((await view(token)).data).toMatchObject({ state: "login" });
    expect((await join(token, { intent: "accept" })).status).toBe(401);

    const cookie = signIn(invitee.id).cookieHeader;
    expect((await view(token, cookie)).data).toMatchObject({ state: "accept" });
    const accepted = await join(token, { intent: "accept" }, { cookie });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/door");
    expect(mayCheckIn(asPerson(invitee.id), event.id)).toBe(true);
  });

  it("replaces a pending invitation to the same address and event; one for every event is another", async () => {
    const event = createTestEvent();
    const email = uniqueEmail("twice");
    const first = await invite(event.id, email);
    const second = await invite(event.id, email);
    const everywhere = await invite(event.id, email, true);
    expect((await view(first.token)).status).toBe(404);
    expect((await view(second.token)).data).toMatchObject({ state: "create" });
    expect((await view(everywhere.token)).data).toMatchObject({ state: "create", invitation: { eventTitle: null } });
    expect((await teamPage(event.id)).pending).toHaveLength(2);
  });

  it("expires after 7 days: a 410 page, and no account is made", async () => {
    const event = createTestEvent();
    const email = uniqueEmail("late");
    const { token } = await invite(event.id, email);
    clock.set(T0 + 7 * DAY - MINUTE);
    expect((await view(token)).data).toMatchObject({ state: "create" });
    clock.set(T0 + 7 * DAY);
    expect((await view(token)).status).toBe(410);
    expect((await view(token)).data).toEqual({ state: "expired" });
    expect((await join(token, { intent: "create", name: "Too Late", password: "a door at the fair", ...AGREED })).status).toBe(409);
    expect(findUserByEmail(email)).toBeUndefined();
  });

  it("can be withdrawn while pending; its link then stops working", async () => {
    const event = createTestEvent();
    const email = uniqueEmail("withdrawn");
    const { token } = await invite(event.id, email);
    const [pending] = (await teamPage(event.id)).pending;
    expect((await organiserPost(event.id, { intent: "withdraw", id: pending!.id })).status).toBe(302);
    expect((await view(token)).status).toBe(404);
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "door.invitation-withdrawn"), eq(auditLog.targetId, pending!.id))).get()).toBeDefined();
    expect((await organiserPost(event.id, { intent: "withdraw", id: pending!.id })).headers.get("location")).toBe(teamPath(event.id));
  });
});

describe("the link shown at the door", () => {
  it("draws a QR code, and lets several new volunteers sign up through it for two hours", async () => {
    const event = createTestEvent({ title: "Walk-in day" });
    const link = await makeLink(event.id);
    expect(link.qr).toMatch(/^<svg[^>]*>/);
    expect(db.select().from(doorInvitations).where(eq(doorInvitations.id, link.id)).get()).toMatchObject({ email: null, tokenHash: hashToken(link.token), expiresAt: T0 + 2 * HOUR });
    expect((await view(link.token)).data).toMatchObject({ state: "create", invitation: { email: null, eventTitle: "Walk-in day" } });

    const [ada, bayo] = [uniqueEmail("ada"), uniqueEmail("bayo")];
    expect((await join(link.token, { intent: "create", name: "Ada", password: "a door at the fair", ...AGREED })).status).toBe(400);
    for (const [name, email] of [["Ada Walk-in", ada], ["Bayo Walk-in", bayo]] as const) {
      const joined = await join(link.token, { intent: "create", name, email, password: "a door at the fair", ...AGREED });
      expect(joined.status).toBe(302);
      const user = findUserByEmail(email)!;
      // A typed address proves nothing yet: it is confirmed by the usual email.
      expect(user.emailVerifiedAt).toBeNull();
      expect(db.select().from(outbox).where(and(eq(outbox.recipient, email), eq(outbox.template, "verify-email"))).all()).toHaveLength(1);
      expect(mayCheckIn(asPerson(user.id), event.id)).toBe(true);
    }
    expect((await teamPage(event.id)).links).toHaveLength(1);

    const taken = await join(link.token, { intent: "create", name: "Copycat", email: ada.toUpperCase(), password: "a door at the fair", ...AGREED });
    expect(taken.status).toBe(409);
    expect((taken.data as { error: Record<string, string[]> }).error.email?.[0]).toContain("An account already uses this email address");

    clock.set(T0 + 2 * HOUR);
    expect((await view(link.token)).status).toBe(410);
    expect((await join(link.token, { intent: "create", name: "Late", email: uniqueEmail("late"), password: "a door at the fair", ...AGREED })).status).toBe(409);
  });

  it("lets a signed-in person join through it with one button", async () => {
    const event = createTestEvent();
    const regular = await createUser({ name: "Kemi Regular" });
    const link = await makeLink(event.id, true);
    const accepted = await join(link.token, { intent: "accept" }, { cookie: signIn(regular.id).cookieHeader });
    expect(accepted.status).toBe(302);
    expect(mayCheckIn(asPerson(regular.id), createTestEvent().id)).toBe(true);
  });

  it("is ended by a newer link of the same scope, or by the organiser, early", async () => {
    const event = createTestEvent();
    const first = await makeLink(event.id);
    const everywhere = await makeLink(event.id, true);
    const second = await makeLink(event.id);
    expect((await view(first.token)).status).toBe(410);
    expect((await view(everywhere.token)).status).toBe(200);
    expect((await teamPage(event.id)).links.map((link) => link.id).sort()).toEqual([everywhere.id, second.id].sort());

    clock.set(T0 + 10 * MINUTE);
    expect((await organiserPost(event.id, { intent: "end-link", id: second.id })).status).toBe(302);
    expect((await view(second.token)).data).toEqual({ state: "expired" });
    expect((await join(second.token, { intent: "create", name: "After", email: uniqueEmail("after"), password: "a door at the fair", ...AGREED })).status).toBe(409);
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "door.link-ended"), eq(auditLog.targetId, second.id))).get()).toMatchObject({ actorId: organiser.id });
    expect((await teamPage(event.id)).links.map((link) => link.id)).toEqual([everywhere.id]);
  });
});

describe("privacy", () => {
  it("puts invitations to a person's address in their download, and erasure removes them", async () => {
    const event = createTestEvent({ title: "Privacy evening" });
    const person = await createUser({ name: "Nneka Private" });
    // Sent before the address had an account.
    db.insert(doorInvitations).values({ id: `inv-${person.id}`, email: person.email, eventId: event.id, tokenHash: hashToken(`t-${person.id}`), invitedBy: organiser.id, createdAt: T0, expiresAt: T0 + DAY }).run();
    const section = personalDataInEvents({ userId: person.id, email: person.email, timeZone: "Africa/Lagos" });
    expect(section.tables.find((table) => table.name === "door-team-invitations")!.rows).toEqual([expect.objectContaining({ event: "Privacy evening", sentTo: person.email })]);
    db.transaction((tx) => eraseEventsData(tx, { userId: person.id, name: person.name, email: person.email.toUpperCase(), placeholderEmail: "erased@invalid" }, T0));
    expect(db.select().from(doorInvitations).where(eq(doorInvitations.email, person.email)).all()).toEqual([]);
  });
});
