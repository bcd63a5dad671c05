import { Query } from '@nestjs/cqrs';
import type { KudosItem } from './feed-kudos';

export interface MyRecognition {
  received: number;
  sent: number;
  valuesReceived: Record<string, number>;
  lastRecognisedAt: string | null;
  recentlyReceived: KudosItem[];
}

/** A person's own recognition: for them alone, so nothing in it is compared with anyone else. */
export class MyRecognitionQuery extends Query<MyRecognition> {
  constructor(readonly personId: string) {
    super();
  }
}
