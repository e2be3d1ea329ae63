import "server-only";
import { apiRoute, errorResponse } from "./api";
import { requireApiUser } from "./auth/session";

// A signed-in, streamed file download: the body is built for the session's user only.
export function downloadRoute(stream: (userId: string) => Promise<ReadableStream<Uint8Array>>, contentType: string, fileName: () => string) {
  return apiRoute(async (): Promise<Response> => {
    try {
      const user = await requireApiUser();
      return new Response(await stream(user.id), {
        headers: {
          "Content-Type": contentType,
          "Content-Disposition": `attachment; filename="${fileName()}"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (e) {
      return errorResponse(e);
    }
  });
}
