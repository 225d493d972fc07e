/**
 * Standard normal draws by the ziggurat method (Marsaglia & Tsang, "The ziggurat method for generating
 * random variables", J. Stat. Softw. 5(8), 2000), 128 layers, fed by 32-bit integers.
 *
 * One integer per draw on the fast path (≈ 97% of draws): its low 7 bits pick the layer and its other
 * 25 bits, as a signed integer j, the position x = j · W[layer]. Taking the layer and the position from
 * disjoint bits avoids the known defect of the 2000 paper's code, which reused the layer bits in j
 * (Leong, Zhang, Lee, Luk & Villasenor, J. Stat. Softw. 12(7), 2005). The slow path (the wedges and the
 * tail beyond R) draws further integers as uniforms in (0, 1).
 *
 * Chosen over Box–Muller by measurement (models/README.md, "Random numbers"): no logarithm, square root
 * or sine on the fast path.
 */

/** Layers, and the x where the tail begins (for 128 layers). */
const LAYERS = 128;
export const ZIGGURAT_R = 3.442619855899;
/** Area of each layer (and of the base strip with the tail). */
const LAYER_AREA = 9.91256303526217e-3;
/** Scale of j: 25-bit signed integers, |j| ≤ 2^24. */
const J_SCALE = 16777216;

/** K[i]: fast-path bound on |j| in layer i; W[i]: x per unit of j; F[i]: the density e^(−x²/2) at layer i's edge. */
export const ZIGGURAT_K = new Float64Array(LAYERS);
export const ZIGGURAT_W = new Float64Array(LAYERS);
export const ZIGGURAT_F = new Float64Array(LAYERS);
{
  // Marsaglia & Tsang's zigset, with 2^24 in place of 2^31.
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = LAYER_AREA / Math.exp(-0.5 * dn * dn);
  ZIGGURAT_K[0] = (dn / q) * J_SCALE;
  ZIGGURAT_K[1] = 0;
  ZIGGURAT_W[0] = q / J_SCALE;
  ZIGGURAT_W[LAYERS - 1] = dn / J_SCALE;
  ZIGGURAT_F[0] = 1;
  ZIGGURAT_F[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(LAYER_AREA / dn + Math.exp(-0.5 * dn * dn)));
    ZIGGURAT_K[i + 1] = (dn / tn) * J_SCALE;
    tn = dn;
    ZIGGURAT_F[i] = Math.exp(-0.5 * dn * dn);
    ZIGGURAT_W[i] = dn / J_SCALE;
  }
}

/** A 32-bit integer (any sign) as a uniform in the open interval (0, 1). */
export const openUniform = (int32: number): number => ((int32 >>> 0) + 0.5) / 4294967296;

/**
 * The slow path of one draw whose first integer gave position j in `layer` but missed the fast path:
 * the tail (layer 0) or a wedge test, drawing further integers from `next`; on a wedge rejection the draw
 * starts again with a new integer.
 */
export function zigguratSlow(j: number, layer: number, next: () => number): number {
  for (;;) {
    if (layer === 0) {
      // The tail beyond R (Marsaglia's method): x = −ln(U1)/R until −2 ln(U2) ≥ x².
      let x: number;
      let y: number;
      do {
        x = -Math.log(openUniform(next())) / ZIGGURAT_R;
        y = -Math.log(openUniform(next()));
      } while (y + y < x * x);
      return j > 0 ? ZIGGURAT_R + x : -ZIGGURAT_R - x;
    }
    const x = j * ZIGGURAT_W[layer];
    const f0 = ZIGGURAT_F[layer];
    if (f0 + openUniform(next()) * (ZIGGURAT_F[layer - 1] - f0) < Math.exp(-0.5 * x * x)) return x;
    const u = next();
    layer = u & 127;
    j = u >> 7;
    if (Math.abs(j) < ZIGGURAT_K[layer]) return j * ZIGGURAT_W[layer];
  }
}

/**
 * One standard normal draw from a source of 32-bit integers: the reference form, which the streams of
 * random.ts inline for speed (and are tested against, bit for bit).
 * @example zigguratNormal(seedrandom.tychei("s").int32)
 */
export function zigguratNormal(next: () => number): number {
  const u = next();
  const layer = u & 127;
  const j = u >> 7;
  if (Math.abs(j) < ZIGGURAT_K[layer]) return j * ZIGGURAT_W[layer];
  return zigguratSlow(j, layer, next);
}
