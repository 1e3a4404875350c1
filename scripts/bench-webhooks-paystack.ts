// The Paystack half of `npm run bench:webhooks`: pending Naira gifts sent to Paystack, and the
// signed `charge.success` each one's payment brings (hex HMAC-SHA512 of the raw body).
import Database from "better-sqlite3";
import { paystackSignature } from "../tests/support/paystack-stand-in";

export const PAYSTACK_AMOUNT = 500_000;

/** Writes `count` pending Paystack gifts, each with the reference its checkout was opened under. */
export function preparePaystackGifts(databaseFile: string, count: number): string[] {
  const sqlite = new Database(databaseFile);
  sqlite.pragma("busy_timeout = 5000");
  const now = Date.now();
  const references: string[] = [];
  sqlite.transaction(() => {
    const insert = sqlite.prepare(
      `insert into donations (id, campaign_id, amount, currency, interval, method, provider, provider_reference, status, donor_name, donor_email, recognition, created_at, updated_at)
       values (?, 'bench', ${PAYSTACK_AMOUNT}, 'NGN', 'one_off', 'card', 'paystack', ?, 'pending', 'Bench Donor', ?, 'named', ?, ?)`,
    );
    for (let i = 0; i < count; i += 1) {
      const reference = `SSP-BENCH${String(i).padStart(11, "0")}`;
      insert.run(`bench-paystack-${i}`, reference, `paystack-donor-${i}@example.org`, now, now);
      references.push(reference);
    }
  })();
  sqlite.close();
  return references;
}

/** The body and header of Paystack's `charge.success` for one gift's payment. */
export function signedChargeSuccess(reference: string, index: number): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    event: "charge.success",
    data: { id: 9_000_000 + index, domain: "test", status: "success", reference, amount: PAYSTACK_AMOUNT, currency: "NGN", paid_at: new Date().toISOString(), metadata: {} },
  });
  return { body, headers: { "content-type": "application/json", "x-paystack-signature": paystackSignature(body) } };
}
