import { isPlaceholderAddress } from "~/utils/redact.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { DonationStatusTag } from "~/components/sponsorship/donations-admin-ui";
import { formatDate } from "~/utils/dates";
import { formatMoney } from "~/utils/money";
import { requireUser } from "~/routes/helpers/session.server";
import { notFound } from "~/utils/http.server";
import { logger } from "~/utils/logger.server";
import { manageUrlForMyMonthlyGift, myGifts, myMonthlyGifts, statementYears } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { myImpactReports } from "~/modules/journey/index.server";
import { INTERVAL_LABELS, METHOD_LABELS } from "~/modules/sponsorship";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "My giving" }];

const MONTHLY_STATUS = { active: "Active", past_due: "Payment failed: please check your card", cancelled: "Cancelled" } as const;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { timeZone } = getOrganisation();
  return {
    // An account made with a phone number has no address to confirm.
    emailVerified: user.emailVerified || isPlaceholderAddress(user.email),
    email: user.email,
    gifts: myGifts(user).map((g) => ({
      id: g.id,
      campaignTitle: g.campaignTitle,
      campaignSlug: g.campaignSlug,
      amount: formatMoney(g.amount, g.currency),
      refunded: g.refundedAmount ? formatMoney(g.refundedAmount, g.currency) : null,
      what: `${INTERVAL_LABELS[g.interval]}, ${METHOD_LABELS[g.method].toLowerCase()}`,
      status: g.status,
      reference: g.reference,
      receiptNumber: g.receiptNumber,
      date: formatDate(g.date, timeZone),
      receiptHref: g.receiptHref,
      transferHref: g.transferHref,
    })),
    monthly: myMonthlyGifts(user).map((g) => ({
      subscriptionId: g.subscriptionId,
      campaignTitle: g.campaignTitle,
      amount: formatMoney(g.amount, g.currency),
      status: MONTHLY_STATUS[g.status],
      since: formatDate(g.startedAt, timeZone),
      manageHref: g.manageHref,
    })),
    years: statementYears(user, timeZone),
    impactReports: myImpactReports(user),
  };
}

/** "Manage your monthly gift": the provider's page links expire, so a fresh one is asked for on each press. */
export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const form = await request.formData();
  const subscription = form.get("subscription");
  if (form.get("intent") !== "manage" || typeof subscription !== "string" || !subscription) notFound("There is nothing to do here.");
  let url: string | null;
  try {
    url = await manageUrlForMyMonthlyGift(user, subscription);
  } catch (error) {
    logger.warn({ err: error }, "could not open the page to manage a monthly gift");
    throw data({ message: "We could not reach the card payment service to manage your monthly gift. Nothing has changed: please try again in a few minutes." }, { status: 503 });
  }
  if (!url) notFound("This monthly gift can no longer be managed here. It may have been cancelled already.");
  return redirect(url, 303);
}

export default function MyGiving() {
  const { emailVerified, email, gifts, monthly, years, impactReports } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/me">My page</Link>
      </p>
      <PageHeader title="My giving" lead="Your gifts, their receipts, and your monthly giving. Thank you." />
      {emailVerified ? null : (
        <p className="notice">
          Gifts given with <strong>{email}</strong> while not signed in appear here once you confirm that address (see{" "}
          <Link to="/me">My page</Link>).
        </p>
      )}

      {monthly.length ? (
        <section aria-labelledby="monthly-title">
          <h2 id="monthly-title">Monthly gifts</h2>
          <ul className="plain-list">
            {monthly.map((g) => (
              <li key={g.subscriptionId} className="card">
                <p>
                  <strong>{g.amount} a month</strong> to {g.campaignTitle}, since {g.since}
                  <br />
                  {g.status}
                </p>
                {g.status !== MONTHLY_STATUS.cancelled ? (
                  <Form method="post" reloadDocument>
                    <input type="hidden" name="intent" value="manage" />
                    <input type="hidden" name="subscription" value={g.subscriptionId} />
                    <button type="submit" className="button button--secondary">
                      Manage your monthly gift<span className="visually-hidden"> to {g.campaignTitle}</span>
                    </button>
                  </Form>
                ) : null}
                {g.manageHref ? <Link to={g.manageHref}>The first gift&rsquo;s receipt</Link> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>Gifts</h2>
      {gifts.length ? (
        <TableRegion label="Your gifts">
          <table className="table--stack" role="table">
            <caption className="visually-hidden">Your gifts, newest first</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">Date</th>
                <th scope="col" role="columnheader">Campaign</th>
                <th scope="col" role="columnheader">Amount</th>
                <th scope="col" role="columnheader">Status</th>
                <th scope="col" role="columnheader">Receipt</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {gifts.map((g) => (
                <tr key={g.id} role="row">
                  <td role="cell" data-label="Date" className="nowrap">{g.date}</td>
                  <td role="cell" data-label="Campaign">
                    <Link to={`/donate/${g.campaignSlug}`}>{g.campaignTitle}</Link>
                  </td>
                  <td role="cell" data-label="Amount" className="nowrap">
                    {g.amount}
                    <br />
                    <span className="muted">{g.what}</span>
                    {g.refunded ? <div className="muted">{g.refunded} refunded</div> : null}
                  </td>
                  <td role="cell" data-label="Status">
                    <DonationStatusTag status={g.status} />
                    {g.transferHref ? (
                      <div>
                        <Link to={g.transferHref}>Bank details and reference {g.reference}</Link>
                      </div>
                    ) : null}
                  </td>
                  <td role="cell" data-label="Receipt">
                    {g.receiptHref ? (
                      <Link to={g.receiptHref}>Receipt {g.receiptNumber}</Link>
                    ) : g.receiptNumber ? (
                      <>
                        {g.receiptNumber}
                        <div className="muted">The link is in your receipt email.</div>
                      </>
                    ) : (
                      <span className="muted">None yet</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title="No gifts yet">
          <p>
            When you give, your gifts and receipts appear here. <Link to="/donate">See what you could support</Link>.
          </p>
        </EmptyState>
      )}

      {impactReports.length ? (
        <section aria-labelledby="impact-title">
          <h2 id="impact-title">What your gifts did</h2>
          <ul>
            {impactReports.map((report) => (
              <li key={report.href}>
                <Link to={report.href}>{report.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {years.length ? (
        <section aria-labelledby="statements-title">
          <h2 id="statements-title">Year-end statements</h2>
          <p>One page per year listing every gift, to print or keep for your records.</p>
          <ul className="plain-list">
            {years.map((year) => (
              <li key={year}>
                <Link to={`/me/giving/statement/${year}`}>Statement for {year}</Link> ·{" "}
                <a href={`/me/giving/statement/${year}.csv`} download>
                  CSV<span className="visually-hidden"> for {year}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
