import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { auditLog, dataSubjectRequests } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { localInputToInstant } from "~/utils/dates";
import { completeRequest, openRequests, requestDetail } from "~/modules/privacy/index.server";
import { action as newRequestAction, loader as newRequestLoader } from "~/routes/admin.privacy.requests.new";
import { action as requestAction } from "~/routes/admin.privacy.requests.$id";
import { loader as requestsCsvLoader } from "~/routes/admin.privacy.requests[.csv]";
import { loader as overviewLoader } from "~/routes/admin.privacy._index";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { runRoute } from "../support/route-results";
import { parseCsv } from "../support/csv";

// Requests about people's data (NDPA ss.34–38): each answered within 30 days of arriving, those
// past it shown as overdue, a refusal only with its reason, and every step in the audit log.

const T0 = Date.UTC(2026, 11, 3, 9, 0); // 3 December 2026, 10:00 in Lagos
let organiser: TestUser;
let cookie: string;

beforeAll(async () => {
  clock.set(T0);
  organiser = await createUser({ roles: ["organiser"], name: "Ada Organiser" });
  cookie = signIn(organiser.id).cookieHeader;
});
afterAll(() => clock.set(null));

const post = (fields: Record<string, string>) =>
  runRoute(() => newRequestAction(routeArgs({ request: formRequest("/admin/privacy/requests/new", fields, { cookie }), params: {}, context: loadContext() })));
const act = (id: string, fields: Record<string, string>) =>
  runRoute(() => requestAction(routeArgs({ request: formRequest(`/admin/privacy/requests/${id}`, fields, { cookie }), params: { id }, context: loadContext() })));
const idFrom = (location: string | null) => location!.split("/").pop()!;
const audits = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();

async function record(fields: Partial<Record<string, string>> = {}) {
  const result = await post({ kind: "access", requesterName: "Chidi Okeke", requesterContact: "chidi@example.org", details: "A copy of all my data", ...fields } as Record<string, string>);
  expect(result.status).toBe(302);
  return idFrom(result.headers.get("location"));
}

describe("recording a request received outside the site", () => {
  it("starts the 30 days now, links the account whose email it is, and audits it", async () => {
    const person = await createUser({ email: "Funmi.Ade@example.org" });
    const id = await record({ requesterName: "Funmi Ade", requesterContact: "funmi.ade@EXAMPLE.org", kind: "erasure" });
    const row = db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, id)).get()!;
    expect(row).toMatchObject({ kind: "erasure", status: "open", userId: person.id, receivedAt: T0, recordedBy: organiser.id });
    expect(row.dueAt - row.receivedAt).toBe(30 * DAY);
    expect(audits("privacy_request.recorded").find((entry) => entry.targetId === id)).toMatchObject({ actorId: organiser.id, details: { kind: "erasure" } });
  });

  it("counts from the start of the day it arrived when an earlier date is given", async () => {
    const id = await record({ receivedOn: "2026-11-20", requesterContact: "+234 803 000 0000" });
    const detail = requestDetail(id)!;
    expect(detail.receivedAt).toBe(localInputToInstant("2026-11-20T00:00", "Africa/Lagos"));
    expect(detail.dueAt).toBe(detail.receivedAt + 30 * DAY);
    expect(detail.userId).toBeNull();
    // 3 December 10:00 to 20 December 00:00 is 16 days and 14 hours: 17 days, counting the part-day.
    expect(detail.deadline).toEqual({ overdue: false, left: 17, over: 0 });
  });

  it("refuses a date in the future and a missing name at their fields, keeping what was typed", async () => {
    const future = await post({ kind: "access", requesterName: "Bola", requesterContact: "bola@example.org", receivedOn: "2026-12-25" });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.data)).toContain("cannot be in the future");
    expect(JSON.stringify(future.data)).toContain("bola@example.org");
    const nameless = await post({ kind: "access", requesterName: "", requesterContact: "bola@example.org" });
    expect(nameless.status).toBe(400);
    expect((nameless.data as { error: Record<string, string[]> }).error.requesterName).toEqual(["Enter the name of the person asking"]);
    const noKind = await post({ kind: "gossip", requesterName: "Bola", requesterContact: "bola@example.org" });
    expect(noKind.status).toBe(400);
  });

  it("is for organisers only", async () => {
    const participant = await createUser();
    const participantCookie = signIn(participant.id).cookieHeader;
    const page = await runRoute(() => newRequestLoader(routeArgs({ request: getRequest("/admin/privacy/requests/new", { cookie: participantCookie }), params: {}, context: loadContext() })));
    expect(page.status).toBe(403);
  });
});

