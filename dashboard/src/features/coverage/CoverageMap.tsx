import { memo, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { MapShapes } from './mapShapes';
import type { SeverityKey } from './severity';

export interface MapRow {
  kommunenummer: string;
  name: string;
  severity: SeverityKey;
  severityLabel: string;
  /** The membership rests on weak or old evidence: drawn hatched. */
  weakEvidence: boolean;
}

interface Props {
  shapes: MapShapes;
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
 * The part of the map to show: all of it, or the bounds of the focused municipalities widened to
 * the map's proportions around their middle (the SVG keeps its size; only the view zooms).
 */
export function viewBoxFor(shapes: MapShapes, focus: string[]): [number, number, number, number] {
  const { width, height } = shapes;
  const inFocus = shapes.municipalities.filter((m) => focus.includes(m.kommunenummer));
  if (inFocus.length === 0) return [0, 0, width, height];
  const x0 = Math.min(...inFocus.map((m) => m.bounds[0]));
  const y0 = Math.min(...inFocus.map((m) => m.bounds[1]));
  const x1 = Math.max(...inFocus.map((m) => m.bounds[2]));
  const y1 = Math.max(...inFocus.map((m) => m.bounds[3]));
  const scale = Math.max((x1 - x0) / width, (y1 - y0) / height, 1e-3);
  const [w, h] = [width * scale, height * scale];
  return [(x0 + x1 - w) / 2, (y0 + y1 - h) / 2, w, h];
}

/** One municipality: redrawn only when its own attributes change (not on hover or another's selection). */
const MunicipalityPath = memo(function MunicipalityPath({
  kommunenummer,
  d,
  severity,
  selected,
  tabStop,
  label,
}: {
  kommunenummer: string;
  d: string;
  severity: SeverityKey;
  selected: boolean;
  tabStop: boolean;
  label: string;
}) {
  return (
    <path
      d={d}
      className={`muni sev-${severity}${selected ? ' muni-selected' : ''}`}
      data-kommunenummer={kommunenummer}
      role="button"
      tabIndex={tabStop ? 0 : -1}
      aria-label={label}
      aria-pressed={selected}
    >
      <title>{label}</title>
    </path>
  );
});

/** The municipality an event is about: the path it happened on (or inside), if any. */
const municipalityOf = (e: { target: EventTarget }): string | null =>
  ((e.target as Element).closest?.('[data-kommunenummer]') as SVGElement | null)?.dataset.kommunenummer ?? null;

/**
 * A pure SVG choropleth: draws what it is given (paths projected at build time), nothing fetched
 * or projected here. One tab stop for the whole map (the selected municipality, else the first):
 * the arrow keys move to the neighbour in that direction, Enter or Space opens it. The pointer and
 * the keys are handled once on the SVG (events bubble from the paths), not by 357 handlers.
 */
export function CoverageMap({ shapes, rows, focus, selected, ariaLabel, labelFor, onSelect }: Props) {
  const paths = shapes.municipalities;
  const borders = shapes.countyBorders;
  const viewBox = useMemo(() => viewBoxFor(shapes, focus), [shapes, focus]);
  // Patterns are drawn in the view's units: scaled so that they keep their size on the screen
  // whatever the zoom (560 is the map's width in CSS pixels).
  const unit = viewBox[2] / 560;
  const svg = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const hint = [hovered, active].map((k) => (k ? rows.get(k) : undefined)).find(Boolean);
  const shown = useMemo(() => paths.filter((p) => rows.has(p.kommunenummer)), [paths, rows]);
  const tabStop = [active, selected].find((k) => k && rows.has(k)) ?? shown[0]?.kommunenummer ?? null;
  // The labels change with the rows and the language only: not on hover or focus.
  const labels = useMemo(() => new Map([...rows].map(([k, row]) => [k, labelFor(row)])), [rows, labelFor]);
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
  const onClick = (e: MouseEvent) => {
    const k = municipalityOf(e);
    if (k) onSelect(k);
  };
  const onFocus = (e: FocusEvent) => {
    const k = municipalityOf(e);
    if (k) setActive(k);
  };
  // mouseover/mouseout bubble (mouseenter/-leave do not): the pointer entering a path, or leaving it.
  const onMouseOver = (e: MouseEvent) => setHovered(municipalityOf(e));
  const onMouseOut = (e: MouseEvent) => {
    const k = municipalityOf(e);
    setHovered((h) => (h === k ? null : h));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const k = municipalityOf(e);
    if (!k) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(k);
    } else move(e, k);
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
        viewBox={viewBox.join(' ')}
        role="group"
        aria-label={ariaLabel}
        data-testid="coverage-map"
        onClick={onClick}
        onFocus={onFocus}
        onMouseOver={onMouseOver}
        onMouseOut={onMouseOut}
        onKeyDown={onKeyDown}
      >
        <defs>
          {/* Not registered: hatched, so that it differs from every colour in greyscale and from the background. */}
          <pattern
            id="pattern-NOT_REGISTERED"
            patternUnits="userSpaceOnUse"
            width="5"
            height="5"
            patternTransform={`scale(${unit}) rotate(45)`}
          >
            <rect width="5" height="5" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="5" stroke="#858585" strokeWidth="1.5" />
          </pattern>
          {/* Merknad: dotted, so that it differs from «Advarsel» and «Ingen funn» in greyscale. */}
          <pattern
            id="pattern-INFO"
            patternUnits="userSpaceOnUse"
            width="5"
            height="5"
            patternTransform={`scale(${unit})`}
          >
            <rect width="5" height="5" fill="var(--sev-INFO)" />
            <circle cx="2.5" cy="2.5" r="1.1" fill="#0b3a66" />
          </pattern>
          <pattern
            id="weak-evidence-hatch"
            patternUnits="userSpaceOnUse"
            width="4"
            height="4"
            patternTransform={`scale(${unit}) rotate(-45)`}
          >
            <line x1="0" y1="0" x2="0" y2="4" className="hatch-line" />
          </pattern>
        </defs>
        <g>
          {paths.map(({ kommunenummer, d }) => {
            const row = rows.get(kommunenummer);
            if (!row) return <path key={kommunenummer} d={d} className="muni muni-hidden" aria-hidden="true" />;
            return (
              <MunicipalityPath
                key={kommunenummer}
                kommunenummer={kommunenummer}
                d={d}
                severity={row.severity}
                selected={selected === kommunenummer}
                tabStop={kommunenummer === tabStop}
                label={labels.get(kommunenummer) ?? ''}
              />
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
