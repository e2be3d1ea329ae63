import { z } from "zod";

// For actions and POST routes that take no input: only an empty object is accepted.
export const noInput = z.strictObject({}, { error: "This request takes no input." });

// A whole number in a range, from a form field (text) or JSON, with messages naming the field.
export const wholeNumber = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);
