import { BREACH_NOTIFY_HOURS, REQUEST_RESPONSE_DAYS } from "./reporting-schemas";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** When a request received at `receivedAt` must be answered by. */
export function requestDueAt(receivedAt: number): number {
  return receivedAt + REQUEST_RESPONSE_DAYS * DAY;
}

/** When the Commission must be told of a breach found at `foundAt`. */
export function breachNotifyBy(foundAt: number): number {
  return foundAt + BREACH_NOTIFY_HOURS * HOUR;
}

/** How a deadline stands at `now`: whole units left (rounded up), or by how many it was missed. */
export type Deadline = { overdue: boolean; left: number; over: number };

function standing(deadline: number, now: number, unit: number): Deadline {
  const ms = deadline - now;
  return ms >= 0 ? { overdue: false, left: Math.ceil(ms / unit), over: 0 } : { overdue: true, left: 0, over: Math.ceil(-ms / unit) };
}

/** Days left to answer a request, or days overdue. */
export function daysToDeadline(dueAt: number, now: number): Deadline {
  return standing(dueAt, now, DAY);
}

/** Hours left to tell the Commission of a breach, or hours overdue. */
export function hoursToDeadline(notifyBy: number, now: number): Deadline {
  return standing(notifyBy, now, HOUR);
}
