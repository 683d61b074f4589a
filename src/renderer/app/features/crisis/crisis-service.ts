import { inject, Injectable } from '@angular/core';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { CrisisDialog } from './crisis-dialog';

/** Opens the crisis view once (a second crisis message while it is open does not stack another). */
@Injectable({ providedIn: 'root' })
export class CrisisService {
  private readonly dialog = inject(MatDialog);
  private ref: MatDialogRef<CrisisDialog, 'safe'> | null = null;

  get isOpen(): boolean {
    return this.ref !== null;
  }

  open(): MatDialogRef<CrisisDialog, 'safe'> {
    if (this.ref) return this.ref;
    const ref = this.dialog.open<CrisisDialog, void, 'safe'>(CrisisDialog, {
      // Not closable by Escape or the backdrop: only the explicit two-step "I'm safe right now".
      disableClose: true,
      width: '100vw',
      height: '100vh',
      maxWidth: '100vw',
      maxHeight: '100vh',
      panelClass: 'crisis-fullscreen',
      ariaLabelledBy: 'crisis-h',
      autoFocus: 'first-heading',
      restoreFocus: true,
    });
    this.ref = ref;
    ref.afterClosed().subscribe(() => (this.ref = null));
    return ref;
  }
}
