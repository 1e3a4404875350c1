import { toCsv } from "~/utils/csv.server";
import { isoDateTime } from "~/utils/dates";
import { REGISTRATION_STATUS_LABELS } from "../publishing/schemas";
import { answerLabel } from "../booking/schemas";
import { db } from "~db/client.server";
import { eventQuestionsOf, type EventQuestion } from "../publishing/events.server";
import { registrationsWithAnswers, type RegistrationListing } from "../publishing/organiser-lists.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";

function answerText(question: EventQuestion, value: string | undefined): string {
  return value === undefined ? "" : answerLabel(question.kind, value);
}

/**
 * The attendee list as CSV: one row per registration still open (seats, offers, then the
 * waitlist in order), with every answer in its own column. Starts with a byte-order mark so
 * spreadsheet apps read names with accents correctly.
 */
export function attendeesCsv({ questions, people, timeZone }: { questions: readonly EventQuestion[]; people: RegistrationListing[]; timeZone: string }): string {
  const header = ["Name", "Email", "Status", "Waitlist position", "Registered", "Checked in", "Ticket code", ...questions.map((q) => q.label)];
  let position = 0;
  const rows = people.map((person) => {
    if (person.status === "waitlisted") position += 1;
    return [
      person.name,
      person.email,
      REGISTRATION_STATUS_LABELS[person.status],
      person.status === "waitlisted" ? String(position) : "",
      isoDateTime(person.createdAt, timeZone),
      person.checkedInAt ? isoDateTime(person.checkedInAt, timeZone) : "",
      person.shortCode,
      ...questions.map((question) => answerText(question, person.answers[question.id])),
    ];
  });
  return toCsv([header, ...rows]);
}

/** A file name made only of safe characters, so the header needs no encoding. */
export function attendeesFileName(slug: string): string {
  return `attendees-${slug.replace(/[^a-z0-9-]/g, "") || "event"}.csv`;
}

/** The event's attendee list as CSV for an organiser; the export of people's data is audited. */
export function attendeesExport({ eventId, actorId }: { eventId: string; actorId: string }): string {
  const people = registrationsWithAnswers(eventId);
  recordAudit(db, { actorId, action: "event.attendees_exported", targetType: "event", targetId: eventId, details: { rows: people.length } });
  return attendeesCsv({ questions: eventQuestionsOf(eventId), people, timeZone: getOrganisation().timeZone });
}
