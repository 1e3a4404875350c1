import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { safeRedirectPath } from "~/utils/urls.server";
import { staticPage } from "~/utils/hydration";
import { NO_REFERRER_META, noReferrerHeaders, tokenFromUrl } from "~/utils/token-page";
import { getUser } from "~/routes/helpers/session.server";
import { confirmEmailLink, createSession, describeEmailLink } from "~/modules/auth/index.server";
import { verifyEmailSchema } from "~/modules/auth";

export const meta: MetaFunction = () => [{ title: "Confirm your email address" }, NO_REFERRER_META];

export const handle = staticPage;

export const headers = noReferrerHeaders;

// Opening the link changes nothing (mail scanners open links too); the button below does.
export function loader({ request }: LoaderFunctionArgs) {
  const token = tokenFromUrl(request);
  const link = describeEmailLink(token);
  const next = safeRedirectPath(new URL(request.url).searchParams.get("next"), "");
  return { link, token: link ? token : "", next, signedIn: !!getUser(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: verifyEmailSchema });
  const result = submission.status === "success" ? confirmEmailLink(submission.value.token) : null;
  if (!result?.ok) return data({ invalid: true as const, reason: result?.message ?? null }, { status: 400 });
  // Back to the page that sent the person to sign up (a ticket, a cohort), or their home page.
  const back = safeRedirectPath(submission.status === "success" ? submission.value.next : null, "") || "/me";
  const signedIn = getUser(request);
  if (result.kind === "verified") {
    // Confirming a new account signs its owner in (ADR 0020); a browser signed in already stays as it is.
    const session = signedIn ? null : createSession(result.userId, request.headers.get("user-agent"));
    return redirectWithFlash(back, "Thank you. Your email address is confirmed.", session ? { headers: { "Set-Cookie": session.cookie } } : undefined);
  }
  const next = signedIn ? back : `/login?${new URLSearchParams({ email: result.email, redirectTo: back })}`;
  return redirectWithFlash(next, `Your email address is now ${result.email}.`);
}

function InvalidLink({ signedIn, reason }: { signedIn: boolean; reason?: string | null }) {
  return (
    <>
      <PageHeader title="This link cannot be used" />
      <p className="measure">
        {reason ?? "The link has expired, has already been used, or is not complete."} Links to confirm an email address
        work once, for 24 hours.
      </p>
      {signedIn ? (
        <p>
          You can ask for a new link on <Link to="/me">your page</Link>.
        </p>
      ) : (
        <p>
          <Link to="/login?redirectTo=%2Fme">Log in</Link> to ask for a new link. If your address is already confirmed,
          there is nothing more to do.
        </p>
      )}
    </>
  );
}

export default function VerifyEmail() {
  const { link, token, next, signedIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!link || actionData?.invalid) return <InvalidLink signedIn={signedIn} reason={actionData?.reason} />;
  return (
    <>
      <PageHeader title={link.kind === "change" ? "Confirm your new email address" : "Confirm your email address"} />
      <p className="measure">
        {link.kind === "change" ? "Your account will use " : "Confirm that "}
        <strong>{link.email}</strong>
        {link.kind === "change" ? " from now on." : " is your email address."}
      </p>
      <Form method="post" className="form">
        <input type="hidden" name="token" value={token} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <SubmitButton>Confirm email address</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
