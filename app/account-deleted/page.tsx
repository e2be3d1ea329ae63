import type { Metadata } from "next";
import Link from "next/link";
import { ForgetOfflineUser } from "../_components/forget-offline-user";

export const metadata: Metadata = { title: "Account deleted" };

// Where deleting an account lands, after its session has ended.
export default function AccountDeletedPage() {
  return (
    <>
      <h1>Your account was deleted</h1>
      <p role="status">Your account and all its data (cards, reviews, quiz results and settings) were deleted, and you are signed out.</p>
      <ForgetOfflineUser wipe />
      <div className="btn-row">
        <Link className="btn primary" href="/learn">
          Read the lessons
        </Link>
        <Link className="btn" href="/sign-up">
          Create a new account
        </Link>
      </div>
    </>
  );
}
