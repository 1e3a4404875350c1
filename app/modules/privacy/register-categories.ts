import type { RetentionSettings } from "~/modules/organisation";
// What each category of personal data is, why it is held and on what lawful basis (NDPA s.25(1):
// consent, contract, legal obligation, vital interests, public task, legitimate interests). The
// retention periods come from the organisation's settings, which the retention job also reads.

export type CategoryKey = "identity" | "contact" | "age" | "events" | "programme" | "mentoring" | "giving" | "messages" | "security" | "rights";

export type RecipientKey = "email" | "stripe" | "paystack";
export type Recipient = { key: RecipientKey; name: string; country: string; abroad: boolean; inUse: boolean; receives: string };

/** One category as the register shows it, with who receives it and how many records hold it now. */
export type RegisterEntry = {
  key: CategoryKey;
  category: string;
  data: string;
  purposes: string;
  lawfulBasis: string;
  storedIn: string;
  retention: string;
  recipients: Recipient[];
  records: { label: string; count: number }[];
};

type Category = {
  key: CategoryKey;
  category: string;
  data: string;
  purposes: string;
  lawfulBasis: string;
  storedIn: string;
  retention: string;
  recipients: RecipientKey[];
};

const DATABASE = "The database on the organisation's server, and its backups";

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

export function describeCategories(s: RetentionSettings): Category[] {
  const account = `While the account is in use; erased ${plural(s.inactiveAccountYears, "year")} after the last sign-in, or on request after ${plural(s.erasureCoolingOffDays, "day")} to change one's mind`;
  return [
    {
      key: "identity",
      category: "Account identity",
      data: "Name, email address, password (as a one-way hash), roles",
      purposes: "Running each person's account: signing in, showing them their events, programme, mentoring and gifts",
      lawfulBasis: "Contract (s.25(1)(b)): the service the person signed up for",
      storedIn: DATABASE,
      retention: account,
      recipients: ["email"],
    },
    {
      key: "contact",
      category: "Contact details",
      data: "Email addresses and the emails each address chose to receive; partners' contact names, emails and phone numbers; invitations",
      purposes: "Sending what people asked for; answering partners; inviting organisers, mentors and cohort members",
      lawfulBasis: "Contract (s.25(1)(b)); consent (s.25(1)(a)) for optional emails; legitimate interests (s.25(1)(f)) for partners",
      storedIn: DATABASE,
      retention: `${account}; partner enquiries until the conversation ends`,
      recipients: ["email"],
    },
    {
      key: "age",
      category: "Date of birth and guardians' consent",
      data: "A participant's date of birth; a parent's or guardian's name, contact and consent; what each person agreed to, and when",
      purposes: "Knowing who is a child under the Act, asking a guardian's consent, and proving consent was given",
      lawfulBasis: "Legal obligation (s.25(1)(c), s.31 on children); consent (s.25(1)(a))",
      storedIn: DATABASE,
      retention: `${account}; the consent records as long as the account, as proof`,
      recipients: ["email"],
    },
    {
      key: "events",
      category: "Event registrations and attendance",
      data: "Who booked which event, their answers to the event's questions, whether they came, their feedback",
      purposes: "Running events: seats, tickets, check-in, reminders, and learning what helped",
      lawfulBasis: "Contract (s.25(1)(b)); legitimate interests (s.25(1)(f)) for anonymous figures",
      storedIn: DATABASE,
      retention: `Answers to an event's questions and feedback comments: ${plural(s.pastRegistrationMonths, "month")} after the event ends; bookings, attendance and ratings as long as the account`,
      recipients: ["email"],
    },
    {
      key: "programme",
      category: "Programme answers and applications",
      data: "Cohort membership, answers to the curriculum's exercises, job applications logged, certificates, outcomes after the programme and follow-up questions, stories and the consent to quote them",
      purposes: "Running the careers programme and showing each participant their progress",
      lawfulBasis: "Contract (s.25(1)(b)); consent (s.25(1)(a)) for sharing answers with a mentor and for quoting a story",
      storedIn: DATABASE,
      retention: account,
      recipients: ["email"],
    },
    {
      key: "mentoring",
      category: "Mentoring",
      data: "Mentor and mentee profiles, who is paired with whom, sessions, check-ins, notes and shared answers",
      purposes: "Matching mentors and participants and supporting their sessions",
      lawfulBasis: "Contract (s.25(1)(b)); consent (s.25(1)(a)) for what a participant shares",
      storedIn: DATABASE,
      retention: account,
      recipients: ["email"],
    },
    {
      key: "giving",
      category: "Gifts and receipts",
      data: "Donor's name, email, amounts, payment references, receipts, monthly gifts, recognition choice and message",
      purposes: "Taking and acknowledging gifts, receipts, refunds, and the organisation's accounts",
      lawfulBasis: "Contract (s.25(1)(b)); legal obligation (s.25(1)(c)) to keep financial records",
      storedIn: DATABASE,
      retention: `Donors' names ${plural(s.financialRecordYears, "year")} after the gift, as financial records must be kept; amounts and receipt numbers stay after that, without a name`,
      recipients: ["stripe", "paystack", "email"],
    },
    {
      key: "messages",
      category: "Email messages",
      data: "Each email sent: address, subject and body",
      purposes: "Delivering the site's emails, retrying them, and showing organisers what could not be delivered",
      lawfulBasis: "Contract (s.25(1)(b)); legitimate interests (s.25(1)(f)) in knowing mail arrived",
      storedIn: `${DATABASE}; once sent, the email provider's servers`,
      retention: `The text ${plural(s.outboxBodyDays, "day")} after sending; who got which message, and when, stays`,
      recipients: ["email"],
    },
    {
      key: "security",
      category: "Security records",
      data: "Sessions (device, times), second factors and recovery codes (hashed), the audit log of organisers' actions",
      purposes: "Keeping accounts safe, and showing who did what with people's data",
      lawfulBasis: "Legal obligation (s.39: security of processing); legitimate interests (s.25(1)(f))",
      storedIn: DATABASE,
      retention: `Ended sessions and used links ${plural(s.sessionRecordDays, "day")}; audit entries ${plural(s.auditEntryYears, "year")}`,
      recipients: [],
    },
    {
      key: "rights",
      category: "Data-rights requests and breaches",
      data: "Who asked for what and what was done; data downloads; the breach log",
      purposes: "Answering people's requests within the law's time and reporting breaches to the Commission",
      lawfulBasis: "Legal obligation (s.25(1)(c), ss.34–40)",
      storedIn: DATABASE,
      retention: `Requests and breaches ${plural(s.auditEntryYears, "year")}, as the audit log; downloads ${plural(s.sessionRecordDays, "day")} after their link expires`,
      recipients: ["email"],
    },
  ];
}
