// The zones a time-zone search shows: those whose name holds every word typed (case and
// underscores ignored, "new york" finds America/New_York), with the chosen zone always kept so
// the select never loses its value.
export function matchTimeZones(zones: readonly string[], query: string, keep?: string): string[] {
  const words = query.toLowerCase().replace(/[_/]/g, " ").split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...zones];
  const matches = zones.filter((z) => {
    const name = z.toLowerCase().replace(/[_/]/g, " ");
    return words.every((w) => name.includes(w));
  });
  return keep && !matches.includes(keep) && zones.includes(keep) ? [keep, ...matches] : matches;
}
