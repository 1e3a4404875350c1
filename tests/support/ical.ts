import ICAL from "ical.js";

/** What our calendar files say, read back with a real iCalendar parser (ical.js). */
export type CalendarAddress = { email: string; name: string | null };
export type CalendarAttendee = CalendarAddress & { partstat: string | null; rsvp: string | null; role: string | null };
export type CalendarEntry = {
  uid: string;
  sequence: number | null;
  status: string | null;
  summary: string;
  description: string;
  location: string;
  url: string | null;
  /** Instants in milliseconds. */
  start: number;
  end: number;
  stamp: number;
  /** Both times written in UTC (…Z). */
  utc: boolean;
  organizer: CalendarAddress | null;
  attendees: CalendarAttendee[];
};
export type ParsedCalendar = { version: string; method: string | null; events: CalendarEntry[] };

function text(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? "" : String(value);
}

function param(property: ICAL.Property, name: string): string | null {
  const value = property.getParameter(name);
  return value === undefined || value === null ? null : String(value);
}

function address(property: ICAL.Property): CalendarAddress {
  return { email: String(property.getFirstValue()).replace(/^mailto:/i, ""), name: param(property, "cn") };
}

function time(component: ICAL.Component, name: string): ICAL.Time {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name.toUpperCase()} is missing or not a date-time`);
  return value;
}

function entry(vevent: ICAL.Component): CalendarEntry {
  const start = time(vevent, "dtstart");
  const end = time(vevent, "dtend");
  const organizer = vevent.getFirstProperty("organizer");
  const sequence = vevent.getFirstPropertyValue("sequence");
  return {
    uid: text(vevent, "uid"),
    sequence: typeof sequence === "number" ? sequence : null,
    status: vevent.getFirstPropertyValue("status") === null ? null : text(vevent, "status"),
    summary: text(vevent, "summary"),
    description: text(vevent, "description"),
    location: text(vevent, "location"),
    url: vevent.getFirstPropertyValue("url") === null ? null : text(vevent, "url"),
    start: start.toJSDate().getTime(),
    end: end.toJSDate().getTime(),
    stamp: time(vevent, "dtstamp").toJSDate().getTime(),
    utc: start.zone === ICAL.Timezone.utcTimezone && end.zone === ICAL.Timezone.utcTimezone,
    organizer: organizer ? address(organizer) : null,
    attendees: vevent.getAllProperties("attendee").map((attendee) => ({
      ...address(attendee),
      partstat: param(attendee, "partstat"),
      rsvp: param(attendee, "rsvp"),
      role: param(attendee, "role"),
    })),
  };
}

/** Parses one calendar file; throws on anything that is not a well-formed VCALENDAR. */
export function parseCalendar(ics: string): ParsedCalendar {
  // ical.js also reads bare LF; RFC 5545 lines end in CRLF, and some calendar apps insist.
  if (/(^|[^\r])\n/.test(ics)) throw new Error("iCalendar lines must end with CRLF");
  const root = new ICAL.Component(ICAL.parse(ics));
  if (root.name !== "vcalendar") throw new Error(`Expected a VCALENDAR, got ${root.name}`);
  const method = root.getFirstPropertyValue("method");
  return {
    version: text(root, "version"),
    method: method === null ? null : String(method),
    events: root.getAllSubcomponents("vevent").map(entry),
  };
}

/** The calendar and its one event (a file for a single event or session). */
export function parseSingleEvent(ics: string): ParsedCalendar & { event: CalendarEntry } {
  const calendar = parseCalendar(ics);
  if (calendar.events.length !== 1) throw new Error(`Expected one VEVENT, got ${calendar.events.length}`);
  return { ...calendar, event: calendar.events[0] };
}

/** A message as the SMTP sink recorded it: its text/calendar parts and its attached files. */
export type MessageWithCalendar = {
  calendars?: { contentType: string; method: string | null; content: string }[];
  attachments?: { filename: string; contentType: string; content: string }[];
};

/**
 * A message's calendar as mail apps read it: exactly one text/calendar part, whose Content-Type
 * names the METHOD the file itself carries, and the same calendar attached as `filename`.
 */
export function calendarInMessage(message: MessageWithCalendar, filename: string): ReturnType<typeof parseSingleEvent> {
  const parts = message.calendars ?? [];
  if (parts.length !== 1) throw new Error(`Expected one text/calendar part, got ${parts.length}`);
  const calendar = parseSingleEvent(parts[0].content);
  if (parts[0].method !== calendar.method) throw new Error(`The Content-Type says method=${parts[0].method}, the file says METHOD:${calendar.method}`);
  const files = (message.attachments ?? []).filter((file) => file.filename === filename);
  if (files.length !== 1) throw new Error(`Expected one attached ${filename}, got ${files.length}`);
  if (JSON.stringify(parseSingleEvent(files[0].content)) !== JSON.stringify(calendar)) throw new Error(`The attached ${filename} differs from the calendar part`);
  return calendar;
}
