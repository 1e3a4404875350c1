import { Link } from "react-router";

type WallItem = { id: string; name: string; message: string; when: string; campaignTitle?: string; campaignSlug?: string };

/** Donors who chose to be listed; messages are plain text (React escapes them). */
export function SponsorWall({ entries, showCampaign = false }: { entries: WallItem[]; showCampaign?: boolean }) {
  return (
    <ul className="sponsor-wall">
      {entries.map((entry) => (
        <li key={entry.id} className="sponsor-wall__entry">
          <p className="sponsor-wall__name">
            <strong>{entry.name}</strong>
            {entry.when ? <span className="muted"> · {entry.when}</span> : null}
          </p>
          {showCampaign && entry.campaignSlug ? (
            <p className="muted sponsor-wall__campaign">
              for <Link to={`/donate/${entry.campaignSlug}`}>{entry.campaignTitle}</Link>
            </p>
          ) : null}
          {entry.message ? <blockquote className="sponsor-wall__message">{entry.message}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}
