import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { formatMoney } from "~/utils/money";
import { getUser } from "~/routes/helpers/session.server";
import { confirmGiftReturn } from "~/modules/sponsorship/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.heading}: ${data.campaignTitle}` : "Your gift" },
  { name: "robots", content: "noindex" },
];

export const handle = staticPage;

const NOT_FOUND = "We could not find that gift. If you were charged, the receipt email is on its way.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  // The payment page sends the donor back with its own key: Stripe's session, Paystack's reference.
  const view = await confirmGiftReturn(slug, new URL(request.url).searchParams, getUser(request)?.id ?? null);
  if (!view) notFound(NOT_FOUND);
  // Without an answer from the provider a pending gift may be paid already: say it is being confirmed.
  const waiting = view.status === "processing" || (view.status === "pending" && !view.confirmed);
  const state = view.status === "paid" ? "paid" : waiting ? "processing" : view.status === "refunded" ? "refunded" : "incomplete";
  const heading = { paid: "Thank you for your gift", processing: "Your gift is on its way", refunded: "This gift was refunded", incomplete: "Your gift was not completed" }[state];
  return {
    state,
    heading,
    slug,
    amount: formatMoney(view.amount, view.currency),
    monthly: view.monthly,
    donorName: view.donorName,
    campaignTitle: view.campaignTitle,
    receiptId: view.receiptId,
  };
}

export default function DonationThanks() {
  const gift = useLoaderData<typeof loader>();
  const what = `${gift.monthly ? "monthly " : ""}gift of ${gift.amount} to ${gift.campaignTitle}`;
  return (
    <>
      <PageHeader title={gift.heading} />
      <p className="notice" role="status" data-gift-status={gift.state}>
        Status: <strong>{{ paid: "paid", processing: "processing", refunded: "refunded", incomplete: "not completed" }[gift.state]}</strong>
      </p>
      {gift.state === "paid" ? (
        <>
          <p>
            Thank you, {gift.donorName}. We received your {what}.
            {gift.monthly ? " It will be taken each month until you stop it." : ""}
          </p>
          <p>Your receipt is on its way to your email. Its link lets you see and print it at any time{gift.monthly ? ", and manage your monthly gift" : ""}.</p>
          {gift.receiptId ? (
            <p>
              <Link to={`/receipts/${gift.receiptId}`}>See your receipt</Link>
            </p>
          ) : null}
        </>
      ) : gift.state === "processing" ? (
        <p>
          Thank you, {gift.donorName}. Your {what} is still being confirmed. This can take from a few minutes to a few days,
          depending on how you paid; we will email your receipt as soon as it is confirmed.
        </p>
      ) : gift.state === "refunded" ? (
        <p>Your {what} was refunded to your card.</p>
      ) : (
        <>
          <p>Your {what} did not go through, and your card was not charged.</p>
          <p>
            <Link className="button button--primary" to={`/donate/${gift.slug}`}>
              Try again
            </Link>
          </p>
        </>
      )}
      <p>
        <Link to={`/donate/${gift.slug}`}>Back to {gift.campaignTitle}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
