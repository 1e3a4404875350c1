import { desc, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, invitations, outbox, userRoles, users } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { clock, DAY, MINUTE } from "~/utils/clock.server";
import { hashToken } from "~/utils/ids.server";
import { action as invitationsAction, loader as invitationsLoader } from "~/routes/admin.invitations";
import { action as acceptAction, headers as acceptHeaders, loader as acceptLoader } from "~/routes/invitations.$token";
import { cookieHeaderFrom, createUser, formRequest, getRequest, loadContext, signIn, uniqueEmail, type TestUser, freshIp, routeArgs } from "../support/factories";
import { runRoute, setCookies } from "../support/route-results";
import { consentsOf, validateSessionToken, findUserByEmail } from "~/modules/auth/index.server";

let organiser: TestUser;
let organiserCookie: string;
beforeAll(async () => {
  organiser = await createUser({ name: "Ngozi Organiser", roles: ["organiser"] });
  organiserCookie = signIn(organiser.id).cookieHeader;
});
beforeEach(() => resetRateLimits());
afterEach(() => clock.set(null));

const rolesOf = (userId: string) =>
  db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((r) => r.role).sort();
const invitationFor = (email: string) => db.select().from(invitations).where(eq(invitations.email, email)).orderBy(desc(invitations.createdAt)).get();

function invite(fields: Record<string, string>, ip = freshIp(), cookie = organiserCookie) {
  return runRoute(() =>
    invitationsAction(routeArgs({ request: formRequest("/admin/invitations", { intent: "invite", ...fields }, { cookie }), context: loadContext(ip), params: {} })),
  );
}

/** Sends an invitation through the page and returns the token from the queued email. */
async function sendInvitation(email: string, role: "organiser" | "mentor" = "mentor") {
  const result = await invite({ email, role });
  expect(result.status).toBe(302);
  const mail = db.select().from(outbox).where(eq(outbox.recipient, email.toLowerCase())).orderBy(desc(outbox.createdAt)).get()!;
  const url = String(mail.props.url);
  const token = url.split("/").pop()!;
  return { token, url, mail };
}

const view = (token: string, cookie?: string) =>
  runRoute(() => acceptLoader(routeArgs({ request: getRequest(`/invitations/${token}`, { cookie }), context: loadContext(), params: { token } })));
const accept = (token: string, fields: Record<string, string>, cookie?: string) =>
  runRoute(() => acceptAction(routeArgs({ request: formRequest(`/invitations/${token}`, fields, { cookie }), context: loadContext(), params: { token } })));

describe("sending an invitation", () => {
  it("stores only the token's hash, queues the email in the same transaction, and audits it", async () => {
    const email = uniqueEmail("invitee");
    const { token, url, mail } = await sendInvitation(email.toUpperCase(), "organiser");
    expect(url).toBe(`http://localhost:3000/invitations/${token}`);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(mail.template).toBe("invitation");
    expect(mail.props).toMatchObject({ inviterName: "Ngozi Organiser", role: "organiser", expiresInHours: 168 });

    const row = invitationFor(email)!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ role: "organiser", invitedBy: organiser.id, acceptedAt: null });
    expect(row.expiresAt - row.createdAt).toBe(7 * DAY);
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "invitation.sent")).orderBy(desc(auditLog.id)).get()!;
    expect(entry).toMatchObject({ actorId: organiser.id, targetType: "invitation", targetId: row.id, details: { email, role: "organiser" } });

    const list = (await runRoute(() => invitationsLoader(routeArgs({ request: getRequest("/admin/invitations", { cookie: organiserCookie }), context: loadContext(), params: {} })))).data as {
      invitations: { email: string; status: string; inviterName: string }[];
    };
    expect(list.invitations.find((i) => i.email === email)).toMatchObject({ status: "pending", inviterName: "Ngozi Organiser" });
  });

  it("stores no invitation when its email cannot be queued", async () => {
    const email = uniqueEmail("no-outbox");
    db.$client.exec("CREATE TEMP TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END;");
    try {
      await expect(invite({ email, role: "mentor" })).rejects.toThrow(/outbox refused/);
    } finally {
      db.$client.exec("DROP TRIGGER refuse_outbox");
    }
    expect(invitationFor(email)).toBeUndefined();
  });

  it("refuses roles other than organiser and mentor, bad addresses, and people who already hold the role", async () => {
    const bad = await invite({ email: "not an address", role: "sponsor" });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as { error: Record<string, string[]> }).error).sort()).toEqual(["email", "role"]);
    const mentor = await createUser({ roles: ["mentor"] });
    const already = await invite({ email: mentor.email.toUpperCase(), role: "mentor" });
    expect(already.status).toBe(400);
    expect((already.data as { error: Record<string, string[]> }).error.email).toEqual([`${mentor.email} is already a mentor.`]);
    expect(invitationFor(mentor.email)).toBeUndefined();
  });

  it("counts towards the email limit: a fourth invitation from one address in 10 minutes gets 429", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await invite({ email: uniqueEmail("burst"), role: "mentor" }, ip)).status).toBe(302);
    const fourth = uniqueEmail("burst");
    expect((await invite({ email: fourth, role: "mentor" }, ip)).status).toBe(429);
    expect(invitationFor(fourth)).toBeUndefined();
  });

  it("is for organisers only", async () => {
    const mentor = await createUser({ roles: ["mentor"] });
    const email = uniqueEmail("sneaky");
    expect((await invite({ email, role: "organiser" }, freshIp(), signIn(mentor.id).cookieHeader)).status).toBe(403);
    expect(invitationFor(email)).toBeUndefined();
  });
});

