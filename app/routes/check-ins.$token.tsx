import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { RatingField } from "~/components/mentoring/rating-field";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { NO_REFERRER_META, noReferrerHeaders } from "~/utils/token-page";
import { checkInForToken, recordCheckInRating } from "~/modules/mentoring/index.server";
import { checkInSchema } from "~/modules/mentoring";

// The emailed link carries a token in the address: it must not leak through the Referer.
export const meta: MetaFunction = () => [{ title: "How is your mentorship going?" }, NO_REFERRER_META];

export const handle = staticPage;

export const headers = noReferrerHeaders;

const UNKNOWN = "This link does not work. Use the link in the most recent check-in email we sent you.";

// Mail scanners open every link in a message: opening one only shows the choice; the button records it.
export function loader({ params, request }: LoaderFunctionArgs) {
  const checkIn = checkInForToken(params.token ?? "");
  if (!checkIn) notFound(UNKNOWN);
  const asked = Number(new URL(request.url).searchParams.get("rating"));
  const chosen = Number.isInteger(asked) && asked >= 1 && asked <= 5 ? asked : checkIn.rating;
  return { otherName: checkIn.otherName, saved: checkIn.rating, chosen };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const token = params.token ?? "";
  if (!checkInForToken(token)) notFound(UNKNOWN);
  const submission = parseWithZod(await request.formData(), { schema: checkInSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  recordCheckInRating(token, submission.value.rating);
  return redirectWithFlash(`/check-ins/${token}`, "Thank you: your answer is recorded.");
}

export default function CheckIn() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "check-in",
    lastResult,
    defaultValue: page.chosen === null ? undefined : { rating: String(page.chosen) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkInSchema }),
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <PageHeader title="How is your mentorship going?" lead={`Your mentorship with ${page.otherName}.`} />
      {page.saved !== null ? (
        <p className="notice notice--success" role="status">
          Your answer: {page.saved} out of 5. You can change it below.
        </p>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ rating: fields.rating }} />
        <RatingField meta={fields.rating} legend="Your rating" />
        <SubmitButton>{page.saved === null ? "Record my answer" : "Change my answer"}</SubmitButton>
      </Form>
      <p className="muted">Only the organisers see ratings, and only as figures. You do not need to sign in.</p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
