"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { applyAuthState } from "@/lib/auth/display-cookie";
import "./nav-links.css";

const LINKS = [
  { href: "/", label: "Home", icon: "M4 11l8-7 8 7v9h-5v-6H9v6H4z" },
  { href: "/learn", label: "Learn", icon: "M4 5h6a2 2 0 012 2v13a2 2 0 00-2-2H4zM20 5h-6a2 2 0 00-2 2v13a2 2 0 012-2h6z" },
  { href: "/review", label: "Review", icon: "M5 4h11l3 3v13H5zM9 12l2 2 4-4" },
  { href: "/cards", label: "Cards", icon: "M7 4h12v13H7zM4 7v13h12" },
  { href: "/progress", label: "Progress", icon: "M5 20V10M10 20V4M15 20v-7M20 20v-4" },
  // The flare plan, one tap from every page (a tab of its own on phones).
  { href: "/now", label: "In pain?", icon: "M3 12h4l2-5 4 10 2-5h6" },
] as const;

const itemClass = (href: string) => (href === "/" ? "nav-home" : href === "/now" ? "nav-now" : undefined);

const isCurrent = (path: string, href: string) => (href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`));

// The main links: a row in the header on wide screens, a bottom tab bar on phones (CSS only,
// so both render identically on the server and nothing moves after load). Not prefetched:
// they are on every page, and prefetching six routes (two requests each, and their parsing)
// on every first load competed with the page itself on a slow phone (`npm run bench`).
export function NavLinks() {
  const path = usePathname() ?? "";
  // Signing in or out navigates on the client, and the proxy's answer updated the display
  // cookie: show the matching account links.
  useEffect(applyAuthState, [path]);
  return (
    <ul className="nav-links">
      {LINKS.map((l) => (
        <li key={l.href} className={itemClass(l.href)}>
          <Link href={l.href} prefetch={false} aria-current={isCurrent(path, l.href) ? "page" : undefined}>
            <svg className="nav-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <path d={l.icon} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span>{l.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
