// IssueLog is shared with the line-list connectors; it lives in the generic kit.
export { IssueLog, quote } from '../kit/issue-log.js';
