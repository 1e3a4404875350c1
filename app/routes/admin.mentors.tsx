import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useLoaderData } from "react-router";
import { MENTOR_PROFILE_STATUSES, type MentorProfileStatus } from "~db/schema/mentoring";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireRole } from "~/routes/helpers/session.server";
import { describeAvailability, formatList, reviewMentorSchema } from "~/modules/mentoring";
import { listMentorProfiles, reviewMentorProfile } from "~/modules/mentoring/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { pageAsked } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Mentors · Organisers' console" }];

const TABS: Record<MentorProfileStatus, string> = { pending: "Waiting for approval", approved: "Approved", rejected: "Not approved" };

function statusFrom(url: URL): MentorProfileStatus {
  const value = url.searchParams.get("status");
  return (MENTOR_PROFILE_STATUSES as readonly string[]).includes(value ?? "") ? (value as MentorProfileStatus) : "pending";
}

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const status = statusFrom(new URL(request.url));
  const { timeZone } = getOrganisation();
  const { profiles, counts, page, pageCount } = listMentorProfiles(status, pageAsked(new URL(request.url).searchParams));
  const mentors = profiles.map(({ profile: p, name, email }) => ({
    id: p.userId,
    name,
    email,
    headline: p.headline,
    bio: p.bio,
    industries: p.industries.join(", "),
    skills: p.skills.join(", "),
    languages: p.languages.join(", "),
    where: [p.city, p.remote ? "also remote" : ""].filter(Boolean).join(", ") || "Remote only",
    formats: formatList(p.formats),
    capacity: p.capacity,
    accepting: p.accepting,
    availability: describeAvailability(p.availability),
    updated: formatInstant(p.updatedAt, timeZone),
  }));
  return { status, counts, mentors, page, pageCount };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: reviewMentorSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { intent, userId } = submission.value;
  if (!reviewMentorProfile({ actorId: actor.id, userId, decision: intent })) notFound("There is no such mentor profile.");
  const back = `/admin/mentors?status=${statusFrom(new URL(request.url))}`;
  return redirectWithFlash(back, intent === "approve" ? "Mentor approved: mentees can now find them." : "Mentor profile not approved; it is hidden from mentees.");
}

export default function AdminMentors() {
  const { status, counts, mentors, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/admin/mentoring">Mentoring</Link>
      </p>
      <PageHeader title="Mentors" lead="Approve mentor profiles before mentees can see them." />
      <nav aria-label="Mentor profiles by status">
        <ul className="button-row">
          {MENTOR_PROFILE_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={s === status ? "page" : undefined}>
                {TABS[s]} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{pageCount > 1 ? `${TABS[status]}, page ${page} of ${pageCount}` : TABS[status]}</h2>
      {mentors.length ? (
        <ul className="card-grid">
          {mentors.map((m) => (
            <li key={m.id} className="card">
              <h3>{m.name}</h3>
              <p>{m.headline}</p>
              <dl className="summary-list">
                <dt>Email</dt>
                <dd className="wrap-anywhere">{m.email}</dd>
                <dt>Industries</dt>
                <dd>{m.industries || "None given"}</dd>
                <dt>Helps with</dt>
                <dd>{m.skills || "None given"}</dd>
                <dt>Languages</dt>
                <dd>{m.languages}</dd>
                <dt>Where</dt>
                <dd>{m.where}</dd>
                <dt>Meets by</dt>
                <dd>{m.formats}</dd>
                <dt>Mentees at once</dt>
                <dd>
                  {m.capacity} {m.accepting ? null : <span className="tag">Not taking new mentees</span>}
                </dd>
                <dt>Free</dt>
                <dd>{m.availability}</dd>
                <dt>Last edited</dt>
                <dd>{m.updated}</dd>
              </dl>
              {m.bio ? <p className="muted">{m.bio}</p> : null}
              <Form method="post" className="button-row">
                <input type="hidden" name="userId" value={m.id} />
                {status !== "approved" ? (
                  <button type="submit" name="intent" value="approve" className="button button--primary">
                    Approve {m.name}
                  </button>
                ) : null}
                {status !== "rejected" ? (
                  <button type="submit" name="intent" value="reject" className="button button--warning">
                    {status === "approved" ? `Withdraw approval for ${m.name}` : `Reject ${m.name}`}
                  </button>
                ) : null}
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="Nobody here">
          <p>{status === "pending" ? "No mentor profile is waiting for approval." : "No mentor profiles have this status."}</p>
        </EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} params={{ status }} label={`Pages of ${TABS[status].toLowerCase()}`} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
