import { INTEGRATION_URL } from "./db-path";

process.env.DATABASE_URL = INTEGRATION_URL;
