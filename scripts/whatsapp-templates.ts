// Prints every message's WhatsApp template (name, category and body with its {{1}}… placeholders),
// for organisers to submit to Meta before WhatsApp can carry it. Usage: npm run whatsapp:templates
import { whatsappTemplateBodies } from "~emails/registry";

const listing = whatsappTemplateBodies().map(({ name, category, body }) => `${name} (${category}, English)\n${body}\n`);
process.stdout.write(`${listing.join("\n")}`);
