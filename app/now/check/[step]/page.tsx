import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckStep } from "../check-step";
import { checkQuestions } from "../questions";

type Props = { params: Promise<{ step: string }> };

export const metadata: Metadata = { title: "Check the warning signs" };
export const dynamicParams = false;

// Question 1 is /now/check itself; 2..N each have a prerendered page.
export function generateStaticParams() {
  return checkQuestions()
    .slice(1)
    .map((_, i) => ({ step: String(i + 2) }));
}

export default async function CheckQuestion({ params }: Props) {
  const { step } = await params;
  if (!/^[1-9]\d*$/.test(step)) notFound();
  return <CheckStep step={Number(step)} />;
}
