import { data, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { CohortComparison, FunnelView } from "~/components/charts/funnel-view";
import { PeriodForm } from "~/components/charts/period-form";
import { PlainField } from "~/components/charts/plain-field";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/routes/helpers/session.server";
import { AGE_BAND_LABELS, AGE_BANDS, CHOICES_SHOWN, MOST_COHORTS_COMPARED } from "~/modules/journey";
import { compareCohorts, defaultPeriod, funnel, readFunnelFilters } from "~/modules/journey/index.server";
import chartStyles from "~/styles/charts.css?url";
import { staticPage } from "~/utils/hydration";

export const meta: MetaFunction = () => [{ title: "The journey – Organisers' console" }];

export const links = () => [{ rel: "stylesheet", href: chartStyles }];

// Server-drawn charts and GET forms: the page needs no JavaScript in the browser.
export const handle = staticPage;

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const params = new URL(request.url).searchParams;
  const { period, filters, scope, errors, options } = readFunnelFilters(params);
  const shown = period.ok ? period.period : { ...defaultPeriod(), period: "custom" as const, from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const names = new Map(options.cohorts.map((c) => [c.id, c.name]));
  const page = {
    period: shown,
    filters,
    errors,
    options,
    funnel: scope ? funnel(scope) : null,
    csvHref: `/admin/journey.csv${new URL(request.url).search}`,
    comparison: scope && filters.compare.length ? compareCohorts(scope, filters.compare).map((c) => ({ name: names.get(c.cohortId)!, stages: c.stages })) : [],
  };
  return scope ? page : data(page, { status: 400 });
}

function Select({ name, label, value, error, options }: { name: string; label: string; value: string; error?: string; options: { value: string; label: string }[] }) {
  const id = `filter-${name}`;
  return (
    <PlainField id={id} label={label} error={error}>
      <select id={id} name={name} className="select" defaultValue={value} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </PlainField>
  );
}

/** Shown when there are more cohorts or series than the lists hold: narrows both to matching names. */
function FindField({ value }: { value: string }) {
  return (
    <div className="field">
      <label htmlFor="filter-find" className="field__label">
        Find cohorts and event series by name
      </label>
      <p id="filter-find-hint" className="field__hint">
        The lists hold the {CHOICES_SHOWN} most recent of each up to the period's end. Type part of a name and press Show to list others.
      </p>
      <input id="filter-find" name="find" type="search" className="input" defaultValue={value} maxLength={100} aria-describedby="filter-find-hint" />
    </div>
  );
}

export default function JourneyFunnel() {
  const { period, filters, errors, options, funnel, comparison, csvHref } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader
        title="The journey"
        lead="From a first event to work or study: how many people reached each stage in a period, and how long it took."
      />
      <PeriodForm input={period} errors={errors} label="Choose the period and who to count">
        {options.more || filters.find ? <FindField value={filters.find} /> : null}
        <Select name="cohort" label="Cohort" value={filters.cohortId} error={errors.cohort?.[0]} options={[{ value: "", label: "All cohorts" }, ...options.cohorts.map((c) => ({ value: c.id, label: c.name }))]} />
        <Select name="series" label="Event series" value={filters.seriesId} error={errors.series?.[0]} options={[{ value: "", label: "All events" }, ...options.series.map((s) => ({ value: s.id, label: s.name }))]} />
        <Select name="age" label="Age band" value={filters.ageBand} error={errors.age?.[0]} options={[{ value: "", label: "All ages" }, ...AGE_BANDS.map((band) => ({ value: band, label: AGE_BAND_LABELS[band] }))]} />
        {options.cohorts.length > 1 ? (
          <fieldset className={errors.compare ? "field field--error" : "field"} aria-describedby={errors.compare ? "compare-error" : undefined}>
            <legend className="field__label">Compare cohorts (up to {MOST_COHORTS_COMPARED})</legend>
            {errors.compare ? (
              <p id="compare-error" className="field__error">
                <span className="visually-hidden">Error: </span>
                {errors.compare[0]}
              </p>
            ) : null}
            {options.cohorts.map((cohort) => (
              <div className="checkbox" key={cohort.id}>
                <input id={`compare-${cohort.id}`} type="checkbox" name="compare" value={cohort.id} defaultChecked={filters.compare.includes(cohort.id)} />
                <label htmlFor={`compare-${cohort.id}`}>{cohort.name}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
      </PeriodForm>
      <p className="muted">
        Gender and city are not collected, so the funnel cannot be split by them. Age comes from the date of birth people give at sign-up; people who
        gave none are in no age band.
      </p>
      <p className="muted">
        Each stage counts the people whose step happened in this period, so a later stage can be larger than the one before (someone who joined last
        year and finished this year). Counts here are exact: figures shown to sponsors and the public say “fewer than 5” for 1 to 4 people.
      </p>
      {funnel ? (
        <>
          <FunnelView stages={funnel.stages} gaps={funnel.gaps} periodLabel={period.label} />
          {comparison.length ? <CohortComparison columns={comparison} /> : null}
          <p>
            <a href={csvHref} download>
              Download the funnel{comparison.length ? " and the cohorts side by side" : ""} as CSV
            </a>
          </p>
        </>
      ) : (
        <p className="notice notice--error" role="alert">
          Correct the choices above to see the funnel.
        </p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
