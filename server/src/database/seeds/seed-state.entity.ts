import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which one-time demo seeds have been applied, so a restart never re-adds what a user deleted. */
@Entity('seed_state')
export class SeedState {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'applied_at', type: 'timestamptz', default: () => 'now()' })
  appliedAt: Date;
}
