import { County } from '../modules/municipality/county.entity';
import { Municipality } from '../modules/municipality/municipality.entity';
import { PopulationFigure } from '../modules/municipality/population.entity';
import { CrisisCentre } from '../modules/crisis-centre/crisis-centre.entity';
import { CentreMembership } from '../modules/crisis-centre/centre-membership.entity';

/** Every entity, passed as classes (not globs) so pnpm's layout and bundling cannot lose one. */
export const ENTITIES = [County, Municipality, PopulationFigure, CrisisCentre, CentreMembership];
