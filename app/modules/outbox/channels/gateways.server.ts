import { getOrganisation } from "~/modules/organisation/index.server";
import { africasTalkingGateway } from "./africas-talking.server";
import { africasTalkingSettings, termiiSettings, whatsappSettings } from "./settings.server";
import { termiiGateway } from "./termii.server";
import type { SmsGateway, WhatsAppGateway } from "./types";
import { whatsappGateway as cloudApiGateway } from "./whatsapp.server";

/** The SMS provider the organisers chose, when this server holds its keys; otherwise no SMS. */
export function smsGateway(): SmsGateway | null {
  switch (getOrganisation().smsProvider) {
    case "termii": {
      const settings = termiiSettings();
      return settings ? termiiGateway(settings) : null;
    }
    case "africastalking": {
      const settings = africasTalkingSettings();
      return settings ? africasTalkingGateway(settings) : null;
    }
    default:
      return null;
  }
}

/** WhatsApp through the Cloud API, when this server holds its token and business number. */
export function whatsappGateway(): WhatsAppGateway | null {
  const settings = whatsappSettings();
  return settings ? cloudApiGateway(settings) : null;
}
