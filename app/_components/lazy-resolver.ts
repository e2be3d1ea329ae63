import type { FieldValues, Resolver } from "react-hook-form";

// A form's resolver that loads with the form's first validation (its first submit), not with the
// page: the schema and zod, which a slow phone would otherwise download and evaluate on every load
// of the page, arrive only when someone saves. The server parses the same schema again.
export function lazyResolver<I extends FieldValues, C, O>(load: () => Promise<Resolver<I, C, O>>): Resolver<I, C, O> {
  let loading: Promise<Resolver<I, C, O>> | undefined;
  return async (values, context, options) => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return (await loading)(values, context, options);
  };
}
