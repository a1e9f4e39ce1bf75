export { bridgeEnvSchema } from "./env";
