import { Form, Link } from "react-router";

export type ShownPledge = { id: string; donorName: string; amount: string; reference: string | null; pledgedOn: string; campaignTitle: string };
export type ShownLine = { id: string; postedOn: string; amount: string; narration: string; pledge: ShownPledge | null; matchedBy: string | null; difference: string | null };
export type ShownUnmatched = ShownLine & { currency: string; mentions: string[]; candidates: ShownPledge[] };

const pledgeLabel = (pledge: ShownPledge) => `${pledge.donorName}, ${pledge.amount}, ${pledge.reference ?? "no reference"}, pledged ${pledge.pledgedOn}`;

function LineButton({ lineId, intent, children, lineLabel }: { lineId: string; intent: string; children: string; lineLabel: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="lineId" value={lineId} />
      <button type="submit" className="button button--secondary">
        {children}
        <span className="visually-hidden"> ({lineLabel})</span>
      </button>
    </Form>
  );
}

function Credit({ line }: { line: ShownLine }) {
  return (
    <>
      <dt>Credit</dt>
      <dd>
        {line.amount} on {line.postedOn}
        <div className="muted wrap-anywhere">{line.narration || "No narration"}</div>
      </dd>
    </>
  );
}

function Pledge({ pledge, difference }: { pledge: ShownPledge; difference: string | null }) {
  return (
    <>
      <dt>Pledge</dt>
      <dd>
        <Link to={`/admin/donations/${pledge.id}`}>{pledge.donorName}</Link>: {pledge.amount} pledged on {pledge.pledgedOn}
        {pledge.reference ? (
          <>
            , <span className="code-small">{pledge.reference}</span>
          </>
        ) : null}
        <div className="muted">{pledge.campaignTitle}</div>
        {difference ? <div>{difference}</div> : null}
      </dd>
    </>
  );
}

/** The proposed matches, each with a way to turn it down, and one button that confirms them all. */
export function ProposedMatches({ lines }: { lines: ShownLine[] }) {
  if (!lines.length) return null;
  return (
    <section aria-labelledby="proposed-title">
      <h2 id="proposed-title">Matches to confirm ({lines.length})</h2>
      <p className="measure">Confirming marks each pledge received for the amount and on the day the credit shows, and sends its receipt.</p>
      <ul className="statement-lines">
        {lines.map((line) => (
          <li key={line.id}>
            <dl className="summary-list">
              <Credit line={line} />
              {line.pledge ? <Pledge pledge={line.pledge} difference={line.difference} /> : null}
              <dt>Found by</dt>
              <dd>{line.matchedBy}</dd>
            </dl>
            <div className="button-row">
              <LineButton lineId={line.id} intent="reject" lineLabel={`${line.amount} on ${line.postedOn}`}>
                Not this pledge
              </LineButton>
              <LineButton lineId={line.id} intent="ignore" lineLabel={`${line.amount} on ${line.postedOn}`}>
                Not a gift
              </LineButton>
            </div>
          </li>
        ))}
      </ul>
      <Form method="post">
        <input type="hidden" name="intent" value="confirm" />
        {lines.map((line) => (
          <input key={line.id} type="hidden" name="lineIds" value={line.id} />
        ))}
        <button type="submit" className="button button--primary">
          Confirm {lines.length === 1 ? "1 match" : `${lines.length} matches`}
        </button>
      </Form>
    </section>
  );
}

/** Credits no pledge was found for: the pledges that could be theirs, and a manual match. */
export function UnmatchedCredits({ lines, openPledges, error }: { lines: ShownUnmatched[]; openPledges: Record<string, ShownPledge[]>; error: { lineId: string; message: string } | null }) {
  if (!lines.length) return null;
  return (
    <section aria-labelledby="unmatched-title">
      <h2 id="unmatched-title">Credits without a pledge ({lines.length})</h2>
      <p className="measure">Choose the pledge a credit paid to mark it received now, or set aside credits that are not gifts.</p>
      <ul className="statement-lines">
        {lines.map((line) => {
          const others = (openPledges[line.currency] ?? []).filter((pledge) => !line.candidates.some((candidate) => candidate.id === pledge.id));
          const failed = error?.lineId === line.id ? error.message : null;
          const selectId = `pledge-${line.id}`;
          return (
            <li key={line.id}>
              <dl className="summary-list">
                <Credit line={line} />
                {line.mentions.length ? (
                  <>
                    <dt>Mentions</dt>
                    <dd>{line.mentions.join("; ")}</dd>
                  </>
                ) : null}
                {line.candidates.length > 1 ? (
                  <>
                    <dt>Could be</dt>
                    <dd>{line.candidates.length} pledges of this amount in the 14 days before: choose one below.</dd>
                  </>
                ) : null}
              </dl>
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="match" />
                <input type="hidden" name="lineId" value={line.id} />
                <div className={failed ? "field field--error" : "field"}>
                  <label htmlFor={selectId} className="field__label">
                    The pledge this credit paid
                  </label>
                  {failed ? (
                    <p id={`${selectId}-error`} className="field__error">
                      <span className="visually-hidden">Error: </span>
                      {failed}
                    </p>
                  ) : null}
                  <select id={selectId} name="donationId" className="select" defaultValue="" aria-invalid={failed ? true : undefined} aria-describedby={failed ? `${selectId}-error` : undefined}>
                    <option value="">Choose a pledge</option>
                    {line.candidates.length ? (
                      <optgroup label="Same amount, pledged in the 14 days before">
                        {line.candidates.map((pledge) => (
                          <option key={pledge.id} value={pledge.id}>
                            {pledgeLabel(pledge)}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                    {others.length ? (
                      <optgroup label="Other waiting pledges">
                        {others.map((pledge) => (
                          <option key={pledge.id} value={pledge.id}>
                            {pledgeLabel(pledge)}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                  </select>
                </div>
                <button type="submit" className="button button--secondary">
                  Match and mark received
                </button>
              </Form>
              <LineButton lineId={line.id} intent="ignore" lineLabel={`${line.amount} on ${line.postedOn}`}>
                Not a gift
              </LineButton>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Credits already settled, and those set aside (which can come back). */
export function SettledCredits({ confirmed, ignored }: { confirmed: ShownLine[]; ignored: ShownLine[] }) {
  return (
    <>
      {confirmed.length ? (
        <section aria-labelledby="confirmed-title">
          <h2 id="confirmed-title">Confirmed ({confirmed.length})</h2>
          <ul className="statement-lines">
            {confirmed.map((line) => (
              <li key={line.id}>
                <dl className="summary-list">
                  <Credit line={line} />
                  {line.pledge ? <Pledge pledge={line.pledge} difference={line.difference} /> : null}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {ignored.length ? (
        <section aria-labelledby="ignored-title">
          <h2 id="ignored-title">Not gifts ({ignored.length})</h2>
          <ul className="statement-lines">
            {ignored.map((line) => (
              <li key={line.id}>
                <dl className="summary-list">
                  <Credit line={line} />
                </dl>
                <LineButton lineId={line.id} intent="restore" lineLabel={`${line.amount} on ${line.postedOn}`}>
                  Put back
                </LineButton>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
