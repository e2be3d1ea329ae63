// Names the user whose grades wait on this device to be sent, so that the server renders
// /review for that user without the card those grades already answered: the page shows
// "Sending…" until they are sent. Set and cleared by the page as its waiting count changes.
export const WAITING_COOKIE = "unknot-waiting";

export function markWaiting(userId: string, waiting: number): void {
  const held = document.cookie.split("; ").find((c) => c.startsWith(`${WAITING_COOKIE}=`));
  if (waiting > 0) document.cookie = `${WAITING_COOKIE}=${encodeURIComponent(userId)}; path=/; max-age=31536000; samesite=lax`;
  else if (held === `${WAITING_COOKIE}=${encodeURIComponent(userId)}`) document.cookie = `${WAITING_COOKIE}=; path=/; max-age=0; samesite=lax`;
}
