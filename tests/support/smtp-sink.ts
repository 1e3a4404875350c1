import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** One message as it arrived over SMTP, with the parts tests look at decoded. */
export type SunkMessage = {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** Envelope sender (MAIL FROM). */
  from: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  /** Files sent with the message, decoded as UTF-8 text. */
  attachments: SunkAttachment[];
  /** Calendar parts of the message body (text/calendar alternatives), with the method their Content-Type names. */
  calendars: SunkCalendar[];
  raw: string;
};

export type SunkAttachment = { filename: string; contentType: string; content: string };
export type SunkCalendar = { contentType: string; method: string | null; content: string };

export type SmtpSink = {
  port: number;
  url: string;
  messages: SunkMessage[];
  /** Messages received in full and then refused with a temporary error (see `refuseNext`). */
  refused: SunkMessage[];
  /** Answers the next `count` messages with "451 try again later" after reading them. */
  refuseNext(count: number): void;
  waitFor(predicate: (message: SunkMessage) => boolean, timeoutMs?: number): Promise<SunkMessage>;
  close(): Promise<void>;
};

/**
 * A real SMTP server on loopback that keeps what it receives. With `dir`, each message is
 * also written there as a JSON file, for a test running in another process to read.
 */
export async function startSmtpSink({ port = 0, dir }: { port?: number; dir?: string } = {}): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const refused: SunkMessage[] = [];
  let toRefuse = 0;
  const arrivals = new EventEmitter();
  if (dir) fs.mkdirSync(dir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    // Closing stands for the mail server going down: kept-alive client connections are cut after
    // a moment instead of the default 30 s grace.
    closeTimeout: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const envelope = session.envelope;
        const message = parseMessage(raw, {
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          to: envelope.rcptTo.map((rcpt) => rcpt.address),
        });
        if (toRefuse > 0) {
          toRefuse -= 1;
          refused.push(message);
          callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
          return;
        }
        messages.push(message);
        if (dir) writeJson(dir, message);
        arrivals.emit("message", message);
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.server.address() as AddressInfo).port;

  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    refused,
    refuseNext(count) {
      toRefuse = count;
    },
    waitFor(predicate, timeoutMs = 5000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onMessage = (message: SunkMessage) => {
          if (!predicate(message)) return;
          clearTimeout(timer);
          arrivals.off("message", onMessage);
          resolve(message);
        };
        const timer = setTimeout(() => {
          arrivals.off("message", onMessage);
          reject(new Error(`No matching message arrived within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        arrivals.on("message", onMessage);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function writeJson(dir: string, message: SunkMessage) {
  const { to, from, subject, messageId, text, html, headers, attachments, calendars } = message;
  const name = `${Date.now()}-${randomUUID()}.json`;
  const temporary = path.join(dir, `.${name}.tmp`);
  // Written then renamed, so a reader never sees half a file.
  fs.writeFileSync(temporary, JSON.stringify({ to, from, subject, messageId, text, html, headers, attachments, calendars }, null, 2));
  fs.renameSync(temporary, path.join(dir, name));
}

// ---- A small RFC 5322 / MIME reader: enough for what nodemailer sends. ----

type Part = { headers: Record<string, string>; body: string };

function splitPart(raw: string): Part {
  const normalised = raw.replace(/\r\n/g, "\n");
  const end = normalised.indexOf("\n\n");
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? "" : normalised.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function parameter(header: string | undefined, name: string): string | undefined {
  const match = header?.match(new RegExp(`;\\s*${name}="?([^";]+)"?`, "i"));
  return match?.[1];
}

export function decodeQuotedPrintable(input: string): string {
  const bytes: number[] = [];
  const text = input.replace(/=\n/g, "");
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeBody(part: Part): string {
  const encoding = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body);
  return part.body;
}

/** Decodes RFC 2047 encoded words, as in `Subject: =?UTF-8?Q?...?=`. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

type Bodies = { text: string; html: string; attachments: SunkAttachment[]; calendars: SunkCalendar[] };

/** A text part as it was sent: its line breaks are CRLF on the wire, which the reader above turned into LF. */
function withCrlf(part: Part): string {
  const body = decodeBody(part);
  if ((part.headers["content-transfer-encoding"] ?? "").toLowerCase() === "base64") return body;
  return body.replace(/\n$/, "").replace(/\r?\n/g, "\r\n");
}

function collectBodies(part: Part, into: Bodies) {
  const type = (part.headers["content-type"] ?? "text/plain").toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = parameter(part.headers["content-type"], "boundary");
    if (!boundary) return;
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break;
      collectBodies(splitPart(section.replace(/^\n/, "")), into);
    }
    return;
  }
  const disposition = part.headers["content-disposition"] ?? "";
  if (/^attachment/i.test(disposition)) {
    const filename = decodeHeader(parameter(disposition, "filename") ?? parameter(part.headers["content-type"], "name") ?? "");
    into.attachments.push({ filename, contentType: part.headers["content-type"] ?? "", content: decodeBody(part) });
    return;
  }
  if (type.startsWith("text/calendar")) {
    const contentType = part.headers["content-type"] ?? "";
    into.calendars.push({ contentType, method: parameter(contentType, "method")?.toUpperCase() ?? null, content: withCrlf(part) });
    return;
  }
  const body = decodeBody(part).replace(/\n$/, "");
  if (type.startsWith("text/html")) into.html ||= body;
  else if (type.startsWith("text/plain")) into.text ||= body;
}

export function parseMessage(raw: string, envelope: { from: string; to: string[] }): SunkMessage {
  const top = splitPart(raw);
  const headers = Object.fromEntries(Object.entries(top.headers).map(([name, value]) => [name, decodeHeader(value)]));
  const bodies: Bodies = { text: "", html: "", attachments: [], calendars: [] };
  collectBodies(top, bodies);
  return {
    ...envelope,
    subject: headers.subject ?? "",
    messageId: headers["message-id"] ?? "",
    text: bodies.text,
    html: bodies.html,
    attachments: bodies.attachments,
    calendars: bodies.calendars,
    headers,
    raw,
  };
}
