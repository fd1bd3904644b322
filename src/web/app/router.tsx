/** A tiny history router: the app has a handful of screens, a library would only add weight. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode, type MouseEvent } from 'react';

interface RouterValue {
  readonly path: string;
  readonly search: URLSearchParams;
  readonly navigate: (to: string, options?: { readonly replace?: boolean }) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

export const RouterProvider = ({ children }: { readonly children: ReactNode }) => {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  useEffect(() => {
    const onPop = (): void => setLocation({ path: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options?: { readonly replace?: boolean }) => {
    if (options?.replace === true) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation({ path: window.location.pathname, search: window.location.search });
  }, []);
  const value = useMemo(
    () => ({ path: location.path, search: new URLSearchParams(location.search), navigate }),
    [location, navigate],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
};

export const useRouter = (): RouterValue => {
  const value = useContext(RouterContext);
  if (value === null) throw new Error('useRouter outside RouterProvider');
  return value;
};

/** An <a> that navigates inside the app; modified clicks (new tab) keep the browser's behaviour. */
export const Link = ({ to, children, className, ariaCurrent }: {
  readonly to: string;
  readonly children: ReactNode;
  readonly className?: string;
  readonly ariaCurrent?: boolean;
}) => {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>): void => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} aria-current={ariaCurrent === true ? 'page' : undefined}>
      {children}
    </a>
  );
};
