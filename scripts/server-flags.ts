// Node options for the production server, shared by `npm start` (scripts/start.ts) and every
// server the tests and the bench start (scripts/shared/server.ts), so that what is measured is what
// runs.
//
// --heap-growing-percent=100: after each full collection V8 lets the heap grow to twice what
// survived, instead of up to four times by its own heuristic. The server's live heap under
// 32 grading users is about 75-110 MiB, and V8's default let the heap reach 320 MiB of mostly
// garbage (peak RSS 424-457 MiB). Measured with `npm run bench -- --only grading` on this
// 2-core machine, one run each: default 424 MiB, 2.7 ms CPU per grade; 100%: 289/290 MiB,
// 2.4 ms (two runs); 75%: 274 MiB, 3.4 ms; 150%: 322 MiB, 3.3 ms (those two on a busier
// machine); 50%: 250 MiB, 2.9 ms. It is a V8 flag, which NODE_OPTIONS does not accept, so it is
// passed on the command line.
export const SERVER_NODE_FLAGS = ["--heap-growing-percent=100"];
