import { DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { instantToLocalInput } from "~/utils/dates";
import { checkIn, createEvent, eventQuestionsOf, publishEvent, registerForEvent, saveFeedback } from "~/modules/events/index.server";
import { createEventSchema } from "~/modules/events";
import { DEMO_EVENTS, type DemoEvent } from "./events-data";
import { accepted, idOf, localInput, localInstant, type DemoContext } from "./timeline";

// Demo events for `npm start`, made the way organisers and the demo participant would have made
// them: the events created and published three weeks ago, the participant's bookings a few days
// later, their check-in at the door of the past workshop and their feedback the day after it.

const ORGANISER = "organiser@example.org";
const PARTICIPANT = "participant@example.org";

type Booking = { key: string; answers?: string[]; checkedIn?: boolean; feedback?: { rating: number; comment: string } };

const BOOKINGS: Booking[] = [
  { key: "resilience", answers: ["Customer service or sales", "no"] },
  { key: "cv-clinic", answers: ["Looking for my first job"] },
  { key: "interviews-online" },
  { key: "rejection-emails", checkedIn: true, feedback: { rating: 5, comment: "I finally understood that a template rejection says nothing about me." } },
];

function times(demo: DemoEvent, now: number, timeZone: string) {
  const startsAt = localInstant(now, demo.day, demo.time, timeZone);
  return { startsAt, endsAt: startsAt + demo.hours * HOUR };
}

/** The organisers' new-event form, filled in for a demo event. */
function eventForm(demo: DemoEvent, now: number, timeZone: string) {
  const { endsAt } = times(demo, now, timeZone);
  return createEventSchema.parse({
    kind: demo.kind,
    title: demo.title,
    summary: demo.summary,
    description: demo.description,
    startsAt: localInput(now, demo.day, demo.time, timeZone),
    endsAt: instantToLocalInput(endsAt, timeZone),
    format: demo.joinUrl ? "online" : "in_person",
    venueName: demo.venue?.name ?? "",
    venueAddress: demo.venue?.address ?? "",
    mapUrl: demo.venue?.mapUrl,
    joinUrl: demo.joinUrl,
    capacity: demo.capacity,
    waitlistEnabled: true,
    reminderHoursBefore: 24,
    offerHours: 24,
    questions: (demo.questions ?? []).map((q) => ({ label: q.label, kind: q.kind, options: (q.options ?? []).join("\n"), required: !!q.required })),
    repeat: demo.series ? "weekly" : "none",
    occurrences: demo.series?.weeks,
  });
}

export function planDemoEvents({ now, timeZone, timeline }: DemoContext) {
  const ids = new Map<string, string>();
  const eventId = (key: string) => ids.get(key)!;

  DEMO_EVENTS.forEach((demo, index) => {
    const offset = index * 10 * MINUTE;
    timeline.add(now - 20 * DAY + offset, () => {
      const created = accepted(createEvent({ actorId: idOf(ORGANISER), form: eventForm(demo, now, timeZone) }), `creating ${demo.title}`);
      ids.set(demo.key, created.eventId);
    });
    if (demo.status !== "published") return;
    timeline.add(now - 19 * DAY + offset, () => {
      accepted(publishEvent({ actorId: idOf(ORGANISER), eventId: eventId(demo.key), wholeSeries: !!demo.series }), `publishing ${demo.title}`);
    });
  });

  BOOKINGS.forEach((booking, index) => {
    const demo = DEMO_EVENTS.find((e) => e.key === booking.key)!;
    const { startsAt, endsAt } = times(demo, now, timeZone);
    let registrationId = "";
    timeline.add(now - 17 * DAY + index * HOUR, () => {
      const questions = eventQuestionsOf(eventId(booking.key));
      const answers = Object.fromEntries(questions.map((question, n) => [question.id, booking.answers?.[n]]));
      registrationId = accepted(registerForEvent(idOf(PARTICIPANT), eventId(booking.key), answers), `booking ${demo.title}`).registrationId;
    });
    if (booking.checkedIn) {
      timeline.add(startsAt + 10 * MINUTE, () => {
        accepted(checkIn({ eventId: eventId(booking.key), by: idOf(ORGANISER), registrationId }), `checking in at ${demo.title}`);
      });
    }
    const feedback = booking.feedback;
    if (feedback) timeline.add(endsAt + 20 * HOUR, () => saveFeedback(registrationId, feedback));
  });
}
