import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ProviderKind } from '../../../../shared/api';
import { PrivacyStore } from '../settings/privacy-store';
import { ChatStore } from './chat-store';
import { OfflineChip } from './offline-chip';

const LABELS: Record<ProviderKind, string> = { local: 'Local', relay: 'Relay', server: 'Server' };

/** Conversation title, the "Don't save" switch, the per-conversation provider switch, and the Offline/Online chip. */
@Component({
  selector: 'app-chat-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatSlideToggleModule, OfflineChip],
  template: `
    <header class="head">
      <h1 class="title">{{ title() }}</h1>
      @if (store.privateMode()) {
        <span class="private-chip" role="status">Not saved</span>
      }
      <mat-slide-toggle
        class="private"
        [checked]="store.privateMode()"
        [disabled]="store.streaming()"
        (change)="store.setPrivate($event.checked)"
        aria-describedby="private-hint"
        >Don't save</mat-slide-toggle
      >
      <span id="private-hint" class="visually-hidden"
        >Starts a new conversation that is kept only while it is open: it is never written to this computer and is gone
        when you close it or the app locks.</span
      >
      <label class="provider">
        Provider
        <select [value]="store.provider()" (change)="pick($event)" [disabled]="store.streaming()">
          @for (k of kinds; track k) {
            <option [value]="k" [disabled]="!available(k)" [selected]="k === store.provider()">
              {{ labels[k] }}{{ available(k) ? '' : ' (not available)' }}
            </option>
          }
        </select>
      </label>
      <app-offline-chip />
    </header>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .title {
      flex: 1;
      margin: 0;
      font: var(--mat-sys-title-large);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .provider {
      display: inline-flex;
      gap: 6px;
      align-items: center;
      font: var(--mat-sys-label-large);
    }
    select {
      font: inherit;
      padding: 4px;
    }
    .private-chip {
      padding: 4px 12px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class ChatHeader {
  protected readonly store = inject(ChatStore);
  private readonly privacy = inject(PrivacyStore);
  protected readonly kinds: readonly ProviderKind[] = ['local', 'relay', 'server'];
  protected readonly labels = LABELS;
  protected readonly title = computed(() => {
    // A chat started here has no stored Conversation yet; the sidebar learns its title first.
    const id = this.store.conversationId();
    if (this.store.privateMode()) return 'Private chat';
    return this.store.conversation()?.title || (id && this.store.list.find(id)?.title) || 'New chat';
  });

  protected available(k: ProviderKind): boolean {
    const a = this.privacy.settings()?.available;
    // Local is offered until settings arrive; the main process still refuses it if no model is ready.
    return a ? a[k] : k === 'local';
  }

  protected pick(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value === 'local' || value === 'relay' || value === 'server') this.store.providerChoice.set(value);
  }
}
