import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { ConfirmItIsYou, replyToConfirmForm } from "~/components/auth/confirm-with-code";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest, refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { proofFrom, textConfirmCode } from "~/routes/helpers/confirm-code.server";
import { requireUser } from "~/routes/helpers/session.server";
import { requestEmailChange, changePasswordServerSchema, mySessions, signOutOtherSessions, changePassword, changeOwnName, addEmailAddress, signInMethodsOf, confirmationOf, confirmsWithPhone } from "~/modules/auth/index.server";
import { addEmailSchema, changeEmailSchema, changeNameSchema, changePasswordSchema, orTextMeACode, SEND_CONFIRM_CODE, withTextedCode } from "~/modules/auth";
import { getOrganisation } from "~/modules/organisation/index.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Account settings" }];

export const headers = retryAfterHeaders;

/** An account with an email address but no password (made with a phone number) confirms the change with a texted code. */
const changeEmailByCodeSchema = withTextedCode("change-email", { newEmail: changeEmailSchema.shape.newEmail });

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  // Formatted here, once, so the page reads the same before and after hydration.
  const format = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: getOrganisation().timeZone,
  });
  const sessions = mySessions(user).map((s, index) => ({
    key: index,
    device: s.device,
    current: s.current,
    lastActive: s.seenThisHour ? "In the last hour" : format.format(s.lastSeenAt),
    signedIn: format.format(s.createdAt),
  }));
  // An account made with a phone number has a placeholder address: it is never shown (ADR 0032).
  const methods = signInMethodsOf(user);
  return {
    name: user.name,
    email: methods.email,
    emailVerified: user.emailVerified,
    hasPassword: methods.hasPassword,
    phone: methods.phone?.display ?? null,
    confirmation: confirmationOf(user),
    sessions,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "change-name") {
    const submission = parseWithZod(formData, { schema: changeNameSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = changeOwnName(user, submission.value.name);
    if (!result.ok) return refusalReply(submission, result);
    return redirectWithFlash("/me/account", result.changed ? "Your name has been changed." : "Nothing changed: that is already your name.");
  }

  if (intent === "change-password") {
    const submission = parseWithZod(formData, { schema: changePasswordServerSchema });
    const hidden = ["currentPassword", "newPassword"];
    if (submission.status !== "success") return data(submission.reply({ hideFields: hidden }), { status: 400 });
    const { currentPassword, newPassword } = submission.value;
    const result = await changePassword(user, currentPassword, newPassword, context.clientIp);
    if (!result.ok) return refusalReply(submission, result, hidden);
    return redirectWithFlash(
      "/me/account",
      result.endedSessions > 0
        ? `Your password has been changed, and you have been signed out on ${plural(result.endedSessions, "other session")}.`
        : "Your password has been changed.",
    );
  }

  if (intent === SEND_CONFIRM_CODE) return textConfirmCode(formData, user, context.clientIp);

  if (intent === "change-email") {
    const submission = parseWithZod(formData, { schema: confirmsWithPhone(user) ? changeEmailByCodeSchema : changeEmailSchema });
    if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "code"] }), { status: 400 });
    const result = await requestEmailChange(user, proofFrom(submission.value), submission.value.newEmail, context.clientIp);
    if (!result.ok) return refusalReply(submission, result, ["password", "code"]);
    return redirectWithFlash(
      "/me/account",
      `We have sent a link to ${result.newEmail}. Open it within 24 hours to start using that address. Until then, keep using ${user.email}.`,
    );
  }

  if (intent === "add-email") {
    const submission = parseWithZod(formData, { schema: addEmailSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await addEmailAddress(user, submission.value.newEmail, context.clientIp);
    if (!result.ok) return refusalReply(submission, result);
    return redirectWithFlash("/me/account", `We have sent a link to ${result.newEmail}. Open it within 24 hours to add that address to your account.`);
  }

  if (intent === "sign-out-others") {
    const count = signOutOtherSessions(user);
    return redirectWithFlash(
      "/me/account",
      count > 0 ? `You have been signed out of ${plural(count, "other session")}.` : "You had no other sessions.",
    );
  }

  badRequest();
}

function plural(count: number, noun: string) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function resultFor(actionData: SubmissionResult<string[]> | undefined, intent: string) {
  return actionData?.initialValue?.intent === intent ? actionData : null;
}

export default function Account() {
  const { name, email, emailVerified, hasPassword, phone, confirmation, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [nameForm, nameFields] = useForm({
    id: "change-name",
    lastResult: resultFor(actionData, "change-name"),
    defaultValue: { name },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeNameSchema }),
    shouldValidate: "onBlur",
  });
  const [passwordForm, passwordFields] = useForm({
    id: "change-password",
    lastResult: resultFor(actionData, "change-password"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onBlur",
  });
  const emailByCode = confirmation.by === "phone";
  const emailReply = emailByCode ? replyToConfirmForm(actionData, "change-email") : resultFor(actionData, "change-email");
  const [emailForm, emailFields] = useForm({
    id: "change-email",
    lastResult: emailReply,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: emailByCode ? orTextMeACode(changeEmailByCodeSchema) : changeEmailSchema }),
    shouldValidate: "onBlur",
  });
  const [addEmailForm, addEmailFields] = useForm({
    id: "add-email",
    lastResult: resultFor(actionData, "add-email"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addEmailSchema }),
    shouldValidate: "onBlur",
  });
  const others = sessions.filter((s) => !s.current).length;

  return (
    <>
      <PageHeader title="Account settings">
        <p>
          <Link to="/me">Back to my page</Link>
        </p>
      </PageHeader>

      <h2 id="name-title">Your name</h2>
      <Form method="post" className="form" aria-labelledby="name-title" {...getFormProps(nameForm)}>
        <ErrorSummary form={nameForm} fields={{ name: nameFields.name }} />
        <input type="hidden" name="intent" value="change-name" />
        <TextField meta={nameFields.name} label="Name" hint="As you would like organisers, mentors and certificates to show it." autoComplete="name" />
        <SubmitButton>Save name</SubmitButton>
      </Form>

      <h2 id="password-title">Change your password</h2>
      {hasPassword ? (
        <Form method="post" className="form" aria-labelledby="password-title" {...getFormProps(passwordForm)}>
          <ErrorSummary form={passwordForm} fields={{ currentPassword: passwordFields.currentPassword, newPassword: passwordFields.newPassword }} />
          <input type="hidden" name="intent" value="change-password" />
          <TextField meta={passwordFields.currentPassword} label="Current password" type="password" autoComplete="current-password" />
          <TextField
            meta={passwordFields.newPassword}
            label="New password"
            hint="At least 8 characters. You will stay signed in here and be signed out everywhere else."
            type="password"
            autoComplete="new-password"
          />
          <SubmitButton>Change password</SubmitButton>
        </Form>
      ) : (
        <p className="measure">
          You have no password: you log in with a code texted to your phone.
          {email ? (
            <>
              {" "}
              To log in with a password as well, <Link to="/forgot-password">set one through the reset link</Link>.
            </>
          ) : null}
        </p>
      )}

      {email ? (
        <>
          <h2 id="email-title">Change your email address</h2>
          <p className="measure">
            Your email address is <strong>{email}</strong>
            {emailVerified ? "." : " (not confirmed yet)."} We will send a link to the new address; the change happens when
            you open it.
          </p>
          <Form method="post" className="form" aria-labelledby="email-title" {...getFormProps(emailForm)}>
            <ConfirmItIsYou
              form={emailForm}
              confirmation={confirmation}
              fields={{ newEmail: emailFields.newEmail }}
              password={emailFields.password}
              code={emailFields.code}
              reply={emailReply ?? undefined}
              intent="change-email"
              button="Send confirmation link"
            >
              <TextField meta={emailFields.newEmail} label="New email address" type="email" autoComplete="email" spellCheck={false} />
            </ConfirmItIsYou>
          </Form>
        </>
      ) : (
        <>
          <h2 id="email-title">Add an email address</h2>
          <p className="measure">
            No email address. Add one to get messages by email too, and to log in with it if you lose your phone. We will send
            a link to it; the address is added when you open it.
          </p>
          <Form method="post" className="form" aria-labelledby="email-title" {...getFormProps(addEmailForm)}>
            <ErrorSummary form={addEmailForm} fields={{ newEmail: addEmailFields.newEmail }} />
            <input type="hidden" name="intent" value="add-email" />
            <TextField meta={addEmailFields.newEmail} label="Email address" type="email" autoComplete="email" spellCheck={false} />
            <SubmitButton>Send confirmation link</SubmitButton>
          </Form>
        </>
      )}

      <h2 id="phone-title">Mobile number</h2>
      <p className="measure">
        {phone ? (
          <>
            Your mobile number is <strong>{phone}</strong>.{" "}
          </>
        ) : (
          "No mobile number yet. "
        )}
        <Link to="/me/phone">{phone ? "Change your number or WhatsApp choice" : "Add a mobile number"}</Link>
      </p>

      <h2 id="two-factor-title">Two-factor sign-in</h2>
      <p className="measure">
        A code from an app on your phone as well as your password. <Link to="/me/two-factor">Set up or manage two-factor sign-in</Link>
      </p>

      <h2 id="sessions-title">Where you are signed in</h2>
      <TableRegion label="Where you are signed in">
        <table aria-labelledby="sessions-title">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Last active</th>
              <th scope="col">Signed in</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.key}>
                <td>
                  {s.device} {s.current ? <span className="tag tag--success">This device</span> : null}
                </td>
                <td>{s.lastActive}</td>
                <td>{s.signedIn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {others > 0 ? (
        <Form method="post" className="button-row">
          <input type="hidden" name="intent" value="sign-out-others" />
          <SubmitButton variant="warning">Sign out of all other sessions</SubmitButton>
        </Form>
      ) : (
        <p className="muted">You are not signed in anywhere else.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
