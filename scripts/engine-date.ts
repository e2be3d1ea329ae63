// Next's server replaces the global Date with a wrapper (next/dist/server/node-environment-
// extensions/date.js) so that, under `cacheComponents`, a prerender that reads the clock is
// noticed. Unknot does not use cacheComponents, and the wrapper builds every date through
// Reflect.construct: about 15 times slower than the engine's own constructor, on pages that
// build a date per row read (thousands on /progress and /cards). The server keeps the engine's
// Date before it loads Next, and puts it back once Next is loaded.
export function keepEngineDate(): () => void {
  const engineDate = globalThis.Date;
  return () => {
    if (globalThis.Date === engineDate) return;
    globalThis.Date = engineDate;
    Object.defineProperty(engineDate.prototype, "constructor", { value: engineDate, writable: true, configurable: true, enumerable: false });
  };
}
