import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data, Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { OutcomeFields } from "~/components/journey/outcome-fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { getPerson } from "~/modules/auth/index.server";
import { outcomeSchema } from "~/modules/journey";
import { recordOutcomeFor } from "~/modules/journey/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Record an outcome for ${data?.name ?? "a person"} · People` }];

const NOT_FOUND = "There is no person with that id.";

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const person = getPerson(params.id ?? "");
  if (!person) notFound(NOT_FOUND);
  return { id: person.id, name: person.name };
}

// When a person tells an organiser by phone or at an event: recorded as theirs, audited as the organiser's.
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const id = params.id ?? "";
  if (!getPerson(id)) notFound(NOT_FOUND);
  const submission = parseWithZod(await request.formData(), { schema: outcomeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = recordOutcomeFor({ actorId: actor.id, userId: id, values: submission.value });
  if (!result.ok) return result.code === "not-found" ? notFound(result.message) : refusalReply(submission, result);
  return redirectWithFlash(`/admin/people/${id}#journey`, "Outcome recorded on their journey.");
}

export default function RecordOutcome() {
  const person = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "outcome",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outcomeSchema }),
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  const outcome = { kind: fields.kind, employer: fields.employer, sector: fields.sector, hours: fields.hours, startedOn: fields.startedOn };
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/admin/people">People</Link> › <Link to={`/admin/people/${person.id}`}>{person.name}</Link>
      </nav>
      <PageHeader title={`Record an outcome for ${person.name}`} lead="When they tell you where they are now, by phone, message or in person. It appears on their journey and their own page, marked as recorded by an organiser." />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={outcome} />
        <OutcomeFields fields={outcome} who="they" />
        <SubmitButton>Record the outcome</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
