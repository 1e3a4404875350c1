import { expectAccessible, test } from "./fixtures";
import { giveMonthlyThenStop } from "./paystack-monthly-journey";

test("a signed-in sponsor gives ₦10,000 a month through Paystack, then stops it from the receipt", async ({ page }) => {
  await giveMonthlyThenStop(page, expectAccessible);
});
