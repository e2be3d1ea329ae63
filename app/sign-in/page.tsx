import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "./sign-in-form";
import { signInReason } from "./reason";

// Rendered per request so that its scripts carry the CSP nonce (see lib/security-headers.ts).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callback = (await searchParams).callbackUrl;
  const reason = signInReason(typeof callback === "string" ? callback : null);
  return (
    <>
      <h1>Sign in</h1>
      {reason && typeof callback === "string" && (
        <p className="notice" data-testid="sign-in-reason">
          {reason} New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callback)}`}>Create a free account</Link>: it takes a minute, and the
          lessons stay free to read without one.
        </p>
      )}
      <SignInForm callback={typeof callback === "string" ? callback : null} />
    </>
  );
}
