import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { Form, Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { formatDate } from "~/utils/dates";
import { pageAsked } from "~/utils/paging";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { featureStorySchema } from "~/modules/journey";
import { consentedStories, setStoryFeatured } from "~/modules/journey/index.server";

export const meta: MetaFunction = () => [{ title: "Stories · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  const { stories, total, page, pageCount } = consentedStories(pageAsked(new URL(request.url).searchParams));
  return {
    total,
    page,
    pageCount,
    stories: stories.map((story) => ({
      id: story.id,
      text: story.text,
      by: story.by,
      personId: story.personId,
      personName: story.personName,
      consentedOn: formatDate(story.consentedAt, timeZone),
      featured: story.featuredAt !== null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: featureStorySchema });
  if (submission.status !== "success") badRequest();
  const featured = submission.value.feature === "on";
  const result = setStoryFeatured({ actorId: actor.id, storyId: submission.value.id, featured });
  // Back to the page the story was on (the loader clamps a page number past the end).
  const page = Math.max(1, Math.floor(pageAsked(new URL(request.url).searchParams)) || 1);
  const back = page > 1 ? `/admin/stories?page=${page}` : "/admin/stories";
  if (!result.ok) return redirectWithFlash(back, { kind: "error", message: result.message });
  return redirectWithFlash(back, featured ? "Featured: reports will quote it." : "No longer featured.");
}

export default function Stories() {
  const { stories, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Stories"
        lead="What people said helped them most, where they agreed to be quoted. Feature the ones reports should use. A story leaves this page, and every report, the moment its author withdraws."
      />
      {stories.length ? (
        <p aria-live="polite">
          {total === 1 ? "1 story" : `${total.toLocaleString("en-GB")} stories`}, newest agreement first{pageCount > 1 ? `: page ${page} of ${pageCount}` : ""}
        </p>
      ) : null}
      {stories.length ? (
        <ul className="journey-list" aria-label="Stories people agreed to share">
          {stories.map((story) => (
            <li key={story.id} className="card">
              <blockquote>
                <p>{story.text}</p>
              </blockquote>
              <p className="muted">
                Quoted as “{story.by}” · <Link to={`/admin/people/${story.personId}`}>{story.personName}</Link> · agreed on {story.consentedOn}
                {story.featured ? (
                  <>
                    {" "}
                    · <strong>Featured</strong>
                  </>
                ) : null}
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="id" value={story.id} />
                <input type="hidden" name="feature" value={story.featured ? "off" : "on"} />
                <SubmitButton variant="secondary">
                  {story.featured ? "Stop featuring" : "Feature in reports"}
                  <span className="visually-hidden"> the story by {story.personName}</span>
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No stories to share yet">
          <p>People write theirs on their outcomes page or when they answer a follow-up, and choose whether you may quote it.</p>
        </EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} label="Pages of stories" />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
