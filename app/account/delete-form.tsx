"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { setSignedInHint } from "@/lib/auth/display-cookie";
import { deleteAccountSchema, type DeleteAccountInput } from "@/lib/portability/schema";
import { Field } from "../_components/field";
import { deleteAccountAction } from "./actions";
import { reached } from "../_components/reached";

export function DeleteAccountForm() {
  const { register, handleSubmit, setError, setValue, formState } = useForm<DeleteAccountInput>({
    resolver: zodResolver(deleteAccountSchema),
    defaultValues: { password: "" },
  });
  const { errors, isSubmitting } = formState;
  const [deleted, setDeleted] = useState(false);

  const onSubmit = handleSubmit(async (values) => {
    const res = await reached(deleteAccountAction(values));
    if (!res.ok) {
      setValue("password", "");
      setError("password", { message: res.fieldErrors.password?.[0] ?? res.error });
      return;
    }
    setDeleted(true);
    // The account is gone; end the session on this device too.
    setSignedInHint(false);
    await signOut({ callbackUrl: "/account-deleted" });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Delete account">
      <Field
        label="Your password"
        type="password"
        autoComplete="current-password"
        hint="to confirm it is you"
        error={errors.password?.message}
        {...register("password")}
      />
      <div className="btn-row">
        <button className="btn danger" type="submit" disabled={isSubmitting || deleted}>
          {isSubmitting ? "Deleting…" : "Delete my account and all my data"}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {deleted ? "Your account was deleted. Signing you out…" : null}
      </p>
    </form>
  );
}
