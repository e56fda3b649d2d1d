// A rule's stable key for state: its text in lower case with whitespace collapsed.
export function ruleId(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
