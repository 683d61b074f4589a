import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { BundleImport } from '../settings/bundle-import';

/**
 * First-run screen: what DBT Coach is and is not, where urgent help is, and where data lives. It also
 * offers the signed model-bundle import (the same component as Settings → Models), so a clinic machine
 * can get its models before a vault exists; the import needs no vault.
 */
@Component({
  selector: 'app-welcome-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, BundleImport],
  templateUrl: './welcome-page.html',
  styleUrl: './welcome-page.scss',
})
export default class WelcomePage {}
