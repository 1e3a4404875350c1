import { peopleFigures, type PeopleFigures } from "~/modules/auth/figures.server";
import { outboxHealth, type OutboxHealth } from "~/modules/outbox/health.server";

export type DashboardFigures = PeopleFigures & { outbox: OutboxHealth };

/** The console's figures about people and email. */
export function dashboardFigures(now: number): DashboardFigures {
  return { ...peopleFigures(now), outbox: outboxHealth() };
}
