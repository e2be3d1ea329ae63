import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";

// Shown at the top of the form when its checks could not be loaded (the phone is offline and
// the page's scripts were not saved for offline yet): nothing is sent, and the next save tries
// to load them again.
export const CHECKS_UNAVAILABLE = "This form's checks could not be loaded, so nothing was saved. Check your connection and save again.";

// A form's resolver that loads with the form's first validation (its first submit), not with the
// page: the schema and zod, which a slow phone would otherwise download and evaluate on every load
// of the page, arrive only when someone saves. The server parses the same schema again.
export function lazyResolver<I extends FieldValues, C, O>(load: () => Promise<Resolver<I, C, O>>): Resolver<I, C, O> {
  let loading: Promise<Resolver<I, C, O>> | undefined;
  return async (values, context, options) => {
    loading ??= load();
    let resolve: Resolver<I, C, O>;
    try {
      resolve = await loading;
    } catch {
      loading = undefined;
      // A form-wide error: TypeScript cannot see that `root` is a key of every form's errors.
      return { values: {}, errors: { root: { type: "unavailable", message: CHECKS_UNAVAILABLE } } as FieldErrors<I> };
    }
    return resolve(values, context, options);
  };
}
