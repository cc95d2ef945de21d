import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { problem } from "./problem.ts";
import type { Problem } from "./types.ts";

/** Why a file could not be read as text; `message` is ready to show to a person. */
export class ReadTextError extends Error {
  override readonly name = "ReadTextError";
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

// One scratch buffer per size limit: reads are synchronous, so a buffer is never shared by two reads.
const scratch = new Map<number, Buffer>();

/**
 * Reads a file as strict UTF-8, refusing it before decoding when it is larger than `maxBytes`.
 * A UTF-8 byte-order mark is dropped; UTF-16, NUL bytes and invalid UTF-8 are refused, so no
 * character is ever silently replaced. A symbolic link or anything but a regular file is refused
 * without reading a byte of it: it could point outside the repository (`/etc/passwd`), and error
 * messages quote what they read. Synchronous on purpose: for thousands of small files it is several
 * times faster than promise-based file handles (see docs/performance.md). With `listedAsFile`, the
 * caller has just listed the path as a regular file, so it is not asked again (a fifth of the time
 * of reading a small file).
 * @example readTextFileSync("signatories/x/acme.yaml", 8192)
 */
export function readTextFileSync(path: string, maxBytes: number, options: { listedAsFile?: boolean } = {}): string {
  let buffer = scratch.get(maxBytes);
  if (buffer === undefined) {
    // One byte past the cap is enough to know the file is too large without reading it all.
    buffer = Buffer.allocUnsafe(maxBytes + 1);
    scratch.set(maxBytes, buffer);
  }
  const fd = openRegularFile(path, options.listedAsFile === true);
  try {
    let length = 0;
    while (length < buffer.length) {
      const wanted = buffer.length - length;
      const bytesRead = readSync(fd, buffer, length, wanted, length);
      length += bytesRead;
      // A regular file gives less than asked only at its end, so a second read, which would only
      // return 0, is not made: in a bare loop it was a quarter of the time of opening and reading a
      // small file (docs/performance.md).
      if (bytesRead < wanted) break;
    }
    return decodeText(buffer.subarray(0, length), maxBytes);
  } finally {
    closeSync(fd);
  }
}

function openRegularFile(path: string, listedAsFile: boolean): number {
  let fd: number;
  try {
    // O_NONBLOCK keeps a named pipe from hanging the open; the stat below then refuses it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new ReadTextError(SYMLINK_MESSAGE);
    throw error;
  }
  if (!listedAsFile && !fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new ReadTextError("this is not a regular file; replace it with a plain text file");
  }
  return fd;
}

/** Why a symbolic link is refused wherever the repository's content is read. */
export const SYMLINK_MESSAGE = "a symbolic link is not accepted (it could point outside the repository); replace it with the file or folder itself";

/**
 * Decodes bytes as strict UTF-8 with the same checks as {@link readTextFileSync}.
 * @example decodeText(Buffer.from("name: ACME\n"), 8192) // "name: ACME\n"
 */
export function decodeText(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length > maxBytes) {
    throw new ReadTextError(`the file is larger than ${formatBytes(maxBytes)}; a file this size cannot be right, check that you saved the correct file`);
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ReadTextError("the file is saved as UTF-16; save it again as UTF-8");
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ReadTextError(`the file contains a NUL byte at byte ${nul + 1}; save it again as plain UTF-8 text`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ReadTextError(`the file is not valid UTF-8 (invalid bytes at byte ${firstInvalidByte(bytes) + 1}); save it again as UTF-8`);
  }
}

function formatBytes(n: number): string {
  return n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}

// Only runs once a file has already failed to decode, to point at the bad byte.
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + size));
    } catch {
      return i;
    }
    i += size;
  }
  return 0;
}

/**
 * Reads a repository file with {@link readTextFileSync}; a file that cannot be read as text becomes a
 * problem at its first line, like any other, and nothing is returned.
 * @example const text = readChecked(root, "signatories/x/acme.yaml", MAX_SIGNATORY_BYTES, problems);
 */
export function readChecked(root: string, file: string, maxBytes: number, problems: Problem[], options: { listedAsFile?: boolean } = {}): string | undefined {
  try {
    return readTextFileSync(join(root, file), maxBytes, options);
  } catch (error) {
    if (!(error instanceof ReadTextError)) throw error;
    problems.push(problem("error", file, error.message, 1, 1));
    return undefined;
  }
}
