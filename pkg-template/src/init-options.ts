// What init() takes, in any build: where the wasm is (browsers), or the mini-program's options.

export interface WasmResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Browsers: where to load the wasm from (default: next to the module). */
export type WasmSource = string | { readonly href: string } | ArrayBuffer | ArrayBufferView | WasmResponseLike | PromiseLike<WasmResponseLike>;

/** Mini-programs: the package path of the wasm and whether AppSecret APIs may run in the client. */
export interface MiniProgramInitOptions {
  /**
   * Default `/miniprogram_npm/iot-explorer-app/iot_explorer_app_bg.wasm.br` (base library ≥ 2.14.0);
   * on 2.13.x, copy the package's `dist/iot_explorer_app_bg.wasm` into the project and pass its path.
   */
  wasmPath?: string;
  /** Enables signParams/buildAppApiRequest/createServerClient in a mini-program. Ships your AppSecret to every user. */
  dangerouslyAllowAppSecretInClient?: boolean;
}

/**
 * Loads the wasm module (needed in browsers and mini-programs; a no-op in Node). In a browser it
 * is fetched from next to the module by default; `iot-explorer-app/inline` carries it in its code
 * instead (no file to copy, no second request, about 11 KB more over gzip).
 */
export type Init = (source?: WasmSource | MiniProgramInitOptions) => Promise<void>;
