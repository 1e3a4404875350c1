import { useEffect, useState } from "react";
import type { ShareLinks } from "~/utils/share-links";

/** Whether this browser can copy for us: never on pages without JavaScript, so the button is not drawn there. */
function useCanCopy(): boolean {
  const [canCopy, setCanCopy] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  return canCopy;
}

function CopyButton({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <p className="button-row">
      <button type="button" className="button button--secondary" onClick={copy}>
        Copy the link
      </button>
      <span role="status">{copied ? "Copied. Paste it into a message." : ""}</span>
    </p>
  );
}

type SharePanelProps = {
  share: ShareLinks;
  /** The section's heading. */
  title?: string;
  /** Makes the element ids unique when a page has more than one panel. */
  id?: string;
};

/**
 * WhatsApp and a link to copy: a plain link and a read-only field work without JavaScript; where
 * the page runs JavaScript, a button copies the link too.
 */
export function SharePanel({ share, title = "Tell a friend", id = "share" }: SharePanelProps) {
  const canCopy = useCanCopy();
  return (
    <section aria-labelledby={`${id}-title`} className="share-panel">
      <h2 id={`${id}-title`}>{title}</h2>
      <p>
        <a href={share.whatsapp} rel="noopener noreferrer">
          Share on WhatsApp
        </a>
      </p>
      <div className="field">
        <label htmlFor={`${id}-link`} className="field__label">
          Or copy the link
        </label>
        <input id={`${id}-link`} className="input" type="url" readOnly value={share.url} />
      </div>
      {canCopy ? <CopyButton url={share.url} /> : null}
    </section>
  );
}
