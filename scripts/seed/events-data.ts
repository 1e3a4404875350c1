import type { EventKind, QuestionKind } from "~db/schema";

// The fictional organisation's events for the demo: Lagos venues (made-up names), times as days
// from the day of seeding.

export type DemoQuestion = { label: string; kind: QuestionKind; options?: string[]; required?: boolean };
export type DemoEvent = {
  key: string;
  kind: EventKind;
  title: string;
  summary: string;
  description: string;
  /** Days from today and the local start time, with a length in hours. */
  day: number;
  time: string;
  hours: number;
  venue?: { name: string; address: string; mapUrl: string };
  joinUrl?: string;
  capacity: number;
  status: "draft" | "published";
  questions?: DemoQuestion[];
  series?: { weeks: number };
};

export const YABA = { name: "Harmony Hub, Yaba", address: "14 Herbert Macaulay Way, Yaba, Lagos", mapUrl: "https://maps.example.org/?q=Harmony+Hub+Yaba" };
export const LEKKI = { name: "Lekki Learning Loft", address: "3 Admiralty Road, Lekki Phase 1, Lagos", mapUrl: "https://maps.example.org/?q=Lekki+Learning+Loft" };
export const SURULERE = { name: "Surulere Youth Centre", address: "22 Adeniran Ogunsanya Street, Surulere, Lagos", mapUrl: "https://maps.example.org/?q=Surulere+Youth+Centre" };
export const IKEJA = { name: "Allen Avenue Community Room", address: "41 Allen Avenue, Ikeja, Lagos", mapUrl: "https://maps.example.org/?q=Allen+Avenue+Community+Room" };

export const DEMO_EVENTS: DemoEvent[] = [
  {
    key: "resilience",
    kind: "workshop",
    title: "Bouncing back: a resilience workshop",
    summary: "A morning of practical tools for handling job rejections, with people who have been there.",
    description:
      "Rejection hurts, and it is part of every job search. In this workshop we:\n\n- name what a rejection does to us, and why it is not a verdict on you\n- practise turning feedback into a next step\n- plan the week after a \"no\"\n\nBring a notebook. Tea and puff-puff provided.",
    day: 5,
    time: "10:00",
    hours: 3,
    venue: YABA,
    capacity: 25,
    status: "published",
    questions: [
      { label: "What kind of work are you looking for?", kind: "text", required: true },
      { label: "Have you been to one of our workshops before?", kind: "yes_no" },
    ],
  },
  {
    key: "cv-clinic",
    kind: "seminar",
    title: "CV clinic: make your CV work for you",
    summary: "Bring your CV and leave with a sharper one: short talks, then one-to-one reviews with volunteers.",
    description: "Recruiters read a CV in under a minute. We show what they look for, then volunteers from HR and hiring go through yours with you.\n\nPlease bring a printed copy or have it on your phone.",
    day: 12,
    time: "14:00",
    hours: 2,
    venue: LEKKI,
    capacity: 40,
    status: "published",
    questions: [{ label: "Which stage are you at?", kind: "choice", options: ["Looking for my first job", "Changing careers", "Back after a break"], required: true }],
  },
  {
    key: "youth-circle",
    kind: "youth_session",
    title: "Youth programme: next steps circle",
    summary: "A weekly circle for 16 to 24 year olds: set one small goal, and share how last week's went.",
    description: "Small groups, led by a trained volunteer. Come to one or to all four.",
    day: 3,
    time: "16:00",
    hours: 2,
    venue: SURULERE,
    capacity: 20,
    status: "published",
    series: { weeks: 4 },
  },
  {
    key: "interviews-online",
    kind: "seminar",
    title: "Interview practice, online",
    summary: "Common interview questions, how to answer them, and a chance to practise in small breakout rooms.",
    description: "An evening session on video. You need a phone or computer with a camera; headphones help.",
    day: 8,
    time: "18:00",
    hours: 1.5,
    joinUrl: "https://meet.example.org/bounce-forward-interviews",
    capacity: 100,
    status: "published",
  },
  {
    key: "money-basics",
    kind: "seminar",
    title: "Money basics for your first salary",
    summary: "Budgeting, saving and avoiding debt traps when the first pay cheque arrives.",
    description: "Still being planned: the speaker is to be confirmed.",
    day: 30,
    time: "11:00",
    hours: 2,
    venue: IKEJA,
    capacity: 30,
    status: "draft",
  },
  {
    key: "rejection-emails",
    kind: "workshop",
    title: "Reading rejection emails",
    summary: "What a rejection email really says, and when and how to ask for feedback.",
    description: "A hands-on session with real (anonymised) rejection emails.",
    day: -14,
    time: "10:00",
    hours: 2,
    venue: YABA,
    capacity: 20,
    status: "published",
  },
];

// The benchmark set cycles through these.
export const LARGE_TITLES: [EventKind, string][] = [
  ["workshop", "Resilience workshop"],
  ["seminar", "CV clinic"],
  ["youth_session", "Youth programme session"],
  ["seminar", "Interview practice"],
  ["workshop", "Networking without fear"],
];
export const LARGE_VENUES = [YABA, LEKKI, SURULERE, IKEJA];
export const STAGES = ["Looking for my first job", "Changing careers", "Back after a break"];
