import { z } from "zod";

const METHODS = ["PUBLISH", "REQUEST", "CANCEL"] as const;

/** The iTIP method of a calendar sent by email (RFC 5546): publish, invite, or call off. */
export type CalendarMethod = (typeof METHODS)[number];

/** A calendar sent with a message, as mail apps expect an invitation: its method goes in the Content-Type. */
export type EmailCalendar = { method: CalendarMethod; filename: string; content: string };

function methodOf(ics: string): string {
  return ics.match(/^METHOD:(.*?)\r?$/m)?.[1]?.trim().toUpperCase() ?? "PUBLISH";
}

/** An iCalendar file in a message's props, whose METHOD is one a message may carry. */
export const icsSchema = z
  .string()
  .startsWith("BEGIN:VCALENDAR")
  .refine((ics) => (METHODS as readonly string[]).includes(methodOf(ics)), "has a METHOD a message cannot carry");

/**
 * The calendar part of a message, its method read from the file itself, so the Content-Type's
 * `method=` always says what the file says (older stored messages included).
 */
export function calendarPart(filename: string, ics: string): EmailCalendar {
  return { method: methodOf(ics) as CalendarMethod, filename, content: ics };
}
