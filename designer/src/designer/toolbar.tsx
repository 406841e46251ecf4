import { memo } from 'react';
import { useApp } from '../app/app-context';
import { Link } from '../app/nav';

export interface ToolbarProps {
  templateKey: string;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  dirty: boolean;
  hasSelection: boolean;
  canPaste: boolean;
  busy: boolean;
  onAction(action: 'save' | 'publish' | 'undo' | 'redo' | 'layout' | 'copy' | 'paste' | 'delete' | 'export' | 'import'): void;
}

export const Toolbar = memo(function Toolbar(p: ToolbarProps) {
  const { t } = useApp();
  const b = (action: Parameters<ToolbarProps['onAction']>[0], label: string, opts: { disabled?: boolean; title?: string; className?: string } = {}) => (
    <button type="button" className={opts.className} disabled={opts.disabled} title={opts.title ?? label} onClick={() => p.onAction(action)} data-testid={`tb-${action}`}>
      {label}
    </button>
  );
  return (
    <div className="toolbar designer-toolbar" role="toolbar">
      <strong className="tb-key">{p.templateKey}</strong>
      {b('save', t('designer.save'), { disabled: p.busy, className: p.dirty ? 'primary' : undefined })}
      {b('publish', t('designer.publish'), { disabled: p.busy })}
      <span className="sep" />
      {b('undo', `↶ ${t('designer.undo')}`, { disabled: !p.canUndo, title: `${t('designer.undo')} (Ctrl+Z)${p.undoLabel ? `: ${p.undoLabel}` : ''}` })}
      {b('redo', `↷ ${t('designer.redo')}`, { disabled: !p.canRedo, title: `${t('designer.redo')} (Ctrl+Y)${p.redoLabel ? `: ${p.redoLabel}` : ''}` })}
      {b('copy', t('designer.copy'), { disabled: !p.hasSelection, title: `${t('designer.copy')} (Ctrl+C)` })}
      {b('paste', t('designer.paste'), { disabled: !p.canPaste, title: `${t('designer.paste')} (Ctrl+V)` })}
      {b('delete', t('designer.delete'), { disabled: !p.hasSelection, title: `${t('designer.delete')} (Delete)` })}
      {b('layout', t('designer.layout'))}
      <span className="sep" />
      {b('export', t('designer.exportBpmn'))}
      {b('import', t('designer.importBpmn'))}
      <Link to={`/templates/${encodeURIComponent(p.templateKey)}/versions`} className="button" testId="tb-versions">{t('designer.versions')}</Link>
      {p.dirty && <span className="dirty" data-testid="dirty">● {t('designer.unsaved')}</span>}
    </div>
  );
});
