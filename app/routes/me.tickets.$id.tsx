import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { RegistrationTag } from "~/components/events/event-ui";
import { SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { badRequest } from "~/routes/helpers/replies.server";
import { requireUser } from "~/routes/helpers/session.server";
import { ticketPath, cancelRegistration, correctRegistrationAnswers, ownsRegistration, ownRegistrationAnswers, ticketFor, acceptOffer } from "~/modules/events/index.server";
import { correctAnswersSchema, ticketActionSchema } from "~/modules/events";
import { AnswersForm } from "~/components/events/answers-form";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Ticket: ${data.ticket.event.title}` : "Ticket" }];

const NO_TICKET = "We could not find that registration.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const ticket = await ticketFor(user.id, params.id ?? "", getOrganisation().timeZone);
  if (!ticket) notFound(NO_TICKET);
  return { ticket, name: user.name, own: ownRegistrationAnswers(user.id, ticket.id)! };
}

/** Correcting what was answered at booking; a wrong answer keeps the form, with the message at the question. */
function correctAnswers(formData: FormData, userId: string, id: string) {
  const own = ownRegistrationAnswers(userId, id);
  if (!own) notFound(NO_TICKET);
  const submission = parseWithZod(formData, { schema: correctAnswersSchema(own.questions) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = correctRegistrationAnswers(userId, id, submission.value.answers);
  if (!result.ok) notFound(NO_TICKET);
  return redirectWithFlash(ticketPath(id), "Your answers are saved.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const id = params.id ?? "";
  // Someone else's registration does not exist, whatever the form says.
  if (!ownsRegistration(user.id, id)) notFound(NO_TICKET);
  const formData = await request.formData();
  if (formData.get("intent") === "change-answers") return correctAnswers(formData, user.id, id);
  const submission = parseWithZod(formData, { schema: ticketActionSchema });
  if (submission.status !== "success") badRequest();
  if (submission.value.intent === "accept") {
    const result = acceptOffer(user.id, id);
    if (!result.ok && result.code === "not-found") notFound(NO_TICKET);
    const message = result.ok
      ? { kind: "success" as const, message: "The seat is yours. We have emailed your ticket." }
      : { kind: "error" as const, message: result.message };
    return redirectWithFlash(ticketPath(id), message);
  }
  const result = cancelRegistration(user.id, id);
  if (!result.ok && result.code === "not-found") notFound(NO_TICKET);
  const message = result.ok
    ? { kind: "success" as const, message: "Your registration is cancelled. Thank you for letting someone else have the seat." }
    : { kind: "error" as const, message: result.message };
  return redirectWithFlash(ticketPath(id), message);
}

export default function Ticket() {
  const { ticket, name, own } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { event } = ticket;
  return (
    <>
      <PageHeader title={event.title}>
        <p>
          <RegistrationTag status={ticket.status} position={ticket.position} />
          {event.status === "cancelled" ? <span className="tag tag--error">Event cancelled</span> : null}
        </p>
      </PageHeader>
      {ticket.status === "offered" ? (
        <div className="notice notice--success" role="region" aria-labelledby="offer-title">
          <h2 id="offer-title">A seat is free for you</h2>
          <p>
            It is held for you until <strong>{ticket.offerExpires}</strong>. After that it goes to the next person waiting.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <SubmitButton>Accept my seat</SubmitButton>
          </Form>
        </div>
      ) : null}
      {ticket.qr ? (
        <section aria-labelledby="ticket-title" className="ticket">
          <h2 id="ticket-title">Ticket for {name}</h2>
          <p>Show this code at the door.</p>
          <div className="ticket__qr" role="img" aria-label="QR code for check-in" dangerouslySetInnerHTML={{ __html: ticket.qr }} />
          <p>
            If the code cannot be scanned, give this short code: <strong className="ticket__code">{ticket.shortCode}</strong>
          </p>
        </section>
      ) : null}
      {ticket.checkedIn ? <p className="notice notice--success">You were checked in on {ticket.checkedIn}.</p> : null}
      <dl className="summary-list">
        <dt>When</dt>
        <dd>{event.when}</dd>
        <dt>Where</dt>
        <dd>
          {event.place}
          {event.mapUrl ? (
            <>
              {" "}
              (<a href={event.mapUrl} rel="noopener noreferrer">map</a>)
            </>
          ) : null}
        </dd>
        {event.joinUrl ? (
          <>
            <dt>Join online</dt>
            <dd>
              <a href={event.joinUrl} rel="noopener noreferrer" className="wrap-anywhere">
                {event.joinUrl}
              </a>
            </dd>
          </>
        ) : null}
        {ticket.status === "waitlisted" ? (
          <>
            <dt>Waitlist</dt>
            <dd>You are number {ticket.position}. We will email you if a seat comes free.</dd>
          </>
        ) : null}
      </dl>
      {own.questions.length ? <AnswersForm questions={own.questions} answers={own.answers} lastResult={lastResult} /> : null}
      <p>
        <Link to={`/events/${event.slug}`}>Event page</Link> · <Link to="/me">My page</Link>
      </p>
      {ticket.canCancel ? (
        // Two steps, without script: a stray tap on a small screen does not give the seat away.
        <details className="ticket__cancel">
          <summary>Cannot come?</summary>
          <p>{ticket.status === "waitlisted" ? "You will leave the waitlist." : "Your seat goes to the next person waiting."}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <SubmitButton variant="warning">
              {ticket.status === "offered" ? "Turn down the seat" : ticket.status === "waitlisted" ? "Leave the waitlist" : "Cancel my registration"}
            </SubmitButton>
          </Form>
        </details>
      ) : null}
      {ticket.status === "cancelled" && !event.started && event.status === "published" ? (
        <p>
          Changed your mind? <Link to={`/events/${event.slug}`}>Register again</Link> if seats are free.
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
