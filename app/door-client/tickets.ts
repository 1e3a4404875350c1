import { ticketInScan } from "~/modules/events/check-in/ticket-scan";

// A scan or a typed code turned into what to look up in the door list.

export type Lookup = { kind: "token"; token: string; tokenHash: string } | { kind: "other-event" } | { kind: "code"; code: string } | { kind: "not-a-ticket" };

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** `typed`: from the code box (a person's code, or a hardware scanner typing the QR's address). */
export async function lookupOf(text: string, eventId: string, typed: boolean): Promise<Lookup> {
  const ticket = ticketInScan(text);
  if (ticket) return ticket.eventId === eventId ? { kind: "token", token: ticket.token, tokenHash: await sha256Hex(ticket.token) } : { kind: "other-event" };
  if (typed && /^[A-Za-z0-9\s-]{4,20}$/.test(text.trim())) return { kind: "code", code: text };
  return { kind: "not-a-ticket" };
}

/** A key for one queued item, unique across phones. */
export function newKey(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