describe("the list of open requests", () => {
  it("puts the nearest deadline first, shows days left, then days overdue as the clock passes it", async () => {
    const later = await record({ requesterName: "Later One" });
    clock.advance(HOUR);
    const latest = await record({ requesterName: "Latest One" });
    const list = openRequests().requests;
    const dues = list.map((r) => r.dueAt);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(list.findIndex((r) => r.id === later)).toBeLessThan(list.findIndex((r) => r.id === latest));
    expect(list.find((r) => r.id === latest)!.deadline).toEqual({ overdue: false, left: 30, over: 0 });

    clock.advance(32 * DAY);
    const overdue = openRequests().requests.find((r) => r.id === latest)!;
    expect(overdue.deadline).toEqual({ overdue: true, left: 0, over: 2 });
    clock.set(T0 + HOUR);
  });

  it("includes requests people made on the site, with their account's name, and an erasure waiting out its cooling-off", async () => {
    const person = await createUser({ name: "Self Service" });
    const id = randomId(16);
    db.insert(dataSubjectRequests)
      .values({ id, userId: person.id, kind: "erasure", status: "scheduled", receivedAt: clock.now(), dueAt: clock.now() + 30 * DAY, eraseAt: clock.now() + 14 * DAY })
      .run();
    const listed = openRequests().requests.find((r) => r.id === id)!;
    expect(listed).toMatchObject({ who: "Self Service", status: "scheduled" });
    expect(requestDetail(id)).toMatchObject({ who: "Self Service", contact: person.email });
    // It completes itself when the erasure runs: closing it by hand is refused.
    const refused = completeRequest({ actorId: organiser.id, id, outcome: "Done" });
    expect(refused).toMatchObject({ ok: false, status: 409, code: "scheduled" });
    const overview = await runRoute(() => overviewLoader(routeArgs({ request: getRequest("/admin/privacy", { cookie }), params: {}, context: loadContext() })));
    expect((overview.data as { requests: { id: string; status: string }[] }).requests.find((r) => r.id === id)?.status).toBe("Erasure scheduled");
  });
});

describe("answering a request", () => {
  it("keeps notes while it is open, then closes it as completed with what was done", async () => {
    const id = await record();
    expect((await act(id, { intent: "notes", notes: "Gathered the registrations." })).status).toBe(302);
    expect(requestDetail(id)!.outcome).toBe("Gathered the registrations.");
    expect((await act(id, { intent: "complete", outcome: "" })).status).toBe(400);
    expect((await act(id, { intent: "complete", outcome: "Sent a copy by email." })).status).toBe(302);
    expect(requestDetail(id)).toMatchObject({ status: "completed", outcome: "Sent a copy by email.", closedBy: organiser.id, closedAt: clock.now() });
    expect(openRequests().requests.some((r) => r.id === id)).toBe(false);
    expect(audits("privacy_request.completed").find((entry) => entry.targetId === id)?.details).toEqual({ kind: "access", late: false });
    expect(audits("privacy_request.noted").some((entry) => entry.targetId === id)).toBe(true);
    // Closed is closed: a second answer is refused and changes nothing.
    const again = await act(id, { intent: "refuse", reason: "Changed our minds" });
    expect(again.status).toBe(409);
    expect(requestDetail(id)!.status).toBe("completed");
  });

  it("refuses only with a reason, and audits the refusal", async () => {
    const id = await record({ kind: "objection" });
    const reasonless = await act(id, { intent: "refuse", reason: "   " });
    expect(reasonless.status).toBe(400);
    expect((reasonless.data as { error: Record<string, string[]> }).error.reason?.[0]).toContain("Give the reason");
    expect(requestDetail(id)!.status).toBe("open");
    expect((await act(id, { intent: "refuse", reason: "The data is needed to defend a legal claim." })).status).toBe(302);
    expect(requestDetail(id)).toMatchObject({ status: "refused", outcome: "The data is needed to defend a legal claim." });
    expect(audits("privacy_request.refused").find((entry) => entry.targetId === id)).toMatchObject({ actorId: organiser.id, details: { kind: "objection" } });
  });

  it("answers an unknown request with a 404 and an unknown intent with a 400", async () => {
    expect((await act("no-such-request", { intent: "notes", notes: "x" })).status).toBe(404);
    const id = await record();
    expect((await act(id, { intent: "delete-everything" })).status).toBe(400);
  });
});

describe("the requests spreadsheet", () => {
  it("lists every request with its deadline, and records the download", async () => {
    const before = audits("privacy_requests.exported").length;
    const result = await runRoute(() => requestsCsvLoader(routeArgs({ request: getRequest("/admin/privacy/requests.csv", { cookie }), params: {}, context: loadContext() })));
    expect(result.status).toBe(200);
    const response = (await requestsCsvLoader(routeArgs({ request: getRequest("/admin/privacy/requests.csv", { cookie }), params: {}, context: loadContext() }))) as Response;
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["Received", "Kind", "Who asked", "Contact", "Details", "Due", "Status", "Closed", "Outcome or reason", "Answered late"]);
    const total = db.select().from(dataSubjectRequests).all().length;
    expect(rows.slice(1)).toHaveLength(total);
    expect(rows.some((row) => row[6] === "Refused" && row[8] === "The data is needed to defend a legal claim.")).toBe(true);
    expect(audits("privacy_requests.exported")).toHaveLength(before + 2);
    expect(audits("privacy_requests.exported").at(-1)?.details).toEqual({ rows: total });
  });
});
