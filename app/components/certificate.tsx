import type { ReactNode } from "react";

/**
 * The printable certificate every kind shares (the programme's, an event's attendance, the
 * journey's): who issued it, to whom, what they did, and the address that proves it.
 */
export function CertificateLayout({ organisationName, heading, recipientName, url, children }: { organisationName: string; heading: string; recipientName: string; url: string; children: ReactNode }) {
  return (
    <article className="certificate" aria-labelledby="certificate-title">
      <p className="certificate__org">{organisationName}</p>
      <h1 id="certificate-title">{heading}</h1>
      <p>This certifies that</p>
      <p className="certificate__name">{recipientName}</p>
      {children}
      <dl className="certificate__verify">
        <dt>Verify this certificate at</dt>
        <dd className="wrap-anywhere">{url}</dd>
      </dl>
      <p className="muted no-print">To keep a copy, use your browser&rsquo;s Print or Share menu. This page is the proof: anyone with the link can check it.</p>
    </article>
  );
}
