import { REGISTRATION_STATUS_LABELS, answerLabel } from "~/modules/events";
import { TableRegion } from "~/components/table-region";

type QuestionColumn = { id: string; label: string; kind: "text" | "choice" | "yes_no" };

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  status: "confirmed" | "waitlisted" | "offered" | "cancelled";
  registered: string;
  since: string | null;
  offerUntil: string | null;
  checkedIn: string | null;
  answers: Record<string, string>;
};

function answerText(question: QuestionColumn, value: string | undefined) {
  if (value === undefined || value === "") return <span className="muted">No answer</span>;
  return answerLabel(question.kind, value);
}

function QuestionHeadings({ questions }: { questions: QuestionColumn[] }) {
  return questions.map((q) => (
    <th key={q.id} scope="col">
      {q.label}
    </th>
  ));
}

function NameCell({ person }: { person: PersonRow }) {
  return (
    <td className="wrap-anywhere">
      {person.name}
      <br />
      <span className="muted">{person.email}</span>
    </td>
  );
}

function AnswerCells({ person, questions }: { person: PersonRow; questions: QuestionColumn[] }) {
  return questions.map((q) => <td key={q.id}>{answerText(q, person.answers[q.id])}</td>);
}

/** The people holding a seat (confirmed or offered one), with their answers and whether they came. */
export function SeatHoldersTable({ people, questions }: { people: PersonRow[]; questions: QuestionColumn[] }) {
  return (
    <TableRegion label="People with a seat">
      <table>
        <caption className="visually-hidden">People with a seat, and their answers</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Registered</th>
            <th scope="col">Checked in</th>
            <QuestionHeadings questions={questions} />
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <NameCell person={person} />
              <td>
                <span className={person.status === "confirmed" ? "tag tag--success" : "tag"}>{REGISTRATION_STATUS_LABELS[person.status]}</span>
                {person.offerUntil ? <div className="muted">Until {person.offerUntil}</div> : null}
              </td>
              <td className="nowrap">{person.registered}</td>
              <td className="nowrap">{person.checkedIn ?? <span className="muted">Not yet</span>}</td>
              <AnswerCells person={person} questions={questions} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The waiting list in the order seats are offered. */
export function WaitlistTable({ people, questions }: { people: PersonRow[]; questions: QuestionColumn[] }) {
  return (
    <TableRegion label="The waiting list">
      <table>
        <caption className="visually-hidden">The waiting list, first in line first</caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Name</th>
            <th scope="col">Waiting since</th>
            <QuestionHeadings questions={questions} />
          </tr>
        </thead>
        <tbody>
          {people.map((person, index) => (
            <tr key={person.id}>
              <td>{index + 1}</td>
              <NameCell person={person} />
              <td className="nowrap">{person.since ?? person.registered}</td>
              <AnswerCells person={person} questions={questions} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

type FeedbackView = { count: number; average: number | null; byRating: number[]; comments: { rating: number; comment: string; at: string }[] };

export function FeedbackResults({ feedback }: { feedback: FeedbackView }) {
  if (!feedback.count) return <p className="muted">No feedback yet. People who were checked in are asked for it after the event.</p>;
  const most = Math.max(...feedback.byRating, 1);
  return (
    <>
      <p>
        <strong className="figure">{feedback.average?.toFixed(1)}</strong> out of 5, from {feedback.count}{" "}
        {feedback.count === 1 ? "person" : "people"}.
      </p>
      <table className="rating-bars">
        <caption className="visually-hidden">How many people gave each rating</caption>
        <tbody>
          {[5, 4, 3, 2, 1].map((rating) => (
            <tr key={rating}>
              <th scope="row">{rating}</th>
              <td>
                <meter min={0} max={most} value={feedback.byRating[rating - 1]} aria-label={`Rated ${rating}`} />
              </td>
              <td>{feedback.byRating[rating - 1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {feedback.comments.length ? (
        <>
          <h3>Comments</h3>
          <ul className="comment-list">
            {feedback.comments.map((c, index) => (
              <li key={index}>
                <blockquote>{c.comment}</blockquote>
                <p className="muted">
                  Rated {c.rating} · {c.at}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
