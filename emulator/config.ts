// What an application hands the emulator: its collections with their indexes, and named seeds.
// The emulator knows no application; the shop builds this in scripts/emulator-config.ts.

export interface IndexSpec {
  /**
   * Fields of the index, in order (dot paths allowed); equality lookups use the first, and a sort on the fields after
   * those a query pins, then `_id`, reads its page in the index's order (order-plan.ts).
   */
  readonly fields: readonly string[];
  /** Refuse duplicates like MongoDB's E11000 (missing fields count as null). */
  readonly unique?: boolean;
  /** Defaults to the fields joined with "_". */
  readonly name?: string;
}

export interface CollectionSpec {
  readonly indexes: readonly IndexSpec[];
}

/** Collections created at start, by name. */
export type Collections = Readonly<Record<string, CollectionSpec>>;

/** What a seed may do to the emulator. */
export interface SeedTarget {
  /** Writes (or overwrites) documents in one transaction. */
  writeDocs(collection: string, docs: Array<{ _id: string } & Record<string, unknown>>): void;
  /** Writes a file into cloud storage; resolves with its fileID. */
  putFile(cloudPath: string, bytes: Buffer): Promise<string>;
  /** The emulator's clock. */
  now(): number;
}

/** Data written on the first start of an empty data folder. */
export type Seed = (target: SeedTarget) => Promise<void>;

/** How client uploads are held, as the application's storage rule holds them in production. */
export interface StorageSpec {
  /**
   * Folders where a signed-in user writes only under their own openid: a client upload to `<folder>/...` is refused
   * unless it is `<folder>/<uploader's openid>/<name>` (the rule compares the path with auth.openid).
   */
  readonly userFolders?: readonly string[];
}

/**
 * One message push route, as CloudBase's console sets it (云开发 › 设置 › 其他设置 › 消息推送, push mode 云函数):
 * messages of this MsgType and Event go to this function (e.g. `{ msgType: 'event', event: 'wxa_media_check' }`).
 */
export interface MessagePushRoute {
  readonly msgType: string;
  readonly event: string;
  readonly functionName: string;
}

export interface EmulatorConfig {
  collections: Collections;
  storage?: StorageSpec;
  /** Message push routes (none by default: an event no route takes is dropped, as in production). */
  messagePush?: readonly MessagePushRoute[];
  /** Seeds by name (`--seed <name>`); `none` is always accepted and seeds nothing. */
  seeds: Readonly<Record<string, Seed>>;
}
