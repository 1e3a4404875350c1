import { TZDate } from "@date-fns/tz";
import type { ReleaseSchedule } from "~db/schema";

// Release times are wall-clock times in the organisation's time zone ("9 am in Lagos"), so a
// step opens at the same local hour on either side of a daylight-saving change.

export type { ReleaseSchedule };

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date typed as YYYY-MM-DD; null when it is not a real date. */
function parseLocalDate(value: string): { year: number; month: number; day: number } | null {
  const match = LOCAL_DATE.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isLocalDate(value: string): boolean {
  return parseLocalDate(value) !== null;
}

/** The instant of `hour`:00 on `date` plus `addDays` calendar days, in `timeZone`. */
export function localDateTime(date: string, addDays: number, hour: number, timeZone: string): number {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new Error(`Not a date: ${date}`);
  return new TZDate(parsed.year, parsed.month - 1, parsed.day + addDays, hour, 0, 0, timeZone).getTime();
}

/** Day of the week of a calendar date (0 = Sunday); the same everywhere on Earth. */
function weekdayOf(date: string): number {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new Error(`Not a date: ${date}`);
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
}

/** The local calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): string {
  const date = new TZDate(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * When each of `stepCount` steps opens, in order: an instant, or null for a step the schedule
 * gives no date (a date-per-step schedule with a blank).
 */
export function releaseTimes(schedule: ReleaseSchedule, startDate: string, stepCount: number, timeZone: string): (number | null)[] {
  const times: (number | null)[] = [];
  for (let index = 0; index < stepCount; index++) {
    switch (schedule.kind) {
      case "interval":
        times.push(localDateTime(startDate, index * schedule.everyDays, schedule.hour, timeZone));
        break;
      case "weekly": {
        const first = (schedule.weekday - weekdayOf(startDate) + 7) % 7;
        times.push(localDateTime(startDate, first + index * 7, schedule.hour, timeZone));
        break;
      }
      case "dates": {
        const date = schedule.dates[index];
        times.push(date && isLocalDate(date) ? localDateTime(date, 0, schedule.hour, timeZone) : null);
        break;
      }
    }
  }
  return times;
}

/** "9 am", "12 noon", "6 pm": how organisers and participants read an hour. */
export function hourLabel(hour: number): string {
  if (hour === 0) return "12 midnight";
  if (hour === 12) return "12 noon";
  return hour < 12 ? `${hour} am` : `${hour - 12} pm`;
}

/** One line describing the schedule, for summaries. */
export function describeSchedule(schedule: ReleaseSchedule): string {
  switch (schedule.kind) {
    case "interval":
      return schedule.everyDays === 1
        ? `A step every day at ${hourLabel(schedule.hour)}`
        : `A step every ${schedule.everyDays} days at ${hourLabel(schedule.hour)}`;
    case "weekly":
      return `A step every ${WEEKDAYS[schedule.weekday]} at ${hourLabel(schedule.hour)}`;
    case "dates":
      return `Steps open on chosen dates at ${hourLabel(schedule.hour)}`;
  }
}
