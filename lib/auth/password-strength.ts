import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as common } from "@zxcvbn-ts/language-common";
import { dictionary as english, translations } from "@zxcvbn-ts/language-en";

// zxcvbn's score runs 0-4; 3 means "safely unguessable" against online and throttled attacks,
// the bar that OWASP's guidance and most password managers use for a new password.
export const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
// Built on first use: the dictionaries take tens of milliseconds to index.
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary: { ...common, ...english }, graphs: adjacencyGraphs, translations }));

const HINT = "Try a longer phrase of three or four unrelated words, or let a password manager make one.";

// null when the password is strong enough, otherwise the message to show beside the field.
// `related` holds what an attacker would try first: the email, the name, the site's name.
export function passwordProblem(password: string, related: string[] = []): string | null {
  if (password.trim() === "") return `A password of only spaces is easy to guess. ${HINT}`;
  if (new Set(password).size === 1) return `A password of one repeated character is easy to guess. ${HINT}`;
  const userInputs = ["unknot", "back", "spasm", ...related.flatMap((r) => r.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 3)];
  const result = zxcvbn().check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ? `${result.feedback.warning.replace(/\.?$/, ".")} ` : "";
  return `This password is too easy to guess. ${warning}${HINT}`;
}
