import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
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

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

/**
 * The municipality nearest to `from` in the arrow's direction (within 60° of it), or null.
 * Exported for its test.
 */
export function nextInDirection(
  from: [number, number],
  key: string,
  candidates: { kommunenummer: string; centroid: [number, number] }[],
): string | null {
  const dir = DIRECTIONS[key];
  if (!dir) return null;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const dx = c.centroid[0] - from[0];
    const dy = c.centroid[1] - from[1];
    const along = dx * dir[0] + dy * dir[1];
    if (along <= 0) continue;
    const across = Math.abs(dx * dir[1] - dy * dir[0]);
    if (across > along * Math.tan(Math.PI / 3)) continue;
    // Prefer what lies straight ahead: sideways distance counts double.
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = c.kommunenummer;
    }
  }
  return best;
}

/**
 * A pure SVG choropleth: draws what it is given, nothing fetched here. One tab stop for the whole
 * map (the selected municipality, else the first): the arrow keys move to the neighbour in that
 * direction, Enter or Space opens it.
 */
export function CoverageMap({ boundaries, rows, focus, selected, ariaLabel, labelFor, onSelect }: Props) {
  const { paths, borders } = useMemo(() => {
    const target: FeatureCollection<Polygon | MultiPolygon> = focus.length
      ? {
          type: 'FeatureCollection',
          features: boundaries.municipalities.filter((m) => focus.includes(m.kommunenummer)).map((m) => m.feature),
        }
      : boundaries.collection;
    // No antimeridian clipping (Norway, turned 15° east, is nowhere near it): that clipping was
    // most of the time to fit and draw the 357 shapes. One decimal is a tenth of a pixel here.
    const projection = geoTransverseMercator()
      .rotate([-15, 0])
      .preclip((stream) => stream)
      .fitSize([WIDTH, HEIGHT], target);
    const path = geoPath(projection).digits(1);
    return {
      paths: boundaries.municipalities.map((m) => ({
        kommunenummer: m.kommunenummer,
        d: path(m.feature) ?? '',
        centroid: path.centroid(m.feature) as [number, number],
      })),
      borders: path(boundaries.countyBorders) ?? '',
    };
  }, [boundaries, focus]);
  const svg = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const hint = [hovered, active].map((k) => (k ? rows.get(k) : undefined)).find(Boolean);
  const shown = paths.filter((p) => rows.has(p.kommunenummer));
  const tabStop = [active, selected].find((k) => k && rows.has(k)) ?? shown[0]?.kommunenummer ?? null;
  const move = (e: KeyboardEvent, from: string) => {
    const here = paths.find((p) => p.kommunenummer === from);
    const to =
      here &&
      nextInDirection(
        here.centroid,
        e.key,
        shown.filter((p) => p.kommunenummer !== from),
      );
    if (!DIRECTIONS[e.key]) return;
    e.preventDefault();
    if (!to) return;
    setActive(to);
    (svg.current?.querySelector(`[data-kommunenummer="${to}"]`) as SVGElement | null)?.focus();
  };

  return (
    <div className="map-wrap">
      {/* Whatever the pointer or the focus is on, by name and finding (a screen reader hears the path's own label). */}
      <p className="map-hint" aria-hidden="true" data-testid="map-hint">
        {hint ? labelFor(hint) : '\u00a0'}
      </p>
      <svg
        ref={svg}
        className="coverage-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={ariaLabel}
        data-testid="coverage-map"
      >
        <defs>
          {/* Not registered: hatched, so that it differs from every colour in greyscale and from the background. */}
          <pattern
            id="pattern-NOT_REGISTERED"
            patternUnits="userSpaceOnUse"
            width="5"
            height="5"
            patternTransform="rotate(45)"
          >
            <rect width="5" height="5" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="5" stroke="#858585" strokeWidth="1.5" />
          </pattern>
          {/* Merknad: dotted, so that it differs from «Advarsel» and «Ingen funn» in greyscale. */}
          <pattern id="pattern-INFO" patternUnits="userSpaceOnUse" width="5" height="5">
            <rect width="5" height="5" fill="var(--sev-INFO)" />
            <circle cx="2.5" cy="2.5" r="1.1" fill="#0b3a66" />
          </pattern>
          <pattern
            id="weak-evidence-hatch"
            patternUnits="userSpaceOnUse"
            width="4"
            height="4"
            patternTransform="rotate(-45)"
          >
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
                tabIndex={kommunenummer === tabStop ? 0 : -1}
                aria-label={label}
                aria-pressed={selected === kommunenummer}
                onClick={() => onSelect(kommunenummer)}
                onFocus={() => setActive(kommunenummer)}
                onMouseEnter={() => setHovered(kommunenummer)}
                onMouseLeave={() => setHovered((h) => (h === kommunenummer ? null : h))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(kommunenummer);
                  } else move(e, kommunenummer);
                }}
              >
                <title>{label}</title>
              </path>
            );
          })}
        </g>
        <g aria-hidden="true" className="hatches">
          {paths.map(({ kommunenummer, d }) =>
            rows.get(kommunenummer)?.weakEvidence ? (
              <path
                key={kommunenummer}
                d={d}
                className="muni-hatch"
                data-hatched={kommunenummer}
                fill="url(#weak-evidence-hatch)"
              />
            ) : null,
          )}
        </g>
        <path d={borders} className="county-borders" aria-hidden="true" />
      </svg>
    </div>
  );
}
