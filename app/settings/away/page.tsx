import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listAwayPeriods } from "@/lib/srs/away";
import { settingsOf } from "@/lib/settings";
import { dayNumberToIsoDate, studyDayNumber } from "@/lib/srs/day";
import { dayContextOf } from "@/lib/srs/settings";
import { AwayForm } from "./away-form";

export const metadata: Metadata = { title: "I'm away" };
export const dynamic = "force-dynamic";

export default async function AwayPage() {
  const user = await requireUser("/settings/away");
  const [u, periods] = await Promise.all([settingsOf(user), listAwayPeriods(user)]);
  const today = dayNumberToIsoDate(studyDayNumber(new Date(), dayContextOf(u)));
  return (
    <>
      <h1>I&apos;m away</h1>
      <p>
        Going somewhere without your phone, or need a rest from reviews? Name the days. The reviews due then move to the days after, a few each day: the ones
        waiting would hurt most come first. Warning-sign cards never wait longer than their limit. You see what changes before anything moves, and one tap
        undoes it.
      </p>
      <AwayForm today={today} periods={periods} />
      <p>
        <Link href="/settings">Back to settings</Link> · <Link href="/progress">See the week ahead</Link>
      </p>
    </>
  );
}
