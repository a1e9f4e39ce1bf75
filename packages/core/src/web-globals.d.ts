/**
 * The core runs on no particular platform: beside ECMAScript it may use only these web-standard
 * globals, which every runtime it meets provides (Node, browsers, workers). It is typechecked
 * without Node's types, so a `node:*` import or `process` does not compile here.
 */
declare function atob(data: string): string;
declare function btoa(data: string): string;

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly href: string;
  readonly username: string;
  readonly password: string;
}
