import { Link } from "react-router";

export type LinkCard = { to: string; label: string; text: string };

/** A grid of cards, each a page to go to and a line on what it is for. */
export function LinkCards({ links }: { links: readonly LinkCard[] }) {
  return (
    <ul className="card-grid">
      {links.map((link) => (
        <li key={link.to} className="card">
          <h3>
            <Link to={link.to}>{link.label}</Link>
          </h3>
          <p>{link.text}</p>
        </li>
      ))}
    </ul>
  );
}
