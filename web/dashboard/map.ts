import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { Mission } from './api';
import { s } from './dom';
import { ENTITY, FOCUS_LAND, LAND, MISSION_COLOURS, MISSION_LABELS, NO_DATA, STATUS_COLOURS, STATUS_LABELS } from './palette';
import type { Standing } from './status';
import { missionKind } from './tables';

/**
 * The world map (world-atlas 1:110m shapes, d3-geo), coloured by status or carrying mission points.
 * It is a picture (role img with a label): the table beside it holds the same data for readers who
 * cannot see it, and its rows, not the shapes, are what a keyboard reaches.
 */

type Shape = Feature<Geometry, { name: string }>;
const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const shapes = (feature(topology, topology.objects.countries) as unknown as { features: Shape[] }).features;
export const WIDTH = 960;
export const HEIGHT = 480;
const worldProjection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'FeatureCollection', features: shapes });

/** Shapes the atlas gives no ISO numeric code: the graph's user-assigned codes. */
const UNNUMBERED: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'XN', Somaliland: 'XS' };

/** Which state of the graph a shape is, given the states' ISO numeric codes. */
export function shapeCodes(numericToCode: Map<string, string>): Map<Shape, string> {
  const out = new Map<Shape, string>();
  for (const shape of shapes) {
    const code = shape.id !== undefined ? numericToCode.get(String(Number(shape.id))) : UNNUMBERED[shape.properties.name];
    if (code) out.set(shape, code);
  }
  return out;
}

export interface StatusMapInput {
  entity: string;
  codes: Map<Shape, string>;
  standings: Map<string, Standing & { name: string }>;
  selected: string | null;
  onSelect: (code: string) => void;
}

export function drawStatusMap(svg: SVGSVGElement, input: StatusMapInput): void {
  const path = geoPath(worldProjection);
  svg.replaceChildren();
  let recognizing = 0;
  let selectedEl: SVGElement | null = null;
  for (const shape of shapes) {
    const code = input.codes.get(shape);
    const standing = code ? input.standings.get(code) : undefined;
    const isEntity = code === input.entity;
    const fill = isEntity ? ENTITY : standing ? STATUS_COLOURS[standing.status] : NO_DATA;
    const el = s('path', { d: path(shape) ?? '', fill, stroke: '#ffffff', 'stroke-width': 0.5, 'data-code': code, 'data-status': standing?.status, 'data-inferred': standing?.inferred ? 'true' : null });
    const label = isEntity ? `${shape.properties.name}: the entity itself` : standing ? `${standing.name}: ${STATUS_LABELS[standing.status]}${standing.inferred ? ' (inferred)' : ''}` : `${shape.properties.name}: not a state in the graph`;
    el.append(s('title', {}, label));
    if (standing && (standing.status === 'RECOGNIZES' || standing.status === 'WITHDRAWAL_CLAIMED')) recognizing++;
    if (standing && code) {
      el.addEventListener('click', () => input.onSelect(code));
      el.setAttribute('class', 'clickable');
    }
    if (code && code === input.selected) selectedEl = el;
    svg.append(el);
  }
  // the selected state on top, outlined
  if (selectedEl) {
    selectedEl.setAttribute('stroke', '#000000');
    selectedEl.setAttribute('stroke-width', '1.2');
    svg.append(selectedEl);
  }
  svg.dataset.recognizing = String(recognizing);
}

const SYMBOL_SIZE = 3.2;
/** One symbol per kind, so that kinds differ by shape as well as by colour. */
export function missionSymbol(kind: ReturnType<typeof missionKind>, x: number, y: number, r = SYMBOL_SIZE): SVGElement {
  const colour = MISSION_COLOURS[kind];
  switch (kind) {
    case 'embassy':
      return s('circle', { cx: x, cy: y, r, fill: colour, stroke: '#ffffff', 'stroke-width': 0.6 });
    case 'consulate':
      return s('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: colour, stroke: '#000000', 'stroke-width': 0.5 });
    case 'other':
      return s('path', { d: `M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.9}L${x - r * 1.1},${y + r * 0.9}Z`, fill: colour, stroke: '#ffffff', 'stroke-width': 0.5 });
    case 'honorary':
      return s('path', { d: `M${x - r},${y}L${x + r},${y}M${x},${y - r}L${x},${y + r}`, stroke: colour, 'stroke-width': 1.4 });
  }
}

export interface MissionMapInput {
  focus: string;
  codes: Map<Shape, string>;
  missions: Mission[];
  /** Fit the map to the focus state (missions in it) or show the world (its missions abroad). */
  zoom: boolean;
}

export function drawMissionMap(svg: SVGSVGElement, input: MissionMapInput): { drawn: number } {
  const focusShape = [...input.codes].find(([, code]) => code === input.focus)?.[0];
  let projection: GeoProjection = worldProjection;
  if (input.zoom && focusShape) projection = geoNaturalEarth1().fitExtent([[40, 40], [WIDTH - 40, HEIGHT - 40]], focusShape);
  const path = geoPath(projection);
  svg.replaceChildren();
  for (const shape of shapes) {
    const isFocus = shape === focusShape;
    svg.append(s('path', { d: path(shape) ?? '', fill: isFocus ? FOCUS_LAND : LAND, stroke: '#ffffff', 'stroke-width': 0.5 }));
  }
  let drawn = 0;
  // embassies last, on top: the kind most readers look for
  const order = ['honorary', 'other', 'consulate', 'embassy'];
  const placed = input.missions.filter((m) => m.location).sort((a, b) => order.indexOf(missionKind(a.type)) - order.indexOf(missionKind(b.type)));
  for (const m of placed) {
    const point = projection([m.location!.longitude, m.location!.latitude]);
    if (!point || point[0] < 0 || point[0] > WIDTH || point[1] < 0 || point[1] > HEIGHT) continue;
    const kind = missionKind(m.type);
    const symbol = missionSymbol(kind, point[0], point[1]);
    symbol.setAttribute('data-kind', kind);
    symbol.append(s('title', {}, `${m.sender.name}: ${m.typeLabel} in ${m.city?.name ?? 'an unnamed city'}${m.host ? `, ${m.host.name}` : ''} (${MISSION_LABELS[kind]})`));
    svg.append(symbol);
    drawn++;
  }
  svg.dataset.points = String(drawn);
  return { drawn };
}
