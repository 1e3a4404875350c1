import { getInputProps } from "@conform-to/react";
import { FieldError } from "~/components/forms";

type AnyField = Parameters<typeof FieldError>[0]["meta"];

export type CoverFeeChoice = {
  organisationName: string;
  rule: string;
  example: { gift: string; fee: string } | null;
  /** One line per tier that can be given by card: its amount, the fee, the total. */
  tiers: { name: string; gift: string; fee: string; total: string }[];
  providerLabel: string;
};

/**
 * "Cover the card fee": every figure is written out before the donor pays, since the page ships
 * no JavaScript to work one out as they type. Another amount's fee follows the rule shown here,
 * and the exact total is on the payment page before anything is charged.
 */
export function CoverFeeField({ meta, offer }: { meta: AnyField; offer: CoverFeeChoice }) {
  const { key, ...props } = getInputProps(meta, { type: "checkbox", ariaDescribedBy: meta.descriptionId });
  return (
    <div className={meta.errors?.length ? "field field--error" : "field"}>
      <FieldError meta={meta} />
      <div className="checkbox">
        <input key={key} {...props} />
        <label htmlFor={meta.id}>Add the card fee, so {offer.organisationName} receives all of your gift</label>
      </div>
      <div id={meta.descriptionId} className="field__hint checkbox__hint">
        <p>For card payments only. What you would add:</p>
        <ul>
          {offer.tiers.map((tier) => (
            <li key={tier.name}>
              {tier.name}: add {tier.fee}, so {offer.organisationName} receives all of your {tier.gift} ({tier.total} in all)
            </li>
          ))}
          <li>
            Another amount: {offer.rule}, and we add just enough for that to leave your whole gift
            {offer.example ? ` (for ${offer.example.gift}, we add ${offer.example.fee})` : ""}.
          </li>
        </ul>
        <p>You see the total on {offer.providerLabel}&rsquo;s page before you pay, and your receipt shows the gift and the fee.</p>
      </div>
    </div>
  );
}
