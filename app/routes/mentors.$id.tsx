import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { MentorSummary, mentorSummaryView } from "~/components/mentoring/mentor-summary";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireRole, requireUser } from "~/routes/helpers/session.server";
import { hasRole } from "~/modules/auth/index.server";
import { openPairsOf, requestMentor, mentorCard } from "~/modules/mentoring/index.server";
import { MAX_OPEN_REQUESTS, requestMentorSchema, describeAvailability } from "~/modules/mentoring";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.mentor.name}, mentor` : "Mentor" }];

const NO_MENTOR = "We could not find that mentor.";

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const id = params.id ?? "";
  const card = mentorCard(id, user.id);
  if (!card) notFound(NO_MENTOR);
  const profile = card.mentorProfile;
  return {
    mentor: mentorSummaryView(card),
    bio: profile.bio,
    skills: profile.skills,
    // Windows are in the mentor's own time zone, which may not be the reader's: say which.
    availability: profile.availability.length
      ? `${describeAvailability(profile.availability)} (${card.zone})`
      : describeAvailability(profile.availability),
    state: openPairsOf(user.id).get(id) ?? null,
    isSelf: user.id === id,
    isParticipant: hasRole(user, "participant"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireRole(request, "participant");
  const id = params.id ?? "";
  const card = mentorCard(id, user.id);
  if (!card) notFound(NO_MENTOR);
  const submission = parseWithZod(await request.formData(), { schema: requestMentorSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // The hard rules of matching (a shared language, a format both use) hold for requests too.
  if (!card.eligible && card.blockers.length) return data(submission.reply({ formErrors: card.blockers }), { status: 409 });
  const result = requestMentor({ menteeId: user.id, mentorId: id, message: submission.value.message });
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: 409 });
  return redirectWithFlash("/me/mentoring", {
    kind: "success",
    message: "Your request is sent. The mentor has 7 days to answer; we will email you either way.",
  });
}

function RequestForm({ name }: { name: string }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "request-mentor",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requestMentorSchema }),
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ message: fields.message }} />
      <TextAreaField
        meta={fields.message}
        label={`Your message to ${name}`}
        hint="Say a little about yourself and what you hope to get from mentoring. Only the mentor reads it."
        rows={6}
      />
      <SubmitButton>Request this mentor</SubmitButton>
    </Form>
  );
}

export default function MentorPage() {
  const page = useLoaderData<typeof loader>();
  const { mentor } = page;
  return (
    <>
      <PageHeader title={mentor.name} lead={mentor.headline} />
      <MentorSummary mentor={mentor} state={page.state} />
      {page.bio ? (
        <section aria-labelledby="bio-title">
          <h2 id="bio-title">About {mentor.name}</h2>
          <p className="pre-line">{page.bio}</p>
        </section>
      ) : null}
      <dl className="summary-list">
        {page.skills.length ? (
          <>
            <dt>Can help with</dt>
            <dd>{page.skills.join(", ")}</dd>
          </>
        ) : null}
        <dt>Usually free</dt>
        <dd>{page.availability}</dd>
      </dl>
      <section aria-labelledby="request-title">
        <h2 id="request-title">Ask {mentor.name} to mentor you</h2>
        {page.isSelf ? (
          <p>This is your own profile.</p>
        ) : page.state === "mentor" ? (
          <p>
            {mentor.name} is your mentor. <Link to="/me/mentoring">Go to my mentoring</Link>.
          </p>
        ) : page.state === "requested" ? (
          <p>
            You have asked {mentor.name} already. You can see or withdraw your request on <Link to="/me/mentoring">my mentoring</Link>.
          </p>
        ) : !page.isParticipant ? (
          <p>Requests are for participants in the programme.</p>
        ) : !mentor.eligible ? (
          <p>You cannot ask {mentor.name} at the moment, for the reasons listed above.</p>
        ) : (
          <>
            <p>You can have up to {MAX_OPEN_REQUESTS} requests waiting at a time. The mentor has 7 days to answer.</p>
            <RequestForm name={mentor.name} />
          </>
        )}
      </section>
      <p>
        <Link to="/mentors">All mentors</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
