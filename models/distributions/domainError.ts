/**
 * The one error these functions throw: a RangeError whose message is Chinese first, then English. The
 * scenario's own checks catch bad growth fields earlier, with their JSON path or cell; reaching one of
 * these means a caller passed numbers the scenario checks should have refused.
 */
export function domainError(zh: string, en: string): RangeError {
  return new RangeError(`${zh} / ${en}`);
}
