import { Link } from "react-router";

type Giving = { gifts: number; totals: string[]; activeMonthly: number; pendingTransfers: number };

/** "Giving" on the person's own page: a few figures and the way to the full list. */
export function GivingCard({ giving }: { giving: Giving }) {
  const nothingYet = giving.gifts === 0 && giving.pendingTransfers === 0 && giving.activeMonthly === 0;
  return (
    <section className="card" aria-labelledby="giving-title">
      <h2 id="giving-title">Giving</h2>
      {nothingYet ? (
        <p>
          You have not given yet. <Link to="/donate">See what you could support</Link>.
        </p>
      ) : (
        <>
          <p>
            {giving.gifts === 1 ? "1 gift" : `${giving.gifts} gifts`}
            {giving.totals.length ? `, ${giving.totals.join(" and ")} in all` : ""}. Thank you.
          </p>
          {giving.activeMonthly ? <p>{giving.activeMonthly === 1 ? "1 monthly gift" : `${giving.activeMonthly} monthly gifts`} active.</p> : null}
          {giving.pendingTransfers ? (
            <p>{giving.pendingTransfers === 1 ? "1 bank transfer" : `${giving.pendingTransfers} bank transfers`} waiting to arrive.</p>
          ) : null}
        </>
      )}
      <p>
        <Link to="/me/giving">My gifts, receipts and statements</Link>
      </p>
    </section>
  );
}
