import { getCollectionProps, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, FieldError, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { staticPage } from "~/utils/hydration";
import { retryAfterHeaders } from "~/routes/helpers/replies.server";
import { HONEYPOT_FIELD, PARTNER_KIND_LABELS, PARTNER_KIND_OPTIONS, partnerEnquirySchema } from "~/modules/sponsorship";
import { submitPartnerEnquiry } from "~/modules/sponsorship/index.server";
import { shareMeta, siteShareOf } from "~/utils/share-meta";

export const meta: MetaFunction = ({ matches, location }) =>
  shareMeta(siteShareOf(matches), { path: location.pathname, title: "Partner with us", description: "Sponsor, give in kind, build a social enterprise with us, or volunteer." });

export const handle = staticPage;

export const headers = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: partnerEnquirySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await submitPartnerEnquiry(submission.value, context.clientIp);
  return { sent: true as const, organisationName: submission.value.organisationName };
}

export default function Partner() {
  const actionData = useActionData<typeof action>();
  const sent = actionData && "sent" in actionData ? actionData : null;
  const [form, fields] = useForm({
    id: "partner",
    lastResult: actionData && !("sent" in actionData) ? actionData : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: partnerEnquirySchema }),
    shouldValidate: "onBlur",
  });

  if (sent) {
    return (
      <>
        <PageHeader title="Thank you" />
        <div className="notice notice--success" role="status">
          <p>
            We have your message from <strong>{sent.organisationName}</strong>. Someone from our team will get back to you
            within a few working days.
          </p>
        </div>
        <p>
          <Link to="/">Back to the home page</Link>
        </p>
      </>
    );
  }

  const kindError = fields.kind.errors?.[0];
  return (
    <>
      <PageHeader
        title="Partner with us"
        lead="Companies, foundations and community groups help young people into work with us: as sponsors, with space or equipment, as social-enterprise partners, or by volunteering their people."
      />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary
          form={form}
          fields={{
            organisationName: fields.organisationName,
            contactName: fields.contactName,
            email: fields.email,
            phone: fields.phone,
            kind: fields.kind,
            message: fields.message,
          }}
        />
        <TextField meta={fields.organisationName} label="Organisation" autoComplete="organization" />
        <TextField meta={fields.contactName} label="Your name" autoComplete="name" />
        <TextField meta={fields.email} label="Email address" type="email" autoComplete="email" spellCheck={false} />
        <TextField meta={fields.phone} label="Phone number (optional)" type="tel" autoComplete="tel" hint="Include the country code if you are outside Nigeria." />
        <fieldset id={fields.kind.id} className={kindError ? "field field--error" : "field"} aria-describedby={kindError ? fields.kind.errorId : undefined}>
          <legend className="field__label">How would you like to work with us?</legend>
          <FieldError meta={fields.kind} />
          {getCollectionProps(fields.kind, { type: "radio", options: [...PARTNER_KIND_OPTIONS] }).map(({ key, ...props }) => (
            <div key={key} className="radio">
              <input {...props} />
              <label htmlFor={props.id}>{PARTNER_KIND_LABELS[props.value as (typeof PARTNER_KIND_OPTIONS)[number]]}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaField meta={fields.message} label="What do you have in mind?" hint="A few sentences are enough. We will reply by email." rows={6} />
        {/* People never see this field; form-filling programs do, and fill it in. */}
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="partner-website">Leave this field empty</label>
          <input id="partner-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <SubmitButton>Send</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
