import { TZDate } from "@date-fns/tz";

type QuietHours = { timeZone: string; quietHoursStart: number; quietHoursEnd: number };

/**
 * When quiet hours are on at `now` (21:00 to 07:00 by default, in the organisation's time zone),
 * the instant they end; null outside them. A start equal to the end means no quiet hours.
 */
export function quietHoursEnd(now: number, settings: QuietHours): number | null {
  const { quietHoursStart: start, quietHoursEnd: end, timeZone } = settings;
  if (start === end) return null;
  const local = new TZDate(now, timeZone);
  const hour = local.getHours();
  const quiet = start > end ? hour >= start || hour < end : hour >= start && hour < end;
  if (!quiet) return null;
  const endsToday = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), end, 0, 0, timeZone);
  if (hour < end) return endsToday.getTime();
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, end, 0, 0, timeZone).getTime();
}

/**
 * A reminder or nudge to a phone waits for the morning, unless what it is about comes first:
 * an event at 06:30 still gets its reminder at 22:00. Returns when to send, or null for now.
 */
export function deferUntil(now: number, settings: QuietHours, aboutAt: number | null): number | null {
  const end = quietHoursEnd(now, settings);
  if (end === null) return null;
  if (aboutAt !== null && aboutAt <= end) return null;
  return end;
}
