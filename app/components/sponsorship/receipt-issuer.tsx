/** The organisation as receipts name it for a finance team: registered name, number, address, contact. */
export type IssuerView = { name: string; legalName: string; registrationNumber: string; postalAddress: string; contactEmail: string };

export function IssuerDetails({ issuer }: { issuer: IssuerView }) {
  return (
    <>
      {issuer.legalName}
      {issuer.legalName !== issuer.name ? <span className="muted"> (known as {issuer.name})</span> : null}
      {issuer.registrationNumber ? (
        <>
          <br />
          Registration number: {issuer.registrationNumber}
        </>
      ) : null}
      {issuer.postalAddress
        .split("\n")
        .filter(Boolean)
        .map((line, index) => (
          <span key={index}>
            <br />
            {line}
          </span>
        ))}
      {issuer.contactEmail ? (
        <>
          <br />
          <a href={`mailto:${issuer.contactEmail}`}>{issuer.contactEmail}</a>
        </>
      ) : null}
    </>
  );
}
