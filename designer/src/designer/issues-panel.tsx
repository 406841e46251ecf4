/** The validation issues of the template being edited; a click focuses the node or edge. */
import { memo } from 'react';
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';
import { useApp } from '../app/app-context';
import { IssueMessage } from './issue-message';
import type { IssueIndex } from '../core/issue-index';
import { locate } from '../core/issue-index';
import type { Definition } from '@orderpath/workflows/definition/schema';

interface Props {
  def: Definition;
  index: IssueIndex;
  onFocus(id: string): void;
}

export const IssuesPanel = memo(function IssuesPanel({ def, index, onFocus }: Props) {
  const { t } = useApp();
  const focus = (issue: ValidationIssue) => {
    const where = locate(def, issue);
    const id = where.nodeId ?? where.edgeId;
    if (id) onFocus(id);
  };
  return (
    <section className="issues" data-testid="issues">
      <h2>
        {t('designer.issues')}{' '}
        <span className={index.errors ? 'count-error' : 'count-ok'} data-testid="issue-count">
          {index.all.length ? t('designer.issueCount', { errors: index.errors, warnings: index.warnings }) : t('designer.noIssues')}
        </span>
      </h2>
      <ul>
        {index.all.map((issue, i) => (
          <li key={`${issue.code}-${i}`} className={`issue issue-${issue.severity}`} data-code={issue.code}>
            <button type="button" className="link" onClick={() => focus(issue)}>
              <span className="issue-code">{issue.code}</span>
              {(issue.nodeId || issue.edgeId) && <span className="issue-where">{issue.nodeId ?? issue.edgeId}</span>}
              <IssueMessage issue={issue} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
