import type { ReviewState } from "@/lib/srs/review/queue";

// The review API as the page calls it: every failure becomes a reply with a message to show.
export type ApiReply = { ok: true; state: ReviewState; result?: { logId?: string } } | { ok: false; error: string; status?: number; network?: true };

export async function post(url: string, body: unknown): Promise<ApiReply> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const reply = (await res.json()) as ApiReply;
    return reply.ok ? reply : { ...reply, status: res.status };
  } catch {
    return { ok: false, network: true, error: "Could not reach the server. Check your connection and press the grade again; it will not be counted twice." };
  }
}

export async function currentState(): Promise<ApiReply> {
  try {
    const res = await fetch("/api/review", { cache: "no-store" });
    return (await res.json()) as ApiReply;
  } catch {
    return { ok: false, network: true, error: "Could not reach the server. Check your connection and try again." };
  }
}
