import Link from "next/link";
import { AuthLinks } from "./auth-links";
import { LogoMark } from "./logo";
import { NavLinks } from "./nav-links";

// Static, so that lesson pages can be prerendered. Every part has a fixed size whatever the
// session turns out to be (the account slot is reserved before the session is known), so
// filling it in after load moves nothing. On phones the main links become a bottom tab bar.
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="wrap header-row">
        <Link href="/" className="brand">
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
