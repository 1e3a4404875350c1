import http from "node:http";
import type { Booker } from "./booking-world";

// Posting the event page's booking form as a browser without JavaScript does, and reading the
// answer the way the next page would: the redirect to the ticket and its flash message.

export type BookingReply = {
  booker: Booker;
  status: number;
  ms: number;
  outcome: "confirmed" | "waitlisted" | "other";
  /** The waitlist number the reply told the person. */
  position: number | null;
};

const FORM = "intent=register";

/** Keeps up to `connections` connections open for the whole series, as that many browsers would. */
export function bookingAgent(connections: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
}

/** Opens every connection beforehand, so the series measures the app and not TCP set-up. */
export async function openConnections(url: string, agent: http.Agent, connections: number) {
  await Promise.all(Array.from({ length: connections }, () => request(url, "/healthz", agent, { method: "GET" })));
}

function flashMessage(setCookie: string[] | undefined): string {
  const flash = setCookie?.find((cookie) => cookie.startsWith("flash="));
  if (!flash) return "";
  try {
    return String((JSON.parse(decodeURIComponent(flash.slice("flash=".length).split(";")[0])) as { message?: unknown }).message ?? "");
  } catch {
    return "";
  }
}

function request(url: string, path: string, agent: http.Agent, options: http.RequestOptions, body?: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, url), { agent, ...options }, (response) => {
      response.resume();
      response.on("end", () => resolve(response));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** One person presses "Book my seat" on the event page. */
export async function book(url: string, slug: string, booker: Booker, agent: http.Agent): Promise<BookingReply> {
  const sent = performance.now();
  const response = await request(
    url,
    `/events/${slug}`,
    agent,
    {
      method: "POST",
      headers: {
        cookie: booker.cookie,
        origin: url,
        "content-type": "application/x-www-form-urlencoded",
        "content-length": Buffer.byteLength(FORM),
      },
    },
    FORM,
  );
  const ms = performance.now() - sent;
  const status = response.statusCode ?? 0;
  const toTicket = status >= 300 && status < 400 && (response.headers.location ?? "").startsWith("/me/tickets/");
  const message = toTicket ? flashMessage(response.headers["set-cookie"]) : "";
  const waiting = /waitlist: number (\d+)/.exec(message);
  if (/seat is booked/.test(message)) return { booker, status, ms, outcome: "confirmed", position: null };
  if (waiting) return { booker, status, ms, outcome: "waitlisted", position: Number(waiting[1]) };
  return { booker, status, ms, outcome: "other", position: null };
}
