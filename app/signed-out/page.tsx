import type { Metadata } from "next";
import Link from "next/link";
import { ForgetOfflineUser } from "../_components/forget-offline-user";

export const metadata: Metadata = { title: "Signed out" };

// Where "Sign out" lands, on the host the learner was using.
export default function SignedOutPage() {
  return (
    <>
      <h1>You are signed out</h1>
      <p role="status">You are signed out on this device. Your cards and progress are kept for when you come back.</p>
      <ForgetOfflineUser />
      <div className="btn-row">
        <Link className="btn primary" href="/sign-in">
          Sign in again
        </Link>
        <Link className="btn" href="/learn">
          Read the lessons
        </Link>
      </div>
    </>
  );
}
