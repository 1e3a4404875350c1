import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { StepView } from "~/components/curriculum/step-view";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/utils/http.server";
import { requireRole } from "~/routes/helpers/session.server";
import { stepView } from "~/modules/cohorts/index.server";
import { findCurriculum, findStep } from "~/modules/curriculum/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Preview: ${data?.view.title ?? "step"} · Organisers' console` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const curriculum = findCurriculum(params.id ?? "");
  const step = curriculum ? findStep(curriculum.id, params.stepId ?? "") : undefined;
  if (!curriculum || !step) return notFound("There is no such step.");
  return {
    curriculum: { id: curriculum.id, title: curriculum.title },
    stepId: step.id,
    position: step.position,
    // An empty answer: the preview shows the exercise as a new participant meets it.
    view: stepView({ step, answer: null, userId: null, timeZone: getOrganisation().timeZone }),
  };
}

export default function PreviewStep() {
  const { curriculum, stepId, position, view } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="notice">
        <p>
          Preview: this is how participants see step {position} of <Link to={`/admin/curricula/${curriculum.id}`}>{curriculum.title}</Link>.{" "}
          <Link to={`/admin/curricula/${curriculum.id}/steps/${stepId}`}>Edit this step</Link>
        </p>
      </div>
      <StepView view={view} kicker={`Step ${position}`} preview />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
