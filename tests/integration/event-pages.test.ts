import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { scriptSafeJson } from "~/modules/events/publishing/event-page.server";
import { seatState } from "~/modules/events/publishing/public-lists.server";
import { checkInUrl, qrSvg } from "~/modules/events/booking/tickets.server";
import { action as eventAction, loader as eventLoader } from "~/routes/events.$slug";
import { action as meAction, loader as meLoader } from "~/routes/me._index";
import { action as ticketAction, loader as ticketLoader } from "~/routes/me.tickets.$id";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { createTestEvent, registrationOf, registrationsOf } from "../support/event-factories";
import { createUser, formRequest, getRequest, loadContext, signIn, routeArgs } from "../support/factories";
import { runRoute, setCookies } from "../support/route-results";
import { registerForEvent, eventPageData, listPublicEvents } from "~/modules/events/index.server";

const T0 = Date.UTC(2026, 10, 2, 9, 0);

beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

const open = { status: "published", startsAt: T0 + DAY, endsAt: T0 + DAY + HOUR, capacity: 20, waitlistEnabled: true, registrationOpensAt: null, registrationClosesAt: null } as const;

describe("seats, said honestly", () => {
  it("in every state an event can be in", () => {
    const tz = "Africa/Lagos";
    expect(seatState(open, { held: 8, waiting: 0 }, T0, tz).text).toBe("12 seats left");
    expect(seatState(open, { held: 19, waiting: 0 }, T0, tz).text).toBe("1 seat left");
    expect(seatState(open, { held: 20, waiting: 3 }, T0, tz).text).toBe("Full: 3 on the waitlist");
    expect(seatState(open, { held: 20, waiting: 0 }, T0, tz).text).toBe("Full: join the waitlist");
    expect(seatState({ ...open, waitlistEnabled: false }, { held: 20, waiting: 0 }, T0, tz).text).toBe("Full");
    expect(seatState({ ...open, registrationOpensAt: Date.UTC(2026, 10, 2, 13, 0) }, { held: 0, waiting: 0 }, T0, tz).text).toMatch(
      /^Registration opens Monday,? 2 November 2026,? (at )?2:00\s?pm$/,
    );
    expect(seatState({ ...open, status: "cancelled" }, { held: 0, waiting: 0 }, T0, tz)).toEqual({ text: "Cancelled", tone: "cancelled" });
  });

  it("on the list, upcoming first, past on their own page, by kind", () => {
    const soon = createTestEvent({ title: "Soon", startsAt: T0 + DAY, capacity: 1 });
    createTestEvent({ title: "Later seminar", kind: "seminar", startsAt: T0 + 2 * DAY });
    createTestEvent({ title: "Hidden draft", status: "draft" });
    createTestEvent({ title: "Gone", startsAt: T0 - 2 * DAY });
    const upcoming = listPublicEvents({ when: "upcoming", kind: null, page: 1 }, "Africa/Lagos");
    const titles = upcoming.cards.map((c) => c.title);
    expect(titles.indexOf("Soon")).toBeLessThan(titles.indexOf("Later seminar"));
    expect(titles).not.toContain("Hidden draft");
    expect(titles).not.toContain("Gone");
    expect(upcoming.cards.find((c) => c.slug === soon.slug)?.seats.text).toBe("1 seat left");
    expect(listPublicEvents({ when: "past", kind: null, page: 1 }, "Africa/Lagos").cards.map((c) => c.title)).toContain("Gone");
    expect(listPublicEvents({ when: "upcoming", kind: "seminar", page: 1 }, "Africa/Lagos").cards.map((c) => c.title)).toEqual(["Later seminar"]);
  });
});

