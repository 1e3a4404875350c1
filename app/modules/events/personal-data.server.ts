import { asc, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { calendarFeeds, eventFeedback, eventQuestions, events, registrationAnswers, registrations } from "~db/schema";
import { instantFor, type DataSubject, type PersonalDataSection } from "~/utils/personal-data";
import { doorAssignmentsOfPerson } from "./door-team.server";
import { doorInvitationsTo } from "./door-invitations.server";

/** The person's bookings with what they answered, whether they came, their feedback and their calendar feed. */
export function personalDataInEvents(subject: DataSubject): PersonalDataSection {
  const at = (instant: number | null) => instantFor(subject, instant);
  const booked = db
    .select({ registration: registrations, event: { title: events.title, startsAt: events.startsAt } })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.userId, subject.userId))
    .orderBy(asc(events.startsAt))
    .all();
  const answers = db
    .select({ event: events.title, question: eventQuestions.label, answer: registrationAnswers.value })
    .from(registrationAnswers)
    .innerJoin(registrations, eq(registrations.id, registrationAnswers.registrationId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(eventQuestions, eq(eventQuestions.id, registrationAnswers.questionId))
    .where(eq(registrations.userId, subject.userId))
    .orderBy(asc(events.startsAt), asc(eventQuestions.position))
    .all();
  const feedback = db
    .select({ event: events.title, rating: eventFeedback.rating, comment: eventFeedback.comment, at: eventFeedback.createdAt })
    .from(eventFeedback)
    .innerJoin(registrations, eq(registrations.id, eventFeedback.registrationId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.userId, subject.userId))
    .all();
  const feed = db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, subject.userId)).get();
  return {
    area: "events",
    title: "Events",
    description: "The workshops and seminars you booked, what you answered when booking, whether you were checked in, and your feedback.",
    tables: [
      {
        name: "bookings",
        title: "Bookings",
        sources: ["registrations"],
        rows: booked.map(({ registration, event }) => ({
          event: event.title,
          eventStartsAt: at(event.startsAt),
          status: registration.status,
          bookedAt: at(registration.createdAt),
          confirmedAt: at(registration.confirmedAt),
          waitlistedAt: at(registration.waitlistedAt),
          cancelledAt: at(registration.cancelledAt),
          ticketCode: registration.shortCode,
          checkedInAt: at(registration.checkedInAt),
        })),
      },
      { name: "booking-answers", title: "Your answers when booking", sources: ["registration_answers"], rows: answers },
      {
        name: "event-feedback",
        title: "Your feedback",
        sources: ["event_feedback"],
        rows: feedback.map((row) => ({ event: row.event, rating: row.rating, comment: row.comment, givenAt: at(row.at) })),
      },
      {
        name: "calendar-feed",
        title: "Your calendar feed",
        sources: ["calendar_feeds"],
        rows: feed ? [{ createdAt: at(feed.createdAt) }] : [],
      },
      {
        name: "door-team",
        title: "Events where you check people in",
        sources: ["door_assignments"],
        rows: doorAssignmentsOfPerson(subject.userId).map((row) => ({ event: row.event ?? "Every event", since: at(row.grantedAt) })),
      },
      {
        name: "door-team-invitations",
        title: "Invitations to check people in",
        sources: ["door_invitations"],
        rows: doorInvitationsTo(subject.email).map((row) => ({ event: row.event ?? "Every event", sentTo: row.email, sentAt: at(row.sentAt), expiresAt: at(row.expiresAt), acceptedAt: at(row.acceptedAt) })),
      },
    ],
    notes: ["Your ticket's QR code, your calendar feed's address and the links in invitations are keys, not information about you: they are not in this download."],
  };
}
