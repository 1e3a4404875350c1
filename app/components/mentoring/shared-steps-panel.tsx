import { Form, Link } from "react-router";
import type { Workspace } from "~/modules/mentoring";

/** The mentee chooses which answered steps their mentor may read, and takes them back. */
export function ShareStepsPanel({ workspace }: { workspace: Workspace }) {
  return (
    <section aria-labelledby="share-title" id="step-answers">
      <h2 id="share-title">Share your step answers</h2>
      <p>
        Your answers in the programme are private. You can show chosen ones to {workspace.otherName} and withdraw them at any
        time. Organisers never see them.
      </p>
      {workspace.shareable.length === 0 ? (
        <p className="muted">
          You have no answered steps yet. Answers you save in <Link to="/me/programme">your programme</Link> appear here.
        </p>
      ) : (
        workspace.shareable.map((cohort) => (
          <div key={cohort.memberId}>
            <h3>{cohort.cohortName}</h3>
            <ul className="plain-list" aria-label={`Steps of ${cohort.cohortName}`}>
              {cohort.steps.map((step) => (
                <li key={step.stepId}>
                  Step {step.position}: {step.title}{" "}
                  {step.shared ? <span className="tag tag--success">Shared</span> : <span className="tag">Private</span>}{" "}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value={step.shared ? "withdraw-step" : "share-step"} />
                    <input type="hidden" name="memberId" value={cohort.memberId} />
                    <input type="hidden" name="stepId" value={step.stepId} />
                    <button type="submit" className="link-button" aria-label={`${step.shared ? "Withdraw" : "Share"} step ${step.position}: ${step.title}`}>
                      {step.shared ? "Withdraw" : "Share"}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

/** What the mentor reads: the answers shared with them, read-only. */
export function SharedAnswersPanel({ workspace }: { workspace: Workspace }) {
  if (!workspace.active) return null;
  return (
    <section aria-labelledby="shared-answers-title" id="step-answers">
      <h2 id="shared-answers-title">Step answers {workspace.otherName} shared with you</h2>
      {workspace.sharedAnswers.length === 0 ? (
        <p className="muted">Nothing shared yet. {workspace.otherName} can choose answers from the programme to show you.</p>
      ) : (
        workspace.sharedAnswers.map((answer) => (
          <article key={answer.key} className="card">
            <h3>
              Step {answer.position}: {answer.title}
            </h3>
            <p className="muted">
              {answer.cohortName}
              {answer.completedAt ? `, completed ${answer.completedAt}` : ""}
            </p>
            <dl className="entries">
              {answer.lines.map((line, index) => (
                <div key={index}>
                  <dt>{line.label}</dt>
                  <dd className="pre-line">{line.value}</dd>
                </div>
              ))}
            </dl>
          </article>
        ))
      )}
    </section>
  );
}
