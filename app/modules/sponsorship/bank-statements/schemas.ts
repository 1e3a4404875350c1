import { z } from "zod";
import { SUPPORTED_CURRENCIES } from "~/utils/money";

// Shared by the server and the browser: nothing here may import server code.

/** The largest statement file taken; a year of a small organisation's account is far less. */
export const STATEMENT_MAX_BYTES = 2_000_000;

/** How an all-number date is written: 05/11/2026 is 5 November day first, 11 May month first. */
export const DATE_ORDERS = ["dmy", "mdy", "ymd"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  dmy: "Day first: 31/12/2026, 31-12-2026 or 31-Dec-2026",
  mdy: "Month first: 12/31/2026",
  ymd: "Year first: 2026-12-31",
};

const currency = z.enum(SUPPORTED_CURRENCIES, { error: "Choose the account's currency" }).default("NGN");

export const statementUploadSchema = z.object({
  intent: z.literal("upload"),
  currency,
  file: z
    .file({ error: "Choose the statement file (CSV) to upload" })
    .min(1, { error: "That file is empty. Export the statement again and choose the new file" })
    .max(STATEMENT_MAX_BYTES, { error: "That file is larger than 2 MB. Export a shorter period, such as one month" }),
});

const column = z.coerce.number({ error: "Choose a column" }).int().min(0, { error: "Choose a column" }).max(200);
const optionalColumn = z.preprocess((value) => (value === "" || value === "none" ? undefined : value), column.optional());

/** The "map the columns" step for a layout we do not know: which column holds what. */
export const statementMappingSchema = z
  .object({
    intent: z.literal("map"),
    currency,
    fileName: z.string().trim().min(1).max(200),
    // The file itself, carried from the first step as base64 so that it is read byte for byte.
    fileData: z.string().min(1).max(Math.ceil((STATEMENT_MAX_BYTES * 4) / 3) + 8),
    dateColumn: column,
    narrationColumn: column,
    creditColumn: column,
    debitColumn: optionalColumn,
    balanceColumn: optionalColumn,
    dateOrder: z.enum(DATE_ORDERS, { error: "Choose how the dates are written" }),
  })
  .superRefine((value, ctx) => {
    if (value.narrationColumn === value.dateColumn) ctx.addIssue({ code: "custom", path: ["narrationColumn"], message: "Choose a different column from the date" });
    if (value.creditColumn === value.dateColumn || value.creditColumn === value.narrationColumn) {
      ctx.addIssue({ code: "custom", path: ["creditColumn"], message: "Choose the column of money paid in, not the date or the description" });
    }
    if (value.debitColumn !== undefined && value.debitColumn === value.creditColumn) {
      ctx.addIssue({ code: "custom", path: ["debitColumn"], message: "Money paid out cannot be the same column as money paid in" });
    }
  });

export type StatementMapping = { dateColumn: number; narrationColumn: number; creditColumn: number; debitColumn?: number; balanceColumn?: number; dateOrder: DateOrder };

const lineId = z.string({ error: "Choose a line" }).min(1).max(64);

/** The review page's actions on a statement's lines. */
export const statementLineActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), lineIds: z.array(lineId).min(1, { error: "There are no matches to confirm" }).max(5000) }),
  z.object({ intent: z.literal("reject"), lineId }),
  z.object({ intent: z.literal("ignore"), lineId }),
  z.object({ intent: z.literal("restore"), lineId }),
  z.object({ intent: z.literal("match"), lineId, donationId: z.string({ error: "Choose the pledge this credit paid" }).min(1).max(64) }),
]);
