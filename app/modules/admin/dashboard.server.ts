import { peopleFigures, type PeopleFigures } from "~/modules/auth/index.server";
import { outboxHealth, type OutboxHealth } from "~/modules/outbox/index.server";

type DashboardFigures = PeopleFigures & { outbox: OutboxHealth };

/** The console's figures about people and email. */
export function dashboardFigures(now: number): DashboardFigures {
  return { ...peopleFigures(now), outbox: outboxHealth() };
}
