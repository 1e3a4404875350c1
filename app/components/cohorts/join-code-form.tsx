/** Asks for a cohort's join code; a plain GET form to /join, so it works without JavaScript. */
export function JoinCodeForm({ error, value }: { error?: string | null; value?: string }) {
  return (
    <form method="get" action="/join" className="form join-form">
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor="join-code" className="field__label">
          Join code
        </label>
        <p id="join-code-hint" className="field__hint">
          8 letters and numbers, for example K7QM4PXD
        </p>
        {error ? (
          <p id="join-code-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <input
          id="join-code"
          name="code"
          className="input input--code"
          defaultValue={value}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={error ? "join-code-hint join-code-error" : "join-code-hint"}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <button type="submit" className="button button--secondary">
        Find my cohort
      </button>
    </form>
  );
}
