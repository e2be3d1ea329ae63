import type { FieldPath, FieldValues, UseFormRegister } from "react-hook-form";

// react-hook-form fills a registered input from its defaultValues only when the input's ref
// mounts, after hydration: the server's HTML would show a saved form empty, and a reload read
// before the scripts run would look like lost settings. These registrations also carry the
// saved value in the HTML (defaultValue, defaultChecked); a value typed before hydration is kept.
export function savedFields<T extends FieldValues>(register: UseFormRegister<T>, saved: T) {
  const valueOf = (name: FieldPath<T>): unknown => name.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], saved);
  return {
    value: (name: FieldPath<T>) => ({ defaultValue: String(valueOf(name) ?? ""), ...register(name) }),
    checkbox: (name: FieldPath<T>) => ({ defaultChecked: Boolean(valueOf(name)), ...register(name) }),
  };
}
