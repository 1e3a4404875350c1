import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EventFacts, RegistrationPanel } from "~/components/events/event-page";
import { RegisterForm } from "~/components/events/register-form";
import { SeatTag } from "~/components/events/event-ui";
import { PageHeader } from "~/components/layout";
import { SharePanel } from "~/components/share-links";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { useNonce } from "~/utils/nonce";
import { refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { getUser } from "~/routes/helpers/session.server";
import { hasRole } from "~/modules/auth/index.server";
import { registerForEventTogether, type BookingOutcome, ticketPath, eventPageData, signUpAndRegister, signupRegisterServerSchema, publicEventBySlug, eventQuestionsOf } from "~/modules/events/index.server";
import { KIND_LABELS, registerSchema } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";
import { shareMeta, siteShareOf } from "~/utils/share-meta";
import { shareLinks } from "~/utils/share-links";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: "Event not found" }];
  const { event, pageUrl, organisationName } = data;
  const title = `${event.title}: ${organisationName}`;
  // The canonical address is the event's, whatever query the link carried.
  return shareMeta(siteShareOf(matches), {
    path: new URL(pageUrl).pathname,
    title,
    shareTitle: event.title,
    description: `${event.when}. ${event.place}. ${event.plainDescription}`,
    image: data.shareImage ?? undefined,
  });
};

export const handle = staticPage;

export const headers = retryAfterHeaders;

const NO_EVENT = "We could not find that event. It may have been unpublished.";

function findEvent(slug: string | undefined, request: Request) {
  const event = publicEventBySlug(slug ?? "", { includeDrafts: hasRole(getUser(request), "organiser") });
  if (!event) notFound(NO_EVENT);
  return event;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const event = findEvent(params.slug, request);
  const user = getUser(request);
  const page = eventPageData(event, user?.id ?? null);
  return { ...page, share: shareLinks(event.title, page.pageUrl), signedIn: !!user, awaitingGuardian: user?.awaitingGuardian ?? false, adultAge: getOrganisation().adultAge };
}

function bookedMessage(outcome: Extract<BookingOutcome, { ok: true }>, email: string) {
  if (outcome.already) return { kind: "info" as const, message: "You are already registered for this event: here is your registration." };
  if (outcome.status === "confirmed") return `Your seat is booked. We have emailed your ticket to ${email}.`;
  return `The event is full, so you are on the waitlist: number ${outcome.position}. We will email you if a seat comes free.`;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const event = publicEventBySlug(params.slug ?? "");
  if (!event) notFound(NO_EVENT);
  const questions = eventQuestionsOf(event.id);
  const formData = await request.formData();
  const user = getUser(request);

  if (user) {
    const submission = parseWithZod(formData, { schema: registerSchema(questions) });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const outcome = await registerForEventTogether(user.id, event.id, submission.value.answers);
    if (!outcome.ok) return refusalReply(submission, outcome);
    return redirectWithFlash(ticketPath(outcome.registrationId), bookedMessage(outcome, user.email));
  }

  const submission = parseWithZod(formData, { schema: signupRegisterServerSchema(questions) });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { name, email, password, answers, birthDate, guardianEmail, optionalUses } = submission.value;
  const result = await signUpAndRegister({ name, email, password, answers, birthDate, guardianEmail, optionalUses }, event.id, context.clientIp);
  if (!result.ok) return refusalReply(submission, result, ["password"]);
  // The same answer whether or not the address has an account, and nobody is signed in until the
  // address is confirmed (ADR 0020): a new account's seat is held, its link leads to the ticket.
  // Under the age of consent nothing is booked (ADR 0023); that follows from the date typed.
  const guardianAsked = result.kind === "awaiting-guardian" || (result.kind === "check-email" && result.guardianAsked);
  return { checkEmail: result.email, guardianAsked };
}

export default function EventPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const nonce = useNonce();
  const { event } = page;
  const checkEmail = actionData && "checkEmail" in actionData ? actionData.checkEmail : null;
  const guardianAsked = actionData && "guardianAsked" in actionData ? actionData.guardianAsked : false;
  const lastResult = actionData && !("checkEmail" in actionData) ? actionData : null;
  return (
    <article className="event-page">
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: page.jsonLd }} />
      <p className="muted">
        <Link to="/events">All events</Link> · {KIND_LABELS[event.kind]}
      </p>
      <PageHeader title={event.title} lead={event.summary || undefined}>
        <p>
          <SeatTag seats={page.seats} />
        </p>
      </PageHeader>
      {event.status === "draft" ? (
        <div className="notice" role="note">
          <p>This event is a draft: only organisers can see this page, and it takes no registrations until it is published.</p>
        </div>
      ) : null}
      {event.status === "cancelled" ? (
        <div className="notice notice--error" role="note">
          <p>This event has been cancelled.</p>
        </div>
      ) : null}
      <EventFacts page={page} />
      <section aria-labelledby="register-title" className="event-register">
        <h2 id="register-title">{page.mine ? "Your registration" : "Register"}</h2>
        {checkEmail && guardianAsked ? (
          <div className="notice notice--success" role="status">
            <h3>Check your email</h3>
            <p>
              We have sent a message to <strong>{checkEmail}</strong>. Follow the link in it to confirm your address.
            </p>
            <p>
              As you are under {page.adultAge}, we have also emailed your parent or guardian. Once they agree to your account, come
              back to this page to book your seat.
            </p>
          </div>
        ) : checkEmail ? (
          <div className="notice notice--success" role="status">
            <h3>Check your email</h3>
            <p>
              We have sent a message to <strong>{checkEmail}</strong>. Follow the link in it to finish booking your seat.
            </p>
          </div>
        ) : page.mine ? (
          <RegistrationPanel mine={page.mine} joinUrl={page.joinUrl} />
        ) : page.canRegister && page.awaitingGuardian ? (
          <div className="notice" role="note">
            <p>
              You can book once your parent or guardian has agreed to your account. We emailed them a link: you can send it again
              from <Link to="/me/privacy">your privacy page</Link>.
            </p>
          </div>
        ) : page.canRegister ? (
          <RegisterForm slug={event.slug} questions={page.questions} signedIn={page.signedIn} willWaitlist={page.willWaitlist} adultAge={page.adultAge} lastResult={lastResult} />
        ) : (
          <p>{page.closedMessage}</p>
        )}
      </section>
      {event.descriptionHtml ? (
        <section aria-labelledby="about-title">
          <h2 id="about-title">About this event</h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
        </section>
      ) : null}
      <SharePanel share={page.share} />
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
