type ProgressView = { raised: string; goal: string; donors: number; percent: number };

/** Raised against the goal, as text first (it is what screen readers and Opera Mini show) and as a bar. */
export function CampaignProgressBar({ progress, id }: { progress: ProgressView; id: string }) {
  const donors = progress.donors === 1 ? "1 donor" : `${progress.donors.toLocaleString("en-GB")} donors`;
  return (
    <div className="campaign-progress">
      <p id={id} className="campaign-progress__text">
        <strong>{progress.raised}</strong> raised of {progress.goal} · {donors}
      </p>
      <progress max={100} value={progress.percent} aria-labelledby={id}>
        {progress.percent}%
      </progress>
    </div>
  );
}
