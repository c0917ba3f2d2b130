import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where the portal's layout puts what every screen must show under its title (a new privacy-policy
 * version): the layout passes a ref callback, the title gives it the place after its header. Under
 * the h1, so the announcement's headings follow the page's (WCAG 1.3.1, axe's heading-order).
 */
export const PageNoticeSlot = createContext<((element: HTMLDivElement | null) => void) | null>(null);

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
  const noticeSlot = useContext(PageNoticeSlot);
  return (
    <>
      <header className="page-header">
        <h1 tabIndex={-1} ref={ref}>
          {children}
        </h1>
        {lead ? <p className="page-header__lead">{lead}</p> : null}
      </header>
      {noticeSlot ? <div className="page-notices" ref={noticeSlot} /> : null}
    </>
  );
}
