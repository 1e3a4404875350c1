import { consoleNeed, hasRole } from "~/modules/auth/index.server";
import type { ReceiptViewer } from "~/modules/sponsorship/index.server";
import { getUser } from "./session.server";

/**
 * Who asks for a receipt: the signed-in person, the secret from the emailed link, and whether the
 * organisers' console is open to them (organisers print receipts for gifts they recorded by hand).
 */
export function receiptViewer(request: Request, token: FormDataEntryValue | string | null): ReceiptViewer {
  const user = getUser(request);
  return {
    userId: user?.id ?? null,
    token: typeof token === "string" && token ? token : null,
    organiser: Boolean(user && hasRole(user, "organiser") && consoleNeed(user) === "none"),
  };
}
