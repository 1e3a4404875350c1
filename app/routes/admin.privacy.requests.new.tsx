import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { recordRequest } from "~/modules/privacy/index.server";
import { REQUEST_KIND_LABELS, REQUEST_KIND_OPTIONS, REQUEST_RESPONSE_DAYS, newRequestSchema } from "~/modules/privacy";

export const meta: MetaFunction = () => [{ title: "Record a request · Privacy" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: newRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const recorded = recordRequest({ actorId: actor.id, values: submission.value });
  if (!recorded.ok) return refusalReply(submission, recorded);
  return redirectWithFlash(`/admin/privacy/requests/${recorded.id}`, `Request recorded. Answer it within ${REQUEST_RESPONSE_DAYS} days.`);
}

const KIND_CHOICES = [{ value: "", label: "Choose one" }, ...REQUEST_KIND_OPTIONS.map((kind) => ({ value: kind, label: REQUEST_KIND_LABELS[kind] }))];

export default function NewRequest() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-request",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newRequestSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/privacy">Privacy</Link>
      </p>
      <PageHeader
        title="Record a request"
        lead={`A request about someone's data that came by letter, phone, email or in person. It must be answered within ${REQUEST_RESPONSE_DAYS} days of arriving.`}
      />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary
          form={form}
          fields={{ kind: fields.kind, requesterName: fields.requesterName, requesterContact: fields.requesterContact, details: fields.details, receivedOn: fields.receivedOn }}
        />
        <SelectField meta={fields.kind} label="What are they asking for?" options={KIND_CHOICES} />
        <TextField meta={fields.requesterName} label="Their name" autoComplete="off" />
        <TextField
          meta={fields.requesterContact}
          label="How to reach them"
          hint="An email address, phone number or postal address. If it is the email address of their account, the request is linked to it."
          autoComplete="off"
          spellCheck={false}
        />
        <TextAreaField meta={fields.details} label="What they asked (optional)" hint="In their words where you can: which data, which use." rows={5} />
        <TextField meta={fields.receivedOn} label="Date it arrived (optional)" hint="Leave empty for today." type="date" />
        <SubmitButton>Record the request</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
