/** Splitting stored JSON into cell-sized chunks (an Excel cell holds at most 32,767 characters). */

export const STORE_CHUNK = 30_000;

/**
 * Split text into chunks of at most `size` UTF-16 units, never between the two halves of a surrogate
 * pair (a lone surrogate is not valid XML). The empty string gives one empty chunk.
 * @example splitChunks("abcde", 2) // => ["ab", "cd", "e"]
 */
export function splitChunks(text: string, size = STORE_CHUNK): string[] {
  if (size < 2) throw new RangeError("chunk size must be at least 2");
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.length ? chunks : [""];
}
