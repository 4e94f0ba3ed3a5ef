// A bar chart drawn as SVG elements (no library, no inline style: the CSP allows none), for any panel.
//
// Each bar is a group holding a full-height transparent hit area and the bar itself, under one <title>, so
// hovering anywhere over a day (even an empty one) shows its exact figures. The chart is an image with a
// name; the panel that draws it also gives the same figures as a table, its text alternative.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 84 };
const TICKS = 4;

function svg(name, attributes = {}, text = null) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }

  if (text !== null) {
    element.textContent = text;
  }

  return element;
}

/** The frame every chart shares: the named image, its value axis, and the x and y of a slot and a value. */
function frame({ count, top, tick, name }) {
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': name });
  chart.append(svg('title', {}, name));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (value) => MARGIN.top + plotHeight - (plotHeight * value) / top;
  chart.append(axis(top, tick, y));
  const slot = plotWidth / Math.max(count, 1);
  return { chart, y, slot, plotHeight, x: (index) => MARGIN.left + index * slot };
}

/** A slot's group: its exact figures as data-* attributes, its title, and a full-height hit area. */
function slotGroup(bar, x, slot, plotHeight) {
  const group = svg('g', { class: 'bar-group' });
  Object.assign(group.dataset, bar.data);
  group.append(svg('title', {}, bar.title), svg('rect', { class: 'hit', x, y: MARGIN.top, width: slot, height: plotHeight }));
  return group;
}

function xLabel(label, x, slot) {
  return svg('text', { class: 'x-label', x: x + slot / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, label);
}

/**
 * `bars`: [{ label, value, title, data }] with integer values; `top`: the scale's top, an integer multiple of 4
 * at or above every value; `tick(value)`: an axis label; `name`: what the chart shows, for screen readers.
 * Every bar's `data` becomes data-* attributes of its group, for tests and tools to read the exact figures.
 */
export function barChart({ bars, top, tick, name, labelEvery = 5 }) {
  const { chart, y, slot, plotHeight, x } = frame({ count: bars.length, top, tick, name });
  bars.forEach((bar, index) => {
    const group = slotGroup(bar, x(index), slot, plotHeight);
    group.append(svg('rect', { class: 'bar', x: x(index) + slot * 0.15, y: y(bar.value), width: slot * 0.7, height: y(0) - y(bar.value) }));
    chart.append(group);
    if (index % labelEvery === 0 || index === bars.length - 1) {
      chart.append(xLabel(bar.label, x(index), slot));
    }
  });
  return chart;
}

/**
 * A stacked bar per slot: `bars`: [{ label, title, data, segments: [{ key, value, title }] }], segments drawn
 * bottom up with the class `segment segment-{key}` (the stylesheet colours them) and data-key / data-value
 * attributes; `top` at or above every bar's sum. Empty segments are left out of the drawing.
 */
export function stackedBarChart({ bars, top, tick, name }) {
  const { chart, y, slot, plotHeight, x } = frame({ count: bars.length, top, tick, name });
  bars.forEach((bar, index) => {
    const group = slotGroup(bar, x(index), slot, plotHeight);
    let base = 0;
    for (const segment of bar.segments.filter((candidate) => candidate.value > 0)) {
      const rect = svg('rect', {
        class: `segment segment-${segment.key}`, x: x(index) + slot * 0.2, y: y(base + segment.value), width: slot * 0.6,
        height: y(base) - y(base + segment.value), 'data-key': segment.key, 'data-value': segment.value,
      });
      rect.append(svg('title', {}, segment.title));
      group.append(rect);
      base += segment.value;
    }

    chart.append(group, xLabel(bar.label, x(index), slot));
  });
  return chart;
}

/** The value axis: a grid line and a label at 0, ¼, ½, ¾ and all of `top` (integers: top is a multiple of 4). */
function axis(top, tick, y) {
  const group = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  for (let i = 0; i <= TICKS; i += 1) {
    const value = (top / TICKS) * i;
    group.append(
      svg('line', { class: i === 0 ? 'baseline' : 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value) }),
      svg('text', { class: 'y-label', x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, tick(value)));
  }

  return group;
}
