import Link from "next/link";

export default function NotFound() {
  return (
    <section className="not-found" aria-labelledby="nf-h">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1 id="nf-h">This page does not exist</h1>
      <p>The link may be old, or the address mistyped. Nothing you saved is affected.</p>
      <div className="btn-row">
        <Link className="btn primary" href="/">
          Go to the home page
        </Link>
        <Link className="btn" href="/learn">
          See the lessons
        </Link>
      </div>
    </section>
  );
}
