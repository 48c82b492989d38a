/** `a string`, `an integer`: a type name with its article, for messages. */
export function withArticle(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
