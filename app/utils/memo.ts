/**
 * The same object back for the same input, for the last `max` inputs. Form schemas built from
 * data (an event's questions, a campaign's bounds) go through it: the form library prepares each
 * schema object once and keeps that by the object, so a schema built afresh for every request is
 * prepared afresh for every request.
 */
export function memoized<A, R>(keyOf: (input: A) => string, build: (input: A) => R, max = 100): (input: A) => R {
  const made = new Map<string, R>();
  return (input) => {
    const key = keyOf(input);
    const hit = made.get(key);
    if (hit !== undefined) return hit;
    const value = build(input);
    if (made.size >= max) made.delete(made.keys().next().value!);
    made.set(key, value);
    return value;
  };
}
