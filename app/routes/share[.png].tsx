import { shareCardResponse } from "~/utils/share-card.server";
import { organisationShareCard } from "~/modules/organisation/index.server";

// The organisation's picture for shared links to pages without a card of their own.
export function loader() {
  return shareCardResponse(organisationShareCard());
}
