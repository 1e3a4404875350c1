import { asc, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { dataExports, dataSubjectRequests } from "~db/schema";
import { instantFor, type DataSubject, type PersonalDataSection } from "~/utils/personal-data";

/** The person's requests about their data, and their earlier downloads. */
export function personalDataInPrivacy(subject: DataSubject): PersonalDataSection {
  const at = (instant: number | null) => instantFor(subject, instant);
  return {
    area: "privacy",
    title: "Your requests about your data",
    description: "The requests you made about your data (like this download) and what became of them.",
    tables: [
      {
        name: "data-requests",
        title: "Requests",
        sources: ["data_subject_requests"],
        rows: db
          .select()
          .from(dataSubjectRequests)
          .where(eq(dataSubjectRequests.userId, subject.userId))
          .orderBy(asc(dataSubjectRequests.receivedAt))
          .all()
          .map((request) => ({
            kind: request.kind,
            status: request.status,
            requesterName: request.requesterName,
            requesterContact: request.requesterContact,
            details: request.details,
            receivedAt: at(request.receivedAt),
            dueAt: at(request.dueAt),
            eraseAt: at(request.eraseAt),
            closedAt: at(request.closedAt),
            outcome: request.outcome,
          })),
      },
      {
        name: "data-downloads",
        title: "Downloads of your data",
        sources: ["data_exports"],
        rows: db
          .select({ status: dataExports.status, requestedAt: dataExports.requestedAt, readyAt: dataExports.readyAt, expiresAt: dataExports.expiresAt, downloadedAt: dataExports.downloadedAt })
          .from(dataExports)
          .where(eq(dataExports.userId, subject.userId))
          .orderBy(asc(dataExports.requestedAt))
          .all()
          .map((row) => ({ status: row.status, askedAt: at(row.requestedAt), readyAt: at(row.readyAt), linkExpiresAt: at(row.expiresAt), downloadedAt: at(row.downloadedAt) })),
      },
    ],
  };
}
