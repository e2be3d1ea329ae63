import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "./sign-in-form";
import { signInReason } from "./reason";
import { safeCallback } from "../_components/safe-callback";

// Rendered per request so that its scripts carry the CSP nonce (see lib/security-headers.ts).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Where to go once signed in: the page that sent the visitor here, if it said (and is ours).
  const asked = safeCallback((await searchParams).callbackUrl, null);
  const reason = signInReason(asked);
  return (
    <>
      <h1>Sign in</h1>
      {asked && reason && (
        <p className="notice" data-testid="sign-in-reason">
          {reason} New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(asked)}`}>Create a free account</Link>: it takes a minute, and the lessons
          stay free to read without one.
        </p>
      )}
      <SignInForm callbackUrl={asked ?? "/review"} />
    </>
  );
}
