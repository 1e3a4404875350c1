import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { Fragment } from "react";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { formatMoney } from "~/utils/money";
import { requireUser } from "~/routes/helpers/session.server";
import { benefitWording, parseStatementYear, receiptIssuer, statementInReturn, yearStatement } from "~/modules/sponsorship/index.server";
import { IssuerDetails } from "~/components/sponsorship/receipt-issuer";
import { getOrganisation } from "~/modules/organisation/index.server";
import { METHOD_LABELS } from "~/modules/sponsorship";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Giving statement ${data.year}` : "Giving statement" }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const year = parseStatementYear(params.year);
  if (year === null) notFound("There is no statement for that year.");
  const organisation = getOrganisation();
  const { timeZone } = organisation;
  const statement = yearStatement(user, year, timeZone);
  return {
    year,
    donorName: user.name,
    donorEmail: user.email,
    organisation: { name: organisation.name, contactEmail: organisation.contactEmail, tagline: organisation.tagline },
    issuer: receiptIssuer(organisation),
    nothingInReturn: statementInReturn(statement),
    issued: formatDate(statement.issuedAt, timeZone),
    lines: statement.lines.map((line, index) => ({
      key: `${line.receiptNumber}-${index}`,
      date: formatDate(line.paidAt, timeZone),
      receiptNumber: line.receiptNumber,
      campaignTitle: line.campaignTitle,
      amount: formatMoney(line.amount, line.currency),
      refunded: line.refundedAmount ? formatMoney(line.refundedAmount, line.currency) : null,
      net: formatMoney(line.net, line.currency),
      method: METHOD_LABELS[line.method],
      giftDescription: line.giftDescription,
      inReturn: line.inReturn ? benefitWording(line.inReturn, line.currency) : null,
    })),
    totals: statement.totals.map((t) => ({ currency: t.currency, gifts: t.gifts, net: formatMoney(t.net, t.currency) })),
  };
}

export default function Statement() {
  const s = useLoaderData<typeof loader>();
  return (
    <article className="statement" aria-labelledby="statement-title">
      <p className="breadcrumb">
        <Link to="/me/giving">My giving</Link>
      </p>
      <header className="statement__header">
        <p className="statement__org">{s.organisation.name}</p>
        {s.organisation.tagline ? <p className="muted">{s.organisation.tagline}</p> : null}
        <p>
          <IssuerDetails issuer={s.issuer} />
        </p>
      </header>
      <h1 id="statement-title">Giving statement {s.year}</h1>
      <dl className="summary-list">
        <dt>Donor</dt>
        <dd>
          {s.donorName}, {s.donorEmail}
        </dd>
        <dt>Period</dt>
        <dd>1 January to 31 December {s.year}</dd>
        <dt>Issued</dt>
        <dd>{s.issued}</dd>
      </dl>
      {s.lines.length ? (
        <>
          <TableRegion label={`Gifts received in ${s.year}`}>
            <table className="table--stack" role="table">
              <caption className="visually-hidden">Gifts received in {s.year}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">Date</th>
                  <th scope="col" role="columnheader">Receipt</th>
                  <th scope="col" role="columnheader">Campaign</th>
                  <th scope="col" role="columnheader">Method</th>
                  <th scope="col" role="columnheader">Amount</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {s.lines.map((line) => (
                  <tr key={line.key} role="row">
                    <td role="cell" data-label="Date" className="nowrap">{line.date}</td>
                    <td role="cell" data-label="Receipt" className="nowrap">{line.receiptNumber}</td>
                    <td role="cell" data-label="Campaign">
                      {line.campaignTitle}
                      {line.inReturn ? <div className="muted">{line.inReturn}</div> : null}
                    </td>
                    <td role="cell" data-label="Method">
                      {line.method}
                      {line.giftDescription ? <div className="muted">{line.giftDescription} (fair value)</div> : null}
                    </td>
                    <td role="cell" data-label="Amount" className="nowrap">
                      {line.net}
                      {line.refunded ? (
                        <div className="muted">
                          {line.amount} given, {line.refunded} refunded
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <h2>Total for {s.year}</h2>
          <dl className="summary-list">
            {s.totals.map((t) => (
              <Fragment key={t.currency}>
                <dt>
                  {t.currency} ({t.gifts} {t.gifts === 1 ? "gift" : "gifts"})
                </dt>
                <dd>{t.net}</dd>
              </Fragment>
            ))}
          </dl>
          <p>Thank you for your support. Amounts are what we received, less anything refunded to you.</p>
          <p>{s.nothingInReturn}</p>
          {s.issuer.taxWording ? <p className="pre-line">{s.issuer.taxWording}</p> : null}
        </>
      ) : (
        <p>We have no gifts from you received in {s.year}.</p>
      )}
      <p className="muted no-print">
        To keep a copy, <a href={`/me/giving/statement/${s.year}.pdf`}>download it as a PDF</a>, use your browser&rsquo;s Print menu, or{" "}
        <a href={`/me/giving/statement/${s.year}.csv`} download>
          download it as CSV
        </a>
        .
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
