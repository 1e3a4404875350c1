import { Link, useLocation } from "react-router";
import { AcknowledgeNoticeForm } from "./my-privacy";

/** On every signed-in page after the privacy notice changed, until the person says they read it. */
export function NoticeChangedBanner() {
  const location = useLocation();
  return (
    <div className="notice" role="region" aria-labelledby="notice-changed-title">
      <h2 id="notice-changed-title">Our privacy notice has changed</h2>
      <p>
        Please <Link to="/privacy">read the new version</Link>: it says what we keep about you, why, and your rights.
      </p>
      <AcknowledgeNoticeForm redirectTo={location.pathname + location.search} />
    </div>
  );
}
