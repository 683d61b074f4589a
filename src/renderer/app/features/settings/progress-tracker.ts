import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { ApiClient } from '../../core/api-client';

export interface TaskProgress {
  readonly task: string;
  readonly fraction: number | null;
  readonly label: string;
}

/** Model tasks the Models panel shows a bar for (names as the llm service emits them). */
export const MODEL_TASKS = ['model-import', 'model-verify', 'model-download', 'model-load'] as const;

/** The latest 'progress' event per model task; a task disappears once it reports fraction 1. */
@Injectable({ providedIn: 'root' })
export class ProgressTracker {
  readonly tasks = signal<Readonly<Record<string, TaskProgress>>>({});

  constructor() {
    const sub = inject(ApiClient)
      .on('progress')
      .subscribe((p) => {
        if (!(MODEL_TASKS as readonly string[]).includes(p.task)) return;
        this.tasks.update((t) => {
          const next = { ...t };
          if (p.fraction === 1) delete next[p.task];
          else next[p.task] = p;
          return next;
        });
      });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  clear(task: string): void {
    this.tasks.update((t) => {
      const next = { ...t };
      delete next[task];
      return next;
    });
  }
}
