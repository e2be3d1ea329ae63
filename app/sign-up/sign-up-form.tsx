"use client";
import { useEffect } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { setSignedInHint } from "@/lib/auth/display-cookie";
import { signUpSchema, type SignUpInput } from "@/lib/auth/schema";
import { Field } from "../_components/field";
import { showFailure } from "../_components/form-errors";
import { signUpAction } from "./actions";
import { forgetOfflineUser } from "../_components/forget-offline-user";
import { reached } from "../_components/reached";

// Given the page's callbackUrl rather than reading it with useSearchParams, which would need a
// Suspense boundary that hydrates after the page: see app/sign-in/sign-in-form.tsx.
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const { register, handleSubmit, setError, setValue, formState } = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { email: "", password: "", name: "", timeZone: "UTC" },
  });
  useEffect(() => {
    setValue("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  }, [setValue]);
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    const res = await reached(signUpAction(values));
    if (!res.ok) {
      showFailure(setError, res, ["email", "password", "name", "timeZone"]);
      return;
    }
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (signedIn?.error) {
      setError("root", { message: signedIn.error });
      return;
    }
    await forgetOfflineUser();
    setSignedInHint(true);
    router.push(callbackUrl);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Sign up">
      {errors.root && (
        <p className="form-error" role="alert">
          {errors.root.message}
        </p>
      )}
      <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...register("email")} />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="at least 10 characters"
        error={errors.password?.message}
        {...register("password")}
      />
      <Field label="Name" autoComplete="name" hint="optional" error={errors.name?.message} {...register("name")} />
      <input type="hidden" {...register("timeZone")} />
      {errors.timeZone && <p className="field-error">{errors.timeZone.message}</p>}
      <div className="btn-row">
        <button className="btn primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating your account…" : "Create account"}
        </button>
      </div>
      <p className="muted">
        Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </form>
  );
}
