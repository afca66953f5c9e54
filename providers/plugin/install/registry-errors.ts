// What a provider registry download can fail with, apart from the code that downloads, so that
// callers can tell them apart without loading the download and signature code (and openpgp).

/** A registry answered something Ballast cannot use (no such version, failed download...). */
export class RegistryError extends Error {}
export class RegistryUnreachableError extends RegistryError {}
/** The package's signature or hashes do not check out: it must not run. */
export class SignatureError extends RegistryError {}
