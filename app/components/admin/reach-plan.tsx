// What a message to a group would reach, shown before it is sent.

export type ReachPreview = {
  label: string;
  total: number;
  byChannel: { email: number; sms: number; whatsapp: number };
  unreachable: number;
  smsSegments: number;
  smsCostText: string;
  budgetLeftText: string;
};

const people = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "person" : "people"}`;

export function ReachPlan({ preview }: { preview: ReachPreview }) {
  const { byChannel } = preview;
  return (
    <section className="notice" aria-labelledby="reach-title" role="status">
      <h2 id="reach-title">Who it reaches</h2>
      <p>
        {preview.label}: {people(preview.total)}.
      </p>
      <dl className="summary-list">
        <dt>By email</dt>
        <dd>{people(byChannel.email)}</dd>
        <dt>By SMS</dt>
        <dd>{people(byChannel.sms)}</dd>
        <dt>By WhatsApp</dt>
        <dd>{people(byChannel.whatsapp)}</dd>
        <dt>Cannot be reached</dt>
        <dd>{preview.unreachable ? `${people(preview.unreachable)} (no channel they allow reaches them)` : "Nobody"}</dd>
        <dt>SMS cost</dt>
        <dd>
          {preview.smsSegments
            ? `${preview.smsSegments.toLocaleString("en-GB")} ${preview.smsSegments === 1 ? "segment" : "segments"}, about ${preview.smsCostText}`
            : "None"}
        </dd>
        <dt>SMS budget left this month</dt>
        <dd>{preview.budgetLeftText}</dd>
      </dl>
      <p className="muted">Each person gets it once, on the channel they prefer. The group is worked out again when it goes out.</p>
    </section>
  );
}
