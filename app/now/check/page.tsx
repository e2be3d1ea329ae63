import type { Metadata } from "next";
import { CheckStep } from "./check-step";

export const metadata: Metadata = { title: "Check the warning signs", description: "A few yes/no questions about back pain warning signs, most urgent first." };
export const dynamic = "force-static";

export default function CheckStart() {
  return <CheckStep step={1} />;
}
