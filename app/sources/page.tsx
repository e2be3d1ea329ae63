import type { Metadata } from "next";
import Link from "next/link";
import { getLessons, getSourceRecords } from "@/lib/content/load";
import { sentenceAround } from "@/lib/content/excerpts";
import { readSeed } from "@/lib/content/seeds";
import { citedQuotes, documentLabel, guidanceLabel } from "@/lib/content/sources";
import "./sources.css";

export const metadata: Metadata = {
  title: "Sources",
  description: "The documents and guidance behind Unknot's lessons, what kind of text each is, and how far to trust it.",
};
// Built once: the seed documents are read at build time, never per request.
export const dynamic = "force-static";

export default function SourcesPage() {
  const records = getSourceRecords();
  const quotes = citedQuotes(getLessons(), records);
  return (
    <article className="sources-page">
      <h1>Sources</h1>
      <p className="lead">
        Unknot&apos;s lessons are written in our own words from five web articles. Each one is listed here with what kind of text it is and how far to trust it,
        followed by every passage we quote, shown in its sentence. Safety points that the articles lack come from the mainstream guidance listed at the end.
      </p>
      <p className="muted">
        Words in square brackets are ours: one article&apos;s machine rewording uses a word for seizures where it means spasm, and we show [spasm] instead.
      </p>

      {/* The page is long on a phone: a jump list to each source, and each source links back here. */}
      <nav aria-labelledby="sources-index" className="jump-list" id="index">
        <h2 id="sources-index">On this page</h2>
        <ul>
          {records.documents.map((d) => (
            <li key={d.id}>
              <a href={`#${d.id}`}>{documentLabel(d)}</a>
            </li>
          ))}
          <li>
            <a href="#guidance">Mainstream guidance ({records.guidance.length} sources)</a>
          </li>
        </ul>
      </nav>

      <h2 id="documents">The source documents</h2>
      {records.documents.map((d) => {
        const text = readSeed(d.file);
        const cited = quotes.get(d.id) ?? [];
        return (
          <section key={d.id} id={d.id} aria-labelledby={`${d.id}-title`} className="panel source-record" data-testid="source-record">
            <h3 id={`${d.id}-title`}>{documentLabel(d)}</h3>
            <p className="muted">{d.kind}</p>
            <p>
              <strong>Reliability:</strong> {d.reliability}
            </p>
            {text === undefined && (
              <p className="notice" data-testid="full-text-unavailable">
                The full text of this document is not available on this server, so each quote is shown on its own.
              </p>
            )}
            <h4>Passages we quote ({cited.length})</h4>
            <ol className="source-quotes">
              {cited.map((q) => {
                const ex = text === undefined ? undefined : sentenceAround(text, q.quote);
                return (
                  <li key={q.anchor} id={q.anchor}>
                    <blockquote data-testid="quote-in-context">
                      {ex ? (
                        <>
                          {ex.before}
                          <mark>{ex.quote}</mark>
                          {ex.after}
                        </>
                      ) : (
                        <mark>{q.quote}</mark>
                      )}
                    </blockquote>
                    <p className="muted">
                      Cited in:{" "}
                      {q.citedIn.map((c, i) => (
                        <span key={`${c.lessonSlug}#${c.sectionId}`}>
                          {i > 0 && "; "}
                          <Link prefetch={false} href={`/learn/${c.lessonSlug}#${c.sectionId}`}>
                            {c.lessonTitle}: {c.sectionHeading}
                          </Link>
                        </span>
                      ))}
                    </p>
                  </li>
                );
              })}
            </ol>
            <p>
              <a href="#index" className="back-to-index">
                Back to the list of sources
              </a>
            </p>
          </section>
        );
      })}

      <h2 id="guidance">Mainstream guidance (not from the source documents)</h2>
      <p>The articles leave out most warning signs and some safety points. Those come from the guidance below, and every lesson marks them as such.</p>
      {records.guidance.map((g) => (
        <section key={g.id} id={g.id} aria-labelledby={`${g.id}-title`} className="panel source-record" data-testid="source-record">
          <h3 id={`${g.id}-title`}>{guidanceLabel(g)}</h3>
          <p className="muted">{g.kind}</p>
          <p>
            <strong>About it:</strong> {g.reliability}
          </p>
        </section>
      ))}
    </article>
  );
}
