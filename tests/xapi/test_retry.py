import pytest

from xapi.retry import next_delay, split_batch


def test_next_delay_grows_exponentially_under_full_jitter():
    highest = [next_delay(attempt, rng=lambda: 0.999999) for attempt in range(1, 6)]
    assert [round(d) for d in highest] == [2, 4, 8, 16, 32]
    assert next_delay(3, rng=lambda: 0.0) == 0.0
    assert next_delay(3, rng=lambda: 0.5) == 4.0


def test_next_delay_is_capped():
    assert next_delay(30, rng=lambda: 0.5) == 300.0
    assert next_delay(10_000, cap=60, rng=lambda: 1.0) == 60.0  # no overflow


def test_next_delay_never_undercuts_retry_after():
    assert next_delay(1, retry_after=7, rng=lambda: 0.1) == 7
    assert next_delay(1, retry_after=3600, rng=lambda: 0.1) == 3600  # even beyond the cap
    assert next_delay(8, retry_after=1, rng=lambda: 0.5) == 128.0


def test_next_delay_uses_random_jitter_by_default():
    delays = {next_delay(10) for _ in range(20)}
    assert len(delays) > 1
    assert all(0 <= d < 600 for d in delays)


def test_next_delay_attempts_are_one_based():
    with pytest.raises(ValueError):
        next_delay(0)


@pytest.mark.parametrize(("size", "left", "right"), [(2, 1, 1), (3, 1, 2), (50, 25, 25), (7, 3, 4)])
def test_split_batch_halves_in_order(size, left, right):
    batch = [f"s{i}" for i in range(size)]
    first, second = split_batch(batch)
    assert (len(first), len(second)) == (left, right)
    assert first + second == batch


def test_split_batch_refuses_a_single_statement():
    with pytest.raises(ValueError):
        split_batch(["only"])


def test_bisection_isolates_the_bad_statement():
    batch = [f"s{i}" for i in range(13)]
    pending, sends, isolated = [batch], 0, []
    while pending:
        current = pending.pop()
        sends += 1
        if "s9" not in current:  # the LRS accepts any batch without the bad one
            continue
        if len(current) == 1:
            isolated.append(current[0])
        else:
            pending.extend(split_batch(current))
    assert isolated == ["s9"]
    assert sends <= 2 * 4 + 1  # ~2 sends per halving
