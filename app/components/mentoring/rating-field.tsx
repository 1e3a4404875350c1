import type { FieldMetadata } from "@conform-to/react";
import { RadioGroup } from "~/components/choice-fields";
import { RATING_LABELS } from "~/modules/mentoring";

const RATING_OPTIONS = RATING_LABELS.map((label, index) => ({ value: String(index + 1), label }));

/** Five radio buttons, 1 to 5. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function RatingField({ meta, legend }: { meta: FieldMetadata<any, any, any>; legend: string }) {
  return <RadioGroup meta={meta} legend={legend} options={RATING_OPTIONS} />;
}
