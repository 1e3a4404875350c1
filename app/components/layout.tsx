import { Form, Link, NavLink } from "react-router";

type NavUser = { name: string; roles: string[] } | null;

type NavItem = { to: string; label: string };

/** Public areas; an entry appears here once its area is open. */
const PUBLIC_NAV: NavItem[] = [
  { to: "/events", label: "Events" },
  { to: "/programme", label: "Programme" },
  { to: "/donate", label: "Give" },
];

function navFor(user: NavUser): NavItem[] {
  const items = [...PUBLIC_NAV];
  if (!user) return items;
  items.push({ to: "/me", label: "My page" });
  if (user.roles.includes("organiser")) items.push({ to: "/admin", label: "Admin" });
  else if (user.roles.includes("door")) items.push({ to: "/door", label: "At the door" });
  return items;
}

export function SiteHeader({ organisationName, user }: { organisationName: string; user: NavUser }) {
  const items = navFor(user);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          {organisationName}
        </Link>
        <nav aria-label="Main" className="site-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="none">
                  {item.label}
                </NavLink>
              </li>
            ))}
            {user ? (
              <li>
                {/* A whole-page log-out: its answer clears what the browser keeps, service worker included (ADR 0035). */}
                <Form method="post" action="/logout" reloadDocument className="inline-form">
                  <button type="submit" className="link-button">
                    Log out
                  </button>
                </Form>
              </li>
            ) : (
              <>
                <li>
                  <NavLink to="/login">Log in</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">Sign up</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter({ organisationName, contactEmail }: { organisationName: string; contactEmail: string }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          {organisationName}
          {contactEmail ? (
            <>
              {" · "}
              <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
            </>
          ) : null}
        </p>
        <p>
          <a href="/privacy">Privacy notice</a>
        </p>
        <p className="muted">Runs on Steppingstone, open-source software for youth-careers programmes.</p>
      </div>
    </footer>
  );
}

export function PageHeader({ title, lead, children }: { title: string; lead?: string; children?: React.ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
