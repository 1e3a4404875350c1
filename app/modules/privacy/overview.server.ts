import { getOrganisation } from "~/modules/organisation/index.server";
import { breachLogPage } from "./breaches.server";
import { processingRegister } from "./register.server";
import { openRequests } from "./requests.server";

/** Everything /admin/privacy shows: the register, a page of the requests being handled, a page of the breach log. */
export function privacyOverview({ requestsPage = 1, breachesPage = 1 }: { requestsPage?: number; breachesPage?: number } = {}) {
  return {
    register: processingRegister(),
    requests: openRequests(requestsPage),
    breaches: breachLogPage(breachesPage),
    timeZone: getOrganisation().timeZone,
  };
}
