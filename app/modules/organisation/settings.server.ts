import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { organisationSettings } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { whileUnchanged } from "~/utils/data-version.server";
import { recordAudit } from "~/modules/organisation/audit.server";

export type Organisation = typeof organisationSettings.$inferSelect;

const FALLBACK_NAME = "Steppingstone";

/**
 * The organisation's settings; a fresh installation gets a row with sensible defaults. Every page
 * reads them, so they are kept while the database is unchanged.
 */
export function getOrganisation(): Organisation {
  return whileUnchanged("organisation", readOrganisation);
}

// Prepared on first use: the database opens (and migrates) before any page asks.
let settingsRow: { get: () => Organisation | undefined } | undefined;

function readOrganisation(): Organisation {
  settingsRow ??= db.select().from(organisationSettings).where(eq(organisationSettings.id, 1)).prepare();
  const row = settingsRow.get();
  if (row) return row;
  db.insert(organisationSettings)
    .values({ id: 1, name: FALLBACK_NAME, updatedAt: clock.now() })
    .onConflictDoNothing()
    .run();
  return settingsRow.get()!;
}

export type OrganisationUpdate = Partial<Omit<Organisation, "id" | "updatedAt">>;

export function updateOrganisation(values: OrganisationUpdate) {
  getOrganisation();
  db.update(organisationSettings)
    .set({ ...values, updatedAt: clock.now() })
    .where(eq(organisationSettings.id, 1))
    .run();
}

const SETTINGS_FIELDS = [
  "name",
  "tagline",
  "mission",
  "contactEmail",
  "timeZone",
  "currency",
  "bankTransferDetails",
  "helpLines",
  "organiserSecondFactorRequired",
  "adultAge",
  "under16Allowed",
  "stripeEnabled",
  "paystackEnabled",
  "bankTransferEnabled",
  "bankTransferCurrencies",
  "legalName",
  "registrationNumber",
  "postalAddress",
  "receiptTaxWording",
  "socialLinks",
] as const satisfies readonly (keyof OrganisationUpdate)[];

type SettingsValues = Required<Pick<OrganisationUpdate, (typeof SETTINGS_FIELDS)[number]>>;

/** Saves the settings form and records what changed; returns the names of the changed fields. */
export function saveOrganisationSettings({ actorId, values }: { actorId: string; values: SettingsValues }): string[] {
  getOrganisation();
  return db.transaction(
    (tx) => {
      const current = tx.select().from(organisationSettings).where(eq(organisationSettings.id, 1)).get()!;
      const changes: Record<string, unknown> = {};
      for (const field of SETTINGS_FIELDS) {
        if (field === "socialLinks") continue;
        if (field === "bankTransferCurrencies") {
          if (current[field].join() !== values[field].join()) changes[field] = { from: current[field], to: values[field] };
          continue;
        }
        if (current[field] !== values[field]) changes[field] = { from: current[field], to: values[field] };
      }
      // Social links are compared one by one, so the log names the link that changed.
      const links: Record<string, { from: string | null; to: string | null }> = {};
      for (const key of new Set([...Object.keys(current.socialLinks), ...Object.keys(values.socialLinks)])) {
        const from = current.socialLinks[key] ?? null;
        const to = values.socialLinks[key] ?? null;
        if (from !== to) links[key] = { from, to };
      }
      if (Object.keys(links).length) changes.socialLinks = links;
      const changed = Object.keys(changes);
      if (!changed.length) return changed;
      tx.update(organisationSettings)
        .set({ ...values, updatedAt: clock.now() })
        .where(eq(organisationSettings.id, 1))
        .run();
      recordAudit(tx, { actorId, action: "settings.changed", targetType: "organisation", targetId: "1", details: changes });
      return changed;
    },
    { behavior: "immediate" },
  );
}
