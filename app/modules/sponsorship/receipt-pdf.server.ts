import fs from "node:fs";
import { createRequire } from "node:module";
import type PDFDocument from "pdfkit";
import type { ReceiptIssuer } from "./receipt-facts.server";

// Receipts and statements as PDF files a finance team files away (ADR 0029). DejaVu Sans is
// embedded because the standard PDF fonts have no ₦ and none of the Yoruba, Igbo and Hausa
// letters (ẹ ọ ṣ ń ƙ ɗ ƴ) donors' names are written with. The fonts are read from the installed
// package at run time, as the share card does, so the server bundle needs no copy of them.

const require = createRequire(import.meta.url);

let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: fs.readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: fs.readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

const MARGIN = 56;
const INK = "#1b1b1b";
const MUTED = "#505a5f";
const RULE = "#b1b4b6";

export type PdfRow = { label: string; value: string };
export type PdfTable = { columns: { heading: string; width: number }[]; rows: string[][] };

/** One document: the issuer at the top, a title, label–value rows, an optional table, closing paragraphs. */
export type PdfContent = {
  title: string;
  issuer: ReceiptIssuer;
  rows: PdfRow[];
  table?: PdfTable;
  /** Rows after the table, such as totals. */
  afterTable?: PdfRow[];
  paragraphs: string[];
  /** The organisers' own wording for receipts, printed small at the end. */
  smallPrint?: string;
};

type Doc = InstanceType<typeof PDFDocument>;

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN * 2;
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function drawIssuer(doc: Doc, issuer: ReceiptIssuer) {
  doc.font("bold").fontSize(15).fillColor(INK).text(issuer.legalName);
  doc.font("regular").fontSize(10).fillColor(MUTED);
  if (issuer.legalName !== issuer.name) doc.text(`Known as ${issuer.name}`);
  if (issuer.registrationNumber) doc.text(`Registration number: ${issuer.registrationNumber}`);
  for (const line of issuer.postalAddress.split("\n").filter(Boolean)) doc.text(line);
  if (issuer.contactEmail) doc.text(issuer.contactEmail);
  doc.moveDown(0.6);
  const y = doc.y;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + contentWidth(doc), y).strokeColor(RULE).lineWidth(1).stroke();
  doc.moveDown(1);
}

function drawRows(doc: Doc, rows: PdfRow[]) {
  const labelWidth = 150;
  const valueWidth = contentWidth(doc) - labelWidth - 10;
  for (const row of rows) {
    doc.font("regular").fontSize(11);
    const height = Math.max(doc.heightOfString(row.label, { width: labelWidth }), doc.heightOfString(row.value, { width: valueWidth }));
    ensureRoom(doc, height + 6);
    const y = doc.y;
    doc.font("bold").fillColor(INK).text(row.label, MARGIN, y, { width: labelWidth });
    doc.font("regular").text(row.value, MARGIN + labelWidth + 10, y, { width: valueWidth });
    doc.x = MARGIN;
    doc.y = y + height + 6;
  }
  doc.moveDown(0.5);
}

function drawTableRow(doc: Doc, cells: string[], table: PdfTable, font: "regular" | "bold") {
  doc.font(font).fontSize(9.5).fillColor(INK);
  const scale = contentWidth(doc) / table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => column.width * scale - 6);
  const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index] })));
  ensureRoom(doc, height + 8);
  const y = doc.y;
  let x = MARGIN;
  cells.forEach((cell, index) => {
    doc.text(cell, x, y, { width: widths[index] });
    x += widths[index] + 6;
  });
  doc.moveTo(MARGIN, y + height + 3).lineTo(MARGIN + contentWidth(doc), y + height + 3).strokeColor(RULE).lineWidth(0.5).stroke();
  doc.x = MARGIN;
  doc.y = y + height + 7;
}

function drawTable(doc: Doc, table: PdfTable) {
  drawTableRow(doc, table.columns.map((column) => column.heading), table, "bold");
  for (const row of table.rows) drawTableRow(doc, row, table, "regular");
  doc.moveDown(1);
}

/** Draws the document and returns the PDF's bytes. pdfkit is loaded on the first receipt, not at start (ADR 0050). */
export async function drawPdf(content: PdfContent): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const { regular, bold } = loadFonts();
  // The first font is given at once, so pdfkit never loads its built-in Helvetica.
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    font: regular as unknown as string,
    info: { Title: content.title, Author: content.issuer.legalName, Creator: content.issuer.name },
    pdfVersion: "1.7",
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  drawIssuer(doc, content.issuer);
  doc.font("bold").fontSize(18).fillColor(INK).text(content.title);
  doc.moveDown(0.8);
  drawRows(doc, content.rows);
  if (content.table) drawTable(doc, content.table);
  if (content.afterTable?.length) drawRows(doc, content.afterTable);
  doc.font("regular").fontSize(11).fillColor(INK);
  for (const paragraph of content.paragraphs) {
    ensureRoom(doc, doc.heightOfString(paragraph, { width: contentWidth(doc) }) + 8);
    doc.text(paragraph, MARGIN, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.6);
  }
  if (content.smallPrint) {
    doc.font("regular").fontSize(9.5).fillColor(MUTED);
    ensureRoom(doc, doc.heightOfString(content.smallPrint, { width: contentWidth(doc) }));
    doc.text(content.smallPrint, MARGIN, doc.y, { width: contentWidth(doc) });
  }
  doc.end();
  return done;
}
