import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { contentSkipReason, MAX_FILE_SIZE } from '../core/analyze';

/** A file read from disk as text, or the reason it was not. */
export type ReadText =
  | {
      /** The text, without a leading byte-order mark (editors do not count it). */
      readonly text: string;
      /** The file starts with a UTF-8 byte-order mark (writing it back keeps it). */
      readonly bom: boolean;
      /** The bytes are not all valid UTF-8: the text holds replacement characters, and writing it back would change them. */
      readonly lossy: boolean;
    }
  | { readonly skipped: string };

/**
 * Reads a file as UTF-8 text, with limits: only regular files (not a FIFO or a device behind a
 * symbolic link), at most MAX_FILE_SIZE bytes (checked again while reading, for a file that
 * grows), not UTF-16 or UTF-32, not binary. I/O errors are thrown (ENOENT for a file deleted
 * since it was listed). Synchronous: four system calls for a small file, where the promise API
 * costs a round trip to the thread pool for each (ten times the time over a workspace). The
 * language server reads many files on worker threads, one file at a time on its own thread.
 */
export function readTextFile(file: string): ReadText {
  const read = readRegularFile(file, MAX_FILE_SIZE);
  if ('tooLarge' in read) return { skipped: tooLarge(read.tooLarge) };
  return 'bytes' in read ? decode(read.bytes) : read;
}

/** A regular file's bytes, or why they were not read: not a regular file, or more than the limit (the size seen). */
export type RegularFileRead = { readonly bytes: Buffer } | { readonly skipped: string } | { readonly tooLarge: number };

/**
 * Reads the bytes of a regular file of at most `maxBytes`, without waiting on a FIFO or reading
 * a device without end (`/dev/zero` behind a symbolic link): the limit is checked against the
 * size on disk and again while reading. I/O errors are thrown.
 */
export function readRegularFile(file: string, maxBytes: number): RegularFileRead {
  // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
  const descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile()) return { skipped: 'not a regular file' };
    if (info.size > maxBytes) return { tooLarge: info.size };
    const chunks: Buffer[] = [];
    let length = 0;
    // Sized by stat, then read to the end: the file may have grown since.
    for (let size = info.size + 1; ; size = 64 * 1024) {
      const chunk = Buffer.allocUnsafe(size);
      const bytesRead = readSync(descriptor, chunk, 0, size, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return { tooLarge: length };
    }
    return { bytes: Buffer.concat(chunks, length) };
  } finally {
    closeSync(descriptor);
  }
}

/** Decodes a file's bytes as UTF-8, or says why they are not read. */
export function decode(bytes: Buffer): ReadText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { skipped: 'UTF-16 or UTF-32 encoded; Connlint reads UTF-8 (convert it: iconv -f UTF-16 -t UTF-8)' };
  }
  const text = bytes.toString('utf8');
  const skipped = contentSkipReason(text);
  if (skipped !== undefined) return { skipped };
  const lossy = text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes);
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, lossy };
}

function tooLarge(size: number): string {
  return `larger than ${MAX_FILE_SIZE / 1024 / 1024} MiB (${(size / 1024 / 1024).toFixed(1)} MiB; Connlint's limit per file)`;
}
