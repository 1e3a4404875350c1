import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { smtpSinkForFile } from "../support/smtp-file";
import { examples } from "../support/email-examples";
import type { TemplateName } from "~emails/registry";

// Mail providers accept our mail and people can refuse it: every message says it is machine-sent,
// the ones a person may turn off carry one-click unsubscribe (RFC 8058), and the outbox keeps,
// but never sends, what someone turned off.

async function loadApp() {
  const [{ db }, schema, { clock }, outbox, delivery, preferences, registry, unsubscribe, drizzle] = await Promise.all([
    import("~db/client.server"),
    import("~db/schema"),
    import("~/utils/clock.server"),
    import("~/modules/outbox/outbox.server"),
    import("~/modules/outbox/delivery.server"),
    import("~/modules/outbox/preferences.server"),
    import("~emails/registry"),
    import("~/routes/email.unsubscribe"),
    import("drizzle-orm"),
  ]);
  return { db, schema, clock, ...outbox, ...delivery, ...preferences, ...registry, unsubscribe, eq: drizzle.eq };
}

let app: Awaited<ReturnType<typeof loadApp>>;
const smtp = smtpSinkForFile();

beforeAll(async () => {
  process.env.APP_URL = "https://steppingstone.example";
  app = await loadApp();
});

beforeEach(() => {
  app.db.delete(app.schema.outbox).run();
  smtp.sink.messages.length = 0;
});

function queue<T extends TemplateName>(to: string, template: T) {
  return app.db.transaction((tx) => app.enqueueMessage(tx, to, template, examples[template] as never));
}

function unsubscribeRequest(link: string, body: BodyInit, contentType?: string) {
  return new Request(link, { method: "POST", headers: contentType ? { "Content-Type": contentType } : {}, body });
}

async function oneClick(link: string, body: BodyInit, contentType?: string) {
  const result = await app.unsubscribe.action({ request: unsubscribeRequest(link, body, contentType), params: {}, context: { nonce: "n", clientIp: "203.0.113.9" } } as never);
  return result;
}

describe("email headers", () => {
  it("marks every message machine-sent, and gives the ones a person may turn off a one-click unsubscribe", async () => {
    const nudgeId = queue("ada@example.org", "step-nudge");
    const verifyId = queue("ada@example.org", "verify-email");
    await app.deliverDueMessages();
    const sent = (id: string) => smtp.sink.messages.find((m) => m.headers["x-steppingstone-outbox-id"] === id)!;
    const [nudge, verify] = [sent(nudgeId), sent(verifyId)];
    for (const message of [nudge, verify]) expect(message.headers["auto-submitted"]).toBe("auto-generated");
    expect(nudge.headers["list-unsubscribe"]).toMatch(/^<https:\/\/steppingstone\.example\/email\/unsubscribe\?t=[A-Za-z0-9_-]+&k=step-nudges>$/);
    expect(nudge.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(nudge.text).toContain("Stop these emails");
    expect(verify.headers["list-unsubscribe"]).toBeUndefined();
    expect(verify.text).not.toContain("Stop these emails");
  });

  it("classifies every template as transactional or as a kind a person may turn off", () => {
    const optional = (Object.keys(app.templates) as TemplateName[]).filter((name) => app.optOutKindOf(name));
    expect(optional.sort()).toEqual(["broadcast", "event-reminder", "feedback-request", "follow-up-request", "mentoring-session-reminder", "mentorship-check-in", "step-nudge", "step-released"]);
    for (const name of ["verify-email", "reset-password", "registration-confirmed", "donation-receipt", "event-cancelled"]) expect(app.optOutKindOf(name)).toBeNull();
  });
});

describe("one-click unsubscribe", () => {
  it("turns the kind off from a POST with no cookie, as a form or multipart, and the next one is kept but not sent", async () => {
    for (const [index, send] of [
      (link: string) => oneClick(link, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded"),
      (link: string) => {
        const form = new FormData();
        form.set("List-Unsubscribe", "One-Click");
        return oneClick(link, form);
      },
    ].entries()) {
      const address = `bola-${index}@example.org`;
      queue(address, "step-nudge");
      await app.deliverDueMessages();
      const link = smtp.sink.messages.at(-1)!.headers["list-unsubscribe"].slice(1, -1);
      expect(await send(link)).toMatchObject({ stopped: "Programme nudges" });

      const nudgeId = queue(address, "step-nudge");
      const verifyId = queue(address, "verify-email");
      await app.deliverDueMessages();
      const delivered = smtp.sink.messages.map((m) => m.headers["x-steppingstone-outbox-id"]);
      expect(delivered).toContain(verifyId);
      expect(delivered).not.toContain(nudgeId);
      const skipped = app.db.select().from(app.schema.outbox).all().filter((row) => row.recipient === address && row.status === "skipped");
      expect(skipped).toHaveLength(1);
      expect(skipped[0].skippedReason).toContain("Programme nudges");
    }
  });

  it("answers 404 to a link that is not ours, changing nothing", async () => {
    queue("chidi@example.org", "step-nudge");
    await app.deliverDueMessages();
    const real = new URL(smtp.sink.messages.at(-1)!.headers["list-unsubscribe"].slice(1, -1));
    const forged = new URL(real);
    forged.searchParams.set("t", "not-a-real-token");
    const refused = await oneClick(forged.toString(), "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded").catch((thrown) => thrown);
    expect(refused.init?.status ?? refused.status).toBe(404);
    const unknownKind = new URL(real);
    unknownKind.searchParams.set("k", "everything");
    const alsoRefused = await oneClick(unknownKind.toString(), "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded").catch((thrown) => thrown);
    expect(alsoRefused.init?.status ?? alsoRefused.status).toBe(404);
    const notOneClick = await oneClick(real.toString(), "anything else", "text/plain");
    expect((notOneClick as Response).status).toBe(400);
    expect(app.hasTurnedOff("chidi@example.org", "step-nudges")).toBe(false);
  });

  it("moves a person's choices to their new address", () => {
    const token = app.preferencesTokenFor("old@example.org");
    app.turnOffByToken(token, "event-reminders");
    app.db.transaction((tx) => app.moveEmailPreferences(tx, "old@example.org", "New@Example.org"));
    expect(app.hasTurnedOff("new@example.org", "event-reminders")).toBe(true);
    expect(app.hasTurnedOff("old@example.org", "event-reminders")).toBe(false);
    expect(app.preferencesTokenFor("new@example.org")).not.toBe(token);
  });
});
