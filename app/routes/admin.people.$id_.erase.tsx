import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SubmitButton, TextAreaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { viewPerson } from "~/modules/auth/index.server";
import { eraseOnRequest } from "~/modules/privacy/index.server";
import { eraseOnRequestSchema } from "~/modules/privacy";

// An organiser erases someone at once, on a request received by letter, phone or email (ADR 0024).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Erase ${data?.person.name ?? "a person"} · People` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireRole(request, "organiser");
  requireRecentSecondFactor(request, viewer);
  const person = viewPerson(params.id ?? "", viewer.id);
  if (!person) notFound("There is no person with that id.");
  return { person: { id: person.id, name: person.name, email: person.email }, isSelf: viewer.id === person.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  requireRecentSecondFactor(request, actor);
  const submission = parseWithZod(await request.formData(), { schema: eraseOnRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const requestId = new URL(request.url).searchParams.get("request") ?? undefined;
  const result = eraseOnRequest({ actorId: actor.id, userId: params.id ?? "", requestId, reason: submission.value.reason });
  if (!result.ok) return result.code === "not-found" ? notFound(result.message) : refusalReply(submission, result);
  return redirectWithFlash("/admin/people", "Their personal data has been erased. The audit log records it, without their name.");
}

export default function ErasePerson() {
  const { person, isSelf } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "erase-person",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eraseOnRequestSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to={`/admin/people/${person.id}`}>{person.name}</Link>
      </p>
      <PageHeader title={`Erase ${person.name}`} lead={person.email} />
      {isSelf ? (
        <p className="notice notice--error">
          This is you. To delete your own account, use <Link to="/me/privacy/delete">Delete my account</Link>.
        </p>
      ) : null}
      <p className="measure">
        Use this when the person asked for their data to be erased outside the site. Everything about them is erased at once,
        everywhere: their account can no longer be used. Seat counts, attendance, completed steps, gift amounts and receipt
        numbers stay, without their name. This cannot be undone.
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ reason: fields.reason, confirm: fields.confirm }} />
        <TextAreaField
          meta={fields.reason}
          label="How did they ask?"
          hint="For the record, e.g. “Letter received 3 March”. Their name is taken out of it."
          rows={3}
        />
        <CheckboxField meta={fields.confirm} label="I understand this erases their data for good" />
        <SubmitButton variant="warning">Erase their data</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
