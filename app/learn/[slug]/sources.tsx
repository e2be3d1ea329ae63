import type { Source } from "@/lib/content/schema";

export const GUIDANCE_LABEL = "Mainstream clinical guidance (not from the source documents)";

export function SourceItem({ source }: { source: Source }) {
  if ("file" in source) {
    return (
      <li>
        <cite>{source.file}</cite>
        <blockquote>{source.quote}</blockquote>
      </li>
    );
  }
  return (
    <li className="source-guidance">
      <strong>{GUIDANCE_LABEL}</strong>
      <blockquote>{source.guidance}</blockquote>
    </li>
  );
}

export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <ul className="source-list">
      {sources.map((s, i) => (
        <SourceItem key={i} source={s} />
      ))}
    </ul>
  );
}
