import { getOrganisation } from "~/modules/organisation/index.server";
import { breachLog } from "./breaches.server";
import { processingRegister } from "./register.server";
import { openRequests } from "./requests.server";

/** Everything /admin/privacy shows: the register, the requests being handled, the breach log. */
export function privacyOverview() {
  return {
    register: processingRegister(),
    requests: openRequests(),
    breaches: breachLog(),
    timeZone: getOrganisation().timeZone,
  };
}
