import { Form, Link } from "react-router";
import type { DonationStatus, PaymentMethod } from "~/modules/sponsorship";
import { DONATION_STATUS_LABELS, DONATION_STATUS_OPTIONS, METHOD_LABELS, METHOD_OPTIONS } from "~/modules/sponsorship";
import { TableRegion } from "~/components/table-region";

type Filters = { campaignId: string; status: string; method: string; month: string; q: string };

/** One filter of the GET form: an uncontrolled select whose first option means "no filter". */
function FilterSelect({ id, name, label, anyLabel, value, options }: { id: string; name: string; label: string; anyLabel: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} name={name} className="select" defaultValue={value}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The table's filters: a GET form, so the filtered table has an address that can be shared and reloaded. */
export function DonationFilterForm({ filters, campaigns, csvHref }: { filters: Filters; campaigns: { id: string; title: string }[]; csvHref: string }) {
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Form method="get" className="donation-filters" role="search" aria-label="Filter the gifts">
      <FilterSelect
        id="filter-campaign"
        name="campaign"
        label="Campaign"
        anyLabel="All campaigns"
        value={filters.campaignId}
        options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
      />
      <FilterSelect
        id="filter-status"
        name="status"
        label="Status"
        anyLabel="Any status"
        value={filters.status}
        options={DONATION_STATUS_OPTIONS.map((status) => ({ value: status, label: DONATION_STATUS_LABELS[status] }))}
      />
      <FilterSelect
        id="filter-method"
        name="method"
        label="Method"
        anyLabel="Card or transfer"
        value={filters.method}
        options={METHOD_OPTIONS.map((method) => ({ value: method, label: METHOD_LABELS[method] }))}
      />
      <div className="field">
        <label htmlFor="filter-month" className="field__label">
          Month
        </label>
        <input id="filter-month" name="month" type="month" className="input" defaultValue={filters.month} placeholder="2026-11" />
      </div>
      <div className="field donation-filters__search">
        <label htmlFor="filter-q" className="field__label">
          Name, email or reference
        </label>
        <input id="filter-q" name="q" type="search" className="input" defaultValue={filters.q} autoComplete="off" />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--secondary">
          Show gifts
        </button>
        {filtered ? <Link to="/admin/donations">Clear the filters</Link> : null}
        <a href={csvHref} download>
          Download these gifts as CSV
        </a>
      </div>
    </Form>
  );
}

type CurrencyTotal = { currency: string; gifts: number; amount: string; received: string };
type MonthTotal = { month: string; label: string; currency: string; gifts: number; received: string };

export function DonationTotals({ byCurrency, byMonth }: { byCurrency: CurrencyTotal[]; byMonth: MonthTotal[] }) {
  if (!byCurrency.length) return null;
  return (
    <section aria-labelledby="totals-title">
      <h2 id="totals-title">Totals</h2>
      <p className="muted">Of every gift the filters match. Received means paid, less anything refunded.</p>
      <TableRegion label="Totals by currency">
        <table>
          <caption>By currency</caption>
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col">Gifts</th>
              <th scope="col">Pledged or charged</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            {byCurrency.map((t) => (
              <tr key={t.currency}>
                <th scope="row">{t.currency}</th>
                <td>{t.gifts.toLocaleString("en-GB")}</td>
                <td>{t.amount}</td>
                <td>{t.received}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <details>
        <summary>By month</summary>
        <TableRegion label="Totals by month">
          <table>
            <caption className="visually-hidden">Totals by month and currency</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Currency</th>
                <th scope="col">Gifts</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {byMonth.map((t) => (
                <tr key={`${t.month}-${t.currency}`}>
                  <th scope="row">{t.label}</th>
                  <td>{t.currency}</td>
                  <td>{t.gifts.toLocaleString("en-GB")}</td>
                  <td>{t.received}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </section>
  );
}

export function DonationStatusTag({ status }: { status: DonationStatus }) {
  const tone = status === "paid" ? " tag--success" : status === "failed" || status === "refunded" ? " tag--error" : "";
  return <span className={`tag${tone}`}>{DONATION_STATUS_LABELS[status]}</span>;
}

/** "Mark received" for a pending bank transfer. */
export function MarkReceivedForm({ donationId, reference, method }: { donationId: string; reference: string | null; method: PaymentMethod }) {
  if (method !== "bank_transfer") return null;
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="mark-received" />
      <input type="hidden" name="donationId" value={donationId} />
      <button type="submit" className="button button--secondary">
        Mark received<span className="visually-hidden"> for transfer {reference}</span>
      </button>
    </Form>
  );
}
