import { getWarningSigns } from "@/lib/content/warning-signs";
import { askingOrder } from "@/lib/now/check";

// The questions the check asks, in order, from content/warning-signs.yaml.
export function checkQuestions() {
  return askingOrder(getWarningSigns());
}
