/** Where promptgate.yml is looked for, in order (relative to the repository root). */
export const CONFIG_CANDIDATES = [
  'promptgate.yml',
  'promptgate.yaml',
  '.github/promptgate.yml',
  '.github/promptgate.yaml',
] as const;
