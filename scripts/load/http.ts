import { randomUUID } from "node:crypto";

// A signed-in HTTP client for load tests: next-auth's credentials flow without a browser.
export async function signInHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair!.split("=");
      cookies.set(k!, v!);
    }
  };
  keep(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  const session = [...cookies.keys()].find((k) => k.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

type NextCard = { cardId: string; version: number } | null;

export async function nextCard(baseUrl: string, cookie: string): Promise<NextCard> {
  const res = await fetch(`${baseUrl}/api/review`, { headers: { cookie } });
  const body = (await res.json()) as { state: { card: NextCard } };
  return body.state.card && { cardId: body.state.card.cardId, version: body.state.card.version };
}

export type GradeReply = { status: number; clientId: string; next: NextCard; latencyMs: number };

export async function gradeHttp(
  baseUrl: string,
  cookie: string,
  card: { cardId: string; version: number },
  rating = 3,
  clientId: string = randomUUID(),
): Promise<GradeReply> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/review/grade`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ cardId: card.cardId, version: card.version, rating, clientId, durationMs: 1500 }),
  });
  const body = (await res.json()) as { state?: { card: NextCard } };
  const c = body.state?.card;
  return { status: res.status, clientId, next: c ? { cardId: c.cardId, version: c.version } : null, latencyMs: performance.now() - t0 };
}
