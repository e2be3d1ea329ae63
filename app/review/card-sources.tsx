import type { SourceView } from "@/lib/content/sources";
import { SourceList } from "../learn/[slug]/sources";

// The card's sources on its back: title and kind of each, folded away so grading stays one tap.
export function CardSources({ sources }: { sources: SourceView[] }) {
  if (sources.length === 0) return null;
  return (
    <details className="sources" data-testid="card-sources">
      <summary>
        Source{sources.length === 1 ? "" : "s"} ({sources.length})
      </summary>
      <SourceList sources={sources} />
    </details>
  );
}
