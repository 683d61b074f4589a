import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { FirstRun } from './core/first-run';

/**
 * One line per screen; each feature lives in features/<feature>/ and default-exports its page component.
 * Add a screen: create features/<feature>/<feature>-page.ts and copy a line below.
 */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: () => (inject(FirstRun).isFirstRun() ? 'welcome' : 'chat') },
  { path: 'welcome', title: 'Welcome', loadComponent: () => import('./features/welcome/welcome-page') },
  { path: 'onboarding', title: 'Set up', loadComponent: () => import('./features/vault/onboarding-page') },
  { path: 'unlock', title: 'Unlock', loadComponent: () => import('./features/vault/unlock-page') },
  { path: 'chat', title: 'Chat', loadComponent: () => import('./features/chat/chat-page') },
  { path: 'diary', title: 'Diary card', loadComponent: () => import('./features/diary/diary-page') },
  { path: 'skills', title: 'Skills', loadComponent: () => import('./features/skills/skills-page') },
  { path: 'safety-plan', title: 'Safety plan', loadComponent: () => import('./features/safety-plan/safety-plan-page') },
  { path: 'trends', title: 'Trends', loadComponent: () => import('./features/trends/trends-page') },
  { path: 'chain', title: 'Chain analysis', loadComponent: () => import('./features/chain/chain-page') },
  { path: 'clients', title: 'Hand-off and clients', loadComponent: () => import('./features/clients/clients-page') },
  { path: 'settings', title: 'Settings', loadComponent: () => import('./features/settings/settings-page') },
  { path: '**', redirectTo: '' },
];
