import type { PolicyFixtures, RoutePolicy } from "./route-policy";

const ORGANISERS = ["organiser"] as const;

/** The organisers' privacy pages (register, requests, breach log), spread into ROUTE_POLICY. */
export const PRIVACY_REPORTING_POLICY: Record<string, RoutePolicy> = {
  "routes/admin.privacy._index": { load: ORGANISERS, post: "no-action", url: () => "/admin/privacy" },
  "routes/admin.privacy.requests.new": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.privacy.requests.$id": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/privacy/requests/${f.privacyRequestId ?? "no-such-request"}` },
  "routes/admin.privacy.breaches.new": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.privacy.breaches.$id": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/privacy/breaches/${f.breachId ?? "no-such-breach"}` },
  "routes/admin.privacy.register[.csv]": { load: ORGANISERS, post: "no-action", url: () => "/admin/privacy/register.csv" },
  "routes/admin.privacy.requests[.csv]": { load: ORGANISERS, post: "no-action", url: () => "/admin/privacy/requests.csv" },
  "routes/admin.privacy.breaches[.csv]": { load: ORGANISERS, post: "no-action", url: () => "/admin/privacy/breaches.csv" },
};

/** A request about the permissions target's data, recorded by an organiser, and a breach in the log. */
export async function privacyReportingPolicyFixtures(organiserId: string, personEmail: string): Promise<Partial<PolicyFixtures>> {
  const { recordBreach, recordRequest } = await import("~/modules/privacy/index.server");
  const request = recordRequest({ actorId: organiserId, values: { kind: "access", requesterName: "Permissions target", requesterContact: personEmail } });
  const breach = recordBreach({ actorId: organiserId, values: { summary: "A printed attendance list was left on a bus" } });
  if (!request.ok || !breach.ok) throw new Error("could not build the privacy fixtures");
  return { privacyRequestId: request.id, breachId: breach.id };
}
