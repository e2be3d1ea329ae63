import { benchEnv } from "../../lib/env";
import type { PrismaClient } from "@prisma/client";
import type { Server } from "../shared/server";
import { refreshVersions, runLoad, runPacedLoad, type Binding } from "./cannon";
import type { LoadResult } from "./load-result";

// What every measure against one database gets: the engine's name and URL, a Prisma client on
// the database (for setup, never for the figures), the running production server, the load
// users (one per connection) and, when a measure asked for it, the large account's cookie.
export type EngineContext = {
  engine: string;
  url: string;
  db: PrismaClient;
  server: Server;
  serverEnv: Record<string, string>;
  port: number;
  bindings: Binding[];
  heavyCookie?: string;
  seedMs?: number;
  load(route: "grade" | "ping", duration: number, overallRate?: number): Promise<LoadResult>;
  // Lets grades cut off at the end of a run land, then re-reads the cards' versions.
  settle(): Promise<void>;
};

export const USERS = 32;
// UNKNOT_BENCH_SECONDS shortens the runs for quick comparisons; the published figures use 20 s.
export const DURATION_S = benchEnv().UNKNOT_BENCH_SECONDS;

export function loadOf(base: string, bindings: Binding[]): EngineContext["load"] {
  // A rate is paced evenly over each second (runPacedLoad); without one, as fast as possible.
  return (route, duration, rate) => (rate ? runPacedLoad({ url: base, route, bindings, duration, rate }) : runLoad({ url: base, route, bindings, duration }));
}

export function settleOf(db: PrismaClient, bindings: Binding[]): () => Promise<void> {
  return async () => {
    await new Promise((r) => setTimeout(r, 1000));
    await refreshVersions(db, bindings);
  };
}

// A measure against one database. `heavy`: needs the large account seeded (slow: a million
// logs). `postgresOnly`: runs only on PostgreSQL.
export type EngineMeasure = {
  name: string;
  heavy?: boolean;
  postgresOnly?: boolean;
  run(ctx: EngineContext): Promise<import("./report").Report>;
};
