import { TableRegion } from "~/components/table-region";
import { FEWER_THAN_FIVE } from "~/modules/journey";

/** An impact report as the server composed it: every figure already written out, small ones suppressed. */
export type ImpactReportData = {
  kind: "campaign" | "sponsor" | "year";
  title: string;
  lead: string;
  organisationName: string;
  moneyIn: { currency: string; amount: string; gifts: string; donors: string }[];
  paidFor: { campaignTitle: string; items: { kind: "event" | "cohort"; title: string; when: string; note: string }[] }[];
  reached: { stage: string; label: string; people: string }[];
  stories: { id: string; text: string; by: string }[];
  preparedOn: string;
};

/** The report itself, the same on the console, a sponsor's page, a shared link and the public annual page. */
export function ImpactReportView({ report, children }: { report: ImpactReportData; children?: React.ReactNode }) {
  return (
    <article className="impact-report" aria-labelledby="impact-title">
      <p className="impact-report__org">{report.organisationName}</p>
      <h1 id="impact-title">{report.title}</h1>
      <p className="lead">{report.lead}</p>
      {children}
      <section className="impact-block" aria-labelledby="money-title">
        <h2 id="money-title">Money in</h2>
        {report.moneyIn.length ? (
          <TableRegion label="Money in, by currency">
            <table className="table">
              <caption className="visually-hidden">Gifts received, less refunds, by currency</caption>
              <thead>
                <tr>
                  <th scope="col">Currency</th>
                  <th scope="col">Received</th>
                  <th scope="col">Gifts</th>
                  <th scope="col">Donors</th>
                </tr>
              </thead>
              <tbody>
                {report.moneyIn.map((row) => (
                  <tr key={row.currency}>
                    <th scope="row">{row.currency}</th>
                    <td>{row.amount}</td>
                    <td>{row.gifts}</td>
                    <td>{row.donors}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>No gifts received yet.</p>
        )}
        <p className="muted">Paid gifts less what was refunded. Currencies are never added together.</p>
      </section>
      {report.paidFor.length ? (
        <section className="impact-block" aria-labelledby="paid-for-title">
          <h2 id="paid-for-title">What it paid for</h2>
          {report.paidFor.map((group) => (
            <div key={group.campaignTitle}>
              {report.kind === "campaign" ? null : <h3>{group.campaignTitle}</h3>}
              <ul>
                {group.items.map((item) => (
                  <li key={`${item.kind}-${item.title}-${item.when}`}>
                    <strong>{item.title}</strong> ({item.kind === "event" ? "event" : "programme cohort"}, {item.when}): {item.note}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      <section className="impact-block" aria-labelledby="reached-title">
        <h2 id="reached-title">People reached and where they went</h2>
        <TableRegion label="People reached, by stage">
          <table className="table">
            <caption className="visually-hidden">Number of people at each stage of the journey</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">People</th>
              </tr>
            </thead>
            <tbody>
              {report.reached.map((row) => (
                <tr key={row.stage}>
                  <th scope="row">{row.label}</th>
                  <td>{row.people}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <p className="muted">
          Each person is counted once per stage. Where fewer than 5 people are in a figure it reads “{FEWER_THAN_FIVE}”, so that no one can be recognised.
        </p>
      </section>
      {report.stories.length ? (
        <section className="impact-block" aria-labelledby="stories-title">
          <h2 id="stories-title">In their own words</h2>
          {report.stories.map((story) => (
            <figure key={story.id} className="impact-story">
              <blockquote>
                <p className="pre-line">{story.text}</p>
              </blockquote>
              <figcaption>{story.by}</figcaption>
            </figure>
          ))}
          <p className="muted">Quoted with each person&rsquo;s permission, which they can withdraw at any time.</p>
        </section>
      ) : null}
      <p className="muted">Prepared on {report.preparedOn}.</p>
    </article>
  );
}
