import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { organisationSettings } from "~db/schema";
import { clock } from "~/utils/clock.server";

export type Organisation = typeof organisationSettings.$inferSelect;

const FALLBACK_NAME = "Steppingstone";

/** The organisation's settings; a fresh installation gets a row with sensible defaults. */
export function getOrganisation(): Organisation {
  const row = db.select().from(organisationSettings).where(eq(organisationSettings.id, 1)).get();
  if (row) return row;
  db.insert(organisationSettings)
    .values({ id: 1, name: FALLBACK_NAME, updatedAt: clock.now() })
    .onConflictDoNothing()
    .run();
  return db.select().from(organisationSettings).where(eq(organisationSettings.id, 1)).get()!;
}

export type OrganisationUpdate = Partial<Omit<Organisation, "id" | "updatedAt">>;

export function updateOrganisation(values: OrganisationUpdate) {
  getOrganisation();
  db.update(organisationSettings)
    .set({ ...values, updatedAt: clock.now() })
    .where(eq(organisationSettings.id, 1))
    .run();
}
