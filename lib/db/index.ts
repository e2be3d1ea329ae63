import "server-only";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "./client";

const globalForPrisma = globalThis as unknown as { unknotPrisma?: PrismaClient };

// One client per process; the global survives hot reloads in development.
export const db: PrismaClient = globalForPrisma.unknotPrisma ?? createPrismaClient();
globalForPrisma.unknotPrisma = db;
