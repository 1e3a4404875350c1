import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { organisationSettings, type Channel } from "~db/schema";
import { CHANNEL_LIST, MESSAGE_KINDS } from "~emails/message-kinds";
import { clock } from "~/utils/clock.server";
import { amountProblem, parseAmount } from "~/utils/money";
import { refuseFields, type Outcome } from "~/utils/refusal";
import { recordAudit } from "./audit.server";
import type { MessageSettingsValues } from "./message-settings-schemas";
import { getOrganisation } from "./settings.server";

// The order after the chosen first channel: the others, email first (it reaches the most people).
const REST_ORDER: readonly Channel[] = ["email", "whatsapp", "sms"];

const MONEY_MESSAGES = {
  decimals: "Use at most two digits after the point",
  too_large: "That amount is too large",
  unreadable: "Enter an amount like 20000 or 4.50",
} as const;

/**
 * Saves which channels are on, the SMS provider, budget and price, quiet hours and each kind's
 * first channel, and records what changed. Refuses amounts it cannot read; nothing is written then.
 */
export function saveMessageSettings(actorId: string, values: MessageSettingsValues): Outcome<{ changed: string[] }> {
  const { currency } = getOrganisation();
  const budget = parseAmount(values.smsMonthlyBudget, currency);
  const segmentCost = parseAmount(values.smsSegmentCost, currency);
  const errors: Record<string, string[]> = {};
  if (budget === null) errors.smsMonthlyBudget = [MONEY_MESSAGES[amountProblem(values.smsMonthlyBudget, currency)]];
  if (segmentCost === null) errors.smsSegmentCost = [MONEY_MESSAGES[amountProblem(values.smsSegmentCost, currency)]];
  else if (segmentCost <= 0) errors.smsSegmentCost = ["One SMS page costs more than nothing"];
  if (budget === null || segmentCost === null || Object.keys(errors).length) return refuseFields(errors);
  const channelDefaults = Object.fromEntries(
    MESSAGE_KINDS.map((kind) => {
      const first = values[`first-${kind}`];
      return [kind, [first, ...REST_ORDER.filter((channel) => channel !== first)]];
    }),
  );
  const next = {
    channelsEnabled: CHANNEL_LIST.filter((channel) => (values.channelsEnabled as string[]).includes(channel)),
    smsProvider: values.smsProvider,
    smsMonthlyBudget: budget,
    smsSegmentCost: segmentCost,
    quietHoursStart: values.quietHoursStart,
    quietHoursEnd: values.quietHoursEnd,
    channelDefaults,
  };
  return db.transaction(
    (tx) => {
      const current = tx.select().from(organisationSettings).where(eq(organisationSettings.id, 1)).get()!;
      const changes: Record<string, unknown> = {};
      for (const [key, to] of Object.entries(next)) {
        const from = current[key as keyof typeof next];
        if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
      }
      const changed = Object.keys(changes);
      if (changed.length) {
        tx.update(organisationSettings).set({ ...next, updatedAt: clock.now() }).where(eq(organisationSettings.id, 1)).run();
        recordAudit(tx, { actorId, action: "settings.messages_changed", targetType: "organisation", targetId: "1", details: changes });
      }
      return { ok: true as const, changed };
    },
    { behavior: "immediate" },
  );
}
