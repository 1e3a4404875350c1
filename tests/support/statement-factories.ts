import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { statementLines } from "~db/schema";
import { action as uploadAction } from "~/routes/admin.donations.statements._index";
import { action as reviewAction, loader as reviewLoader } from "~/routes/admin.donations.statements.$id";
import { formRequest, getRequest, loadContext, routeArgs } from "./factories";
import { runRoute } from "./route-results";

const FIXTURES = path.resolve(__dirname, "../fixtures/statements");

/** A statement from tests/fixtures/statements with its placeholders ({{NAME}}) filled in, as bytes. */
export function statementFixture(name: string, fill: Record<string, string> = {}): string {
  const text = fs.readFileSync(path.join(FIXTURES, name), "utf8");
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in fill)) throw new Error(`${name} needs a value for {{${key}}}`);
    return fill[key]!;
  });
}

/** The statement page's form as a browser posts it with a file: multipart. */
export function uploadRequest(fields: Record<string, string>, file: { name: string; content: string } | null, cookie: string): Request {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  if (file) body.set("file", new File([file.content], file.name, { type: "text/csv" }));
  return new Request("http://localhost:3000/admin/donations/statements?index", { method: "POST", headers: { cookie }, body });
}

export function uploadStatement(cookie: string, name: string, content: string, currency = "NGN") {
  return runRoute(() => uploadAction(routeArgs({ request: uploadRequest({ intent: "upload", currency }, { name, content }, cookie), context: loadContext(), params: {} })));
}

export function postToUpload(request: Request) {
  return runRoute(() => uploadAction(routeArgs({ request, context: loadContext(), params: {} })));
}

/** The statement a redirect after an import leads to. */
export function statementIdOf(location: string | null): string {
  const match = /^\/admin\/donations\/statements\/([^/?]+)$/.exec(location ?? "");
  if (!match) throw new Error(`not a statement's address: ${location}`);
  return match[1]!;
}

export function decide(cookie: string, statementId: string, fields: Record<string, string | string[]>) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) params.append(name, one);
  const request = formRequest(`/admin/donations/statements/${statementId}`, {}, { cookie });
  return runRoute(() =>
    reviewAction(
      routeArgs({
        request: new Request(request.url, { method: "POST", headers: request.headers, body: params.toString() }),
        context: loadContext(),
        params: { id: statementId },
      }),
    ),
  );
}

export function reviewPage(cookie: string, statementId: string) {
  return runRoute(() => reviewLoader(routeArgs({ request: getRequest(`/admin/donations/statements/${statementId}`, { cookie }), context: loadContext(), params: { id: statementId } })));
}

export function linesOf(statementId: string) {
  return db.select().from(statementLines).where(eq(statementLines.statementId, statementId)).orderBy(statementLines.postedOn, statementLines.amount).all();
}

/** A reference as a donor might type it into a banking app: lower case, the dashes gone or spaced. */
export const spaced = (reference: string) => reference.slice(3).replace("-", " ").toLowerCase();
export const glued = (reference: string) => reference.replace(/-/g, "");
