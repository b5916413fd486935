/**
 * The monthly chart of one target: bars per month (left axis), the running total and the even pace
 * line (right axis, so a yearly 2000 does not flatten a month's bars). Drawn with Recharts (SVG).
 */
import { Bar, CartesianGrid, ComposedChart, LabelList, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TargetProgress } from '../../../shared/ledger';

const COLORS = { bar: '#9fb3c8', cumulative: '#b4372d', pace: '#6b7785' };
const AXIS_TICK = { fontSize: 12, fill: '#86909c' };

export function MonthlyChart({ target }: { target: TargetProgress }) {
  const data = target.monthly.map((m) => ({
    month: `${m.month}月`,
    count: m.count,
    cumulative: m.cumulative,
    pace: Math.round(m.pace * 10) / 10,
  }));
  const unit = target.unit === 'points' ? '分' : target.unit === 'count' ? '项' : '篇';
  return (
    <figure className="monthly-chart" aria-label={`${target.name}月度走势`}>
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={data} margin={{ top: 18, right: 4, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="#edf0f3" vertical={false} />
          <XAxis dataKey="month" tickLine={false} axisLine={{ stroke: '#d5d9df' }} tick={{ fontSize: 12, fill: '#4e5969' }} />
          <YAxis yAxisId="month" allowDecimals={false} tickLine={false} axisLine={false} tick={AXIS_TICK} />
          <YAxis yAxisId="total" orientation="right" allowDecimals={false} tickLine={false} axisLine={false} tick={AXIS_TICK} />
          <Tooltip formatter={(value, name) => [`${String(value)} ${unit}`, String(name)]} contentStyle={{ fontSize: 12, borderRadius: 6 }} />
          <Legend verticalAlign="top" align="right" height={28} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="month" dataKey="count" name="当月" fill={COLORS.bar} radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false}>
            <LabelList dataKey="count" position="top" className="bar-label" formatter={(v: unknown) => (typeof v === 'number' && v !== 0 ? v : '')} />
          </Bar>
          <Line yAxisId="total" dataKey="cumulative" name="累计" stroke={COLORS.cumulative} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          <Line yAxisId="total" dataKey="pace" name="均衡进度" stroke={COLORS.pace} strokeWidth={1.5} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
