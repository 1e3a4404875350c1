import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { FormatField, LanguageFields, ScheduleFields } from "~/components/mentoring/profile-fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireUser } from "~/routes/helpers/session.server";
import { menteeProfileSchema } from "~/modules/mentoring";
import { getMenteeProfile, profileFormValues, saveMenteeProfile } from "~/modules/mentoring/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Your mentee profile" }];

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const profile = getMenteeProfile(user.id);
  const defaults = profile
    ? {
        targetRoles: profile.targetRoles.join(", "),
        industries: profile.industries.join(", "),
        goals: profile.goals,
        city: profile.city,
        formats: profile.formats,
        timeZone: profile.timeZone,
        ...profileFormValues(profile),
      }
    : { timeZone: getOrganisation().timeZone, formats: [], languages: [], slots: [] };
  return { exists: Boolean(profile), defaults };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: menteeProfileSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  saveMenteeProfile(user.id, submission.value);
  return redirectWithFlash("/me/mentoring/profile", "Your mentee profile is saved. Mentors are now sorted by how well they fit you.");
}

export default function MenteeProfilePage() {
  const { exists, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "mentee-profile",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: menteeProfileSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to="/me/mentoring">Mentoring</Link>
      </p>
      <PageHeader
        title="Your mentee profile"
        lead="Tell us what you are aiming for. We use it to sort mentors by how well they fit you, and organisers use it to match groups."
      />
      {exists ? (
        <p>
          <Link to="/mentors">See mentors who fit you</Link>
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary
          form={form}
          fields={{
            targetRoles: fields.targetRoles,
            industries: fields.industries,
            goals: fields.goals,
            languages: fields.languages,
            otherLanguages: fields.otherLanguages,
            city: fields.city,
            formats: fields.formats,
            slots: fields.slots,
            timeZone: fields.timeZone,
          }}
        />
        <TextField meta={fields.targetRoles} label="Roles you are aiming for" hint="For example: bank teller, data analyst. Separate them with commas." />
        <TextField meta={fields.industries} label="Industries" hint="For example: Banking, Telecoms. Separate them with commas." />
        <TextAreaField meta={fields.goals} label="What would you like help with?" hint="For example: interviews, writing my CV, choosing a course." rows={4} />
        <LanguageFields languages={fields.languages} otherLanguages={fields.otherLanguages} />
        <TextField meta={fields.city} label="City" hint="Where you live, for meeting in person." autoComplete="address-level2" />
        <FormatField meta={fields.formats} legend="How would you like to meet?" />
        <ScheduleFields timeZone={fields.timeZone} slots={fields.slots} />
        <SubmitButton>Save profile</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
