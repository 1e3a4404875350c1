// Signed-in people get the service worker that keeps their steps and tickets for offline use
// (ADR 0035). A few bytes inline, so pages without JavaScript stay that way for everyone else.
const REGISTER = `if("serviceWorker"in navigator)navigator.serviceWorker.register("/sw.js").catch(function(){})`;

export function OfflineRegistration({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: REGISTER }} />;
}
