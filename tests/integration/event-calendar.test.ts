import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { eventUid } from "~/modules/events/calendars/calendar.server";
import { clock, DAY } from "~/utils/clock.server";
import { createTestEvent, emailsOf, registrationOf } from "../support/event-factories";
import { createUser } from "../support/factories";
import { eventsIn, icsUtc, parseIcs, prop } from "../support/ics";
import { registerForEvent, eventIcs, feedTokenFor, personalFeedIcs, publicFeedIcs, replaceFeedToken, cancelRegistration } from "~/modules/events/index.server";

const T0 = Date.UTC(2026, 10, 2, 9, 0);

beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

describe("calendar files", () => {
  it("describe one event with UTC times, a stable UID and its place", () => {
    // 14:30 in Lagos (UTC+1) is 13:30 UTC.
    const startsAt = Date.UTC(2026, 11, 3, 13, 30);
    const event = createTestEvent({ startsAt, endsAt: startsAt + 2 * 3_600_000, title: "CV clinic; bring yours, please" });
    const calendar = parseIcs(eventIcs(event));
    expect(prop(calendar, "VERSION")).toBe("2.0");
    expect(prop(calendar, "METHOD")).toBe("PUBLISH");
    const [vevent] = eventsIn(calendar);
    expect(prop(vevent, "DTSTART")).toBe("20261203T133000Z");
    expect(prop(vevent, "DTEND")).toBe(icsUtc(startsAt + 2 * 3_600_000));
    expect(prop(vevent, "UID")).toBe(eventUid(event.id));
    expect(prop(vevent, "SUMMARY")).toBe("CV clinic; bring yours, please");
    expect(prop(vevent, "LOCATION")).toBe("Yaba Tech Hub, 12 Herbert Macaulay Way, Lagos");
    expect(prop(vevent, "URL")).toBe(`http://localhost:3000/events/${event.slug}`);
    // The same UID every time, so calendar apps update the event rather than duplicate it.
    expect(prop(eventsIn(parseIcs(eventIcs(event)))[0], "UID")).toBe(prop(vevent, "UID"));
  });

  it("show the joining link of an online event only when asked to (confirmed attendees)", () => {
    const event = createTestEvent({ isOnline: true, venueName: "", venueAddress: "", joinUrl: "https://meet.example.org/abc" });
    expect(eventIcs(event)).not.toContain("meet.example.org");
    expect(prop(eventsIn(parseIcs(eventIcs(event, { withJoinUrl: true })))[0], "DESCRIPTION")).toContain("Join online: https://meet.example.org/abc");
  });

  it("go with the confirmation email, and parse back", async () => {
    const event = createTestEvent();
    const person = await createUser();
    registerForEvent(person.id, event.id, {});
    const [confirmation] = emailsOf("registration-confirmed", person.email);
    const [vevent] = eventsIn(parseIcs((confirmation.props as { ics: string }).ics));
    expect(prop(vevent, "DTSTART")).toBe(icsUtc(event.startsAt));
  });
});

describe("feeds", () => {
  it("list the organisation's published events publicly, and not drafts", () => {
    const published = createTestEvent({ title: "Published one" });
    const draft = createTestEvent({ title: "Draft one", status: "draft" });
    const old = createTestEvent({ title: "Long ago", startsAt: T0 - 200 * DAY });
    const uids = eventsIn(parseIcs(publicFeedIcs())).map((e) => prop(e, "UID"));
    expect(uids).toContain(eventUid(published.id));
    expect(uids).not.toContain(eventUid(draft.id));
    expect(uids).not.toContain(eventUid(old.id));
  });

  it("give each person a private feed of their confirmed events, which they can revoke", async () => {
    const person = await createUser();
    const other = await createUser();
    const seated = createTestEvent({ capacity: 1 });
    const waiting = createTestEvent({ capacity: 1 });
    const cancelled = createTestEvent();
    registerForEvent(person.id, seated.id, {});
    registerForEvent(other.id, waiting.id, {});
    registerForEvent(person.id, waiting.id, {});
    registerForEvent(person.id, cancelled.id, {});
    cancelRegistration(person.id, registrationOf(cancelled.id, person.id)!.id);

    const token = feedTokenFor(person.id);
    expect(feedTokenFor(person.id)).toBe(token);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const feed = personalFeedIcs(token)!;
    expect(eventsIn(parseIcs(feed)).map((e) => prop(e, "UID"))).toEqual([eventUid(seated.id)]);
    expect(personalFeedIcs(feedTokenFor(other.id))).not.toContain(eventUid(seated.id));

    const fresh = replaceFeedToken(person.id);
    expect(fresh).not.toBe(token);
    expect(personalFeedIcs(token)).toBeNull();
    expect(personalFeedIcs(fresh)).toContain(eventUid(seated.id));
    expect(personalFeedIcs("")).toBeNull();
  });
});
