/**
 * A translated sentence with `backticked` parts shown as <code>: the catalogues keep whole
 * sentences (word order differs between languages) and still mark file names and commands.
 */
export function CodeText({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
