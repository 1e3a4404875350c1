import { expectAccessibleWithoutScripts } from "./account-helpers";
import { test } from "./fixtures";
import { giveMonthlyThenStop } from "./paystack-monthly-journey";

test("with JavaScript off, a sponsor gives ₦10,000 a month through Paystack, then stops it from the receipt", async ({ page, browser }) => {
  await giveMonthlyThenStop(page, (current) => expectAccessibleWithoutScripts(current, browser));
});
