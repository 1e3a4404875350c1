import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Form, Link, useLoaderData } from "react-router";
import { MENTORING_FORMATS, type MentoringFormat } from "~db/schema/mentoring";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { MentorSummary, mentorSummaryView } from "~/components/mentoring/mentor-summary";
import { requireUser } from "~/routes/helpers/session.server";
import { openPairsOf, getMenteeProfile, suggestMentorsFor } from "~/modules/mentoring/index.server";
import { FORMAT_LABELS, LANGUAGES } from "~/modules/mentoring";
import { pageAsked, pageWindow } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Find a mentor" }];

// Best fits first, a page at a time: light on a phone and on paid data.
const MENTORS_PER_PAGE = 20;

function isFormat(value: string): value is MentoringFormat {
  return (MENTORING_FORMATS as readonly string[]).includes(value);
}

function filtersFrom(url: URL) {
  const language = url.searchParams.get("language") ?? "";
  const format = url.searchParams.get("format") ?? "";
  return {
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
    language: (LANGUAGES as readonly string[]).includes(language) ? language : "",
    format: isFormat(format) ? format : null,
    available: url.searchParams.get("available") === "1",
  };
}

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const filters = filtersFrom(new URL(request.url));
  const pairs = openPairsOf(user.id);
  const all = suggestMentorsFor(user.id);
  const words = filters.q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matching = all
    .filter((m) => {
      if (!words.length) return true;
      const text = [m.name, m.headline, ...m.industries, ...m.skills].join(" ").toLocaleLowerCase();
      return words.every((word) => text.includes(word));
    })
    .filter((m) => !filters.language || m.languages.includes(filters.language))
    .filter((m) => !filters.format || m.formats.includes(filters.format))
    .filter((m) => !filters.available || m.eligible);
  const { page, pageCount } = pageWindow(pageAsked(new URL(request.url).searchParams), matching.length, MENTORS_PER_PAGE);
  const mentors = matching
    .slice((page - 1) * MENTORS_PER_PAGE, page * MENTORS_PER_PAGE)
    .map((m) => ({
      mentor: mentorSummaryView(m),
      state: pairs.get(m.mentorId) ?? null,
    }));
  return { mentors, total: all.length, page, pageCount, filters, hasProfile: Boolean(getMenteeProfile(user.id)) };
}

export default function Mentors() {
  const { mentors, total, page, pageCount, filters, hasProfile } = useLoaderData<typeof loader>();
  const filterParams: Record<string, string> = {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.format ? { format: filters.format } : {}),
    ...(filters.available ? { available: "1" } : {}),
  };
  return (
    <>
      <PageHeader
        title="Find a mentor"
        lead="Mentors are people who have been where you are. Each one was checked by the organisers. Best fits come first."
      />
      {hasProfile ? (
        <p>
          We rank mentors against <Link to="/me/mentoring/profile">your mentee profile</Link>: the reasons are beside each one.
        </p>
      ) : (
        <div className="notice">
          <p>
            <Link to="/me/mentoring/profile">Add your mentee profile</Link> to see how well each mentor fits you and why.
          </p>
        </div>
      )}
      <Form method="get" className="form filter-form" aria-label="Filter mentors">
        <div className="field">
          <label className="field__label" htmlFor="q">
            Name, field or skill
          </label>
          <input id="q" name="q" type="search" className="input" defaultValue={filters.q} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="language">
            Language
          </label>
          <select id="language" name="language" className="select" defaultValue={filters.language}>
            <option value="">Any language</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="format">
            Meets by
          </label>
          <select id="format" name="format" className="select" defaultValue={filters.format ?? ""}>
            <option value="">Any way</option>
            {MENTORING_FORMATS.map((format) => (
              <option key={format} value={format}>
                {FORMAT_LABELS[format]}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input type="checkbox" id="available" name="available" value="1" defaultChecked={filters.available} />
          <label htmlFor="available">Only mentors I can ask now</label>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            Show mentors
          </button>
        </div>
      </Form>
      {mentors.length === 0 ? (
        <EmptyState title={total === 0 ? "No mentors yet" : "No mentors match"}>
          <p>{total === 0 ? "No mentor profiles have been approved yet. Please come back soon." : "Try fewer filters."}</p>
        </EmptyState>
      ) : (
        <ol className="plain-list mentor-list" aria-label="Mentors, best fit first" start={(page - 1) * MENTORS_PER_PAGE + 1}>
          {mentors.map(({ mentor, state }) => (
            <li key={mentor.mentorId}>
              <MentorSummary mentor={mentor} state={state} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} params={filterParams} label="Pages of mentors" />
      <p>
        <Link to="/me/mentoring">My mentoring</Link>
      </p>
    </>
  );
}
