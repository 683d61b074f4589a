import { APP_BASE_HREF } from '@angular/common';
import { provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { provideAppIcons } from './core/icons';
import { PageTitleStrategy } from './core/page-title';

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    // No <base> tag: the CSP says base-uri 'none'. The router gets its base here, and the build
    // writes root-absolute asset URLs (deployUrl '/') so deep links like /diary reload correctly.
    { provide: APP_BASE_HREF, useValue: '/' },
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    provideAppIcons(),
  ],
};