describe("the event page", () => {
  it("shows the joining link only to people with a confirmed seat", async () => {
    const event = createTestEvent({ isOnline: true, venueName: "", venueAddress: "", joinUrl: "https://meet.example.org/x", capacity: 1 });
    const [seated, waiting] = [await createUser(), await createUser()];
    registerForEvent(seated.id, event.id, {});
    registerForEvent(waiting.id, event.id, {});
    expect(eventPageData(event, null).joinUrl).toBe("");
    expect(eventPageData(event, waiting.id)).toMatchObject({ joinUrl: "", mine: { status: "waitlisted", position: 1 } });
    expect(eventPageData(event, seated.id)).toMatchObject({ joinUrl: "https://meet.example.org/x", mine: { status: "confirmed" } });
    expect(eventPageData(event, null).jsonLd).not.toContain("meet.example.org");
  });

  it("keeps JSON-LD inside its script element whatever the title says", () => {
    const json = scriptSafeJson({ name: "</script><script>alert(1)</script> & more" });
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual({ name: "</script><script>alert(1)</script> & more" });
    const event = createTestEvent({ title: "Bad </script> title" });
    expect(eventPageData(event, null).jsonLd).not.toContain("</script>");
  });

  it("books once on a double submit, and shows the same registration", async () => {
    const event = createTestEvent();
    const person = await createUser();
    const { cookieHeader } = signIn(person.id);
    const send = () =>
      runRoute(() =>
        eventAction(routeArgs({ request: formRequest(`/events/${event.slug}`, { intent: "register" }, { cookie: cookieHeader }), params: { slug: event.slug }, context: loadContext() })),
      );
    const [first, second] = [await send(), await send()];
    const ticket = `/me/tickets/${registrationOf(event.id, person.id)!.id}`;
    expect([first.status, first.headers.get("location")]).toEqual([302, ticket]);
    expect([second.status, second.headers.get("location")]).toEqual([302, ticket]);
    expect(setCookies(second).join()).toContain(encodeURIComponent("already registered"));
    expect(registrationsOf(event.id)).toHaveLength(1);
  });

  it("answers a closed event with a 409 and the reason, never a 5xx", async () => {
    const event = createTestEvent({ status: "cancelled" });
    const { cookieHeader } = signIn((await createUser()).id);
    const result = await runRoute(() =>
      eventAction(routeArgs({ request: formRequest(`/events/${event.slug}`, { intent: "register" }, { cookie: cookieHeader }), params: { slug: event.slug }, context: loadContext() })),
    );
    expect(result.status).toBe(409);
    expect(JSON.stringify(result.data)).toContain("cancelled");
  });

  it("books a newcomer's seat and, like an existing address, answers 'check your email' with no session", async () => {
    const event = createTestEvent();
    const fields = { intent: "register", name: "New Person", email: "brand-new@example.org", password: "a long enough passphrase", birthDate: "1996-05-14", privacyNotice: "on", terms: "on" };
    const created = await runRoute(() => eventAction(routeArgs({ request: formRequest(`/events/${event.slug}`, fields), params: { slug: event.slug }, context: loadContext("198.51.100.20") })));
    expect(created).toMatchObject({ status: 200, data: { checkEmail: "brand-new@example.org" } });
    expect(setCookies(created).some((c) => c.startsWith("steppingstone_session="))).toBe(false);
    const again = await runRoute(() => eventAction(routeArgs({ request: formRequest(`/events/${event.slug}`, fields), params: { slug: event.slug }, context: loadContext("198.51.100.21") })));
    expect(again).toMatchObject({ status: 200, data: { checkEmail: "brand-new@example.org" } });
    expect(setCookies(again)).toEqual([]);
    expect(registrationsOf(event.id)).toHaveLength(1);
  });

  it("does not exist for drafts, except to organisers", async () => {
    const draft = createTestEvent({ status: "draft" });
    const anonymous = await runRoute(() => eventLoader(routeArgs({ request: getRequest(`/events/${draft.slug}`), params: { slug: draft.slug }, context: loadContext() })));
    expect(anonymous.status).toBe(404);
    const { cookieHeader } = signIn((await createUser({ roles: ["organiser"] })).id);
    const organiser = await runRoute(() => eventLoader(routeArgs({ request: getRequest(`/events/${draft.slug}`, { cookie: cookieHeader }), params: { slug: draft.slug }, context: loadContext() })));
    expect(organiser).toMatchObject({ status: 200, data: { canRegister: false, closedMessage: "Registration opens once the event is published." } });
  });
});

describe("tickets", () => {
  it("are shown to their owner only: anyone else gets a 404, and cannot cancel", async () => {
    const event = createTestEvent();
    const [owner, other] = [await createUser(), await createUser()];
    const booked = registerForEvent(owner.id, event.id, {});
    if (!booked.ok) throw new Error("not booked");
    const path = `/me/tickets/${booked.registrationId}`;
    const mine = await runRoute(() => ticketLoader(routeArgs({ request: getRequest(path, { cookie: signIn(owner.id).cookieHeader }), params: { id: booked.registrationId }, context: loadContext() })));
    expect(mine.status).toBe(200);
    // The QR code opens the door's check-in page for this ticket.
    const { checkInToken } = registrationOf(event.id, owner.id)!;
    expect(checkInUrl(event.id, checkInToken)).toBe(`http://localhost:3000/door/${event.id}/${checkInToken}`);
    expect((mine.data as { ticket: { qr: string } }).ticket.qr).toBe(await qrSvg(checkInUrl(event.id, checkInToken)));
    expect((mine.data as { ticket: { qr: string } }).ticket.qr).toMatch(/^<svg/);
    const theirs = { cookie: signIn(other.id).cookieHeader };
    expect((await runRoute(() => ticketLoader(routeArgs({ request: getRequest(path, theirs), params: { id: booked.registrationId }, context: loadContext() })))).status).toBe(404);
    const cancel = await runRoute(() => ticketAction(routeArgs({ request: formRequest(path, { intent: "cancel" }, theirs), params: { id: booked.registrationId }, context: loadContext() })));
    expect(cancel.status).toBe(404);
    expect(registrationOf(event.id, owner.id)?.status).toBe("confirmed");
  });
});

describe("my page", () => {
  it("lists my registrations, and gives my calendar a new address on request", async () => {
    const event = createTestEvent({ title: "On my page" });
    const person = await createUser();
    registerForEvent(person.id, event.id, {});
    const { cookieHeader } = signIn(person.id);
    const read = async () => (await runRoute(() => meLoader(routeArgs({ request: getRequest("/me", { cookie: cookieHeader }), params: {}, context: loadContext() })))).data as {
      events: { upcoming: { title: string; status: string }[] };
      feedUrl: string;
    };
    const before = await read();
    expect(before.events.upcoming).toEqual([expect.objectContaining({ title: "On my page", status: "confirmed" })]);
    expect(before.feedUrl).toMatch(/^http:\/\/localhost:3000\/calendar\/[a-z0-9]{32}\.ics$/);
    expect((await read()).feedUrl).toBe(before.feedUrl);
    const replaced = await runRoute(() =>
      meAction(routeArgs({ request: formRequest("/me", { intent: "new-calendar-address" }, { cookie: cookieHeader }), params: {}, context: loadContext() })),
    );
    expect(replaced.status).toBe(302);
    expect((await read()).feedUrl).not.toBe(before.feedUrl);
  });
});
