"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn, signOut } from "next-auth/react";
import type { ChangePasswordInput } from "@/lib/auth/schema";
import { lazyResolver } from "../_components/lazy-resolver";
import { Field } from "../_components/field";
import { showFailure } from "../_components/form-errors";
import { changePasswordAction, signOutEverywhereAction } from "./session-actions";
import { setSignedInHint } from "@/lib/auth/display-cookie";
import { reached } from "../_components/reached";

// The schema loads with the first password change, not with the page (lazyResolver).
const resolver = lazyResolver(async () => zodResolver((await import("@/lib/auth/schema")).changePasswordSchema));

export function SessionControls({ email }: { email: string }) {
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ChangePasswordInput>({ resolver, defaultValues: { currentPassword: "", newPassword: "" } });
  const { errors, isSubmitting } = form.formState;

  const change = form.handleSubmit(async (values) => {
    setDone(null);
    const res = await reached(changePasswordAction(values));
    if (!res.ok) return showFailure(form.setError, res, ["currentPassword", "newPassword"]);
    // Every other session has ended; this browser signs in again with the new password.
    await signIn("credentials", { email, password: values.newPassword, redirect: false });
    form.reset();
    setDone("Password changed. You were signed out on every other device.");
  });

  const everywhere = async () => {
    setError(null);
    const res = await reached(signOutEverywhereAction({}));
    if (!res.ok) return setError(res.error);
    setSignedInHint(false);
    await signOut({ callbackUrl: "/sign-in" });
  };

  return (
    <>
      <h2>Password</h2>
      <form method="post" onSubmit={change} noValidate aria-label="Change password">
        {errors.root && (
          <p className="form-error" role="alert">
            {errors.root.message}
          </p>
        )}
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register("currentPassword")}
        />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="at least 10 characters"
          error={errors.newPassword?.message}
          {...form.register("newPassword")}
        />
        <div className="btn-row">
          <button className="btn" type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Changing…" : "Change password"}
          </button>
        </div>
        <p role="status" aria-live="polite">
          {done}
        </p>
      </form>
      <h2>Sessions</h2>
      <p className="muted">Signed in on a shared or lost device? This ends every session, this one included.</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button className="btn" type="button" onClick={() => void everywhere()}>
        Sign out everywhere
      </button>
    </>
  );
}
