// The verdict one gate rule gives (the same three words as a suite's verdict).
export type RuleVerdict = 'pass' | 'warn' | 'fail';
