import { env } from "~/utils/env.server";
import type { SiteShare } from "~/utils/share-meta";
import type { ShareCard } from "~/utils/share-card.server";
import { absoluteUrl } from "~/utils/urls.server";
import { getOrganisation, type Organisation } from "./settings.server";

/** The organisation's own share card, for pages without one of their own. */
export const organisationCardPath = (organisation: Pick<Organisation, "updatedAt">) => `/share.png?v=${organisation.updatedAt}`;

export function organisationShareCard(): ShareCard {
  const organisation = getOrganisation();
  return { kicker: new URL(env.APP_URL).host, title: organisation.name, lines: organisation.tagline ? [organisation.tagline] : [], footer: organisation.name };
}

/** What every public page's share tags have in common. */
// Until the organisers write a tagline or mission, shared links still say what the site is for.
const DEFAULT_DESCRIPTION = "Workshops, mentoring and a youth programme for bouncing back from job rejection.";

export function siteShare(): SiteShare {
  const organisation = getOrganisation();
  return {
    siteUrl: new URL(env.APP_URL).origin,
    siteName: organisation.name,
    description: organisation.tagline || organisation.mission || DEFAULT_DESCRIPTION,
    image: absoluteUrl(organisationCardPath(organisation)),
    imageAlt: organisation.tagline ? `${organisation.name}: ${organisation.tagline}` : organisation.name,
  };
}
