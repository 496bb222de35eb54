//! The value axis: each line as change since its first figure, and the
//! range and ticks of a linear or a logarithmic axis.

use super::Chart;
use crate::format::{axis_tick, thousands_in};
use crate::query::{ChartKind, Relative, Scale};

impl Chart {
    /// The chart as a view draws it: its kind, relative change, its scale.
    /// The view's rules ([`crate::query::relative_allows`],
    /// [`crate::query::log_scale_allows`]) have been held already.
    pub fn drawn_as(mut self, kind: ChartKind, relative: Option<Relative>, scale: Scale) -> Chart {
        self.kind = kind;
        if kind == ChartKind::Share {
            self.make_shares();
        }
        if let Some(relative) = relative {
            self.make_relative(relative);
        }
        self.log_scale = scale == Scale::Log;
        if self.log_scale {
            let t = crate::words::words(self.lang);
            self.y_label = format!("{}, {}", self.y_label, t.log_scale_inline());
        }
        self
    }

    /// Each line as change since its first exact figure above zero (a
    /// range or a zero cannot be the base): an index (= 100) or a
    /// percentage, its bounds with it. Earlier points are left out, with
    /// nothing to compare them to.
    fn make_relative(&mut self, relative: Relative) {
        for series in &mut self.series {
            let start = series
                .points
                .iter()
                .position(|p| p.band.is_none() && p.value > 0.0);
            let Some(start) = start else {
                series.points.clear();
                continue;
            };
            let base = series.points[start].value;
            let change = |value: f64| match relative {
                Relative::Index => value / base * 100.0,
                Relative::Percent => (value / base - 1.0) * 100.0,
            };
            series.points.drain(..start);
            for point in &mut series.points {
                point.value = change(point.value);
                point.band = point
                    .band
                    .map(|(lower, upper)| (change(lower), change(upper)));
            }
        }
        let t = crate::words::words(self.lang);
        self.y_label = match relative {
            Relative::Index => t.relative_index(),
            Relative::Percent => t.relative_percent(),
        }
        .to_string();
    }

    /// Each series' share of its year's total across the series, in
    /// percent, its bounds with it.
    fn make_shares(&mut self) {
        let mut totals: Vec<(i32, f64)> = Vec::new();
        for point in self.series.iter().flat_map(|s| &s.points) {
            match totals.iter_mut().find(|(year, _)| *year == point.year) {
                Some((_, total)) => *total += point.value,
                None => totals.push((point.year, point.value)),
            }
        }
        for point in self.series.iter_mut().flat_map(|s| &mut s.points) {
            let total = totals
                .iter()
                .find(|(year, _)| *year == point.year)
                .map_or(0.0, |(_, t)| *t);
            let share = |value: f64| {
                if total > 0.0 {
                    value / total * 100.0
                } else {
                    0.0
                }
            };
            point.value = share(point.value);
            point.band = point
                .band
                .map(|(lower, upper)| (share(lower), share(upper)));
        }
        self.y_label = crate::words::words(self.lang).share_axis().to_string();
    }

    /// On a log scale, the chart in powers of ten: each value its
    /// logarithm, a value at or below zero left out, a bound at or below
    /// zero at the axis' foot.
    pub(super) fn logged(&self) -> Chart {
        let mut logged = self.clone();
        let foot = self.log_range().0;
        let log = |value: f64| if value > 0.0 { value.log10() } else { foot };
        for series in &mut logged.series {
            series.points.retain(|p| p.value > 0.0);
            for point in &mut series.points {
                point.value = point.value.log10();
                point.band = point.band.map(|(lower, upper)| (log(lower), log(upper)));
            }
        }
        logged
    }

    /// The powers of ten a log axis runs between, around every value and
    /// bound above zero: at least one decade.
    pub(super) fn log_range(&self) -> (f64, f64) {
        let positive = self
            .series
            .iter()
            .flat_map(|s| &s.points)
            .flat_map(|p| [Some(p.value), p.band.map(|b| b.0), p.band.map(|b| b.1)])
            .flatten()
            .filter(|v| *v > 0.0);
        let (low, high) = positive.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if low > high {
            return (0.0, 1.0);
        }
        let (foot, top) = (low.log10().floor(), high.log10().ceil());
        (foot, top.max(foot + 1.0))
    }

    /// The value axis' range as drawn: from zero (or below, for a fall in
    /// percent) to a little above the highest value, bound or stack; on a
    /// log scale ([`Chart::logged`]) whole powers of ten.
    pub(super) fn y_range(&self) -> (f64, f64) {
        if self.log_scale {
            return self.log_range();
        }
        let lowest = self
            .series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| p.band.map_or(p.value, |(lower, _)| lower.min(p.value)))
            .fold(0.0, f64::min);
        (lowest * 1.08, self.y_top())
    }

    /// A tick's words: a power of ten on a log scale (none between them),
    /// the value itself on a linear one.
    pub(super) fn tick(&self, value: f64, (foot, top): (f64, f64)) -> String {
        if !self.log_scale {
            return axis_tick(value, top.max(-foot), self.lang);
        }
        let exponent = value.round();
        if (value - exponent).abs() > 1e-9 {
            return String::new();
        }
        let power = 10f64.powi(exponent as i32);
        if exponent >= 0.0 {
            thousands_in(power.round() as i64, self.lang)
        } else {
            format!("{power:.*}", -exponent as usize)
        }
    }

    /// How many ticks the axis asks plotters for: one per power of ten on
    /// a log scale, so that each lands on one.
    pub(super) fn tick_count(&self, (foot, top): (f64, f64)) -> usize {
        if self.log_scale {
            (top - foot) as usize + 1
        } else {
            10
        }
    }
}
