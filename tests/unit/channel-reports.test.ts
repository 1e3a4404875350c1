import { describe, expect, it } from "vitest";
import { africasTalkingCallback } from "~/modules/outbox/channels/africas-talking-reports.server";
import { parseTermiiJson, termiiReports } from "~/modules/outbox/channels/termii-reports.server";
import { whatsappDelivery } from "~/modules/outbox/channels/whatsapp-reports.server";

// Each provider's callback read into delivery reports: its own words for a status mapped onto
// sent, delivered, read and failed; anything that is not a report about our message left out.

const NOW = 1_796_000_000_000;

describe("Termii's reports", () => {
  const report = (status: string, extra: Record<string, unknown> = {}) => ({ type: "outbound", message_id: "9122821270554876574", receiver: "2348031234567", status, ...extra });

  it("map Termii's statuses, old and new wording, and keep why a message failed", () => {
    const cases: [string, string][] = [
      ["Delivered", "delivered"],
      ["DELIVERED | Message delivered to handset", "delivered"],
      ["Message Sent", "sent"],
      ["Message Failed", "failed"],
      ["Rejected", "failed"],
      ["Expired", "failed"],
      ["DND Active on Phone Number", "failed"],
      ["Undelivered", "failed"],
    ];
    for (const [status, expected] of cases) {
      expect(termiiReports(report(status), NOW), status).toEqual([
        { provider: "termii", providerMessageId: "9122821270554876574", status: expected, reportedAt: NOW, ...(expected === "failed" ? { reason: status } : {}) },
      ]);
    }
  });

  it("leave out incoming messages, unknown statuses and bodies that are no report", () => {
    expect(termiiReports(report("Received"), NOW)).toEqual([]);
    expect(termiiReports(report("Delivered", { type: "inbound" }), NOW)).toEqual([]);
    expect(termiiReports(report("Something new"), NOW)).toEqual([]);
    expect(termiiReports({ device: "offline" }, NOW)).toEqual([]);
    expect(termiiReports([report("Delivered"), { nope: true }], NOW)).toHaveLength(1);
  });

  it("read a bare 19-digit message id without rounding it", () => {
    const json = parseTermiiJson('{"message_id": 9122821270554876574, "status": "Delivered"}');
    expect(termiiReports(json, NOW)[0].providerMessageId).toBe("9122821270554876574");
  });
});

describe("Africa's Talking's callbacks", () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  it("map its statuses, and mark a blacklisted or opted-out number", () => {
    const cases: [string, string][] = [
      ["Success", "delivered"],
      ["Sent", "sent"],
      ["Submitted", "sent"],
      ["Buffered", "sent"],
      ["Rejected", "failed"],
      ["Failed", "failed"],
    ];
    for (const [status, expected] of cases) {
      const callback = africasTalkingCallback(form({ id: "ATXid_1", status, phoneNumber: "+2348031234567" }), NOW);
      expect(callback, status).toMatchObject({ kind: "report", report: { provider: "africastalking", providerMessageId: "ATXid_1", status: expected, reportedAt: NOW } });
    }
    const blacklisted = africasTalkingCallback(form({ id: "ATXid_2", status: "Failed", failureReason: "UserInBlackList" }), NOW);
    expect(blacklisted).toEqual({ kind: "report", report: { provider: "africastalking", providerMessageId: "ATXid_2", status: "failed", reportedAt: NOW, reason: "UserInBlackList", optedOut: true } });
    const absent = africasTalkingCallback(form({ id: "ATXid_3", status: "Failed", failureReason: "AbsentSubscriber" }), NOW);
    expect(absent).toEqual({ kind: "report", report: { provider: "africastalking", providerMessageId: "ATXid_3", status: "failed", reportedAt: NOW, reason: "AbsentSubscriber" } });
  });

  it("read an opt-out notice, and ignore anything else", () => {
    expect(africasTalkingCallback(form({ senderId: "STEPSTONE", phoneNumber: "+2348031234567" }), NOW)).toEqual({ kind: "opt-out", phone: "+2348031234567" });
    expect(africasTalkingCallback(form({ senderId: "STEPSTONE", phoneNumber: "not a number" }), NOW)).toEqual({ kind: "ignored" });
    expect(africasTalkingCallback(form({ id: "ATXid_4", status: "Teleported" }), NOW)).toEqual({ kind: "ignored" });
    expect(africasTalkingCallback(form({}), NOW)).toEqual({ kind: "ignored" });
  });
});

describe("WhatsApp's webhook deliveries", () => {
  const delivery = (value: Record<string, unknown>) => ({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value }] }] });

  it("read every status in order, dated by Meta's timestamp, with the error of a failed one", () => {
    const parsed = whatsappDelivery(
      delivery({
        statuses: [
          { id: "wamid.A", status: "read", timestamp: "1796000030", recipient_id: "2348031234567" },
          { id: "wamid.A", status: "delivered", timestamp: "1796000010", recipient_id: "2348031234567" },
          { id: "wamid.B", status: "failed", timestamp: "1796000040", recipient_id: "2348031234567", errors: [{ code: 131026, title: "Message undeliverable" }] },
          { id: "wamid.C", status: "deleted", timestamp: "1796000050" },
        ],
      }),
    );
    expect(parsed.reports).toEqual([
      { provider: "whatsapp", providerMessageId: "wamid.A", status: "read", reportedAt: 1_796_000_030_000 },
      { provider: "whatsapp", providerMessageId: "wamid.A", status: "delivered", reportedAt: 1_796_000_010_000 },
      { provider: "whatsapp", providerMessageId: "wamid.B", status: "failed", reportedAt: 1_796_000_040_000, reason: "131026 Message undeliverable" },
    ]);
    expect(parsed.stoppedNumbers).toEqual([]);
  });

  it("find the numbers that replied STOP, and nothing in other messages or other shapes", () => {
    const text = (from: string, body: string) => ({ from, id: "wamid.in", timestamp: "1796000000", type: "text", text: { body } });
    const parsed = whatsappDelivery(delivery({ messages: [text("2348031234567", "STOP"), text("2348039999999", "Stop please"), text("2348038888888", "unsubscribe"), { from: "2348037777777", type: "image" }] }));
    expect(parsed).toEqual({ reports: [], stoppedNumbers: ["+2348031234567", "+2348038888888"] });
    expect(whatsappDelivery({ hello: "world" })).toEqual({ reports: [], stoppedNumbers: [] });
    expect(whatsappDelivery(null)).toEqual({ reports: [], stoppedNumbers: [] });
  });
});
