import type { LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { shareCardResponse } from "~/utils/share-card.server";
import { campaignShareCard } from "~/modules/sponsorship/index.server";

// The picture beside a shared link to a campaign.
export function loader({ params }: LoaderFunctionArgs) {
  const card = campaignShareCard(params.slug ?? "") ?? notFound("We could not find that campaign.");
  return shareCardResponse(card);
}
