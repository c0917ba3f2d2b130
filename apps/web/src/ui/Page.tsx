import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one h1. It names the browser tab, and takes the focus when the page opens, so a
 * screen reader announces where a link led (a single-page app changes no document).
 */
export function PageTitle({ children, lead }: { children: string; lead?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-header">
      <h1 tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {lead ? <p className="page-header__lead">{lead}</p> : null}
    </header>
  );
}
