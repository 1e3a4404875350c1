// What a ticket's QR code says: the address of the door's page for that ticket,
// /door/EVENT/TOKEN (older tickets: /admin/events/EVENT/check-in/TOKEN). Read by the server and by
// the door page's script, which is why this file imports nothing.

export type ScannedTicket = { eventId: string; token: string };

const TICKET_PATHS = [/^\/door\/([^/]+)\/([^/]+)\/?$/, /^\/admin\/events\/([^/]+)\/check-in\/([^/]+)\/?$/];

/** The event and token in a scanned or typed ticket address, or null when it is not one. */
export function ticketInScan(text: string): ScannedTicket | null {
  let path: string;
  try {
    path = new URL(text.trim()).pathname;
  } catch {
    return null;
  }
  for (const pattern of TICKET_PATHS) {
    const match = pattern.exec(path);
    if (match) return { eventId: decodeURIComponent(match[1]), token: decodeURIComponent(match[2]) };
  }
  return null;
}

/** Ticket codes are typed in capitals without confusable letters; accept what people type. */
export function normaliseShortCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
