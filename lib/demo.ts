// The demo account that `npm start` seeds, shown on the sign-in page. Local only: it holds no real data.
export const DEMO_ACCOUNT = { email: "demo@unknot.local", password: "unknot-demo-2026", name: "Demo learner" } as const;
