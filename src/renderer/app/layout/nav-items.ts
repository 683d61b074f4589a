/** The main navigation. Screens reached another way (welcome, onboarding, unlock) are not listed. */
export interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly icon: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/chat', label: 'Chat', icon: 'chat' },
  { path: '/diary', label: 'Diary card', icon: 'diary' },
  { path: '/skills', label: 'Skills', icon: 'skills' },
  { path: '/safety-plan', label: 'Safety plan', icon: 'safety-plan' },
  { path: '/trends', label: 'Trends', icon: 'trends' },
  { path: '/chain', label: 'Chain analysis', icon: 'chain' },
  { path: '/clients', label: 'Hand-off', icon: 'handoff' },
  { path: '/settings', label: 'Settings', icon: 'settings' },
];
