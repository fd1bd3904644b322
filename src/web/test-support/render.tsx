/** Test helpers: i18next in Vietnamese, a rendered tree, and a cleanup after each test. */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { initI18n } from '../i18n/index.ts';

initI18n('vi');
afterEach(cleanup);

export const renderVi = (ui: ReactElement): RenderResult => render(ui);
