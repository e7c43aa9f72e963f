import { useMemo } from 'react';
import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Boundaries } from './boundaries';
import type { SeverityKey } from './severity';

const WIDTH = 560;
const HEIGHT = 760;

export interface MapRow {
  kommunenummer: string;
  name: string;
  severity: SeverityKey;
  severityLabel: string;
  /** The membership rests on weak or old evidence: drawn hatched. */
  weakEvidence: boolean;
}

interface Props {
  boundaries: Boundaries;
  rows: Map<string, MapRow>;
  /** Zoom to these municipalities (a county); all of Norway when empty. */
  focus: string[];
  selected: string | null;
  ariaLabel: string;
  labelFor(row: MapRow): string;
  onSelect(kommunenummer: string): void;
}

/** A pure SVG choropleth: draws what it is given, nothing fetched here. */
export function CoverageMap({ boundaries, rows, focus, selected, ariaLabel, labelFor, onSelect }: Props) {
  const { paths, borders } = useMemo(() => {
    const target: FeatureCollection<Polygon | MultiPolygon> = focus.length
      ? { type: 'FeatureCollection', features: boundaries.municipalities.filter((m) => focus.includes(m.kommunenummer)).map((m) => m.feature) }
      : boundaries.collection;
    const projection = geoTransverseMercator().rotate([-15, 0]).fitSize([WIDTH, HEIGHT], target);
    const path = geoPath(projection);
    return {
      paths: boundaries.municipalities.map((m) => ({ kommunenummer: m.kommunenummer, d: path(m.feature) ?? '' })),
      borders: path(boundaries.countyBorders) ?? '',
    };
  }, [boundaries, focus]);

  return (
    <svg className="coverage-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={ariaLabel} data-testid="coverage-map">
      <defs>
        <pattern id="weak-evidence-hatch" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="4" className="hatch-line" />
        </pattern>
      </defs>
      <g>
        {paths.map(({ kommunenummer, d }) => {
          const row = rows.get(kommunenummer);
          if (!row) return <path key={kommunenummer} d={d} className="muni muni-hidden" aria-hidden="true" />;
          const label = labelFor(row);
          return (
            <path
              key={kommunenummer}
              d={d}
              className={`muni sev-${row.severity}${selected === kommunenummer ? ' muni-selected' : ''}`}
              data-kommunenummer={kommunenummer}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={selected === kommunenummer}
              onClick={() => onSelect(kommunenummer)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(kommunenummer);
                }
              }}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </g>
      <g aria-hidden="true" className="hatches">
        {paths.map(({ kommunenummer, d }) =>
          rows.get(kommunenummer)?.weakEvidence ? <path key={kommunenummer} d={d} className="muni-hatch" data-hatched={kommunenummer} fill="url(#weak-evidence-hatch)" /> : null,
        )}
      </g>
      <path d={borders} className="county-borders" aria-hidden="true" />
    </svg>
  );
}
