import { EventEmitter } from "node:events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// Without SMTP_URL the stored row is the delivery: the app must not see one from the shell.
async function loadApp() {
  const [{ db }, schema, { clock }, outbox, worker, retry, admin, organisation, drizzle] = await Promise.all([
    import("~db/client.server"),
    import("~db/schema"),
    import("~/utils/clock.server"),
    import("~/modules/outbox/outbox.server"),
    import("~/modules/outbox/worker.server"),
    import("~/modules/outbox/retry.server"),
    import("~/modules/outbox/outbox-admin.server"),
    import("~/modules/organisation/settings.server"),
    import("drizzle-orm"),
  ]);
  return { db, schema, clock, ...outbox, ...worker, ...retry, ...admin, ...organisation, eq: drizzle.eq };
}

let app: Awaited<ReturnType<typeof loadApp>>;
const T0 = Date.UTC(2026, 10, 25, 9, 0);

beforeAll(async () => {
  delete process.env.SMTP_URL;
  process.env.APP_URL = "http://localhost:3000";
  app = await loadApp();
  app.updateOrganisation({ name: "Rise Again Lagos", contactEmail: "hello@riseagain.example" });
});

beforeEach(() => {
  app.clock.set(T0);
  app.db.delete(app.schema.outbox).run();
});

afterAll(() => app.clock.set(null));

function row(id: string) {
  return app.db.select().from(app.schema.outbox).where(app.eq(app.schema.outbox.id, id)).get()!;
}

function insertRaw(template: string, props: Record<string, unknown>) {
  const id = `raw-${template}-${Math.random().toString(36).slice(2)}`;
  app.db
    .insert(app.schema.outbox)
    .values({ id, recipient: "raw@example.com", template, props, nextAttemptAt: T0, createdAt: T0 })
    .run();
  return id;
}