describe("accepting an invitation", () => {
  it("sends the accept page with Referrer-Policy: no-referrer, never cached", () => {
    const headers = new Headers(acceptHeaders({} as Parameters<typeof acceptHeaders>[0]) as HeadersInit);
    expect(headers.get("referrer-policy")).toBe("no-referrer");
    expect(headers.get("cache-control")).toBe("no-store");
  });

  it("will not create the account until the privacy notice and the terms are agreed", async () => {
    const email = uniqueEmail("unticked");
    const { token } = await sendInvitation(email, "mentor");
    const result = await accept(token, { intent: "create", name: "Kemi Mentor", password: "mentoring on saturdays", terms: "on" });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.data)).toContain("Tick the box to say you have read the privacy notice");
    expect(findUserByEmail(email)).toBeUndefined();
  });

  it("creates the account with the role, verified, signs them in, and works only once", async () => {
    const email = uniqueEmail("newcomer");
    const { token } = await sendInvitation(email, "mentor");
    const page = await view(token);
    expect(page.data).toMatchObject({ state: "create", invitation: { email, role: "mentor", inviterName: "Ngozi Organiser" } });

    const result = await accept(token, { intent: "create", name: "Kemi Mentor", password: "mentoring on saturdays", privacyNotice: "on", terms: "on" });
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/me");
    const user = findUserByEmail(email)!;
    expect(user.name).toBe("Kemi Mentor");
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(rolesOf(user.id)).toEqual(["mentor"]);
    expect(consentsOf(user.id)).toMatchObject({ notice: { granted: true, source: "signup" }, terms: { granted: true } });
    const sessionCookie = setCookies(result).find((c) => !c.startsWith("flash="))!;
    const session = validateSessionToken(decodeURIComponent(cookieHeaderFrom(sessionCookie).split("=")[1]!));
    expect(session?.id).toBe(user.id);
    expect(invitationFor(email)).toMatchObject({ acceptedBy: user.id });
    expect(invitationFor(email)!.acceptedAt).not.toBeNull();

    const usersBefore = db.select({ n: sql<number>`count(*)` }).from(users).get()!.n;
    const twice = await accept(token, { intent: "create", name: "Someone Else", password: "another long phrase", privacyNotice: "on", terms: "on" });
    expect(twice.status).toBe(409);
    const again = await accept(token, { intent: "accept" }, cookieHeaderFrom(sessionCookie));
    expect(again.status).toBe(409);
    expect(db.select({ n: sql<number>`count(*)` }).from(users).get()!.n).toBe(usersBefore);
    expect((await view(token)).status).toBe(410);
    expect((await view(token)).data).toEqual({ state: "used" });
  });

  it("lets a signed-in person with the invited address accept with a button, matching case-insensitively", async () => {
    const participant = await createUser({ email: uniqueEmail("existing"), roles: ["participant"], verified: false });
    const { token } = await sendInvitation(participant.email.toUpperCase(), "organiser");
    const cookie = signIn(participant.id).cookieHeader;
    expect((await view(token, cookie)).data).toMatchObject({ state: "accept" });
    const result = await accept(token, { intent: "accept" }, cookie);
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/admin");
    expect(rolesOf(participant.id)).toEqual(["organiser", "participant"]);
    expect(findUserByEmail(participant.email)!.emailVerifiedAt).not.toBeNull();
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "invitation.accepted")).orderBy(desc(auditLog.id)).get()!;
    expect(entry).toMatchObject({ actorId: participant.id, targetId: participant.id, details: { role: "organiser" } });
  });

  it("asks someone who has an account but is not signed in to log in first", async () => {
    const existing = await createUser({ roles: ["sponsor"] });
    const { token } = await sendInvitation(existing.email, "mentor");
    const page = await view(token);
    expect(page.data).toMatchObject({ state: "login", loginUrl: `/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}` });
    const create = await accept(token, { intent: "create", name: "Imposter", password: "imposter phrase here", privacyNotice: "on", terms: "on" });
    expect(create.status).toBe(409);
    expect(rolesOf(existing.id)).toEqual(["sponsor"]);
    const anonymousAccept = await accept(token, { intent: "accept" });
    expect(anonymousAccept.status).toBe(401);
    expect(invitationFor(existing.email)!.acceptedAt).toBeNull();
  });

  it("refuses a person signed in with a different address", async () => {
    const { token } = await sendInvitation(uniqueEmail("intended"), "organiser");
    const other = await createUser({ roles: ["participant"] });
    const cookie = signIn(other.id).cookieHeader;
    expect((await view(token, cookie)).data).toMatchObject({ state: "wrong-account", signedInAs: other.email });
    const result = await accept(token, { intent: "accept" }, cookie);
    expect(result.status).toBe(403);
    expect(rolesOf(other.id)).toEqual(["participant"]);
    expect((await view(token)).data).toMatchObject({ state: "create" });
  });

  it("expires after 7 days", async () => {
    const email = uniqueEmail("late");
    const start = Date.now();
    clock.set(start);
    const { token } = await sendInvitation(email, "mentor");
    clock.set(start + 7 * DAY - MINUTE);
    expect((await view(token)).data).toMatchObject({ state: "create" });
    clock.set(start + 7 * DAY);
    expect((await view(token)).status).toBe(410);
    expect((await view(token)).data).toEqual({ state: "expired" });
    const result = await accept(token, { intent: "create", name: "Too Late", password: "a long enough phrase", privacyNotice: "on", terms: "on" });
    expect(result.status).toBe(409);
    expect(findUserByEmail(email)).toBeUndefined();
    const list = (await runRoute(() => invitationsLoader(routeArgs({ request: getRequest("/admin/invitations", { cookie: signIn(organiser.id).cookieHeader }), context: loadContext(), params: {} })))).data as {
      invitations: { email: string; status: string }[];
    };
    expect(list.invitations.find((i) => i.email === email)?.status).toBe("expired");
  });

  it("can be revoked while pending; the link then stops working", async () => {
    const email = uniqueEmail("revoked");
    const { token } = await sendInvitation(email, "mentor");
    const { id } = invitationFor(email)!;
    const result = await runRoute(() =>
      invitationsAction(routeArgs({ request: formRequest("/admin/invitations", { intent: "revoke", id }, { cookie: organiserCookie }), context: loadContext(), params: {} })),
    );
    expect(result.status).toBe(302);
    expect(invitationFor(email)).toBeUndefined();
    expect((await view(token)).status).toBe(404);
    expect(await accept(token, { intent: "create", name: "Revoked", password: "a long enough phrase", privacyNotice: "on", terms: "on" })).toMatchObject({ status: 409 });
    expect(findUserByEmail(email)).toBeUndefined();
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "invitation.revoked")).orderBy(desc(auditLog.id)).get()!;
    expect(entry).toMatchObject({ actorId: organiser.id, targetId: id, details: { email, role: "mentor" } });
  });

  it("replaces an older pending invitation to the same address and role", async () => {
    const email = uniqueEmail("twice");
    const first = await sendInvitation(email, "mentor");
    const second = await sendInvitation(email, "mentor");
    expect((await view(first.token)).data).toEqual({ state: "invalid" });
    expect((await view(second.token)).data).toMatchObject({ state: "create" });
  });

  it("refuses a common password and keeps the invitation usable", async () => {
    const email = uniqueEmail("weak");
    const { token } = await sendInvitation(email, "mentor");
    const result = await accept(token, { intent: "create", name: "Weak", password: "password123", privacyNotice: "on", terms: "on" });
    expect(result.status).toBe(400);
    const reply = result.data as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(reply.error.password?.[0]).toMatch(/too common/);
    expect(reply.initialValue).not.toHaveProperty("password");
    expect(findUserByEmail(email)).toBeUndefined();
    expect((await view(token)).data).toMatchObject({ state: "create" });
  });

  it("answers a made-up token with a clear 404 page", async () => {
    expect(await view("not-a-token")).toMatchObject({ status: 404, data: { state: "invalid" } });
    expect(await view("a".repeat(32))).toMatchObject({ status: 404, data: { state: "invalid" } });
  });
});
