// "Delete my account": what goes, and what stays without a name and why (ADR 0024).

export function WhatErasureRemoves({ coolingOffDays, financialRecordYears }: { coolingOffDays: number; financialRecordYears: number }) {
  return (
    <>
      <section aria-labelledby="erased-title">
        <h2 id="erased-title">What we delete</h2>
        <ul className="measure">
          <li>Your name, email address, date of birth and password, and what you agreed to</li>
          <li>Your answers when booking events, and your feedback comments</li>
          <li>Your answers to the programme&apos;s exercises, your job applications and your certificates&apos; name</li>
          <li>Your mentoring profile and the notes you wrote; your name in your mentor&apos;s or mentee&apos;s notes</li>
          <li>Your name, address and message on gifts</li>
          <li>The emails we sent you, your email choices, and your data downloads</li>
        </ul>
      </section>
      <section aria-labelledby="kept-title">
        <h2 id="kept-title">What we keep, without your name</h2>
        <ul className="measure">
          <li>That a seat was taken and someone attended, so events&apos; totals still add up</li>
          <li>That steps were completed in a cohort, so the programme can report how it is doing</li>
          <li>
            Gift amounts and receipt numbers, because the organisation&apos;s accounts must keep them for{" "}
            {financialRecordYears} years
          </li>
          <li>Your mentor&apos;s or mentee&apos;s own notes, with your name taken out: they are theirs</li>
          <li>A record that an account was erased, and when</li>
        </ul>
        <p className="measure">
          None of this can be traced back to you. We wait {coolingOffDays} days before deleting, in case you change your
          mind: logging in during that time keeps your account.
        </p>
      </section>
    </>
  );
}
