export * from "./auth-service";
export { clientAddressKey } from "./client-address";
export { hashPassword, passwordProblem, verifyPassword } from "./passwords";
export * from "./roles";
export { DEFAULT_THROTTLE, type ThrottleLimits } from "./throttle";
export { generateToken, hashToken } from "./tokens";
