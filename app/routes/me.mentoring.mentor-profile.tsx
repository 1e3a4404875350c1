import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { FormatField, LanguageFields, ScheduleFields } from "~/components/mentoring/profile-fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { MAX_CAPACITY, mentorProfileSchema } from "~/modules/mentoring";
import { getMentorProfile, profileFormValues, saveMentorProfile } from "~/modules/mentoring/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Your mentor profile" }];

const STATUS_TEXT = {
  pending: "Waiting for an organiser to approve it. Mentees cannot see it yet.",
  approved: "Approved: mentees can find you on the mentors page.",
  rejected: "Not approved. Edit it and save to send it for review again.",
} as const;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "mentor");
  const profile = getMentorProfile(user.id);
  const defaults = profile
    ? {
        headline: profile.headline,
        bio: profile.bio,
        industries: profile.industries.join(", "),
        skills: profile.skills.join(", "),
        city: profile.city,
        remote: profile.remote ? "on" : undefined,
        formats: profile.formats,
        capacity: String(profile.capacity),
        timeZone: profile.timeZone,
        accepting: profile.accepting ? "on" : undefined,
        ...profileFormValues(profile),
      }
    : { timeZone: getOrganisation().timeZone, capacity: "2", remote: "on", accepting: "on", formats: [], languages: [], slots: [] };
  return { status: profile?.status ?? null, defaults };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "mentor");
  const submission = parseWithZod(await request.formData(), { schema: mentorProfileSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const status = saveMentorProfile(user.id, submission.value);
  return redirectWithFlash(
    "/me/mentoring/mentor-profile",
    status === "approved" ? "Your mentor profile is saved." : "Your mentor profile is saved and sent to the organisers for approval.",
  );
}

export default function MentorProfilePage() {
  const { status, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "mentor-profile",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mentorProfileSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to="/me/mentoring">Mentoring</Link>
      </p>
      <PageHeader title="Your mentor profile" lead="What mentees see when they look for a mentor. An organiser approves a new profile before anyone can see it." />
      {status ? (
        <p className="notice">
          <strong>Status:</strong> {STATUS_TEXT[status]}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary
          form={form}
          fields={{
            headline: fields.headline,
            bio: fields.bio,
            industries: fields.industries,
            skills: fields.skills,
            languages: fields.languages,
            otherLanguages: fields.otherLanguages,
            city: fields.city,
            formats: fields.formats,
            capacity: fields.capacity,
            timeZone: fields.timeZone,
            slots: fields.slots,
          }}
        />
        <TextField meta={fields.headline} label="Headline" hint="One line, for example: Branch manager, 12 years in retail banking." />
        <TextAreaField meta={fields.bio} label="About you (optional)" hint="Your path so far, and how you like to mentor." rows={5} />
        <TextField meta={fields.industries} label="Industries you know" hint="Separate them with commas." />
        <TextField meta={fields.skills} label="What you can help with" hint="For example: CV writing, interviews, Excel. Separate them with commas." />
        <LanguageFields languages={fields.languages} otherLanguages={fields.otherLanguages} />
        <TextField meta={fields.city} label="City" autoComplete="address-level2" />
        <CheckboxField meta={fields.remote} label="I can mentor people outside my city, remotely" />
        <FormatField meta={fields.formats} legend="How you can meet" />
        <TextField meta={fields.capacity} label="How many mentees at once" hint={`At most ${MAX_CAPACITY}. Enter 0 to pause without hiding your profile.`} type="number" inputMode="numeric" min={0} max={MAX_CAPACITY} />
        <CheckboxField meta={fields.accepting} label="I am taking new mentees" hint="Untick to stop new requests and group matches; your current mentees stay." />
        <ScheduleFields timeZone={fields.timeZone} slots={fields.slots} />
        <SubmitButton>Save profile</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
