import Link from "next/link";
import type { SourceView } from "@/lib/content/sources";

// One citation: the source's title and kind, the quote, and a link to the source's record
// on /sources (where the quote is shown in its sentence).
export function SourceItem({ source }: { source: SourceView }) {
  return (
    <li className={source.type === "guidance" ? "source-guidance" : undefined}>
      <Link href={source.href} className="source-title">
        <cite>{source.title}</cite>
      </Link>{" "}
      <span className="muted source-kind">· {source.kind}</span>
      {source.type === "document" && <blockquote>{source.quote}</blockquote>}
    </li>
  );
}

export function SourceList({ sources }: { sources: SourceView[] }) {
  return (
    <ul className="source-list">
      {sources.map((s, i) => (
        <SourceItem key={i} source={s} />
      ))}
    </ul>
  );
}
