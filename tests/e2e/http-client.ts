import http from "node:http";
import type { APIResponse } from "@playwright/test";

export type SendOptions = { headers?: Record<string, string>; form?: Record<string, string>; data?: string | Buffer };

/** What the tests read of an answer: the part of Playwright's `APIResponse` they use. */
export type HttpAnswer = Pick<APIResponse, "status" | "ok" | "url" | "headers" | "headersArray" | "body" | "text" | "json">;

/** An answer read whole, with `APIResponse`'s way of showing headers (repeated ones joined). */
class Answer implements HttpAnswer {
  constructor(
    private readonly address: string,
    private readonly code: number,
    private readonly rawHeaders: string[],
    private readonly bytes: Buffer,
  ) {}

  status() {
    return this.code;
  }

  ok() {
    return this.code >= 200 && this.code < 300;
  }

  url() {
    return this.address;
  }

  headersArray() {
    const pairs: { name: string; value: string }[] = [];
    for (let i = 0; i < this.rawHeaders.length; i += 2) pairs.push({ name: this.rawHeaders[i], value: this.rawHeaders[i + 1] });
    return pairs;
  }

  headers() {
    const joined: Record<string, string> = {};
    for (const { name, value } of this.headersArray()) {
      const key = name.toLowerCase();
      joined[key] = key in joined ? `${joined[key]}${key === "set-cookie" ? "\n" : ", "}${value}` : value;
    }
    return joined;
  }

  async body() {
    return this.bytes;
  }

  async text() {
    return this.bytes.toString("utf8");
  }

  async json() {
    return JSON.parse(await this.text()) as unknown;
  }
}

/**
 * HTTP without a cookie jar or a shared connection: every request goes on a connection of its
 * own and carries exactly the cookies given to it, as if from its own browser, and never meets
 * another request's leftovers. Redirects are not followed. A form is sent URL-encoded; other data
 * as `application/octet-stream` unless a type is given, as Playwright's request API does. Plain
 * `node:http`, because a Playwright request context per request cost about 20 ms each.
 */
export class Http {
  constructor(
    private baseURL: string,
    private defaultHeaders: Record<string, string> = {},
  ) {}

  get(url: string, options: SendOptions = {}) {
    return this.send("GET", url, options);
  }

  post(url: string, options: SendOptions = {}) {
    return this.send("POST", url, options);
  }

  private send(method: string, url: string, { headers = {}, form, data }: SendOptions): Promise<HttpAnswer> {
    const address = new URL(url, this.baseURL);
    const body = form ? new URLSearchParams(form).toString() : data;
    const named = (name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name);
    const type = form ? "application/x-www-form-urlencoded" : body !== undefined ? "application/octet-stream" : null;
    const sent: Record<string, string> = { ...this.defaultHeaders, ...headers };
    if (type && !named("content-type")) sent["Content-Type"] = type;
    if (body !== undefined) sent["Content-Length"] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const request = http.request(address, { method, headers: sent, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(new Answer(address.href, response.statusCode ?? 0, response.rawHeaders, Buffer.concat(chunks))));
        response.on("error", reject);
      });
      // A server may answer (413, say) and close before taking the whole body.
      request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
      request.end(body);
    });
  }
}
