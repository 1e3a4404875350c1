import type { Tx, Db } from "~db/client.server";
import { like } from "drizzle-orm";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { instantToLocalInput, localInputToInstant } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { slugify } from "~/utils/slug";
import { users } from "~db/schema";
import { DEMO_EVENTS, LARGE_TITLES, LARGE_VENUES, STAGES } from "./events-data";
import { findUserByEmail } from "~/modules/auth/index.server";
import { rescheduleEventJobs } from "~/modules/events/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

// Demo events for `npm start`: a handful of upcoming and past events of the fictional
// organisation, with registrations for the demo participant; with `large`, the benchmark set
// (400 events, 30,000 registrations over the 5,000 large-set participants), written with
// prepared statements in one transaction so it takes about a second.


const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A small seeded generator, so the large data set is the same on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function statements(db: Db) {
  const client = db.$client;
  return {
    series: client.prepare("insert into event_series (id, interval_days, occurrences, created_at) values (?, ?, ?, ?)"),
    event: client.prepare(
      `insert into events (id, slug, kind, title, summary, description, starts_at, ends_at, is_online, venue_name, venue_address, map_url, join_url,
        capacity, waitlist_enabled, reminder_hours_before, status, series_id, series_position, created_by, created_at, updated_at, published_at)
       values (@id, @slug, @kind, @title, @summary, @description, @startsAt, @endsAt, @isOnline, @venueName, @venueAddress, @mapUrl, @joinUrl,
        @capacity, 1, 24, @status, @seriesId, @seriesPosition, @createdBy, @createdAt, @createdAt, @publishedAt)`,
    ),
    question: client.prepare("insert into event_questions (id, event_id, position, label, kind, options, required) values (?, ?, ?, ?, ?, ?, ?)"),
    registration: client.prepare(
      `insert into registrations (id, event_id, user_id, status, waitlisted_at, check_in_token, short_code, checked_in_at, created_at, updated_at, confirmed_at)
       values (@id, @eventId, @userId, @status, @waitlistedAt, @token, @code, @checkedInAt, @createdAt, @createdAt, @confirmedAt)`,
    ),
    answer: client.prepare("insert into registration_answers (registration_id, question_id, value) values (?, ?, ?)"),
    feedback: client.prepare("insert into event_feedback (registration_id, rating, comment, created_at) values (?, ?, ?, ?)"),
  };
}

type Statements = ReturnType<typeof statements>;

function shortCode(random: () => number, taken: Set<string>): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < 6; i++) code += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)];
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/** A local date and time `days` from today in the organisation's zone, as a UTC instant. */
function localInstant(now: number, days: number, time: string, timeZone: string): number {
  const date = instantToLocalInput(now + days * DAY, timeZone).slice(0, 10);
  return localInputToInstant(`${date}T${time}`, timeZone)!;
}

function seedDemoEvents(tx: Tx, s: Statements, ctx: { now: number; timeZone: string; organiserId: string | null; participantId: string | null }) {
  const { now, timeZone, organiserId, participantId } = ctx;
  const random = generator(7);
  const ids: Record<string, string> = {};
  for (const demo of DEMO_EVENTS) {
    const sessions = demo.series?.weeks ?? 1;
    const seriesId = demo.series ? randomId(12) : null;
    if (seriesId) s.series.run(seriesId, 7, sessions, now);
    for (let position = 1; position <= sessions; position++) {
      const startsAt = localInstant(now, demo.day + (position - 1) * 7, demo.time, timeZone);
      const id = randomId(12);
      if (position === 1) ids[demo.key] = id;
      const slugBase = slugify(demo.title, "event");
      s.event.run({
        id,
        slug: seriesId ? `${slugBase}-${instantToLocalInput(startsAt, timeZone).slice(0, 10)}` : slugBase,
        kind: demo.kind,
        title: demo.title,
        summary: demo.summary,
        description: demo.description,
        startsAt,
        endsAt: startsAt + demo.hours * HOUR,
        isOnline: demo.joinUrl ? 1 : 0,
        venueName: demo.venue?.name ?? "",
        venueAddress: demo.venue?.address ?? "",
        mapUrl: demo.venue?.mapUrl ?? "",
        joinUrl: demo.joinUrl ?? "",
        capacity: demo.capacity,
        status: demo.status,
        seriesId,
        seriesPosition: seriesId ? position : null,
        createdBy: organiserId,
        createdAt: now - 20 * DAY,
        publishedAt: demo.status === "published" ? now - 19 * DAY : null,
      });
      (demo.questions ?? []).forEach((q, index) => {
        s.question.run(`${id}-q${index}`, id, index, q.label, q.kind, JSON.stringify(q.options ?? []), q.required ? 1 : 0);
      });
      // Reminders and the feedback request, as publishing through the console would schedule them.
      if (demo.status === "published" && startsAt > now) rescheduleEventJobs(tx, id);
    }
  }
  if (!participantId) return;
  const register = (key: string, options: { checkedIn?: boolean; answers?: string[]; feedback?: [number, string] } = {}) => {
    const id = randomId(16);
    const createdAt = now - 10 * DAY;
    s.registration.run({
      id,
      eventId: ids[key],
      userId: participantId,
      status: "confirmed",
      waitlistedAt: null,
      token: randomId(20),
      code: shortCode(random, new Set()),
      checkedInAt: options.checkedIn ? now - 14 * DAY + 5 * 60_000 : null,
      createdAt,
      confirmedAt: createdAt,
    });
    (options.answers ?? []).forEach((value, index) => s.answer.run(id, `${ids[key]}-q${index}`, value));
    if (options.feedback) s.feedback.run(id, options.feedback[0], options.feedback[1], now - 13 * DAY);
  };
  register("resilience", { answers: ["Customer service or sales", "no"] });
  register("cv-clinic", { answers: ["Looking for my first job"] });
  register("interviews-online");
  register("rejection-emails", { checkedIn: true, feedback: [5, "I finally understood that a template rejection says nothing about me."] });
}

