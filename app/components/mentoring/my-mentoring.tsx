import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { ErrorSummary, SubmitButton, TextAreaField } from "~/components/forms";
import { EmptyState } from "~/components/layout";
import { declineSchema } from "~/modules/mentoring";

export type Item = {
  id: string;
  status: "proposed" | "active" | "declined" | "lapsed" | "withdrawn" | "ended";
  otherName: string;
  sent: string;
  answerBy: string | null;
  started: string | null;
  ended: string | null;
  /** The mentee's request message: shown to the mentor of an open request only. */
  message: string;
  /** The mentor's reason for declining: shown to the mentee only. */
  declineReason: string;
  rated: boolean;
};

type LastResult = SubmissionResult<string[]> | null | undefined;

const PAST_TEXT: Record<Item["status"], string> = {
  proposed: "Waiting for an answer",
  active: "Active",
  declined: "Declined",
  lapsed: "Lapsed: not answered in 7 days",
  withdrawn: "Withdrawn",
  ended: "Ended",
};

function ButtonForm({ intent, id, label, variant = "secondary", aria }: { intent: string; id: string; label: string; variant?: "primary" | "secondary" | "warning"; aria: string }) {
  return (
    <Form method="post" className="inline-form" aria-label={aria}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </Form>
  );
}

function ActiveList({ items, empty }: { items: Item[]; empty: string }) {
  if (!items.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list">
      {items.map((item) => (
        <li key={item.id} className="card">
          <h3>
            <Link to={`/me/mentoring/${item.id}`}>{item.otherName}</Link>
          </h3>
          <p className="muted">Since {item.started}</p>
          <p>
            <Link to={`/me/mentoring/${item.id}`}>Sessions and notes</Link> · <Link to={`/me/mentoring/${item.id}/end`}>End the mentorship</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

function PastList({ items, title }: { items: Item[]; title: string }) {
  if (!items.length) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            {item.otherName}: {PAST_TEXT[item.status]}
            {item.ended ? ` on ${item.ended}` : ""}
            {item.declineReason ? ` (“${item.declineReason}”)` : ""}
            {item.status === "ended" && !item.rated ? (
              <>
                {" "}
                · <Link to={`/me/mentoring/${item.id}/end`}>Rate it</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function MenteeSection({ items }: { items: Item[] }) {
  const open = items.filter((i) => i.status === "proposed");
  return (
    <section aria-labelledby="as-mentee">
      <h2 id="as-mentee">My mentors</h2>
      <ActiveList items={items.filter((i) => i.status === "active")} empty="You have no mentor yet." />
      <p>
        <Link to="/mentors" className="button button--secondary">
          Find a mentor
        </Link>{" "}
        <Link to="/me/mentoring/profile">My mentee profile</Link>
      </p>
      <h3>My requests</h3>
      {open.length ? (
        <ul className="plain-list">
          {open.map((item) => (
            <li key={item.id} className="card">
              <p>
                To <strong>{item.otherName}</strong>, sent {item.sent}. They have until {item.answerBy} to answer.
              </p>
              <ButtonForm intent="withdraw" id={item.id} label="Withdraw request" aria={`Withdraw your request to ${item.otherName}`} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No requests waiting for an answer.</p>
      )}
      <PastList items={items.filter((i) => !["proposed", "active"].includes(i.status))} title="Earlier" />
    </section>
  );
}

function DeclineForm({ item, lastResult }: { item: Item; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: `decline-${item.id}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: declineSchema }),
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)} aria-label={`Decline ${item.otherName}'s request`}>
      <ErrorSummary form={form} fields={{ reason: fields.reason }} />
      <input type="hidden" name="intent" value="decline" />
      <input type="hidden" name="id" value={item.id} />
      <TextAreaField meta={fields.reason} label="Reason (optional)" hint={`${item.otherName} will see it on their mentoring page; we email them to look.`} rows={2} />
      <SubmitButton variant="warning">Decline</SubmitButton>
    </Form>
  );
}

type MentorStatus = { status: "pending" | "approved" | "rejected"; capacity: number; placesLeft: number; accepting: boolean };

export function MentorSection({ items, mentor, lastResult }: { items: Item[]; mentor: MentorStatus | null; lastResult: LastResult }) {
  const waiting = items.filter((i) => i.status === "proposed");
  const failedId = (lastResult?.initialValue as { id?: string } | undefined)?.id;
  return (
    <section aria-labelledby="as-mentor">
      <h2 id="as-mentor">As a mentor</h2>
      {!mentor ? (
        <p>
          You have no mentor profile yet. <Link to="/me/mentoring/mentor-profile">Write your mentor profile</Link>: the organisers
          approve it before mentees can see it.
        </p>
      ) : (
        <dl className="summary-list">
          <dt>Profile</dt>
          <dd>
            {mentor.status === "approved" ? "Approved" : mentor.status === "pending" ? "Waiting for the organisers to approve it" : "Not approved"}
            {" · "}
            <Link to="/me/mentoring/mentor-profile">Edit my mentor profile</Link>
          </dd>
          <dt>New mentees</dt>
          <dd>{mentor.accepting ? "You are taking new mentees" : "You are not taking new mentees"} (change it on your profile)</dd>
          <dt>Places left</dt>
          <dd>
            {mentor.placesLeft} of {mentor.capacity}
          </dd>
        </dl>
      )}
      <h3>Requests waiting for you</h3>
      {waiting.length === 0 ? (
        <EmptyState title="No requests waiting">
          <p>When a participant asks you to mentor them, the request appears here and we email you.</p>
        </EmptyState>
      ) : (
        <ul className="plain-list">
          {waiting.map((item) => (
            <li key={item.id} className="card">
              <h4>{item.otherName}</h4>
              <p className="muted">
                Sent {item.sent}. Please answer by {item.answerBy}.
              </p>
              <blockquote className="pre-line">{item.message}</blockquote>
              <div className="button-row">
                <ButtonForm intent="accept" id={item.id} label="Accept" variant="primary" aria={`Accept ${item.otherName}'s request`} />
              </div>
              <DeclineForm item={item} lastResult={failedId === item.id ? lastResult : undefined} />
            </li>
          ))}
        </ul>
      )}
      <h3>My mentees</h3>
      <ActiveList items={items.filter((i) => i.status === "active")} empty="You have no mentees yet." />
      <PastList items={items.filter((i) => i.status === "ended")} title="Past mentees" />
    </section>
  );
}
