/**
 * Validation while editing: validateDefinition (the server's own rules) on every change, a frame
 * later so typing stays smooth; plus the issues the server returned at the last save or publish.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Definition } from '@orderpath/workflows/definition/schema';
import { type ValidationContext, type ValidationIssue, validateDefinition } from '@orderpath/workflows/definition/validate';
import { type IssueIndex, indexIssues } from '../core/issue-index';

const same = (a: ValidationIssue, b: ValidationIssue) => a.code === b.code && a.nodeId === b.nodeId && a.edgeId === b.edgeId && a.path === b.path;

export function useLiveIssues(def: Definition, ctx: ValidationContext, serverIssues: readonly ValidationIssue[]): IssueIndex {
  const [issues, setIssues] = useState<ValidationIssue[]>(() => validateDefinition(def, ctx));
  useEffect(() => {
    const handle = setTimeout(() => setIssues(validateDefinition(def, ctx)), 120);
    return () => clearTimeout(handle);
  }, [def, ctx]);
  return useMemo(() => {
    // Server issues the live check cannot see (unknown activity, unknown template) stay until the next save.
    const extra = serverIssues.filter((s) => !issues.some((i) => same(i, s)));
    return indexIssues(def, [...issues, ...extra]);
  }, [def, issues, serverIssues]);
}
