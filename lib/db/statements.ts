// Every SQL statement this process sends, Prisma's and lib/db/sql.ts's (transaction control
// included): tests count the statements a request costs, and the bench prints them per grade.
const g = globalThis as unknown as { unknotStatements?: { count: number } };
export const statements: { count: number } = (g.unknotStatements ??= { count: 0 });
