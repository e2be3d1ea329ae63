import Link from "next/link";
import { AuthLinks } from "./auth-links";
import { LogoMark } from "./logo";
import { NavLinks } from "./nav-links";

// Static, so that lesson pages can be prerendered and cached for everyone alike. The account
// slot carries both link sets and CSS shows the visitor's before the first paint (see
// lib/auth/display-cookie.ts): no fetch, nothing moves. On phones the main links become a
// bottom tab bar.
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="wrap header-row">
        <Link href="/" className="brand" prefetch={false}>
          <LogoMark />
          <span>Unknot</span>
        </Link>
        <nav aria-label="Main" className="main-nav">
          <NavLinks />
        </nav>
        <div className="auth-slot">
          <AuthLinks />
        </div>
      </div>
    </header>
  );
}
