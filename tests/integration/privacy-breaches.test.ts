import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { breachDetail, breachLog } from "~/modules/privacy/index.server";
import { action as newBreachAction } from "~/routes/admin.privacy.breaches.new";
import { action as breachAction, loader as breachLoader } from "~/routes/admin.privacy.breaches.$id";
import { loader as breachesCsvLoader } from "~/routes/admin.privacy.breaches[.csv]";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { runRoute } from "../support/route-results";
import { parseCsv } from "../support/csv";

// The breach log (NDPA s.40): the Commission is told within 72 hours of a breach being found; the
// log shows the hours left, or by how much the deadline was missed, and audits every step.

const T0 = Date.UTC(2026, 11, 3, 13, 30); // 3 December 2026, 14:30 in Lagos (UTC+1)
let organiser: TestUser;
let cookie: string;

beforeAll(async () => {
  clock.set(T0);
  organiser = await createUser({ roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
});
afterAll(() => clock.set(null));

const log = (fields: Record<string, string>) =>
  runRoute(() => newBreachAction(routeArgs({ request: formRequest("/admin/privacy/breaches/new", fields, { cookie }), params: {}, context: loadContext() })));
const act = (id: string, fields: Record<string, string>) =>
  runRoute(() => breachAction(routeArgs({ request: formRequest(`/admin/privacy/breaches/${id}`, fields, { cookie }), params: { id }, context: loadContext() })));
const audits = (action: string, id?: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all().filter((entry) => !id || entry.targetId === id);
const errorsOf = (result: { data: unknown }) => (result.data as { error: Record<string, string[]> }).error;

async function logBreach(fields: Record<string, string> = {}) {
  const result = await log({ summary: "A laptop with the attendance sheets was stolen", affected: "Attendees of the November workshop", affectedCount: "40", ...fields });
  expect(result.status).toBe(302);
  return result.headers.get("location")!.split("/").pop()!;
}

describe("logging a breach", () => {
  it("gives 72 hours from when it was found, counting down in hours, then overdue", async () => {
    const id = await logBreach();
    const breach = breachDetail(id)!;
    expect(breach).toMatchObject({ foundAt: T0, notifyBy: T0 + 72 * HOUR, affectedCount: 40, recordedBy: organiser.id });
    expect(breach.deadline).toEqual({ overdue: false, left: 72, over: 0 });
    expect(audits("breach.recorded", id)).toHaveLength(1);

    clock.set(T0 + 71 * HOUR + 30 * MINUTE);
    expect(breachDetail(id)!.deadline).toEqual({ overdue: false, left: 1, over: 0 });
    clock.set(T0 + 74 * HOUR);
    expect(breachDetail(id)!).toMatchObject({ deadline: { overdue: true, left: 0, over: 2 }, late: true });
    clock.set(T0);
  });

  it("reads the times typed in the organisation's time zone", async () => {
    const id = await logBreach({ foundAt: "2026-12-02T08:15", occurredAt: "2026-12-01T22:00" });
    const breach = breachDetail(id)!;
    expect(breach.foundAt).toBe(Date.UTC(2026, 11, 2, 7, 15));
    expect(breach.occurredAt).toBe(Date.UTC(2026, 11, 1, 21, 0));
    expect(breach.notifyBy).toBe(Date.UTC(2026, 11, 5, 7, 15));
  });

  it("refuses times in the future or out of order at their fields, keeping what was typed", async () => {
    const future = await log({ summary: "Emails sent to the wrong list", foundAt: "2026-12-04T09:00" });
    expect(future.status).toBe(400);
    expect(errorsOf(future).foundAt).toEqual(["This cannot be in the future"]);
    expect(JSON.stringify(future.data)).toContain("Emails sent to the wrong list");
    const backwards = await log({ summary: "Emails sent to the wrong list", foundAt: "2026-12-02T09:00", occurredAt: "2026-12-02T10:00" });
    expect(errorsOf(backwards).occurredAt).toEqual(["It cannot have happened after it was found"]);
    const empty = await log({ summary: "", affectedCount: "many" });
    expect(empty.status).toBe(400);
    expect(Object.keys(errorsOf(empty)).sort()).toEqual(["affectedCount", "summary"]);
  });
});

describe("telling the Commission and the people affected", () => {
  it("records the NDPC told in time, the people told, and audits both", async () => {
    const id = await logBreach();
    clock.advance(30 * HOUR);
    expect((await act(id, { intent: "regulator-notified" })).status).toBe(302);
    expect((await act(id, { intent: "people-notified", at: "2026-12-04T09:00" })).status).toBe(302);
    const breach = breachDetail(id)!;
    expect(breach).toMatchObject({ regulatorNotifiedAt: T0 + 30 * HOUR, peopleNotifiedAt: Date.UTC(2026, 11, 4, 8, 0), late: false });
    // The clock stops when the Commission is told: days later it still reads "in time".
    clock.advance(100 * HOUR);
    expect(breachDetail(id)!.deadline.overdue).toBe(false);
    expect(audits("breach.regulator_notified", id)[0].details).toEqual({ late: false });
    expect(audits("breach.people_notified", id)).toHaveLength(1);
    clock.set(T0);
  });

  it("marks the NDPC told late after 72 hours, and refuses a time before the breach was found", async () => {
    const id = await logBreach({ foundAt: "2026-11-28T10:00" });
    const early = await act(id, { intent: "regulator-notified", at: "2026-11-27T10:00" });
    expect(early.status).toBe(400);
    expect(errorsOf(early).at?.[0]).toContain("before the breach was found");
    expect((await act(id, { intent: "regulator-notified" })).status).toBe(302);
    expect(breachDetail(id)).toMatchObject({ late: true, deadline: { overdue: true } });
    expect(audits("breach.regulator_notified", id)[0].details).toEqual({ late: true });
  });

  it("updates what was done, closes, and then keeps the record as it is", async () => {
    const id = await logBreach();
    expect((await act(id, { intent: "actions", affected: "Two donors", actions: "Changed the shared password; told the donors." })).status).toBe(302);
    expect(breachDetail(id)).toMatchObject({ affected: "Two donors", actions: "Changed the shared password; told the donors." });
    expect((await act(id, { intent: "close" })).status).toBe(302);
    expect(breachDetail(id)!.closedAt).toBe(T0);
    const after = await act(id, { intent: "actions", affected: "Nobody", actions: "" });
    expect(after.status).toBe(409);
    expect(breachDetail(id)!.affected).toBe("Two donors");
    expect(audits("breach.updated", id)).toHaveLength(1);
    expect(audits("breach.closed", id)[0].details).toEqual({ regulatorNotified: false });
    const page = await runRoute(() => breachLoader(routeArgs({ request: getRequest(`/admin/privacy/breaches/${id}`, { cookie }), params: { id }, context: loadContext() })));
    expect(page.data).toMatchObject({ affected: "Two donors", closed: expect.any(String) });
  });

  it("answers unknown breaches with a 404 and other roles with a 403", async () => {
    expect((await act("no-such-breach", { intent: "close" })).status).toBe(404);
    const mentor = await createUser({ roles: ["mentor"] });
    const mentorCookie = signIn(mentor.id).cookieHeader;
    const refused = await runRoute(() => breachLoader(routeArgs({ request: getRequest("/admin/privacy/breaches/x", { cookie: mentorCookie }), params: { id: "x" }, context: loadContext() })));
    expect(refused.status).toBe(403);
  });
});

describe("the log and its spreadsheet", () => {
  it("puts open breaches first by deadline, closed ones after", () => {
    const list = breachLog();
    const firstClosed = list.findIndex((b) => b.closedAt !== null);
    expect(firstClosed).toBeGreaterThan(0);
    expect(list.slice(firstClosed).every((b) => b.closedAt !== null)).toBe(true);
    const open = list.slice(0, firstClosed).map((b) => b.notifyBy);
    expect(open).toEqual([...open].sort((a, b) => a - b));
  });

  it("exports every breach with its deadline and whether it was met, and records the download", async () => {
    const response = (await breachesCsvLoader(routeArgs({ request: getRequest("/admin/privacy/breaches.csv", { cookie }), params: {}, context: loadContext() }))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toContain("Tell the NDPC by");
    expect(rows.slice(1)).toHaveLength(breachLog().length);
    const late = rows.find((row) => row[0] === "2026-11-28T10:00:00+01:00");
    expect(late?.[8]).toBe("Yes");
    expect(late?.[5]).toBe("2026-12-01T10:00:00+01:00");
    expect(audits("breaches.exported").at(-1)).toMatchObject({ actorId: organiser.id, details: { rows: rows.length - 1 } });
  });
});
