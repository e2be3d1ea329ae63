"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { setSignedInHint } from "@/lib/auth/display-cookie";
import { signInSchema, type SignInInput } from "@/lib/auth/schema";
import { Field } from "../_components/field";
import { DEMO_ACCOUNT } from "@/lib/demo";
import { forgetOfflineUser } from "../_components/forget-offline-user";

const DEMO = DEMO_ACCOUNT;

// The page passes where to go once signed in (its callbackUrl, checked on the server by
// safeCallback), so the form is part of the page's first hydration (no Suspense boundary for
// useSearchParams): what is typed or tapped before then is replayed into it (lib/paint-first.ts).
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const { register, handleSubmit, setError, setValue, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error) {
      // The server sends one message for an unknown email or a wrong password.
      setError("password", { message: res?.error ?? "Sign-in failed. Please try again." });
      return;
    }
    await forgetOfflineUser();
    setSignedInHint(true);
    router.push(callbackUrl);
    router.refresh();
  });

  const useDemo = () => {
    setValue("email", DEMO.email);
    setValue("password", DEMO.password);
    void onSubmit();
  };

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...register("email")} />
      <Field label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...register("password")} />
      <div className="btn-row">
        <button className="btn primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Signing in…" : "Sign in"}
        </button>
        <button className="btn" type="button" onClick={useDemo} disabled={isSubmitting}>
          Try the demo account
        </button>
      </div>
      <p className="muted">
        New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>. The demo account is <code>{DEMO.email}</code>{" "}
        with password <code>{DEMO.password}</code>.
      </p>
    </form>
  );
}
