// What one API request did that the audit trail must record: the entities whose data it returned, those
// of them outside the caller's jurisdiction, and the changes it made. Resolvers and the presenter note
// these as they go; the audit plugin writes one record from them when the request ends.
export interface AuditWrite {
  /** What changed: `alert.assign`, `model.run`, `user.create`, `token.revoke`... */
  action: string;
  /** The uid or name it changed, when there is one. */
  target?: string;
}

export class AuditNotes {
  readonly entities = new Set<string>();
  readonly outside = new Set<string>();
  readonly writes: AuditWrite[] = [];
  /** Other things worth a record although no entity was returned (a search of the audit trail itself). */
  readonly remarks: string[] = [];

  /** This response carries data of the entity `uid`. */
  saw(uid: string): void {
    this.entities.add(uid);
  }

  /** `uid` lies outside the caller's jurisdiction and was read anyway (with a stated reason). */
  outsideJurisdiction(uid: string): void {
    this.outside.add(uid);
  }

  wrote(action: string, target?: string): void {
    this.writes.push(target === undefined ? { action } : { action, target });
  }

  remark(text: string): void {
    this.remarks.push(text);
  }

  get empty(): boolean {
    return this.entities.size === 0 && this.writes.length === 0 && this.remarks.length === 0;
  }
}
