import { TZDate } from "@date-fns/tz";
import { and, eq, gte, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { outbox } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { whileUnchanged } from "~/utils/data-version.server";
import { formatMoney } from "~/utils/money";
import { absoluteUrl } from "~/utils/urls.server";
import type { Organisation } from "~/modules/organisation/index.server";
import { enqueueMessage } from "./outbox.server";

/** Organisers hear when the month's SMS spending passes this share of the budget. */
export const WARN_AT_PERCENT = 80;

type BudgetSettings = Pick<Organisation, "smsMonthlyBudget" | "timeZone" | "currency" | "contactEmail">;

/** The first instant of the month `now` falls in, in the organisation's time zone. */
function monthStart(now: number, timeZone: string): number {
  const local = new TZDate(now, timeZone);
  return new TZDate(local.getFullYear(), local.getMonth(), 1, 0, 0, 0, timeZone).getTime();
}

function monthKey(now: number, timeZone: string): string {
  const local = new TZDate(now, timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}`;
}

/** What SMS sent this month cost so far, in the currency's minor units. */
export function smsSpentThisMonth(now: number, timeZone: string, tx: Tx | typeof db = db): number {
  const row = tx
    .select({ spent: sql<number>`coalesce(sum(${outbox.cost}), 0)` })
    .from(outbox)
    .where(and(eq(outbox.channel, "sms"), gte(outbox.sentAt, monthStart(now, timeZone))))
    .get();
  return Number(row?.spent ?? 0);
}

export type SmsBudgetStatus = { spent: number; budget: number; percent: number; warned: boolean; stopped: boolean; spentText: string; budgetText: string };

export function smsBudgetStatus(settings: BudgetSettings, now: number = clock.now()): SmsBudgetStatus {
  // Shown on the organisers' dashboard: kept while nothing is written (ADR 0042), by month.
  const month = monthStart(now, settings.timeZone);
  const spent = whileUnchanged(`sms-spent:${month}`, () => smsSpentThisMonth(now, settings.timeZone));
  const budget = settings.smsMonthlyBudget;
  const percent = budget > 0 ? Math.floor((spent * 100) / budget) : 100;
  return {
    spent,
    budget,
    percent,
    warned: percent >= WARN_AT_PERCENT,
    stopped: spent >= budget,
    spentText: formatMoney(spent, settings.currency),
    budgetText: formatMoney(budget, settings.currency),
  };
}

/** Whether one more SMS of this cost fits in the month's budget (the hard stop). */
export function smsFitsBudget(settings: BudgetSettings, cost: number, now: number): boolean {
  return smsSpentThisMonth(now, settings.timeZone) + cost <= settings.smsMonthlyBudget;
}

/**
 * After an SMS is paid for: crossing 80 % of the budget, or reaching the stop, tells organisers
 * once a month each, at the organisation's contact address.
 */
export function noticeSmsSpending(tx: Tx, settings: BudgetSettings, before: number, after: number, now: number): void {
  const to = settings.contactEmail.trim();
  const budget = settings.smsMonthlyBudget;
  if (!to || budget <= 0) return;
  const month = monthKey(now, settings.timeZone);
  const crossed = (line: number) => before * 100 < line * budget && after * 100 >= line * budget;
  const notice = (stopped: boolean) =>
    enqueueMessage(
      tx,
      to,
      "sms-budget-warning",
      {
        spent: formatMoney(after, settings.currency),
        budget: formatMoney(budget, settings.currency),
        percent: Math.floor((after * 100) / budget),
        stopped,
        url: absoluteUrl("/admin/settings/messages"),
      },
      { dedupeKey: `sms-budget:${stopped ? "stop" : "warn"}:${month}` },
    );
  if (crossed(100)) notice(true);
  else if (crossed(WARN_AT_PERCENT)) notice(false);
}
