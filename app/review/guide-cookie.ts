// Set once the learner has seen the guide to the four grades (read on the server, so it never flashes).
export const GUIDE_COOKIE = "unknot-grade-guide";
