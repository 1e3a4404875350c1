import { getCollectionProps, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "react-router";
import { Fragment } from "react";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { ROLE_LABELS, ROLE_OPTIONS, rectifyPersonSchema, rolesSchema } from "~/modules/auth";
import { changeRoles, getPerson, rectifyPerson, viewPerson } from "~/modules/auth/index.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { JourneyTimeline } from "~/components/journey/journey-timeline";
import { journeyOf } from "~/modules/journey/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"} · People` }];

const ROLE_HINTS: Record<(typeof ROLE_OPTIONS)[number], string> = {
  organiser: "Runs the programme: this console, people, settings.",
  mentor: "Can be matched with participants.",
  participant: "Takes part in events and cohorts.",
  sponsor: "Supports the programme with money.",
  door: "Checks people in at the events they are given, and nothing else.",
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireRole(request, "organiser");
  const person = viewPerson(params.id ?? "", viewer.id);
  if (!person) notFound("There is no person with that id.");
  const { timeZone } = getOrganisation();
  const journey = journeyOf(person.id).map((entry) => ({ ...entry, when: formatInstant(entry.at, timeZone) }));
  return { person: { ...person, joined: formatInstant(person.createdAt, timeZone) }, isSelf: viewer.id === person.id, journey };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  requireRecentSecondFactor(request, actor);
  const id = params.id ?? "";
  if (!getPerson(id)) notFound("There is no person with that id.");
  const formData = await request.formData();
  if (formData.get("intent") === "rectify") return rectify(formData, actor.id, id);
  const submission = parseWithZod(formData, { schema: rolesSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = changeRoles({ actorId: actor.id, userId: id, roles: submission.value.roles });
  if (!result.ok) return result.code === "not-found" ? notFound(result.message) : refusalReply(submission, result);
  if (!result.changed) return redirectWithFlash(`/admin/people/${id}`, { kind: "info", message: "Nothing changed: those were already the roles." });
  const lostOwnAccess = actor.id === id && !result.after.includes("organiser");
  const summary = result.after.length ? result.after.map((role) => ROLE_LABELS[role].toLowerCase()).join(", ") : "no roles";
  return redirectWithFlash(lostOwnAccess ? "/me" : `/admin/people/${id}`, `Roles saved: now ${summary}.`);
}

const FIELD_WORDS = { name: "name", email: "email address", birthDate: "date of birth" } as const;

const GUARDIAN_WORDS = { not_needed: "Not needed", waiting: "Waiting for a parent or guardian", given: "Given by a parent or guardian" } as const;

/** Correcting a person's name or email address at their request (audited: which fields, not the values). */
function rectify(formData: FormData, actorId: string, id: string) {
  const submission = parseWithZod(formData, { schema: rectifyPersonSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = rectifyPerson({ actorId, userId: id, ...submission.value });
  if (!result.ok) return result.code === "not-found" ? notFound(result.message) : refusalReply(submission, result);
  if (!result.fields.length) return redirectWithFlash(`/admin/people/${id}`, { kind: "info", message: "Nothing changed: the details were already these." });
  const emailNote = result.fields.includes("email") ? " We have emailed the new address a link to confirm it, and told the old one." : "";
  return redirectWithFlash(`/admin/people/${id}`, `Corrected: ${result.fields.map((field) => FIELD_WORDS[field]).join(" and ")}.${emailNote}`);
}

export default function Person() {
  const { person, isSelf, journey } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // Two forms post here: each shows only its own answer.
  const isRectify = lastResult?.initialValue?.intent === "rectify";
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: isRectify ? null : lastResult,
    defaultValue: { roles: person.roles },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rolesSchema }),
    shouldValidate: "onBlur",
    // Errors clear while typing, so the summary does not vanish (and move the button) mid-click.
    shouldRevalidate: "onInput",
  });
  const rolesError = fields.roles.errors?.[0];
  const [rectifyForm, rectifyFields] = useForm({
    id: "rectify",
    lastResult: isRectify ? lastResult : null,
    defaultValue: { name: person.name, email: person.email, birthDate: person.birthDate ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rectifyPersonSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to="/admin/people">People</Link>
      </p>
      <PageHeader title={person.name} />
      <dl className="summary-list">
        <dt>Email</dt>
        <dd>{person.email}</dd>
        <dt>Email verified</dt>
        <dd>{person.verified ? "Yes" : "Not yet"}</dd>
        <dt>Joined</dt>
        <dd>{person.joined}</dd>
        <dt>Date of birth</dt>
        <dd>{person.birthDate ?? "Not given"}</dd>
        <dt>Guardian&apos;s consent</dt>
        <dd>{GUARDIAN_WORDS[person.guardianConsent]}</dd>
        <dt>Roles</dt>
        <dd>
          {person.roles.length
            ? person.roles.map((role) => (
                <Fragment key={role}>
                  <span className="tag">{ROLE_LABELS[role]}</span>{" "}
                </Fragment>
              ))
            : "None"}
        </dd>
      </dl>
      <JourneyTimeline personId={person.id} name={person.name} items={journey} />

      <h2>Change roles</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={{ roles: fields.roles }} />
        <fieldset
          id={fields.roles.id}
          tabIndex={-1}
          className={rolesError ? "field field--error" : "field"}
          aria-describedby={rolesError ? fields.roles.errorId : undefined}
        >
          <legend>Roles</legend>
          {isSelf ? <p className="field__hint">This is you. Removing your organiser role closes this console to you.</p> : null}
          {rolesError ? (
            <p id={fields.roles.errorId} className="field__error">
              <span className="visually-hidden">Error: </span>
              {rolesError}
            </p>
          ) : null}
          {getCollectionProps(fields.roles, { type: "checkbox", options: [...ROLE_OPTIONS] }).map(({ key, ...props }) => (
            <div key={key} className="checkbox">
              <input {...props} aria-describedby={`${props.id}-hint`} />
              <label htmlFor={props.id}>
                {ROLE_LABELS[props.value as (typeof ROLE_OPTIONS)[number]]}{" "}
                <span id={`${props.id}-hint`} className="muted">
                  {ROLE_HINTS[props.value as (typeof ROLE_OPTIONS)[number]]}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <SubmitButton pending={navigation.state === "submitting"}>Save roles</SubmitButton>
      </Form>

      <h2 id="rectify-title">Correct their details</h2>
      <p className="measure">
        When {isSelf ? "you ask" : "the person asks"} for their name, email address or date of birth to be corrected. The audit log records which details
        changed, not what they were. A new email address must be confirmed from the link we send to it.
      </p>
      <Form method="post" className="form" aria-labelledby="rectify-title" {...getFormProps(rectifyForm)}>
        <ErrorSummary form={rectifyForm} fields={{ name: rectifyFields.name, email: rectifyFields.email, birthDate: rectifyFields.birthDate }} />
        <input type="hidden" name="intent" value="rectify" />
        <TextField meta={rectifyFields.name} label="Name" autoComplete="off" />
        <TextField meta={rectifyFields.email} label="Email address" type="email" autoComplete="off" spellCheck={false} />
        <TextField
          meta={rectifyFields.birthDate}
          label="Date of birth"
          hint="Under the age of consent, the account waits for a parent's or guardian's consent; of age, it no longer does."
          type="date"
          autoComplete="off"
        />
        <SubmitButton variant="secondary">Save corrections</SubmitButton>
      </Form>

      {isSelf ? null : (
        <>
          <h2 id="erase-title">Erase their data</h2>
          <p className="measure">
            When the person asks, by letter, phone or email, for their data to be erased. <Link to={`/admin/people/${person.id}/erase`}>Erase {person.name}&apos;s data</Link>
          </p>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
