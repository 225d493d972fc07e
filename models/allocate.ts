/**
 * Water-filling: split an amount in proportion to weights, never giving anyone more than their cap;
 * what a capped recipient cannot take is re-split among the others by the same weights, and what
 * nobody can take is returned as unallocated. Used for the land quota (caps = headroom) and the
 * energy cap (caps = what land capacity needs) alike (model.md, steps 2 and 4).
 */

/** Amounts below this (亩 or 万吨标煤) are treated as zero, so float dust never loops forever. */
const EPSILON = 1e-12;

/**
 * @param amount what to split (≥ 0)
 * @param weights share weights (≥ 0); a zero weight receives nothing
 * @param caps upper bound per recipient (≥ 0)
 * @param out receives each recipient's allocation (overwritten)
 * @param open scratch of the same length (overwritten), so the hot loop allocates nothing
 * @returns the unallocated remainder: amount − Σ out
 * @example waterFill(100, [1, 1, 2], [10, 100, 100], out, scratch) // out = [10, 30, 60], returns 0
 */
export function waterFill(
  amount: number,
  weights: ArrayLike<number>,
  caps: ArrayLike<number>,
  out: Float64Array,
  open: Uint8Array,
): number {
  const n = out.length;
  let remaining = amount;
  let openCount = 0;
  for (let i = 0; i < n; i++) {
    out[i] = 0;
    const isOpen = weights[i] > 0 && caps[i] > EPSILON;
    open[i] = isOpen ? 1 : 0;
    if (isOpen) openCount++;
  }
  while (remaining > EPSILON && openCount > 0) {
    // The open weight is re-added each round rather than decremented, so float dust cannot linger.
    let totalWeight = 0;
    for (let i = 0; i < n; i++) if (open[i] === 1) totalWeight += weights[i];
    // Fill to the cap everyone whose share would exceed their room; if nobody, hand out the shares and stop.
    let saturated = false;
    const perWeight = remaining / totalWeight;
    for (let i = 0; i < n; i++) {
      if (open[i] === 0) continue;
      const room = caps[i] - out[i];
      if (perWeight * weights[i] >= room) {
        out[i] = caps[i];
        remaining -= room;
        open[i] = 0;
        openCount--;
        saturated = true;
      }
    }
    if (!saturated) {
      for (let i = 0; i < n; i++) if (open[i] === 1) out[i] += perWeight * weights[i];
      remaining = 0;
    }
  }
  return remaining > EPSILON ? remaining : 0;
}

/**
 * Fixed requests (the manual strategy): each recipient gets its request scaled down in proportion
 * when the requests exceed the amount, then cut to its cap. Nothing is re-split.
 * @returns the unallocated remainder
 */
export function allocateRequests(amount: number, requests: ArrayLike<number>, caps: ArrayLike<number>, out: Float64Array): number {
  let requested = 0;
  for (let i = 0; i < out.length; i++) requested += requests[i];
  const scale = requested > amount ? amount / requested : 1;
  let given = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.min(requests[i] * scale, Math.max(0, caps[i]));
    given += out[i];
  }
  const left = amount - given;
  return left > EPSILON ? left : 0;
}
