import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { eq } from "drizzle-orm";
import { auditLog, outbox } from "~db/schema";
import { loader as outboxMessageLoader } from "~/routes/admin.outbox.$id";
import { loader as donationLoader } from "~/routes/admin.donations.$id";
import { createOpenCampaign, pledgeTransfer } from "../support/sponsorship-factories";
import { loader as personLoader } from "~/routes/admin.people.$id";
import { loader as donationsCsv } from "~/routes/admin.donations[.csv]";
import { loader as attendeesCsv } from "~/routes/admin.events.$id.attendees[.csv]";
import { loader as membersCsv } from "~/routes/admin.cohorts.$id.members[.csv]";
import { createUser, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { installTestCurriculum, makeCohort } from "../support/programme-factories";
import { runRoute } from "../support/route-results";

// Every organiser action on people's data lands in the audit log: opening a person's record and
// each export of a list of people (the record the NDPA asks an organisation to be able to show).

let organiser: TestUser;
let cookie: string;
beforeAll(async () => {
  organiser = await createUser({ roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
});

const entries = (action: string) => db.select().from(auditLog).all().filter((entry) => entry.action === action && entry.actorId === organiser.id);
const load = (loader: (args: never) => unknown, url: string, params: Record<string, string>) =>
  runRoute(() => loader(routeArgs({ request: getRequest(url, { cookie }), params, context: loadContext() }) as never));

describe("organisers' access to personal data", () => {
  it("records who opened whose record, but not someone opening their own", async () => {
    const person = await createUser({ name: "Looked Up" });
    expect((await load(personLoader as never, `/admin/people/${person.id}`, { id: person.id })).status).toBe(200);
    expect(entries("person.viewed").map((entry) => entry.targetId)).toEqual([person.id]);
    await load(personLoader as never, `/admin/people/${organiser.id}`, { id: organiser.id });
    expect(entries("person.viewed")).toHaveLength(1);
  });

  it("records who opened which email and which gift", async () => {
    const gift = pledgeTransfer(createOpenCampaign());
    const message = db.select().from(outbox).where(eq(outbox.recipient, gift.donorEmail)).get()!;
    expect((await load(outboxMessageLoader as never, `/admin/outbox/${message.id}`, { id: message.id })).status).toBe(200);
    expect(entries("email.viewed").map((entry) => entry.targetId)).toEqual([message.id]);
    expect((await load(donationLoader as never, `/admin/donations/${gift.id}`, { id: gift.id })).status).toBe(200);
    expect(entries("donation.viewed").map((entry) => entry.targetId)).toEqual([gift.id]);
  });

  it("records each export of donors, attendees and cohort members, with how many rows left", async () => {
    const event = createTestEvent();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId: installTestCurriculum(), startDate: "2026-12-01" });
    expect((await load(donationsCsv as never, "/admin/donations.csv?status=paid", {})).status).toBe(200);
    expect((await load(attendeesCsv as never, `/admin/events/${event.id}/attendees.csv`, { id: event.id })).status).toBe(200);
    expect((await load(membersCsv as never, `/admin/cohorts/${cohortId}/members.csv`, { id: cohortId })).status).toBe(200);
    expect(entries("donations.exported")[0].details).toMatchObject({ rows: 0, filters: { status: "paid" } });
    expect(entries("event.attendees_exported")[0]).toMatchObject({ targetId: event.id, details: { rows: 0 } });
    expect(entries("cohort.members_exported")[0]).toMatchObject({ targetId: cohortId, details: { rows: 0 } });
  });
});
