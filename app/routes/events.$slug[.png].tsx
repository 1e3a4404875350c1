import type { LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { shareCardResponse } from "~/utils/share-card.server";
import { eventShareCard } from "~/modules/events/index.server";

// The picture beside a shared link to a published event.
export function loader({ params }: LoaderFunctionArgs) {
  const card = eventShareCard(params.slug ?? "") ?? notFound("We could not find that event.");
  return shareCardResponse(card);
}
