import { desc, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, outbox, userRoles } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { loader as dashboardLoader } from "~/routes/admin._index";
import { action as personAction, loader as personLoader } from "~/routes/admin.people.$id";
import { loader as peopleLoader } from "~/routes/admin.people._index";
import { createUser, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { insertUser } from "~/modules/auth/index.server";

const rolesOf = (userId: string) =>
  db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all()
    .map((r) => r.role)
    .sort();
const auditCount = () => db.select({ n: sql<number>`count(*)` }).from(auditLog).get()!.n;
const lastAudit = () => db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;

function postRoles(personId: string, roles: string[], cookie?: string) {
  const body = new URLSearchParams(roles.map((role) => ["roles", role]));
  const request = new Request(`http://localhost:3000/admin/people/${personId}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: body.toString(),
  });
  return runRoute(() => personAction(routeArgs({ request, context: loadContext("203.0.113.9"), params: { id: personId } })));
}

let organiser: TestUser;
let organiserCookie: string;

beforeAll(async () => {
  organiser = await createUser({ name: "Adaeze Organiser", roles: ["organiser"] });
  organiserCookie = signIn(organiser.id).cookieHeader;
});

afterEach(() => clock.set(null));

describe("changing a person's roles", () => {
  it("replaces the roles in one step, records the change with before and after, and says so", async () => {
    const person = await createUser({ name: "Bola Participant", roles: ["participant"] });
    const result = await postRoles(person.id, ["participant", "mentor"], organiserCookie);
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe(`/admin/people/${person.id}`);
    expect(rolesOf(person.id)).toEqual(["mentor", "participant"]);
    const entry = lastAudit();
    expect(entry).toMatchObject({ actorId: organiser.id, action: "role.changed", targetType: "user", targetId: person.id });
    expect(entry.details).toEqual({ before: ["participant"], after: ["mentor", "participant"] });
    const granted = db.select().from(userRoles).where(eq(userRoles.role, "mentor")).all().find((r) => r.userId === person.id)!;
    expect(granted.grantedBy).toBe(organiser.id);

    const none = await postRoles(person.id, [], organiserCookie);
    expect(none.status).toBe(302);
    expect(rolesOf(person.id)).toEqual([]);
    expect(lastAudit().details).toEqual({ before: ["mentor", "participant"], after: [] });
  });

  it("writes nothing when saving the same roles again", async () => {
    const person = await createUser({ roles: ["sponsor"] });
    const before = auditCount();
    const result = await postRoles(person.id, ["sponsor"], organiserCookie);
    expect(result.status).toBe(302);
    expect(auditCount()).toBe(before);
  });

  it("keeps roles and audit together: when the audit entry cannot be written, the roles stay as they were", async () => {
    const person = await createUser({ roles: ["participant"] });
    db.$client.exec("CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END;");
    try {
      await expect(postRoles(person.id, ["participant", "sponsor"], organiserCookie)).rejects.toThrow(/audit refused/);
    } finally {
      db.$client.exec("DROP TRIGGER refuse_audit");
    }
    expect(rolesOf(person.id)).toEqual(["participant"]);
  });

  it("refuses to let the last organiser remove their own organiser role, with an error at the field", async () => {
    const before = auditCount();
    const result = await postRoles(organiser.id, ["participant"], organiserCookie);
    expect(result.status).toBe(400);
    const reply = result.data as { error: Record<string, string[]> };
    expect(reply.error.roles?.[0]).toMatch(/only organiser/);
    expect(rolesOf(organiser.id)).toEqual(["organiser"]);
    expect(auditCount()).toBe(before);
  });

  it("lets an organiser step down while another organiser remains, and sends them to their own page", async () => {
    const leaving = await createUser({ name: "Leaving Organiser", roles: ["organiser", "mentor"] });
    const cookie = signIn(leaving.id).cookieHeader;
    const result = await postRoles(leaving.id, ["mentor"], cookie);
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/me");
    expect(rolesOf(leaving.id)).toEqual(["mentor"]);
    // Their next visit is refused: roles are read on every request.
    const again = await runRoute(() => personLoader(routeArgs({ request: getRequest(`/admin/people/${organiser.id}`, { cookie }), context: loadContext(), params: { id: organiser.id } })));
    expect(again.status).toBe(403);
  });

  it("answers 404 for an unknown person, on the page and on the form", async () => {
    const page = await runRoute(() => personLoader(routeArgs({ request: getRequest("/admin/people/nobody", { cookie: organiserCookie }), context: loadContext(), params: { id: "nobody" } })));
    expect(page.status).toBe(404);
    const post = await postRoles("nobody", ["mentor"], organiserCookie);
    expect(post.status).toBe(404);
  });

  it("is closed to everyone but organisers", async () => {
    const person = await createUser({ roles: ["participant"] });
    for (const role of ["participant", "mentor", "sponsor"] as const) {
      const outsider = await createUser({ roles: [role] });
      const result = await postRoles(person.id, ["organiser"], signIn(outsider.id).cookieHeader);
      expect(result.status).toBe(403);
    }
    const anonymous = await postRoles(person.id, ["organiser"]);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect(rolesOf(person.id)).toEqual(["participant"]);
  });
});

describe("the people list", () => {
  it("searches names and emails without regard to case, 50 to a page", async () => {
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$unused$unused";
    for (let i = 1; i <= 55; i++) {
      insertUser(db, { email: `crowd-${String(i).padStart(2, "0")}@example.net`, name: `Crowd Member ${i}`, passwordHash: hash, roles: ["participant"] });
    }
    insertUser(db, { email: "zainab@example.com", name: "Zainab 100%_Sure", passwordHash: hash, roles: ["mentor", "sponsor"] });
    const search = (query: string) =>
      runRoute(() => peopleLoader(routeArgs({ request: getRequest(`/admin/people?${query}`, { cookie: organiserCookie }), context: loadContext(), params: {} })));
    type Page = { people: { name: string; email: string; roles: string[]; verified: boolean }[]; total: number; page: number; pageCount: number };

    const first = (await search("q=CROWD")).data as Page;
    expect(first.total).toBe(55);
    expect(first.people).toHaveLength(50);
    expect(first.pageCount).toBe(2);
    const second = (await search("q=crowd&page=2")).data as Page;
    expect(second.people).toHaveLength(5);
    expect(new Set([...first.people, ...second.people].map((p) => p.email)).size).toBe(55);

    const byEmail = (await search("q=ZAINAB%40example")).data as Page;
    expect(byEmail.people.map((p) => p.name)).toEqual(["Zainab 100%_Sure"]);
    expect(byEmail.people[0]!.roles).toEqual(["mentor", "sponsor"]);
    // % and _ are searched for literally, not as wildcards.
    const literal = (await search(`q=${encodeURIComponent("100%_")}`)).data as Page;
    expect(literal.people.map((p) => p.name)).toEqual(["Zainab 100%_Sure"]);
    expect(((await search("q=0%25")).data as Page).people.map((p) => p.name)).toEqual(["Zainab 100%_Sure"]);
  });
});

describe("the dashboard", () => {
  it("counts people by role, recent joiners, unverified accounts and the outbox's health", async () => {
    const context = loadContext();
    const read = async (cookie = organiserCookie) =>
      (await runRoute(() => dashboardLoader(routeArgs({ request: getRequest("/admin", { cookie }), context, params: {} })))).data as {
        figures: { people: number; byRole: Record<string, number>; joinedRecently: number; unverified: number; outbox: { pending: number; dead: number } };
      };
    const before = (await read()).figures;
    await createUser({ roles: ["mentor"], verified: false });
    const now = Date.now();
    db.insert(outbox).values([
      { id: "o-pending", recipient: "a@example.org", template: "password-changed", props: { name: "A" }, nextAttemptAt: now, createdAt: now },
      { id: "o-dead", recipient: "b@example.org", template: "password-changed", props: { name: "B" }, status: "dead", nextAttemptAt: now, createdAt: now },
      { id: "o-sent", recipient: "c@example.org", template: "password-changed", props: { name: "C" }, status: "sent", nextAttemptAt: now, createdAt: now },
    ]).run();
    const after = (await read()).figures;
    expect(after.people).toBe(before.people + 1);
    expect(after.byRole.mentor).toBe(before.byRole.mentor + 1);
    expect(after.byRole.organiser).toBe(before.byRole.organiser);
    expect(after.unverified).toBe(before.unverified + 1);
    expect(after.joinedRecently).toBe(before.joinedRecently + 1);
    expect(after.outbox).toEqual({ pending: before.outbox.pending + 1, dead: before.outbox.dead + 1 });

    clock.set(now + 31 * DAY);
    expect((await read(signIn(organiser.id).cookieHeader)).figures.joinedRecently).toBe(0);
  });

  it("sends anonymous visitors to log in and refuses other roles", async () => {
    const anonymous = await runRoute(() => dashboardLoader(routeArgs({ request: getRequest("/admin"), context: loadContext(), params: {} })));
    expect(anonymous.status).toBe(302);
    const mentor = await createUser({ roles: ["mentor"] });
    const refused = await runRoute(() => dashboardLoader(routeArgs({ request: getRequest("/admin", { cookie: signIn(mentor.id).cookieHeader }), context: loadContext(), params: {} })));
    expect(refused.status).toBe(403);
  });
});
