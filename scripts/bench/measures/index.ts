import type { EngineMeasure } from "../context";
import { grading } from "./grading";
import { steady } from "./steady";
import { twoProcess } from "./two-process";
import { pages } from "./pages";

// The measures run against each database, in this order. A new measure is a module here and
// one entry in this list; `npm run bench -- --only <name>,<name>` picks some.
export const ENGINE_MEASURES: EngineMeasure[] = [grading, steady, twoProcess, pages];

// Measures that need no database: the scheduler alone, first-load JavaScript (which does
// need a server: it runs on the SQLite one) and Lighthouse's mobile run (on a server and SQLite
// database of its own, scripts/bench/lighthouse.ts).
export const GENERAL_MEASURES = ["scheduler", "js", "lighthouse"] as const;
