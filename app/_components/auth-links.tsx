"use client";
import Link from "next/link";
import { signOut, useSession } from "next-auth/react";

export function AuthLinks() {
  const { status } = useSession();
  if (status === "loading") return <span aria-hidden="true" style={{ minWidth: "8rem" }} />;
  if (status === "authenticated") {
    return (
      <>
        <Link href="/settings">Settings</Link>
        <button type="button" className="btn" onClick={() => signOut({ callbackUrl: "/signed-out" })}>
          Sign out
        </button>
      </>
    );
  }
  return (
    <>
      <Link href="/sign-in">Sign in</Link>
      <Link href="/sign-up">Sign up</Link>
    </>
  );
}
