/** How many people are checked in out of those with a seat, announced as it changes. */
export function AttendanceFigures({ counts }: { counts: { present: number; expected: number } }) {
  return (
    <p className="figures" aria-live="polite">
      <span>
        <strong className="figure">{counts.present}</strong> present
      </span>
      <span>
        <strong className="figure">{counts.expected}</strong> expected
      </span>
    </p>
  );
}
