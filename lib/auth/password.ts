import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const ARGON2 = { algorithm: 2 /* Argon2id; the package exports it as a const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the email is unknown, so that the response time does not
// reveal whether an account exists.
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword("unknot-no-such-account"));
