import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { events, registrationAnswers, users } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { countConfirmed } from "~/modules/events/booking/registrations.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { addQuestion, createTestEvent, emailsOf, registrationOf, registrationsOf } from "../support/event-factories";
import { createUser, uniqueEmail } from "../support/factories";
import { registerForEvent, signUpAndRegister, cancelRegistration, registeredPeople } from "~/modules/events/index.server";
import { answersSchema } from "~/modules/events";

const T0 = Date.UTC(2026, 10, 2, 9, 0);

beforeEach(() => {
  clock.set(T0);
  resetRateLimits();
});
afterAll(() => clock.set(null));

async function people(count: number) {
  const list = [];
  for (let i = 0; i < count; i++) list.push(await createUser({ name: `Person ${i + 1}` }));
  return list;
}

describe("booking a seat", () => {
  it("confirms while seats are free, then puts people on the waitlist in order", async () => {
    const event = createTestEvent({ capacity: 2 });
    const [a, b, c, d] = await people(4);
    const first = registerForEvent(a.id, event.id, {});
    expect(first).toMatchObject({ ok: true, status: "confirmed", position: null, already: false });
    expect(registerForEvent(b.id, event.id, {})).toMatchObject({ ok: true, status: "confirmed" });
    clock.set(T0 + 1000);
    expect(registerForEvent(c.id, event.id, {})).toMatchObject({ ok: true, status: "waitlisted", position: 1 });
    clock.set(T0 + 2000);
    expect(registerForEvent(d.id, event.id, {})).toMatchObject({ ok: true, status: "waitlisted", position: 2 });
    expect(countConfirmed(event.id)).toBe(2);
    expect(registeredPeople(event.id).map((p) => p.status)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);

    const confirmations = emailsOf("registration-confirmed");
    expect(confirmations.map((m) => m.recipient).sort()).toEqual([a.email, b.email].sort());
    const props = confirmations[0].props as { ics: string; url: string };
    expect(props.ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(props.url).toMatch(/\/me\/tickets\/[a-z0-9]+$/);
  });

  it("books once when the same form is sent twice: the second sees the first", async () => {
    const event = createTestEvent({ capacity: 5 });
    const [a] = await people(1);
    const first = registerForEvent(a.id, event.id, {});
    const second = registerForEvent(a.id, event.id, {});
    expect(second).toEqual({ ...first, already: true });
    expect(registrationsOf(event.id)).toHaveLength(1);
    expect(emailsOf("registration-confirmed", a.email)).toHaveLength(1);
  });

  it("says so clearly when the event is full and has no waitlist", async () => {
    const event = createTestEvent({ capacity: 1, waitlistEnabled: false });
    const [a, b] = await people(2);
    registerForEvent(a.id, event.id, {});
    expect(registerForEvent(b.id, event.id, {})).toMatchObject({ ok: false, code: "full", status: 409 });
    expect(registrationOf(event.id, b.id)).toBeUndefined();
  });

  it("refuses outside the window, for drafts, cancelled and started events", async () => {
    const [a] = await people(1);
    const cases = [
      [createTestEvent({ registrationOpensAt: T0 + DAY }), "not-open-yet", /Registration opens on/],
      [createTestEvent({ registrationClosesAt: T0 - HOUR }), "closed", /Registration closed on/],
      [createTestEvent({ status: "draft" }), "not-found", /could not find/],
      [createTestEvent({ status: "cancelled" }), "cancelled", /cancelled/],
      [createTestEvent({ startsAt: T0 - HOUR }), "started", /already started/],
    ] as const;
    for (const [event, reason, message] of cases) {
      const outcome = registerForEvent(a.id, event.id, {});
      expect(outcome, reason).toMatchObject({ ok: false, code: reason });
      if (!outcome.ok) expect(outcome.message).toMatch(message);
      expect(outcome.ok || outcome.status < 500).toBe(true);
    }
    expect(registerForEvent(a.id, createTestEvent({ registrationOpensAt: T0, registrationClosesAt: T0 + HOUR }).id, {}).ok).toBe(true);
  });

  it("reuses the row when someone registers again after cancelling, at the back of the queue", async () => {
    const event = createTestEvent({ capacity: 1 });
    const [a, b, c] = await people(3);
    const booked = registerForEvent(a.id, event.id, {});
    if (!booked.ok) throw new Error("not booked");
    registerForEvent(b.id, event.id, {});
    clock.set(T0 + 1000);
    registerForEvent(c.id, event.id, {});
    expect(cancelRegistration(a.id, booked.registrationId)).toMatchObject({ ok: true, status: "cancelled", offersMade: 1 });
    clock.set(T0 + 2000);
    const again = registerForEvent(a.id, event.id, {});
    expect(again).toMatchObject({ ok: true, status: "waitlisted", position: 2, registrationId: booked.registrationId });
    expect(registrationsOf(event.id)).toHaveLength(3);
    expect(registrationOf(event.id, a.id)?.shortCode).toMatch(/^[A-Z2-9]{6}$/);
  });

  it("keeps answers, and checks them against each question's kind", async () => {
    const event = createTestEvent();
    const where = addQuestion(event.id, { label: "Where do you live?", kind: "text", required: true });
    const level = addQuestion(event.id, { label: "Level", kind: "choice", options: ["New", "Some"], required: true });
    const lunch = addQuestion(event.id, { label: "Lunch?", kind: "yes_no" });
    const schema = answersSchema([where, level, lunch]);
    expect(schema.safeParse({}).success).toBe(false);
    expect(schema.safeParse(undefined).success).toBe(false);
    expect(schema.safeParse({ [where.id]: "Yaba", [level.id]: "Expert" }).success).toBe(false);
    expect(schema.safeParse({ [where.id]: "Yaba", [level.id]: "New", [lunch.id]: "maybe" }).success).toBe(false);
    const answers = schema.parse({ [where.id]: " Yaba ", [level.id]: "New", [lunch.id]: "yes" });
    const [a] = await people(1);
    const booked = registerForEvent(a.id, event.id, answers);
    if (!booked.ok) throw new Error("not booked");
    const saved = db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, booked.registrationId)).all();
    expect(saved.map((row) => row.value).sort()).toEqual(["New", "Yaba", "yes"]);
  });
});

