/** A validation issue's message in the UI language (the English detail as tooltip when translated). */
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';
import { useApp } from '../app/app-context';
import { issueText } from '../i18n/issue-text';

export function IssueMessage({ issue }: { issue: ValidationIssue }) {
  const { lang } = useApp();
  const { text, detail } = issueText(lang, issue);
  return <span className="issue-msg" title={detail}>{text}</span>;
}
