import { z } from "zod";

// For actions and POST routes that take no input: only an empty object is accepted.
export const noInput = z.strictObject({}, { error: "This request takes no input." });
