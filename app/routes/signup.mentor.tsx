import type { ActionFunctionArgs, MetaFunction } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { SignupPage, signupTitle } from "~/components/auth/signup-page";
import { staticPage } from "~/utils/hydration";
import { signupAction, signupLoader } from "~/routes/helpers/signup.server";
import { retryAfterHeaders } from "~/routes/helpers/replies.server";
import { shareMeta, siteShareOf } from "~/utils/share-meta";

export const meta: MetaFunction = ({ matches, location }) => shareMeta(siteShareOf(matches), { path: location.pathname, title: signupTitle("mentor") });

export const handle = staticPage;

export const headers = retryAfterHeaders;

export const loader = signupLoader;

export const action = (args: ActionFunctionArgs) => signupAction(args, "mentor");

export default function Signup() {
  return <SignupPage variant="mentor" />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
