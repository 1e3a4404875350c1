import { like } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { users } from "~db/schema";
import { DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { slugify } from "~/utils/slug";
import { LARGE_TITLES, LARGE_VENUES, STAGES } from "./events-data";
import { idOf, localInstant } from "./timeline";

// The benchmark's events: 400, one a day from 200 days ago, and 30,000 registrations over the
// 5,000 large-set participants; times `scale`, spread over at most two years (half of it past). Written with prepared statements in one transaction so it takes
// about a second, with the times the areas would have written: published before anyone books,
// booked before the start, checked in during the event, feedback after it.

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
    event: client.prepare(
      `insert into events (id, slug, kind, title, summary, description, starts_at, ends_at, is_online, venue_name, venue_address, map_url, join_url,
        capacity, waitlist_enabled, reminder_hours_before, status, created_by, created_at, updated_at, published_at)
       values (@id, @slug, @kind, @title, @summary, @description, @startsAt, @endsAt, @isOnline, @venueName, @venueAddress, @mapUrl, @joinUrl,
        @capacity, 1, 24, @status, @createdBy, @createdAt, @createdAt, @publishedAt)`,
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

/** Seeds the benchmark events once the large set's participants exist. */
export function seedLargeEvents(db: Db, { now, timeZone, scale = 1 }: { now: number; timeZone: string; scale?: number }) {
  const organiserId = idOf("organiser@example.org");
  const demoParticipantId = idOf("participant@example.org");
  const s = statements(db);
  db.transaction(
    (tx) => {
      const participantIds = tx
        .select({ id: users.id })
        .from(users)
        .where(like(users.email, "participant%@example.org"))
        .all()
        .map((row) => row.id)
        .filter((id) => id !== demoParticipantId);
      if (!participantIds.length) return;
      const random = generator(2026);
      const EVENTS = Math.round(400 * scale);
      const REGISTRATIONS = 30_000 * scale;
      const SPAN_DAYS = Math.min(EVENTS, 730);
      let cursor = 0;
      for (let n = 0; n < EVENTS; n++) {
        const [kind, title] = LARGE_TITLES[n % LARGE_TITLES.length];
        const venue = LARGE_VENUES[n % LARGE_VENUES.length];
        const online = n % 7 === 0;
        const draft = n % 40 === 39;
        const startsAt = localInstant(now, Math.floor((n * SPAN_DAYS) / EVENTS) - SPAN_DAYS / 2, n % 2 ? "10:00" : "15:00", timeZone);
        const endsAt = startsAt + 2 * HOUR;
        // Announced four weeks ahead, or four weeks ago for the events further off than that.
        const publishedAt = Math.min(startsAt, now) - 29 * DAY;
        const id = randomId(12);
        const capacity = 40 + Math.floor(random() * 60);
        const withQuestion = n % 2 === 0;
        s.event.run({
          id,
          slug: `${slugify(title, "event")}-${n + 1}`,
          kind,
          title: `${title} #${n + 1}`,
          summary: `${title}, session ${n + 1}, for young people looking for work.`,
          description: `${title} for job seekers in Lagos.\n\n- practical exercises\n- time for questions`,
          startsAt,
          endsAt,
          isOnline: online ? 1 : 0,
          venueName: online ? "" : venue.name,
          venueAddress: online ? "" : venue.address,
          mapUrl: online ? "" : venue.mapUrl,
          joinUrl: online ? `https://meet.example.org/session-${n + 1}` : "",
          capacity,
          status: draft ? "draft" : "published",
          createdBy: organiserId,
          createdAt: publishedAt - DAY,
          publishedAt: draft ? null : publishedAt,
        });
        if (withQuestion) s.question.run(`${id}-q0`, id, 0, "Which stage are you at?", "choice", JSON.stringify(STAGES), 0);
        if (draft) continue;
        // 75 registrations per event on average, spread from an hour after publication to an hour
        // before the start (or now); the busiest have a waitlist.
        const count = Math.min(participantIds.length, Math.round((REGISTRATIONS / EVENTS) * (0.6 + random() * 0.8)));
        const opens = publishedAt + HOUR;
        const spacing = (Math.min(startsAt, now) - HOUR - opens) / (count + 1);
        const over = endsAt + HOUR < now;
        const codes = new Set<string>();
        for (let r = 0; r < count; r++) {
          const userId = participantIds[(cursor + r) % participantIds.length];
          const registrationId = randomId(16);
          const createdAt = Math.round(opens + (r + 1) * spacing);
          const confirmed = r < capacity;
          const checkedIn = over && confirmed && random() < 0.7;
          s.registration.run({
            id: registrationId,
            eventId: id,
            userId,
            status: confirmed ? "confirmed" : "waitlisted",
            waitlistedAt: confirmed ? null : createdAt,
            token: randomId(20),
            code: shortCode(random, codes),
            checkedInAt: checkedIn ? startsAt + Math.floor(random() * 30) * MINUTE : null,
            createdAt,
            confirmedAt: confirmed ? createdAt : null,
          });
          if (withQuestion) s.answer.run(registrationId, `${id}-q0`, STAGES[r % STAGES.length]);
          if (checkedIn && random() < 0.3) {
            s.feedback.run(registrationId, 3 + Math.floor(random() * 3), r % 3 ? "" : "Useful and friendly, thank you.", endsAt + HOUR);
          }
        }
        cursor += count;
      }
    },
    { behavior: "immediate" },
  );
}
