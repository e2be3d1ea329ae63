// Why a page sent a visitor here: the pages that hold a learner's own data say so, in plain
// words, above the sign-in form (requireUser redirects with ?callbackUrl=<the page>).
const REASONS: [prefix: string, what: string][] = [
  ["/review", "Your reviews"],
  ["/cards", "Your cards"],
  ["/progress", "Your progress"],
  ["/settings", "Your settings"],
  ["/account", "Your data"],
];

export function signInReason(callbackUrl: string | null | undefined): string | null {
  if (!callbackUrl) return null;
  const path = callbackUrl.split(/[?#]/)[0]!;
  const hit = REASONS.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  return hit
    ? `${hit[1]} ${hit[1].endsWith("s") && !hit[1].endsWith("progress") ? "are" : "is"} kept in your account, so this page needs you signed in.`
    : null;
}
