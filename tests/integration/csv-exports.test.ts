import { beforeAll, describe, expect, it } from "vitest";
import { loader as donationsCsv } from "~/routes/admin.donations[.csv]";
import { loader as attendeesCsv } from "~/routes/admin.events.$id.attendees[.csv]";
import { loader as membersCsv } from "~/routes/admin.cohorts.$id.members[.csv]";
import { loader as statementCsv } from "~/routes/me.giving.statement.$year[.csv]";
import { registerForEvent, checkIn } from "~/modules/events/index.server";
import { saveAnswer } from "~/modules/cohorts/index.server";
import { stepsOf } from "~/modules/curriculum/index.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { createUser, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { createOpenCampaign, insertGift } from "../support/sponsorship-factories";
import { installTestCurriculum, join, makeCohort } from "../support/programme-factories";
import { parseCsv } from "../support/csv";

// Every spreadsheet the app hands out: RFC 4180 line ends, a byte-order mark, dates in ISO 8601
// with the organisation's offset (Africa/Lagos, +01:00), and no totals mixed into the data.

const T0 = Date.UTC(2026, 10, 23, 5, 11); // 06:11 in Lagos
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

let organiser: TestUser;
let donor: TestUser;
const downloads: Record<string, () => Promise<Response>> = {};

beforeAll(async () => {
  clock.set(T0);
  organiser = await createUser({ roles: ["organiser"] });
  donor = await createUser({ roles: ["sponsor"] });
  const asOrganiser = signIn(organiser.id).cookieHeader;
  const asDonor = signIn(donor.id).cookieHeader;

  const campaign = createOpenCampaign();
  insertGift(campaign, { amount: 5_000_00, at: T0, userId: donor.id, email: donor.email });
  insertGift(campaign, { amount: 2_000_00, at: T0 + HOUR, userId: donor.id, email: donor.email });

  const event = createTestEvent({ startsAt: T0 + DAY });
  const attendee = await createUser({ name: "Amaka Attendee" });
  const booked = registerForEvent(attendee.id, event.id, {});
  if (!booked.ok) throw new Error(booked.message);
  clock.set(T0 + DAY + 10 * 60_000);
  const present = checkIn({ eventId: event.id, registrationId: booked.registrationId, by: organiser.id });
  if (!present.ok) throw new Error(present.message);

  const curriculumId = installTestCurriculum();
  const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-11-20" });
  const memberId = join(attendee, cohortId);
  saveAnswer({ memberId, stepId: stepsOf(curriculumId)[0].id, answer: { values: { feeling: "ok", next: "go" } } });

  const get = (url: string, cookie: string, params: Record<string, string>, loader: (args: never) => unknown) => async () =>
    (await loader(routeArgs({ request: getRequest(url, { cookie }), params, context: loadContext() }) as never)) as Response;
  downloads.donations = get("/admin/donations.csv", asOrganiser, {}, donationsCsv as never);
  downloads.attendees = get(`/admin/events/${event.id}/attendees.csv`, asOrganiser, { id: event.id }, attendeesCsv as never);
  downloads.members = get(`/admin/cohorts/${cohortId}/members.csv`, asOrganiser, { id: cohortId }, membersCsv as never);
  downloads.statement = get("/me/giving/statement/2026.csv", asDonor, { year: "2026" }, statementCsv as never);
});

describe.each(["donations", "attendees", "members", "statement"])("the %s CSV", (name) => {
  it("starts with a byte-order mark and ends every line with CRLF", async () => {
    const bytes = new Uint8Array(await (await downloads[name]()).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
  });

  it("writes every date in ISO 8601, times with the organisation's offset, and keeps totals out of the data", async () => {
    const rows = parseCsv((await (await downloads[name]()).text()).replace(/^\uFEFF/, ""));
    const [header, ...data] = rows;
    expect(data.length).toBeGreaterThan(0);
    const dateColumns = header.map((title, index) => ({ title, index })).filter(({ title }) => /^(Date|Registered|Checked in|Joined|Last active)$|^Step \d+:/.test(title));
    expect(dateColumns.length).toBeGreaterThan(0);
    let checked = 0;
    for (const row of data) {
      expect(row[0]).not.toMatch(/^Total/);
      for (const { index } of dateColumns) {
        const cell = row[index];
        if (!cell || /^(Open|Not open yet)$/.test(cell)) continue;
        expect(cell).toMatch(name === "statement" ? ISO_DATE : ISO_DATE_TIME);
        if (name !== "statement") expect(cell.slice(19)).toBe("+01:00");
        expect(Number.isNaN(Date.parse(cell))).toBe(false);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

it("writes the check-in time of an attendee", async () => {
  const [header, row] = parseCsv((await (await downloads.attendees()).text()).replace(/^\uFEFF/, ""));
  expect(row[header.indexOf("Checked in")]).toBe("2026-11-24T06:21:00+01:00");
});

it("writes an instant that reads back as the same instant", async () => {
  const rows = parseCsv((await (await downloads.donations()).text()).replace(/^\uFEFF/, ""));
  const dates = rows.slice(1).map((row) => Date.parse(row[0]));
  expect(dates).toContain(T0);
  expect(rows.slice(1).map((row) => row[0])).toContain("2026-11-23T06:11:00+01:00");
});
