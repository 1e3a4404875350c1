import { db } from "~db/client.server";
import { clock, MINUTE } from "./clock.server";

// Pages read the version many times over (each kept figure, the organisation's settings, the
// validator). This connection's own writes are counted at every read (`total_changes()`, a
// fraction of a microsecond). Other connections' commits (`PRAGMA data_version`, ten times
// dearer) are looked at once per turn of the event loop: a commit by a script or a second process
// is seen at the next turn, as if it had come a moment later.
let othersThisTurn: number | null = null;
const nextTurn = () => {
  othersThisTurn = null;
};

/**
 * The database's version: this connection's own changes and other connections' commits (a
 * script, a backup, a second process). Any write anywhere changes it (ADR 0042).
 */
export function databaseVersion(): string {
  if (othersThisTurn === null) {
    othersThisTurn = (db.$client.prepare("pragma data_version").get() as { data_version: number }).data_version;
    setImmediate(nextTurn);
  }
  const { own } = db.$client.prepare("select total_changes() as own").get() as { own: number };
  return `${othersThisTurn}.${own}`;
}

// Figures, and the sessions of people reading pages between two writes.
const MAX_ENTRIES = 500;
const kept = new Map<string, { version: string; value: unknown }>();

/** Frozen all the way down: a kept figure is shared by every reader, so nobody may change it. */
function deepFreeze<T>(value: T): T {
  // Byte arrays cannot be frozen (their bytes stay writable whatever one does); they are left as they are.
  if (value && typeof value === "object" && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * A figure computed from the whole database (a year's charts, a funnel, an impact report's
 * counts), or a row every request reads (the organisation's settings, an event being booked),
 * kept until anything is written or the minute turns: many readers of an unchanged period pay
 * for it once. Every reader gets the same frozen value (copying it for each cost more
 * than reading it); a reader that wants to change it copies it first. `keepIf` leaves out values
 * not worth a place (a row looked up by an address anyone can type, when there is none).
 */
export function whileUnchanged<T>(key: string, compute: () => T, keepIf: (value: T) => boolean = () => true): T {
  const data = databaseVersion();
  const version = `${data}.${Math.floor(clock.now() / MINUTE)}`;
  const hit = kept.get(key);
  if (hit?.version === version) return hit.value as T;
  const value = deepFreeze(compute());
  kept.delete(key);
  // Kept only when nothing was written meanwhile: the figure is then exactly that version's.
  if (databaseVersion() === data && keepIf(value)) {
    if (kept.size >= MAX_ENTRIES) kept.delete(kept.keys().next().value!);
    kept.set(key, { version, value });
  }
  return value;
}

/** A row many requests read, kept like a figure; a key that names no row is not kept (anyone can type one). */
export function keptRow<T>(key: string, read: () => T | undefined): T | null {
  return whileUnchanged(key, () => read() ?? null, (row) => row !== null);
}
