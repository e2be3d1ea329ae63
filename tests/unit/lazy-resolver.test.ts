import { describe, expect, it } from "vitest";
import type { Resolver, ResolverResult } from "react-hook-form";
import { CHECKS_UNAVAILABLE, lazyResolver } from "@/app/_components/lazy-resolver";

type Form = { minutes: number };
const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<Resolver<Form>>[2];
const check: Resolver<Form> = async (values): Promise<ResolverResult<Form>> =>
  values.minutes > 0 ? { values, errors: {} } : { values: {}, errors: { minutes: { type: "min", message: "At least one minute" } } };

describe("a form's checks loaded with its first save", () => {
  it("loads the checks once and validates with them", async () => {
    let loads = 0;
    const resolver = lazyResolver(async () => {
      loads++;
      return check;
    });
    expect(await resolver({ minutes: 5 }, undefined, options)).toEqual({ values: { minutes: 5 }, errors: {} });
    expect((await resolver({ minutes: 0 }, undefined, options)).errors.minutes?.message).toBe("At least one minute");
    expect(loads).toBe(1);
  });

  it("says at the top of the form that nothing was saved when the checks cannot be loaded, and loads them again on the next save", async () => {
    let online = false;
    const resolver = lazyResolver(async () => {
      if (!online) throw new TypeError("Failed to fetch dynamically imported module");
      return check;
    });
    const offline = await resolver({ minutes: 5 }, undefined, options);
    expect(offline.values).toEqual({});
    expect(offline.errors.root?.message).toBe(CHECKS_UNAVAILABLE);
    online = true;
    expect(await resolver({ minutes: 5 }, undefined, options)).toEqual({ values: { minutes: 5 }, errors: {} });
  });
});
