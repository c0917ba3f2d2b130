import { Injectable } from '@nestjs/common';
import { DataSubject, ErasureOutcome } from '@chancery/policy';
import { PersonalDataHolders } from '../holders/personal-data-holders';

export interface HolderErasure extends ErasureOutcome {
  holder: string;
}

/**
 * Erasure (Art. 17; VERIFY T13): each holder deletes the person's records where no duty to keep them
 * applies and de-identifies them where one does (issued certificates, invoicing for 7 years, the
 * evidence of the audit log), saying why. Every holder's erase is idempotent: a second run finds
 * nothing left to change. In the caller's unit of work, so an erasure is whole or not at all.
 */
@Injectable()
export class PersonalDataEraser {
  constructor(private readonly holders: PersonalDataHolders) {}

  async erase(subject: DataSubject): Promise<HolderErasure[]> {
    const outcomes: HolderErasure[] = [];
    for (const holder of this.holders.all()) {
      outcomes.push({ holder: holder.holder, ...(await holder.erase(subject)) });
    }
    return outcomes;
  }
}
