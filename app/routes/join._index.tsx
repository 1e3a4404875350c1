import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { redirect } from "react-router";
import { useLoaderData } from "react-router";
import { JoinCodeForm } from "~/components/cohorts/join-code-form";
import { PageHeader } from "~/components/layout";
import { staticPage } from "~/utils/hydration";
import { normaliseJoinCode } from "~/modules/cohorts";
import { shareMeta, siteShareOf } from "~/utils/share-meta";

export const meta: MetaFunction = ({ matches, location }) =>
  shareMeta(siteShareOf(matches), { path: location.pathname, title: "Join a cohort", description: "Have a join code from your organisers? Enter it here to start the programme with your cohort." });

export const handle = staticPage;

/** `/join?code=…` (the join-code form) goes to the cohort's join page. */
export function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  if (raw === null) return { error: null, value: "" };
  const code = normaliseJoinCode(raw);
  if (code.length >= 4 && code.length <= 20) throw redirect(`/join/${code}`);
  return { error: code ? "Join codes are 8 letters and numbers. Check the code and try again." : "Enter your join code", value: raw.slice(0, 40) };
}

export default function JoinWithCode() {
  const { error, value } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Join a cohort" lead="Organisers give each cohort a join code, at a workshop or by email." />
      <JoinCodeForm error={error} value={value} />
    </>
  );
}
