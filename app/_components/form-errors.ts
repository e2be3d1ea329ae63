import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type Failure = { error: string; fieldErrors: Record<string, string[]> };

// Shows a failed action's result on its form: each message beside its field, and the general
// message at the top when no field of this form was named.
export function showFailure<F extends FieldValues>(setError: UseFormSetError<F>, res: Failure, fields: readonly Path<F>[]): void {
  const named = fields.filter((f) => res.fieldErrors[f]?.length);
  for (const f of named) setError(f, { message: res.fieldErrors[f]![0] });
  if (named.length === 0) setError("root" as Path<F>, { message: res.error });
}
