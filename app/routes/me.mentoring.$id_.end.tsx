import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { RatingField } from "~/components/mentoring/rating-field";
import { formatDate } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireUser } from "~/routes/helpers/session.server";
import { endMentorship, endPageFor, rateEndedMentorship, personTimeZone } from "~/modules/mentoring/index.server";
import { endMentorshipSchema, endPageSchema, rateMentorshipSchema } from "~/modules/mentoring";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.status === "active" ? `End your mentorship with ${data.otherName}` : "Rate your mentorship" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const page = endPageFor(user.id, params.id ?? "");
  return {
    id: page.id,
    status: page.status,
    otherName: page.other.name,
    myRating: page.myRating,
    endedByMe: page.endedByMe,
    ended: page.endedAt === null ? null : formatDate(page.endedAt, personTimeZone(user.id)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const id = params.id ?? "";
  // Someone else's mentorship is a 404 before anything in the form is read.
  endPageFor(user.id, id);
  const submission = parseWithZod(await request.formData(), { schema: endPageSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const result =
    value.intent === "end"
      ? endMentorship(user.id, id, { reason: value.reason, rating: value.rating })
      : rateEndedMentorship(user.id, id, value.rating);
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: 409 });
  const message = value.intent === "end" ? "The mentorship has ended. We have let the other person know." : "Thank you for your rating.";
  return redirectWithFlash("/me/mentoring", { kind: "success", message });
}

function EndForm({ otherName }: { otherName: string }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "end-mentorship",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: endMentorshipSchema }),
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ reason: fields.reason, rating: fields.rating }} />
      <input type="hidden" name="intent" value="end" />
      <TextAreaField
        meta={fields.reason}
        label="Why is it ending?"
        hint={`For example: "we reached the goals we set", or "I no longer have the time". ${otherName} does not see this.`}
        rows={3}
      />
      <RatingField meta={fields.rating} legend="How did the mentorship go for you?" />
      <SubmitButton variant="warning">End the mentorship</SubmitButton>
    </Form>
  );
}

function RateForm({ current }: { current: number | null }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "rate-mentorship",
    lastResult,
    defaultValue: current === null ? undefined : { rating: String(current) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rateMentorshipSchema }),
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ rating: fields.rating }} />
      <input type="hidden" name="intent" value="rate" />
      <RatingField meta={fields.rating} legend="How did the mentorship go for you?" />
      <SubmitButton>{current === null ? "Send my rating" : "Change my rating"}</SubmitButton>
    </Form>
  );
}

export default function EndMentorship() {
  const page = useLoaderData<typeof loader>();
  if (page.status === "active") {
    return (
      <>
        <PageHeader
          title={`End your mentorship with ${page.otherName}`}
          lead="We will email them to say it has ended and ask for their own rating."
        />
        <EndForm otherName={page.otherName} />
        <p>
          <Link to={`/me/mentoring/${page.id}`}>Back to the mentorship</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`Your mentorship with ${page.otherName}`}
        lead={`${page.endedByMe ? "You ended it" : `${page.otherName} ended it`}${page.ended ? ` on ${page.ended}` : ""}.`}
      />
      {page.myRating !== null ? <p className="notice notice--success">You rated it {page.myRating} out of 5. You can change that below.</p> : null}
      <RateForm current={page.myRating} />
      <p>
        <Link to="/me/mentoring">My mentoring</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
