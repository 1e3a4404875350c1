import { TableRegion } from "~/components/table-region";

// What each run of the retention job removed, in words an organiser reads at a glance.

const REMOVED_LABELS: Record<string, string> = {
  inactiveAccounts: "unused accounts erased",
  sessions: "ended sessions",
  pendingLogins: "unfinished log-ins",
  emailLinks: "used or expired email links",
  invitations: "lapsed invitations",
  guardianRequests: "lapsed guardian consent requests",
  registrationAnswers: "booking answers",
  feedbackComments: "feedback comments",
  donorIdentities: "gifts made anonymous",
  emailBodies: "message texts",
  expiredShortLinks: "expired short links",
  dataDownloads: "expired data downloads",
  auditEntries: "audit entries",
};

/** "3 ended sessions, 12 email texts", or that nothing was due. */
export function describeRemoved(removed: Record<string, number>): string {
  const parts = Object.entries(removed)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => `${count} ${REMOVED_LABELS[key] ?? key}`);
  return parts.length ? parts.join(", ") : "Nothing was due for removal";
}

export function RetentionRuns({ runs }: { runs: { id: string; when: string; removed: Record<string, number> }[] }) {
  if (!runs.length) return <p className="muted">The job has not run yet. It runs every night, or press “Run now”.</p>;
  return (
    <TableRegion label="Recent runs">
      <table>
        <caption className="visually-hidden">Recent runs of the retention job</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What was removed</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{run.when}</td>
              <td>{describeRemoved(run.removed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
