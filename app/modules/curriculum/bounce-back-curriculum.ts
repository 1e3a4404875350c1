import type { CurriculumSource } from "./exercise-types";

// The curriculum every installation starts with. Bodies are Markdown (no raw HTML) and are kept
// flush-left, because indentation of four spaces or more would turn a paragraph into a code block.

export const BOUNCE_BACK_CURRICULUM: CurriculumSource = {
  slug: "bounce-back",
  title: "Bounce back after a job rejection",
  summary:
    "Fifteen short steps to get over a rejected job application, learn from it and go back to your search with a clear plan.",
  steps: [
    {
      slug: "accept-the-outcome",
      title: "Accept the outcome gracefully",
      summary:
        "Let yourself feel the disappointment, stay calm and professional, and decide on your next move.",
      readingMinutes: 3,
      body: `You prepared. You ironed your shirt, paid for the bus or sat in Lagos traffic, and answered every question as well as you could. Then the message came: "We regret to inform you…"

It hurts, and that is normal. Anyone who wanted a job and did not get it feels something: sadness, anger, embarrassment, or just tiredness. This first step is about letting that feeling be there without letting it take charge.

## Name it, then let it pass

Give yourself a little time. An evening off, a walk, a long call with a friend. Feelings get lighter when you name them. "I am disappointed" is easier to carry than a bad mood you cannot explain.

What does not help is replaying the interview again and again at 2 a.m., telling yourself you are not good enough, or deciding the recruiter was wicked and unfair. Maybe you made a mistake. Maybe you did nothing wrong at all. Either way, going over it in circles will not change the result.

## Not every good candidate gets the job

A bank in Victoria Island may interview twelve people for one graduate trainee place. Eleven of them go home without an offer, and many of them were strong. The company may have chosen someone with a skill it needed right now, someone who had already done an internship there, or someone who lived closer to the branch.

Many of these reasons have nothing to do with you, and you will never hear most of them.

## Keep it professional

How you respond now still counts. Recruiters talk to each other, and the same HR team may be hiring again in three months. If you reply to the rejection, keep it short and polite.

- Do not argue with the decision.
- Do not post about the company on social media.
- Do not send an angry message you will regret tomorrow.

Candidates who take a "no" calmly leave a good impression. When another role opens, recruiters often think first of the people they already met and liked.

## Then decide what comes next

Accepting the outcome does not mean giving up. It means you stop carrying this one interview around, so that you have energy for the next one. The next fourteen steps will help you do that: asking for feedback, learning from the interview, and going back to your search with a plan.

For today, one small decision is enough.`,
      exercise: {
        kind: "reflection",
        intro:
          "Write two short sentences. Your answers are private: organisers see that you finished the step, not what you wrote.",
        prompts: [
          {
            key: "feeling",
            label: "What are you feeling right now?",
            hint: "One sentence is enough. For example: I feel disappointed and a bit embarrassed.",
          },
          {
            key: "next_action",
            label: "What will you do next?",
            hint: "One small, real action. For example: I will rest this evening and update my CV on Saturday.",
          },
        ],
      },
    },
    {
      slug: "ask-for-feedback",
      title: "Ask for constructive feedback",
      summary:
        "Politely ask the interviewer what you could do better, so that your next interview goes better.",
      readingMinutes: 3,
      body: `The company has made its decision about this role. But the people who interviewed you saw something you cannot see: how you came across from the other side of the table. A short, polite email can turn their opinion into something useful for you.

## Why it is worth asking

Feedback usually points at one of three things:

- **Communication**: your answers were too long, too short, or did not answer the question asked.
- **Technical knowledge**: you were unsure about a tool or an idea the role needs, such as Excel formulas for a finance role or SQL for a data role.
- **Interview technique**: you did not give examples, you knew little about the company, or your nerves got in the way.

Knowing which one it was saves you months of guessing.

## Who to ask, and when

Write to the person who interviewed you, or to the HR contact who sent the rejection. Send it within a few days, while they still remember you. If you only have a phone number, a short, polite message on the channel they used to contact you is fine.

## How to ask

Keep it short. Thank them first. Ask one clear question: what could you do better next time? Make it easy for them to answer in two or three lines.

Do not ask them to change their decision, and do not explain why you think they got it wrong.

Chidinma interviewed for a customer service role at Kestrel Mobile, a telecoms company in Port Harcourt. She sent a four-line email to the HR officer. Two days later she got a reply: her answers were good, but another candidate had spoken more about handling angry customers. Now she knew exactly what to practise.

## What to expect

Be ready for silence. Many companies do not reply, and some have a rule against giving feedback. That does not mean you were wrong to ask. You lose nothing by sending the email, and you may gain a lot.

If someone does reply, thank them, even if the feedback is hard to read. Read it twice, then leave it for a day before you decide what it means. You will use it in the next steps.

## Your exercise

Fill in the details below. The app builds your email, and you can copy it or open it in your mail app. Read it through once and change anything that does not sound like you.`,
      exercise: {
        kind: "email_draft",
        intro:
          "Fill in the details. Your email is built from your answers, ready to copy or open in your mail app.",
        placeholders: [
          { key: "your_name", label: "Your full name" },
          {
            key: "interviewer",
            label: "Interviewer's name",
            hint: "With their title, for example Mrs Okafor or Mr Bello. If you do not know it, write Hiring Team.",
          },
          { key: "company", label: "Company name" },
          {
            key: "role",
            label: "Role you interviewed for",
            hint: "For example: Graduate Trainee",
          },
        ],
        subjectTemplate: "Feedback on my interview for the {{role}} role",
        bodyTemplate: `Dear {{interviewer}},

Thank you for letting me know your decision about the {{role}} role, and for the time you and the team gave me at the interview.

I am working to improve, and I would be grateful for any feedback on my interview. Is there anything in my answers, my experience or the way I presented myself that I could do better next time?

Even two or three lines would help me a great deal.

Thank you again. I hope to have the chance to work with {{company}} in the future.

Kind regards,
{{your_name}}`,
      },
    },
    {
      slug: "reflect-on-the-interview",
      title: "Reflect on your performance",
      summary:
        "Go back over the interview honestly, so you can see what worked and what to change.",
      readingMinutes: 3,
      body: `Whether or not the company sends feedback, you were in the room (or on the call), and you remember more than you think. Do this step soon, while the details are fresh. Find a quiet half hour and be honest with yourself, the way a good friend would be: fair, not harsh.

## Go back over the questions

Write down every question you can remember, even the easy ones. "Tell us about yourself." "Why do you want to work here?" "Describe a time you worked in a team." Banks, FMCG companies and tech firms ask many of the same kinds of questions, so this list will help you again.

Next to each one, note roughly what you answered. Which answers came out clearly? Where did you ramble, go blank, or answer without an example?

## Look at your preparation

Ask yourself a few plain questions:

- Did I research the company: what it sells, who its customers are, any recent news?
- Did I read the job description line by line and match my experience to each requirement?
- Did I have two or three stories ready: a project, a problem I solved, a time I led something?
- Did I prepare questions to ask them at the end?
- Did I plan the practical things: the route, the time, and enough data and battery for a video call?

Tobi, a computer science graduate in Abuja, was turned down by Mangrove Pay, a fintech. Looking back, he saw that he had talked about his final-year project for ten minutes but never said what it did for its users. For his next interview, he prepared a two-minute version that started with the problem it solved.

## Look at your manner

How did you come across? Think about your greeting, your eye contact (or where you looked on camera), your pace and your tone. Nerves are normal. If you spoke too fast or too quietly, practice will fix that.

## Name the gaps without punishing yourself

The point of this step is a short, clear list of things to do differently, not a list of everything that went wrong. "I did not research the company" is useful. "I am useless at interviews" is neither true nor useful.

If you got feedback after step 2, put it next to your own notes. Where do they agree? Start with those.

Write down what went well too. That list tells you what to keep doing.`,
      exercise: {
        kind: "reflection",
        intro:
          "Short notes are fine. You can come back to them when you prepare for your next interview.",
        prompts: [
          {
            key: "questions_asked",
            label: "Which questions were you asked?",
            hint: "As many as you remember, one per line.",
            multiline: true,
          },
          {
            key: "went_well",
            label: "What went well?",
            hint: "For example: I was on time and my answer about teamwork was clear.",
            multiline: true,
          },
          {
            key: "to_change",
            label: "What will you change next time?",
            hint: "Two or three specific things. For example: research the company's products the week before.",
            multiline: true,
          },
        ],
      },
    },
    {
      slug: "know-your-strengths",
      title: "Stay positive and focused",
      summary:
        'Remind yourself what you bring, with real evidence, so that one "no" does not define you.',
      readingMinutes: 2,
      body: `After a rejection, your mind tends to collect evidence against you. It remembers the question you fumbled and forgets the five you answered well. This step is about correcting that picture with facts.

## A rejection is about fit, not your worth

A company chose one person for one role at one moment. Its decision says "this was not the right match for us right now". It does not say you have nothing to offer. The same CV that got no offer at one firm can get one at the next.

Treat this as a temporary setback on a long road. Your long-term goal, whether that is a career in banking, building software or one day running your own business, is still there.

## Look at what you have already done

You have more to show than you think. Start with the facts:

- You finished a degree, an HND, an OND or a training programme, often while dealing with strikes, transport costs or family duties.
- You served, or are serving, your NYSC year in a place you did not choose, and you adapted.
- You handled money, stock or customers in a family business or a side hustle.
- You organised something: a church or mosque youth event, a departmental week, a study group.
- You taught yourself a skill from videos or a free online course.

Each of these shows a strength: reliability, adaptability, handling pressure, leading, learning fast.

## Strengths need evidence

"I am hardworking" is what every candidate says. "For two years I ran my aunt's provisions shop in Ikorodu on Saturdays and kept the daily sales record, first in a notebook and later in Excel" shows it.

Evidence is what makes a strength believable, to an interviewer and to you. Good evidence is specific: a number, a place, a result, a length of time. "I trained three new volunteers at our community health outreach" is stronger than "I am good with people".

## Keep the long view

Write your strengths down and keep them where you can see them. Read them before your next interview. On a bad day, read them again.

They did not stop being true because one company said no.`,
      exercise: {
        kind: "list",
        intro:
          "Choose three strengths. For each one, write a real example that shows it.",
        itemLabel: "Strength",
        minItems: 3,
        maxItems: 3,
        fields: [
          {
            key: "strength",
            label: "Strength",
            hint: "For example: staying calm under pressure",
          },
          {
            key: "evidence",
            label: "Evidence",
            hint: "Something you did that shows it: where, when and what happened.",
            multiline: true,
          },
        ],
      },
    },
    {
      slug: "build-your-skills",
      title: "Improve your skills",
      summary:
        "Turn what the interview taught you into a short plan, with dates, to grow one to three skills.",
      readingMinutes: 3,
      body: `You now have notes from your own reflection and perhaps feedback from the company. This step turns them into action. Keep the plan small: one to three skills you can really work on in the next few weeks, alongside everything else in your life.

## If the gap is technical

Technical gaps are often the easiest to close, because there is a clear thing to learn. For example:

- **Finance or banking**: Excel formulas and pivot tables, basic accounting, a professional exam.
- **Data or tech**: SQL, a programming language, a small project you can show.
- **Digital marketing**: social media analytics, writing copy, running a small campaign for a friend's business.
- **Sales or FMCG**: product knowledge, simple sales reports, how distribution works.

Many good courses are free or cheap online, and tech hubs in Lagos, Abuja and Port Harcourt often run short trainings. Before you pay for a certificate, ask someone who works in the field whether employers value it. Where you can, download course videos on Wi-Fi to save your data.

## If the gap is communication

If your answers were too long, too quiet or unclear, you need practice more than study.

- Do mock interviews with a friend, a mentor or someone in your cohort. Ask them to be strict.
- Record yourself answering common questions on your phone and watch it back. It is uncomfortable, and it works.
- Join a public-speaking or debate club, or take a turn leading sessions in a youth group.
- Practise your "tell me about yourself" answer until you can give it in under two minutes without notes.

## Make it specific and give it a date

"Improve my Excel" is a wish. "Finish a free Excel course and build a simple sales dashboard by 30 June" is a plan. For each skill, choose one resource and a target date. A date makes it real, and a small finished task beats a big plan that never starts.

Fatima wanted to be a data analyst at a bank in Abuja. The feedback from her interview said her SQL was weak. She chose one free course, practised for twenty minutes each evening, and gave herself four weeks to build a small project using food price data from markets in her state. At her next interview, she had something to show.

## Show your progress

When you finish something, add it to your CV and your LinkedIn profile. A certificate, a link to a project or a line such as "Completed a 6-week customer service course" gives the next interviewer something concrete to ask you about.`,
      exercise: {
        kind: "list",
        intro:
          "Choose one to three skills to work on. For each, name one resource and a date to finish by.",
        itemLabel: "Skill",
        minItems: 1,
        maxItems: 3,
        fields: [
          {
            key: "skill",
            label: "Skill",
            hint: "For example: Excel pivot tables, or answering interview questions clearly",
          },
          {
            key: "resource",
            label: "Resource",
            hint: "A course, book, group or person. For example: a free online Excel course",
          },
          {
            key: "target_date",
            label: "Target date",
            hint: "For example: 30 June",
          },
        ],
      },
    },
    {
      slug: "widen-your-search",
      title: "Widen your job search",
      summary:
        "Look beyond one job title to related roles and industries where your skills fit.",
      readingMinutes: 3,
      body: `It is easy to fix on one dream job, apply only for that title, and feel stuck every time the answer is no. Your skills fit many more places than one job title suggests. This step is about seeing them.

## Your skills travel

Think about what you actually do well, not the job title you had in mind. Then ask: who else needs that?

- **Customer service at a bank**: the same skills fit call centres at telecoms companies, support teams at fintechs, front desks at hospitals and hotels, and customer success at software companies.
- **Accounting**: look at audit firms, finance teams at FMCG companies, microfinance banks, cooperatives, NGOs, and the accounts office of a growing small business.
- **Software development**: look at software testing, technical support, data analysis, and product roles at startups.
- **Mass communication**: look at marketing, public relations, content writing, community management and sales.

Think about industries you may have ignored: logistics, agriculture and food processing, health, education, energy and public programmes. Small businesses hire too, often faster than big firms, and you can learn a lot there.

## Network, not only job boards

Many roles are filled before they are advertised, or through someone's recommendation. Let more people know you are looking:

- Keep your LinkedIn profile up to date, and post now and then about what you are learning.
- Go to career fairs, industry meetups and events at tech hubs in Lagos, Abuja or Port Harcourt. Many are free.
- Register with one or two well-reviewed recruitment agencies.
- Tell former lecturers, your NYSC colleagues and your alumni groups what kind of role you want.

## Watch out for scams

More applications bring more risk. A real employer or agency does not ask you to pay for a job. Be careful with any "job" that asks for a fee, asks for your BVN or bank login before an offer, or invites you to an interview in an odd place. Check the company's website, and ask someone you trust when something feels wrong.

## Aim wider and better

Sending applications to a wider range of places raises your chances. The goal is not to apply for everything. It is to find five to ten directions that make sense for you, and aim at each of them well.`,
      exercise: {
        kind: "list",
        intro:
          "Name five roles or industries, beyond the one you interviewed for, where your skills could fit.",
        itemLabel: "Role or industry",
        minItems: 5,
        maxItems: 5,
        fields: [
          {
            key: "role_or_industry",
            label: "Role or industry",
            hint: "For example: customer success at a fintech",
          },
          {
            key: "why_it_fits",
            label: "Why it could fit you",
            hint: "One line. Which of your skills does it use?",
          },
        ],
      },
    },
    {
      slug: "build-your-support",
      title: "Build a support system",
      summary:
        "Choose the people who will back you while you search, and tell them what you need.",
      readingMinutes: 3,
      body: `Job hunting can be lonely and tiring. You apply, wait, hear nothing, and apply again. Friends start working and post pictures from their first salary, and you wonder why it is taking you so long. Family may ask "any news?" every Sunday. Carrying all of that alone makes it heavier than it needs to be.

## Talk to people you trust

Pick a few people you can be honest with, and tell them how you really feel, not only "I'm fine". It might be:

- a friend who is also job hunting, so you can encourage each other
- a sibling, parent, aunt or uncle who listens without judging
- a former lecturer, or a leader in your church, mosque or community who knows you well
- someone a few years ahead of you in a field you want to enter

Different people help in different ways. One makes you laugh on a bad day. Another can look at your CV. Another knows someone at a company you like. No one person has to do everything.

## Tell them what would help

People often want to help but do not know how. Be specific:

- "Can you check my CV this weekend?"
- "Can you do a mock interview with me on Thursday evening?"
- "Do you know anyone who works in logistics?"
- "Can I call you when I get another rejection?"

If pressure from family is hard, it can help to share your plan with them: "This month I am applying to ten places and learning Excel." Knowing there is a plan often calms people down.

## Get guidance from people who do this work

Career advisers, coaches and mentors have seen many job searches. They know what employers in your field look for, and they can spot problems you cannot see. Your school's career office, your alumni network or a professional association may offer this free of charge.

This programme can also match you with a mentor: someone working in a field that interests you who has offered to guide young job seekers. You can ask for one through the programme.

## Give support too

Support works both ways. Pass on a job opening to a friend, or practise interviews in pairs. Helping someone else through the same search reminds you that you are not the only one, and it builds a network that lasts well beyond this job hunt.`,
      exercise: {
        kind: "list",
        intro:
          "Name up to three people you will talk to in the next two weeks. You can also ask for a mentor through this programme.",
        itemLabel: "Person",
        minItems: 1,
        maxItems: 3,
        fields: [
          {
            key: "name",
            label: "Name",
            hint: "Or how you think of them. For example: my cousin Ada",
          },
          {
            key: "how_they_can_help",
            label: "How they can help",
            hint: "For example: listen when I feel low, check my CV, or introduce me to someone in banking.",
            multiline: true,
          },
        ],
      },
    },
    {
      slug: "send-a-thank-you",
      title: "Keep professional relationships",
      summary:
        "Send a polite thank-you note that keeps the door open for future roles.",
      readingMinutes: 3,
      body: `It may feel strange to thank a company that has just turned you down. But a short thank-you note is one of the simplest ways to stand out, because very few candidates send one.

## Why it matters

Hiring does not end with one role. The person who was chosen may turn the offer down or leave after three months, or a similar role may open in another team. When that happens, recruiters often look first at people they have already met and liked. A polite note after a rejection tells them: this person is professional, handles setbacks well and is still interested.

It also protects your name. Industries are smaller than they look. The HR officer at a bank in Lagos today may be at a fintech in Abuja next year, and people remember how you treated them.

## What to write

Keep it to a few lines:

- Thank them for the chance to interview and for their time.
- Mention one thing you appreciated or learned, so it does not read like a copied template.
- Say you are still interested in the company and would like to be considered for future roles.
- Wish them well.

Do not ask them to reconsider. Do not explain again why you would have been a good fit. Do not attach your CV unless they asked for it. If you sent a feedback request in step 2, you can send this note a few days later, or combine the two in one email.

## How it can help

Emeka applied for a sales role at Crestview Foods, an FMCG company in Ikeja, and was not chosen. He sent a four-line thank-you note, saying he had enjoyed learning about their distribution in the South-East. Two months later, the same HR manager called him about a new sales territory in Enugu. He still had to interview, but they already knew him, and that helped.

Not every note leads to a call like that. Most get a short reply, or none. That is fine: you are building a good name, one polite email at a time.

## Check before you send

Read your draft out loud once. Check the spelling of the interviewer's name and of the company. Send it from a simple, professional email address, ideally one made from your name rather than a nickname.`,
      exercise: {
        kind: "email_draft",
        intro:
          "Fill in the details. Your note is built from your answers, ready to copy or open in your mail app.",
        placeholders: [
          { key: "your_name", label: "Your full name" },
          {
            key: "interviewer",
            label: "Interviewer's name",
            hint: "With their title, for example Mrs Okafor or Mr Bello. If you do not know it, write Hiring Team.",
          },
          { key: "company", label: "Company name" },
          {
            key: "role",
            label: "Role you interviewed for",
            hint: "For example: Sales Representative",
          },
          {
            key: "highlight",
            label: "Something you appreciated",
            hint: 'It completes the sentence "I especially appreciated…". For example: learning about your plans for the new Abuja office',
          },
        ],
        subjectTemplate: "Thank you: {{role}} interview",
        bodyTemplate: `Dear {{interviewer}},

Thank you for the opportunity to interview for the {{role}} role at {{company}}, and for letting me know your decision.

I especially appreciated {{highlight}}. I enjoyed meeting the team and learning more about your work.

I remain very interested in {{company}}, and I would be glad to be considered for future openings that match my skills.

I wish you and the team every success.

Kind regards,
{{your_name}}`,
      },
    },
    {
      slug: "reassess-your-goals",
      title: "Reassess your career goals",
      summary:
        "Check whether the role you applied for fits where you want to go, and set the goal you will pursue now.",
      readingMinutes: 3,
      body: `Before you throw yourself back into applications, pause and ask an honest question: was that job really what you wanted, or just what seemed available, respectable or expected?

## Look at the role again

Think back to the job you applied for. Imagine you got it, and picture an ordinary Tuesday there three years from now.

- Would you be doing work you enjoy, or at least find meaningful?
- Would you be learning skills you want for your future?
- Does it fit the life you want: where you live, the hours, the pay over time?
- Were you excited by the work itself, or mainly by the company's name or the salary?

There are no wrong answers. Many young people apply to banks, oil and gas companies or big multinationals because family and friends see them as safe. Some people thrive there. Others find out later that their real interest was somewhere else.

## If it fits, keep going

If the role matched your goals well, this rejection does not change your direction. Use what you learned in the earlier steps and aim at similar roles with better preparation.

## If it does not fit, consider a pivot

A pivot is not starting from zero. It means moving towards something that suits you better, using what you already have.

Ngozi studied microbiology and applied for laboratory jobs for a year. When she looked honestly at what she enjoyed, it was explaining things and organising people. She moved towards training and customer education roles at health-tech startups, where her science background became an advantage.

Some questions to help you find your direction:

- Which tasks make you lose track of time?
- What do people already come to you for help with?
- Which of your strengths from step 4 do you want to use every day?
- What did you enjoy most in your NYSC year, an internship or a side hustle?

## Choose a goal for now

You do not need a perfect ten-year plan. You need a goal clear enough to guide the next few months of applications. For example: "An entry-level role in digital marketing at a consumer brand or agency in Lagos", or "A graduate trainee role in a bank, then a move into risk management within three years".

Write it down. You can change it later. A clear goal makes it easier to say yes to the right openings and no to the ones that pull you off course.`,
      exercise: {
        kind: "rating_text",
        intro: "Think about the role you were turned down for.",
        ratingLabel: "How well did that role fit your long-term goals?",
        lowLabel: "Not at all",
        highLabel: "Very well",
        textPrompt: {
          key: "goal_now",
          label: "What goal will you pursue now?",
          hint: "Be specific: the kind of role, the industry and a rough time frame.",
          multiline: true,
        },
      },
    },
    {
      slug: "keep-applying",
      title: "Stay persistent and resilient",
      summary:
        "Keep applying steadily, tailor each application, and keep track of where each one stands.",
      readingMinutes: 3,
      body: `Most people hear many "no"s before a "yes". That is how job searching works for almost everyone, especially early in a career. What makes the difference over time is steady, thoughtful effort, week after week.

## Make applying a routine

Treat your search like a part-time job. Set a weekly rhythm you can keep. For example:

- **Monday**: look for new openings and save the good ones.
- **Tuesday and Wednesday**: tailor and send two or three applications.
- **Thursday**: follow up on applications you sent two weeks ago.
- **Friday**: practise interview questions or work on a skill.

A routine protects you from two traps: doing nothing for weeks because you feel low, and sending fifty copies of the same CV in one night.

## Tailor every application

A CV written for every job fits none of them. For each application:

1. Read the job description and mark the skills and duties it lists.
2. Move your most relevant experience to the top of your CV.
3. Use the advert's own words where they honestly describe you.
4. Write a short cover letter or message that names the company and the role, and says why you fit.

This takes longer, so you will send fewer applications. That is fine: a few well-aimed applications usually do better than many rushed ones.

## Keep sharpening your interview skills

Every interview is practice, even the ones that end in a no. After each one, spend ten minutes writing down the questions and your answers, as you did in step 3. Between interviews, keep practising with a friend or a mentor.

## Track what you send

When you apply to many places, it is easy to forget where you applied, when, and what happened. A simple log shows you:

- which companies to follow up with
- how many applications turn into interviews
- whether a change you made, such as a new CV, is working

If twenty applications brought no interviews, your CV may need work. If you get interviews but no offers, focus on interview practice. The numbers tell you where to put your effort.

## Look after your energy

Being persistent does not mean never resting. Take a day off when you need one. Keep a routine you can sustain for months, not one that burns you out in a week.

Your tracker below stays with you after the programme ends, so you can keep using it.`,
      exercise: {
        kind: "application_tracker",
        intro:
          "Add each application you send: the company, the role, the date and where it stands. Start with at least one. Your tracker stays yours after the programme ends.",
        minEntries: 1,
      },
    },
    {
      slug: "celebrate-small-wins",
      title: "Celebrate small wins",
      summary:
        "Notice and record the progress you make, so you keep going while you wait for the big result.",
      readingMinutes: 3,
      body: `When your only goal is "get a job", every day without an offer can feel like failure. But a job search is made of many smaller steps, and each one you take is real progress. If you only celebrate the final offer, you may run out of energy before you get there.

## What counts as a win

More than you might think:

- You were shortlisted or invited to an aptitude test, even if you went no further.
- You got through an interview without freezing on the first question.
- Someone replied to your feedback request.
- You finished a module of a course, or built your first spreadsheet dashboard.
- A mentor or lecturer agreed to introduce you to someone.
- You sent five tailored applications this week, even though you did not feel like it.
- You rewrote your CV, and a friend said it was much clearer.

Each of these moves you forward. Being shortlisted, for example, tells you that your CV is working. That is worth knowing.

## Why writing them down helps

On hard days, your memory shows you mostly what went wrong. A written list of wins is proof you can look at. It reminds you that you are moving, even when it does not feel like it.

It helps later too. When an interviewer asks "What have you been doing since you graduated?", your wins journal gives you real answers: the course you finished, the project you built, the volunteering you did.

## Mark it in a way that suits you

Celebrating does not have to cost money. Tell a friend. Buy yourself a small treat: suya, a cold drink, your favourite meal. Take an evening off. Share it with the people you chose in step 7. What matters is that you stop for a moment and say: that was progress.

## Make it a habit

Try to add at least one win every week. Some weeks it will be big, like an invitation to interview. Other weeks it will be small, like finally updating your LinkedIn photo. Both count.

After a few weeks you will have a record of everything you did to move forward. On the days you doubt yourself, read it.`,
      exercise: {
        kind: "journal",
        intro:
          "Add a win now, then come back whenever something goes well. Small wins count.",
        entryLabel: "Win",
        fields: [
          {
            key: "win",
            label: "What happened?",
            hint: "For example: I was shortlisted for an aptitude test at a fintech.",
            multiline: true,
          },
          {
            key: "what_it_shows",
            label: "What does it show about you?",
            hint: "For example: my new CV is working.",
          },
        ],
      },
    },
    {
      slug: "look-after-yourself",
      title: "Look after your mental health",
      summary:
        "Protect your mind and body while you search, and know where to turn when things feel heavy.",
      readingMinutes: 3,
      body: `Rejection hurts, and a long job search can wear you down in ways you do not notice at first. You may sleep badly, eat more or less than usual, avoid friends, or feel that nothing you do matters. These are common reactions to stress. They are not a sign of weakness, and you do not have to push through them alone.

## Small things that help

There is no single fix, but small, regular habits make a real difference:

- **Move your body.** An evening walk, a football match with friends, skipping, dancing in your room. Even twenty minutes helps your mood and your sleep.
- **Protect your sleep.** Try to sleep and wake at similar times. Put your phone down a while before bed: job posts and other people's good news at midnight rarely help.
- **Be still for a few minutes.** Slow breathing, prayer or meditation can calm a racing mind before an interview or on a bad day.
- **Keep a hobby.** Music, drawing, cooking, reading, a game. Do something that has nothing to do with jobs, just because you enjoy it.
- **Eat and drink water.** Skipping meals to save time or money makes everything feel harder.
- **Take breaks from comparison.** If social media leaves you feeling worse, step away from it for a few days.

## Do not let the rejection take over

You are more than your job search. Keep some time every week for the rest of your life: family, faith, friends, rest. If job hunting starts to fill every waking hour, take a day off from it.

## Check in with yourself

Once a week, take two minutes to ask: How is my mood? How am I sleeping? What helped? Writing it down shows you patterns, such as feeling low whenever you skip exercise or spend the whole evening online. It also helps you notice if things are getting worse.

## When it is more than a bad week

Please do not keep it to yourself if:

- you have felt low, hopeless or numb for two weeks or more
- you are finding it hard to get through an ordinary day
- you have thoughts of harming yourself

Talk to someone you trust today: a friend, a family member, your mentor, a faith leader or your programme facilitator. You can also contact the help lines your programme lists:

{{help_lines}}

Reaching out is a sensible, brave thing to do, and you deserve support.

If you are in danger right now, contact emergency services or go to the nearest hospital.`,
      exercise: {
        kind: "journal",
        intro:
          "Check in once a week. If you are struggling, talk to someone you trust and use the help lines your programme lists.",
        entryLabel: "Weekly check-in",
        fields: [
          {
            key: "mood",
            label: "How has your mood been this week?",
            hint: "A word or a sentence. For example: tired but hopeful.",
          },
          {
            key: "sleep",
            label: "How have you been sleeping?",
            hint: "For example: about 6 hours a night, waking up often.",
          },
          {
            key: "what_helped",
            label: "One thing that helped",
            hint: "For example: a walk with my brother on Sunday evening.",
            multiline: true,
          },
        ],
      },
    },
    {
      slug: "learn-from-others",
      title: "Learn from others' stories",
      summary:
        "See how other people kept going after rejection, and take one lesson for your own search.",
      readingMinutes: 3,
      body: `When you are in the middle of rejections, it can feel as if everyone else got their break easily. They did not. Many people you admire were turned down again and again before things worked out. Their stories will not solve your problem, but they can change how you see it.

## A few well-known stories

**J.K. Rowling.** Before Harry Potter became one of the best-selling book series in the world, publisher after publisher turned down the first book. She was a single mother with very little money at the time. A small publisher finally said yes.

**Jack Ma.** The founder of Alibaba has often told how he was rejected for job after job as a young man, including by a fast-food restaurant that took almost everyone else who applied. He also failed his university entrance exam more than once before he passed.

**Michael Jordan.** One of the best-known basketball players ever was left out of his high school's top team as a teenager. He used the disappointment as a reason to train harder.

## What these stories have in common

- They were rejected many times, not once.
- They kept working on their craft between rejections.
- The rejection did not decide who they became. What they did next did.

None of them knew at the time that it would work out. Neither do you, and that is normal.

## Stories closer to home

Famous stories can feel far away. Often the most useful ones are near you. Ask an older cousin, a lecturer, your mentor or someone at a company you admire: "How many times were you turned down before your first job?"

Many will tell you about applications that got no reply, aptitude tests they failed, or an interview that went badly. You may find that most of them did not get their first choice, and that many are glad now.

## Read, then reflect

Your programme may share a story with this step, from a past participant or someone in its network. Read it, or pick any story of rejection you know well: from a book, a film, your family or your own life.

Then ask yourself what it means for you. What did that person do after the "no"? What would doing the same look like for you this month?`,
      exercise: {
        kind: "reflection",
        intro:
          "Read the story your programme shared, or pick any story of rejection you know well. Then write what you take from it.",
        prompts: [
          {
            key: "story",
            label: "Whose story did you choose?",
            hint: "A name and one line. For example: J.K. Rowling, turned down by many publishers.",
          },
          {
            key: "takeaway",
            label: "What do you take from it?",
            hint: "What did they do after the rejection?",
            multiline: true,
          },
          {
            key: "apply_it",
            label: "How will you use it in your own search?",
            hint: "One thing you will do this month.",
            multiline: true,
          },
        ],
      },
    },
    {
      slug: "focus-on-what-you-control",
      title: "Focus on what you can control",
      summary:
        "Separate the worries you can act on from the ones you cannot, and put your energy into the first.",
      readingMinutes: 3,
      body: `A job search comes with a long list of worries. Will anyone reply? Are there enough jobs? What if prices keep rising? What if all my classmates find jobs before me? Worrying about everything at once drains your energy and leaves little for action.

## Two kinds of worry

Some things are outside your control:

- the recruiter's decision
- how many other people applied, and how strong they are
- whether a company freezes hiring or moves the role to another city
- the exchange rate, fuel prices and the state of the economy
- how quickly other people reply to you

Other things are yours to shape:

- the quality of your CV and each application
- how well you prepare for interviews
- the skills you are learning
- the people you reach out to, and how you follow up
- your routine, your rest and how you treat yourself

## Put your energy where it counts

Worrying about the first list changes nothing. Working on the second list changes a lot over time. This is not about pretending the hard things are not there. High fuel prices are real, and so are hiring freezes. But once you have named them, you can choose to spend your energy on what you can move.

Bola was worried that banks were hiring fewer graduates this year. She could not change that. She could apply to two microfinance banks in Ibadan, adapt her CV for credit officer roles, and ask her mentor for a mock interview. That week, those three actions replaced hours of worrying.

## How to sort your worries

1. Write down everything on your mind about your job search, without filtering.
2. For each worry, ask: can I do anything about this?
3. Put it in one of two lists: "I control" or "I don't control".
4. Some worries have a part in each. "Will they call me back?" is not in your control, but sending a polite follow-up email is. Split those.

## Pick one action

From the "I control" list, choose one thing you can do in the next two or three days. Make it small and clear. "Send my CV to Mr Adebayo on Wednesday" is better than "network more".

When a worry from the other list comes back, notice it, name it, and turn back to your action. Doing something, even something small, usually quiets worry better than more thinking does.`,
      exercise: {
        kind: "reflection",
        intro:
          "Write each worry on its own line, in the list where it belongs. Then choose one thing you will do.",
        prompts: [
          {
            key: "i_control",
            label: "I control",
            hint: "Worries you can act on. One per line.",
            multiline: true,
          },
          {
            key: "i_dont_control",
            label: "I don't control",
            hint: "Worries you cannot change. One per line.",
            multiline: true,
          },
          {
            key: "one_action",
            label: "One action you will take this week",
            hint: 'Choose it from your "I control" list. For example: ask my cousin for a mock interview on Thursday.',
          },
        ],
      },
    },
    {
      slug: "look-ahead",
      title: "Look ahead with optimism",
      summary:
        "See this rejection as one part of a longer journey, and write a note to the person you are becoming.",
      readingMinutes: 3,
      body: `You have come a long way since step 1. You named how you felt, asked for feedback, looked honestly at your interview, wrote down your strengths, made a skills plan, widened your search, gathered your people and kept applying. That is a lot of work, and it counts whether or not you have an offer yet.

## A rejection can be a redirection

Sometimes a "no" keeps you out of a job that was not right for you: a role where you would not have grown, a team you would not have fitted, or a path you would later have wanted to leave. You may never know exactly why this one did not work out. But many people look back years later and are glad a particular door closed, because of where they went instead.

This is not a promise that every disappointment hides a blessing. It is a reason to keep an open mind. The right role for you may be in an industry, a city or a company you have not thought about yet.

## What keeps you moving

Looking back over the steps, a few habits matter most:

- **Persistence.** Keep applying, steadily, even when progress is slow.
- **Learning.** Use every interview and every piece of feedback to get a little better.
- **People.** Stay close to those who support you, and keep your professional relationships warm.
- **Care.** Look after your mind and body. They carry you through all of this.

None of these can guarantee a job by a certain date, and nobody can honestly promise you that. But they make each application stronger, and they make you readier when the right opening appears. Every rejection you learn from brings you a step closer to a role that fits.

## A note to your future self

Picture yourself at the end of this programme, a few weeks or months from now. Maybe you have a job. Maybe you are still searching, with more skills and a bigger network. Either way, what would you want that person to remember?

Write them a short note. You might remind them how you felt today, what you promised yourself, what you are proud of, or what you hope they have done. Be kind and be honest. The app will show you this note again when your cohort ends.

Thank you for working through these steps. Whatever comes next, you have shown that you can take a hard moment and turn it into a plan.`,
      exercise: {
        kind: "future_note",
        intro:
          "Write a short note to yourself. You will see it again when your cohort ends.",
        prompt: {
          key: "note",
          label: "Your note to your future self",
          hint: "A few lines. What do you want to remember? What do you hope you will have done?",
          multiline: true,
        },
      },
    },
  ],
};
