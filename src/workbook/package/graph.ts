/** The relationship graph of a package: which parts are reachable from its root relationships. */
import type { OpcPackage } from "./opcPackage.js";
import { parseRels, relsPartOf, resolveTarget } from "./rels.js";

/** Internal relationship targets of `part` (the package itself is ""), as part names. */
export function targetsOf(pkg: OpcPackage, part: string): string[] {
  const rels = relsPartOf(part);
  if (!pkg.has(rels)) return [];
  return parseRels(pkg.text(rels))
    .filter((r) => !r.external)
    .map((r) => resolveTarget(part === "" ? "" : part, r.target));
}

/** Every part reachable from the package's root relationships (rels parts not included). */
export function reachableParts(pkg: OpcPackage): Set<string> {
  const seen = new Set<string>();
  const queue = targetsOf(pkg, "");
  while (queue.length) {
    const part = queue.pop()!;
    if (seen.has(part) || !pkg.has(part)) continue;
    seen.add(part);
    queue.push(...targetsOf(pkg, part));
  }
  return seen;
}

/**
 * Remove the parts that `before` reached and the package no longer does (the chain of a replaced sheet:
 * its old tables, drawings …), with their rels parts; returns both. Parts no relationship ever reached are kept.
 */
export function removeOrphans(pkg: OpcPackage, before: Set<string>): string[] {
  const after = reachableParts(pkg);
  const removed = [...before].filter((p) => !after.has(p) && pkg.has(p));
  const rels: string[] = [];
  for (const part of removed) {
    pkg.remove(part);
    if (pkg.has(relsPartOf(part))) {
      pkg.remove(relsPartOf(part));
      rels.push(relsPartOf(part));
    }
  }
  return [...removed, ...rels];
}

/** How many relationships (from any part, the package's own included) target each part. */
export function referenceCounts(pkg: OpcPackage): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of pkg.names()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
    if (!m) continue;
    for (const target of targetsOf(pkg, m[1] + m[2])) counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return counts;
}
