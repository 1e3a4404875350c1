import { isoDate } from "~/utils/dates";

/** Whole years from a birth date (YYYY-MM-DD) to the calendar day `now` falls on in the time zone. */
export function ageOn(birthDate: string, now: number, timeZone: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = isoDate(now, timeZone).split("-").map(Number) as [number, number, number];
  const birthdayPassed = tm > bm || (tm === bm && td >= bd);
  return ty - by - (birthdayPassed ? 0 : 1);
}

/** Whether the birth date is after the calendar day `now` falls on in the time zone. */
export function isInFuture(birthDate: string, now: number, timeZone: string): boolean {
  return birthDate > isoDate(now, timeZone);
}
