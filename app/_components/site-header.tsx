import Link from "next/link";
import { AuthLinks } from "./auth-links";

// Static, so that lesson pages can be prerendered; the signed-in part is filled in on the client.
export function SiteHeader() {
  return (
    <header className="site-header">
      <nav className="wrap" aria-label="Main">
        <Link href="/" className="brand">Unknot</Link>
        <Link href="/learn">Learn</Link>
        <Link href="/review">Review</Link>
        <Link href="/progress">Progress</Link>
        <AuthLinks />
      </nav>
    </header>
  );
}
