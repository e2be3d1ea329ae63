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
        <p>
          A copy of everything you keep here: your settings, cards, reviews and quiz scores. Keep it as a backup, or bring it to another Unknot server with
          Import below. Your password is never in it.
        </p>
        <p>
          <a className="btn" href="/api/export/data" download data-testid="export-json">
            Download everything
          </a>
        </p>
        <p>
          Just your reviews, as a spreadsheet: when you reviewed each card and how well you remembered it. Other flashcard tools can read it to fit their
          schedule to your memory.
        </p>
        <p>
          <a className="btn" href="/api/export/reviews" download data-testid="export-csv">
            Download your reviews (spreadsheet)
          </a>
        </p>
        <details className="advanced">
          <summary>Advanced: what the files hold</summary>
          <p className="hint">
            The full copy is a JSON file: profile, settings, cards, review history, quiz attempts and saved parameters. The reviews are a CSV file with the
            columns card_id, review_time (ms since 1970), review_rating (1 Again – 4 Easy), review_state (0 new, 1 learning, 2 review, 3 relearning, before the
            review) and review_duration (ms), the format FSRS optimizers read. Undone reviews are left out.
          </p>
        </details>
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
