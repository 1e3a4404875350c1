import { isRouteErrorResponse, Link, useRouteError } from "react-router";

const TITLES: Record<number, string> = {
  400: "That request was not quite right",
  403: "You do not have access to this page",
  404: "Page not found",
  405: "That action is not available here",
  429: "Too many attempts",
};

// Only messages the app wrote for people (`{ message }`, see utils/http.server). React Router's own
// 404 and 405 responses carry a developer's string ("Error: No route matches URL …"), which
// the title already says better.
function messageOf(data: unknown): string | null {
  if (data && typeof data === "object" && "message" in data && typeof data.message === "string") return data.message;
  return null;
}

/** The error page every route shares: a clear title, a way back, never a stack trace. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const title = TITLES[error.status] ?? "Something went wrong";
    const message = messageOf(error.data);
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        {message ? <p>{message}</p> : null}
        {error.status === 403 ? <p>If you think you should have access, sign in with another account or ask an organiser.</p> : null}
        {error.status === 404 ? <p>The address may be mistyped, or the page may have moved.</p> : null}
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </section>
    );
  }
  if (import.meta.env.DEV) console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">Sorry, something went wrong on our side</h1>
      <p>Please try again in a moment. If it keeps happening, tell the organisers.</p>
      {import.meta.env.DEV && error instanceof Error ? <pre className="error-stack">{error.stack}</pre> : null}
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
