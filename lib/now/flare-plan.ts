import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { sourceSchema } from "@/lib/content/schema";
import { ILLUSTRATION_IDS, type IllustrationId } from "./illustrations";
import type { TimerRules } from "./timer";

// content/flare-plan.yaml: the steps of /now and the heat-or-cold timer's rules.

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const minutes = z.array(z.number().int().min(1).max(20)).min(1);

export const flarePlanSchema = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        id: slug,
        heading: z.string().min(3).max(80),
        body: z.string().min(20).max(600),
        illustrations: z.array(z.enum(ILLUSTRATION_IDS as [IllustrationId, ...IllustrationId[]])),
        more: z.array(z.strictObject({ lesson: slug, section: slug })).min(1),
        sources: z.array(sourceSchema).min(1),
      }),
    )
    .min(1),
  timer: z.strictObject({
    choices: z.strictObject({ cold: minutes, heat: minutes }),
    gapMinutes: z
      .number()
      .int()
      .min(20)
      .max(24 * 60),
    gapSources: z.array(sourceSchema).min(1),
  }),
});

export type FlarePlan = z.infer<typeof flarePlanSchema>;
export type FlareStep = FlarePlan["steps"][number];

export const FLARE_PLAN_FILE = join(/*turbopackIgnore: true*/ process.cwd(), "content", "flare-plan.yaml");

export function parseFlarePlan(path: string, text: string): FlarePlan {
  const result = flarePlanSchema.safeParse(parseYaml(text));
  if (!result.success) throw new Error(`${path}: ${z.prettifyError(result.error)}`);
  return result.data;
}

let cached: FlarePlan | undefined;
export function getFlarePlan(): FlarePlan {
  cached ??= parseFlarePlan(FLARE_PLAN_FILE, readFileSync(/*turbopackIgnore: true*/ FLARE_PLAN_FILE, "utf8"));
  return cached;
}

export function timerRules(plan: FlarePlan): TimerRules {
  return { choices: plan.timer.choices, gapMinutes: plan.timer.gapMinutes };
}
