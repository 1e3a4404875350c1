import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { NO_REFERRER_META, noReferrerHeaders } from "~/utils/token-page";
import { getUser } from "~/routes/helpers/session.server";
import { feedbackFormFor, saveFeedback, type FeedbackAccess } from "~/modules/events/index.server";
import { feedbackSchema } from "~/modules/events";

// The emailed link carries a token in the address: it must not leak through the Referer.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Feedback: ${data.title}` : "Feedback" },
  NO_REFERRER_META,
];

export const handle = staticPage;

export const headers = noReferrerHeaders;

const NOT_YOURS = "This feedback link does not work. If you came to the event, use the link in the email we sent you.";

function access(request: Request, r: string | null | undefined, t: string | null | undefined): FeedbackAccess {
  return r && t ? { registrationId: r, token: t } : { userId: getUser(request)?.id ?? null };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const form = feedbackFormFor(params.slug ?? "", access(request, url.searchParams.get("r"), url.searchParams.get("t")));
  if (!form) notFound(NOT_YOURS);
  return {
    title: form.event.title,
    slug: form.event.slug,
    state: form.state,
    rating: form.state === "given" ? form.rating : null,
    r: form.state === "open" && form.token ? form.registrationId : "",
    t: form.state === "open" ? (form.token ?? "") : "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: feedbackSchema });
  const raw = submission.payload as { r?: string; t?: string };
  const form = feedbackFormFor(params.slug ?? "", access(request, raw.r, raw.t));
  if (!form) notFound(NOT_YOURS);
  if (form.state !== "open") return data(submission.reply({ formErrors: ["Your feedback for this event cannot be taken now."] }), { status: 409 });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  saveFeedback(form.registrationId, submission.value);
  const query = form.token ? `?${new URLSearchParams({ r: form.registrationId, t: form.token })}` : "";
  return redirectWithFlash(`/events/${form.event.slug}/feedback${query}`, "Thank you for your feedback.");
}

const RATINGS = [
  { value: "1", label: "1: poor" },
  { value: "2", label: "2: not great" },
  { value: "3", label: "3: all right" },
  { value: "4", label: "4: good" },
  { value: "5", label: "5: excellent" },
];

export default function Feedback() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "feedback",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackSchema }),
    shouldValidate: "onBlur",
  });
  const ratingError = fields.rating.errors?.[0];
  return (
    <>
      <PageHeader title={`How was ${page.title}?`} />
      {page.state === "given" ? (
        <div className="notice notice--success" role="status">
          <p>You gave this event {page.rating} out of 5. Thank you: it helps us make the next one better.</p>
        </div>
      ) : page.state === "not-attended" ? (
        <p>Feedback is for people who came to the event, and we have no check-in for you.</p>
      ) : page.state === "too-early" ? (
        <p>The event has not started yet. Come back afterwards to tell us how it was.</p>
      ) : (
        <Form method="post" className="form" {...getFormProps(form)}>
          <ErrorSummary form={form} fields={{ rating: fields.rating, comment: fields.comment }} />
          <input type="hidden" name="r" value={page.r} />
          <input type="hidden" name="t" value={page.t} />
          <div className={ratingError ? "field field--error" : "field"}>
            <fieldset aria-describedby={ratingError ? fields.rating.errorId : undefined}>
              <legend>Your rating</legend>
              {ratingError ? (
                <p id={fields.rating.errorId} className="field__error">
                  <span className="visually-hidden">Error: </span>
                  {ratingError}
                </p>
              ) : null}
              {RATINGS.map((rating, index) => {
                const { key, ...props } = getInputProps(fields.rating, { type: "radio", value: rating.value });
                const id = index === 0 ? fields.rating.id : `${fields.rating.id}-${rating.value}`;
                return (
                  <div className="radio" key={key ?? rating.value}>
                    <input {...props} id={id} />
                    <label htmlFor={id}>{rating.label}</label>
                  </div>
                );
              })}
            </fieldset>
          </div>
          <TextAreaField meta={fields.comment} label="What would make it better? (optional)" rows={4} />
          <SubmitButton>Send my feedback</SubmitButton>
        </Form>
      )}
      <p>
        <Link to={`/events/${page.slug}`}>Back to the event</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
