// Types for the parts of Digital Bazaar's Data Integrity stack that Asli calls (the packages
// ship JavaScript only). The tests' independent verifiers use the verifying halves.

declare module "@digitalbazaar/data-integrity" {
  export interface Signer {
    id: string;
    algorithm: string;
    sign(options: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export interface ProofPurpose {
    term: string;
    update(proof: Record<string, unknown>, options: unknown): Promise<Record<string, unknown>>;
  }
  export class DataIntegrityProof {
    constructor(options: { signer?: Signer; cryptosuite: unknown; date?: string | Date | null });
    createProof(options: { document: object; purpose: ProofPurpose; proofSet: object[]; documentLoader: (url: string) => Promise<unknown> }): Promise<Record<string, unknown>>;
  }
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: { name: string; requiredAlgorithm: string };
}

declare module "@digitalbazaar/vc" {
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    checkStatus?: (options: { credential: object }) => Promise<{ verified: boolean; error?: unknown }>;
  }): Promise<{ verified: boolean; error?: { message?: string; errors?: unknown[] }; results?: unknown[] }>;
}

declare module "@digitalbazaar/vc-bitstring-status-list" {
  export function checkStatus(options: {
    credential: object;
    documentLoader: (url: string) => Promise<unknown>;
    suite: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; error?: Error; results?: { verified: boolean; status: boolean; credentialStatus: { statusPurpose: string } }[] }>;
  export function decodeList(options: { encodedList: string }): Promise<{ length: number; getStatus(index: number): boolean }>;
}

declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, unknown>;
}

declare module "@digitalbazaar/ed25519-multikey" {
  export function from(key: object): Promise<{ publicKeyMultibase: string; publicKey: Uint8Array }>;
  export function fromJwk(options: { jwk: object; id?: string; controller?: string }): Promise<{ publicKeyMultibase: string; publicKey: Uint8Array }>;
}
