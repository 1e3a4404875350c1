import { Link } from "react-router";

/** The ten recovery codes, shown once, right after two-factor sign-in is turned on. */
export function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  return (
    <>
      <h2 id="recovery-title">Two-factor sign-in is on. Save your recovery codes</h2>
      <p className="measure">
        If you lose your phone, each of these codes lets you log in once instead of a code from the app. Write them down or
        keep them in a password manager. <strong>This is the only time we show them.</strong>
      </p>
      <ul className="recovery-codes" aria-labelledby="recovery-title">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <Link className="button button--primary" to={continueTo}>
          I have saved my codes. Continue
        </Link>
      </p>
    </>
  );
}
