import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Form, Link, useLoaderData } from "react-router";
import { Fragment } from "react";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { formatInstant } from "~/utils/dates";
import { requireRole } from "~/routes/helpers/session.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { ROLE_LABELS } from "~/modules/auth";
import { searchPeople } from "~/modules/auth/index.server";
import { TableRegion } from "~/components/table-region";
import { pageAsked } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "People · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 200);
  const page = pageAsked(url.searchParams);
  const result = searchPeople({ query, page });
  const { timeZone } = getOrganisation();
  return {
    ...result,
    people: result.people.map((person) => ({ ...person, joined: formatInstant(person.createdAt, timeZone) })),
  };
}

export default function People() {
  const { people, total, page, pageCount, query } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="People" lead="Everyone with an account. Open a person to change their roles." />
      <Form method="get" className="form" role="search">
        <div className="field">
          <label htmlFor="people-search" className="field__label">
            Search by name or email
          </label>
          <input id="people-search" name="q" type="search" className="input" defaultValue={query} autoComplete="off" />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            Search
          </button>
          {query ? <Link to="/admin/people">Clear the search</Link> : null}
        </div>
      </Form>
      <p aria-live="polite">
        {query ? `${total.toLocaleString("en-GB")} found for “${query}”` : `${total.toLocaleString("en-GB")} in all`}
      </p>
      {people.length ? (
        <TableRegion label="People">
          <table>
            <caption className="visually-hidden">People, page {page} of {pageCount}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Email verified</th>
                <th scope="col">Joined</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td>
                    <Link to={`/admin/people/${person.id}`}>{person.name}</Link>
                  </td>
                  <td>{person.email}</td>
                  <td>
                    {person.roles.length ? (
                      person.roles.map((role) => (
                        <Fragment key={role}>
                          <span className="tag">{ROLE_LABELS[role]}</span>{" "}
                        </Fragment>
                      ))
                    ) : (
                      <span className="muted">No roles</span>
                    )}
                  </td>
                  <td>{person.verified ? <span className="tag tag--success">Verified</span> : <span className="tag">Not verified</span>}</td>
                  <td>{person.joined}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title={query ? "Nobody matches that search" : "Nobody has an account yet"}>
          {query ? <p>Try part of a name or an email address.</p> : null}
        </EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} params={query ? { q: query } : {}} label="People pages" />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
