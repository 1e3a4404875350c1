import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eventUid } from "~/modules/events/calendars/calendar.server";
import { loader as personalFeedLoader } from "~/routes/calendar.$token[.ics]";
import { loader as publicFeedLoader } from "~/routes/events[.ics]";
import { clock, DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { createTestEvent, registrationOf } from "../support/event-factories";
import { createUser, getRequest, loadContext, routeArgs, type TestUser } from "../support/factories";
import { parseCalendar } from "../support/ical";
import { cancelEvent, cancelRegistration, feedTokenFor, registerForEvent } from "~/modules/events/index.server";

const T0 = Date.UTC(2026, 10, 25, 9, 0);

let organiser: TestUser;

beforeAll(async () => {
  organiser = await createUser({ roles: ["organiser"] });
});
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

async function read(response: unknown) {
  expect(response).toBeInstanceOf(Response);
  expect((response as Response).status).toBe(200);
  return parseCalendar(await (response as Response).text());
}

/** /events.ics as served, parsed. */
async function publicFeed() {
  return read(await publicFeedLoader());
}

/** /calendar/TOKEN.ics of this person as served, parsed. */
async function personalFeed(userId: string) {
  const token = feedTokenFor(userId);
  return read(await personalFeedLoader(routeArgs({ request: getRequest(`/calendar/${token}.ics`), params: { token }, context: loadContext() })));
}

const entryOf = (calendar: Awaited<ReturnType<typeof publicFeed>>, eventId: string) => calendar.events.find((e) => e.uid === eventUid(eventId));

describe("feeds keep a cancelled event, marked cancelled", () => {
  it("/events.ics shows it with STATUS:CANCELLED and its new SEQUENCE until 30 days after it would have ended", async () => {
    const event = createTestEvent({ title: "Cancelled in the public feed" });
    const before = entryOf(await publicFeed(), event.id)!;
    expect(before.status).toBe("CONFIRMED");
    expect(cancelEvent({ actorId: organiser.id, eventId: event.id }).ok).toBe(true);

    const after = entryOf(await publicFeed(), event.id);
    expect(after).toMatchObject({ status: "CANCELLED", start: event.startsAt });
    expect(after!.sequence).toBeGreaterThan(before.sequence!);

    clock.set(event.endsAt + 30 * DAY - MINUTE);
    expect(entryOf(await publicFeed(), event.id)?.status).toBe("CANCELLED");
    clock.set(event.endsAt + 30 * DAY + HOUR);
    expect(entryOf(await publicFeed(), event.id)).toBeUndefined();
  });

  it("/events.ics never shows a draft, nor one cancelled back when drafts could be", async () => {
    const draft = createTestEvent({ title: "Never published", status: "draft", publishedAt: null });
    expect(entryOf(await publicFeed(), draft.id)).toBeUndefined();
    expect(cancelEvent({ actorId: organiser.id, eventId: draft.id }).ok).toBe(false);
    const cancelledDraft = createTestEvent({ title: "Cancelled while a draft", status: "cancelled", publishedAt: null, cancelledAt: clock.now() });
    expect(entryOf(await publicFeed(), cancelledDraft.id)).toBeUndefined();
  });

  it("a private feed keeps it for the people who held a seat, not for those who had left or were only waiting", async () => {
    const event = createTestEvent({ title: "Cancelled in private feeds", capacity: 2 });
    const [seated, left, waiting] = [await createUser(), await createUser(), await createUser()];
    for (const person of [seated, left, waiting]) expect(registerForEvent(person.id, event.id, {}).ok).toBe(true);
    expect(cancelRegistration(left.id, registrationOf(event.id, left.id)!.id).ok).toBe(true);
    // The freed seat is offered to the person waiting, who has not taken it yet.
    expect(registrationOf(event.id, waiting.id)!.status).toBe("offered");

    clock.set(T0 + MINUTE);
    expect(cancelEvent({ actorId: organiser.id, eventId: event.id }).ok).toBe(true);
    expect(entryOf(await personalFeed(seated.id), event.id)).toMatchObject({ status: "CANCELLED", start: event.startsAt });
    expect(entryOf(await personalFeed(left.id), event.id)).toBeUndefined();
    expect(entryOf(await personalFeed(waiting.id), event.id)).toBeUndefined();

    clock.set(event.endsAt + 30 * DAY + HOUR);
    expect(entryOf(await personalFeed(seated.id), event.id)).toBeUndefined();
  });
});
