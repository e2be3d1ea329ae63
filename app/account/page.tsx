import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { DeleteAccountForm } from "./delete-form";
import { ImportForm } from "./import-form";
import { IMPORT_MAX_BYTES } from "@/lib/portability/schema";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <>
      <h1>Your account</h1>
      <p className="muted">
        Signed in as {user.email}. Scheduling options are in <Link href="/settings">settings</Link>.
      </p>

      <section aria-labelledby="export-h">
        <h2 id="export-h">Export your data</h2>
        <ul>
          <li>
            <a href="/api/export/reviews" download data-testid="export-csv">
              Review history (CSV)
            </a>{" "}
            <span className="hint">
              columns card_id, review_time (ms since 1970), review_rating (1 Again – 4 Easy), review_state (0 new, 1 learning, 2 review, 3 relearning, before
              the review), review_duration (ms); the format FSRS optimizers read. Undone reviews are left out.
            </span>
          </li>
          <li>
            <a href="/api/export/data" download data-testid="export-json">
              Everything (JSON)
            </a>{" "}
            <span className="hint">profile, settings, cards, review history, quiz attempts and saved parameters. Your password is never included.</span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="import-h">
        <h2 id="import-h">Import your data</h2>
        <p>
          Bring your cards, review history, quiz results, settings and saved parameters from an export made on this or another Unknot server. Import works only
          into an account with no reviews yet, such as a new one. Cards this server&apos;s lessons do not have are left out with their reviews; optimizer runs
          are not imported. Files up to {IMPORT_MAX_BYTES / 1024 / 1024} MB.
        </p>
        <ImportForm />
      </section>

      <section aria-labelledby="delete-h">
        <h2 id="delete-h">Delete your account</h2>
        <p>
          This removes your account and everything stored with it (cards, review history, quiz results, parameters) at once and for good. You will be signed
          out. Export first if you want to keep a copy.
        </p>
        <DeleteAccountForm />
      </section>
    </>
  );
}
