import { TableRegion } from "~/components/table-region";

type Step = { id: string; position: number; title: string; open: boolean; done: number; opens: string | null };
type Member = { id: string; name: string; email: string; cells: ("done" | "open" | "locked")[]; doneCount: number; lastActivity: string | null };

// One element per cell (750 in a full cohort, rendered on every visit): a mark the caption explains.
const MARK = { done: "✓", open: "○", locked: "·" } as const;

/** Members × steps: done, open or not yet open; completion per step underneath. */
export function ProgressGrid({ steps, members }: { steps: Step[]; members: Member[] }) {
  return (
    <TableRegion label="Progress by member and step">
      <table className="progress-grid">
        <caption>
          Progress by member and step: ✓ done, ○ open and not done yet, · not open yet.
        </caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Done</th>
            {steps.map((step) => (
              <th key={step.id} scope="col" className="grid-step">
                <abbr title={`${step.title}${step.opens ? ` (opens ${step.opens})` : ""}`}>{step.position}</abbr>
                <span className="visually-hidden">. {step.title}</span>
              </th>
            ))}
            <th scope="col">Last active</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">
                {member.name}
                <br />
                <span className="muted grid-email">{member.email}</span>
              </th>
              <td>
                {member.doneCount}/{steps.length}
              </td>
              {member.cells.map((state, index) => (
                <td key={steps[index].id} className={state}>
                  {MARK[state]}
                </td>
              ))}
              <td className="nowrap">{member.lastActivity ?? "Not yet"}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Completed
            </th>
            {steps.map((step) => (
              <td key={step.id} className="grid-total">
                {step.open || step.done ? `${members.length ? Math.round((step.done / members.length) * 100) : 0}%` : "–"}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}
