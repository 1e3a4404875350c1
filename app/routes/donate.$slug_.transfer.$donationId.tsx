import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { formatDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { formatMoney } from "~/utils/money";
import { findTransferPledge } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Your bank transfer pledge: ${data.campaignTitle}` : "Pledge not found" },
  { name: "robots", content: "noindex" },
];

export const handle = staticPage;

const STATUS_TEXT: Record<string, string> = {
  pending: "Waiting for your transfer",
  paid: "Received: thank you",
  refunded: "Refunded",
  failed: "Not completed",
  expired: "Not completed",
  processing: "Waiting for your transfer",
};

export function loader({ params }: LoaderFunctionArgs) {
  const pledge = findTransferPledge(params.slug ?? "", params.donationId ?? "") ?? notFound("We could not find that pledge.");
  const organisation = getOrganisation();
  return {
    campaignTitle: pledge.campaignTitle,
    campaignSlug: pledge.campaignSlug,
    donorName: pledge.donorName,
    amount: formatMoney(pledge.amount, pledge.currency),
    reference: pledge.reference,
    status: pledge.status,
    statusText: STATUS_TEXT[pledge.status] ?? pledge.status,
    pledgedOn: formatDate(pledge.createdAt, organisation.timeZone),
    receivedOn: pledge.paidAt ? formatDate(pledge.paidAt, organisation.timeZone) : null,
    bankDetails: organisation.bankTransferDetails,
    contactEmail: organisation.contactEmail,
  };
}

export default function TransferPledge() {
  const pledge = useLoaderData<typeof loader>();
  const pending = pledge.status === "pending" || pledge.status === "processing";
  return (
    <article className="pledge-page">
      <p className="muted">
        <Link to={`/donate/${pledge.campaignSlug}`}>{pledge.campaignTitle}</Link>
      </p>
      <PageHeader
        title={pending ? "Thank you: now make the transfer" : "Your bank transfer"}
        lead={pending ? `We have emailed these details to you too, ${pledge.donorName}.` : undefined}
      />
      <dl className="summary-list pledge-page__facts">
        <dt>Amount</dt>
        <dd>{pledge.amount}</dd>
        <dt>Reference</dt>
        <dd>
          <strong className="pledge-page__reference">{pledge.reference}</strong>
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={pledge.status === "paid" ? "tag tag--success" : "tag"}>{pledge.statusText}</span>
        </dd>
        <dt>Pledged on</dt>
        <dd>{pledge.pledgedOn}</dd>
        {pledge.receivedOn ? (
          <>
            <dt>Received on</dt>
            <dd>{pledge.receivedOn}</dd>
          </>
        ) : null}
      </dl>
      {pending ? (
        <section aria-labelledby="bank-title">
          <h2 id="bank-title">Our bank details</h2>
          {pledge.bankDetails ? (
            <p className="pledge-page__bank">{pledge.bankDetails}</p>
          ) : (
            <p>Please write to us for our bank details{pledge.contactEmail ? ` at ${pledge.contactEmail}` : ""}, quoting your reference.</p>
          )}
          <div className="notice" role="note">
            <p>
              Please write the reference <strong>{pledge.reference}</strong> on your transfer so we can match it to your gift. When it
              arrives we mark it received and email you a receipt.
            </p>
          </div>
          {pledge.contactEmail ? (
            <p>
              Questions? Write to <a href={`mailto:${pledge.contactEmail}`}>{pledge.contactEmail}</a> and quote your reference.
            </p>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
