import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { mentoringSessions } from "~db/schema";
import { formatTime } from "~/utils/dates";
import { env } from "~/utils/env.server";
import { mentorshipPath } from "./mentorships.server";
import { FORMAT_LABELS } from "./options";
import { absoluteUrl } from "~/utils/urls.server";
import { calendarAttendee, calendarOrganizer, type CalendarPerson } from "~/modules/events/index.server";

export type SessionRow = typeof mentoringSessions.$inferSelect;

export const SESSION_CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

const MINUTE_MS = 60_000;

/** "Lagos time, GMT+1": the zone named the way people say it, with its offset at that instant. */
export function zoneLabel(timeZone: string, instant: number): string {
  const offset =
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "shortOffset" }).formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ??
    timeZone;
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const offsetText = offset === "GMT+0" ? "GMT" : offset;
  const city = timeZone.split("/").pop()!.replace(/_/g, " ");
  return `${city} time, ${offsetText}`;
}

const longDates = new Map<string, Intl.DateTimeFormat>();

function longDate(instant: number, timeZone: string): string {
  let format = longDates.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" });
    longDates.set(timeZone, format);
  }
  return format.format(instant);
}

/** "Thursday 3 December 2026, 2:30 pm to 3:30 pm (Lagos time, GMT+1)" in the reader's own zone. */
export function sessionWhen(session: Pick<SessionRow, "startsAt" | "durationMinutes">, timeZone: string): string {
  const end = session.startsAt + session.durationMinutes * MINUTE_MS;
  const zone = zoneLabel(timeZone, session.startsAt);
  return `${longDate(session.startsAt, timeZone)}, ${formatTime(session.startsAt, timeZone)} to ${formatTime(end, timeZone)} (${zone})`;
}

export function durationLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = hours === 1 ? "1 hour" : `${hours} hours`;
  return rest ? `${hourText} ${rest} minutes` : hourText;
}

/** The same UID in every file for one session, so calendar apps update or remove it instead of adding a copy. */
function sessionUid(sessionId: string): string {
  return `mentoring-session-${sessionId}@${new URL(env.APP_URL).hostname}`;
}

export function workspaceUrl(mentorshipId: string): string {
  return absoluteUrl(mentorshipPath(mentorshipId));
}

/**
 * One session as an .ics file. By email it is an invitation to both people: METHOD:REQUEST once
 * confirmed, METHOD:CANCEL with a higher SEQUENCE once cancelled, each with the same UID,
 * ORGANIZER and ATTENDEEs, which calendar apps take as "update" and "remove the event with this
 * UID". As a download it is published (no attendees), with its status as it stands.
 */
export function sessionIcs(session: SessionRow, pair: { mentor: CalendarPerson; mentee: CalendarPerson }, as: "invitation" | "download"): string {
  const cancelled = session.status === "cancelled";
  const invitation = as === "invitation";
  const method = !invitation ? ICalCalendarMethod.PUBLISH : cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({
    name: "Mentoring session",
    prodId: { company: "Steppingstone", product: "mentoring", language: "EN" },
    method,
  });
  const url = workspaceUrl(session.mentorshipId);
  calendar.createEvent({
    id: sessionUid(session.id),
    sequence: session.sequence,
    // Times go out in UTC (…Z): each calendar app shows them in its reader's own zone.
    start: new Date(session.startsAt),
    end: new Date(session.startsAt + session.durationMinutes * MINUTE_MS),
    stamp: new Date(session.updatedAt),
    lastModified: new Date(session.updatedAt),
    summary: `Mentoring: ${pair.mentor.name} and ${pair.mentee.name}`,
    description: [`${FORMAT_LABELS[session.format]}: ${session.location}`, session.agenda, url].filter(Boolean).join("\n\n"),
    location: session.location,
    url,
    organizer: calendarOrganizer(),
    attendees: invitation ? [calendarAttendee(pair.mentor), calendarAttendee(pair.mentee)] : [],
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
