import { peopleFigures, type PeopleFigures } from "~/modules/auth/index.server";
import { outboxHealth, type OutboxHealth } from "~/modules/outbox/index.server";
import { programmeFigures } from "~/modules/cohorts/index.server";
import { eventsFigures } from "~/modules/events/index.server";
import { mentoringFigures } from "~/modules/mentoring/index.server";
import { givingFigures } from "~/modules/sponsorship/index.server";
import { clock } from "~/utils/clock.server";
import { whileUnchanged } from "~/utils/data-version.server";

type DashboardFigures = PeopleFigures & { outbox: OutboxHealth };

/** The console's figures about people and email. */
function dashboardFigures(): DashboardFigures {
  const now = clock.now();
  return { ...peopleFigures(now), outbox: outboxHealth() };
}

/**
 * Every area's figures on the console's front page. Each counts over whole tables, so together
 * they are kept while nothing is written (and for the minute), like the charts beside them.
 */
export function consoleFigures() {
  return whileUnchanged("console-figures", () => ({
    figures: dashboardFigures(),
    events: eventsFigures(),
    programme: programmeFigures(),
    mentoring: mentoringFigures(),
    giving: givingFigures(),
  }));
}
