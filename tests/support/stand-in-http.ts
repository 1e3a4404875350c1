import http from "node:http";
import type { AddressInfo } from "node:net";

/** What the messaging stand-ins share: a loopback HTTP server, bodies read whole, JSON answers, failures on demand. */

export type StandInRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; text: string };
export type StandInReply = { status: number; body: unknown; contentType?: string };
export type Delivered = { status: number; text: string };

/** Each stand-in lists what it took at this address, for tests in another process (Playwright's workers). */
export const SENT_PATH = "/_test/sent";

export async function startStandInServer(handle: (request: StandInRequest) => StandInReply | Promise<StandInReply>) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://stand-in").pathname;
      Promise.resolve(handle({ method: req.method ?? "GET", path, headers: req.headers, text: Buffer.concat(chunks).toString("utf8") }))
        .then(({ status, body, contentType }) => {
          res.writeHead(status, { "content-type": contentType ?? "application/json; charset=utf-8" });
          res.end(typeof body === "string" ? body : JSON.stringify(body));
        })
        .catch((error: Error) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(error.message);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Failures a test asks for, taken one per request in the order asked. */
export function failureQueue<Kind extends string>() {
  const queue: Kind[] = [];
  return {
    failNext(kind: Kind, times = 1) {
      for (let i = 0; i < times; i++) queue.push(kind);
    },
    take: (): Kind | undefined => queue.shift(),
  };
}

/** POSTs a callback to the app as the provider would, and returns what the app answered. */
export async function deliver(url: string, body: string, headers: Record<string, string>): Promise<Delivered> {
  if (!url) throw new Error("The stand-in does not know the app's callback address yet");
  const response = await fetch(url, { method: "POST", headers, body });
  return { status: response.status, text: await response.text() };
}

/** A 19-digit id, as Termii's and Meta's are long numbers. */
export function longDigits(): string {
  return `9${Array.from({ length: 18 }, () => Math.floor(Math.random() * 10)).join("")}`;
}
