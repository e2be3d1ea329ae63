// The one inline script of our own, in <head> before anything else runs (app/layout.tsx); the
// nonce pages' policy allows it by its hash (lib/security-headers.ts). Pure, so that it is
// unit-tested.
import { AUTH_STATE_SCRIPT } from "./auth/display-cookie";
import { PAINT_FIRST_SCRIPT } from "./paint-first";

// zod tries `new Function("")` the first time it parses an object, to pick its compiled fast
// path. Under the nonce pages' policy (no 'unsafe-eval') the browser reports that probe as a
// violation even though zod catches it, and Lighthouse's best practices count the report. zod
// reads this global setting when it loads, so in the browser it never probes.
export const ZOD_JITLESS_SCRIPT = `(globalThis.__zod_globalConfig||(globalThis.__zod_globalConfig={})).jitless=true`;

export const HEAD_SCRIPT = `${AUTH_STATE_SCRIPT};${ZOD_JITLESS_SCRIPT};${PAINT_FIRST_SCRIPT}`;