// An adult's date of birth: participants give one at sign-up (ADR 0023).
const ADULT_BIRTH_DATE = "1996-05-14";

describe("signing up in the same form", () => {
  it("creates an unverified participant, sends the verification email and books", async () => {
    const event = createTestEvent();
    const email = uniqueEmail("newcomer");
    const result = await signUpAndRegister({ name: "Ngozi", email, password: "a long enough passphrase", answers: {}, birthDate: ADULT_BIRTH_DATE }, event.id, "198.51.100.1");
    expect(result).toMatchObject({ kind: "booked", outcome: { ok: true, status: "confirmed" } });
    const user = db.select().from(users).where(eq(users.email, email)).get()!;
    expect(user.emailVerifiedAt).toBeNull();
    expect(emailsOf("verify-email", email)).toHaveLength(1);
    expect(emailsOf("registration-confirmed", email)).toHaveLength(1);
  });

  it("books nothing for an address that has an account, and emails its owner a log-in link", async () => {
    const event = createTestEvent();
    const owner = await createUser({ name: "Owner" });
    const result = await signUpAndRegister(
      { name: "Impostor", email: owner.email.toUpperCase(), password: "a long enough passphrase", answers: {}, birthDate: ADULT_BIRTH_DATE },
      event.id,
      "198.51.100.2",
    );
    expect(result).toEqual({ ok: true, kind: "check-email", email: owner.email, guardianAsked: false });
    expect(registrationsOf(event.id)).toHaveLength(0);
    const [attempt] = emailsOf("registration-attempt", owner.email);
    expect((attempt.props as { url: string }).url).toBe(`http://localhost:3000/login?redirectTo=%2Fevents%2F${event.slug}`);
    expect(db.select().from(users).where(eq(users.name, "Impostor")).all()).toHaveLength(0);
  });

  it("refuses a closed event before creating any account, and applies limits that fit a venue", async () => {
    const closed = createTestEvent({ status: "cancelled" });
    const email = uniqueEmail("late");
    const result = await signUpAndRegister({ name: "Late", email, password: "a long enough passphrase", answers: {}, birthDate: ADULT_BIRTH_DATE }, closed.id, "198.51.100.3");
    expect(result).toMatchObject({ ok: false, code: "cancelled" });
    expect(db.select().from(users).where(eq(users.email, email)).get()).toBeUndefined();

    const open = createTestEvent({ capacity: 50 });
    const ip = "198.51.100.4";
    // A room of people on one Wi-Fi signs up together...
    for (let i = 0; i < 4; i++) {
      const booked = await signUpAndRegister({ name: `P${i}`, email: uniqueEmail("burst"), password: "a long enough passphrase", answers: {}, birthDate: ADULT_BIRTH_DATE }, open.id, ip);
      expect(booked).toMatchObject({ ok: true, kind: "booked" });
    }
    // ...but one address is not mailed over and over: the refusal is an answer the form shows, not an error page.
    const again = uniqueEmail("again");
    for (let i = 0; i < 3; i++) await signUpAndRegister({ name: "Again", email: again, password: "a long enough passphrase", answers: {}, birthDate: ADULT_BIRTH_DATE }, open.id, ip);
    const refused = await signUpAndRegister({ name: "Again", email: again, password: "a long enough passphrase", answers: {}, birthDate: ADULT_BIRTH_DATE }, open.id, ip);
    expect(refused).toMatchObject({ ok: false, status: 429 });
  });
});

describe("event rows", () => {
  it("are read through the shared schema", () => {
    expect(db.select().from(events).all().length).toBeGreaterThan(0);
  });
});
