import { integrationUrl } from "./db-path";
import { prepare } from "./global-setup";

export default async function setup() {
  await prepare(integrationUrl("postgres"));
}
