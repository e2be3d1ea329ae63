"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

// While the simulation runs (off the request path), look again every second.
export function RefreshWhileRunning() {
  const router = useRouter();
  useEffect(() => {
    const t = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(t);
  }, [router]);
  return null;
}
