import type { MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { useRootData } from "~/root";
import { staticPage } from "~/utils/hydration";
import { getOrganisation } from "~/modules/organisation/index.server";
import { shareMeta, siteShareOf } from "~/utils/share-meta";

export const handle = staticPage;

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) =>
  shareMeta(siteShareOf(matches), { path: location.pathname, title: data ? `${data.name}: ${data.tagline}` : "Steppingstone", description: data?.mission });

export function loader() {
  const { name, tagline, mission } = getOrganisation();
  return { name, tagline, mission };
}

type Area = { title: string; text: string; href?: string; opening: string };

// Each area links in once it is open; until then the card says so plainly.
const AREAS: Area[] = [
  {
    title: "Workshops and seminars",
    text: "Resilience workshops, seminars and youth programme sessions: book a seat, get a reminder, check in.",
    href: "/events",
    opening: "No events are published yet.",
  },
  {
    title: "The 15-step programme",
    text: "Fifteen short steps for bouncing back after a job rejection, walked together with a cohort.",
    href: "/programme",
    opening: "The programme opens to cohorts soon.",
  },
  {
    title: "Mentoring",
    text: "Meet someone who has been where you are, and follow your sessions together.",
    href: "/mentors",
    opening: "Mentor matching opens soon.",
  },
  {
    title: "Support our work",
    text: "Sponsor a workshop seat or a cohort, from Nigeria or abroad, and see where it goes.",
    href: "/donate",
    opening: "Online giving opens soon.",
  },
];

export default function Home() {
  const { name, tagline, mission } = useLoaderData<typeof loader>();
  const user = useRootData()?.user;
  return (
    <>
      <section aria-labelledby="home-title">
        <h1 id="home-title">{name}</h1>
        {tagline ? <p className="lead">{tagline}</p> : null}
        {mission ? <p className="measure">{mission}</p> : null}
        <div className="button-row">
          {user ? (
            <Link to="/me" className="button button--primary">
              Go to my page
            </Link>
          ) : (
            <>
              <Link to="/signup" className="button button--primary">
                Join the programme
              </Link>
              <Link to="/login">Log in</Link>
            </>
          )}
        </div>
      </section>
      <h2>What we do</h2>
      <ul className="card-grid">
        {AREAS.map((area) => (
          <li key={area.title} className="card">
            <h3>{area.href ? <Link to={area.href}>{area.title}</Link> : area.title}</h3>
            <p>{area.text}</p>
            {area.href ? null : <p className="muted">{area.opening}</p>}
          </li>
        ))}
      </ul>
      <h2>Mentors and sponsors</h2>
      <p className="measure">
        Have you been turned down and come through it? <Link to="/signup/mentor">Sign up as a mentor</Link>. Want to fund
        a workshop or a cohort? <Link to="/donate">Give</Link>, <Link to="/signup/sponsor">create a sponsor account</Link>, or{" "}
        <Link to="/partner">partner with us</Link>.
      </p>
    </>
  );
}