describe("the local mailbox", () => {
  it("marks the message delivered locally and keeps it as rendered", async () => {
    const url = "http://localhost:3000/reset-password?token=abc";
    const id = app.db.transaction((tx) => app.enqueueMessage(tx, "ngozi@example.com", "reset-password", { name: "Ngozi", url }));

    expect(await app.runWorkerOnce()).toEqual({ emails: 1, jobs: 0 });
    const sent = row(id);
    expect(sent).toMatchObject({ status: "sent", deliveredLocally: true, attempts: 1, sentAt: T0, lastError: null });
    expect(sent.subject).toBe("Reset your Rise Again Lagos password");
    expect(sent.text).toContain(url);
    expect(sent.text).toContain("expires in 1 hour");
    expect(sent.text).toContain("hello@riseagain.example");
    expect(sent.html).toContain(`href="${url}"`);
    expect(sent.html).toContain("Rise Again Lagos");
  });

  it("lists messages newest first, finds one, and splits out links to this site", async () => {
    const first = app.db.transaction((tx) => app.enqueueMessage(tx, "a@example.com", "password-changed", { name: "A" }));
    app.clock.advance(1000);
    const second = app.db.transaction((tx) =>
      app.enqueueMessage(tx, "b@example.com", "verify-email", { name: "B", url: "http://localhost:3000/verify-email?token=t1" }),
    );
    await app.runWorkerOnce();

    expect(app.listOutboxMessages().map((m) => m.id)).toEqual([second, first]);
    expect(app.listOutboxMessages({ status: "dead" })).toEqual([]);
    expect(app.getOutboxMessage("nope")).toBeNull();
    const message = app.getOutboxMessage(second)!;
    const parts = app.splitLinks(message.text!, "http://localhost:3000");
    expect(parts.filter((p) => "href" in p)).toEqual([
      { text: "http://localhost:3000/verify-email?token=t1", href: "http://localhost:3000/verify-email?token=t1" },
    ]);
    expect(parts.map((p) => p.text).join("")).toBe(message.text);
  });

  it("drops inline styles from the HTML preview, which the admin page's policy would refuse", async () => {
    const id = app.db.transaction((tx) => app.enqueueMessage(tx, "c@example.com", "password-changed", { name: 'Said "style=" <b>' }));
    await app.runWorkerOnce();
    const html = row(id).html!;
    expect(html).toMatch(/ style="/);
    const preview = app.htmlForPreview(html);
    expect(preview).not.toMatch(/ style="/);
    expect(preview).toContain("Said &quot;style=&quot; &lt;b&gt;");
    expect(preview).toContain("Rise Again Lagos");
    // The preheader stays hidden, now by attribute.
    expect(preview).toMatch(/<div hidden data-skip-in-text="true">If this was you/);
  });

  it("leaves links to other sites as text", () => {
    const text = "Go to http://localhost:3000/a. Not https://evil.example/login, though.";
    const parts = app.splitLinks(text, "http://localhost:3000");
    expect(parts).toEqual([
      { text: "Go to " },
      { text: "http://localhost:3000/a", href: "http://localhost:3000/a" },
      { text: ". Not https://evil.example/login, though." },
    ]);
  });
});

describe("messages that cannot be rendered", () => {
  it("count a failed attempt for an unknown template and die after the last one", async () => {
    const id = insertRaw("no-such-template", { name: "X" });
    for (let attempt = 1; attempt <= app.MAX_ATTEMPTS; attempt++) {
      await app.runWorkerOnce();
      const after = row(id);
      expect(after.attempts).toBe(attempt);
      expect(after.lastError).toBe('Unknown email template "no-such-template"');
      app.clock.set(after.nextAttemptAt);
    }
    expect(row(id)).toMatchObject({ status: "dead", subject: null, html: null, text: null });
    expect(app.countDeadMessages()).toBe(1);
    expect(app.listOutboxMessages({ status: "dead" }).map((m) => m.id)).toEqual([id]);
  });

  it("refuse props that do not fit, such as a link that is not a web link", async () => {
    const id = insertRaw("verify-email", { name: "X", url: "javascript:alert(1)" });
    await app.runWorkerOnce();
    const after = row(id);
    expect(after).toMatchObject({ status: "pending", attempts: 1, html: null });
    expect(after.lastError).toMatch(/^Email template "verify-email" got bad props: url /);
    expect(after.nextAttemptAt - T0).toBeGreaterThanOrEqual(0.9 * 60_000);
    expect(after.nextAttemptAt - T0).toBeLessThanOrEqual(60_000);
  });
});

describe("try again", () => {
  it("puts a dead message back in the queue with fresh attempts and records who did it", async () => {
    const id = insertRaw("password-changed", { name: "Emeka" });
    app.db
      .update(app.schema.outbox)
      .set({ status: "dead", attempts: app.MAX_ATTEMPTS, lastError: "boom", nextAttemptAt: T0 - 1000 })
      .where(app.eq(app.schema.outbox.id, id))
      .run();

    expect(app.retryDeadMessage(id, "organiser-1")).toBe(true);
    expect(row(id)).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: T0, lastError: "boom" });
    const audit = app.db.select().from(app.schema.auditLog).all().at(-1)!;
    expect(audit).toMatchObject({ actorId: "organiser-1", action: "outbox.retry", targetType: "outbox", targetId: id });

    // Only dead messages can be retried: a second press, or a sent message, changes nothing.
    expect(app.retryDeadMessage(id, "organiser-1")).toBe(false);
    await app.runWorkerOnce();
    expect(row(id)).toMatchObject({ status: "sent", deliveredLocally: true, attempts: 1 });
    expect(app.retryDeadMessage(id, "organiser-1")).toBe(false);
    expect(app.retryDeadMessage("unknown", "organiser-1")).toBe(false);
  });
});

describe("messages give way to pages", () => {
  it("waits while a request is being answered, then sends", async () => {
    const { countRequests } = await import("~/utils/request-load.server");
    // A request in hand, as the server's first middleware counts it.
    const response = new EventEmitter();
    countRequests({} as never, response as never, () => undefined);
    const id = app.db.transaction((tx) => app.enqueueMessage(tx, "ngozi@example.com", "reset-password", { name: "Ngozi", url: "http://localhost:3000/r" }));

    const tick = app.runWorkerOnce();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(row(id).status).toBe("pending");
    response.emit("finish");
    expect(await tick).toEqual({ emails: 1, jobs: 0 });
    expect(row(id).status).toBe("sent");
  });
});
