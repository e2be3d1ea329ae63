import type { WorkloadPoint } from "@/lib/srs/workload";

// A simulated point where only the retention and the work per card remembered matter.
export const point = (retention: number, minutesPerMemorized: number): WorkloadPoint => ({
  retention,
  reviewsPerDay: 1,
  minutesPerDay: 1,
  memorized: 1,
  minutesPerMemorized,
});
