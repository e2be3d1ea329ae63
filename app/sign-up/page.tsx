import type { Metadata } from "next";
import { SignUpForm } from "./sign-up-form";
import { safeCallback } from "../_components/safe-callback";

// Rendered per request so that its scripts carry the CSP nonce (see lib/security-headers.ts).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl, "/welcome");
  return (
    <>
      <h1>Create your account</h1>
      <p className="muted">
        Your account keeps your flashcard schedule, quiz scores and progress. Your time zone is taken from this browser; you can change it in settings.
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
    </>
  );
}