/** 400 events, one a day from 200 days ago, and 30,000 registrations spread over the large-set participants. */
function seedLargeEvents(s: Statements, ctx: { now: number; timeZone: string; organiserId: string | null; participantIds: string[] }) {
  const { now, timeZone, organiserId, participantIds } = ctx;
  if (!participantIds.length) return;
  const random = generator(2026);
  const EVENTS = 400;
  const REGISTRATIONS = 30_000;
  let cursor = 0;
  for (let n = 0; n < EVENTS; n++) {
    const [kind, title] = LARGE_TITLES[n % LARGE_TITLES.length];
    const venue = LARGE_VENUES[n % LARGE_VENUES.length];
    const online = n % 7 === 0;
    const startsAt = localInstant(now, n - 200, n % 2 ? "10:00" : "15:00", timeZone);
    const id = randomId(12);
    const capacity = 40 + Math.floor(random() * 60);
    const withQuestion = n % 2 === 0;
    s.event.run({
      id,
      slug: `${title.toLowerCase().replace(/ /g, "-")}-${n + 1}`,
      kind,
      title: `${title} #${n + 1}`,
      summary: `${title}, session ${n + 1}, for young people looking for work.`,
      description: `${title} for job seekers in Lagos.\n\n- practical exercises\n- time for questions`,
      startsAt,
      endsAt: startsAt + 2 * HOUR,
      isOnline: online ? 1 : 0,
      venueName: online ? "" : venue.name,
      venueAddress: online ? "" : venue.address,
      mapUrl: online ? "" : venue.mapUrl,
      joinUrl: online ? `https://meet.example.org/session-${n + 1}` : "",
      capacity,
      status: n % 40 === 39 ? "draft" : "published",
      seriesId: null,
      seriesPosition: null,
      createdBy: organiserId,
      createdAt: startsAt - 30 * DAY,
      publishedAt: n % 40 === 39 ? null : startsAt - 29 * DAY,
    });
    if (withQuestion) s.question.run(`${id}-q0`, id, 0, "Which stage are you at?", "choice", JSON.stringify(STAGES), 0);
    if (n % 40 === 39) continue;
    // 75 registrations per event on average; the busiest have a waitlist.
    const count = Math.min(participantIds.length, Math.round((REGISTRATIONS / EVENTS) * (0.6 + random() * 0.8)));
    const past = startsAt + 2 * HOUR < now;
    const codes = new Set<string>();
    for (let r = 0; r < count; r++) {
      const userId = participantIds[(cursor + r) % participantIds.length];
      const registrationId = randomId(16);
      const createdAt = Math.min(startsAt - 20 * DAY + r * 60_000, now - (count - r) * 60_000);
      const confirmed = r < capacity;
      const checkedIn = past && confirmed && random() < 0.7;
      s.registration.run({
        id: registrationId,
        eventId: id,
        userId,
        status: confirmed ? "confirmed" : "waitlisted",
        waitlistedAt: confirmed ? null : createdAt,
        token: randomId(20),
        code: shortCode(random, codes),
        checkedInAt: checkedIn ? startsAt + Math.floor(random() * 30) * 60_000 : null,
        createdAt,
        confirmedAt: confirmed ? createdAt : null,
      });
      if (withQuestion) s.answer.run(registrationId, `${id}-q0`, STAGES[r % STAGES.length]);
      if (checkedIn && random() < 0.3) {
        s.feedback.run(registrationId, 3 + Math.floor(random() * 3), r % 3 ? "" : "Useful and friendly, thank you.", startsAt + 3 * HOUR);
      }
    }
    cursor += count;
  }
}

/** Seeds the demo events (and with `large` the benchmark set) once the demo accounts exist. */
export function seedEvents(db: Db, options: { large?: boolean } = {}) {
  const now = clock.now();
  const { timeZone } = getOrganisation();
  const organiserId = findUserByEmail("organiser@example.org")?.id ?? null;
  const participantId = findUserByEmail("participant@example.org")?.id ?? null;
  const s = statements(db);
  db.transaction(
    (tx) => {
      seedDemoEvents(tx, s, { now, timeZone, organiserId, participantId });
      if (options.large) {
        const participantIds = tx
          .select({ id: users.id })
          .from(users)
          .where(like(users.email, "participant%@example.org"))
          .all()
          .map((row) => row.id)
          .filter((id) => id !== participantId);
        seedLargeEvents(s, { now, timeZone, organiserId, participantIds });
      }
    },
    { behavior: "immediate" },
  );
}
