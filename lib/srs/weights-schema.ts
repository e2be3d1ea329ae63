import { z } from "zod";
import { FSRS6_WEIGHT_COUNT, WEIGHTS_NOT_FINITE, WEIGHTS_WRONG_COUNT } from "./weights";

// The weights of an import document (lib/portability/import-schema.ts): the rule of checkWeights
// (lib/srs/weights.ts) as a schema.
export const weightsSchema = z.array(z.number().refine(Number.isFinite, WEIGHTS_NOT_FINITE)).length(FSRS6_WEIGHT_COUNT, WEIGHTS_WRONG_COUNT);
