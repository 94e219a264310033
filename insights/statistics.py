"""Item-analysis statistics on plain numbers: frequency tables in, figures out.

Every function takes a *frequency table*: a mapping from a value (or an (x, y)
pair) to how many times it occurs, e.g. ``Counter([1, 0, 1, 1])``. The
selectors fetch such tables from SQL already grouped, so a quiz with 60,000
attempts arrives as a few hundred rows; ``frequencies()`` builds one from a
plain list (tests, small data).

Sample formulas throughout (variance and covariance divide by n - 1). A figure
that cannot be computed honestly is ``None``: fewer than ``MIN_SAMPLE``
observations ("not enough data"), or no spread at all (a correlation of a
constant is undefined). Callers say which of the two it was.

Definitions (as in Moodle's quiz statistics report):
- facility: mean score / maximum score (0..1).
- discrimination index: 100 * corr(x, y), x = the question's score, y = the
  attempt's total minus x (the rest of the quiz).
- discriminative efficiency: 100 * cov(x, y) / cov_max(x, y), where cov_max is
  the covariance when x and y are paired in the same sorted order (the largest
  covariance possible with the same marginal distributions).
- Cronbach's alpha: k / (k - 1) * (1 - sum of item variances / variance of totals).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

MIN_SAMPLE = 10
"""Below this many observations a statistic is "not enough data", not a number."""

Frequencies = Mapping[float, int]
PairFrequencies = Mapping[tuple[float, float], int]

# Review flags (Moodle's usual thresholds).
DISCRIMINATION_REVIEW_BELOW = 30.0
FACILITY_REVIEW_ABOVE = 0.95
FACILITY_REVIEW_BELOW = 0.2


def frequencies(values: Iterable) -> Counter:
    """A frequency table of plain values (or of (x, y) pairs)."""
    return Counter(values)


def count(table: Mapping) -> int:
    return sum(table.values())


def mean(table: Frequencies, *, min_n: int = 1) -> float | None:
    n = count(table)
    if n < max(min_n, 1):
        return None
    return math.fsum(value * k for value, k in table.items()) / n


def variance(table: Frequencies, *, min_n: int = 2) -> float | None:
    """Sample variance (n - 1)."""
    n = count(table)
    if n < max(min_n, 2):
        return None
    centre = mean(table)
    return math.fsum(k * (value - centre) ** 2 for value, k in table.items()) / (n - 1)


def standard_deviation(table: Frequencies, *, min_n: int = 2) -> float | None:
    var = variance(table, min_n=min_n)
    return None if var is None else math.sqrt(var)


def median(table: Frequencies, *, min_n: int = 1) -> float | None:
    """The middle value; the mean of the two middle values when n is even."""
    n = count(table)
    if n < max(min_n, 1):
        return None
    ordered = sorted(table.items())
    wanted = [(n - 1) // 2, n // 2]  # 0-based ranks of the middle value(s)
    found: list[float] = []
    seen = 0
    for value, k in ordered:
        while wanted and wanted[0] < seen + k:
            found.append(value)
            wanted.pop(0)
        seen += k
    return (found[0] + found[1]) / 2


def marginals(pairs: PairFrequencies) -> tuple[Counter, Counter]:
    xs: Counter = Counter()
    ys: Counter = Counter()
    for (x, y), k in pairs.items():
        xs[x] += k
        ys[y] += k
    return xs, ys


def covariance(pairs: PairFrequencies, *, min_n: int = 2) -> float | None:
    """Sample covariance (n - 1) of paired observations."""
    n = count(pairs)
    if n < max(min_n, 2):
        return None
    xs, ys = marginals(pairs)
    mx, my = mean(xs), mean(ys)
    return math.fsum(k * (x - mx) * (y - my) for (x, y), k in pairs.items()) / (n - 1)


def correlation(pairs: PairFrequencies, *, min_n: int = 2) -> float | None:
    """Pearson's r; None when either variable has no spread."""
    cov = covariance(pairs, min_n=min_n)
    if cov is None:
        return None
    xs, ys = marginals(pairs)
    vx, vy = variance(xs), variance(ys)
    if not vx or not vy:
        return None
    return max(-1.0, min(1.0, cov / math.sqrt(vx * vy)))


def max_covariance(pairs: PairFrequencies, *, min_n: int = 2) -> float | None:
    """The covariance if x and y were paired in the same sorted order (same marginals)."""
    n = count(pairs)
    if n < max(min_n, 2):
        return None
    xs, ys = marginals(pairs)
    mx, my = mean(xs), mean(ys)
    x_runs = sorted(xs.items())
    y_runs = sorted(ys.items())
    total = []
    i = j = 0
    x_left, y_left = x_runs[0][1], y_runs[0][1]
    while i < len(x_runs) and j < len(y_runs):
        step = min(x_left, y_left)
        total.append(step * (x_runs[i][0] - mx) * (y_runs[j][0] - my))
        x_left -= step
        y_left -= step
        if x_left == 0:
            i += 1
            x_left = x_runs[i][1] if i < len(x_runs) else 0
        if y_left == 0:
            j += 1
            y_left = y_runs[j][1] if j < len(y_runs) else 0
    return math.fsum(total) / (n - 1)


def facility(scores: Frequencies, max_points: float, *, min_n: int = MIN_SAMPLE) -> float | None:
    """Mean score as a share of the maximum (0..1)."""
    centre = mean(scores, min_n=min_n)
    if centre is None or not max_points:
        return None
    return centre / max_points


def discrimination_index(pairs: PairFrequencies, *, min_n: int = MIN_SAMPLE) -> float | None:
    """100 * corr(question score, rest of the quiz)."""
    r = correlation(pairs, min_n=min_n)
    return None if r is None else 100 * r


def discriminative_efficiency(pairs: PairFrequencies, *, min_n: int = MIN_SAMPLE) -> float | None:
    """100 * cov(x, y) / the largest covariance the same marginals allow."""
    cov = covariance(pairs, min_n=min_n)
    top = max_covariance(pairs, min_n=min_n)
    if cov is None or not top or top <= 0:
        return None
    return 100 * cov / top


def cronbach_alpha(
    item_variances: Sequence[float], total_variance: float | None
) -> float | None:
    """Internal consistency of k items answered by the same attempts."""
    k = len(item_variances)
    if k < 2 or not total_variance or any(v is None for v in item_variances):
        return None
    return k / (k - 1) * (1 - math.fsum(item_variances) / total_variance)


def review_reasons(facility_value: float | None, discrimination: float | None) -> list[str]:
    """Why a question needs review (empty: it does not). Thresholds are strict."""
    reasons = []
    if facility_value is not None and facility_value > FACILITY_REVIEW_ABOVE:
        reasons.append(f"too easy (facility above {FACILITY_REVIEW_ABOVE:.2f})")
    if facility_value is not None and facility_value < FACILITY_REVIEW_BELOW:
        reasons.append(f"too hard (facility below {FACILITY_REVIEW_BELOW:.2f})")
    if discrimination is not None and discrimination < DISCRIMINATION_REVIEW_BELOW:
        reasons.append(f"weak discrimination (below {DISCRIMINATION_REVIEW_BELOW:.0f})")
    return reasons


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
