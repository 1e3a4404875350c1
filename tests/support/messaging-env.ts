import { AT_TEST_CALLBACK_SECRET, AT_TEST_KEY, AT_TEST_SENDER, AT_TEST_USERNAME } from "./africas-talking-stand-in";
import { TERMII_TEST_KEY, TERMII_TEST_SECRET, TERMII_TEST_SENDER } from "./termii-stand-in";
import { WHATSAPP_TEST_APP_SECRET, WHATSAPP_TEST_PHONE_NUMBER_ID, WHATSAPP_TEST_TOKEN, WHATSAPP_TEST_VERIFY_TOKEN } from "./whatsapp-stand-in";

// No app code here: Playwright's global set-up reads this too.

/** The variables that point the app at the three stand-ins, as production would at the providers. */
export function messagingEnv(urls: { termii: string; africasTalking: string; whatsapp: string }): Record<string, string> {
  return {
    TERMII_API_KEY: TERMII_TEST_KEY,
    TERMII_SENDER_ID: TERMII_TEST_SENDER,
    TERMII_API_URL: urls.termii,
    TERMII_WEBHOOK_SECRET: TERMII_TEST_SECRET,
    AT_USERNAME: AT_TEST_USERNAME,
    AT_API_KEY: AT_TEST_KEY,
    AT_SENDER_ID: AT_TEST_SENDER,
    AT_API_URL: urls.africasTalking,
    AT_CALLBACK_SECRET: AT_TEST_CALLBACK_SECRET,
    WHATSAPP_TOKEN: WHATSAPP_TEST_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: WHATSAPP_TEST_PHONE_NUMBER_ID,
    WHATSAPP_APP_SECRET: WHATSAPP_TEST_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: WHATSAPP_TEST_VERIFY_TOKEN,
    WHATSAPP_API_URL: urls.whatsapp,
  };
}
