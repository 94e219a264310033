"""The statistics module against numpy over the same generated data, and one example by hand."""

import math
import random

import numpy as np
import pytest

from insights import statistics as st


def generated_attempts(seed: int, n: int = 400, k: int = 5):
    """n attempts at k questions, scores in {0, 0.5, 1, 2} driven by a latent ability."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        ability = rng.gauss(0, 1)
        row = []
        for item in range(k):
            p = 1 / (1 + math.exp(-(ability - (item - 2) * 0.6)))
            row.append(rng.choice([0, 0.5]) if rng.random() > p else rng.choice([1, 2]))
        rows.append(row)
    return np.array(rows, dtype=float)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_item_statistics_match_numpy(seed):
    scores = generated_attempts(seed)
    totals = scores.sum(axis=1)
    for item in range(scores.shape[1]):
        x = scores[:, item]
        y = totals - x
        pairs = st.frequencies(zip(x.tolist(), y.tolist(), strict=True))
        xs = st.frequencies(x.tolist())
        assert st.mean(xs) == pytest.approx(np.mean(x))
        assert st.variance(xs) == pytest.approx(np.var(x, ddof=1))
        assert st.standard_deviation(xs) == pytest.approx(np.std(x, ddof=1))
        assert st.median(xs) == pytest.approx(np.median(x))
        assert st.facility(xs, 2) == pytest.approx(np.mean(x) / 2)
        assert st.covariance(pairs) == pytest.approx(np.cov(x, y, ddof=1)[0, 1])
        assert st.discrimination_index(pairs) == pytest.approx(100 * np.corrcoef(x, y)[0, 1])
        best = np.cov(np.sort(x), np.sort(y), ddof=1)[0, 1]
        expected_de = 100 * np.cov(x, y, ddof=1)[0, 1] / best
        assert st.discriminative_efficiency(pairs) == pytest.approx(expected_de)
    item_vars = [st.variance(st.frequencies(scores[:, i].tolist())) for i in range(5)]
    k = scores.shape[1]
    alpha = k / (k - 1) * (1 - np.var(scores, axis=0, ddof=1).sum() / np.var(totals, ddof=1))
    total_var = st.variance(st.frequencies(totals.tolist()))
    assert st.cronbach_alpha(item_vars, total_var) == pytest.approx(alpha)
    assert st.median(st.frequencies(totals.tolist())) == pytest.approx(np.median(totals))


def test_worked_example_by_hand():
    """Two 1-point questions, five attempts; every figure below was computed on paper.

    x = [1, 1, 0, 1, 0] (question 1), y = [2, 0, 1, 2, 1] (question 2, the rest of the quiz).
    mean x = 0.6, var x = 1.2 / 4 = 0.3; mean y = 1.2, var y = 2.8 / 4 = 0.7;
    cov = (0.32 - 0.48 + 0.12 + 0.32 + 0.12) / 4 = 0.1; r = 0.1 / sqrt(0.21) = 0.2182.
    Sorted pairing (0,0) (0,1) (1,1) (1,2) (1,2) gives 1.4 / 4 = 0.35, so DE = 0.1 / 0.35.
    Totals [3, 1, 1, 3, 1]: var 4.8 / 4 = 1.2, alpha = 2 * (1 - (0.3 + 0.7) / 1.2) = 1/3.
    """
    x = [1, 1, 0, 1, 0]
    y = [2, 0, 1, 2, 1]
    pairs = st.frequencies(zip(x, y, strict=True))
    xs = st.frequencies(x)
    assert st.facility(xs, 1, min_n=2) == pytest.approx(0.6)
    assert st.variance(xs) == pytest.approx(0.3)
    assert st.standard_deviation(xs) == pytest.approx(math.sqrt(0.3))
    assert st.covariance(pairs) == pytest.approx(0.1)
    assert st.discrimination_index(pairs, min_n=2) == pytest.approx(21.8218, abs=1e-4)
    assert st.max_covariance(pairs) == pytest.approx(0.35)
    assert st.discriminative_efficiency(pairs, min_n=2) == pytest.approx(28.5714, abs=1e-4)
    totals = st.frequencies([3, 1, 1, 3, 1])
    assert st.cronbach_alpha([0.3, 0.7], st.variance(totals)) == pytest.approx(1 / 3)
    assert st.median(totals) == 1
    assert st.median(st.frequencies([4, 1, 3, 2])) == 2.5


def test_below_the_minimum_sample_is_not_a_number():
    nine = st.frequencies([(1, 2), (0, 1)] * 4 + [(1, 1)])
    ten = st.frequencies([(1, 2), (0, 1)] * 5)
    assert st.count(nine) == st.MIN_SAMPLE - 1
    assert st.discrimination_index(nine) is None
    assert st.discriminative_efficiency(nine) is None
    assert st.facility(st.marginals(nine)[0], 1) is None
    assert st.discrimination_index(ten) == pytest.approx(100)
    assert st.facility(st.marginals(ten)[0], 1) == pytest.approx(0.5)


def test_no_spread_gives_no_correlation():
    everyone_right = st.frequencies([(1, 2), (1, 1), (1, 0)] * 5)
    assert st.discrimination_index(everyone_right) is None
    assert st.discriminative_efficiency(everyone_right) is None
    assert st.cronbach_alpha([0.0, 0.0], 0.0) is None


@pytest.mark.parametrize(
    ("facility", "discrimination", "flagged"),
    [
        (0.95, 30.0, []),
        (0.9501, 30.0, ["too easy"]),
        (0.2, 30.0, []),
        (0.1999, 30.0, ["too hard"]),
        (0.5, 29.99, ["weak discrimination"]),
        (0.99, -5.0, ["too easy", "weak discrimination"]),
        (0.5, None, []),
        (None, None, []),
    ],
)
def test_review_flags_at_their_edges(facility, discrimination, flagged):
    reasons = st.review_reasons(facility, discrimination)
    assert [reason.split(" (")[0] for reason in reasons] == flagged
