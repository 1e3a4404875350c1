import { TZDate } from "@date-fns/tz";
import { and, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { likePattern } from "~db/client.server";
import { donations, type DonationStatus, type PaymentMethod } from "~db/schema";
import { DONATION_STATUS_OPTIONS, MONTH_PATTERN } from "./donations-admin-schemas";
import { METHOD_OPTIONS } from "~/modules/sponsorship/donate-schemas";

export type DonationFilters = {
  campaignId: string;
  status: DonationStatus | "";
  method: PaymentMethod | "";
  /** "2026-11": the month of the gift's date (paid, else pledged) in the organisation's time zone. */
  month: string;
  /** Part of the donor's name or email, or of the transfer reference. */
  q: string;
};

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | "" =>
  options.includes(value as T) ? (value as T) : "";

/** Reads the filters from a query string; anything unknown is treated as "no filter". */
export function readDonationFilters(params: URLSearchParams): DonationFilters {
  const month = params.get("month") ?? "";
  return {
    campaignId: (params.get("campaign") ?? "").slice(0, 64),
    status: oneOf(DONATION_STATUS_OPTIONS, params.get("status")),
    method: oneOf(METHOD_OPTIONS, params.get("method")),
    month: MONTH_PATTERN.test(month) ? month : "",
    q: (params.get("q") ?? "").trim().slice(0, 200),
  };
}

/** The filters as query parameters (empty ones left out), for pagination and the CSV link. */
export function filterParams(filters: DonationFilters): Record<string, string> {
  const entries: [string, string][] = [
    ["campaign", filters.campaignId],
    ["status", filters.status],
    ["method", filters.method],
    ["month", filters.month],
    ["q", filters.q],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== ""));
}

/** The gift's date: when it was paid, else when it was pledged. `donations_gift_date_idx` is on this very expression. */
export const giftDateSql = sql<number>`coalesce(${donations.paidAt}, ${donations.createdAt})`;

/** Which filters are set: each combination is one fixed statement, prepared once and reused with new values. */
export type FilterShape = string;

export function shapeOf(filters: DonationFilters): FilterShape {
  return [filters.campaignId, filters.status, filters.method, filters.month, filters.q].map((value) => (value ? "1" : "0")).join("");
}

/** The conditions of a shape, with placeholders for the values (`filterValues` gives them). */
export function whereOfShape(shape: FilterShape): SQL | undefined {
  const [campaign, status, method, month, q] = shape.split("").map((flag) => flag === "1");
  const conditions: SQL[] = [];
  if (campaign) conditions.push(eq(donations.campaignId, sql.placeholder("campaignId")));
  if (status) conditions.push(eq(donations.status, sql.placeholder("status")));
  if (method) conditions.push(eq(donations.method, sql.placeholder("method")));
  if (month) conditions.push(gte(giftDateSql, sql.placeholder("monthStart")), lt(giftDateSql, sql.placeholder("monthEnd")));
  if (q) {
    const pattern = sql.placeholder("pattern");
    conditions.push(
      or(
        sql`${donations.donorName} like ${pattern} escape '\\'`,
        sql`${donations.donorEmail} like ${pattern} escape '\\'`,
        sql`${donations.reference} like ${pattern} escape '\\'`,
      )!,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** [start, end) of a calendar month in a time zone, as UTC instants. */
export function monthRange(month: string, timeZone: string): [number, number] {
  const [, y, m] = MONTH_PATTERN.exec(month)!.map(Number);
  return [new TZDate(y, m - 1, 1, timeZone).getTime(), new TZDate(y, m, 1, timeZone).getTime()];
}

/** The placeholders' values for the filters that are set. */
export function filterValues(filters: DonationFilters, timeZone: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if (filters.campaignId) values.campaignId = filters.campaignId;
  if (filters.status) values.status = filters.status;
  if (filters.method) values.method = filters.method;
  if (filters.month) [values.monthStart, values.monthEnd] = monthRange(filters.month, timeZone);
  if (filters.q) values.pattern = likePattern(filters.q);
  return values;
}

/** One prepared statement per filter shape, made on first use. */
export function perShape<T>(make: (where: SQL | undefined) => T): (shape: FilterShape) => T {
  const prepared = new Map<FilterShape, T>();
  return (shape) => {
    let statement = prepared.get(shape);
    if (!statement) {
      statement = make(whereOfShape(shape));
      prepared.set(shape, statement);
    }
    return statement;
  };
}
