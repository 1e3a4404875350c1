// The "download my data" pages: what the download holds, and where the person's latest one stands.

export function WhatTheDownloadHolds() {
  return (
    <section aria-labelledby="contents-title">
      <h2 id="contents-title">What is in it</h2>
      <ul>
        <li>Your account: name, email address, roles, where you are signed in, your sign-in settings and what you agreed to</li>
        <li>Events you booked, your answers when booking, whether you were checked in, and your feedback</li>
        <li>The programme: your cohorts, your answers to the exercises, your job applications and certificates</li>
        <li>Mentoring: your profiles, mentorships, sessions, check-ins, your notes and your pair's shared notes</li>
        <li>Your gifts and receipts, and any partnership enquiry you sent</li>
        <li>The emails we sent you, and your requests about your data</li>
      </ul>
      <p>
        It holds nothing about anyone else. A mentor's private notes are theirs alone: if a mentor keeps some about you, the
        download says how many, not what they say.
      </p>
      <p className="muted">
        The file is a ZIP. Open <code>index.html</code> inside it to read everything; <code>data.json</code> and the{" "}
        <code>csv</code> folder hold the same for spreadsheets and other programs.
      </p>
    </section>
  );
}

type StatusProps = {
  email: string;
  status: "none" | "building" | "ready" | "expired";
  requestedAt: string | null;
  readyAt: string | null;
  expiresAt: string | null;
  downloadedAt: string | null;
};

export function DataExportStatus({ email, status, requestedAt, readyAt, expiresAt, downloadedAt }: StatusProps) {
  if (status === "building") {
    return (
      <p className="notice" role="status">
        We are putting your data together (you asked on {requestedAt}). We will email the link to <strong>{email}</strong>{" "}
        when it is ready, usually within a few minutes.
      </p>
    );
  }
  if (status === "ready") {
    return (
      <div className="notice notice--success" role="status">
        <p>
          Your download has been ready since {readyAt}. The link is in the email we sent to <strong>{email}</strong>: it works
          until {expiresAt}, and only while you are logged in.
        </p>
        {downloadedAt ? <p>You last downloaded it on {downloadedAt}.</p> : null}
      </div>
    );
  }
  if (status === "expired") return <p>The link to your last download stopped working on {expiresAt}. Ask for a new one when you need it.</p>;
  return <p>You have not asked for a download yet. We email you a link when it is ready; it works for a week.</p>;
}
