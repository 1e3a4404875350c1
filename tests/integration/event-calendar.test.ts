import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { eventUid } from "~/modules/events/calendars/calendar.server";
import { clock, DAY } from "~/utils/clock.server";
import { createTestEvent, emailsOf, registrationOf } from "../support/event-factories";
import { createUser } from "../support/factories";
import { parseCalendar, parseSingleEvent } from "../support/ical";
import { registerForEvent, eventIcs, feedTokenFor, personalFeedIcs, publicFeedIcs, replaceFeedToken, cancelRegistration } from "~/modules/events/index.server";

const T0 = Date.UTC(2026, 10, 2, 9, 0);

beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

const feedUids = (token: string) => parseCalendar(personalFeedIcs(token)!).events.map((e) => e.uid);

describe("calendar files", () => {
  it("describe one event with UTC times, a stable UID and its place", () => {
    // 14:30 in Lagos (UTC+1) is 13:30 UTC.
    const startsAt = Date.UTC(2026, 11, 3, 13, 30);
    const event = createTestEvent({ startsAt, endsAt: startsAt + 2 * 3_600_000, title: "CV clinic; bring yours, please" });
    const calendar = parseSingleEvent(eventIcs(event));
    expect(calendar.version).toBe("2.0");
    expect(calendar.method).toBe("PUBLISH");
    const vevent = calendar.event;
    expect(vevent.utc).toBe(true);
    expect(vevent.start).toBe(startsAt);
    expect(vevent.end).toBe(startsAt + 2 * 3_600_000);
    expect(vevent.uid).toBe(eventUid(event.id));
    expect(vevent.summary).toBe("CV clinic; bring yours, please");
    expect(vevent.location).toBe("Yaba Tech Hub, 12 Herbert Macaulay Way, Lagos");
    expect(vevent.url).toBe(`http://localhost:3000/events/${event.slug}`);
    // The same UID every time, so calendar apps update the event rather than duplicate it.
    expect(parseSingleEvent(eventIcs(event)).event.uid).toBe(vevent.uid);
  });

  it("show the joining link of an online event only when asked to (confirmed attendees)", () => {
    const event = createTestEvent({ isOnline: true, venueName: "", venueAddress: "", joinUrl: "https://meet.example.org/abc" });
    expect(parseSingleEvent(eventIcs(event)).event.description).not.toContain("meet.example.org");
    expect(parseSingleEvent(eventIcs(event, { withJoinUrl: true })).event.description).toContain("Join online: https://meet.example.org/abc");
  });

  it("go with the confirmation email, and parse back", async () => {
    const event = createTestEvent();
    const person = await createUser();
    registerForEvent(person.id, event.id, {});
    const [confirmation] = emailsOf("registration-confirmed", person.email);
    const vevent = parseSingleEvent((confirmation.props as { ics: string }).ics).event;
    expect(vevent.start).toBe(event.startsAt);
  });
});

describe("feeds", () => {
  it("list the organisation's published events publicly, and not drafts", () => {
    const published = createTestEvent({ title: "Published one" });
    const draft = createTestEvent({ title: "Draft one", status: "draft" });
    const old = createTestEvent({ title: "Long ago", startsAt: T0 - 200 * DAY });
    const uids = parseCalendar(publicFeedIcs()).events.map((e) => e.uid);
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
    expect(parseCalendar(feed).events.map((e) => e.uid)).toEqual([eventUid(seated.id)]);
    expect(feedUids(feedTokenFor(other.id))).not.toContain(eventUid(seated.id));

    const fresh = replaceFeedToken(person.id);
    expect(fresh).not.toBe(token);
    expect(personalFeedIcs(token)).toBeNull();
    expect(feedUids(fresh)).toContain(eventUid(seated.id));
    expect(personalFeedIcs("")).toBeNull();
  });
});
