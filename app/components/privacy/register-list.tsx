// The register of processing, one category after another: a definition list per category reads
// on a 360px phone where an eight-column table would not.

import type { RegisterEntry } from "~/modules/privacy";

type Recipient = RegisterEntry["recipients"][number];

function Recipients({ recipients }: { recipients: Recipient[] }) {
  if (!recipients.length) return <>Nobody outside the organisation</>;
  return (
    <ul className="compact-list">
      {recipients.map((recipient) => (
        <li key={recipient.key}>
          {recipient.name}, {recipient.country}
          {recipient.abroad ? " (outside Nigeria)" : ""}
          {recipient.inUse ? "" : <span className="muted"> (not in use)</span>}: {recipient.receives.charAt(0).toLowerCase() + recipient.receives.slice(1)}
        </li>
      ))}
    </ul>
  );
}

export function RegisterList({ entries }: { entries: RegisterEntry[] }) {
  return (
    <>
      {entries.map((entry) => (
        <section key={entry.key} aria-labelledby={`register-${entry.key}`}>
          <h3 id={`register-${entry.key}`}>{entry.category}</h3>
          <dl className="summary-list">
            <dt>What we hold</dt>
            <dd>{entry.data}</dd>
            <dt>Why</dt>
            <dd>{entry.purposes}</dd>
            <dt>Lawful basis</dt>
            <dd>{entry.lawfulBasis}</dd>
            <dt>Where it is stored</dt>
            <dd>{entry.storedIn}</dd>
            <dt>How long it is kept</dt>
            <dd>{entry.retention}</dd>
            <dt>Who else receives it</dt>
            <dd>
              <Recipients recipients={entry.recipients} />
            </dd>
            <dt>Held now</dt>
            <dd>
              <ul className="compact-list">
                {entry.records.map((record) => (
                  <li key={record.label}>
                    {record.label}: {record.count.toLocaleString("en-GB")}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        </section>
      ))}
    </>
  );
}
