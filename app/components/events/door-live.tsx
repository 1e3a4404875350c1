import { useNonce } from "~/utils/nonce";

// The door page's tools that need its script (ADR 0037): the scanner, the door list kept on the
// phone, the queue of check-ins waiting to sync. Hidden until the script shows them; without it the
// forms around them work as plain forms.

export type DoorLiveProps = {
  /** The script's files: the entry, what it imports, and the decoder it loads for scanning. */
  script: { entry: string; imports: string[]; lazy: string[] };
  eventId: string;
  listUrl: string;
  syncUrl: string;
  timeZone: string;
  checkerName: string;
};

export function DoorLive({ script, eventId, listUrl, syncUrl, timeZone, checkerName }: DoorLiveProps) {
  const nonce = useNonce();
  return (
    <>
      <section id="door-app" className="door-app" hidden aria-label="Scanner and door list" data-event-id={eventId} data-list-url={listUrl} data-sync-url={syncUrl} data-time-zone={timeZone} data-checker={checkerName}>
        <p id="door-status" className="door-status">
          Getting the door list ready on this phone…
        </p>
        <div className="button-row">
          <button type="button" id="door-scan" className="button button--primary button--big">
            Scan tickets
          </button>
          <button type="button" id="door-scan-stop" className="button button--secondary button--big" hidden>
            Stop scanning
          </button>
        </div>
        <div id="door-camera" className="door-camera" hidden>
          <video id="door-video" playsInline muted aria-label="Camera view: hold a ticket's QR code in the frame" />
        </div>
        <div id="door-result" className="door-result" aria-live="assertive" aria-atomic="true" />
        <div id="door-problems" className="door-problems" aria-live="polite" />
      </section>
      {script.imports.map((href) => (
        <link key={href} rel="modulepreload" href={href} />
      ))}
      {/* Fetched when the phone is idle, so scanning works offline later. */}
      {script.lazy.map((href) => (
        <link key={href} rel="prefetch" href={href} as="script" />
      ))}
      <script type="module" src={script.entry} nonce={nonce} />
    </>
  );
}
