import type { DeviceItemResult, DevicePerson, DoorListForDevice } from "~/modules/events/door-device";
import { normaliseShortCode } from "~/modules/events/check-in/ticket-scan";

// The door list on this phone and what has happened at the door since it came: check-ins and
// walk-ins waiting to sync. Plain data, no browser APIs, so the rules are tested on their own.

export type QueuedCheckIn = { kind: "check-in"; key: string; eventId: string; registrationId?: string; token?: string; at: number };
export type QueuedWalkIn = {
  kind: "walk-in";
  key: string;
  eventId: string;
  name: string;
  email?: string;
  phone?: string;
  answers: Record<string, string>;
  at: number;
};
export type Queued = QueuedCheckIn | QueuedWalkIn;

/** What the door volunteer sees after a scan, a code or a tap. */
export type Verdict =
  | { kind: "checked-in"; name: string; at: number; answers: DevicePerson["doorAnswers"]; waiting: boolean }
  | { kind: "already"; name: string; at: number; by: string | null; answers: DevicePerson["doorAnswers"] }
  | { kind: "no-seat"; name: string; status: DevicePerson["status"] }
  | { kind: "other-event" }
  | { kind: "not-a-ticket" }
  | { kind: "unknown"; online: boolean };

export class DoorState {
  list: DoorListForDevice;
  queue: Queued[];
  private byHash = new Map<string, DevicePerson>();
  private byCode = new Map<string, DevicePerson>();
  private byId = new Map<string, DevicePerson>();

  constructor(list: DoorListForDevice, queue: Queued[]) {
    this.list = list;
    this.queue = queue.filter((item) => item.eventId === list.event.id);
    this.reindex();
  }

  /** A fresh list from the server, with what this phone has not synced yet laid over it. */
  replaceList(list: DoorListForDevice) {
    this.list = list;
    this.reindex();
  }

  private reindex() {
    this.byHash.clear();
    this.byCode.clear();
    this.byId.clear();
    for (const person of this.list.people) {
      this.byHash.set(person.tokenHash, person);
      this.byCode.set(person.shortCode, person);
      this.byId.set(person.registrationId, person);
    }
    for (const item of this.queue) if (item.kind === "check-in" && item.registrationId) this.markLocally(item.registrationId, item.at);
  }

  private markLocally(registrationId: string, at: number) {
    const person = this.byId.get(registrationId);
    if (person && (person.checkedInAt === null || at < person.checkedInAt)) {
      person.checkedInAt = at;
      person.checkedInBy = null;
    }
  }

  personByTokenHash(hash: string) {
    return this.byHash.get(hash);
  }

  personByCode(code: string) {
    return this.byCode.get(normaliseShortCode(code));
  }

  personById(id: string) {
    return this.byId.get(id);
  }

  isWaiting(registrationId: string) {
    return this.queue.some((item) => item.kind === "check-in" && item.registrationId === registrationId);
  }

  /** Checks a person in on this phone: the verdict, and the item to queue when there is one. */
  checkIn(person: DevicePerson, at: number, key: string): { verdict: Verdict; queued: QueuedCheckIn | null } {
    if (person.status !== "confirmed") return { verdict: { kind: "no-seat", name: person.name, status: person.status }, queued: null };
    if (person.checkedInAt !== null) {
      return { verdict: { kind: "already", name: person.name, at: person.checkedInAt, by: person.checkedInBy, answers: person.doorAnswers }, queued: null };
    }
    const queued: QueuedCheckIn = { kind: "check-in", key, eventId: this.list.event.id, registrationId: person.registrationId, at };
    this.queue.push(queued);
    this.markLocally(person.registrationId, at);
    return { verdict: { kind: "checked-in", name: person.name, at, answers: person.doorAnswers, waiting: true }, queued };
  }

  /** A ticket this phone's list does not know: online, the server decides; offline, it waits. */
  queueUnknownTicket(token: string, at: number, key: string): QueuedCheckIn {
    const queued: QueuedCheckIn = { kind: "check-in", key, eventId: this.list.event.id, token, at };
    this.queue.push(queued);
    return queued;
  }

  seatsLeft(): number {
    const walkIns = this.queue.filter((item) => item.kind === "walk-in").length;
    return this.list.event.capacity - this.list.event.seatsHeld - walkIns;
  }

  /** Null when the walk-in may be added; else why not. */
  walkInRefusal(): string | null {
    if (this.seatsLeft() > 0 || this.list.event.walkInsOverCapacity) return null;
    return "The event is full and takes no walk-ins beyond its capacity. Ask an organiser.";
  }

  addWalkIn(walkIn: QueuedWalkIn) {
    this.queue.push(walkIn);
  }

  /** What the server said of the items it was sent: they leave the queue; refusals are returned to show. */
  settle(results: DeviceItemResult[]): Extract<DeviceItemResult, { outcome: "refused" }>[] {
    const settled = new Set(results.map((result) => result.key));
    this.queue = this.queue.filter((item) => !settled.has(item.key));
    return results.filter((result): result is Extract<DeviceItemResult, { outcome: "refused" }> => result.outcome === "refused");
  }

  /** People matching a search by name or code, those still to arrive first. */
  search(query: string, limit = 50): DevicePerson[] {
    const q = query.trim().toLowerCase();
    const code = normaliseShortCode(query);
    const matches = this.list.people.filter((person) => person.status !== "cancelled" && (!q || person.name.toLowerCase().includes(q) || (code.length >= 3 && person.shortCode.startsWith(code))));
    const rank = (person: DevicePerson) => (person.checkedInAt === null ? 0 : 2) + (person.status === "confirmed" ? 0 : 1);
    return matches.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).slice(0, limit);
  }

  counts() {
    const confirmed = this.list.people.filter((person) => person.status === "confirmed");
    const walkIns = this.queue.filter((item) => item.kind === "walk-in").length;
    return { present: confirmed.filter((person) => person.checkedInAt !== null).length + walkIns, expected: confirmed.length + walkIns };
  }
}
