import { peopleFigures, type PeopleFigures } from "~/modules/auth/index.server";
import { outboxHealth, type OutboxHealth } from "~/modules/outbox/index.server";
import { clock } from "~/utils/clock.server";

type DashboardFigures = PeopleFigures & { outbox: OutboxHealth };

/** The console's figures about people and email. */
export function dashboardFigures(): DashboardFigures {
  const now = clock.now();
  return { ...peopleFigures(now), outbox: outboxHealth() };
}
