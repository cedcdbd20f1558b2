// Public surface of the report renderers (pure functions of report.json).
export {
  renderComment,
  commentMarker,
  COMMENT_LIMIT,
  DEFAULT_COMMENT_MAX,
  DEFAULT_CONFIG_FILE,
} from './render-comment.js';
export type { CommentOptions } from './render-comment.js';
export { renderSummary, SUMMARY_LIMIT_BYTES, DEFAULT_SUMMARY_MAX_BYTES } from './render-summary.js';
export type { SummaryOptions } from './render-summary.js';
export { renderPlain } from './render-plain.js';
export * from './escape.js';
