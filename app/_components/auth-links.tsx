"use client";
import Link from "next/link";
import { setSignedInHint } from "@/lib/auth/display-cookie";

// Both link sets are in every page's HTML; CSS shows one by <html data-auth>, which the
// head script sets from the display cookie before the first paint (lib/auth/display-cookie.ts).
// So the header needs no session fetch, and a cached lesson holds nothing about its visitor.
// next-auth's client is loaded only when "Sign out" is pressed, keeping it out of every
// page's first load. Like the main links, these are on every page and not prefetched.
export function AuthLinks() {
  const signOut = async () => {
    const { signOut } = await import("next-auth/react");
    setSignedInHint(false);
    await signOut({ callbackUrl: "/signed-out" });
  };
  return (
    <>
      <span className="only-in">
        <Link href="/settings" prefetch={false}>
          Settings
        </Link>
        <button type="button" className="btn" onClick={() => void signOut()}>
          Sign out
        </button>
      </span>
      <span className="only-out">
        <Link href="/sign-in" prefetch={false}>
          Sign in
        </Link>
        <Link href="/sign-up" prefetch={false}>
          Sign up
        </Link>
      </span>
    </>
  );
}
