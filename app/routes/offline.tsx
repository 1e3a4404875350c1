import type { MetaFunction } from "react-router";
import { Link } from "react-router";
import { PageHeader } from "~/components/layout";
import { staticPage } from "~/utils/hydration";

// Kept on the phone by the service worker and shown for any page that cannot open offline (ADR 0035).
export const meta: MetaFunction = () => [{ title: "You are offline" }, { name: "robots", content: "noindex" }];

export const handle = staticPage;

export default function Offline() {
  return (
    <>
      <PageHeader title="You are offline" lead="This page needs a connection, and this phone has not kept a copy of it." />
      <h2>What opens without a connection</h2>
      <ul>
        <li>Programme steps you have opened on this phone since you logged in.</li>
        <li>Your event tickets you have opened on this phone.</li>
        <li>For the door team: the check-in pages you have opened.</li>
      </ul>
      <p>An answer you save while offline stays on this phone and is sent when you are back online.</p>
      <p>Everything kept on this phone is removed when you log out.</p>
      <p>
        <Link to="/me">Try your page again</Link>
      </p>
    </>
  );
}
