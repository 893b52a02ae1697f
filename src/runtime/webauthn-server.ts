// What the console's passkey ceremonies use of @simplewebauthn/server: on Workers this is the
// entry of a module of its own (scripts/build-worker-modules.ts), loaded on the first ceremony,
// so that the module every scan loads stays within its budget.
export { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";
