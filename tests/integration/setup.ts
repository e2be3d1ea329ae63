import { integrationUrl } from "./db-path";

process.env.DATABASE_URL = integrationUrl();
